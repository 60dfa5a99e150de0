import { expectProblem, signUp, startTestApp, type TestApp } from './support/test-app';

describe('your sessions (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  const logIn = async (email: string, password: string, userAgent: string) => {
    const res = await t.http.post('/api/v1/auth/login').set('User-Agent', userAgent).send({ email, password }).expect(200);
    return { auth: { Authorization: `Bearer ${res.body.accessToken}` }, refreshToken: res.body.refreshToken as string };
  };

  it('lists where you are signed in, marks the current one, and signs one or all others out', async () => {
    const ada = await signUp(t, 'Ada');
    const laptop = await logIn(ada.email, ada.password, 'Firefox on Linux');
    const phone = await logIn(ada.email, ada.password, 'Safari on iOS');
    // A refresh keeps the session (same id), now last used by the refreshing client.
    const refreshed = await t.http
      .post('/api/v1/auth/refresh')
      .set('User-Agent', 'Firefox 141 on Linux')
      .send({ refreshToken: laptop.refreshToken })
      .expect(200);

    const list = await t.http.get('/api/v1/users/me/sessions').set(phone.auth).expect(200);
    const items = list.body.items as { id: string; userAgent: string | null; current: boolean; createdAt: string; lastUsedAt: string }[];
    expect(items.map((s) => [s.userAgent, s.current])).toEqual([
      ['Firefox 141 on Linux', false],
      ['Safari on iOS', true],
      [null, false], // signUp's own login, from a client that sent no User-Agent
    ]);
    expect(Date.parse(items[0].lastUsedAt)).toBeGreaterThanOrEqual(Date.parse(items[0].createdAt));

    await t.http.delete(`/api/v1/users/me/sessions/${items[0].id}`).set(phone.auth).expect(204);
    expectProblem(await t.http.post('/api/v1/auth/refresh').send({ refreshToken: refreshed.body.refreshToken }), 401);

    const others = await t.http.post('/api/v1/users/me/sessions/revoke-others').set(phone.auth).expect(200);
    expect(others.body).toEqual({ revoked: 1 });
    expectProblem(await t.http.post('/api/v1/auth/refresh').send({ refreshToken: ada.refreshToken }), 401);
    const left = await t.http.get('/api/v1/users/me/sessions').set(phone.auth).expect(200);
    expect(left.body.items.map((s: { current: boolean }) => s.current)).toEqual([true]);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: phone.refreshToken }).expect(200);
  });

  it("never shows or ends another user's session (404)", async () => {
    const ada = await signUp(t, 'Ada');
    const bob = await signUp(t, 'Bob');
    const bobs = await t.http.get('/api/v1/users/me/sessions').set(bob.auth).expect(200);
    const adas = await t.http.get('/api/v1/users/me/sessions').set(ada.auth).expect(200);
    expect(adas.body.items.map((s: { id: string }) => s.id)).not.toContain(bobs.body.items[0].id);
    expect(expectProblem(await t.http.delete(`/api/v1/users/me/sessions/${bobs.body.items[0].id}`).set(ada.auth), 404).code).toBe(
      'SESSION.NOT_FOUND',
    );
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: bob.refreshToken }).expect(200);
  });

  it('changes the password with the current one; other sessions end, this one stays', async () => {
    const ada = await signUp(t, 'Ada');
    const other = await logIn(ada.email, ada.password, 'Other device');
    const wrong = await t.http
      .post('/api/v1/users/me/password')
      .set(ada.auth)
      .send({ currentPassword: 'not it', newPassword: 'a new long password' });
    expect(expectProblem(wrong, 400).code).toBe('AUTH.WRONG_PASSWORD');
    await t.http
      .post('/api/v1/users/me/password')
      .set(ada.auth)
      .send({ currentPassword: ada.password, newPassword: 'a new long password' })
      .expect(204);
    expectProblem(await t.http.post('/api/v1/auth/refresh').send({ refreshToken: other.refreshToken }), 401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: ada.refreshToken }).expect(200);
    expectProblem(await t.http.post('/api/v1/auth/login').send({ email: ada.email, password: ada.password }), 401);
    await t.http.post('/api/v1/auth/login').send({ email: ada.email, password: 'a new long password' }).expect(200);
  });
});
