/** The events an endpoint may subscribe to; `ping` is what POST /webhooks/:id/ping sends. */
export const WEBHOOK_EVENT_TYPES = ['task.created', 'task.updated', 'task.completed', 'task.deleted', 'ping'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The domain events that become webhook events, by their stable type names (tasks context). */
const FROM_DOMAIN: Readonly<Record<string, WebhookEventType>> = {
  'tasks.task-created': 'task.created',
  'tasks.task-updated': 'task.updated',
  'tasks.task-completed': 'task.completed',
  'tasks.task-deleted': 'task.deleted',
};

/** The webhook event a domain event becomes, or null when no endpoint hears about it. */
export function webhookEventOf(domainEventType: string): WebhookEventType | null {
  return FROM_DOMAIN[domainEventType] ?? null;
}

export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return typeof value === 'string' && (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
