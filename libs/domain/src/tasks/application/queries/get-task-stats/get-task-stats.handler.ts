import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { TaskStatistics } from '../../../ports/task-statistics.port';
import type { TaskStats } from '../../task-stats';
import { GetTaskStatsQuery } from './get-task-stats.query';

@QueryHandler(GetTaskStatsQuery)
export class GetTaskStatsHandler implements IQueryHandler<GetTaskStatsQuery> {
  constructor(
    private readonly statistics: TaskStatistics,
    private readonly clock: Clock,
  ) {}

  execute(query: GetTaskStatsQuery): Promise<TaskStats> {
    return this.statistics.overview(query.ownerId, this.clock.now());
  }
}
