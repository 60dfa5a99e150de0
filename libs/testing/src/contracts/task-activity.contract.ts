import { Task, type TaskActivityReadModel, type TaskRepository } from '@primetrade/domain';

import { NOW } from './task-fixtures';

export interface TaskActivityStores {
  tasks: TaskRepository;
  activity: TaskActivityReadModel;
  dispose(): Promise<void>;
}

const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

/**
 * The behaviour every TaskActivityReadModel shows: per period [b[i], b[i+1]) the owner's tasks
 * created, and completed (a task reopened or cancelled since no longer counts), bounds inclusive
 * at the start and exclusive at the end, other owners never counted.
 */
export function describeTaskActivityContract(name: string, open: () => Promise<TaskActivityStores>): void {
  describe(`task activity contract: ${name}`, () => {
    let stores: TaskActivityStores;
    beforeEach(async () => {
      stores = await open();
    });
    afterEach(async () => {
      await stores.dispose();
    });

    async function add(
      id: string,
      createdHours: number,
      change?: { status: 'completed' | 'cancelled' | 'todo'; hours: number }[],
      owner = 'o1',
    ) {
      const task = Task.create({ id, ownerId: owner, title: id, now: at(createdHours) });
      for (const step of change ?? []) task.update({ status: step.status }, at(step.hours));
      task.pullEvents();
      await stores.tasks.insert(Task.restore(task.toProps()));
    }

    it('counts creations and completions per period, start inclusive and end exclusive', async () => {
      await add('a', 0, [{ status: 'completed', hours: 1 }]);
      await add('b', 23.99, [{ status: 'completed', hours: 24 }]);
      await add('c', 24);
      await add('d', 30, [{ status: 'completed', hours: 47 }]);
      await add('e', 48); // at the last boundary: outside
      await add('f', -1, [{ status: 'completed', hours: 2 }]); // created before the first period
      await add('g', 5, [
        { status: 'completed', hours: 6 },
        { status: 'todo', hours: 7 },
      ]); // reopened: not a completion any more
      await add('h', 5, [{ status: 'cancelled', hours: 6 }]);
      await add('x', 1, [{ status: 'completed', hours: 2 }], 'o2');
      const counts = await stores.activity.activity('o1', [at(0), at(24), at(48)]);
      expect(counts).toEqual({ created: [4, 2], completed: [2, 2] });
    });

    it('gives zeros to an owner without tasks and to empty periods', async () => {
      await add('a', 100, [{ status: 'completed', hours: 101 }]);
      expect(await stores.activity.activity('o1', [at(0), at(24), at(48), at(72)])).toEqual({ created: [0, 0, 0], completed: [0, 0, 0] });
      expect(await stores.activity.activity('nobody', [at(0), at(200)])).toEqual({ created: [0], completed: [0] });
    });

    it('lists completion gaps of 23 hours or more, and the first completion, latest first', async () => {
      await add('a', 0, [{ status: 'completed', hours: 1 }]); // the first completion
      await add('b', 0, [{ status: 'completed', hours: 10 }]); // 9 h later: no gap
      await add('c', 0, [{ status: 'completed', hours: 10 }]); // the same instant again
      await add('d', 0, [{ status: 'completed', hours: 33 }]); // 23 h: a gap
      await add('e', 0, [{ status: 'completed', hours: 100 }]); // 67 h: a gap
      await add('f', 0, [{ status: 'completed', hours: 110 }]);
      await add('g', 0, [
        { status: 'completed', hours: 60 },
        { status: 'todo', hours: 61 },
      ]); // reopened: no completion
      await add('h', 0, [{ status: 'cancelled', hours: 70 }]);
      await add('x', 0, [{ status: 'completed', hours: 50 }], 'o2');
      const gaps = await stores.activity.completionGaps('o1', at(1000), 10);
      expect(gaps).toEqual([
        { from: at(33), to: at(100) },
        { from: at(10), to: at(33) },
        { from: null, to: at(1) },
      ]);
      expect(await stores.activity.completionGaps('o1', at(100), 10)).toEqual(gaps.slice(1));
      expect(await stores.activity.completionGaps('o1', at(1000), 1)).toEqual(gaps.slice(0, 1));
      expect(await stores.activity.completionGaps('o1', at(1), 10)).toEqual([]);
    });

    it('follows completions that are undone or removed', async () => {
      await add('a', 0, [{ status: 'completed', hours: 1 }]);
      await add('b', 0, [{ status: 'completed', hours: 50 }]);
      await add('c', 0, [{ status: 'completed', hours: 60 }]);
      const b = (await stores.tasks.findById('o1', 'b'))!;
      b.update({ status: 'todo' }, at(70)); // reopened: 1 h → 60 h is one gap now
      await stores.tasks.update(b);
      expect(await stores.activity.completionGaps('o1', at(1000), 10)).toEqual([
        { from: at(1), to: at(60) },
        { from: null, to: at(1) },
      ]);
      const a = (await stores.tasks.findById('o1', 'a'))!;
      expect(await stores.tasks.delete('o1', 'a', a.version)).toBe(true);
      expect(await stores.activity.completionGaps('o1', at(1000), 10)).toEqual([{ from: null, to: at(60) }]);
    });
  });
}
