import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  subject: string;
}

/** What the sink does with the n-th message it is offered (1-based). */
export type SmtpBehaviour = (attempt: number, to: string[]) => 'accept' | 'reject' | 'hang';

/** Account mails (the confirmation sent at sign-up): accepted, but apart from what a test counts. */
export const isAccountMail = (subject: string): boolean => subject.startsWith('Confirm your');

/**
 * A real SMTP server on 127.0.0.1 that keeps what it accepted. With `setAside`, matching mails are
 * accepted into `setAside` only: neither `behaviour` nor `attempts` nor `accepted` sees them.
 */
export class SmtpSink {
  readonly accepted: ReceivedMail[] = [];
  readonly setAsideMail: ReceivedMail[] = [];
  attempts = 0;
  behaviour: SmtpBehaviour = () => 'accept';
  private server?: SMTPServer;
  url = '';

  constructor(private readonly options: { setAside?: (subject: string) => boolean } = {}) {}

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          const raw = Buffer.concat(chunks).toString('utf8');
          const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? '';
          if (this.options.setAside?.(subject)) {
            this.setAsideMail.push({ to, raw, subject });
            return callback();
          }
          const verdict = this.behaviour(++this.attempts, to);
          if (verdict === 'hang') return; // never answer: the sender's job stays mid-run
          if (verdict === 'reject') return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
          this.accepted.push({ to, raw, subject });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `smtp://127.0.0.1:${(this.server!.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
