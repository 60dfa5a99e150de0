import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import fc from 'fast-check';
import { FAST_PARSE } from '../problem/fast-parse';
import { createValidationPipe } from '../problem/validation.pipe';
import { CreateTaskRequestDto } from './task.dto';

/**
 * The hand-written create-body parser against ValidationPipe's usual road: whenever it answers, it
 * answers what the pipe would have; when the pipe refuses a body, the parser never accepts it.
 */
const pipe = createValidationPipe();
const slow = (value: unknown, metatype: ArgumentMetadata['metatype']) =>
  ValidationPipe.prototype.transform.call(pipe, value, { type: 'body', metatype }).then(
    (v: unknown) => ({ ok: true, value: v }),
    () => ({ ok: false, value: undefined }),
  );

const VALUES: Record<string, unknown[]> = {
  title: ['Buy milk', '', 'x'.repeat(200), 'x'.repeat(201), '😀'.repeat(150), 'a\uFE0F', 42, null, ['x']],
  description: ['', 'Notes', 'x'.repeat(5000), 'x'.repeat(5001), 7, null],
  status: ['todo', 'in_progress', 'completed', 'cancelled', 'TODO', '', null],
  priority: ['low', 'medium', 'high', 'urgent', 'critical', 3, null],
  tags: [
    [],
    ['home'],
    ['work', 'errand'],
    [''],
    ['x'.repeat(32)],
    ['x'.repeat(33)],
    Array(20).fill('t'),
    Array(21).fill('t'),
    ['😀'],
    [1],
    'home',
    null,
  ],
  dueDate: ['2030-01-01T10:00:00Z', 'tomorrow', null],
  recurrence: [null, { rule: 'FREQ=DAILY', timeZone: 'UTC' }],
  other: [1],
};

const bodies = fc
  .array(
    fc.constantFrom(...Object.keys(VALUES)).chain((key) => fc.constantFrom(...VALUES[key]).map((v) => [key, v] as const)),
    { maxLength: 6 },
  )
  .map((entries) => Object.fromEntries(entries));

async function agree(body: Record<string, unknown>) {
  const fast = CreateTaskRequestDto[FAST_PARSE](body);
  if (fast === undefined) return;
  const reference = await slow(body, CreateTaskRequestDto);
  expect(reference.ok).toBe(true);
  expect(fast).toBeInstanceOf(CreateTaskRequestDto);
  expect(fast).toEqual(reference.value);
}

describe('hand-written create-task body parser', () => {
  it('answers what ValidationPipe answers', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, (body) => agree(body)),
      { numRuns: 500 },
    );
  });

  it('takes the fast road for the common creates, the pipe’s road for the rest', async () => {
    for (const body of [
      { title: 'Buy milk' },
      { title: 'Benchmark task', priority: 'high', tags: ['bench'] },
      { title: 'Report', description: 'Numbers first', status: 'in_progress', priority: 'urgent', tags: [] },
    ]) {
      expect(CreateTaskRequestDto[FAST_PARSE](body)).toBeInstanceOf(CreateTaskRequestDto);
      await agree(body);
    }
    for (const body of [
      { title: 'Due', dueDate: '2030-01-01T10:00:00Z' },
      { title: 'Daily', dueDate: '2030-01-01T10:00:00Z', recurrence: { rule: 'FREQ=DAILY', timeZone: 'UTC' } },
      { title: 'x', unknown: true },
      { title: '' },
      { title: 'x', tags: [''] },
    ])
      expect(CreateTaskRequestDto[FAST_PARSE](body)).toBeUndefined();
  });

  it('never hands out the caller’s tags array', () => {
    const tags = ['home'];
    const parsed = CreateTaskRequestDto[FAST_PARSE]({ title: 'x', tags });
    expect(parsed?.tags).toEqual(['home']);
    expect(parsed?.tags).not.toBe(tags);
  });
});
