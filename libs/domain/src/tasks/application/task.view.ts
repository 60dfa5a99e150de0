import type { Task, TaskProps } from '../model/task.entity';

/** The read model of a task, as queries return it: the task's fields, read-only. */
export type TaskView = Readonly<TaskProps>;

export function toTaskView(task: Task): TaskView {
  return task.toProps();
}
