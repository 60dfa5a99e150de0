import { randomBytes } from 'node:crypto';
import {
  type SortOrder,
  Task,
  TASK_PRIORITIES,
  TASK_STATUSES,
  type TaskListCriteria,
  type TaskPriority,
  type TaskSortField,
  type TaskStatus,
} from '@primetrade/domain';
import { NOW } from '@primetrade/testing';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { PLAINTEXT_TASK_CONTENT, TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteTaskReadModel } from './sqlite-task-read-model';
import { TASK_COLUMNS } from './sqlite-task.mapper';
import { SqliteTaskRepository } from './sqlite-task.repository';
import { SqliteTaskStatistics } from './sqlite-task-statistics';
import { SqliteTaskActivityReadModel } from './sqlite-task-activity';
import { SqliteTaskArchive } from './sqlite-task-archive';

/**
 * The query plan of every list variant, read with EXPLAIN QUERY PLAN from the statements the
 * adapters really run: no scan of tasks (a page must seek to the owner, and to the cursor) and no
 * temporary B-tree to sort, so a page costs the same at a thousand tasks as at a hundred thousand.
 * The one sort allowed is over the hits of a rare search needle (at most MAX_DRIVING_HITS rows).
 */
const OWNER = 'owner-a';
const HOUR = 3_600_000;
const SORTS: TaskSortField[] = ['createdAt', 'updatedAt', 'dueDate', 'priority'];
const ORDERS: SortOrder[] = ['asc', 'desc'];
const SORT_COLUMN: Record<TaskSortField, string> = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  dueDate: 'due_sort',
  priority: 'priority_rank',
};

const FILTERS: Record<string, Omit<TaskListCriteria, 'now'>> = {
  none: {},
  'one status': { status: ['todo'] },
  'two statuses': { status: ['todo', 'in_progress'] },
  priority: { priority: ['high'] },
  'status and priority': { status: ['todo'], priority: ['high'] },
  tag: { tag: 'home' },
  overdue: { overdue: true },
  'due window': { dueAfter: new Date(NOW.getTime() - 48 * HOUR), dueBefore: new Date(NOW.getTime() + 48 * HOUR) },
  'q, common word': { q: 'chore' },
  'q, rare word': { q: 'needle' },
  'q, two characters': { q: 'ne' },
  'q, rare word, with a tag': { q: 'needle', tag: 'home' },
  // priority >= high and not (tag = home or due is null) and due < now + 3d
  'filter expression': {
    filter: {
      kind: 'and',
      operands: [
        { kind: 'priority', op: '>=', value: 'high' },
        {
          kind: 'not',
          operand: {
            kind: 'or',
            operands: [
              { kind: 'tag', op: '=', value: 'home' },
              { kind: 'null', field: 'due', negated: false },
            ],
          },
        },
        { kind: 'date', field: 'due', op: '<', value: { kind: 'relative', base: 'now', offsetMs: 3 * 24 * HOUR } },
      ],
    },
  },
  'filter expression on text, with q': { q: 'chore', filter: { kind: 'text', field: 'title', op: '!~', value: '7' } },
};

interface Executed {
  sql: string;
  params: unknown[];
}

/**
 * Records the SQL and parameters of every statement run through one SqliteDatabase (an own property
 * over the class method, removed by `stopRecording`; no spy on the shared prototype).
 */
function recording(sqlite: SqliteDatabase): Executed[] {
  const executed: Executed[] = [];
  // Cached statements and the per-request ones of filter expressions alike.
  for (const method of ['statement', 'transientStatement'] as const) {
    const original = SqliteDatabase.prototype[method];
    sqlite[method] = (sql: string) => {
      const statement = original.call(sqlite, sql);
      const record =
        <T extends (...args: unknown[]) => unknown>(run: T) =>
        (...params: unknown[]) => {
          executed.push({ sql, params });
          return run.apply(statement, params);
        };
      return Object.assign(Object.create(statement) as object, {
        all: record(statement.all as never),
        get: record(statement.get as never),
        run: record(statement.run as never),
      }) as typeof statement;
    };
  }
  return executed;
}

function stopRecording(sqlite: SqliteDatabase): void {
  delete (sqlite as Partial<Pick<SqliteDatabase, 'statement'>>).statement;
  delete (sqlite as Partial<Pick<SqliteDatabase, 'transientStatement'>>).transientStatement;
}

/** A page query of the read model (the other statements count or probe). */
const isPage = (sql: string, table = 'tasks') => sql.startsWith(`SELECT ${TASK_COLUMNS} FROM ${table} `);

function plan(sqlite: SqliteDatabase, { sql, params }: Executed): string[] {
  return (sqlite.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);
}

async function seed(sqlite: SqliteDatabase, content: TaskContentSealer, count: number): Promise<void> {
  const repo = new SqliteTaskRepository(sqlite, content);
  for (let i = 0; i < count; i++) {
    const task = Task.create({
      id: `t${String(i).padStart(5, '0')}`,
      ownerId: i % 10 === 9 ? 'owner-b' : OWNER,
      title: i % 500 === 0 ? `Find the needle ${i}` : `Chore ${i}`,
      description: i % 3 === 0 ? 'notes' : '',
      priority: TASK_PRIORITIES[i % 4] as TaskPriority,
      dueDate: i % 5 === 0 ? null : new Date(NOW.getTime() + ((i % 7) - 3) * 24 * HOUR),
      tags: i % 4 === 0 ? ['home'] : [],
      now: new Date(NOW.getTime() - (count - i) * HOUR),
    });
    const status = TASK_STATUSES[i % 4] as TaskStatus;
    if (status !== 'todo') task.update({ status }, new Date(NOW.getTime() - (count - i) * HOUR + HOUR));
    task.pullEvents();
    await repo.insert(Task.restore(task.toProps()));
  }
}

/** A page seeks to the owner (and the cursor) in an index of `table` and never sorts, but for a rare needle's hits. */
function assertSeeks(lines: string[], sort: TaskSortField, withCursor: boolean, table = 'tasks'): void {
  const text = lines.join('\n');
  expect(text).not.toMatch(new RegExp(`^SCAN ${table}\\b`, 'm'));
  const searchDriven = lines.includes(`SEARCH ${table} USING INTEGER PRIMARY KEY (rowid=?)`);
  if (searchDriven) {
    // A rare needle: the rows come from the trigram index by rowid; only those hits are sorted.
    expect(text).toMatch(new RegExp(`SCAN ${table}_fts VIRTUAL TABLE`));
    return;
  }
  expect(text).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  const access = lines.find((line) => line.startsWith(`SEARCH ${table} USING`));
  expect(access).toMatch(new RegExp(`^SEARCH ${table} USING (COVERING )?INDEX ${table}_owner_\\w+ \\(owner_id=\\?`));
  if (withCursor) expect(access).toContain(`(${SORT_COLUMN[sort]},id)`);
}

describe('SQLite task query plans', () => {
  let sqlite: SqliteDatabase;
  let executed: Executed[];

  beforeAll(async () => {
    sqlite = new SqliteDatabase({ file: ':memory:' });
    // More tasks holding the common word than a search drives from its hits.
    await seed(sqlite, PLAINTEXT_TASK_CONTENT, 2600);
    sqlite.db.exec('ANALYZE');
  });
  afterAll(() => sqlite.close());
  beforeEach(() => {
    executed = recording(sqlite);
  });
  afterEach(() => stopRecording(sqlite));

  const taskQueries = () => executed.filter((e) => /\bFROM tasks\b/.test(e.sql));

  for (const [name, criteria] of Object.entries(FILTERS)) {
    for (const sort of SORTS) {
      for (const order of ORDERS) {
        it(`lists with ${name}, sorted by ${sort} ${order}, from the start and from a cursor`, async () => {
          const reader = new SqliteTaskReadModel(sqlite, PLAINTEXT_TASK_CONTENT);
          for (const after of [null, { key: sort === 'dueDate' ? null : NOW.getTime() - 100 * HOUR, id: 't01000' }]) {
            executed.length = 0;
            await reader.list(OWNER, { criteria: { ...criteria, now: NOW }, sort, order, after, limit: 20 });
            const pages = taskQueries().filter((e) => isPage(e.sql));
            expect(pages).toHaveLength(1);
            assertSeeks(plan(sqlite, pages[0]), sort, after !== null);
            for (const other of taskQueries()) expect(plan(sqlite, other).join('\n')).not.toMatch(/^SCAN tasks\b/m);
          }
        });
      }
    }
  }

  it('drives a rare needle from its trigram hits and walks the sort index for a common one', async () => {
    const reader = new SqliteTaskReadModel(sqlite, PLAINTEXT_TASK_CONTENT);
    const pageOf = async (q: string) => {
      executed.length = 0;
      await reader.list(OWNER, { criteria: { q, now: NOW }, sort: 'createdAt', order: 'desc', after: null, limit: 20 });
      return plan(
        sqlite,
        taskQueries().find((e) => isPage(e.sql))!,
      ).join('\n');
    };
    expect(await pageOf('needle')).toMatch(/SCAN tasks_fts VIRTUAL TABLE/);
    expect(await pageOf('chore')).toMatch(/INDEX tasks_owner_created_id/);
  });

  it('reads the statistics from the counters and one range of open tasks by due date', async () => {
    await new SqliteTaskStatistics(sqlite).overview(OWNER, NOW);
    const plans = executed.map((e) => plan(sqlite, e).join('\n'));
    expect(plans).toEqual([
      expect.stringMatching(/^SEARCH task_counters USING PRIMARY KEY \(owner_id=\?\)$/),
      expect.stringMatching(/^SEARCH task_due_counters USING PRIMARY KEY \(owner_id=\? AND period<\?\)$/),
      expect.stringMatching(/^SEARCH tasks USING (COVERING )?INDEX tasks_open_owner_due \(owner_id=\? AND due_at>\? AND due_at<\?\)$/),
      expect.stringMatching(/^SEARCH task_archive_counters USING PRIMARY KEY \(owner_id=\?\)$/),
    ]);
  });

  it('counts the timeline with index ranges on creation and completion time', async () => {
    const counts = await new SqliteTaskActivityReadModel(sqlite).activity(OWNER, [
      new Date(NOW.getTime() - 48 * HOUR),
      new Date(NOW.getTime() - 24 * HOUR),
      NOW,
    ]);
    // One task an hour, nine in ten of them this owner's.
    expect(counts.created.reduce((a, b) => a + b)).toBeGreaterThan(40);
    const text = plan(sqlite, executed[0]).join('\n');
    expect(text).toMatch(/SEARCH tasks USING COVERING INDEX tasks_owner_created_id \(owner_id=\? AND created_at>\? AND created_at<\?\)/);
    expect(text).toMatch(/SEARCH tasks USING COVERING INDEX tasks_owner_completed \(owner_id=\? AND completed_at>\? AND completed_at<\?\)/);
    expect(text).not.toMatch(/^SCAN tasks\b/m);
  });

  it('reads completion gaps latest first from their table, a bounded range', async () => {
    executed.length = 0;
    await new SqliteTaskActivityReadModel(sqlite).completionGaps(OWNER, NOW, 64);
    expect(plan(sqlite, executed[0]).join('\n')).toMatch(/^SEARCH task_completion_gaps USING PRIMARY KEY \(owner_id=\? AND gap_end<\?\)$/);
  });

  it('walks the sort index for an owner with sealed rows (decrypt-and-filter)', async () => {
    const sealed = new SqliteDatabase({ file: ':memory:' });
    const cipher = new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });
    const content = new TaskContentSealer(cipher, true);
    await seed(sealed, content, 300);
    const log = recording(sealed);
    await new SqliteTaskReadModel(sealed, content).list(OWNER, {
      criteria: { q: 'needle', now: NOW },
      sort: 'dueDate',
      order: 'asc',
      after: null,
      limit: 20,
    });
    const pages = log.filter((e) => isPage(e.sql));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) assertSeeks(plan(sealed, page), 'dueDate', page.sql.includes('(due_sort, id)'));
    stopRecording(sealed);
    sealed.close();
  });
});

describe('SQLite task archive query plans', () => {
  let sqlite: SqliteDatabase;
  let executed: Executed[];
  let moveStatements: Executed[];
  const archiveQueries = () => executed.filter((e) => /\bFROM tasks_archive\b/.test(e.sql));

  beforeAll(async () => {
    sqlite = new SqliteDatabase({ file: ':memory:' });
    // A quarter of the tasks are completed: more archived tasks hold the common word than a search drives from its hits.
    await seed(sqlite, PLAINTEXT_TASK_CONTENT, 9000);
    moveStatements = recording(sqlite);
    const archive = new SqliteTaskArchive(sqlite, PLAINTEXT_TASK_CONTENT, new SqliteTaskRepository(sqlite, PLAINTEXT_TASK_CONTENT));
    expect(await archive.archiveBatch(NOW, 5000, NOW)).toBe(2250);
    stopRecording(sqlite);
    sqlite.db.exec('ANALYZE');
  });
  afterAll(() => sqlite.close());
  beforeEach(() => {
    executed = recording(sqlite);
  });
  afterEach(() => stopRecording(sqlite));

  it('moved a batch with index look-ups only: candidates from the completed-by-last-change index, rows by id', () => {
    const [candidates, ...writes] = moveStatements;
    expect(plan(sqlite, candidates).join('\n')).toMatch(/^SEARCH tasks USING INDEX tasks_completed_updated \(updated_at<\?\)$/);
    expect(writes.map((w) => w.sql.split(' ').slice(0, 3).join(' '))).toEqual([
      'INSERT INTO tasks_archive',
      'INSERT INTO task_archive_tags',
      'DELETE FROM tasks',
    ]);
    for (const write of writes) {
      const text = plan(sqlite, write).join('\n');
      expect(text).not.toMatch(/^SCAN (tasks|task_tags)\b/m);
      expect(text).toMatch(/SEARCH (tasks|task_tags) USING (INDEX sqlite_autoindex_tasks_1 \(id=\?\)|PRIMARY KEY \(task_id=\?\))/);
    }
  });

  for (const [name, criteria] of Object.entries(FILTERS)) {
    for (const sort of SORTS) {
      for (const order of ORDERS) {
        it(`lists the archive with ${name}, sorted by ${sort} ${order}, from the start and from a cursor`, async () => {
          const reader = new SqliteTaskReadModel(sqlite, PLAINTEXT_TASK_CONTENT);
          for (const after of [null, { key: sort === 'dueDate' ? null : NOW.getTime() - 4000 * HOUR, id: 't05003' }]) {
            executed.length = 0;
            await reader.list(OWNER, { criteria: { ...criteria, archived: true, now: NOW }, sort, order, after, limit: 20 });
            const pages = archiveQueries().filter((e) => isPage(e.sql, 'tasks_archive'));
            expect(pages).toHaveLength(1);
            assertSeeks(plan(sqlite, pages[0]), sort, after !== null, 'tasks_archive');
            for (const other of archiveQueries()) expect(plan(sqlite, other).join('\n')).not.toMatch(/^SCAN tasks_archive\b/m);
            expect(executed.filter((e) => /\bFROM tasks\b/.test(e.sql))).toEqual([]);
          }
        });
      }
    }
  }

  it('walks the archive’s sort index for a common needle and drives a rare one from its trigram hits', async () => {
    const reader = new SqliteTaskReadModel(sqlite, PLAINTEXT_TASK_CONTENT);
    const pageOf = async (q: string) => {
      executed.length = 0;
      await reader.list(OWNER, { criteria: { q, archived: true, now: NOW }, sort: 'createdAt', order: 'desc', after: null, limit: 20 });
      return plan(
        sqlite,
        archiveQueries().find((e) => isPage(e.sql, 'tasks_archive'))!,
      ).join('\n');
    };
    expect(await pageOf('needle')).toMatch(/SCAN tasks_archive_fts VIRTUAL TABLE/);
    expect(await pageOf('chore')).toMatch(/INDEX tasks_archive_owner_created_id/);
  });
});
