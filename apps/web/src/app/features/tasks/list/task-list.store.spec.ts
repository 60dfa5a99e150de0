import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Task } from '../../../core/api/task.types';
import { provideTestApp } from '../../../testing/test-providers';
import { DEFAULT_FILTERS } from '../data/task-filters';
import { TaskListStore } from './task-list.store';

const task = (id: string, extra: Partial<Task> = {}): Task => ({
  id,
  title: `Task ${id}`,
  description: '',
  status: 'todo',
  priority: 'medium',
  dueDate: null,
  tags: [],
  createdAt: '2030-01-01T00:00:00Z',
  updatedAt: '2030-01-01T00:00:00Z',
  completedAt: null,
  version: 1,
  ...extra,
});

describe('TaskListStore', () => {
  let store: TaskListStore;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...provideTestApp(), TaskListStore] });
    store = TestBed.inject(TaskListStore);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('loads the first page, then appends the next one by cursor', () => {
    store.reload();
    expect(store.call.loading()).toBe(true);
    backend.expectOne((r) => r.url === '/api/v1/tasks' && !r.params.has('cursor')).flush({ items: [task('a')], nextCursor: 'c1' });
    expect(store.items().map((t) => t.id)).toEqual(['a']);

    store.loadMore();
    const next = backend.expectOne((r) => r.params.get('cursor') === 'c1');
    next.flush({ items: [task('b')], nextCursor: null });
    expect(store.items().map((t) => t.id)).toEqual(['a', 'b']);
    expect(store.nextCursor()).toBeNull();
  });

  it('lets the newest filter win over a slower, older request', () => {
    store.reload();
    const stale = backend.expectOne((r) => !r.params.has('q'));
    store.setFilters({ ...DEFAULT_FILTERS, q: 'milk', status: ['todo'] });
    expect(stale.cancelled).toBe(true);
    const fresh = backend.expectOne((r) => r.params.get('q') === 'milk');
    expect(fresh.request.params.getAll('status')).toEqual(['todo']);
    fresh.flush({ items: [task('m')], nextCursor: null });
    expect(store.items().map((t) => t.id)).toEqual(['m']);
  });

  it('completes, reopens and deletes in place, and reports a failed action', () => {
    store.reload();
    backend.expectOne('/api/v1/tasks?sort=createdAt&order=desc&limit=20').flush({ items: [task('a'), task('b')], nextCursor: null });

    store.complete(store.items()[0]);
    backend.expectOne({ method: 'PUT', url: '/api/v1/tasks/a/complete' }).flush(task('a', { status: 'completed' }));
    expect(store.items()[0].status).toBe('completed');

    store.reopen(store.items()[0]);
    const reopen = backend.expectOne({ method: 'PATCH', url: '/api/v1/tasks/a' });
    expect(reopen.request.body).toEqual({ status: 'todo' });
    reopen.flush(task('a'));

    store.remove(store.items()[1]);
    backend.expectOne({ method: 'DELETE', url: '/api/v1/tasks/b' }).flush(null, { status: 204, statusText: 'No Content' });
    expect(store.items().map((t) => t.id)).toEqual(['a']);

    store.complete(store.items()[0]);
    backend
      .expectOne('/api/v1/tasks/a/complete')
      .flush({ title: 'Conflict', detail: 'Task is already completed', status: 409 }, { status: 409, statusText: 'Conflict' });
    expect(store.actionProblem()?.message).toBe('Task is already completed');
    expect(store.busy().size).toBe(0);
  });
});
