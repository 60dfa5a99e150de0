import { TASK_LIMITS, TASK_PRIORITIES, type TaskPriority, type TaskStatus } from '@primetrade/domain';
import { oneOf, text } from './task-query.parser';

/*
 * The body of POST /tasks in its common shapes, checked by hand for what ValidationPipe
 * (class-transformer + class-validator, whitelist, unknown fields refused) would accept and
 * produce; `undefined` for anything else — a due date, a recurrence, an unknown field, an invalid
 * value — which then takes the pipe's usual road with its usual errors. class-validator was ~18 kB
 * of allocation and ~3 % of the CPU of every create. task-body.parser.spec.ts holds both roads to the
 * same result over generated bodies.
 */

const CREATE_STATUSES = ['todo', 'in_progress'] as const;
const CREATE_FIELDS = new Set(['title', 'description', 'status', 'priority', 'tags']);

export interface CreateTaskFields {
  title: string;
  description?: string;
  status?: TaskStatus;
  priority?: TaskPriority;
  tags?: string[];
}

export function parseCreateTaskBody(body: unknown): CreateTaskFields | undefined {
  if (typeof body !== 'object' || body === null || Object.getPrototypeOf(body) !== Object.prototype) return undefined;
  const fields = body as Record<string, unknown>;
  for (const key of Object.keys(fields)) if (!CREATE_FIELDS.has(key) || fields[key] === undefined || fields[key] === null) return undefined;
  const { title, description, status, priority, tags } = fields;
  if (!text(title, 1, TASK_LIMITS.titleMax)) return undefined;
  if (description !== undefined && !text(description, 0, TASK_LIMITS.descriptionMax)) return undefined;
  if (status !== undefined && !oneOf(status, CREATE_STATUSES)) return undefined;
  if (priority !== undefined && !oneOf(priority, TASK_PRIORITIES)) return undefined;
  if (tags !== undefined) {
    if (!Array.isArray(tags) || tags.length > TASK_LIMITS.tagsMax) return undefined;
    if (!tags.every((tag) => text(tag, 1, TASK_LIMITS.tagMax))) return undefined;
  }
  return {
    title,
    ...(description !== undefined && { description }),
    ...(status !== undefined && { status }),
    ...(priority !== undefined && { priority }),
    ...(tags !== undefined && { tags: [...(tags as string[])] }),
  };
}
