import { createHmac, randomBytes } from 'node:crypto';
import { WebhookSecrets } from '@primetrade/domain';

const PREFIX = 'whsec_';

/** 32 random bytes: within the Standard Webhooks range (24 to 64) and the HMAC-SHA256 block size. */
const SECRET_BYTES = 32;

/** `whsec_` and base64 of fresh random bytes. */
export class RandomWebhookSecrets extends WebhookSecrets {
  newSecret(): string {
    return PREFIX + randomBytes(SECRET_BYTES).toString('base64');
  }
}

/**
 * The Standard Webhooks signature: `v1,` and the base64 HMAC-SHA256, keyed by the secret's
 * bytes, of `<id>.<timestamp in seconds>.<body>`.
 */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64')}`;
}

/** The three Standard Webhooks headers of one attempt. */
export function webhookHeaders(secret: string, id: string, timestamp: Date, body: string): Record<string, string> {
  const seconds = Math.floor(timestamp.getTime() / 1000);
  return { 'webhook-id': id, 'webhook-timestamp': String(seconds), 'webhook-signature': signWebhook(secret, id, seconds, body) };
}
