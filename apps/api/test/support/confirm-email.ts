import type { ReceivedMail } from '../redis/support/smtp-sink';
import { eventually } from '../redis/support/redis-env';
import type { TestApp } from './test-app';

/** The raw message with quoted-printable undone (soft line breaks and =XX), its bytes read as UTF-8. */
export const decodedMail = (mail: ReceivedMail): string =>
  Buffer.from(
    mail.raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

/** The token in a confirmation link's `?token=` (any public URL). */
export function confirmationToken(text: string): string {
  const link = /https?:\/\/[^\s"<]+\/confirm-email\?token=[^\s"<]+/.exec(text);
  if (!link) throw new Error('no confirmation link in the mail');
  return new URL(link[0]).searchParams.get('token')!;
}

/**
 * Confirms a user's address as a person would: the link of the confirmation mail the SMTP sink
 * received (`mails()`: accepted or set-aside mail) is followed, i.e. its token posted to
 * /auth/email/confirm. Reminder and digest mail goes to confirmed addresses only.
 */
export async function confirmFromSmtp(t: Pick<TestApp, 'http'>, mails: () => ReceivedMail[], email: string): Promise<void> {
  const mail = await eventually(async () => mails().find((m) => m.to.includes(email) && m.subject.startsWith('Confirm your')));
  await t.http
    .post('/api/v1/auth/email/confirm')
    .send({ token: confirmationToken(decodedMail(mail)) })
    .expect(200);
}

/** The same over the embedded outbox (no SMTP_URL): the stored confirmation mail's link. */
export async function confirmFromOutbox(
  t: TestApp,
  messages: () => Promise<{ to: string; subject: string; text: string }[]>,
  email: string,
): Promise<void> {
  const mail = await eventually(async () => (await messages()).find((m) => m.to === email && m.subject.startsWith('Confirm your')));
  await t.http
    .post('/api/v1/auth/email/confirm')
    .send({ token: confirmationToken(mail.text) })
    .expect(200);
}
