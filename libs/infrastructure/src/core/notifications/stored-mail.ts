import type { MailMessage } from '@primetrade/domain';

/** A message the outbox kept, opened (`userId` is null on mail stored before it was recorded). */
export interface StoredMail extends Omit<MailMessage, 'userId'> {
  userId: string | null;
  createdAt: Date;
}
