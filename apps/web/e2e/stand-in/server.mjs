// A tiny in-memory stand-in for the Primetrade API, used by the browser tests only while the
// real API is not built yet (E2E_API=stand-in). It follows the same contract (openapi.mjs) and
// serves the built client with an SPA fallback, like the real API does.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const users = new Map(); // email -> user
const access = new Map(); // token -> userId
const refreshTokens = new Map(); // token -> userId
const tasks = new Map(); // id -> task (with owner)
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

const problem = (res, status, title, errors) => {
  res.writeHead(status, { 'Content-Type': 'application/problem+json' });
  res.end(JSON.stringify({ type: 'about:blank', title, status, detail: title, instance: '', correlationId: randomUUID(), ...(errors ? { errors } : {}) }));
};
const send = (res, status, body, headers = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
};
const readJson = (req) =>
  new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      try {
        resolve(data ? JSON.parse(data) : {});
      } catch {
        resolve({});
      }
    });
  });
const issue = (userId) => {
  const tokens = { accessToken: randomUUID(), refreshToken: randomUUID(), tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: 86400 };
  access.set(tokens.accessToken, userId);
  refreshTokens.set(tokens.refreshToken, userId);
  return tokens;
};
const view = ({ owner: _owner, ...task }) => task;

function validateTask(body, partial) {
  const errors = [];
  if (!partial || 'title' in body) {
    if (typeof body.title !== 'string' || !body.title.trim()) errors.push({ field: 'title', message: 'title should not be empty' });
    else if (body.title.length > 200) errors.push({ field: 'title', message: 'title must be shorter than or equal to 200 characters' });
  }
  if (body.description !== undefined && (typeof body.description !== 'string' || body.description.length > 5000)) errors.push({ field: 'description', message: 'description must be at most 5000 characters' });
  if (body.priority !== undefined && !['low', 'medium', 'high', 'urgent'].includes(body.priority)) errors.push({ field: 'priority', message: 'priority must be one of low, medium, high, urgent' });
  if (body.status !== undefined && !['todo', 'in_progress', 'completed', 'cancelled'].includes(body.status)) errors.push({ field: 'status', message: 'invalid status' });
  if (body.dueDate != null && Number.isNaN(Date.parse(body.dueDate))) errors.push({ field: 'dueDate', message: 'dueDate must be a valid ISO 8601 date string' });
  if (body.tags !== undefined && (!Array.isArray(body.tags) || body.tags.length > 20 || body.tags.some((t) => typeof t !== 'string' || t.length > 32))) errors.push({ field: 'tags', message: 'tags must be at most 20 strings of at most 32 characters' });
  return errors;
}

function list(userId, params) {
  const many = (key) => params.getAll(key).flatMap((v) => v.split(',')).filter(Boolean);
  const status = many('status');
  const priority = many('priority');
  const q = params.get('q')?.toLowerCase();
  const now = Date.now();
  let items = [...tasks.values()].filter((t) => t.owner === userId);
  if (status.length) items = items.filter((t) => status.includes(t.status));
  if (priority.length) items = items.filter((t) => priority.includes(t.priority));
  if (params.get('tag')) items = items.filter((t) => t.tags.includes(params.get('tag')));
  if (q) items = items.filter((t) => `${t.title} ${t.description}`.toLowerCase().includes(q));
  if (params.get('dueBefore')) items = items.filter((t) => t.dueDate && Date.parse(t.dueDate) < Date.parse(params.get('dueBefore')));
  if (params.get('dueAfter')) items = items.filter((t) => t.dueDate && Date.parse(t.dueDate) > Date.parse(params.get('dueAfter')));
  if (params.get('overdue') === 'true') items = items.filter((t) => t.dueDate && Date.parse(t.dueDate) < now && ['todo', 'in_progress'].includes(t.status));
  const sort = params.get('sort') ?? 'createdAt';
  const dir = params.get('order') === 'asc' ? 1 : -1;
  const rank = { low: 0, medium: 1, high: 2, urgent: 3 };
  const key = (t) => (sort === 'priority' ? rank[t.priority] : t[sort] ?? '');
  items.sort((a, b) => (key(a) < key(b) ? -dir : key(a) > key(b) ? dir : 0));
  const start = Number(params.get('cursor') ?? 0);
  const limit = Number(params.get('limit') ?? 20);
  const page = items.slice(start, start + limit);
  return { items: page.map(view), nextCursor: start + limit < items.length ? String(start + limit) : null };
}

function stats(userId) {
  const mine = [...tasks.values()].filter((t) => t.owner === userId);
  const now = Date.now();
  const open = mine.filter((t) => ['todo', 'in_progress'].includes(t.status));
  const done = mine.filter((t) => t.completedAt);
  const count = (key, values) => Object.fromEntries(values.map((v) => [v, mine.filter((t) => t[key] === v).length]));
  return {
    total: mine.length,
    byStatus: count('status', ['todo', 'in_progress', 'completed', 'cancelled']),
    byPriority: count('priority', ['low', 'medium', 'high', 'urgent']),
    overdue: open.filter((t) => t.dueDate && Date.parse(t.dueDate) < now).length,
    dueSoon: open.filter((t) => t.dueDate && Date.parse(t.dueDate) >= now && Date.parse(t.dueDate) - now <= 86400000).length,
    completionRate: mine.length ? mine.filter((t) => t.status === 'completed').length / mine.length : 0,
    averageCompletionSeconds: done.length ? done.reduce((s, t) => s + (Date.parse(t.completedAt) - Date.parse(t.createdAt)) / 1000, 0) / done.length : null,
  };
}

async function api(req, res, url) {
  const path = url.pathname.replace(/^\/api\/v1/, '');
  const m = req.method;
  if (path === '/health') return send(res, 200, { status: 'ok' });
  if (m === 'POST' && path === '/auth/register') {
    const body = await readJson(req);
    const errors = [];
    if (!body.name?.trim()) errors.push({ field: 'name', message: 'name should not be empty' });
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(body.email ?? '')) errors.push({ field: 'email', message: 'email must be an email' });
    if ((body.password ?? '').length < 8) errors.push({ field: 'password', message: 'password must be longer than or equal to 8 characters' });
    if (errors.length) return problem(res, 400, 'Validation failed', errors);
    if (users.has(body.email.toLowerCase())) return problem(res, 409, 'Email already registered');
    const user = { id: randomUUID(), name: body.name, email: body.email.toLowerCase(), password: body.password, createdAt: new Date().toISOString() };
    users.set(user.email, user);
    return send(res, 201, { id: user.id, name: user.name, email: user.email, createdAt: user.createdAt });
  }
  if (m === 'POST' && path === '/auth/login') {
    const body = await readJson(req);
    const user = users.get(String(body.email ?? '').toLowerCase());
    if (!user || user.password !== body.password) return problem(res, 401, 'Invalid email or password');
    return send(res, 200, issue(user.id));
  }
  if (m === 'POST' && path === '/auth/refresh') {
    const body = await readJson(req);
    const userId = refreshTokens.get(body.refreshToken);
    if (!userId) return problem(res, 401, 'Invalid refresh token');
    refreshTokens.delete(body.refreshToken);
    return send(res, 200, issue(userId));
  }
  if (m === 'POST' && path === '/auth/logout') {
    const body = await readJson(req);
    refreshTokens.delete(body.refreshToken);
    return send(res, 204);
  }
  const userId = access.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
  if (!userId) return problem(res, 401, 'Unauthorized');
  const user = [...users.values()].find((u) => u.id === userId);
  if (m === 'GET' && path === '/users/me') return send(res, 200, { id: user.id, name: user.name, email: user.email, createdAt: user.createdAt });
  if (m === 'GET' && path === '/tasks') return send(res, 200, list(userId, url.searchParams));
  if (m === 'GET' && path === '/tasks/stats/overview') return send(res, 200, stats(userId));
  if (m === 'POST' && path === '/tasks') {
    const body = await readJson(req);
    const errors = validateTask(body, false);
    if (errors.length) return problem(res, 400, 'Validation failed', errors);
    const now = new Date().toISOString();
    const task = { id: randomUUID(), owner: userId, title: body.title, description: body.description ?? '', status: body.status ?? 'todo', priority: body.priority ?? 'medium', dueDate: body.dueDate ?? null, tags: body.tags ?? [], createdAt: now, updatedAt: now, completedAt: null, version: 1 };
    tasks.set(task.id, task);
    return send(res, 201, view(task), { ETag: `"${task.version}"` });
  }
  const match = path.match(/^\/tasks\/([^/]+)(\/complete)?$/);
  const task = match && tasks.get(match[1]);
  if (!task || task.owner !== userId) return problem(res, 404, 'Task not found');
  const touch = () => {
    task.version += 1;
    task.updatedAt = new Date().toISOString();
    return send(res, 200, view(task), { ETag: `"${task.version}"` });
  };
  if (m === 'GET' && !match[2]) return send(res, 200, view(task), { ETag: `"${task.version}"` });
  if (m === 'PUT' && match[2]) {
    if (task.status === 'completed') return problem(res, 409, 'Task is already completed');
    task.status = 'completed';
    task.completedAt = new Date().toISOString();
    return touch();
  }
  if (m === 'PATCH') {
    if (req.headers['if-match'] && req.headers['if-match'] !== `"${task.version}"`) return problem(res, 412, 'The task has changed');
    const body = await readJson(req);
    const errors = validateTask(body, true);
    if (errors.length) return problem(res, 400, 'Validation failed', errors);
    Object.assign(task, body);
    if (body.status === 'completed' && !task.completedAt) task.completedAt = new Date().toISOString();
    if (body.status && body.status !== 'completed') task.completedAt = null;
    return touch();
  }
  if (m === 'DELETE') {
    tasks.delete(task.id);
    return send(res, 204);
  }
  return problem(res, 404, 'Not found');
}

export function startStandIn({ port, webDir }) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname.startsWith('/api/')) return void api(req, res, url).catch((e) => problem(res, 500, String(e)));
    const file = normalize(join(webDir, url.pathname));
    const target = file.startsWith(webDir) && existsSync(file) && statSync(file).isFile() ? file : join(webDir, 'index.html');
    res.writeHead(200, { 'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream' });
    res.end(readFileSync(target));
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
