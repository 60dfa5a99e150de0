import { Query } from '@nestjs/cqrs';
import type { TaskStats } from '../../task-stats';

export class GetTaskStatsQuery extends Query<TaskStats> {
  constructor(readonly ownerId: string) {
    super();
  }
}
