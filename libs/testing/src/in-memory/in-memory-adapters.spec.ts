import { Session, Task, User } from '@primetrade/domain';
import { createInMemoryPersistence } from './in-memory-persistence';

// What the shared contract does not pin down but the in-memory store must still get right.
const NOW = new Date('2026-06-15T12:00:00.000Z');
const HOUR = 3_600_000;

const newTask = (id: string, title = 'Task', description = '') => {
  const task = Task.create({ id, ownerId: 'o1', title, description, now: NOW });
  task.pullEvents();
  return task;
};

describe('in-memory adapters', () => {
  it('hands out copies: changing a loaded task or its dates does not change the store', async () => {
    const { tasks } = createInMemoryPersistence();
    await tasks.insert(newTask('t1', 'Original'));
    const loaded = (await tasks.findById('o1', 't1'))!;
    loaded.update({ title: 'Changed but not saved' }, NOW);
    loaded.createdAt.setTime(0);
    const again = (await tasks.findById('o1', 't1'))!;
    expect(again.title).toBe('Original');
    expect(again.createdAt).toEqual(NOW);
  });

  it('keeps the inserted row apart from the entity that was inserted', async () => {
    const { tasks } = createInMemoryPersistence();
    const task = newTask('t1', 'Original');
    await tasks.insert(task);
    task.update({ title: 'Changed after insert' }, NOW);
    expect((await tasks.findById('o1', 't1'))!.title).toBe('Original');
  });

  it('refuses a second task with the same id', async () => {
    const { tasks } = createInMemoryPersistence();
    await tasks.insert(newTask('t1'));
    await expect(tasks.insert(newTask('t1'))).rejects.toThrow(/Duplicate task id/);
  });

  it('searches case-insensitively beyond ASCII, as the port promises', async () => {
    const { readModel, tasks } = createInMemoryPersistence();
    await tasks.insert(newTask('t1', 'Étude für Straße'));
    const search = (q: string) =>
      readModel.list('o1', { criteria: { q, now: NOW }, sort: 'createdAt', order: 'asc', after: null, limit: 10 });
    expect(await search('étude FÜR')).toHaveLength(1);
    expect(await search('  straße ')).toHaveLength(1);
    expect(await search('strasse')).toHaveLength(0);
  });

  it('treats a blank search and an empty tag as no filter', async () => {
    const { readModel, tasks } = createInMemoryPersistence();
    await tasks.insert(newTask('t1'));
    const list = await readModel.list('o1', {
      criteria: { q: '   ', tag: '', status: [], now: NOW },
      sort: 'createdAt',
      order: 'asc',
      after: null,
      limit: 10,
    });
    expect(list).toHaveLength(1);
  });

  it('drops sessions that expired before a new one starts, as SQLite does', async () => {
    const { sessions } = createInMemoryPersistence();
    await sessions.create(Session.start({ id: 's1', userId: 'u1', familyId: 's1', tokenHash: 'h1', now: NOW, ttlMs: HOUR }));
    await sessions.create(
      Session.start({ id: 's2', userId: 'u1', familyId: 's2', tokenHash: 'h2', now: new Date(NOW.getTime() + 2 * HOUR), ttlMs: HOUR }),
    );
    expect(await sessions.findByTokenHash('h1')).toBeNull();
    expect(await sessions.findByTokenHash('h2')).not.toBeNull();
  });

  it('keeps the first revocation time when a family is revoked twice', async () => {
    const { sessions } = createInMemoryPersistence();
    await sessions.create(Session.start({ id: 's1', userId: 'u1', familyId: 'f1', tokenHash: 'h1', now: NOW, ttlMs: HOUR }));
    await sessions.revokeFamily('f1', NOW);
    await sessions.revokeFamily('f1', new Date(NOW.getTime() + 1000));
    expect((await sessions.findByTokenHash('h1'))!.props.revokedAt).toEqual(NOW);
  });

  it('lets only one of two concurrent sign-ups with the same email through', async () => {
    const { users } = createInMemoryPersistence();
    const register = (id: string) => User.register({ id, name: 'Ada', email: 'ada@example.com', passwordHash: 'h', now: NOW });
    const results = await Promise.allSettled([users.create(register('u1')), users.create(register('u2'))]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });
});
