import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Task } from '../../../core/api/task.types';
import { TaskCardComponent } from './task-card.component';

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

describe('TaskCardComponent', () => {
  let fixture: ComponentFixture<TaskCardComponent>;

  const render = async (task: Task) => {
    fixture.componentRef.setInput('task', task);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  };

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [TaskCardComponent], providers: [provideRouter([])] });
    fixture = TestBed.createComponent(TaskCardComponent);
  });

  it('says an overdue task is overdue, in words and not only in colour', async () => {
    const el = await render(base);
    expect(el.classList).toContain('overdue');
    expect(el.querySelector('[data-testid="task-due"]')?.textContent).toContain('Overdue');
    expect(el.textContent).toContain('Priority: Urgent');
    expect(el.textContent).toContain('#admin');
  });

  it('offers Complete on open tasks and emits the task', async () => {
    const el = await render(base);
    const emitted: Task[] = [];
    fixture.componentInstance.completeTask.subscribe((t) => emitted.push(t));
    el.querySelector<HTMLButtonElement>('button[aria-label="Complete File taxes"]')!.click();
    expect(emitted).toEqual([base]);
  });

  it('offers Reopen on completed tasks and no longer flags them', async () => {
    const el = await render({ ...base, status: 'completed', completedAt: '2030-01-02T00:00:00Z' });
    expect(el.querySelector('button[aria-label="Reopen File taxes"]')).not.toBeNull();
    expect(el.querySelector('button[aria-label="Complete File taxes"]')).toBeNull();
    expect(el.classList).not.toContain('overdue');
  });
});
