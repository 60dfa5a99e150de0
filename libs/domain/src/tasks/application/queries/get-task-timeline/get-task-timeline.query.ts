import { Query } from '@nestjs/cqrs';
import type { TaskTimeline } from '../../task-timeline';

/** Tasks created and completed per day over the last `days` days in `timeZone`, and the completion streak. */
export class GetTaskTimelineQuery extends Query<TaskTimeline> {
  constructor(
    readonly ownerId: string,
    readonly days: number,
    readonly timeZone: string,
  ) {
    super();
  }
}
