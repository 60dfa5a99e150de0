import { priorityRank, Task, type TaskPriority, type TaskProps, type TaskStatus, type TaskView } from '@primetrade/domain';

export interface TaskRow {
  id: string;
  owner_id: string;
  title: string;
  description: string;
  status: string;
  priority: string;
  priority_rank: number;
  due_at: number | null;
  tags: string;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
  version: number;
}

const date = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

export function rowToProps(row: TaskRow): TaskProps {
  return {
    id: row.id,
    ownerId: row.owner_id,
    title: row.title,
    description: row.description,
    status: row.status as TaskStatus,
    priority: row.priority as TaskPriority,
    dueDate: date(row.due_at),
    tags: JSON.parse(row.tags) as string[],
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    completedAt: date(row.completed_at),
    version: row.version,
  };
}

export const rowToView = (row: TaskRow): TaskView => rowToProps(row);
export const rowToTask = (row: TaskRow): Task => Task.restore(rowToProps(row));

/** Named parameters for INSERT/UPDATE statements. */
export function taskToParams(task: Task) {
  const p = task.toProps();
  return {
    id: p.id,
    owner_id: p.ownerId,
    title: p.title,
    description: p.description,
    status: p.status,
    priority: p.priority,
    priority_rank: priorityRank(p.priority),
    due_at: p.dueDate?.getTime() ?? null,
    tags: JSON.stringify(p.tags),
    created_at: p.createdAt.getTime(),
    updated_at: p.updatedAt.getTime(),
    completed_at: p.completedAt?.getTime() ?? null,
    version: p.version,
  };
}
