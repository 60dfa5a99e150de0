import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { TaskRepository } from '../../../ports/task.repository.port';
import { loadOwnedTask } from '../../load-owned-task';
import { toTaskView, type TaskView } from '../../task.view';
import { GetTaskQuery } from './get-task.query';

/** Reads through the write-side repository: a read straight after a write must see it. */
@QueryHandler(GetTaskQuery)
export class GetTaskHandler implements IQueryHandler<GetTaskQuery> {
  constructor(private readonly tasks: TaskRepository) {}

  async execute(query: GetTaskQuery): Promise<TaskView> {
    return toTaskView(await loadOwnedTask(this.tasks, query.ownerId, query.taskId));
  }
}
