import { WebhookUrlRefusedError } from './webhook.errors';

export const WEBHOOK_URL_MAX_LENGTH = 2048;

/**
 * The syntax rules of an endpoint URL, before any address is looked at: absolute http(s), a
 * host, no credentials (they would be sent to whoever the host is), bounded length. Whether the
 * host may be called at all is the WebhookAddressGuard's decision (DNS, address ranges).
 */
export function parseWebhookUrl(raw: string): URL {
  if (raw.length > WEBHOOK_URL_MAX_LENGTH) throw new WebhookUrlRefusedError(`longer than ${WEBHOOK_URL_MAX_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlRefusedError('not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebhookUrlRefusedError('only http and https URLs are called');
  if (!url.hostname) throw new WebhookUrlRefusedError('no host');
  if (url.username || url.password) throw new WebhookUrlRefusedError('credentials in the URL are not accepted');
  return url;
}
