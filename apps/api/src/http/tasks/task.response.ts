import type { CompletedTaskView, Page, TaskStats, TaskTimeline, TaskView } from '@primetrade/domain';
import type { CompletedTaskResponseDto, TaskPageDto, TaskResponseDto, TaskStatsResponseDto, TaskTimelineResponseDto } from './task.dto';

/** Allow-list of what a client sees of a task (no owner id). */
export const toTaskResponse = (task: TaskView): TaskResponseDto => ({
  id: task.id,
  title: task.title,
  description: task.description,
  status: task.status,
  priority: task.priority,
  dueDate: task.dueDate?.toISOString() ?? null,
  tags: task.tags,
  createdAt: task.createdAt.toISOString(),
  updatedAt: task.updatedAt.toISOString(),
  completedAt: task.completedAt?.toISOString() ?? null,
  version: task.version,
  recurrence: task.recurrence && { rule: task.recurrence.rule, timeZone: task.recurrence.timeZone, seriesId: task.recurrence.seriesId },
});

const responses = new WeakMap<TaskView, TaskResponseDto>();

/**
 * toTaskResponse, remembered per view: a page the read model serves from its cache hands out the
 * same view objects again, and their three ISO dates were most of a cached page's own cost.
 */
function pagedTaskResponse(task: TaskView): TaskResponseDto {
  let response = responses.get(task);
  if (!response) responses.set(task, (response = toTaskResponse(task)));
  return response;
}

const pages = new WeakMap<Page<TaskView>, TaskPageDto>();

/** A page's response, remembered per page: the list handler hands out the same page for a cached read. */
export function toTaskPageResponse(page: Page<TaskView>): TaskPageDto {
  let response = pages.get(page);
  if (!response) pages.set(page, (response = { items: page.items.map(pagedTaskResponse), nextCursor: page.nextCursor }));
  return response;
}

export const toCompletedTaskResponse = (task: CompletedTaskView): CompletedTaskResponseDto => ({
  ...toTaskResponse(task),
  nextOccurrence: task.nextOccurrence && toTaskResponse(task.nextOccurrence),
});

export const toTaskStatsResponse = (stats: TaskStats): TaskStatsResponseDto => ({
  total: stats.total,
  byStatus: stats.byStatus,
  byPriority: stats.byPriority,
  overdue: stats.overdue,
  dueSoon: stats.dueSoon,
  completionRate: stats.completionRate,
  averageCompletionSeconds: stats.averageCompletionMs === null ? null : Math.round(stats.averageCompletionMs / 1000),
  archived: stats.archived,
});

export const toTaskTimelineResponse = (timeline: TaskTimeline): TaskTimelineResponseDto => ({
  timeZone: timeline.timeZone,
  days: timeline.days.map((day) => ({ date: day.date, created: day.created, completed: day.completed })),
  currentStreak: timeline.currentStreak,
});
