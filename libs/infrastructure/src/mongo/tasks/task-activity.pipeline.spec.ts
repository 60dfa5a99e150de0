import { type CompletionGap, Task, type TaskActivityCounts, TaskActivityReadModel, type TaskProps } from '@primetrade/domain';
import { describeTaskActivityContract, MingoCollection } from '@primetrade/testing';
import {
  CompletionGapCollector,
  completionTimesQuery,
  type TaskActivityRow,
  taskActivityPipeline,
  toTaskActivityCounts,
} from './task-activity.pipeline';
import { toTaskRecord } from './task.mapper';
import type { TaskRecord } from './task.schema';

/** The contract, with the adapter's exact pipeline executed by mingo over the mapped records. */
class MingoTaskActivity extends TaskActivityReadModel {
  constructor(private readonly collection: MingoCollection<TaskRecord>) {
    super();
  }

  async activity(ownerId: string, boundaries: readonly Date[]): Promise<TaskActivityCounts> {
    const [row] = this.collection.aggregate<TaskActivityRow>(taskActivityPipeline(ownerId, boundaries));
    return toTaskActivityCounts(row, boundaries);
  }

  /** The adapter's loop, with its query documents run by mingo, in small batches to cross batch edges. */
  async completionGaps(ownerId: string, before: Date, limit: number): Promise<CompletionGap[]> {
    const collector = new CompletionGapCollector(limit);
    let cursor = before;
    for (;;) {
      const { filter, sort, limit: size } = completionTimesQuery(ownerId, cursor, 2);
      const times = this.collection.find(filter, sort, size).map((r) => r.completedAt!);
      const gaps = collector.add(times, times.length < size);
      if (collector.done || times.length < size) return gaps;
      cursor = times[times.length - 1];
    }
  }
}

describeTaskActivityContract('mongo pipeline (mingo)', async () => {
  const collection = new MingoCollection<TaskRecord>([]);
  // Just enough of a repository: the contract writes tasks, the records are what the adapter stores.
  const rows = new Map<string, TaskProps>();
  const sync = () => collection.docs.splice(0, collection.docs.length, ...[...rows.values()].map((p) => toTaskRecord(Task.restore(p))));
  const tasks = {
    insert: async (task: Task) => (rows.set(task.id, task.toProps()), sync()),
    update: async (task: Task) => (rows.set(task.id, task.toProps()), sync()),
    findById: async (_owner: string, id: string) => (rows.has(id) ? Task.restore(rows.get(id)!) : null),
    delete: async (_owner: string, id: string) => rows.delete(id) && (sync(), true),
  } as never;
  return { tasks, activity: new MingoTaskActivity(collection), dispose: async () => undefined };
});

describe('task activity pipeline', () => {
  it('starts with the owner and the window on both time fields, so two index ranges serve it', () => {
    const boundaries = [new Date(0), new Date(1000), new Date(2000)];
    expect(taskActivityPipeline('o1', boundaries)[0]).toEqual({
      $match: {
        owner: 'o1',
        $or: [{ createdAt: { $gte: boundaries[0], $lt: boundaries[2] } }, { completedAt: { $gte: boundaries[0], $lt: boundaries[2] } }],
      },
    });
  });
});
