import { Clipboard } from '@angular/cdk/clipboard';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTestApp } from '../../../testing/test-providers';
import { WebhooksPage } from './webhooks.page';

const hook = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  url: `https://hooks.example.com/${id}`,
  events: ['task.created'],
  enabled: true,
  createdAt: '2026-11-30T09:00:00.000Z',
  failingSince: null,
  disabledAt: null,
  ...over,
});

describe('WebhooksPage', () => {
  const copied: string[] = [];
  const setup = async (items = [hook('w1')]) => {
    copied.length = 0;
    TestBed.configureTestingModule({
      imports: [WebhooksPage],
      providers: [...provideTestApp(), { provide: Clipboard, useValue: { copy: (text: string) => copied.push(text) > 0 } }],
    });
    const fixture = TestBed.createComponent(WebhooksPage);
    const el: HTMLElement = fixture.nativeElement;
    fixture.detectChanges();
    const backend = TestBed.inject(HttpTestingController);
    backend.expectOne('/api/v1/webhooks').flush({ items });
    await fixture.whenStable();
    return { fixture, el, backend };
  };
  const testid = (el: HTMLElement, id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;

  it('lists the endpoints with their events, and says when the server disabled one', async () => {
    const { el, backend } = await setup([
      hook('w1'),
      hook('w2', { enabled: false, disabledAt: '2026-11-30T10:00:00.000Z', failingSince: '2026-11-29T10:00:00.000Z' }),
    ]);
    const rows = [...el.querySelectorAll('[data-testid="webhook"]')];
    expect(rows.map((r) => r.querySelector('[data-testid="webhook-url-text"]')?.textContent)).toEqual([
      'https://hooks.example.com/w1',
      'https://hooks.example.com/w2',
    ]);
    expect(rows[0].textContent).toContain('task.created');
    expect(rows[1].querySelector('[data-testid="webhook-disabled-note"]')?.textContent).toContain('after failing for 24 hours');
    backend.verify();
  });

  it('adds an endpoint for the chosen events and shows its secret once, with a copy button', async () => {
    const { fixture, el, backend } = await setup([]);
    expect(testid(el, 'webhooks-empty').textContent).toContain('No endpoints yet');
    const url = testid(el, 'webhook-url') as HTMLInputElement;
    url.value = 'https://hooks.example.com/in';
    url.dispatchEvent(new Event('input'));
    testid(el, 'event-task.completed').querySelector('input')!.click();
    testid(el, 'add-webhook').click();
    const call = backend.expectOne({ method: 'POST', url: '/api/v1/webhooks' });
    expect(call.request.body).toEqual({ url: 'https://hooks.example.com/in', events: ['task.created', 'task.completed'] });
    call.flush({ ...hook('w9'), secret: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0' }, { status: 201, statusText: 'Created' });
    fixture.detectChanges();
    backend.expectOne('/api/v1/webhooks').flush({ items: [hook('w9')] });
    await fixture.whenStable();
    expect(testid(el, 'shown-once-value').textContent).toBe('whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0');
    testid(el, 'copy-value').click();
    await fixture.whenStable();
    expect(copied).toEqual(['whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0']);
    expect(el.textContent).toContain('Copied to the clipboard.');
    [...el.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === 'Done')!.click();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="shown-once-value"]')).toBeNull();
    backend.verify();
  });

  it('asks for at least one event and shows the API’s refusal of the URL on its field', async () => {
    const { fixture, el, backend } = await setup([]);
    testid(el, 'event-task.created').querySelector('input')!.click();
    const url = testid(el, 'webhook-url') as HTMLInputElement;
    url.value = 'http://10.0.0.1/hook';
    url.dispatchEvent(new Event('input'));
    testid(el, 'add-webhook').click();
    await fixture.whenStable();
    expect(el.textContent).toContain('Choose at least one event.');
    backend.expectNone('/api/v1/webhooks');
    testid(el, 'event-ping').querySelector('input')!.click();
    testid(el, 'add-webhook').click();
    backend.expectOne({ method: 'POST', url: '/api/v1/webhooks' }).flush(
      {
        status: 400,
        title: 'Bad Request',
        detail: 'The webhook URL is refused: 10.0.0.1 is in a private range.',
        errors: [{ field: 'url', message: '10.0.0.1 is in a private range' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(el.textContent).toContain('10.0.0.1 is in a private range');
    expect(el.querySelector('[data-testid="shown-once-value"]')).toBeNull();
    backend.verify();
  });

  it('disables an endpoint, pings it and shows its deliveries', async () => {
    const { fixture, el, backend } = await setup();
    testid(el, 'webhook-enabled').querySelector('button')!.click();
    const patch = backend.expectOne({ method: 'PATCH', url: '/api/v1/webhooks/w1' });
    expect(patch.request.body).toEqual({ enabled: false });
    patch.flush(hook('w1', { enabled: false }));
    fixture.detectChanges();
    backend.expectOne('/api/v1/webhooks').flush({ items: [hook('w1', { enabled: false })] });
    await fixture.whenStable();

    testid(el, 'webhook-ping').click();
    backend.expectOne({ method: 'POST', url: '/api/v1/webhooks/w1/ping' }).flush({
      id: 'msg_1',
      eventType: 'ping',
      status: 'pending',
      attempts: [],
      nextAttemptAt: null,
      createdAt: '2026-11-30T09:00:00.000Z',
    });
    fixture.detectChanges();
    backend.expectOne('/api/v1/webhooks').flush({ items: [hook('w1', { enabled: false })] });
    backend
      .expectOne((r) => r.url === '/api/v1/webhooks/w1/deliveries')
      .flush({
        items: [
          {
            id: 'msg_1',
            eventType: 'ping',
            status: 'delivered',
            attempts: [{ at: '2026-11-30T09:00:01.000Z', statusCode: 204, durationMs: 31, error: null }],
            nextAttemptAt: null,
            createdAt: '2026-11-30T09:00:00.000Z',
          },
          {
            id: 'msg_0',
            eventType: 'task.created',
            status: 'pending',
            attempts: [{ at: '2026-11-30T08:59:00.000Z', statusCode: 503, durationMs: 12, error: null }],
            nextAttemptAt: '2026-11-30T09:05:00.000Z',
            createdAt: '2026-11-30T08:59:00.000Z',
          },
        ],
      });
    await fixture.whenStable();
    const rows = [...el.querySelectorAll('[data-testid="delivery"]')].map((r) => r.textContent ?? '');
    expect(rows[0]).toContain('delivered');
    expect(rows[0]).toContain('204 in 31 ms');
    expect(rows[1]).toContain('503 in 12 ms');
    backend.verify();
  });
});
