import { type Task, type TaskActivityCounts, TaskActivityReadModel } from '@primetrade/domain';
import { describeTaskActivityContract, MingoCollection } from '@primetrade/testing';
import { type TaskActivityRow, taskActivityPipeline, toTaskActivityCounts } from './task-activity.pipeline';
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
}

describeTaskActivityContract('mongo pipeline (mingo)', async () => {
  const collection = new MingoCollection<TaskRecord>([]);
  const tasks = {
    insert: async (task: Task) => void collection.docs.push(toTaskRecord(task)),
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
