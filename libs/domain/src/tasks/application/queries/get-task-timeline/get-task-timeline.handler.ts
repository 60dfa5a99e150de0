import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainValidationError } from '../../../../shared/model/domain.errors';
import { Clock } from '../../../../shared/ports/clock.port';
import { TaskActivityReadModel } from '../../../ports/task-activity.port';
import { canonicalTimeZone, streakOf, TASK_TIMELINE_DAYS, type TaskTimeline, timelineCalendar } from '../../task-timeline';
import { GetTaskTimelineQuery } from './get-task-timeline.query';

/** How far back one look past the window goes while a streak keeps running (a year at a time). */
const STREAK_STEP_DAYS = 366;

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
    const now = this.clock.now();
    const calendar = timelineCalendar(now, query.days, timeZone);
    const counts = await this.activity.activity(query.ownerId, calendar.boundaries);
    const days = calendar.dates.map((date, i) => ({ date, created: counts.created[i], completed: counts.completed[i] }));

    // The streak may run back past the window: look at the year before, and so on, while it holds.
    let { streak, reachesStart } = streakOf(counts.completed);
    let before = calendar.boundaries[0];
    while (reachesStart) {
      const earlier = timelineCalendar(new Date(before.getTime() - 1), STREAK_STEP_DAYS, timeZone);
      const more = await this.activity.activity(query.ownerId, earlier.boundaries);
      // Every earlier day is a past day: a day without completion ends the streak.
      const past = [...more.completed, 1];
      const step = streakOf(past);
      streak += step.streak - 1;
      reachesStart = step.reachesStart;
      before = earlier.boundaries[0];
    }
    return { timeZone, days, currentStreak: streak };
  }
}
