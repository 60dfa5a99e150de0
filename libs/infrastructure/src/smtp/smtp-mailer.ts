import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type MailMessage, Mailer } from '@primetrade/domain';
import { createTransport, type Transporter } from 'nodemailer';

export interface SmtpMailerOptions {
  /** e.g. smtp://user:pass@mail.example.com:587 or smtps://… */
  url: string;
  from: string;
}

/** Sends through SMTP with nodemailer; a rejected or failed send rejects, so the job retries. */
@Injectable()
export class SmtpMailer extends Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(private readonly options: SmtpMailerOptions) {
    super();
    // Short timeouts: a hung server should fail the attempt and let the queue back off.
    this.transport = createTransport({ url: options.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  }

  async send(m: MailMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.options.from,
      to: m.to,
      subject: m.subject,
      text: m.text,
      ...(m.html ? { html: m.html } : {}),
      // Same Message-ID on a resend, so receivers that dedupe can drop a duplicate.
      messageId: `<${m.idempotencyKey}@primetrade.notifications>`,
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
