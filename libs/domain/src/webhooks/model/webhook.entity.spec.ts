import { Webhook } from './webhook.entity';
import { WebhookEventsInvalidError, WebhookUrlRefusedError } from './webhook.errors';
import { verdictOf } from './webhook-delivery';
import { WebhookDeliveryPolicy } from './webhook-delivery-policy';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const make = (url: string, events: string[] = ['task.created']) =>
  Webhook.create({ id: 'w1', ownerId: 'u1', url, events, secret: 'whsec_x', now: NOW });

describe('Webhook', () => {
  it('takes absolute http(s) URLs without credentials', () => {
    expect(make('https://hooks.example.com/in?x=1').url).toBe('https://hooks.example.com/in?x=1');
    for (const url of [
      'ftp://hooks.example.com/',
      'javascript:alert(1)',
      '/relative',
      'https://user:pw@hooks.example.com/',
      `https://x.example/${'a'.repeat(2100)}`,
    ]) {
      expect(() => make(url)).toThrow(WebhookUrlRefusedError);
    }
  });

  it('wants at least one known event, each once', () => {
    for (const events of [[], ['task.exploded'], ['ping', 'ping']])
      expect(() => make('https://x.example/', events)).toThrow(WebhookEventsInvalidError);
    expect(make('https://x.example/', ['ping', 'task.deleted']).events).toEqual(['ping', 'task.deleted']);
  });

  it('hears only the events it subscribed to while enabled; enabling again restarts the failure clock', () => {
    const w = Webhook.restore({ ...make('https://x.example/').toProps(), enabled: false, failingSince: NOW, disabledAt: NOW });
    expect(w.wants('task.created')).toBe(false);
    w.change({ enabled: true }, NOW);
    expect([w.wants('task.created'), w.wants('task.deleted'), w.failingSince, w.disabledAt]).toEqual([true, false, null, null]);
  });
});

describe('attempt verdicts and back-off', () => {
  it('delivers on 2xx, retries timeouts, connection errors and 5xx, gives up on anything else', () => {
    const r = (statusCode: number) => verdictOf({ kind: 'response', statusCode, durationMs: 1 });
    expect([r(200), r(204), r(500), r(503), r(400), r(404), r(429), r(301)]).toEqual([
      'delivered',
      'delivered',
      'retry',
      'retry',
      'give-up',
      'give-up',
      'give-up',
      'give-up',
    ]);
    expect(verdictOf({ kind: 'timeout', durationMs: 5000, error: 't' })).toBe('retry');
    expect(verdictOf({ kind: 'network', durationMs: 1, error: 'ECONNRESET' })).toBe('retry');
    expect(verdictOf({ kind: 'refused', durationMs: 1, error: 'loopback' })).toBe('give-up');
  });

  it('doubles the wait up to its cap and stops after the last attempt', () => {
    const policy = new WebhookDeliveryPolicy({ maxAttempts: 5, backoffMs: 1000, maxBackoffMs: 5000, disableAfterMs: 1, lockMs: 1 });
    const waits = [1, 2, 3, 4, 5].map((n) => policy.retryAt(n, NOW)?.getTime() ?? null).map((t) => (t === null ? null : t - NOW.getTime()));
    expect(waits).toEqual([1000, 2000, 4000, 5000, null]);
  });
});
