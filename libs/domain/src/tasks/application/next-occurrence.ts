import type { IdGenerator } from '../../shared/ports/id-generator.port';
import type { Task } from '../model/task.entity';
import type { RecurrenceRules } from '../ports/recurrence-rules.port';

/**
 * The occurrence that follows `task` in its series (due at the rule's next time after the task's
 * due date), or null for a one-off task and for the last occurrence of a series.
 */
export function nextOccurrenceOf(task: Task, rules: RecurrenceRules, ids: IdGenerator, now: Date): Task | null {
  if (!task.recurrence || !task.dueDate) return null;
  const next = rules.next(task.recurrence, task.dueDate);
  if (!next) return null;
  // Named by series and due time: creating the same occurrence twice collides on its id.
  const id = ids.derived(`task-occurrence:${task.recurrence.seriesId}:${next.dueDate.toISOString()}`);
  return task.nextOccurrence({ id, dueDate: next.dueDate, rule: next.rule, now });
}
