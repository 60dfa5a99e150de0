import { randomBytes } from 'node:crypto';
import {
  Task,
  TaskCompleted,
  TaskCreated,
  TaskDeleted,
  TaskUpdated,
  TaskVersionConflictError,
  User,
  UserRegistered,
} from '@primetrade/domain';
import { FixedClock, SequentialIdGenerator } from '@primetrade/testing';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { BlindIndex } from '../../core/security/blind-index';
import { decodeEvent } from '../../core/events/event-codec';
import type { OutboxEvent } from '../../core/events/event-outbox';
import { EventRelaySink } from '../../core/events/event-relay-sink';
import { OutboxRelay } from '../../core/events/outbox-relay';
import { TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteUserRepository } from '../identity/sqlite-user.repository';
import { SqliteTaskRepository } from '../tasks/sqlite-task.repository';
import { SqliteEventOutbox } from './sqlite-event-outbox';

const cipher = new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });

/** Records what it was handed; fails while `failing` is set. */
class RecordingSink extends EventRelaySink {
  readonly delivered: OutboxEvent[] = [];
  failing = false;
  async deliver(events: readonly OutboxEvent[]): Promise<void> {
    if (this.failing) throw new Error('sink down');
    this.delivered.push(...events);
  }
}

describe('SQLite transactional outbox and its relay', () => {
  let sqlite: SqliteDatabase;
  let outbox: SqliteEventOutbox;
  let tasks: SqliteTaskRepository;
  let clock: FixedClock;
  beforeEach(() => {
    sqlite = new SqliteDatabase({ file: ':memory:' });
    outbox = new SqliteEventOutbox(sqlite, new SequentialIdGenerator());
    tasks = new SqliteTaskRepository(sqlite, new TaskContentSealer(cipher, true), outbox);
    clock = new FixedClock();
  });
  afterEach(() => sqlite.close());

  const newTask = (id = 't1') => Task.create({ id, ownerId: 'u1', title: `Task ${id}`, dueDate: null, now: clock.now() });
  const count = (sql: string) => (sqlite.db.prepare(sql).get() as { n: number }).n;

  it('writes the events with the change, in order, and takes them off the aggregate', async () => {
    const task = newTask();
    await tasks.insert(task);
    expect(task.hasPendingEvents()).toBe(false);
    const stored = (await tasks.findById('u1', 't1'))!;
    stored.complete(clock.now());
    await tasks.update(stored);
    stored.markDeleted(clock.now());
    expect(await tasks.remove(stored)).toBe(true);
    const pending = await outbox.pending(10);
    expect(pending.map((e) => e.type)).toEqual([TaskCreated.TYPE, TaskCompleted.TYPE, TaskUpdated.TYPE, TaskDeleted.TYPE]);
    expect(pending.every((e) => e.ownerId === 'u1' && e.aggregateId === 't1')).toBe(true);
    expect(decodeEvent(pending[0])).toBeInstanceOf(TaskCreated);
    expect((decodeEvent(pending[0]) as TaskCreated).facts.createdAt).toEqual(task.createdAt);
    expect(await outbox.hasPending('u1')).toBe(true);
    expect(await outbox.hasPending('u2')).toBe(false);
  });

  it('writes nothing when the change fails: a version conflict, a delete of a changed task', async () => {
    await tasks.insert(newTask());
    const a = (await tasks.findById('u1', 't1'))!;
    const b = (await tasks.findById('u1', 't1'))!;
    a.complete(clock.now());
    await tasks.update(a);
    b.update({ title: 'Late' }, clock.now());
    await expect(tasks.update(b)).rejects.toBeInstanceOf(TaskVersionConflictError);
    const stale = Task.restore({ ...a.toProps(), version: a.version - 1 });
    stale.markDeleted(clock.now());
    expect(await tasks.remove(stale)).toBe(false);
    expect((await outbox.pending(10)).map((e) => e.type)).toEqual([TaskCreated.TYPE, TaskCompleted.TYPE, TaskUpdated.TYPE]);
  });

  it('a failing write rolls its events back with it', async () => {
    await tasks.insert(newTask());
    // Same id again: the insert fails inside its transaction, so no second TaskCreated is kept.
    // (matched on the message: better-sqlite3's error class may come from another realm than jest's Error)
    await expect(tasks.insert(newTask())).rejects.toHaveProperty('message', expect.stringContaining('UNIQUE'));
    expect(count('SELECT COUNT(*) AS n FROM event_outbox')).toBe(1);
  });

  it('records a registration with the user, without the email', async () => {
    const users = new SqliteUserRepository(sqlite, cipher, new BlindIndex(randomBytes(32)), outbox);
    const user = User.register({ id: 'u9', name: 'Ada', email: 'ada@example.com', passwordHash: 'x', now: clock.now() });
    await users.create(user);
    const [event] = await outbox.pending(10);
    expect(event).toMatchObject({ type: UserRegistered.TYPE, ownerId: 'u9', aggregateId: 'u9' });
    expect(event.payload).not.toContain('ada@example.com');
  });

  it('relays at least once, in order: nothing is lost while the sink fails, and a crash before marking delivers again', async () => {
    const sink = new RecordingSink();
    const relay = new OutboxRelay(outbox, sink, clock, { intervalMs: 60_000, leaseMs: 5000, batchSize: 2, retainMs: 1000 });
    for (const id of ['t1', 't2', 't3']) await tasks.insert(newTask(id));
    sink.failing = true;
    await relay.flush();
    expect(sink.delivered).toEqual([]);
    sink.failing = false;
    await relay.flush();
    expect(sink.delivered.map((e) => e.aggregateId)).toEqual(['t1', 't2', 't3']);
    expect(await outbox.pending(10)).toEqual([]);

    // Delivered but not marked (the process died in between): handed on again, same ids.
    await tasks.insert(newTask('t4'));
    const [t4] = await outbox.pending(10);
    await sink.deliver([t4]);
    await relay.flush();
    expect(sink.delivered.filter((e) => e.aggregateId === 't4').map((e) => e.id)).toEqual([t4.id, t4.id]);
    await relay.onApplicationShutdown();
  });

  it('lets one relay hold the lease at a time; an expired lease is taken over', async () => {
    const at = (ms: number) => new Date(clock.now().getTime() + ms);
    expect(await outbox.acquireLease('a', at(0), at(1000))).toBe(true);
    expect(await outbox.acquireLease('b', at(10), at(1010))).toBe(false);
    expect(await outbox.acquireLease('a', at(20), at(1020))).toBe(true); // renewal
    expect(await outbox.acquireLease('b', at(1021), at(2021))).toBe(true); // a's ran out
    expect(await outbox.acquireLease('a', at(1030), at(2030))).toBe(false);
    await outbox.releaseLease('b');
    expect(await outbox.acquireLease('a', at(1040), at(2040))).toBe(true);
  });

  it('prunes relayed events after the retention only', async () => {
    await tasks.insert(newTask('t1'));
    await tasks.insert(newTask('t2'));
    const [first] = await outbox.pending(1);
    await outbox.markRelayed([first.id], new Date(1000));
    expect(await outbox.prune(new Date(999))).toBe(0);
    expect(await outbox.prune(new Date(1001))).toBe(1);
    expect(count('SELECT COUNT(*) AS n FROM event_outbox')).toBe(1);
  });
});
