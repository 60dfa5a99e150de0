import { eventually } from './redis/support/redis-env';
import { isAccountMail, SmtpSink } from './redis/support/smtp-sink';
import { expireAccountTokens } from './support/expire-tokens';
import { expectProblem, signUp, startTestApp, type TestApp } from './support/test-app';

/** The text part of a raw message, quoted-printable undone (soft line breaks and =XX). */
function textOf(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe('forgotten password over real SMTP (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await new SmtpSink({ setAside: isAccountMail }).start();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://tasks.example.com' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  const mailTo = (email: string) => eventually(async () => smtp.accepted.find((m) => m.to.includes(email)));

  it('mails a link with text and HTML parts; following it sets the new password once and ends every session', async () => {
    const ada = await signUp(t, 'Ada');
    const forgot = await t.http.post('/api/v1/auth/password/forgot').send({ email: ada.email }).expect(202);

    const mail = await mailTo(ada.email);
    const body = textOf(mail.raw);
    expect(mail.subject).toBe('Reset your Primetrade password');
    expect(body).toMatch(/Content-Type: text\/plain/);
    expect(body).toMatch(/Content-Type: text\/html/);
    const link = new URL(/https:\/\/tasks\.example\.com\/reset-password\?token=[^\s"<]+/.exec(body)![0]);
    const token = decodeURIComponent(link.searchParams.get('token')!);

    await t.http.post('/api/v1/auth/password/reset').send({ token, password: 'a brand new password' }).expect(204);
    // The old refresh token is revoked with every session; the old password no longer works; the new one does.
    expectProblem(await t.http.post('/api/v1/auth/refresh').send({ refreshToken: ada.refreshToken }), 401);
    expectProblem(await t.http.post('/api/v1/auth/login').send({ email: ada.email, password: ada.password }), 401);
    await t.http.post('/api/v1/auth/login').send({ email: ada.email, password: 'a brand new password' }).expect(200);
    // The link works once.
    const again = await t.http.post('/api/v1/auth/password/reset').send({ token, password: 'yet another password' });
    expect(expectProblem(again, 400).code).toBe('AUTH.RESET_TOKEN_INVALID');
    expect(forgot.body).toEqual({ message: expect.stringContaining('If an account has this address') });
  });

  it('answers an unknown address exactly like a known one, and sends nothing', async () => {
    const known = await signUp(t, 'Known');
    const before = smtp.accepted.length;
    const forKnown = await t.http.post('/api/v1/auth/password/forgot').send({ email: known.email }).expect(202);
    await mailTo(known.email);
    const forUnknown = await t.http.post('/api/v1/auth/password/forgot').send({ email: 'nobody-here@example.com' }).expect(202);
    expect(forUnknown.body).toEqual(forKnown.body);
    expect(Object.keys(forUnknown.headers).sort()).toEqual(Object.keys(forKnown.headers).sort());
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.accepted.length).toBe(before + 1);
    expect(smtp.accepted.some((m) => m.to.includes('nobody-here@example.com'))).toBe(false);
  });

  it('refuses a link once its 30 minutes are over', async () => {
    const late = await signUp(t, 'Late');
    const before = smtp.accepted.length;
    await t.http.post('/api/v1/auth/password/forgot').send({ email: late.email }).expect(202);
    const mail = await eventually(async () => smtp.accepted.slice(before).find((m) => m.to.includes(late.email)));
    const token = decodeURIComponent(/token=([^\s"<]+)/.exec(textOf(mail.raw))![1]!);
    expect(expireAccountTokens(t, 'password-reset')).toBeGreaterThanOrEqual(1);
    const expired = await t.http.post('/api/v1/auth/password/reset').send({ token, password: 'a brand new password' });
    expect(expectProblem(expired, 400).code).toBe('AUTH.RESET_TOKEN_INVALID');
    await t.http.post('/api/v1/auth/login').send({ email: late.email, password: late.password }).expect(200);
  });

  it('refuses a made-up token and a short new password with 400 problems', async () => {
    expect(
      expectProblem(await t.http.post('/api/v1/auth/password/reset').send({ token: 'made-up', password: 'long enough pw' }), 400).code,
    ).toBe('AUTH.RESET_TOKEN_INVALID');
    expectProblem(await t.http.post('/api/v1/auth/password/reset').send({ token: 'made-up', password: 'short' }), 400);
    expectProblem(await t.http.post('/api/v1/auth/password/forgot').send({ email: 'not an address' }), 400);
  });
});
