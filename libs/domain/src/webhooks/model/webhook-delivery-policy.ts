export interface WebhookDeliveryPolicySettings {
  /** Attempts in all, the first included; after the last failing one the delivery is given up. */
  maxAttempts: number;
  /** The wait after the first failure; it doubles after each further one. */
  backoffMs: number;
  /** The longest wait between two attempts. */
  maxBackoffMs: number;
  /** An endpoint whose attempts all failed for this long is disabled (24 hours). */
  disableAfterMs: number;
  /** How long one attempt holds its delivery (longer than the send timeout). */
  lockMs: number;
}

export const DEFAULT_WEBHOOK_DELIVERY_POLICY: WebhookDeliveryPolicySettings = {
  maxAttempts: 15,
  backoffMs: 5000,
  maxBackoffMs: 6 * 3_600_000,
  disableAfterMs: 24 * 3_600_000,
  lockMs: 30_000,
};

/** Retry timing of webhook deliveries (bound from validated config; its own injection token). */
export class WebhookDeliveryPolicy {
  constructor(readonly settings: WebhookDeliveryPolicySettings = DEFAULT_WEBHOOK_DELIVERY_POLICY) {}

  /** When to try again after `failedAttempts` failures, or null when that was the last allowed. */
  retryAt(failedAttempts: number, now: Date): Date | null {
    if (failedAttempts >= this.settings.maxAttempts) return null;
    const wait = Math.min(this.settings.backoffMs * 2 ** (failedAttempts - 1), this.settings.maxBackoffMs);
    return new Date(now.getTime() + wait);
  }
}
