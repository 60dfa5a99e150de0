import { randomBytes } from 'node:crypto';
import { matchesTaskFilter, resolveTaskFilter, type Task, type TaskListRequest, type TaskView } from '@primetrade/domain';
import { describeOnMongoServer, describeTaskFilterProperty, FILTER_NOW, MingoCollection } from '@primetrade/testing';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { scanForMatches } from '../../core/tasks/scan-for-matches';
import { PLAINTEXT_TASK_CONTENT, searchNeedle, TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { resolveMongoPersistenceOptions } from '../connection/mongo-persistence.options';
import { MongoTaskReadModel } from './mongo-task-read-model';
import { MongoTaskRepository } from './mongo-task.repository';
import { taskExpressionFilter } from './task-expression.filter';
import { needsTextScan, taskListQuery, taskSearchCandidatesQuery } from './task-list.filter';
import { openTaskProps, recordSortKey, storedTaskText, toSealedTaskRecord } from './task.mapper';
import { TaskRecord, TaskSchema } from './task.schema';

/**
 * The documents run by mingo the way MongoTaskReadModel sends them: one find for a plain list;
 * candidates walked in batches and matched opened (scanForMatches) when text must be read.
 */
function mingoSubject(content: TaskContentSealer) {
  return async () => {
    const collection = new MingoCollection<TaskRecord>([]);
    const list = async (ownerId: string, request: TaskListRequest): Promise<TaskView[]> => {
      if (!needsTextScan(request.criteria)) {
        const { filter, sort, limit } = taskListQuery(ownerId, request);
        return collection.find(filter, sort, limit).map((r) => openTaskProps(r, content));
      }
      const needle = searchNeedle(request.criteria.q);
      const condition = request.criteria.filter ? resolveTaskFilter(request.criteria.filter, request.criteria.now) : null;
      const records = await scanForMatches<TaskRecord>({
        limit: request.limit,
        fetch: async (last, size) => {
          const after = last ? { key: recordSortKey(last, request.sort), id: last._id } : request.after;
          const { filter, sort, limit } = taskSearchCandidatesQuery(ownerId, request, after, size);
          return collection.find(filter, sort, limit);
        },
        matches: (record) =>
          (!needle || content.matches(record._id, storedTaskText(record), needle)) &&
          (!condition || record.contentSealed !== true || matchesTaskFilter(condition, openTaskProps(record, content))),
      });
      return records.map((r) => openTaskProps(r, content));
    };
    return {
      insert: async (tasks: readonly Task[]) => void collection.docs.push(...tasks.map((t) => toSealedTaskRecord(t, content))),
      list,
      dispose: async () => undefined,
    };
  };
}

describeTaskFilterProperty('mongodb documents (mingo)', mingoSubject(PLAINTEXT_TASK_CONTENT));

const cipher = new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });
describeTaskFilterProperty('mongodb documents (mingo), task content encrypted', mingoSubject(new TaskContentSealer(cipher, true)), 120);

describe('filter expression as a query document', () => {
  const resolve = (expression: Parameters<typeof resolveTaskFilter>[0]) => taskExpressionFilter(resolveTaskFilter(expression, FILTER_NOW));

  it('negates with $nor, ranges with $gte/$lt, priorities as the set of names', () => {
    expect(
      resolve({
        kind: 'and',
        operands: [
          { kind: 'priority', op: '>=', value: 'high' },
          { kind: 'not', operand: { kind: 'date', field: 'due', op: '<', value: { kind: 'day', start: new Date('2026-12-01') } } },
        ],
      }),
    ).toEqual({
      $and: [{ priority: { $in: ['high', 'urgent'] } }, { $nor: [{ dueDate: { $lt: new Date('2026-12-01T00:00:00.000Z') } }] }],
    });
  });

  it('matches text literally and case-insensitively (regex metacharacters escaped)', () => {
    expect(resolve({ kind: 'text', field: 'title', op: '~', value: 'A.b(' })).toEqual({ title: { $regex: 'a\\.b\\(', $options: 'i' } });
  });

  it('never sends an empty $and/$or (MongoDB refuses them)', () => {
    expect(resolve({ kind: 'and', operands: [] })).toEqual({ _id: { $exists: true } });
    expect(resolve({ kind: 'or', operands: [] })).toEqual({ _id: { $exists: false } });
  });

  it('keeps the owner (the shard key) at the top level with a filter', () => {
    const { filter } = taskListQuery('owner-a', {
      criteria: { filter: { kind: 'tag', op: '=', value: 'work' }, now: FILTER_NOW },
      sort: 'createdAt',
      order: 'desc',
      after: null,
      limit: 10,
    });
    expect(filter).toEqual({ owner: 'owner-a', $and: [{ tags: 'work' }] });
  });
});

describeOnMongoServer('MongoTaskReadModel with filter expressions', (database) => {
  describeTaskFilterProperty(
    'mongodb server',
    async () => {
      const model = (await database()).model<TaskRecord>(TaskRecord.name, TaskSchema);
      await model.init();
      const repository = new MongoTaskRepository(model, PLAINTEXT_TASK_CONTENT);
      const readModel = new MongoTaskReadModel(
        model,
        resolveMongoPersistenceOptions({ uri: process.env['MONGODB_URI'] ?? '', readPreference: 'primary' }),
        PLAINTEXT_TASK_CONTENT,
      );
      return {
        insert: async (tasks: readonly Task[]) => {
          for (const task of tasks) await repository.insert(task);
        },
        list: readModel.list.bind(readModel),
        dispose: async () => undefined,
      };
    },
    60,
  );
});
