import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Page } from '../../../../shared/application/page';
import { Clock } from '../../../../shared/ports/clock.port';
import { TaskReadModel } from '../../../ports/task-read-model.port';
import { decodeTaskCursor, encodeTaskCursor } from '../../task-list-cursor';
import type { TaskView } from '../../task.view';
import { ListTasksQuery, TASK_PAGE_LIMIT } from './list-tasks.query';

@QueryHandler(ListTasksQuery)
export class ListTasksHandler implements IQueryHandler<ListTasksQuery> {
  constructor(
    private readonly readModel: TaskReadModel,
    private readonly clock: Clock,
  ) {}

  async execute(query: ListTasksQuery): Promise<Page<TaskView>> {
    const requested = Number.isFinite(query.limit) ? Math.trunc(query.limit) : TASK_PAGE_LIMIT.default;
    const limit = Math.min(Math.max(1, requested), TASK_PAGE_LIMIT.max);
    const after = query.cursor ? decodeTaskCursor(query.sort, query.order, query.cursor) : null;
    // One extra row tells whether another page exists without a count query.
    const rows = await this.readModel.list(query.ownerId, {
      criteria: { ...query.criteria, now: this.clock.now() },
      sort: query.sort,
      order: query.order,
      after,
      limit: limit + 1,
    });
    const items = rows.slice(0, limit);
    const nextCursor = rows.length > limit ? encodeTaskCursor(query.sort, query.order, items[items.length - 1]) : null;
    return { items, nextCursor };
  }
}
