import { bulkTargets, failureOf, normaliseTag } from './bulk-operations';
import { taskFixture } from '../../../testing/task-fixture';

const task = taskFixture;

describe('bulk operations', () => {
  const a = task('a', { version: 3, tags: ['home'] });
  const b = task('b', { status: 'completed', priority: 'high' });

  it('sends each selected task’s version as ifMatch', () => {
    expect(bulkTargets({ kind: 'delete' }, [a, b]).map((t) => t.operation)).toEqual([
      { op: 'delete', id: 'a', ifMatch: '"3"' },
      { op: 'delete', id: 'b', ifMatch: '"1"' },
    ]);
  });

  it('leaves out tasks the action would not change', () => {
    expect(bulkTargets({ kind: 'complete' }, [a, b]).map((t) => t.task.id)).toEqual(['a']);
    expect(bulkTargets({ kind: 'priority', priority: 'high' }, [a, b]).map((t) => t.operation)).toEqual([
      { op: 'update', id: 'a', ifMatch: '"3"', changes: { priority: 'high' } },
    ]);
    expect(bulkTargets({ kind: 'tag', tag: 'home' }, [a, b]).map((t) => t.operation)).toEqual([
      { op: 'update', id: 'b', ifMatch: '"1"', changes: { tags: ['home'] } },
    ]);
  });

  it('adds a tag to the ones a task has', () => {
    expect(bulkTargets({ kind: 'tag', tag: 'work' }, [a])[0].operation).toMatchObject({ changes: { tags: ['home', 'work'] } });
  });

  it('explains a refusal in words: changed elsewhere, gone, or the API’s reason', () => {
    expect(failureOf(a, { status: 412, problem: problem(412, 'stale') }).message).toMatch(/changed elsewhere/);
    expect(failureOf(a, { status: 404, problem: problem(404, 'Task not found.') }).message).toBe('it no longer exists');
    expect(
      failureOf(a, {
        status: 400,
        problem: { ...problem(400, 'The operation is not valid.'), errors: [{ field: 'changes.tags', message: 'at most 20 tags' }] },
      }),
    ).toEqual({ id: 'a', title: 'Task a', status: 400, message: 'at most 20 tags' });
    expect(failureOf(a, { status: 409, problem: problem(409, 'A cancelled task cannot become completed.') }).message).toBe(
      'A cancelled task cannot become completed.',
    );
  });

  it('takes a tag with or without #, 1 to 32 characters', () => {
    expect(normaliseTag(' #work ')).toBe('work');
    expect(normaliseTag('#')).toBeNull();
    expect(normaliseTag('x'.repeat(33))).toBeNull();
  });
});

function problem(status: number, detail: string) {
  return { type: 'urn:x', title: 'x', status, detail, instance: '/api/v1/tasks/bulk', correlationId: 'c' };
}
