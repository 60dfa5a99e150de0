import { TaskCompleted, TaskCreated, TaskDeleted, TaskUpdated } from '@primetrade/domain';
import { statsDelta } from './stats-delta';

const facts = (over: object = {}) => ({
  status: 'todo',
  priority: 'high',
  dueDate: '2026-12-01T10:00:00.000Z',
  createdAt: '2026-12-01T08:00:00.000Z',
  completedAt: null,
  ...over,
});

describe('statsDelta', () => {
  it('counts a created open task and files it by due date', () => {
    expect(statsDelta(TaskCreated.TYPE, 't', { facts: facts() })).toEqual({
      taskId: 't',
      counters: { total: 1, 's:todo': 1, 'p:high': 1 },
      due: { op: 'set', score: Date.parse('2026-12-01T10:00:00.000Z') },
    });
  });

  it('moves a completed task between status counts, adds its duration and drops it from the due set', () => {
    const after = facts({ status: 'completed', completedAt: '2026-12-01T09:00:00.000Z' });
    expect(statsDelta(TaskUpdated.TYPE, 't', { before: facts(), after })).toEqual({
      taskId: 't',
      counters: { 's:todo': -1, 's:completed': 1, csum: 3_600_000 },
      due: { op: 'del' },
    });
  });

  it('undoes everything on delete, and ignores TaskCompleted (its TaskUpdated carries the change)', () => {
    const last = facts({ status: 'completed', completedAt: '2026-12-01T09:00:00.000Z' });
    expect(statsDelta(TaskDeleted.TYPE, 't', { last }).counters).toEqual({ total: -1, 's:completed': -1, 'p:high': -1, csum: -3_600_000 });
    expect(statsDelta(TaskCompleted.TYPE, 't', {})).toEqual({ taskId: 't', counters: {}, due: { op: 'none' } });
  });

  it('sums to zero over create, update and delete in any order', () => {
    const deltas = [
      statsDelta(TaskCreated.TYPE, 't', { facts: facts() }),
      statsDelta(TaskUpdated.TYPE, 't', { before: facts(), after: facts({ priority: 'low', status: 'in_progress' }) }),
      statsDelta(TaskDeleted.TYPE, 't', { last: facts({ priority: 'low', status: 'in_progress' }) }),
    ].reverse();
    const sum: Record<string, number> = {};
    for (const d of deltas) for (const [k, v] of Object.entries(d.counters)) sum[k] = (sum[k] ?? 0) + v;
    expect(Object.values(sum).every((v) => v === 0)).toBe(true);
  });
});
