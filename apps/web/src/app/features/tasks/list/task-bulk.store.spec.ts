import { HttpTestingController } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideTestApp } from '../../../testing/test-providers';
import { TaskBulkStore } from './task-bulk.store';
import { TaskListStore } from './task-list.store';
import { taskFixture } from '../../../testing/task-fixture';

const task = taskFixture;

describe('TaskBulkStore', () => {
  let list: TaskListStore;
  let bulk: TaskBulkStore;
  let backend: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [...provideTestApp(), TaskListStore, TaskBulkStore] });
    list = TestBed.inject(TaskListStore);
    bulk = TestBed.inject(TaskBulkStore);
    backend = TestBed.inject(HttpTestingController);
    list.start();
    TestBed.tick();
    backend
      .expectOne((r) => r.url === '/api/v1/tasks')
      .flush({ items: [task('a'), task('b'), task('c', { version: 4 })], nextCursor: null });
    await TestBed.inject(ApplicationRef).whenStable();
    expect(list.items()).toHaveLength(3);
  });

  afterEach(() => backend.verify());

  it('selects tasks one by one or all shown, apart from completing them', () => {
    bulk.toggle(task('a'));
    expect([bulk.count(), bulk.someSelected(), bulk.allSelected()]).toEqual([1, true, false]);
    bulk.selectAll(true);
    expect([bulk.count(), bulk.allSelected()]).toEqual([3, true]);
    bulk.toggle(task('b'));
    expect(bulk.selected().map((t) => t.id)).toEqual(['a', 'c']);
    bulk.selectAll(false);
    expect(bulk.count()).toBe(0);
    expect(list.items().every((t) => t.status === 'todo')).toBe(true);
  });

  it('completes the selection in one bulk call and updates the rows in place', () => {
    bulk.selectAll(true);
    bulk.run({ kind: 'complete' });
    const req = backend.expectOne('/api/v1/tasks/bulk');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({
      operations: [
        { op: 'complete', id: 'a', ifMatch: '"1"' },
        { op: 'complete', id: 'b', ifMatch: '"1"' },
        { op: 'complete', id: 'c', ifMatch: '"4"' },
      ],
    });
    expect(bulk.running()).toBe(true);
    req.flush({
      atomic: false,
      succeeded: 3,
      failed: 0,
      results: ['a', 'b', 'c'].map((id) => ({ status: 200, task: task(id, { status: 'completed', version: 2 }) })),
    });
    expect(list.items().map((t) => t.status)).toEqual(['completed', 'completed', 'completed']);
    expect(bulk.count()).toBe(0);
    expect(bulk.summary()).toBe('Completed 3 tasks.');
    expect(bulk.running()).toBe(false);
  });

  it('shows each failure, keeps the failed tasks selected, removes the deleted and re-reads a stale one', () => {
    bulk.selectAll(true);
    bulk.run({ kind: 'delete' });
    backend.expectOne('/api/v1/tasks/bulk').flush({
      atomic: false,
      succeeded: 1,
      failed: 2,
      results: [
        { status: 204 },
        {
          status: 412,
          problem: {
            type: 'x',
            title: 'x',
            status: 412,
            detail: 'stale',
            instance: '/',
            correlationId: 'c',
            code: 'TASK.PRECONDITION_FAILED',
          },
        },
        { status: 404, problem: { type: 'x', title: 'x', status: 404, detail: 'Task not found.', instance: '/', correlationId: 'c' } },
      ],
    });
    expect(list.items().map((t) => t.id)).toEqual(['b', 'c']);
    expect(bulk.selected().map((t) => t.id)).toEqual(['b', 'c']);
    expect(bulk.failures().map((f) => [f.title, f.status])).toEqual([
      ['Task b', 412],
      ['Task c', 404],
    ]);
    expect(bulk.summary()).toBe('Deleted 1 task. 2 tasks not changed (still selected).');
    backend.expectOne('/api/v1/tasks/b').flush(task('b', { title: 'Renamed elsewhere', version: 2 }));
    expect(list.items()[0]).toMatchObject({ title: 'Renamed elsewhere', version: 2 });
  });

  it('says so when nothing would change, without a request', () => {
    bulk.toggle(task('a'));
    bulk.run({ kind: 'priority', priority: 'medium' });
    expect(bulk.summary()).toMatch(/^Nothing to change/);
  });

  it('keeps the rows as they were when the call fails as a whole', () => {
    bulk.selectAll(true);
    bulk.run({ kind: 'tag', tag: 'work' });
    const req = backend.expectOne('/api/v1/tasks/bulk');
    expect(req.request.body.operations[0]).toEqual({ op: 'update', id: 'a', ifMatch: '"1"', changes: { tags: ['work'] } });
    req.flush(
      { type: 'x', title: 'Too Many Requests', status: 429, detail: 'Too many requests.', instance: '/', correlationId: 'c' },
      { status: 429, statusText: 'Too Many Requests', headers: { 'content-type': 'application/problem+json' } },
    );
    expect(bulk.problem()).not.toBeNull();
    expect(bulk.count()).toBe(3);
    expect(list.items().every((t) => t.tags.length === 0)).toBe(true);
  });
});
