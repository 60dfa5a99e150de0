import { randomBytes, randomUUID } from 'node:crypto';
import { DataIntegrityError, type SortOrder, Task, type TaskListRequest, type TaskView, taskSortKey } from '@primetrade/domain';
import { type Connection, createConnection } from 'mongoose';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { fixtureTasks, NOW } from '@primetrade/testing';
import { scanForMatches } from '../../core/tasks/scan-for-matches';
import { PLAINTEXT_TASK_CONTENT, TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { openTaskProps, recordSortKey, storedTaskText, toSealedTaskRecord } from './task.mapper';
import { mongooseConnectOptions, resolveMongoPersistenceOptions } from '../connection/mongo-persistence.options';
import { MongoTaskReadModel } from './mongo-task-read-model';
import { MongoTaskRepository } from './mongo-task.repository';
import { taskSearchCandidatesQuery } from './task-list.filter';
import { taskUpdate, taskVersionFilter } from './task-write.filter';
import { TaskRecord, TaskSchema } from './task.schema';
import { MingoCollection } from '@primetrade/testing';

const OWNER = 'owner-a';
const cipher = new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });
const sealing = new TaskContentSealer(cipher, true);

function referenceOrder(items: TaskView[], sort: 'priority' | 'dueDate', order: SortOrder): string[] {
  const key = (t: TaskView) => taskSortKey(t, sort) ?? Number.POSITIVE_INFINITY;
  const sign = order === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => sign * (key(a) - key(b) || (a.id < b.id ? -1 : 1))).map((t) => t.id);
}

describe('MongoDB task documents with ENCRYPT_TASK_CONTENT (mapping and queries run by mingo)', () => {
  const task = fixtureTasks(OWNER, 1)[0];

  it('seals title and description in the document and opens them back', () => {
    const record = toSealedTaskRecord(task, sealing);
    expect(record.contentSealed).toBe(true);
    expect(JSON.stringify(record)).not.toContain(task.title);
    expect(cipher.keyIdOf(Buffer.from(record.title, 'base64'))).toBe('k1');
    expect(openTaskProps(record, sealing)).toEqual(task.toProps());
    // The update document seals too, and marks the document.
    const set = taskUpdate(task, sealing).$set as Record<string, unknown>;
    expect(set.contentSealed).toBe(true);
    expect(openTaskProps({ ...record, title: set.title as string }, sealing).title).toBe(task.title);
  });

  it('refuses a tampered value or one copied to another task or field', () => {
    const record = toSealedTaskRecord(task, sealing);
    const other = toSealedTaskRecord(fixtureTasks(OWNER, 2)[1], sealing);
    expect(() => openTaskProps({ ...record, title: other.title }, sealing)).toThrow(DataIntegrityError);
    expect(() => openTaskProps({ ...record, description: record.title }, sealing)).toThrow(DataIntegrityError);
    const bytes = Buffer.from(record.title, 'base64');
    bytes[bytes.length - 1] ^= 1;
    expect(() => openTaskProps({ ...record, title: bytes.toString('base64') }, sealing)).toThrow(DataIntegrityError);
  });

  it('reads a document written before encryption as plaintext, whatever the flag', () => {
    const legacy = toSealedTaskRecord(task, PLAINTEXT_TASK_CONTENT);
    delete (legacy as Partial<TaskRecord>).contentSealed;
    expect(openTaskProps(legacy, sealing)).toEqual(task.toProps());
  });

  it('updates through the version filter as before', () => {
    const docs = new MingoCollection([toSealedTaskRecord(task, sealing)]);
    const changed = Task.restore(task.toProps());
    changed.update({ title: 'Renamed' }, NOW);
    expect(
      docs.updateOne(taskVersionFilter(OWNER, task.id, changed.expectedStoredVersion), taskUpdate(changed, sealing)).matchedCount,
    ).toBe(1);
  });

  it('pages a search by decrypt-and-filter over the candidates query, with mixed documents', async () => {
    const mine = fixtureTasks(OWNER, 60);
    // Every third document was written before the flag: plaintext.
    const records = mine.map((t, i) => toSealedTaskRecord(t, i % 3 === 0 ? PLAINTEXT_TASK_CONTENT : sealing));
    const collection = new MingoCollection<TaskRecord>([
      ...records,
      ...fixtureTasks('owner-b', 10, 'other').map((t) => toSealedTaskRecord(t, sealing)),
    ]);
    const views = mine.map((t) => t.toProps());
    for (const order of ['asc', 'desc'] as SortOrder[]) {
      for (const status of [undefined, ['todo' as const, 'in_progress' as const]]) {
        const request = (after: TaskListRequest['after']): TaskListRequest => ({
          criteria: { q: 'report', status, now: NOW },
          sort: 'dueDate',
          order,
          after,
          limit: 3,
        });
        const seen: string[] = [];
        let after: TaskListRequest['after'] = null;
        for (let page = 0; page < 50; page++) {
          const found = await scanForMatches<TaskRecord>({
            limit: 3,
            fetch: async (last, size) => {
              const { filter, sort, limit } = taskSearchCandidatesQuery(
                OWNER,
                request(after),
                last ? { key: recordSortKey(last, 'dueDate'), id: last._id } : after,
                size,
              );
              expect(filter.owner).toBe(OWNER); // the shard key stays at the top level
              return collection.find(filter, sort, limit);
            },
            matches: (record) => sealing.matches(record._id, storedTaskText(record), 'report'),
          });
          seen.push(...found.map((r) => r._id));
          if (found.length < 3) break;
          const last = openTaskProps(found[found.length - 1], sealing);
          after = { key: taskSortKey(last, 'dueDate'), id: last.id };
        }
        const wanted = views.filter((t) => /report/i.test(t.title + t.description) && (!status || status.includes(t.status as 'todo')));
        expect(wanted.length).toBeGreaterThan(3);
        expect(seen).toEqual(referenceOrder(wanted, 'dueDate', order));
      }
    }
  });
});

/** Raw documents on a real server: only where MONGODB_URI points at one. */
const uri = process.env['MONGODB_URI'];
if (!uri) process.stdout.write('skipped: no MongoDB server (set MONGODB_URI)\n');

(uri ? describe : describe.skip)('MongoDB task documents with ENCRYPT_TASK_CONTENT (real server)', () => {
  jest.setTimeout(30_000);
  let connection: Connection;
  const dbName = `primetrade_task_encryption_test_${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    connection = await createConnection(
      uri as string,
      mongooseConnectOptions(resolveMongoPersistenceOptions({ uri: uri as string })),
    ).asPromise();
  });
  afterAll(async () => {
    await connection.useDb(dbName).dropDatabase();
    await connection.close();
  });

  it('stores no plaintext title or description and still searches them', async () => {
    const db = connection.useDb(dbName, { useCache: false });
    const model = db.model<TaskRecord>(TaskRecord.name, TaskSchema);
    await model.init();
    const options = resolveMongoPersistenceOptions({ uri: uri as string, readPreference: 'primary' });
    const repo = new MongoTaskRepository(model, sealing);
    for (const t of fixtureTasks(OWNER, 12)) await repo.insert(t);
    const raw = await model.collection.find({}).toArray();
    expect(JSON.stringify(raw)).not.toMatch(/report|task \d|effort/i);
    expect(raw.every((doc) => doc.contentSealed === true)).toBe(true);
    const found = await new MongoTaskReadModel(model, options, sealing).list(OWNER, {
      criteria: { q: 'REPORT', now: NOW },
      sort: 'createdAt',
      order: 'asc',
      after: null,
      limit: 10,
    });
    expect(found.map((t) => t.title)).toEqual(['Write REPORT number 0', 'Write REPORT number 5', 'Write REPORT number 10']);
  });
});
