import { Query } from '@nestjs/cqrs';
import type { TaskView } from '../../task.view';

export class GetTaskQuery extends Query<TaskView> {
  constructor(
    readonly ownerId: string,
    readonly taskId: string,
  ) {
    super();
  }
}
