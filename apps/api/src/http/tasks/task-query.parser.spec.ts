import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import fc from 'fast-check';
import { FAST_PARSE } from '../problem/fast-parse';
import { createValidationPipe } from '../problem/validation.pipe';
import { ListTasksQueryDto, TaskTimelineQueryDto } from './task.dto';

/**
 * The hand-written query parsers against ValidationPipe's usual road (class-transformer and
 * class-validator): whenever a parser answers, it answers what the pipe would have; when the pipe
 * refuses an input, the parser never accepts it.
 */
const pipe = createValidationPipe();
const slow = (value: unknown, metatype: ArgumentMetadata['metatype']) =>
  ValidationPipe.prototype.transform.call(pipe, value, { type: 'query', metatype }).then(
    (v: unknown) => ({ ok: true, value: v }),
    () => ({ ok: false, value: undefined }),
  );

const LIST_VALUES: Record<string, string[]> = {
  status: ['todo', 'todo,in_progress', 'completed, cancelled', 'done', '', 'todo,,completed', 'TODO'],
  priority: ['high', 'low,urgent', 'medium,', 'critical'],
  tag: ['home', '', 'x'.repeat(32), 'x'.repeat(33), 'é', '😀'.repeat(20)],
  dueBefore: ['2030-01-01T10:00:00Z', '2030-01-01', 'tomorrow', '2030-13-45T99:00:00Z', '2030-01-01T10:00:00+02:00'],
  dueAfter: ['2020-06-01T00:00:00.000Z', 'yesterday'],
  overdue: ['true', 'false', 'yes', '1'],
  archived: ['true', 'false', 'no', '0'],
  q: ['needle', '', 'x'.repeat(200), 'x'.repeat(201), '100%', '😀'.repeat(150)],
  sort: ['createdAt', 'updatedAt', 'dueDate', 'priority', 'title'],
  order: ['asc', 'desc', 'up'],
  limit: ['20', '1', '100', '0', '101', '2.5', 'ten', '', ' 5 ', '1e1', '0x10'],
  cursor: ['abc', 'x'.repeat(513)],
  other: ['1'],
};

function queries(values: Record<string, string[]>) {
  const entry = fc.constantFrom(...Object.keys(values)).chain((key) =>
    fc.oneof(
      fc.constantFrom(...values[key]).map((v) => [key, v] as const),
      fc.array(fc.constantFrom(...values[key]), { minLength: 2, maxLength: 3 }).map((v) => [key, v] as const),
    ),
  );
  return fc.array(entry, { maxLength: 5 }).map((entries) => Object.fromEntries(entries));
}

async function agree(dto: ArgumentMetadata['metatype'] & { [FAST_PARSE](v: unknown): unknown }, query: Record<string, unknown>) {
  const fast = dto[FAST_PARSE](query);
  const reference = await slow(query, dto);
  if (fast === undefined) return;
  expect(reference.ok).toBe(true);
  expect(fast).toBeInstanceOf(dto);
  expect(fast).toEqual(reference.value);
}

describe('hand-written task query parsers', () => {
  it('answer what ValidationPipe answers for the list query', async () => {
    await fc.assert(
      fc.asyncProperty(queries(LIST_VALUES), (query) => agree(ListTasksQueryDto, query)),
      { numRuns: 400 },
    );
  });

  it('answer what ValidationPipe answers for the timeline query', async () => {
    const values = { days: ['30', '1', '365', '0', '366', 'x'], tz: ['Europe/Paris', 'UTC', 'Mars/Olympus', 'europe/paris', ''], x: ['1'] };
    await fc.assert(
      fc.asyncProperty(queries(values), (query) => agree(TaskTimelineQueryDto, query)),
      { numRuns: 200 },
    );
  });

  it('take the fast road for the common lists', () => {
    for (const query of [
      {},
      { limit: '20' },
      { limit: '20', sort: 'dueDate', order: 'asc' },
      { status: 'todo', priority: 'high', q: 'x' },
    ]) {
      expect(ListTasksQueryDto[FAST_PARSE](query)).toBeInstanceOf(ListTasksQueryDto);
    }
    expect(TaskTimelineQueryDto[FAST_PARSE]({ days: '30', tz: 'Europe/Paris' })).toEqual({ days: 30, tz: 'Europe/Paris' });
    // As Fastify hands them over: fast-querystring's objects have a prototype without Object's.
    const fastifyQuery = (entries: Record<string, unknown>) =>
      Object.assign(Object.create(Object.create(null) as object) as object, entries);
    expect(ListTasksQueryDto[FAST_PARSE](fastifyQuery({ limit: '20', status: ['todo', 'in_progress'] }))).toEqual(
      Object.assign(new ListTasksQueryDto(), { limit: 20, status: ['todo', 'in_progress'] }),
    );
    expect(ListTasksQueryDto[FAST_PARSE](fastifyQuery({ ['__proto__']: 'x', limit: '20' }))).toBeUndefined();
  });
});
