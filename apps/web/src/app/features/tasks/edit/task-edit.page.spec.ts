import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { Task } from '../../../core/api/task.types';
import { provideTestApp } from '../../../testing/test-providers';
import { TaskEditPage } from './task-edit.page';

const task: Task = {
  id: 't1',
  title: 'Pay rent',
  description: '',
  status: 'todo',
  priority: 'high',
  dueDate: null,
  tags: ['home'],
  createdAt: '2030-01-01T00:00:00Z',
  updatedAt: '2030-01-01T00:00:00Z',
  completedAt: null,
  version: 3,
};

describe('TaskEditPage', () => {
  let fixture: ComponentFixture<TaskEditPage>;
  let backend: HttpTestingController;
  let el: HTMLElement;

  const type = (testId: string, value: string) => {
    const input = el.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  // Renders without waiting for stability: a resource with a request in flight (the attachments
  // list) keeps the app unstable until the test answers it.
  const render = async () => {
    for (let i = 0; i < 3; i++) {
      fixture.detectChanges();
      await new Promise((r) => setTimeout(r));
    }
  };
  const submit = () => el.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));

  const create = async (id?: string) => {
    TestBed.configureTestingModule({ imports: [TaskEditPage], providers: provideTestApp() });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TaskEditPage);
    if (id) fixture.componentRef.setInput('id', id);
    el = fixture.nativeElement;
    await render();
  };

  afterEach(() => backend.verify());

  it('creates a task from the form and returns to the list', async () => {
    await create();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    type('title', '  Buy milk ');
    type('tags', 'home, errands');
    submit();
    const req = backend.expectOne({ method: 'POST', url: '/api/v1/tasks' });
    expect(req.request.body).toEqual({ title: 'Buy milk', priority: 'medium', tags: ['home', 'errands'] });
    req.flush({ ...task, title: 'Buy milk' }, { status: 201, statusText: 'Created' });
    expect(navigate).toHaveBeenCalledWith(['/tasks']);
  });

  it('makes a task repeat: the next dates shown before saving, the rule and zone sent', async () => {
    await create();
    jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    type('title', 'Stand-up');
    type('due-date', '2026-03-06T09:00');
    const kind = el.querySelector<HTMLSelectElement>('[data-testid="repeat-kind"]')!;
    kind.value = 'weekdays';
    kind.dispatchEvent(new Event('change'));
    const zone = el.querySelector<HTMLInputElement>('[data-testid="repeat-zone"]');
    await render();
    expect(zone).toBeNull(); // rendered only once a repeat is chosen
    const zoneInput = el.querySelector<HTMLInputElement>('[data-testid="repeat-zone"]')!;
    zoneInput.value = 'America/New_York';
    zoneInput.dispatchEvent(new Event('change'));
    for (let i = 0; i < 20 && el.querySelectorAll('[data-testid="repeat-date"]').length === 0; i++) await render();
    const dates = [...el.querySelectorAll('[data-testid="repeat-date"]')].map((d) => d.textContent?.trim());
    expect(dates).toHaveLength(5);
    expect(dates[1]).toMatch(/^Mon, 9 Mar 2026, \d\d:\d\d$/);
    submit();
    const req = backend.expectOne({ method: 'POST', url: '/api/v1/tasks' });
    expect(req.request.body).toMatchObject({
      title: 'Stand-up',
      recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', timeZone: 'America/New_York' },
    });
    req.flush({ ...task, title: 'Stand-up' }, { status: 201, statusText: 'Created' });
  });

  it('blocks a blank title and too long tags on the client', async () => {
    await create();
    type('title', '   ');
    type('tags', 'x'.repeat(33));
    submit();
    await render();
    backend.expectNone('/api/v1/tasks');
    expect(el.querySelector('[data-testid="tags-error"]')?.textContent).toContain('32 characters');
    expect(el.querySelector('[data-testid="title-error"]')?.textContent).toContain('Title');
  });

  it('shows API field errors beside their fields, and unknown fields above the form', async () => {
    await create();
    type('title', 'Fine');
    submit();
    backend.expectOne('/api/v1/tasks').flush(
      {
        title: 'Bad Request',
        status: 400,
        errors: [
          { field: 'title', message: 'title must be shorter than or equal to 200 characters' },
          { field: 'tags.0', message: 'each value in tags must be shorter' },
          { field: 'owner', message: 'not allowed' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await render();
    expect(el.querySelector('[data-testid="title-error"]')?.textContent).toContain('shorter than or equal to 200');
    expect(el.querySelector('[data-testid="tags-error"]')?.textContent).toContain('each value in tags');
    expect(el.querySelector('ul[role="alert"]')?.textContent).toContain('owner: not allowed');
  });

  it('edits with If-Match and explains a stale version (412)', async () => {
    await create('t1');
    backend.expectOne('/api/v1/tasks/t1').flush(task, { headers: { ETag: '"3"' } });
    await render();
    expect(el.querySelector<HTMLInputElement>('[data-testid="title"]')!.value).toBe('Pay rent');
    backend.expectOne('/api/v1/tasks/t1/attachments').flush({ items: [] });

    type('title', 'Pay the rent');
    submit();
    const req = backend.expectOne({ method: 'PATCH', url: '/api/v1/tasks/t1' });
    expect(req.request.headers.get('If-Match')).toBe('"3"');
    expect(req.request.body).toMatchObject({ title: 'Pay the rent', dueDate: null, tags: ['home'] });
    req.flush(
      { title: 'Precondition Failed', status: 412, detail: 'The task was changed since you loaded it.' },
      { status: 412, statusText: 'Precondition Failed' },
    );
    await render();
    expect(el.querySelector('[data-testid="form-error"]')?.textContent).toContain('changed elsewhere');

    // Reload fetches the latest version and its ETag; the next save sends that one.
    el.querySelector<HTMLButtonElement>('[data-testid="form-error"] button')!.click();
    fixture.detectChanges();
    backend.expectOne('/api/v1/tasks/t1').flush({ ...task, title: 'Rent (edited elsewhere)', version: 4 }, { headers: { ETag: '"4"' } });
    await render();
    expect(el.querySelector<HTMLInputElement>('[data-testid="title"]')!.value).toBe('Rent (edited elsewhere)');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    submit();
    const retry = backend.expectOne({ method: 'PATCH', url: '/api/v1/tasks/t1' });
    expect(retry.request.headers.get('If-Match')).toBe('"4"');
    retry.flush({ ...task, version: 5 });
    expect(navigate).toHaveBeenCalledWith(['/tasks']);
  });

  it('shows the API reason for a refused status change (409)', async () => {
    await create('t1');
    backend.expectOne('/api/v1/tasks/t1').flush(task, { headers: { ETag: '"3"' } });
    await render();
    backend.expectOne('/api/v1/tasks/t1/attachments').flush({ items: [] });
    submit();
    backend
      .expectOne({ method: 'PATCH', url: '/api/v1/tasks/t1' })
      .flush(
        { title: 'Conflict', status: 409, detail: 'A cancelled task cannot move to in_progress' },
        { status: 409, statusText: 'Conflict' },
      );
    await render();
    expect(el.querySelector('[data-testid="form-error"]')?.textContent).toContain('A cancelled task cannot move to in_progress');
  });

  it('says so when the task does not exist', async () => {
    await create('nope');
    backend.expectOne('/api/v1/tasks/nope').flush({ title: 'Not Found', status: 404 }, { status: 404, statusText: 'Not Found' });
    await render();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('does not exist');
  });
});
