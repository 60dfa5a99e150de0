import {
  Task,
  type TaskArchive,
  type TaskListCriteria,
  type TaskListRequest,
  type TaskReadModel,
  type TaskRepository,
  type TaskSortField,
  type TaskStatistics,
  taskSortKey,
} from '@primetrade/domain';

export interface TaskArchiveStores {
  tasks: TaskRepository;
  archive: TaskArchive;
  readModel: TaskReadModel;
  statistics: TaskStatistics;
  /** The types of the events that reached the outbox or subscribers so far, in order. */
  events(): Promise<string[]>;
  dispose(): Promise<void>;
}

const DAY = 86_400_000;
const NOW = new Date('2026-06-15T12:00:00.000Z');
const CUTOFF = new Date(NOW.getTime() - 90 * DAY);
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

/** A task created `createdDaysAgo`, completed `completedDaysAgo` (null: left open). */
function task(
  id: string,
  createdDaysAgo: number,
  completedDaysAgo: number | null,
  extra: { ownerId?: string; tags?: string[]; title?: string } = {},
) {
  const t = Task.create({
    id,
    ownerId: extra.ownerId ?? 'o1',
    title: extra.title ?? `Task ${id}`,
    tags: extra.tags ?? [],
    priority: 'high',
    now: daysAgo(createdDaysAgo),
  });
  if (completedDaysAgo !== null) t.complete(daysAgo(completedDaysAgo));
  return t;
}

const list = (s: TaskArchiveStores, criteria: Omit<TaskListCriteria, 'now'>, more: Partial<TaskListRequest> = {}, ownerId = 'o1') =>
  s.readModel.list(ownerId, { criteria: { ...criteria, now: NOW }, sort: 'createdAt', order: 'desc', after: null, limit: 100, ...more });
const ids = (views: readonly { id: string }[]) => views.map((v) => v.id);

/** The behaviour every TaskArchive adapter must show (with its read model and statistics), run against each real store. */
export function describeTaskArchiveContract(name: string, open: () => Promise<TaskArchiveStores>): void {
  describe(`TaskArchive contract: ${name}`, () => {
    let s: TaskArchiveStores;
    beforeEach(async () => {
      s = await open();
      for (const t of [
        task('old-1', 200, 120, { tags: ['home', 'paper'], title: 'Renew the passport' }),
        task('old-2', 150, 100, { tags: ['work'] }),
        task('old-3', 300, 91, { title: 'Passport photos' }),
        task('recent', 120, 30),
        task('open', 200, null),
        task('theirs', 200, 120, { ownerId: 'o2' }),
      ]) {
        t.pullEvents();
        await s.tasks.insert(t);
      }
    });
    afterEach(async () => s.dispose());

    it('moves completed tasks unchanged since the cutoff, with an event each, and leaves the rest hot', async () => {
      const before = (await s.events()).length;
      expect(await s.archive.archiveBatch(CUTOFF, 500, NOW)).toBe(4);
      expect(ids(await list(s, {}))).toEqual(['recent', 'open']);
      expect(ids(await list(s, { archived: true }))).toEqual(['old-2', 'old-1', 'old-3']);
      expect(ids(await list(s, { archived: true }, {}, 'o2'))).toEqual(['theirs']);
      expect(await s.tasks.findById('o1', 'old-1')).toBeNull();
      expect((await s.archive.findById('o1', 'old-1'))?.toProps()).toMatchObject({
        status: 'completed',
        tags: ['home', 'paper'],
        version: 1,
      });
      expect((await s.events()).slice(before).sort()).toEqual(Array(4).fill('tasks.task-archived'));
    });

    it('is idempotent, and moves at most a batch per call', async () => {
      expect(await s.archive.archiveBatch(CUTOFF, 3, NOW)).toBe(3);
      expect(await s.archive.archiveBatch(CUTOFF, 3, NOW)).toBe(1);
      const events = (await s.events()).length;
      expect(await s.archive.archiveBatch(CUTOFF, 3, NOW)).toBe(0);
      expect((await s.events()).length).toBe(events);
      expect((await list(s, { archived: true })).length).toBe(3);
    });

    it('leaves a task reopened, or edited, since it was completed in the hot store', async () => {
      const reopened = (await s.tasks.findById('o1', 'old-1')) as Task;
      reopened.reopen(daysAgo(1));
      await s.tasks.update(reopened);
      const edited = (await s.tasks.findById('o1', 'old-2')) as Task;
      edited.update({ title: 'Touched again' }, daysAgo(1));
      await s.tasks.update(edited);
      expect(await s.archive.archiveBatch(CUTOFF, 500, NOW)).toBe(2);
      expect(ids(await list(s, { archived: true }))).toEqual(['old-3']);
      expect(ids(await list(s, {})).sort()).toEqual(['old-1', 'old-2', 'open', 'recent']);
    });

    it('lists the archive with the same filters, search and keyset cursors', async () => {
      await s.archive.archiveBatch(CUTOFF, 500, NOW);
      expect(ids(await list(s, { archived: true, tag: 'home' }))).toEqual(['old-1']);
      expect(ids(await list(s, { archived: true, q: 'passport' }))).toEqual(['old-1', 'old-3']);
      expect(ids(await list(s, { archived: true, status: ['todo'] }))).toEqual([]);
      expect(ids(await list(s, { archived: true, filter: { kind: 'tag', op: '=', value: 'work' } }))).toEqual(['old-2']);
      for (const sort of ['createdAt', 'updatedAt', 'dueDate', 'priority'] as TaskSortField[]) {
        const all = await list(s, { archived: true }, { sort, order: 'asc' });
        const first = await list(s, { archived: true }, { sort, order: 'asc', limit: 2 });
        const last = first[first.length - 1];
        const rest = await list(s, { archived: true }, { sort, order: 'asc', after: { key: taskSortKey(last, sort), id: last.id } });
        expect([...ids(first), ...ids(rest)]).toEqual(ids(all));
      }
    });

    it('takes archived tasks out of the hot counters and reports their count', async () => {
      const before = await s.statistics.overview('o1', NOW);
      expect(before).toMatchObject({ total: 5, archived: 0, byStatus: { completed: 4 } });
      await s.archive.archiveBatch(CUTOFF, 500, NOW);
      const after = await s.statistics.overview('o1', NOW);
      expect(after).toMatchObject({ total: 2, archived: 3, byStatus: { completed: 1, todo: 1 }, byPriority: { high: 2 } });
      expect(after.averageCompletionMs).toBe(90 * DAY);
      expect((await s.statistics.overview('o2', NOW)).archived).toBe(1);
    });

    it('restores a task at its archived version, as a hot task again; never another owner’s', async () => {
      await s.archive.archiveBatch(CUTOFF, 500, NOW);
      expect(await s.archive.findById('o2', 'old-1')).toBeNull();
      expect(await s.archive.findById('o1', 'nope')).toBeNull();
      const archived = (await s.archive.findById('o1', 'old-1')) as Task;
      const stale = Task.restore(archived.toProps());
      archived.unarchive(NOW);
      const before = (await s.events()).length;
      expect(await s.archive.restore(archived)).toBe(true);
      const hot = (await s.tasks.findById('o1', 'old-1'))?.toProps();
      expect(hot).toMatchObject({ status: 'completed', version: 2, updatedAt: NOW, tags: ['home', 'paper'] });
      expect(ids(await list(s, { tag: 'home' }))).toEqual(['old-1']);
      expect(ids(await list(s, { q: 'passport' }))).toEqual(['old-1']);
      expect(ids(await list(s, { archived: true }))).toEqual(['old-2', 'old-3']);
      expect(await s.statistics.overview('o1', NOW)).toMatchObject({ total: 3, archived: 2 });
      expect((await s.events()).slice(before)).toEqual(['tasks.task-restored']);
      // A second restore of the same read finds nothing at that version.
      stale.unarchive(NOW);
      expect(await s.archive.restore(stale)).toBe(false);
      // Changed just now: the next run leaves it hot.
      expect(await s.archive.archiveBatch(CUTOFF, 500, NOW)).toBe(0);
    });
  });
}
