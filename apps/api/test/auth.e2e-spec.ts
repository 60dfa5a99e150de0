import { createHmac } from 'node:crypto';
import { expectProblem, signUp, startTestApp, type TestApp } from './support/test-app';

describe('auth and users (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('registers with a normalised email and never returns the hash', async () => {
    const res = await t.http
      .post('/api/v1/auth/register')
      .send({ name: ' Grace ', email: 'Grace@Example.COM', password: 'long enough pw' })
      .expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: 'Grace',
      email: 'grace@example.com',
      emailConfirmed: false,
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/hash|argon/i);
  });

  it('answers 409 for a duplicate email, whatever its case', async () => {
    await t.http.post('/api/v1/auth/register').send({ name: 'A', email: 'dup@example.com', password: 'long enough pw' }).expect(201);
    const res = await t.http.post('/api/v1/auth/register').send({ name: 'B', email: 'DUP@example.com', password: 'long enough pw' });
    expect(expectProblem(res, 409).code).toBe('USER.EMAIL_TAKEN');
  });

  it('rejects invalid, unknown and wrongly typed fields with field errors', async () => {
    const bad = await t.http.post('/api/v1/auth/register').send({ name: '', email: 'not-an-email', password: 'short' });
    const fields = (expectProblem(bad, 400).errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'email', 'password']));

    const unknown = await t.http
      .post('/api/v1/auth/register')
      .send({ name: 'A', email: 'u@example.com', password: 'long enough pw', isAdmin: true });
    expect((expectProblem(unknown, 400).errors as { field: string }[]).map((e) => e.field)).toContain('isAdmin');

    const object = await t.http.post('/api/v1/auth/login').send({ email: { $gt: '' }, password: 'x' });
    expect((expectProblem(object, 400).errors as { field: string }[]).map((e) => e.field)).toContain('email');
  });

  it('gives the same 401 for an unknown email and a wrong password', async () => {
    const { email } = await signUp(t);
    const wrong = await t.http.post('/api/v1/auth/login').send({ email, password: 'wrong password' });
    const unknown = await t.http.post('/api/v1/auth/login').send({ email: 'nobody@example.com', password: 'wrong password' });
    expect(expectProblem(wrong, 401).detail).toBe(expectProblem(unknown, 401).detail);
  });

  it('issues a 15-minute access token that opens /users/me', async () => {
    const { auth, email } = await signUp(t, 'Ada');
    const login = await t.http.post('/api/v1/auth/login').send({ email, password: 'correct horse battery' }).expect(200);
    expect(login.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, refreshToken: expect.any(String) });
    const me = await t.http.get('/api/v1/users/me').set(auth).expect(200);
    expect(me.body).toMatchObject({ name: 'Ada', email });
  });

  it('refuses missing, tampered, alg:none and wrongly signed tokens', async () => {
    const { auth } = await signUp(t);
    expectProblem(await t.http.get('/api/v1/users/me'), 401);
    const token = auth.Authorization.slice('Bearer '.length);
    const [header, payload] = token.split('.');
    const tamperedPayload = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'someone-else' }),
    ).toString('base64url');
    expectProblem(
      await t.http.get('/api/v1/users/me').set('Authorization', `Bearer ${header}.${tamperedPayload}.${token.split('.')[2]}`),
      401,
    );
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expectProblem(await t.http.get('/api/v1/users/me').set('Authorization', `Bearer ${none}.${payload}.`), 401);
    const forged = createHmac('sha256', 'another-secret-another-secret-123').update(`${header}.${payload}`).digest('base64url');
    expectProblem(await t.http.get('/api/v1/users/me').set('Authorization', `Bearer ${header}.${payload}.${forged}`), 401);
  });

  it('rotates refresh tokens and revokes the family when an old one is reused', async () => {
    const { refreshToken } = await signUp(t);
    const first = await t.http.post('/api/v1/auth/refresh').send({ refreshToken }).expect(200);
    expect(first.body.refreshToken).not.toBe(refreshToken);
    await t.http.get('/api/v1/users/me').set('Authorization', `Bearer ${first.body.accessToken}`).expect(200);

    // The old token comes back: theft. Both it and the newest token stop working.
    expectProblem(await t.http.post('/api/v1/auth/refresh').send({ refreshToken }), 401);
    expectProblem(await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken }), 401);
  });

  it('logs out: the refresh token no longer works', async () => {
    const { refreshToken } = await signUp(t);
    await t.http.post('/api/v1/auth/logout').send({ refreshToken }).expect(204);
    expectProblem(await t.http.post('/api/v1/auth/refresh').send({ refreshToken }), 401);
    await t.http.post('/api/v1/auth/logout').send({ refreshToken: 'unknown' }).expect(204);
  });
});
