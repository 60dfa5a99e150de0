import { type DynamicModule, Module } from '@nestjs/common';
import { WebhookAddressGuard, webhookHandlers, WebhookDeliveryPolicy, WebhookSecrets, WebhookSender } from '@primetrade/domain';
import { DnsWebhookAddressGuard, HttpWebhookSender, RandomWebhookSecrets, systemResolver } from '@primetrade/infrastructure';
import type { AppConfig } from '../config/app-config';

/**
 * The webhook use cases and their technology-neutral adapters (address guard, signed sender,
 * secrets, retry policy), in every role: the outbox relay runs everywhere and stores deliveries
 * through these handlers; the attempts run where the messaging profile runs jobs.
 */
@Module({})
export class WebhooksModule {
  static forRoot(config: AppConfig): DynamicModule {
    const w = config.webhooks;
    const addresses = { allowPrivateNetworks: w.allowPrivateNetworks, resolve: systemResolver };
    return {
      module: WebhooksModule,
      providers: [
        ...webhookHandlers,
        {
          provide: WebhookDeliveryPolicy,
          useValue: new WebhookDeliveryPolicy({
            maxAttempts: w.attempts,
            backoffMs: w.backoffMs,
            maxBackoffMs: w.maxBackoffMs,
            disableAfterMs: w.disableAfterMs,
            lockMs: w.lockMs,
          }),
        },
        { provide: WebhookAddressGuard, useValue: new DnsWebhookAddressGuard({ ...addresses, requireHttps: w.requireHttps }) },
        {
          provide: WebhookSender,
          useValue: new HttpWebhookSender({ ...addresses, timeoutMs: w.timeoutMs, maxResponseBytes: w.maxResponseBytes }),
        },
        { provide: WebhookSecrets, useClass: RandomWebhookSecrets },
      ],
    };
  }
}
