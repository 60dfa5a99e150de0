import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainValidationError } from '../../../../shared/model/domain.errors';
import { Clock } from '../../../../shared/ports/clock.port';
import { TaskActivityReadModel } from '../../../ports/task-activity.port';
import { canonicalTimeZone, streakOf, TASK_TIMELINE_DAYS, type TaskTimeline, timelineCalendar, zonedDayNumber } from '../../task-timeline';
import { GetTaskTimelineQuery } from './get-task-timeline.query';

/** Completion gaps read per round trip while looking for where a streak begins. */
const GAPS_PER_READ = 64;

@QueryHandler(GetTaskTimelineQuery)
export class GetTaskTimelineHandler implements IQueryHandler<GetTaskTimelineQuery> {
  constructor(
    private readonly activity: TaskActivityReadModel,
    private readonly clock: Clock,
  ) {}

  async execute(query: GetTaskTimelineQuery): Promise<TaskTimeline> {
    const { min, max } = TASK_TIMELINE_DAYS;
    if (!Number.isInteger(query.days) || query.days < min || query.days > max) {
      throw new DomainValidationError('days', `must be a whole number from ${min} to ${max}`);
    }
    const timeZone = canonicalTimeZone(query.timeZone);
    // At least two days are counted: a streak may end yesterday while today has no completion yet.
    const counted = Math.max(query.days, 2);
    const calendar = timelineCalendar(this.clock.now(), counted, timeZone);
    const counts = await this.activity.activity(query.ownerId, calendar.boundaries);
    const days = calendar.dates
      .map((date, i) => ({ date, created: counts.created[i], completed: counts.completed[i] }))
      .slice(counted - query.days);

    const window = streakOf(counts.completed);
    let streak = window.streak;
    // The first counted day has a completion and so may every day before it: the streak begins just
    // after the latest gap that holds a whole calendar day, found from the gaps, not day by day.
    if (window.reachesStart) streak += await this.daysBefore(query.ownerId, timeZone, calendar.boundaries[0], calendar.boundaries[1]);
    return { timeZone, days, currentStreak: streak };
  }

  /** Consecutive days with a completion before the day [dayStart, dayEnd), which has one. */
  private async daysBefore(ownerId: string, timeZone: string, dayStart: Date, dayEnd: Date): Promise<number> {
    const firstDay = zonedDayNumber(dayStart, timeZone);
    let before = dayEnd;
    for (;;) {
      const gaps = await this.activity.completionGaps(ownerId, before, GAPS_PER_READ);
      for (const gap of gaps) {
        const end = zonedDayNumber(gap.to, timeZone);
        if (gap.from === null || end - zonedDayNumber(gap.from, timeZone) >= 2) return Math.max(0, firstDay - end);
      }
      if (gaps.length < GAPS_PER_READ) return 0; // unreachable while the first day has a completion
      before = gaps[gaps.length - 1].to;
    }
  }
}
