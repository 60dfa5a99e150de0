import { Module } from '@nestjs/common';
import { taskHandlers } from '@primetrade/domain';
import { TasksController } from './tasks.controller';
import { TaskTransferController } from './transfer/task-transfer.controller';

/** Tasks context at the HTTP edge. */
@Module({
  controllers: [TaskTransferController, TasksController],
  providers: [...taskHandlers],
})
export class TasksHttpModule {}
