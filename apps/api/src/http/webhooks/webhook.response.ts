import type { WebhookDelivery, WebhookView } from '@primetrade/domain';
import type { WebhookDeliveryResponseDto, WebhookResponseDto } from './webhook.dto';

/** Built from an allow-list of fields: the secret never leaves except at creation. */
export function toWebhookResponse(w: WebhookView): WebhookResponseDto {
  return {
    id: w.id,
    url: w.url,
    events: [...w.events],
    enabled: w.enabled,
    createdAt: w.createdAt.toISOString(),
    failingSince: w.failingSince?.toISOString() ?? null,
    disabledAt: w.disabledAt?.toISOString() ?? null,
  };
}

export function toDeliveryResponse(d: WebhookDelivery): WebhookDeliveryResponseDto {
  return {
    id: d.id,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts.map((a) => ({ at: a.at.toISOString(), statusCode: a.statusCode, durationMs: a.durationMs, error: a.error })),
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}
