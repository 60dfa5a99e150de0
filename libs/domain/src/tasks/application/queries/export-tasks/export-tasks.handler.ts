import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { TaskReadModel, type TaskListPosition, type TaskListRequest } from '../../../ports/task-read-model.port';
import { taskSortKey } from '../../task-list-cursor';
import type { TaskView } from '../../task.view';
import { ExportTasksQuery } from './export-tasks.query';

/** Rows read per round trip: memory stays flat however many tasks there are. */
export const EXPORT_PAGE_SIZE = 500;

@QueryHandler(ExportTasksQuery)
export class ExportTasksHandler implements IQueryHandler<ExportTasksQuery> {
  constructor(
    private readonly readModel: TaskReadModel,
    private readonly clock: Clock,
  ) {}

  async execute(query: ExportTasksQuery): Promise<AsyncIterable<TaskView>> {
    const request: Omit<TaskListRequest, 'after'> = {
      criteria: { ...query.criteria, now: this.clock.now() },
      sort: query.sort,
      order: query.order,
      limit: EXPORT_PAGE_SIZE,
    };
    const readModel = this.readModel;
    return (async function* pages() {
      let after: TaskListPosition | null = null;
      for (;;) {
        const page = await readModel.list(query.ownerId, { ...request, after });
        yield* page;
        const last = page.at(-1);
        if (page.length < EXPORT_PAGE_SIZE || !last) return;
        after = { key: taskSortKey(last, query.sort), id: last.id };
      }
    })();
  }
}
