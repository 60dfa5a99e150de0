import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Attachment } from '../../../core/api/attachment.types';
import { provideTestApp } from '../../../testing/test-providers';
import { AttachmentsPanelComponent } from './attachments-panel.component';

const file = (id: string, extra: Partial<Attachment> = {}): Attachment => ({
  id,
  taskId: 't1',
  fileName: `${id}.txt`,
  contentType: 'text/plain; charset=utf-8',
  size: 2048,
  createdAt: '2030-01-01T00:00:00Z',
  ...extra,
});

describe('AttachmentsPanelComponent', () => {
  let fixture: ComponentFixture<AttachmentsPanelComponent>;
  let backend: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [AttachmentsPanelComponent], providers: provideTestApp() });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AttachmentsPanelComponent);
    fixture.componentRef.setInput('taskId', 't1');
    el = fixture.nativeElement;
    await render();
  });

  // Renders without waiting for stability: a resource with a request in flight (the attachments
  // list) keeps the app unstable until the test answers it.
  const render = async () => {
    for (let i = 0; i < 3; i++) {
      fixture.detectChanges();
      await new Promise((r) => setTimeout(r));
    }
  };
  afterEach(() => backend.verify());

  const choose = (f: File) => {
    const input = el.querySelector<HTMLInputElement>('[data-testid="attachment-input"]')!;
    Object.defineProperty(input, 'files', { value: [f], configurable: true });
    input.dispatchEvent(new Event('change'));
  };

  it('lists the files of the task', async () => {
    backend.expectOne('/api/v1/tasks/t1/attachments').flush({ items: [file('a'), file('b', { size: 100 })] });
    await render();
    const rows = el.querySelectorAll('[data-testid="attachment"]');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('a.txt');
    expect(rows[0].textContent).toContain('2 kB');
    expect(rows[1].textContent).toContain('100 B');
  });

  it('uploads the chosen file as multipart and adds it to the list', async () => {
    backend.expectOne('/api/v1/tasks/t1/attachments').flush({ items: [] });
    await render();
    expect(el.textContent).toContain('No files yet.');

    choose(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    const req = backend.expectOne({ method: 'POST', url: '/api/v1/tasks/t1/attachments' });
    expect(req.request.body).toBeInstanceOf(FormData);
    expect((req.request.body as FormData).get('file')).toBeInstanceOf(File);
    req.flush(file('notes', { fileName: 'notes.txt' }), { status: 201, statusText: 'Created' });
    await render();
    expect(el.querySelector('[data-testid="attachment"]')?.textContent).toContain('notes.txt');
  });

  it('shows why the API refused a file', async () => {
    backend.expectOne('/api/v1/tasks/t1/attachments').flush({ items: [] });
    await render();
    choose(new File(['MZ'], 'tool.exe'));
    backend
      .expectOne({ method: 'POST', url: '/api/v1/tasks/t1/attachments' })
      .flush(
        { title: 'Unsupported Media Type', status: 415, detail: 'Only images, PDF and text files are accepted' },
        { status: 415, statusText: 'Unsupported Media Type' },
      );
    await render();
    expect(el.querySelector('[data-testid="attachment-error"]')?.textContent).toContain('Only images, PDF and text');
  });

  it('downloads any type through the one download operation, as a blob saved under its name', async () => {
    backend.expectOne('/api/v1/tasks/t1/attachments').flush({ items: [file('a', { contentType: 'application/pdf', fileName: 'a.pdf' })] });
    await render();
    const createObjectURL = jest.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    el.querySelector<HTMLButtonElement>('button[aria-label="Download a.pdf"]')!.click();
    const req = backend.expectOne('/api/v1/tasks/t1/attachments/a');
    expect(req.request.headers.get('Accept')).toBe('*/*');
    expect(req.request.responseType).toBe('blob');
    const body = new Blob(['%PDF'], { type: 'application/pdf' });
    req.flush(body);
    expect(createObjectURL).toHaveBeenCalledWith(body);
    expect(click).toHaveBeenCalled();
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('a.pdf');
  });
});
