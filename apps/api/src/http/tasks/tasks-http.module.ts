import { Module } from '@nestjs/common';
import { taskHandlers } from '@primetrade/domain';
import { TaskBulkController } from './bulk/task-bulk.controller';
import { TasksController } from './tasks.controller';
import { TaskCreationQuota } from '../throttling/task-creation-quota';
import { TaskTransferController } from './transfer/task-transfer.controller';

/** Tasks context at the HTTP edge. */
@Module({
  controllers: [TaskTransferController, TaskBulkController, TasksController],
  providers: [...taskHandlers, TaskCreationQuota],
})
export class TasksHttpModule {}
