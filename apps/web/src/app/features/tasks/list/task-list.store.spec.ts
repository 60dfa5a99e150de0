import { HttpTestingController } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Task } from '../../../core/api/task.types';
import { RETRY_DELAYS_MS } from '../../../core/http/connectivity';
import { provideTestApp } from '../../../testing/test-providers';
import { DEFAULT_FILTERS } from '../data/task-filters';
import { StatusChange, TaskListStore } from './task-list.store';
import { taskFixture } from '../../../testing/task-fixture';

const task = taskFixture;

describe('TaskListStore', () => {
  let store: TaskListStore;
  let backend: HttpTestingController;
  // Resources start their request when signals settle, as they would after a render.
  const settle = () => TestBed.inject(ApplicationRef).whenStable();

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...provideTestApp(), TaskListStore, { provide: RETRY_DELAYS_MS, useValue: [] }] });
    store = TestBed.inject(TaskListStore);
    backend = TestBed.inject(HttpTestingController);
    store.start(); // the page does this after its first render
  });

  afterEach(() => backend.verify());

  const loadFirst = async (items: Task[], nextCursor: string | null = null) => {
    TestBed.tick();
    backend.expectOne((r) => r.url === '/api/v1/tasks' && !r.params.has('cursor')).flush({ items, nextCursor });
    await settle();
    expect(store.items()).toEqual(items); // read, as the page's template does
  };

  it('loads the first page as a resource, then appends the next one by cursor', async () => {
    TestBed.tick();
    expect(store.loading()).toBe(true);
    backend.expectOne('/api/v1/tasks?sort=createdAt&order=desc&limit=50').flush({ items: [task('a')], nextCursor: 'c1' });
    await settle();
    expect(store.items().map((t) => t.id)).toEqual(['a']);
    expect(store.loaded()).toBe(true);

    store.loadMore();
    backend.expectOne((r) => r.params.get('cursor') === 'c1').flush({ items: [task('b')], nextCursor: null });
    expect(store.items().map((t) => t.id)).toEqual(['a', 'b']);
    expect(store.nextCursor()).toBeNull();
  });

  it('lets the newest filter win over a slower, older request, keeping the old rows meanwhile', async () => {
    await loadFirst([task('a')]);
    store.setFilters({ ...DEFAULT_FILTERS, q: 'first' });
    TestBed.tick();
    const stale = backend.expectOne((r) => r.params.get('q') === 'first');
    store.setFilters({ ...DEFAULT_FILTERS, q: 'milk', status: ['todo'] });
    TestBed.tick();
    expect(stale.cancelled).toBe(true);
    expect(store.items().map((t) => t.id)).toEqual(['a']);
    const fresh = backend.expectOne((r) => r.params.get('q') === 'milk');
    expect(fresh.request.params.getAll('status')).toEqual(['todo']);
    fresh.flush({ items: [task('m')], nextCursor: null });
    await settle();
    expect(store.items().map((t) => t.id)).toEqual(['m']);
    expect(store.filtered()).toBe(true);
  });

  it('keeps a refused filter expression apart from load failures, with the text it refused', async () => {
    await loadFirst([task('a')]);
    store.setFilters({ ...DEFAULT_FILTERS, mode: 'filter', q: ' status < todo ' });
    TestBed.tick();
    backend
      .expectOne((r) => r.params.get('filter') === 'status < todo' && !r.params.has('q'))
      .flush(
        {
          status: 400,
          code: 'TASK.FILTER_INVALID',
          detail: '"<" does not fit status; use one of = !=.',
          position: 7,
          expected: ['=', '!='],
        },
        { status: 400, statusText: 'Bad Request', headers: { 'content-type': 'application/problem+json' } },
      );
    await settle();
    expect(store.filterProblem()).toEqual({
      expression: 'status < todo',
      problem: expect.objectContaining({ status: 400, code: 'TASK.FILTER_INVALID', position: 7, expected: ['=', '!='] }),
    });
    expect(store.loadProblem()).toBeNull();

    store.setFilters({ ...DEFAULT_FILTERS, mode: 'filter', q: 'status != todo' });
    TestBed.tick();
    backend.expectOne((r) => r.params.get('filter') === 'status != todo').flush({ items: [task('b')], nextCursor: null });
    await settle();
    expect(store.filterProblem()).toBeNull();
    expect(store.items().map((t) => t.id)).toEqual(['b']);
  });

  it('shows the next occurrence a recurring task’s completion created', async () => {
    const recurrence = { rule: 'FREQ=DAILY', timeZone: 'Europe/Berlin', seriesId: 'a' };
    await loadFirst([task('a', { recurrence }), task('b')]);
    store.toggle(store.items()[0]);
    const next = task('a2', { recurrence, dueDate: '2030-01-02T08:00:00.000Z' });
    backend
      .expectOne({ method: 'PUT', url: '/api/v1/tasks/a/complete' })
      .flush({ ...task('a', { status: 'completed', version: 2, recurrence }), nextOccurrence: next });
    expect(store.items().map((t) => [t.id, t.status])).toEqual([
      ['a2', 'todo'],
      ['a', 'completed'],
      ['b', 'todo'],
    ]);
    expect(store.items()[1]).not.toHaveProperty('nextOccurrence');
  });

  it('deleting an occurrence reads the list again for the next one; ending the series says so to the API', async () => {
    const recurrence = { rule: 'FREQ=DAILY', timeZone: 'Europe/Berlin', seriesId: 'a' };
    await loadFirst([task('a', { recurrence }), task('b', { recurrence: { ...recurrence, seriesId: 'b' } })]);
    store.remove(store.items()[0]);
    backend.expectOne({ method: 'DELETE', url: '/api/v1/tasks/a' }).flush(null, { status: 204, statusText: 'No Content' });
    TestBed.tick();
    backend
      .expectOne('/api/v1/tasks?sort=createdAt&order=desc&limit=50')
      .flush({ items: [task('a2', { recurrence }), task('b')], nextCursor: null });
    await settle();
    expect(store.items().map((t) => t.id)).toEqual(['a2', 'b']);

    store.remove(store.items()[1], true);
    backend.expectOne({ method: 'DELETE', url: '/api/v1/tasks/b?series=true' }).flush(null, { status: 204, statusText: 'No Content' });
    TestBed.tick();
    expect(store.items().map((t) => t.id)).toEqual(['a2']);
  });

  it('checks a task off at once, sends its version as If-Match, and can undo', async () => {
    await loadFirst([task('a', { version: 3 }), task('b')]);
    const changes: StatusChange[] = [];
    store.toggle(store.items()[0], (c) => changes.push(c));
    expect(store.items()[0].status).toBe('completed'); // before the API answers
    const put = backend.expectOne({ method: 'PUT', url: '/api/v1/tasks/a/complete' });
    expect(put.request.headers.get('If-Match')).toBe('"3"');
    put.flush(task('a', { status: 'completed', version: 4 }));
    expect(store.items()[0].version).toBe(4);
    expect(changes).toEqual([{ task: task('a', { status: 'completed', version: 4 }), previous: 'todo' }]);

    store.undo(changes[0]);
    expect(store.items()[0].status).toBe('todo');
    const patch = backend.expectOne({ method: 'PATCH', url: '/api/v1/tasks/a' });
    expect(patch.request.body).toEqual({ status: 'todo' });
    expect(patch.request.headers.get('If-Match')).toBe('"4"');
    patch.flush(task('a', { version: 5 }));
    expect(store.items()[0]).toEqual(task('a', { version: 5 }));
  });

  it('rolls back with a message on 409, and on 412 also reads the task again', async () => {
    await loadFirst([task('a'), task('b')]);
    store.toggle(store.items()[0]);
    backend
      .expectOne('/api/v1/tasks/a/complete')
      .flush({ title: 'Conflict', detail: 'Task is already completed', status: 409 }, { status: 409, statusText: 'Conflict' });
    expect(store.items()[0].status).toBe('todo');
    expect(store.actionProblem()?.message).toBe('“Task a” could not be changed: Task is already completed');

    store.toggle(store.items()[1]);
    backend
      .expectOne('/api/v1/tasks/b/complete')
      .flush({ title: 'Stale', status: 412 }, { status: 412, statusText: 'Precondition Failed' });
    expect(store.items()[1].status).toBe('todo');
    expect(store.actionProblem()?.message).toContain('was changed elsewhere');
    backend.expectOne({ method: 'GET', url: '/api/v1/tasks/b' }).flush(task('b', { title: 'Renamed', version: 7 }));
    expect(store.items()[1].title).toBe('Renamed');
  });

  it('deletes in place, adds quick-added tasks on top, and shows a load error', async () => {
    await loadFirst([task('a'), task('b')]);
    store.remove(store.items()[1]);
    backend.expectOne({ method: 'DELETE', url: '/api/v1/tasks/b' }).flush(null, { status: 204, statusText: 'No Content' });
    expect(store.items().map((t) => t.id)).toEqual(['a']);
    store.add(task('n'));
    expect(store.items().map((t) => t.id)).toEqual(['n', 'a']);

    store.reload();
    TestBed.tick();
    backend
      .expectOne('/api/v1/tasks?sort=createdAt&order=desc&limit=50')
      .flush({ title: 'Boom', status: 500 }, { status: 500, statusText: 'Error' });
    await settle();
    expect(store.loadProblem()?.message).toBe('Boom');
  });

  it('lists the archive with archived=true and restores a task out of it', async () => {
    await loadFirst([task('a')]);
    store.setFilters({ ...DEFAULT_FILTERS, archived: true });
    TestBed.tick();
    const archive = [task('x', { status: 'completed' }), task('y', { status: 'completed' })];
    backend.expectOne('/api/v1/tasks?archived=true&sort=createdAt&order=desc&limit=50').flush({ items: archive, nextCursor: null });
    await settle();
    expect(store.archived()).toBe(true);
    expect(store.items().map((t) => t.id)).toEqual(['x', 'y']);

    const restored: Task[] = [];
    store.restore(store.items()[0], (t) => restored.push(t));
    backend.expectOne({ method: 'POST', url: '/api/v1/tasks/x/restore' }).flush(task('x', { status: 'completed', version: 2 }));
    expect(store.items().map((t) => t.id)).toEqual(['y']);
    expect(restored.map((t) => t.version)).toEqual([2]);

    // Restored elsewhere meanwhile: the row stays and the reason is shown.
    store.restore(store.items()[0]);
    backend
      .expectOne({ method: 'POST', url: '/api/v1/tasks/y/restore' })
      .flush({ title: 'Not found', status: 404 }, { status: 404, statusText: 'Not Found' });
    expect(store.items().map((t) => t.id)).toEqual(['y']);
    expect(store.actionProblem()?.message).toContain('no longer exists');
  });
});
