import { ComponentFixture, TestBed } from '@angular/core/testing';
import { UserTimeZone } from '../../../core/preferences/user-time-zone';
import { provideRouter } from '@angular/router';
import { Task } from '../../../core/api/task.types';
import { TaskRowComponent } from './task-row.component';

const base: Task = {
  id: 't1',
  title: 'File taxes',
  description: 'Before the deadline',
  status: 'todo',
  priority: 'urgent',
  dueDate: new Date(Date.now() - 3_600_000).toISOString(),
  tags: ['admin'],
  createdAt: '2030-01-01T00:00:00Z',
  updatedAt: '2030-01-01T00:00:00Z',
  completedAt: null,
  version: 1,
};

describe('TaskRowComponent', () => {
  let fixture: ComponentFixture<TaskRowComponent>;

  const render = async (task: Task) => {
    fixture.componentRef.setInput('task', task);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  };

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [TaskRowComponent], providers: [provideRouter([])] });
    fixture = TestBed.createComponent(TaskRowComponent);
  });

  it('labels a recurring task with how it repeats, the rule in its title', async () => {
    const el = await render({ ...base, recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO,WE', timeZone: 'Europe/Berlin', seriesId: 't1' } });
    const badge = el.querySelector('[data-testid="task-repeat"]');
    expect(badge?.textContent?.trim()).toBe('Repeats weekly: Mon, Wed');
    expect(badge?.getAttribute('title')).toBe('FREQ=WEEKLY;BYDAY=MO,WE');
    expect(badge?.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect((await render({ ...base, recurrence: null })).querySelector('[data-testid="task-repeat"]')).toBeNull();
  });

  it('shows the due time in the user’s preferred zone', async () => {
    TestBed.inject(UserTimeZone).use('Asia/Kolkata');
    const el = await render({ ...base, dueDate: '2030-06-01T03:30:00.000Z' });
    expect(el.querySelector('[data-testid="task-due"]')?.textContent).toMatch(/Jun 1, 2030, 9:00\sAM/);
  });

  it('says an overdue task is overdue, in words and not only in colour', async () => {
    const el = await render(base);
    expect(el.classList).toContain('overdue');
    expect(el.querySelector('[data-testid="task-due"]')?.textContent).toContain('Overdue');
    expect(el.textContent).toContain('Urgent priority');
    expect(el.textContent).toContain('#admin');
  });

  it('has a checkbox named by the task that emits on change, checked when completed', async () => {
    const el = await render(base);
    const box = el.querySelector<HTMLInputElement>('[data-testid="task-check"]')!;
    expect(box.getAttribute('aria-label')).toBe('File taxes');
    expect(box.checked).toBe(false);
    const emitted: Task[] = [];
    fixture.componentInstance.toggleDone.subscribe((t) => emitted.push(t));
    box.click();
    expect(emitted).toEqual([base]);

    const done = await render({ ...base, status: 'completed', completedAt: '2030-01-02T00:00:00Z' });
    expect(done.querySelector<HTMLInputElement>('[data-testid="task-check"]')!.checked).toBe(true);
    expect(done.classList).not.toContain('overdue');
    expect(done.classList).toContain('done');
  });

  it('links the title to the edit page and names its delete button', async () => {
    const el = await render({ ...base, dueDate: null, status: 'in_progress' });
    expect(el.querySelector('a')?.getAttribute('aria-label')).toBe('Edit File taxes');
    expect(el.querySelector('a')?.getAttribute('href')).toBe('/tasks/t1/edit');
    expect(el.querySelector('[data-testid="task-status"]')?.textContent?.trim()).toBe('In progress');
    expect(el.querySelector('button')?.getAttribute('aria-label')).toBe('Delete File taxes');
  });

  it('has a separate selection checkbox, named "Select …", that emits without completing', async () => {
    const el = await render(base);
    const pick = el.querySelector<HTMLInputElement>('[data-testid="task-select"]')!;
    expect(pick.getAttribute('aria-label')).toBe('Select File taxes');
    expect(pick.checked).toBe(false);
    const picked: Task[] = [];
    const toggled: Task[] = [];
    fixture.componentInstance.pickedChange.subscribe((t) => picked.push(t));
    fixture.componentInstance.toggleDone.subscribe((t) => toggled.push(t));
    pick.click();
    expect(picked).toEqual([base]);
    expect(toggled).toEqual([]);

    fixture.componentRef.setInput('picked', true);
    await fixture.whenStable();
    expect(pick.checked).toBe(true);
    expect(el.classList).toContain('picked');
  });

  it('shows an archived task without edit, selection or delete, and a named "Restore" button that emits it', async () => {
    fixture.componentRef.setInput('archived', true);
    const archived = { ...base, status: 'completed' as const, completedAt: '2030-01-02T00:00:00Z' };
    const el = await render(archived);
    expect(el.querySelector('a')).toBeNull();
    expect(el.querySelector('[data-testid="task-title"]')?.textContent?.trim()).toBe('File taxes');
    expect(el.querySelector('[data-testid="task-select"]')).toBeNull();
    expect(el.querySelector<HTMLInputElement>('[data-testid="task-check"]')?.disabled).toBe(true);
    expect(el.querySelector('.delete')).toBeNull();
    const restore = el.querySelector<HTMLButtonElement>('[data-testid="task-restore"]')!;
    expect(restore.getAttribute('aria-label')).toBe('Restore File taxes');
    const restored: Task[] = [];
    fixture.componentInstance.restoreTask.subscribe((t) => restored.push(t));
    restore.click();
    expect(restored).toEqual([archived]);
  });
});
