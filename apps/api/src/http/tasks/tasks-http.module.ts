import { Module } from '@nestjs/common';
import { taskHandlers } from '@primetrade/domain';
import { TasksController } from './tasks.controller';

/** Tasks context at the HTTP edge. */
@Module({
  controllers: [TasksController],
  providers: [...taskHandlers],
})
export class TasksHttpModule {}
