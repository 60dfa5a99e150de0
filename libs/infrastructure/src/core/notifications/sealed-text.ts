import type { ContentCipher } from '@primetrade/domain';

/** Associated data of a notification's copied task title: bound to the notification and field. */
export const notificationTitleContext = (id: string): string => `notifications/${id}/title`;

export type OutboxField = 'to' | 'subject' | 'text';

/** Associated data of a stored mail field: bound to the message (its idempotency key) and field. */
export const outboxContext = (idempotencyKey: string, field: OutboxField): string => `outbox/${idempotencyKey}/${field}`;

/**
 * Text fields at rest as base64 of a ContentCipher sealed value, for the notification stores
 * (the copied task title, the outbox's recipient, subject and body). Always sealed: the outbox
 * holds the email, and both copy the task title (see docs/security.md).
 */
export class SealedText {
  constructor(private readonly cipher: ContentCipher) {}

  seal(value: string, context: string): string {
    return Buffer.from(this.cipher.seal(Buffer.from(value, 'utf8'), context)).toString('base64');
  }

  open(stored: string, context: string): string {
    return Buffer.from(this.cipher.open(Buffer.from(stored, 'base64'), context)).toString('utf8');
  }

  /** Re-sealed under the active key (the same plaintext), or null when it already is. */
  reseal(stored: string, context: string): string | null {
    if (this.cipher.keyIdOf(Buffer.from(stored, 'base64')) === this.cipher.activeKeyId) return null;
    return this.seal(this.open(stored, context), context);
  }
}
