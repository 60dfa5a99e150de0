/**
 * Decides whether the server may call an endpoint URL: https in production, and a host that
 * resolves only to public addresses (not loopback, private, link-local, metadata, …) unless
 * private networks are allowed by configuration. Throws WebhookUrlRefusedError otherwise.
 */
export abstract class WebhookAddressGuard {
  abstract check(url: string): Promise<void>;
}
