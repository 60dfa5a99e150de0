import { LiveAnnouncer } from '@angular/cdk/a11y';
import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Task } from '../../../core/api/task.types';
import { provideTestApp } from '../../../testing/test-providers';
import { TaskBoardPage } from './task-board.page';

const task = (id: string, status: Task['status'], version = 1): Task => ({
  id,
  title: `Task ${id}`,
  description: '',
  status,
  priority: 'medium',
  dueDate: null,
  tags: [],
  createdAt: '2030-01-01T00:00:00Z',
  updatedAt: '2030-01-01T00:00:00Z',
  completedAt: null,
  version,
});

describe('TaskBoardPage', () => {
  let fixture: ComponentFixture<TaskBoardPage>;
  let backend: HttpTestingController;
  let el: HTMLElement;
  const announced: string[] = [];
  const column = (status: string) => el.querySelector(`[data-status="${status}"]`)!;
  const titles = (status: string) => [...column(status).querySelectorAll('[data-testid="board-card"] a')].map((a) => a.textContent?.trim());
  const button = (label: string) => el.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      fixture.detectChanges();
      await new Promise((r) => setTimeout(r));
    }
  };

  beforeEach(async () => {
    announced.length = 0;
    TestBed.configureTestingModule({
      imports: [TaskBoardPage],
      providers: [
        ...provideTestApp(),
        { provide: LiveAnnouncer, useValue: { announce: (m: string) => (announced.push(m), Promise.resolve()) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TaskBoardPage);
    el = fixture.nativeElement;
    fixture.detectChanges();
    // One request per column (all pages of it).
    const columns: Record<string, Task[]> = {
      todo: [task('a', 'todo', 3)],
      in_progress: [],
      completed: [],
      cancelled: [task('c', 'cancelled')],
    };
    for (const [status, items] of Object.entries(columns)) {
      backend.expectOne((r) => r.url === '/api/v1/tasks' && r.params.get('status') === status).flush({ items, nextCursor: null });
    }
    await settle();
  });

  afterEach(() => backend.verify());

  it('lays out a column per status', () => {
    expect(titles('todo')).toEqual(['Task a']);
    expect(titles('cancelled')).toEqual(['Task c']);
    expect(column('in_progress').textContent).toContain('No tasks');
  });

  it('moves a card with its If-Match at once, and announces it when saved', async () => {
    button('Move Task a to In progress').click();
    await settle();
    expect(titles('in_progress')).toEqual(['Task a']); // before the API answers
    const req: TestRequest = backend.expectOne({ method: 'PATCH', url: '/api/v1/tasks/a' });
    expect(req.request.headers.get('If-Match')).toBe('"3"');
    expect(req.request.body).toEqual({ status: 'in_progress' });
    req.flush(task('a', 'in_progress', 4));
    await settle();
    expect(announced).toEqual(['Moved “Task a” to In progress.']);

    // Completing goes through the complete operation, with the new version.
    button('Move Task a to Completed').click();
    await settle();
    const complete = backend.expectOne({ method: 'PUT', url: '/api/v1/tasks/a/complete' });
    expect(complete.request.headers.get('If-Match')).toBe('"4"');
    complete.flush(task('a', 'completed', 5));
    await settle();
    expect(titles('completed')).toEqual(['Task a']);
  });

  it('puts the card back and says why when the API refuses the move', async () => {
    button('Move Task c to Completed').click();
    await settle();
    backend
      .expectOne({ method: 'PUT', url: '/api/v1/tasks/c/complete' })
      .flush({ title: 'Conflict', status: 409, detail: 'A cancelled task cannot be completed' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(titles('cancelled')).toEqual(['Task c']);
    expect(titles('completed')).toEqual([]);
    const message = 'Could not move “Task c” to Completed: A cancelled task cannot be completed. It is back in Cancelled.';
    expect(el.querySelector('[data-testid="board-error"]')?.textContent).toContain(message);
    expect(announced).toEqual([message]);
  });

  it('on a stale version (412) reads the task again', async () => {
    button('Move Task a to In progress').click();
    await settle();
    backend.expectOne('/api/v1/tasks/a').flush({ title: 'Stale', status: 412 }, { status: 412, statusText: 'Precondition Failed' });
    await settle();
    expect(titles('todo')).toEqual(['Task a']);
    expect(el.querySelector('[data-testid="board-error"]')?.textContent).toContain('changed elsewhere');
    backend.expectOne({ method: 'GET', url: '/api/v1/tasks/a' }).flush({ ...task('a', 'todo', 9), title: 'Renamed' });
    await settle();
    expect(titles('todo')).toEqual(['Renamed']);
  });
});
