import { inject, Injectable } from '@angular/core';
import { Api, getTaskStats, getTaskTimeline } from '@primetrade/api-client';
import { Observable } from 'rxjs';
import { TaskStats, TaskTimeline } from '../../../core/api/task.types';
import { browserTimeZone } from '../../../core/preferences/user-time-zone';

export type { TaskTimeline };
export type TimelineDay = TaskTimeline['days'][number];

export const emptyTimeline = (timeZone = browserTimeZone()): TaskTimeline => ({ timeZone, days: [], currentStreak: 0 });

/** The data access of the dashboard: statistics through the generated SDK. */
@Injectable({ providedIn: 'root' })
export class StatsService {
  private readonly api = inject(Api);

  overview(): Observable<TaskStats> {
    return this.api.invoke(getTaskStats);
  }

  /**
   * Tasks created and completed per day over the last `days` days, counted in the user's zone
   * (the preferred one, else the browser's), and the current streak of days with a completion.
   */
  timeline(days = 30, timeZone = browserTimeZone()): Observable<TaskTimeline> {
    return this.api.invoke(getTaskTimeline, { days, tz: timeZone });
  }
}
