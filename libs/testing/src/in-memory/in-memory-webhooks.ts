import {
  type DueWebhookDelivery,
  Webhook,
  type WebhookAttempt,
  type WebhookDelivery,
  WebhookDeliveryStore,
  type WebhookDeliveryStatus,
  type WebhookEventType,
  type WebhookFailureOutcome,
  WebhookRepository,
} from '@primetrade/domain';

const copy = (d: WebhookDelivery): WebhookDelivery => ({ ...d, attempts: d.attempts.map((a) => ({ ...a })) });

/** Webhook deliveries in memory, with the same head-of-line and claim rules as the stores. */
export class InMemoryWebhookDeliveryStore extends WebhookDeliveryStore {
  readonly rows = new Map<string, WebhookDelivery & { lockedUntil: number }>();

  async enqueue(deliveries: readonly WebhookDelivery[]): Promise<void> {
    for (const d of deliveries) if (!this.rows.has(d.id)) this.rows.set(d.id, { ...copy(d), lockedUntil: 0 });
  }

  async claim(id: string, now: Date, lockUntil: Date): Promise<WebhookDelivery | null> {
    const row = this.rows.get(id);
    if (!row || row.status !== 'pending' || !row.nextAttemptAt || row.nextAttemptAt > now || row.lockedUntil > now.getTime()) return null;
    row.lockedUntil = lockUntil.getTime();
    return copy(row);
  }

  async isHeadOfLine(delivery: WebhookDelivery): Promise<boolean> {
    return ![...this.rows.values()].some(
      (r) =>
        r.webhookId === delivery.webhookId && r.orderKey === delivery.orderKey && r.status === 'pending' && r.sequence < delivery.sequence,
    );
  }

  async release(id: string): Promise<void> {
    const row = this.rows.get(id);
    if (row) row.lockedUntil = 0;
  }

  async finishAttempt(id: string, attempt: WebhookAttempt, status: WebhookDeliveryStatus, nextAttemptAt: Date | null): Promise<void> {
    const row = this.rows.get(id);
    if (!row) return;
    row.attempts.push({ ...attempt });
    row.status = status;
    row.nextAttemptAt = nextAttemptAt;
    row.lockedUntil = 0;
  }

  async nextInLine(webhookId: string, orderKey: string): Promise<WebhookDelivery | null> {
    const line = [...this.rows.values()]
      .filter((r) => r.webhookId === webhookId && r.orderKey === orderKey && r.status === 'pending')
      .sort((a, b) => (a.sequence < b.sequence ? -1 : 1));
    return line[0] ? copy(line[0]) : null;
  }

  async due(now: Date, limit: number): Promise<DueWebhookDelivery[]> {
    const heads = new Map<string, WebhookDelivery & { lockedUntil: number }>();
    for (const r of this.rows.values()) {
      if (r.status !== 'pending') continue;
      const key = `${r.webhookId}\n${r.orderKey}`;
      const head = heads.get(key);
      if (!head || r.sequence < head.sequence) heads.set(key, r);
    }
    return [...heads.values()]
      .filter((r) => r.nextAttemptAt && r.nextAttemptAt <= now && r.lockedUntil <= now.getTime())
      .sort((a, b) => (a.nextAttemptAt as Date).getTime() - (b.nextAttemptAt as Date).getTime() || (a.id < b.id ? -1 : 1))
      .slice(0, limit)
      .map((r) => ({ id: r.id, attempts: r.attempts.length, at: r.nextAttemptAt as Date }));
  }

  async list(webhookId: string, limit: number): Promise<WebhookDelivery[]> {
    return [...this.rows.values()]
      .filter((r) => r.webhookId === webhookId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.sequence < b.sequence ? 1 : -1))
      .slice(0, limit)
      .map(({ lockedUntil: _lock, ...d }) => copy(d));
  }

  async prune(before: Date): Promise<number> {
    let deleted = 0;
    for (const [id, r] of this.rows) {
      if (r.status !== 'pending' && r.createdAt < before) {
        this.rows.delete(id);
        deleted++;
      }
    }
    return deleted;
  }

  deleteOfWebhook(webhookId: string): void {
    for (const [id, r] of this.rows) if (r.webhookId === webhookId) this.rows.delete(id);
  }
}

/** Webhooks in memory; deleting one deletes its deliveries in the paired store. */
export class InMemoryWebhookRepository extends WebhookRepository {
  private readonly rows = new Map<string, ReturnType<Webhook['toProps']>>();

  constructor(private readonly deliveries?: InMemoryWebhookDeliveryStore) {
    super();
  }

  async insert(webhook: Webhook): Promise<void> {
    if (this.rows.has(webhook.id)) throw new Error(`duplicate webhook ${webhook.id}`);
    this.rows.set(webhook.id, webhook.toProps());
  }

  async update(webhook: Webhook): Promise<void> {
    if (this.rows.has(webhook.id)) this.rows.set(webhook.id, webhook.toProps());
  }

  async findOwned(ownerId: string, id: string): Promise<Webhook | null> {
    const props = this.rows.get(id);
    return props && props.ownerId === ownerId ? Webhook.restore(props) : null;
  }

  async findById(id: string): Promise<Webhook | null> {
    const props = this.rows.get(id);
    return props ? Webhook.restore(props) : null;
  }

  async listOwned(ownerId: string): Promise<Webhook[]> {
    return [...this.rows.values()]
      .filter((p) => p.ownerId === ownerId)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
      .map((p) => Webhook.restore(p));
  }

  async delete(ownerId: string, id: string): Promise<boolean> {
    const props = this.rows.get(id);
    if (!props || props.ownerId !== ownerId) return false;
    this.rows.delete(id);
    this.deliveries?.deleteOfWebhook(id);
    return true;
  }

  async subscribers(ownerId: string, event: WebhookEventType, occurredAt: Date): Promise<Webhook[]> {
    return (await this.listOwned(ownerId)).filter((w) => w.wants(event) && w.createdAt <= occurredAt);
  }

  async recordFailure(id: string, now: Date, disableIfFailingSince: Date): Promise<WebhookFailureOutcome> {
    const props = this.rows.get(id);
    if (!props) return 'failing';
    props.failingSince ??= now;
    if (props.enabled && props.failingSince <= disableIfFailingSince) {
      props.enabled = false;
      props.disabledAt = now;
      return 'disabled';
    }
    return 'failing';
  }

  async recordSuccess(id: string): Promise<void> {
    const props = this.rows.get(id);
    if (props) props.failingSince = null;
  }
}
