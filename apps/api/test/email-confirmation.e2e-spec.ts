import { eventually } from './redis/support/redis-env';
import { type ReceivedMail, SmtpSink } from './redis/support/smtp-sink';
import { expireAccountTokens } from './support/expire-tokens';
import { expectProblem, signUp, startTestApp, type TestApp } from './support/test-app';

/** The raw message with quoted-printable undone (soft line breaks and =XX). */
const decoded = (mail: ReceivedMail): string =>
  mail.raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe('email confirmation and change over real SMTP (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://tasks.example.com', THROTTLE_ACCOUNT_MAIL_LIMIT: '3' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  const mailTo = (email: string, subject: string, after = 0) =>
    eventually(async () => smtp.accepted.slice(after).find((m) => m.to.includes(email) && m.subject === subject));
  /** Follows the link of a mail, as the web page does: the token goes to POST /auth/email/confirm. */
  const tokenOf = (mail: ReceivedMail) => {
    const body = decoded(mail);
    expect(body).toMatch(/Content-Type: text\/plain/);
    expect(body).toMatch(/Content-Type: text\/html/);
    return decodeURIComponent(
      new URL(/https:\/\/tasks\.example\.com\/confirm-email\?token=[^\s"<]+/.exec(body)![0]).searchParams.get('token')!,
    );
  };
  const me = async (auth: { Authorization: string }) => (await t.http.get('/api/v1/users/me').set(auth).expect(200)).body;

  it('mails a link at sign-up; following it confirms the address, once; asking again is then a conflict', async () => {
    const ada = await signUp(t, 'Ada');
    expect(await me(ada.auth)).toMatchObject({ email: ada.email, emailConfirmed: false });
    const token = tokenOf(await mailTo(ada.email, 'Confirm your Primetrade address'));

    const confirmed = await t.http.post('/api/v1/auth/email/confirm').send({ token }).expect(200);
    expect(confirmed.body).toMatchObject({ id: ada.userId, email: ada.email, emailConfirmed: true });
    expect(await me(ada.auth)).toMatchObject({ emailConfirmed: true });

    const again = await t.http.post('/api/v1/auth/email/confirm').send({ token });
    expect(expectProblem(again, 400).code).toBe('USER.CONFIRMATION_TOKEN_INVALID');
    const resend = await t.http.post('/api/v1/users/me/email/confirmation').set(ada.auth);
    expect(expectProblem(resend, 409).code).toBe('USER.EMAIL_ALREADY_CONFIRMED');
  });

  it('refuses a link once its 24 hours are over; a new one works', async () => {
    const late = await signUp(t, 'Late');
    const token = tokenOf(await mailTo(late.email, 'Confirm your Primetrade address'));
    expect(expireAccountTokens(t, 'email-confirmation')).toBeGreaterThanOrEqual(1);
    const expired = await t.http.post('/api/v1/auth/email/confirm').send({ token });
    expect(expectProblem(expired, 400).code).toBe('USER.CONFIRMATION_TOKEN_INVALID');
    expect(await me(late.auth)).toMatchObject({ emailConfirmed: false });
    const before = smtp.accepted.length;
    await t.http.post('/api/v1/users/me/email/confirmation').set(late.auth).expect(202);
    const fresh = tokenOf(await mailTo(late.email, 'Confirm your Primetrade address', before));
    await t.http.post('/api/v1/auth/email/confirm').send({ token: fresh }).expect(200);
  });

  it('sends the link again on request, a limited number of times; only the newest link is needed', async () => {
    const bob = await signUp(t, 'Bob');
    await mailTo(bob.email, 'Confirm your Primetrade address');
    const before = smtp.accepted.length;
    await t.http.post('/api/v1/users/me/email/confirmation').set(bob.auth).expect(202);
    const resent = await mailTo(bob.email, 'Confirm your Primetrade address', before);
    await t.http.post('/api/v1/users/me/email/confirmation').set(bob.auth).expect(202);
    await t.http.post('/api/v1/users/me/email/confirmation').set(bob.auth).expect(202);
    expectProblem(await t.http.post('/api/v1/users/me/email/confirmation').set(bob.auth), 429);

    await t.http
      .post('/api/v1/auth/email/confirm')
      .send({ token: tokenOf(resent) })
      .expect(200);
    expect(await me(bob.auth)).toMatchObject({ emailConfirmed: true });
  });

  it('changes the address only when the link sent to the new one is followed; the old address is told both times', async () => {
    const cat = await signUp(t, 'Cat');
    const newAddress = `cat-new-${Date.now()}@example.com`;
    const asked = await t.http
      .post('/api/v1/users/me/email')
      .set(cat.auth)
      .send({ email: newAddress, currentPassword: cat.password })
      .expect(202);
    expect(asked.body.message).toMatch(/nothing changes until/);
    await mailTo(cat.email, 'A change of your Primetrade address was asked for');
    const link = await mailTo(newAddress, 'Confirm your new Primetrade address');
    expect(await me(cat.auth)).toMatchObject({ email: cat.email }); // not yet

    const done = await t.http
      .post('/api/v1/auth/email/confirm')
      .send({ token: tokenOf(link) })
      .expect(200);
    expect(done.body).toMatchObject({ email: newAddress, emailConfirmed: true });
    const notice = decoded(await mailTo(cat.email, 'Your Primetrade address was changed'));
    expect(notice).toContain(newAddress);

    expectProblem(await t.http.post('/api/v1/auth/login').send({ email: cat.email, password: cat.password }), 401);
    await t.http.post('/api/v1/auth/login').send({ email: newAddress, password: cat.password }).expect(200);
  });

  it('refuses a wrong password, an address someone has, and bad input with problems; nothing is mailed', async () => {
    const dan = await signUp(t, 'Dan');
    const eve = await signUp(t, 'Eve');
    await mailTo(eve.email, 'Confirm your Primetrade address');
    const before = smtp.accepted.length;
    const wrong = await t.http.post('/api/v1/users/me/email').set(dan.auth).send({ email: 'dan2@example.com', currentPassword: 'not it' });
    expect(expectProblem(wrong, 400).code).toBe('AUTH.WRONG_PASSWORD');
    const taken = await t.http.post('/api/v1/users/me/email').set(dan.auth).send({ email: eve.email, currentPassword: dan.password });
    expect(expectProblem(taken, 409).code).toBe('USER.EMAIL_TAKEN');
    expectProblem(
      await t.http.post('/api/v1/users/me/email').set(dan.auth).send({ email: 'not an address', currentPassword: dan.password }),
      400,
    );
    expectProblem(await t.http.post('/api/v1/auth/email/confirm').send({ token: '' }), 400);
    expectProblem(await t.http.post('/api/v1/auth/email/confirm').send({ token: 'made-up' }), 400);
    expectProblem(await t.http.post('/api/v1/users/me/email').send({ email: 'x@example.com', currentPassword: 'x' }), 401);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.accepted.slice(before).filter((m) => !m.subject.startsWith('Confirm your Primetrade address'))).toEqual([]);
  });
});
