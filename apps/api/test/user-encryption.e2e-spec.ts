import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expectProblem, signUp, startTestApp, STORE, type TestApp } from './support/test-app';

/** Email and name are encrypted in the embedded store; login and uniqueness go through the blind index. */
(STORE === 'sqlite' ? describe : describe.skip)('users encrypted at rest in SQLite (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('keeps no plaintext email or name in the row, and login, me and uniqueness still work', async () => {
    const { email, password, auth, userId } = await signUp(t, 'Ada Lovelace');
    const db = new Database(join(t.dataDir, 'primetrade.sqlite'), { readonly: true });
    const row = db.prepare('SELECT * FROM users WHERE id = ?').get(userId) as Record<string, unknown>;
    db.close();
    const dump = JSON.stringify(row);
    expect(dump).not.toContain(email);
    expect(dump).not.toContain(email.split('@')[0]);
    expect(dump).not.toMatch(/Ada|Lovelace|example\.com/);
    expect(row.email_index).toEqual(expect.any(String));

    expect((await t.http.get('/api/v1/users/me').set(auth).expect(200)).body).toMatchObject({ id: userId, email, name: 'Ada Lovelace' });
    await t.http.post('/api/v1/auth/login').send({ email: email.toUpperCase(), password }).expect(200);
    expectProblem(await t.http.post('/api/v1/auth/register').send({ name: 'Copy', email, password }), 409);
  });
});
