import { type MailMessage, Mailer } from '@primetrade/domain';

/** Keeps what was sent; fails the next `failures` sends, as a refusing SMTP server would. */
export class RecordingMailer extends Mailer {
  readonly sent: MailMessage[] = [];
  attempts = 0;
  failures = 0;

  async send(message: MailMessage): Promise<void> {
    this.attempts++;
    if (this.failures > 0) {
      this.failures--;
      throw new Error('451 try later');
    }
    this.sent.push(message);
  }
}
