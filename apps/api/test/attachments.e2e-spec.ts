import { existsSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { expectProblem, signUp, startTestApp, type TestApp } from './support/test-app';

const MAX_BYTES = 64 * 1024;
const MAX_PER_TASK = 3;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200, 0)]);

/** Collects a binary body with supertest. */
const binary = (res: unknown, done: (err: Error | null, body: unknown) => void) => {
  const stream = res as NodeJS.ReadableStream;
  const parts: Buffer[] = [];
  stream.on('data', (c: Buffer) => parts.push(c));
  stream.on('end', () => done(null, Buffer.concat(parts)));
};

describe('task attachments (e2e)', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let taskId: string;
  const base = () => `/api/v1/tasks/${taskId}/attachments`;
  const upload = (content: Buffer | string, name: string, headers = auth, id = taskId) =>
    t.http.post(`/api/v1/tasks/${id}/attachments`).set(headers).attach('file', Buffer.from(content), name);
  const newTask = async (headers = auth) =>
    (await t.http.post('/api/v1/tasks').set(headers).send({ title: 'With files' }).expect(201)).body.id as string;
  const storedFiles = () => (existsSync(join(t.dataDir, 'attachments')) ? readdirSync(join(t.dataDir, 'attachments')) : []);

  beforeAll(async () => {
    t = await startTestApp({ ATTACHMENT_MAX_BYTES: String(MAX_BYTES), ATTACHMENT_MAX_PER_TASK: String(MAX_PER_TASK) });
    ({ auth } = await signUp(t));
  });
  beforeEach(async () => {
    taskId = await newTask();
  });
  afterAll(() => t.close());

  it('uploads, lists, downloads with safe headers and deletes', async () => {
    const notes = 'Meeting notes\nÉtude – café\n';
    const created = await upload(notes, 'Notes (draft) é.txt').expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      taskId,
      fileName: 'Notes (draft) é.txt',
      contentType: 'text/plain; charset=utf-8',
      size: Buffer.byteLength(notes),
      createdAt: expect.any(String),
    });
    expect(created.headers.location).toBe(`${base()}/${created.body.id}`);
    const png = await upload(PNG, 'photo.png').expect(201);
    expect(png.body).toMatchObject({ contentType: 'image/png', size: PNG.length });

    const list = await t.http.get(base()).set(auth).expect(200);
    expect(list.body.items).toEqual([created.body, png.body]);

    const text = await t.http.get(`${base()}/${created.body.id}`).set(auth).buffer(true).parse(binary).expect(200);
    expect((text.body as Buffer).toString('utf8')).toBe(notes);
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.headers['x-content-type-options']).toBe('nosniff');
    expect(text.headers['content-disposition']).toBe(
      `attachment; filename="Notes (draft) _.txt"; filename*=UTF-8''Notes%20%28draft%29%20%C3%A9.txt`,
    );
    const image = await t.http.get(`${base()}/${png.body.id}`).set(auth).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(image.body as Buffer, PNG)).toBe(0);
    expect(image.headers['content-type']).toBe('image/png');

    await t.http.delete(`${base()}/${created.body.id}`).set(auth).expect(204);
    expectProblem(await t.http.get(`${base()}/${created.body.id}`).set(auth), 404);
    expectProblem(await t.http.delete(`${base()}/${created.body.id}`).set(auth), 404);
    expect((await t.http.get(base()).set(auth).expect(200)).body.items).toEqual([png.body]);
  });

  it('stores files under server ids only: a traversal name is just a label', async () => {
    const before = storedFiles();
    const res = await upload('harmless', '../../etc/passwd').expect(201);
    expect(res.body.fileName).toBe('passwd');
    const added = storedFiles().filter((f) => !before.includes(f));
    expect(added).toEqual([`${res.body.id}.bin`]);
    expect((await upload('x', '..\\..\\boot.ini').expect(201)).body.fileName).toBe('boot.ini');
    expect((await upload('x', '.bashrc').expect(201)).body.fileName).toBe('bashrc');
    expectProblem(await t.http.get(`${base()}/..%2F..%2Fetc%2Fpasswd`).set(auth), 404);
  });

  it('sniffs the type from the bytes: a .png of text is text, an ELF or a ZIP is refused', async () => {
    expect((await upload('not really an image', 'picture.png').expect(201)).body.contentType).toBe('text/plain; charset=utf-8');
    const before = storedFiles();
    expect(expectProblem(await upload(ELF, 'tool.txt'), 415).code).toBe('ATTACHMENT.UNSUPPORTED_TYPE');
    expect(expectProblem(await upload(Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), 'setup.exe'), 415).code).toBe(
      'ATTACHMENT.UNSUPPORTED_TYPE',
    );
    expectProblem(await upload(Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 0, 0, 8, 0]), 'doc.docx'), 415);
    expect(storedFiles()).toEqual(before);
    expect((await t.http.get(base()).set(auth)).body.items).toHaveLength(1);
  });

  it('refuses a non-multipart body with 415 and a multipart body without a file with 400', async () => {
    expectProblem(await t.http.post(base()).set(auth).send({ file: 'x' }), 415);
    expectProblem(await t.http.post(base()).set(auth).field('note', 'no file here'), 400);
    let crowded = t.http.post(base()).set(auth);
    for (let i = 0; i < 12; i++) crowded = crowded.field(`f${i}`, 'v');
    expect(expectProblem(await crowded.attach('file', Buffer.from('x'), 'x.txt'), 413).detail).toMatch(
      /too many (fields|parts); send one file/,
    );
  });

  it('accepts exactly the size limit and refuses one byte more with 413, keeping nothing', async () => {
    await upload(Buffer.alloc(MAX_BYTES, 0x61), 'exact.txt').expect(201);
    const before = storedFiles();
    const res = await upload(Buffer.alloc(MAX_BYTES + 1, 0x61), 'over.txt');
    expect(expectProblem(res, 413).code).toBe('ATTACHMENT.TOO_LARGE');
    expect(storedFiles()).toEqual(before);
    expect((await t.http.get(base()).set(auth)).body.items).toHaveLength(1);
  });

  it('cuts a huge streamed upload off early with 413 instead of reading it all', async () => {
    const boundary = 'primetrade-boundary';
    const total = 200 * 1024 * 1024; // announced; far more than is ever sent
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n`,
    );
    const before = storedFiles();
    const url = new URL(base(), t.url);
    const outcome = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const req = httpRequest(url, {
        method: 'POST',
        headers: { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + total) },
      });
      req.on('response', (res) => {
        answered = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
        res.on('error', () => resolve({ status: res.statusCode ?? 0, body, sent }));
      });
      req.on('error', (error) => (answered ? undefined : reject(error)));
      req.write(head);
      const pump = () => {
        while (!answered && sent < total) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
      };
      pump();
    });
    expect(outcome.status).toBe(413);
    expect(JSON.parse(outcome.body)).toMatchObject({ status: 413, code: 'ATTACHMENT.TOO_LARGE' });
    // The server stopped at the limit: the client got its answer long before it had sent it all.
    expect(outcome.sent).toBeLessThan(32 * 1024 * 1024);
    expect(storedFiles()).toEqual(before);
    expect((await t.http.get(base()).set(auth).expect(200)).body.items).toEqual([]);
  });

  it(`refuses attachment number ${MAX_PER_TASK + 1} of a task with 409`, async () => {
    for (let i = 0; i < MAX_PER_TASK; i++) await upload(`file ${i}`, `f${i}.txt`).expect(201);
    expect(expectProblem(await upload('one too many', 'extra.txt'), 409).code).toBe('ATTACHMENT.LIMIT_REACHED');
    expect((await t.http.get(base()).set(auth)).body.items).toHaveLength(MAX_PER_TASK);
    await upload('another task has room', 'ok.txt', auth, await newTask()).expect(201);
  });

  it('is owner-scoped: another user gets 404 for the task and its attachments', async () => {
    const mine = await upload('private', 'secret.txt').expect(201);
    const other = await signUp(t, 'Eve');
    const path = `${base()}/${mine.body.id}`;
    expectProblem(await upload('intrusion', 'x.txt', other.auth), 404);
    expectProblem(await t.http.get(base()).set(other.auth), 404);
    expectProblem(await t.http.get(path).set(other.auth), 404);
    expectProblem(await t.http.delete(path).set(other.auth), 404);
    // Their own task id with my attachment id: still nothing.
    const theirTask = await newTask(other.auth);
    expectProblem(await t.http.get(`/api/v1/tasks/${theirTask}/attachments/${mine.body.id}`).set(other.auth), 404);
    expectProblem(await t.http.get(path), 401);
    await t.http.get(path).set(auth).expect(200);
  });

  it('deleting the task removes its files from disk and its attachments', async () => {
    const a = await upload('first', 'a.txt').expect(201);
    const b = await upload(PNG, 'b.png').expect(201);
    expect(storedFiles()).toEqual(expect.arrayContaining([`${a.body.id}.bin`, `${b.body.id}.bin`]));
    await t.http.delete(`/api/v1/tasks/${taskId}`).set(auth).expect(204);
    // The TaskDeleted handler runs right after the response.
    for (let i = 0; i < 50 && storedFiles().some((f) => f.startsWith(a.body.id) || f.startsWith(b.body.id)); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(storedFiles().filter((f) => f.startsWith(a.body.id) || f.startsWith(b.body.id))).toEqual([]);
    expectProblem(await t.http.get(base()).set(auth), 404);
  });
});
