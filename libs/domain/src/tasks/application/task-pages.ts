import type { TaskListPosition, TaskListRequest, TaskReadModel } from '../ports/task-read-model.port';
import { taskSortKey } from './task-list-cursor';
import type { TaskView } from './task.view';

/** Rows read per round trip: memory stays flat however many tasks there are. */
export const EXPORT_PAGE_SIZE = 500;

/** Every task the request matches, in its order, read a page at a time (exports). */
export async function* taskPages(
  readModel: TaskReadModel,
  ownerId: string,
  request: Omit<TaskListRequest, 'after' | 'limit'>,
): AsyncIterable<TaskView> {
  let after: TaskListPosition | null = null;
  for (;;) {
    const page = await readModel.list(ownerId, { ...request, after, limit: EXPORT_PAGE_SIZE });
    yield* page;
    const last = page.at(-1);
    if (page.length < EXPORT_PAGE_SIZE || !last) return;
    after = { key: taskSortKey(last, request.sort), id: last.id };
  }
}
