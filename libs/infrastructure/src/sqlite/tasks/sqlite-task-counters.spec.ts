import { Task, TASK_PRIORITIES, type TaskPriority } from '@primetrade/domain';
import { NOW } from '@primetrade/testing';
import { PLAINTEXT_TASK_CONTENT } from '../../core/tasks/task-content-sealer';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../database/migrations';
import { migrate, SqliteDatabase } from '../database/sqlite-database';
import { SqliteTaskRepository } from './sqlite-task.repository';
import { SqliteTaskStatistics } from './sqlite-task-statistics';

const HOUR = 3_600_000;

/** The counters the triggers keep, against the same figures aggregated from the task rows. */
describe('SQLite task counters (statistics read model)', () => {
  let sqlite: SqliteDatabase;
  let repo: SqliteTaskRepository;
  beforeEach(() => {
    sqlite = new SqliteDatabase({ file: ':memory:' });
    repo = new SqliteTaskRepository(sqlite, PLAINTEXT_TASK_CONTENT);
  });
  afterEach(() => sqlite.close());

  const counters = (owner: string) =>
    sqlite.db
      .prepare(
        `SELECT status, priority, tasks, completion_ms_sum AS sum, completion_count AS n FROM task_counters
         WHERE owner_id = ? AND tasks > 0 ORDER BY status, priority`,
      )
      .all(owner);
  const aggregate = (owner: string) =>
    sqlite.db
      .prepare(
        `SELECT status, priority, COUNT(*) AS tasks,
           IFNULL(SUM(CASE WHEN status = 'completed' THEN completed_at - created_at END), 0) AS sum,
           COUNT(CASE WHEN status = 'completed' THEN completed_at END) AS n
         FROM tasks WHERE owner_id = ? GROUP BY status, priority ORDER BY status, priority`,
      )
      .all(owner);

  const dueCounters = (owner: string) =>
    sqlite.db.prepare('SELECT period, open_tasks FROM task_due_counters WHERE owner_id = ? AND open_tasks > 0 ORDER BY period').all(owner);
  const dueAggregate = (owner: string) =>
    sqlite.db
      .prepare(
        `SELECT due_at >> 31 AS period, COUNT(*) AS open_tasks FROM tasks
         WHERE owner_id = ? AND status IN ('todo', 'in_progress') AND due_at IS NOT NULL GROUP BY period ORDER BY period`,
      )
      .all(owner);

  const gaps = (owner: string) =>
    sqlite.db.prepare('SELECT gap_start, gap_end FROM task_completion_gaps WHERE owner_id = ? ORDER BY gap_end').all(owner);
  const gapsRecomputed = (owner: string) =>
    sqlite.db
      .prepare(
        `SELECT previous AS gap_start, completed_at AS gap_end FROM (
           SELECT completed_at, LAG(completed_at) OVER (ORDER BY completed_at) AS previous
           FROM (SELECT DISTINCT completed_at FROM tasks WHERE owner_id = ? AND completed_at IS NOT NULL)
         ) WHERE previous IS NULL OR completed_at - previous >= 82800000 ORDER BY gap_end`,
      )
      .all(owner);

  it('follow inserts, edits, completions, reopenings and deletes in the same transaction', async () => {
    const live: Task[] = [];
    let clock = NOW.getTime();
    // A deterministic walk through every kind of write.
    for (let step = 0; step < 400; step++) {
      clock += HOUR;
      const now = new Date(clock);
      const pick = live[(step * 7) % Math.max(1, live.length)];
      const kind = live.length < 5 ? 0 : step % 6;
      if (kind === 0 || kind === 1) {
        const task = Task.create({
          id: `t${step}`,
          ownerId: step % 3 === 0 ? 'o2' : 'o1',
          title: `Task ${step}`,
          priority: TASK_PRIORITIES[step % 4] as TaskPriority,
          dueDate: step % 5 === 0 ? null : new Date(clock + ((step % 11) - 5) * 20 * 24 * HOUR),
          now,
        });
        task.pullEvents();
        await repo.insert(task);
        live.push(Task.restore(task.toProps()));
        continue;
      }
      const task = (await repo.findById(pick.ownerId, pick.id))!;
      if (kind === 2)
        task.update(
          {
            priority: TASK_PRIORITIES[(step + 1) % 4] as TaskPriority,
            dueDate: step % 4 === 0 ? null : new Date(clock + step * HOUR * 30),
          },
          now,
        );
      else if (kind === 3) task.update({ status: task.status === 'todo' || task.status === 'in_progress' ? 'completed' : 'todo' }, now);
      else if (kind === 4) task.update({ status: task.status === 'todo' ? 'cancelled' : 'todo' }, now);
      if (kind === 5) {
        expect(await repo.delete(task.ownerId, task.id, task.version)).toBe(true);
        live.splice(live.indexOf(pick), 1);
        continue;
      }
      await repo.update(task);
      live[live.indexOf(pick)] = Task.restore(task.toProps());
    }
    for (const owner of ['o1', 'o2']) {
      expect(counters(owner)).toEqual(aggregate(owner));
      expect(dueCounters(owner)).toEqual(dueAggregate(owner));
      expect(gaps(owner)).toEqual(gapsRecomputed(owner));
      expect(counters(owner).length).toBeGreaterThan(4);
    }
    const stats = await new SqliteTaskStatistics(sqlite).overview('o1', new Date(clock));
    expect(stats.total).toBe(live.filter((t) => t.ownerId === 'o1').length);
    expect(stats.byStatus.completed).toBeGreaterThan(0);
  });

  it('are built from the rows already there when migration 7 runs, as is the search index', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 7),
    );
    const insert = db.prepare(
      `INSERT INTO tasks (id, owner_id, title, status, priority, priority_rank, created_at, updated_at, completed_at, version)
       VALUES (?, 'o1', ?, ?, 'high', 2, 0, 0, ?, 1)`,
    );
    insert.run('a', 'Old report', 'completed', 5000);
    insert.run('b', 'Old chore', 'todo', null);
    migrate(db, MIGRATIONS);
    expect(db.prepare('SELECT status, tasks, completion_ms_sum, completion_count FROM task_counters ORDER BY status').all()).toEqual([
      { status: 'completed', tasks: 1, completion_ms_sum: 5000, completion_count: 1 },
      { status: 'todo', tasks: 1, completion_ms_sum: 0, completion_count: 0 },
    ]);
    expect(db.prepare(`SELECT rowid FROM tasks_fts WHERE tasks_fts MATCH '"report"'`).all()).toHaveLength(1);
    db.close();
  });
});
