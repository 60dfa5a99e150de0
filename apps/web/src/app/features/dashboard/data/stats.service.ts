import { inject, Injectable } from '@angular/core';
import { Api, getTaskStats } from '@primetrade/api-client';
import { Observable, of } from 'rxjs';
import { TaskStats } from '../../../core/api/task.types';

/**
 * The response of `GET /api/v1/tasks/stats/timeline` (operationId `getTaskTimeline`): tasks
 * created and completed per day of the user's time zone, and the current streak of days with
 * at least one completion.
 */
export interface TaskTimeline {
  timeZone: string;
  days: TimelineDay[];
  currentStreak: number;
}

export interface TimelineDay {
  /** yyyy-mm-dd in `timeZone`. */
  date: string;
  created: number;
  completed: number;
}

/** The browser's IANA zone, so "per day" means the user's days. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const emptyTimeline = (timeZone = browserTimeZone()): TaskTimeline => ({ timeZone, days: [], currentStreak: 0 });

/** The data access of the dashboard: statistics through the generated SDK. */
@Injectable({ providedIn: 'root' })
export class StatsService {
  private readonly api = inject(Api);

  overview(): Observable<TaskStats> {
    return this.api.invoke(getTaskStats);
  }

  /**
   * The last `days` days of activity.
   *
   * TODO(getTaskTimeline): the API does not document `GET /api/v1/tasks/stats/timeline`
   * (operationId `getTaskTimeline`, query `days` 1..365 and `tz`) yet, so the SDK has no
   * function for it and this returns the empty state (the chart says there is no data). Once
   * `apps/api/openapi.json` has the operation: `npm run sdk`, then
   * `return this.api.invoke(getTaskTimeline, { days, tz: timeZone });`.
   */
  timeline(days = 30, timeZone = browserTimeZone()): Observable<TaskTimeline> {
    void days;
    return of(emptyTimeline(timeZone));
  }
}
