import { Query } from '@nestjs/cqrs';
import type { Page } from '../../../../shared/application/page';
import type { SortOrder, TaskListCriteria, TaskSortField } from '../../../ports/task-read-model.port';
import type { TaskView } from '../../task.view';

export const TASK_PAGE_LIMIT = { default: 20, max: 100 } as const;

export class ListTasksQuery extends Query<Page<TaskView>> {
  constructor(
    readonly ownerId: string,
    readonly criteria: Omit<TaskListCriteria, 'now'>,
    readonly sort: TaskSortField = 'createdAt',
    readonly order: SortOrder = 'desc',
    readonly limit: number = TASK_PAGE_LIMIT.default,
    readonly cursor?: string,
  ) {
    super();
  }
}
