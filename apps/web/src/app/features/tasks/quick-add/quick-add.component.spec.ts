import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Task } from '../../../core/api/task.types';
import { provideTestApp } from '../../../testing/test-providers';
import { QuickAddComponent } from './quick-add.component';

describe('QuickAddComponent', () => {
  let fixture: ComponentFixture<QuickAddComponent>;
  let backend: HttpTestingController;
  let el: HTMLElement;
  const input = () => el.querySelector<HTMLInputElement>('[data-testid="quick-add"]')!;
  const chips = () => [...el.querySelectorAll('[data-testid="quick-add-chip"] > span')].map((c) => c.textContent?.trim());
  const settle = async () => {
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 10));
      fixture.detectChanges();
    }
  };
  const type = async (value: string) => {
    input().value = value;
    input().dispatchEvent(new Event('input'));
    await settle(); // the parser module loads on first use
  };

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [QuickAddComponent], providers: provideTestApp() });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(QuickAddComponent);
    el = fixture.nativeElement;
    fixture.detectChanges();
  });

  afterEach(() => backend.verify());

  it('shows what it understood as removable chips, and creates the task once on Enter', async () => {
    await type('Pay rent tomorrow 9am !high #home');
    expect(chips()).toEqual([expect.stringMatching(/^Due: Tomorrow, 0?9[:.]00/), 'Priority: High', 'Tag: #home']);
    const created: Task[] = [];
    fixture.componentInstance.created.subscribe((t) => created.push(t));

    const form = el.querySelector('form')!;
    form.dispatchEvent(new Event('submit'));
    form.dispatchEvent(new Event('submit')); // a double Enter posts once
    await settle();
    const req = backend.expectOne({ method: 'POST', url: '/api/v1/tasks' });
    const tomorrow9 = new Date();
    tomorrow9.setDate(tomorrow9.getDate() + 1);
    tomorrow9.setHours(9, 0, 0, 0);
    expect(req.request.body).toEqual({ title: 'Pay rent', priority: 'high', tags: ['home'], dueDate: tomorrow9.toISOString() });
    req.flush({ id: 't1', title: 'Pay rent' });
    await settle();
    expect(created.map((t) => t.id)).toEqual(['t1']);
    expect(input().value).toBe('');
    expect(chips()).toEqual([]);
  });

  it('keeps the words of a removed chip in the title', async () => {
    await type('Call mum friday #family');
    el.querySelector<HTMLButtonElement>('button[aria-label^="Remove Due"]')!.click();
    await settle();
    expect(chips()).toEqual(['Tag: #family']);
    el.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle();
    const req = backend.expectOne({ method: 'POST', url: '/api/v1/tasks' });
    expect(req.request.body).toEqual({ title: 'Call mum friday', priority: 'medium', tags: ['family'] });
    req.flush({ id: 't2' });
  });

  it('refuses an empty title and shows the API’s reason for a refusal', async () => {
    await type('!high #home');
    el.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle();
    expect(el.querySelector('[data-testid="quick-add-error"]')?.textContent).toContain('Type what the task is first.');
    backend.expectNone('/api/v1/tasks');

    await type('Ship it');
    el.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle();
    backend
      .expectOne('/api/v1/tasks')
      .flush(
        { title: 'Too Many Requests', status: 429 },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '30' } },
      );
    await settle();
    expect(el.querySelector('[data-testid="quick-add-error"]')?.textContent).toContain('Try again in 30 seconds');
    expect(input().value).toBe('Ship it');
  });
});
