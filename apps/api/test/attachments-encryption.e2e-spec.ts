import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectProblem, signUp, startTestApp, type TestApp } from './support/test-app';

const key = () => randomBytes(32).toString('base64');
const k1 = key();
const k2 = key();
const blind = key();
const keysEnv = (active: string, keys: Record<string, string>) => ({
  ENCRYPTION_KEYS: Object.entries(keys)
    .map(([id, k]) => `${id}:${k}`)
    .join(','),
  ENCRYPTION_ACTIVE_KEY: active,
  BLIND_INDEX_KEY: blind,
});
const SECRET = 'Salary review: Ada 120k, Grace 130k\n';

/** Attachment content is encrypted at rest (AES-256-GCM, key id in the stored form). */
describe('attachments encrypted at rest (e2e)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'primetrade-e2e-enc-'));
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close({ keepData: true });
    t = undefined;
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const onDisk = (id: string) => readFileSync(join(dataDir, 'attachments', `${id}.bin`));

  it('keeps no plaintext on disk, refuses a flipped byte with a clear 409 (logged), and keeps old files readable after rotation', async () => {
    t = await startTestApp(keysEnv('k1', { k1 }), dataDir);
    const user = await signUp(t);
    const taskId = (await t.http.post('/api/v1/tasks').set(user.auth).send({ title: 'Payroll' }).expect(201)).body.id;
    const path = `/api/v1/tasks/${taskId}/attachments`;
    const first = (await t.http.post(path).set(user.auth).attach('file', Buffer.from(SECRET), 'salaries.txt').expect(201)).body;
    const victim = (await t.http.post(path).set(user.auth).attach('file', Buffer.from('to be tampered with'), 'victim.txt').expect(201))
      .body;

    const stored = onDisk(first.id);
    expect(stored.includes(Buffer.from('Salary'))).toBe(false);
    expect(stored.includes(Buffer.from('Grace'))).toBe(false);
    expect(stored.subarray(0, 3).toString()).toBe('PTE');
    expect(stored.subarray(5, 7).toString()).toBe('k1'); // the stored form names its key

    const tampered = onDisk(victim.id);
    tampered[tampered.length - 25] ^= 0x01;
    writeFileSync(join(dataDir, 'attachments', `${victim.id}.bin`), tampered);
    const refused = await t.http.get(`${path}/${victim.id}`).set(user.auth);
    const problem = expectProblem(refused, 409);
    expect(problem.code).toBe('DATA.INTEGRITY_FAILED');
    expect(problem.detail).toMatch(/integrity check/);
    expect(t.logs.some((l) => l.level === 50 && /integrity check/.test(String(l.msg)) && l.attachmentId === victim.id)).toBe(true);
    // The rest is unaffected, and the broken one can be deleted.
    expect((await t.http.get(`${path}/${first.id}`).set(user.auth).expect(200)).text).toBe(SECRET);
    await t.http.delete(`${path}/${victim.id}`).set(user.auth).expect(204);
    await t.close({ keepData: true });

    // Rotation: k2 becomes active; k1 stays listed so old files still open.
    t = await startTestApp(keysEnv('k2', { k1, k2 }), dataDir);
    const login = await t.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password }).expect(200);
    const auth = { Authorization: `Bearer ${login.body.accessToken}` };
    expect((await t.http.get(`${path}/${first.id}`).set(auth).expect(200)).text).toBe(SECRET);
    const second = (await t.http.post(path).set(auth).attach('file', Buffer.from('new quarter'), 'q2.txt').expect(201)).body;
    expect(onDisk(second.id).subarray(5, 7).toString()).toBe('k2');
    expect((await t.http.get(`${path}/${second.id}`).set(auth).expect(200)).text).toBe('new quarter');
    await t.close({ keepData: true });

    // Without the old key, an old file is refused clearly, not served and not a 500. (The
    // still-valid access token is used: the user's own row was sealed with k1 too, so a login
    // would be refused the same way — old keys go only after everything is re-encrypted.)
    t = await startTestApp(keysEnv('k2', { k2 }), dataDir);
    const auth2 = auth;
    expect(expectProblem(await t.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password }), 409).code).toBe(
      'DATA.INTEGRITY_FAILED',
    );
    expect(expectProblem(await t.http.get(`${path}/${first.id}`).set(auth2), 409).code).toBe('DATA.INTEGRITY_FAILED');
    expect((await t.http.get(`${path}/${second.id}`).set(auth2).expect(200)).text).toBe('new quarter');
  });
});
