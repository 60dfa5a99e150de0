export interface MailMessage {
  /** Whose mail it is: a stored copy goes with the account when it is deleted. */
  userId: string;
  to: string;
  subject: string;
  text: string;
  /** The HTML part beside the text (every mail the app sends has both). */
  html?: string;
  /** Stable per logical message (the notification key), for adapters and receivers that dedupe. */
  idempotencyKey: string;
}

/** Sends e-mail: SMTP in production, a stored outbox by default. Rejects when not accepted. */
export abstract class Mailer {
  abstract send(message: MailMessage): Promise<void>;
}
