import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Page } from '../../../../shared/application/page';
import { Clock } from '../../../../shared/ports/clock.port';
import { TaskReadModel } from '../../../ports/task-read-model.port';
import { decodeTaskCursor, encodeTaskCursor } from '../../task-list-cursor';
import type { TaskView } from '../../task.view';
import { ListTasksQuery, TASK_PAGE_LIMIT } from './list-tasks.query';

@QueryHandler(ListTasksQuery)
export class ListTasksHandler implements IQueryHandler<ListTasksQuery> {
  /**
   * The page made of a rows array the read model hands out again (from its cache, for the same
   * request): made once, so the layers above can remember what they make of it too.
   */
  private readonly pages = new WeakMap<readonly TaskView[], { key: string; page: Page<TaskView> }>();

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
    const key = `${query.sort} ${query.order} ${limit}`;
    const known = this.pages.get(rows);
    if (known?.key === key) return known.page;
    const items = rows.slice(0, limit);
    const nextCursor = rows.length > limit ? encodeTaskCursor(query.sort, query.order, items[items.length - 1]) : null;
    const page = { items, nextCursor };
    this.pages.set(rows, { key, page });
    return page;
  }
}
