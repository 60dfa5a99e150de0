import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { TaskReadModel } from '../../../ports/task-read-model.port';
import { taskPages } from '../../task-pages';
import type { TaskView } from '../../task.view';
import { ExportTasksQuery } from './export-tasks.query';

@QueryHandler(ExportTasksQuery)
export class ExportTasksHandler implements IQueryHandler<ExportTasksQuery> {
  constructor(
    private readonly readModel: TaskReadModel,
    private readonly clock: Clock,
  ) {}

  async execute(query: ExportTasksQuery): Promise<AsyncIterable<TaskView>> {
    return taskPages(this.readModel, query.ownerId, {
      criteria: { ...query.criteria, now: this.clock.now() },
      sort: query.sort,
      order: query.order,
    });
  }
}
