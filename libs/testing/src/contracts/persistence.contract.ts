import {
  EmailAlreadyRegisteredError,
  OPEN_TASK_STATUSES,
  Session,
  type SortOrder,
  Task,
  type TaskListCriteria,
  TaskNotFoundError,
  type TaskSortField,
  type TaskView,
  TaskVersionConflictError,
  taskSortKey,
  User,
} from '@primetrade/domain';
import type { PersistenceStores } from './persistence-stores';
import { fixtureTasks, NOW } from './task-fixtures';

const OWNER = 'owner-a';
const OTHER = 'owner-b';
const SORTS: TaskSortField[] = ['createdAt', 'updatedAt', 'dueDate', 'priority'];
const ORDERS: SortOrder[] = ['asc', 'desc'];

/** Reference ordering, straight from the port's definition: (key, id), null key after all. */
function referenceOrder(tasks: TaskView[], sort: TaskSortField, order: SortOrder): string[] {
  const key = (t: TaskView) => taskSortKey(t, sort) ?? Number.POSITIVE_INFINITY;
  const sign = order === 'asc' ? 1 : -1;
  return [...tasks].sort((a, b) => sign * (key(a) - key(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))).map((t) => t.id);
}

function user(id: string, email: string): User {
  const u = User.register({ id, name: 'Ada', email, passwordHash: 'hash', now: NOW });
  u.pullEvents();
  return u;
}

/**
 * The behaviour every persistence adapter must show. `open` returns fresh, empty stores for
 * each test. Runs against SQLite and the in-memory adapters here, MongoDB where one answers.
 */
export function describePersistenceContract(name: string, open: () => Promise<PersistenceStores>): void {
  describe(`persistence contract: ${name}`, () => {
    let stores: PersistenceStores;
    beforeEach(async () => {
      stores = await open();
    });
    afterEach(async () => {
      await stores.dispose();
    });

    describe('users', () => {
      it('creates and finds a user by id and by email', async () => {
        await stores.users.create(user('u1', 'ada@example.com'));
        expect((await stores.users.findById('u1'))?.email).toBe('ada@example.com');
        expect((await stores.users.findByEmail('ada@example.com'))?.id).toBe('u1');
        expect((await stores.users.findByEmail('ada@example.com'))?.passwordHash).toBe('hash');
        expect(await stores.users.findById('nobody')).toBeNull();
        expect(await stores.users.findByEmail('nobody@example.com')).toBeNull();
      });

      it('refuses a second user with the same email', async () => {
        await stores.users.create(user('u1', 'ada@example.com'));
        await expect(stores.users.create(user('u2', 'ada@example.com'))).rejects.toBeInstanceOf(EmailAlreadyRegisteredError);
        expect(await stores.users.findById('u2')).toBeNull();
      });

      it('stores a new password hash for that user only', async () => {
        await stores.users.create(user('u1', 'ada@example.com'));
        await stores.users.create(user('u2', 'bob@example.com'));
        const ada = (await stores.users.findById('u1'))!;
        ada.changePassword('new-hash', new Date(NOW.getTime() + 60_000));
        await stores.users.updatePassword(ada);
        expect((await stores.users.findByEmail('ada@example.com'))?.passwordHash).toBe('new-hash');
        expect((await stores.users.findById('u1'))?.updatedAt).toEqual(new Date(NOW.getTime() + 60_000));
        expect((await stores.users.findById('u2'))?.passwordHash).toBe('hash');
      });

      it('confirms and changes an email; the new address is found, the old one not, a taken one refused', async () => {
        await stores.users.create(user('u1', 'ada@example.com'));
        await stores.users.create(user('u2', 'bob@example.com'));
        const later = new Date(NOW.getTime() + 60_000);
        const ada = (await stores.users.findById('u1'))!;
        expect(ada.emailConfirmed).toBe(false);
        ada.confirmEmail(later);
        await stores.users.updateEmail(ada);
        expect((await stores.users.findById('u1'))?.emailConfirmedAt).toEqual(later);

        ada.changeEmail('Ada.Lovelace@Example.com', later);
        await stores.users.updateEmail(ada);
        expect((await stores.users.findByEmail('ada.lovelace@example.com'))?.id).toBe('u1');
        expect(await stores.users.findByEmail('ada@example.com')).toBeNull();

        const bob = (await stores.users.findById('u2'))!;
        bob.changeEmail('ada.lovelace@example.com', later);
        await expect(stores.users.updateEmail(bob)).rejects.toBeInstanceOf(EmailAlreadyRegisteredError);
        expect((await stores.users.findById('u2'))?.email).toBe('bob@example.com');
      });
    });

    describe('sessions', () => {
      const start = (id: string, family: string, hash: string) =>
        Session.start({ id, userId: 'u1', familyId: family, tokenHash: hash, now: NOW, ttlMs: 3_600_000 });

      it('finds a session by token hash and rotates it exactly once', async () => {
        await stores.sessions.create(start('s1', 's1', 'h1'));
        const found = await stores.sessions.findByTokenHash('h1');
        expect(found?.stateAt(NOW)).toBe('active');
        expect(await stores.sessions.markRotated('s1', NOW)).toBe(true);
        expect(await stores.sessions.markRotated('s1', NOW)).toBe(false);
        expect((await stores.sessions.findByTokenHash('h1'))?.stateAt(NOW)).toBe('reused');
        expect(await stores.sessions.findByTokenHash('unknown')).toBeNull();
      });

      it('revokes a whole family and nothing else', async () => {
        await stores.sessions.create(start('s1', 'f1', 'h1'));
        await stores.sessions.create(start('s2', 'f1', 'h2'));
        await stores.sessions.create(start('s3', 'f2', 'h3'));
        await stores.sessions.revokeFamily('f1', NOW);
        expect((await stores.sessions.findByTokenHash('h1'))?.stateAt(NOW)).toBe('revoked');
        expect((await stores.sessions.findByTokenHash('h2'))?.stateAt(NOW)).toBe('revoked');
        expect((await stores.sessions.findByTokenHash('h3'))?.stateAt(NOW)).toBe('active');
        expect(await stores.sessions.markRotated('s2', NOW)).toBe(false);
      });

      it('keeps a rotated session while its family lives, so its replay after its own expiry is still reuse', async () => {
        const HOUR = 3_600_000;
        const at = (ms: number) => new Date(NOW.getTime() + ms);
        await stores.sessions.create(start('s1', 's1', 'h1'));
        expect(await stores.sessions.markRotated('s1', at(HOUR / 2))).toBe(true);
        await stores.sessions.create(
          Session.start({ id: 's2', userId: 'u1', familyId: 's1', tokenHash: 'h2', now: at(HOUR / 2), ttlMs: HOUR }),
        );
        // Another login after s1's own expiry, while its family (s2) still lives.
        await stores.sessions.create(
          Session.start({ id: 's3', userId: 'u1', familyId: 's3', tokenHash: 'h3', now: at(HOUR + 60_000), ttlMs: HOUR }),
        );
        expect((await stores.sessions.findByTokenHash('h1'))?.stateAt(at(HOUR + 60_000))).toBe('reused');
      });

      it("revokes every session of one user and no one else's", async () => {
        await stores.sessions.create(start('s1', 'f1', 'h1'));
        await stores.sessions.create(start('s2', 'f2', 'h2'));
        await stores.sessions.create(
          Session.start({ id: 's3', userId: 'u2', familyId: 'f3', tokenHash: 'h3', now: NOW, ttlMs: 3_600_000 }),
        );
        await stores.sessions.revokeAllOfUser('u1', NOW);
        expect((await stores.sessions.findByTokenHash('h1'))?.stateAt(NOW)).toBe('revoked');
        expect((await stores.sessions.findByTokenHash('h2'))?.stateAt(NOW)).toBe('revoked');
        expect((await stores.sessions.findByTokenHash('h3'))?.stateAt(NOW)).toBe('active');
      });

      it('lists the live link of each family of one user, newest first, with the family start and user agent', async () => {
        const later = (ms: number) => new Date(NOW.getTime() + ms);
        const link = (id: string, family: string, userId: string, ms: number, userAgent: string | null) =>
          Session.start({ id, userId, familyId: family, tokenHash: `h-${id}`, now: later(ms), ttlMs: 3_600_000, userAgent });
        await stores.sessions.create(link('a1', 'fa', 'u1', 0, 'Firefox'));
        await stores.sessions.create(link('b1', 'fb', 'u1', 1000, null));
        await stores.sessions.create(link('c1', 'fc', 'u2', 1000, 'curl'));
        expect(await stores.sessions.markRotated('a1', later(2000))).toBe(true);
        await stores.sessions.create(link('a2', 'fa', 'u1', 2000, 'Firefox 2'));
        await stores.sessions.create(link('d1', 'fd', 'u1', 3000, 'Gone'));
        await stores.sessions.revokeFamily('fd', later(3500));
        expect(await stores.sessions.listActive('u1', later(4000))).toEqual([
          { id: 'fa', createdAt: NOW, lastUsedAt: later(2000), userAgent: 'Firefox 2' },
          { id: 'fb', createdAt: later(1000), lastUsedAt: later(1000), userAgent: null },
        ]);
        expect(await stores.sessions.listActive('u1', later(3_600_000 + 1000))).toEqual([
          { id: 'fa', createdAt: NOW, lastUsedAt: later(2000), userAgent: 'Firefox 2' },
        ]);
      });

      it('reports an expired session as expired', async () => {
        await stores.sessions.create(start('s1', 's1', 'h1'));
        expect((await stores.sessions.findByTokenHash('h1'))?.stateAt(new Date(NOW.getTime() + 3_600_001))).toBe('expired');
      });
    });

    describe('tasks (write side)', () => {
      const newTask = (id = 't1', ownerId = OWNER) => {
        const task = Task.create({
          id,
          ownerId,
          title: 'Ship it',
          description: 'all of it',
          tags: ['work', 'q3'],
          dueDate: new Date('2026-07-01T00:00:00Z'),
          now: NOW,
        });
        task.pullEvents();
        return task;
      };

      it('round-trips every field and hides the task from other owners', async () => {
        const task = newTask();
        await stores.tasks.insert(task);
        const found = await stores.tasks.findById(OWNER, 't1');
        expect(found?.toProps()).toEqual(task.toProps());
        expect(await stores.tasks.findById(OTHER, 't1')).toBeNull();
      });

      it('saves a change when the version matches and bumps the version', async () => {
        await stores.tasks.insert(newTask());
        const loaded = (await stores.tasks.findById(OWNER, 't1'))!;
        loaded.update({ title: 'Shipped', tags: ['done'], dueDate: null }, new Date(NOW.getTime() + 1000));
        loaded.complete(new Date(NOW.getTime() + 2000));
        await stores.tasks.update(loaded);
        const again = (await stores.tasks.findById(OWNER, 't1'))!;
        expect(again.version).toBe(2);
        expect(again.title).toBe('Shipped');
        expect(again.tags).toEqual(['done']);
        expect(again.dueDate).toBeNull();
        expect(again.status).toBe('completed');
        expect(again.completedAt?.getTime()).toBe(NOW.getTime() + 2000);
      });

      it('refuses a stale version with a conflict and a vanished task with not-found', async () => {
        await stores.tasks.insert(newTask());
        const first = (await stores.tasks.findById(OWNER, 't1'))!;
        const second = (await stores.tasks.findById(OWNER, 't1'))!;
        first.update({ title: 'First' }, NOW);
        await stores.tasks.update(first);
        second.update({ title: 'Second' }, NOW);
        await expect(stores.tasks.update(second)).rejects.toBeInstanceOf(TaskVersionConflictError);
        expect((await stores.tasks.findById(OWNER, 't1'))!.title).toBe('First');

        const ghost = newTask('ghost');
        ghost.update({ title: 'x' }, NOW);
        await expect(stores.tasks.update(Task.restore({ ...ghost.toProps(), version: 1 }))).rejects.toBeInstanceOf(TaskNotFoundError);
      });

      it('does not let another owner update or delete the task', async () => {
        await stores.tasks.insert(newTask());
        const theirs = Task.restore({ ...(await stores.tasks.findById(OWNER, 't1'))!.toProps(), ownerId: OTHER });
        theirs.update({ title: 'hijacked' }, NOW);
        await expect(stores.tasks.update(theirs)).rejects.toBeInstanceOf(TaskNotFoundError);
        expect(await stores.tasks.delete(OTHER, 't1', 1)).toBe(false);
        expect((await stores.tasks.findById(OWNER, 't1'))!.title).toBe('Ship it');
      });

      it('deletes only the expected version', async () => {
        await stores.tasks.insert(newTask());
        expect(await stores.tasks.delete(OWNER, 't1', 7)).toBe(false);
        expect(await stores.tasks.delete(OWNER, 't1', 1)).toBe(true);
        expect(await stores.tasks.findById(OWNER, 't1')).toBeNull();
        expect(await stores.tasks.delete(OWNER, 't1', 1)).toBe(false);
        const page = await stores.readModel.list(OWNER, {
          criteria: { tag: 'work', now: NOW },
          sort: 'createdAt',
          order: 'desc',
          after: null,
          limit: 10,
        });
        expect(page).toEqual([]);
      });
    });

    describe('tasks (read side)', () => {
      let mine: TaskView[];
      beforeEach(async () => {
        const tasks = fixtureTasks(OWNER);
        for (const task of tasks) await stores.tasks.insert(task);
        for (const task of fixtureTasks(OTHER, 6, 'other')) await stores.tasks.insert(task);
        mine = tasks.map((t) => t.toProps());
      });

      const list = (criteria: Omit<TaskListCriteria, 'now'>, limit = 100) =>
        stores.readModel.list(OWNER, { criteria: { ...criteria, now: NOW }, sort: 'createdAt', order: 'asc', after: null, limit });
      const ids = (views: TaskView[]) => views.map((v) => v.id).sort();
      const expected = (predicate: (t: TaskView) => boolean) =>
        mine
          .filter(predicate)
          .map((t) => t.id)
          .sort();

      it('lists only the owner’s tasks, with full views', async () => {
        const all = await list({});
        expect(ids(all)).toEqual(expected(() => true));
        expect(all.find((t) => t.id === mine[0].id)).toEqual(mine[0]);
      });

      it('filters by one or many statuses and priorities', async () => {
        expect(ids(await list({ status: ['completed'] }))).toEqual(expected((t) => t.status === 'completed'));
        expect(ids(await list({ status: ['todo', 'in_progress'] }))).toEqual(
          expected((t) => t.status === 'todo' || t.status === 'in_progress'),
        );
        expect(ids(await list({ priority: ['urgent', 'low'] }))).toEqual(expected((t) => t.priority === 'urgent' || t.priority === 'low'));
        expect(ids(await list({ status: ['todo'], priority: ['low'] }))).toEqual(
          expected((t) => t.status === 'todo' && t.priority === 'low'),
        );
      });

      it('filters by tag, case-insensitively', async () => {
        expect(ids(await list({ tag: 'work' }))).toEqual(expected((t) => t.tags.includes('work')));
        expect(ids(await list({ tag: 'HOME' }))).toEqual(expected((t) => t.tags.includes('home')));
        expect(await list({ tag: 'none-such' })).toEqual([]);
      });

      it('filters by due window and overdue', async () => {
        const before = new Date(NOW.getTime() + 10 * 3_600_000);
        const after = new Date(NOW.getTime() - 5 * 3_600_000);
        expect(ids(await list({ dueBefore: before }))).toEqual(expected((t) => t.dueDate !== null && t.dueDate < before));
        expect(ids(await list({ dueAfter: after }))).toEqual(expected((t) => t.dueDate !== null && t.dueDate > after));
        expect(ids(await list({ dueAfter: after, dueBefore: before }))).toEqual(
          expected((t) => t.dueDate !== null && t.dueDate > after && t.dueDate < before),
        );
        const overdue = expected((t) => t.dueDate !== null && t.dueDate < NOW && OPEN_TASK_STATUSES.includes(t.status));
        expect(overdue.length).toBeGreaterThan(0);
        expect(ids(await list({ overdue: true }))).toEqual(overdue);
      });

      it('searches title and description case-insensitively, with wildcards taken literally', async () => {
        expect(ids(await list({ q: 'report' }))).toEqual(expected((t) => /report/i.test(t.title)));
        expect(ids(await list({ q: '100% EFFORT' }))).toEqual(expected((t) => /100% effort/i.test(t.description)));
        expect(await list({ q: '%' })).toHaveLength(expected((t) => t.title.includes('%') || t.description.includes('%')).length);
        expect(await list({ q: '_' })).toHaveLength(expected((t) => t.title.includes('_') || t.description.includes('_')).length);
        expect(await list({ q: 'no such words' })).toEqual([]);
        expect(ids(await list({ q: 'ÉTUDE' }))).toEqual(expected((t) => t.title === 'Étude de marché'));
        expect(ids(await list({ q: 'étude' }))).toHaveLength(1);
      });

      for (const sort of SORTS) {
        for (const order of ORDERS) {
          it(`pages through every task sorted by ${sort} ${order} without gaps or repeats`, async () => {
            const seen: string[] = [];
            let after = null as { key: number | null; id: string } | null;
            for (let pageNo = 0; pageNo < 20; pageNo++) {
              const page = await stores.readModel.list(OWNER, { criteria: { now: NOW }, sort, order, after, limit: 4 });
              seen.push(...page.map((t) => t.id));
              if (page.length < 4) break;
              const last = page[page.length - 1];
              after = { key: taskSortKey(last, sort), id: last.id };
            }
            expect(seen).toEqual(referenceOrder(mine, sort, order));
          });
        }
      }

      it('pages a filtered list', async () => {
        const first = await stores.readModel.list(OWNER, {
          criteria: { status: ['todo', 'in_progress'], now: NOW },
          sort: 'dueDate',
          order: 'asc',
          after: null,
          limit: 3,
        });
        const last = first[first.length - 1];
        const rest = await stores.readModel.list(OWNER, {
          criteria: { status: ['todo', 'in_progress'], now: NOW },
          sort: 'dueDate',
          order: 'asc',
          after: { key: taskSortKey(last, 'dueDate'), id: last.id },
          limit: 100,
        });
        const open = mine.filter((t) => t.status === 'todo' || t.status === 'in_progress');
        expect([...first, ...rest].map((t) => t.id)).toEqual(referenceOrder(open, 'dueDate', 'asc'));
      });

      it('pages a searched list in sort order', async () => {
        const searched = mine.filter((t) => /task 1/i.test(t.title) || /task 1/i.test(t.description));
        expect(searched.length).toBeGreaterThan(4);
        for (const order of ORDERS) {
          const seen: string[] = [];
          let after = null as { key: number | null; id: string } | null;
          for (let pageNo = 0; pageNo < 20; pageNo++) {
            const page = await stores.readModel.list(OWNER, {
              criteria: { q: 'TASK 1', now: NOW },
              sort: 'priority',
              order,
              after,
              limit: 2,
            });
            seen.push(...page.map((t) => t.id));
            if (page.length < 2) break;
            const last = page[page.length - 1];
            after = { key: taskSortKey(last, 'priority'), id: last.id };
          }
          expect(seen).toEqual(referenceOrder(searched, 'priority', order));
        }
      });

      it('computes the statistics overview', async () => {
        const stats = await stores.statistics.overview(OWNER, NOW);
        const count = (p: (t: TaskView) => boolean) => mine.filter(p).length;
        const open = (t: TaskView) => OPEN_TASK_STATUSES.includes(t.status);
        const completed = mine.filter((t) => t.status === 'completed');
        expect(stats.total).toBe(mine.length);
        expect(stats.byStatus).toEqual({
          todo: count((t) => t.status === 'todo'),
          in_progress: count((t) => t.status === 'in_progress'),
          completed: completed.length,
          cancelled: count((t) => t.status === 'cancelled'),
        });
        expect(stats.byPriority).toEqual({
          low: count((t) => t.priority === 'low'),
          medium: count((t) => t.priority === 'medium'),
          high: count((t) => t.priority === 'high'),
          urgent: count((t) => t.priority === 'urgent'),
        });
        expect(stats.overdue).toBe(count((t) => open(t) && t.dueDate !== null && t.dueDate < NOW));
        expect(stats.dueSoon).toBe(
          count((t) => open(t) && t.dueDate !== null && t.dueDate >= NOW && t.dueDate.getTime() < NOW.getTime() + 86_400_000),
        );
        expect(stats.dueSoon).toBeGreaterThan(0);
        expect(stats.completionRate).toBeCloseTo(completed.length / mine.length, 10);
        const avg = completed.reduce((sum, t) => sum + (t.completedAt!.getTime() - t.createdAt.getTime()), 0) / completed.length;
        expect(stats.averageCompletionMs).toBe(Math.round(avg));
      });

      it('gives empty statistics to an owner without tasks', async () => {
        const stats = await stores.statistics.overview('nobody', NOW);
        expect(stats.total).toBe(0);
        expect(stats.completionRate).toBe(0);
        expect(stats.averageCompletionMs).toBeNull();
        expect(stats.byStatus.todo).toBe(0);
      });
    });
  });
}
