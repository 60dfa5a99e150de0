import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Notification, NotificationRepository } from '../../../../notifications';
import { Clock } from '../../../../shared/ports/clock.port';
import { IdGenerator } from '../../../../shared/ports/id-generator.port';
import { attemptOf, type WebhookAttempt, type WebhookDelivery, type WebhookSendResult, verdictOf } from '../../../model/webhook-delivery';
import { WebhookDeliveryPolicy } from '../../../model/webhook-delivery-policy';
import type { Webhook } from '../../../model/webhook.entity';
import { WebhookDeliveryQueue } from '../../../ports/webhook-delivery-queue.port';
import { WebhookDeliveryStore } from '../../../ports/webhook-delivery.store.port';
import { WebhookRepository } from '../../../ports/webhook.repository.port';
import { WebhookSender } from '../../../ports/webhook-sender.port';
import { AttemptWebhookDeliveryCommand, type WebhookAttemptOutcome } from './attempt-webhook-delivery.command';

@CommandHandler(AttemptWebhookDeliveryCommand)
export class AttemptWebhookDeliveryHandler implements ICommandHandler<AttemptWebhookDeliveryCommand> {
  private readonly logger = new Logger('WebhookDeliveries');

  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly deliveries: WebhookDeliveryStore,
    private readonly queue: WebhookDeliveryQueue,
    private readonly sender: WebhookSender,
    private readonly notifications: NotificationRepository,
    private readonly policy: WebhookDeliveryPolicy,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute({ deliveryId }: AttemptWebhookDeliveryCommand): Promise<WebhookAttemptOutcome> {
    const now = this.clock.now();
    const delivery = await this.deliveries.claim(deliveryId, now, new Date(now.getTime() + this.policy.settings.lockMs));
    if (!delivery) return 'skipped';
    // In order per task: a later event waits until the earlier one is delivered or given up.
    if (!(await this.deliveries.isHeadOfLine(delivery))) {
      await this.deliveries.release(delivery.id);
      return 'blocked';
    }
    const webhook = await this.webhooks.findById(delivery.webhookId);
    if (!webhook || (!webhook.enabled && delivery.eventType !== 'ping')) {
      const reason = webhook ? 'the webhook is disabled' : 'the webhook was deleted';
      await this.finish(delivery, { at: now, statusCode: null, durationMs: 0, error: reason }, 'failed', null);
      return 'failed';
    }
    const result = await this.sender.send({
      url: webhook.url,
      id: delivery.id,
      timestamp: now,
      body: delivery.payload,
      secret: webhook.secret,
    });
    return this.settle(delivery, webhook, result, now);
  }

  private async settle(delivery: WebhookDelivery, webhook: Webhook, result: WebhookSendResult, now: Date): Promise<WebhookAttemptOutcome> {
    const attempt = attemptOf(result, now);
    const verdict = verdictOf(result);
    if (verdict === 'delivered') {
      await this.finish(delivery, attempt, 'delivered', null);
      await this.webhooks.recordSuccess(webhook.id);
      return 'delivered';
    }
    const retryAt = verdict === 'retry' ? this.policy.retryAt(delivery.attempts.length + 1, now) : null;
    await this.finish(delivery, attempt, retryAt ? 'pending' : 'failed', retryAt);
    await this.recordFailure(webhook, now);
    return retryAt ? 'retry' : 'failed';
  }

  /** Stores the attempt, then hands on whatever is due next: this delivery again, or the next in its line. */
  private async finish(
    delivery: WebhookDelivery,
    attempt: WebhookAttempt,
    status: 'pending' | 'delivered' | 'failed',
    retryAt: Date | null,
  ) {
    await this.deliveries.finishAttempt(delivery.id, attempt, status, retryAt);
    if (retryAt) {
      await this.queue.schedule([{ id: delivery.id, attempts: delivery.attempts.length + 1, at: retryAt }]);
      return;
    }
    const next = await this.deliveries.nextInLine(delivery.webhookId, delivery.orderKey);
    // Its turn came now: scheduled for now (a new job, if a queue had run one that found it blocked).
    const at = new Date(Math.max(attempt.at.getTime(), next?.nextAttemptAt?.getTime() ?? 0));
    if (next) await this.queue.schedule([{ id: next.id, attempts: next.attempts.length, at }]);
  }

  private async recordFailure(webhook: Webhook, now: Date): Promise<void> {
    const since = new Date(now.getTime() - this.policy.settings.disableAfterMs);
    if ((await this.webhooks.recordFailure(webhook.id, now, since)) !== 'disabled') return;
    this.logger.warn(`webhook ${webhook.id} failed for ${this.policy.settings.disableAfterMs} ms and was disabled`);
    await this.notifications.insertIfAbsent(
      Notification.webhookDisabled({ id: this.ids.next(), ownerId: webhook.ownerId, webhookId: webhook.id, url: webhook.url, now }),
    );
  }
}
