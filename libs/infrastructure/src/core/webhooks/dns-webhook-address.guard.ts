import { WebhookAddressGuard, WebhookUrlRefusedError } from '@primetrade/domain';
import { type AddressCheckSettings, AddressRefusedError, checkedAddresses } from './webhook-resolver';

export interface WebhookUrlSettings extends AddressCheckSettings {
  /** NODE_ENV=production: only https endpoints. */
  requireHttps: boolean;
}

/** The creation-time check of an endpoint URL (the sender checks the address again at each connection). */
export class DnsWebhookAddressGuard extends WebhookAddressGuard {
  constructor(private readonly settings: WebhookUrlSettings) {
    super();
  }

  async check(raw: string): Promise<void> {
    const url = new URL(raw);
    if (this.settings.requireHttps && url.protocol !== 'https:')
      throw new WebhookUrlRefusedError('only https URLs are called in production');
    try {
      await checkedAddresses(url.hostname, this.settings);
    } catch (error) {
      if (error instanceof AddressRefusedError) throw new WebhookUrlRefusedError(error.message);
      throw new WebhookUrlRefusedError(`${url.hostname} does not resolve`);
    }
  }
}
