import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideTestApp } from '../../../testing/test-providers';
import { TaskTransferComponent } from './task-transfer.component';

describe('TaskTransferComponent', () => {
  let fixture: ComponentFixture<TaskTransferComponent>;
  let backend: HttpTestingController;
  let el: HTMLElement;
  const imported: number[] = [];

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [TaskTransferComponent], providers: provideTestApp() });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TaskTransferComponent);
    fixture.componentRef.setInput('query', { status: ['todo'], q: 'rent', sort: 'createdAt', order: 'desc' });
    fixture.componentInstance.imported.subscribe((n) => imported.push(n));
    imported.length = 0;
    await fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  const button = (testId: string) => el.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`)!;
  const choose = (file: File) => {
    const input = el.querySelector<HTMLInputElement>('[data-testid="import-file"]')!;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
  };

  it('exports with the list’s filters in the chosen format and saves the file', () => {
    const saved: string[] = [];
    URL.createObjectURL = jest.fn(() => 'blob:x');
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    button('export-json').click();
    const req = backend.expectOne((r) => r.url === '/api/v1/tasks/export');
    expect(req.request.params.get('format')).toBe('json');
    expect(req.request.params.getAll('status')).toEqual(['todo']);
    expect(req.request.params.get('q')).toBe('rent');
    req.flush(new Blob(['[]'], { type: 'application/json' }));
    expect(saved).toEqual(['tasks.json']);
    click.mockRestore();
  });

  it('checks a chosen file first, shows the per-row report, and imports only when asked', async () => {
    const file = new File(['title\nA\n'], 'tasks.csv', { type: 'text/csv' });
    choose(file);
    const check = backend.expectOne((r) => r.url === '/api/v1/tasks/import');
    expect(check.request.params.get('dryRun')).toBe('true');
    expect((check.request.body as FormData).get('file')).toBeInstanceOf(File);
    check.flush({ dryRun: true, imported: 2, failed: [{ row: 3, field: 'dueDate', problem: 'must be an ISO 8601 date-time' }] });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="import-summary"]')?.textContent).toMatch(/2 rows can be imported\.\s+1 row cannot/);
    const cells = [...el.querySelectorAll('[data-testid="import-problems"] td')].map((td) => td.textContent?.trim());
    expect(cells).toEqual(['3', 'dueDate', 'must be an ISO 8601 date-time']);
    expect(imported).toEqual([]);

    button('import-confirm').click();
    const run = backend.expectOne((r) => r.url === '/api/v1/tasks/import');
    expect(run.request.params.get('dryRun')).toBe('false');
    run.flush({ dryRun: false, imported: 2, failed: [{ row: 3, field: 'dueDate', problem: 'must be an ISO 8601 date-time' }] });
    await fixture.whenStable();
    expect(imported).toEqual([2]);
    expect(el.querySelector('[data-testid="import-report"]')).toBeNull();
    expect(el.querySelector('[data-testid="import-result"]')?.textContent).toBe('Imported 2 tasks from “tasks.csv”. 1 row skipped.');
  });

  it('shows why a file cannot be read, and imports nothing', async () => {
    choose(new File(['{'], 'broken.json', { type: 'application/json' }));
    backend
      .expectOne((r) => r.url === '/api/v1/tasks/import')
      .flush(
        { type: 'x', title: 'Bad Request', status: 400, detail: 'The file is not valid JSON.', instance: '/', correlationId: 'c' },
        { status: 400, statusText: 'Bad Request', headers: { 'content-type': 'application/problem+json' } },
      );
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="transfer-error"]')?.textContent).toContain('The file is not valid JSON.');
    expect(el.querySelector('[data-testid="import-report"]')).toBeNull();
  });
});
