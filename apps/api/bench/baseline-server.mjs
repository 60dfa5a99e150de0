// The hand-written baseline of `npm run bench` (not part of the product): what a developer writes
// in an afternoon — node:http, jsonwebtoken verifying with a KeyObject (same algorithm, issuer
// and audience as the API), better-sqlite3 on the same file with the same SQL as the API's
// adapter for the page of 20 and for a create. No layers, no validation library, no logging.
// Usage: node baseline-server.mjs <port> <sqlite file>   (JWT_SECRET in the environment)
import { createSecretKey } from 'node:crypto';
import { createServer } from 'node:http';
import Database from 'better-sqlite3';
import jwt from 'jsonwebtoken';
import { v7 as uuidv7 } from 'uuid';

const [port, file] = process.argv.slice(2);
const key = createSecretKey(Buffer.from(process.env.JWT_SECRET, 'utf8'));
const verifyOptions = { algorithms: ['HS256'], issuer: 'primetrade', audience: 'primetrade-api' };

const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 5000');

// The API's default page: newest first on the (owner, created_at, id) index, one extra row.
const firstPage = db.prepare(
  'SELECT * FROM tasks INDEXED BY tasks_owner_created_id WHERE owner_id = ? ORDER BY created_at DESC, id DESC LIMIT ?',
);
const nextPage = db.prepare(
  'SELECT * FROM tasks INDEXED BY tasks_owner_created_id WHERE owner_id = ? AND (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?',
);
const insertTask = db.prepare(
  `INSERT INTO tasks (id, owner_id, title, description, content_sealed, status, priority, priority_rank, due_at, tags, created_at, updated_at, completed_at, version)
   VALUES (@id, @owner_id, @title, @description, 0, @status, @priority, @priority_rank, @due_at, @tags, @created_at, @updated_at, NULL, 1)`,
);
const insertTag = db.prepare('INSERT INTO task_tags (task_id, owner_id, tag) VALUES (?, ?, ?)');
const RANK = { low: 0, medium: 1, high: 2, urgent: 3 };

const iso = (ms) => (ms === null ? null : new Date(ms).toISOString());
const view = (r) => ({
  id: r.id,
  title: r.title,
  description: r.description,
  status: r.status,
  priority: r.priority,
  dueDate: iso(r.due_at),
  tags: JSON.parse(r.tags),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  completedAt: iso(r.completed_at),
  version: r.version,
  // The API's field for repeating tasks (null for one-off ones; the benchmark's tasks are one-off).
  recurrence: r.recurrence_rule == null ? null : { rule: r.recurrence_rule, timeZone: r.recurrence_zone, seriesId: r.series_id },
});
const cursorOf = (r) => Buffer.from(JSON.stringify({ s: 'tasks:createdAt:desc', p: [r.created_at, r.id] })).toString('base64url');

function send(res, status, body, headers = {}) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json), ...headers });
  res.end(json);
}

function user(req) {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  try {
    return jwt.verify(header.slice(7), key, verifyOptions).sub;
  } catch {
    return null;
  }
}

const create = db.transaction((row, tags) => {
  insertTask.run(row);
  for (const tag of tags) insertTag.run(row.id, row.owner_id, tag);
});

createServer((req, res) => {
  const owner = user(req);
  if (!owner) return send(res, 401, { title: 'Unauthorized' });
  const url = new URL(req.url, 'http://x');
  if (req.method === 'GET' && url.pathname === '/api/v1/tasks') {
    const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 20) || 20, 1), 100);
    const cursor = url.searchParams.get('cursor');
    let rows;
    if (cursor) {
      const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()).p;
      rows = nextPage.all(owner, at, id, limit + 1);
    } else rows = firstPage.all(owner, limit + 1);
    const items = rows.slice(0, limit);
    return send(res, 200, { items: items.map(view), nextCursor: rows.length > limit ? cursorOf(items[items.length - 1]) : null });
  }
  if (req.method === 'POST' && url.pathname === '/api/v1/tasks') {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return send(res, 400, { title: 'Bad Request' });
      }
      const title = typeof body.title === 'string' ? body.title.trim() : '';
      const priority = body.priority ?? 'medium';
      if (!title || title.length > 200 || !(priority in RANK)) return send(res, 400, { title: 'Bad Request' });
      const tags = [...new Set((Array.isArray(body.tags) ? body.tags : []).map((t) => String(t).trim().toLowerCase()))];
      const now = Date.now();
      const row = {
        id: uuidv7(),
        owner_id: owner,
        title,
        description: typeof body.description === 'string' ? body.description.trim() : '',
        status: body.status ?? 'todo',
        priority,
        priority_rank: RANK[priority],
        due_at: body.dueDate ? Date.parse(body.dueDate) : null,
        tags: JSON.stringify(tags),
        created_at: now,
        updated_at: now,
      };
      create(row, tags);
      send(res, 201, view({ ...row, completed_at: null, version: 1 }), { location: `/api/v1/tasks/${row.id}`, etag: '"1"' });
    });
    return;
  }
  send(res, 404, { title: 'Not Found' });
}).listen(Number(port), '127.0.0.1');

// Exit cleanly on a signal (so --cpu-prof can write its profile).
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
