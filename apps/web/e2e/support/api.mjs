// Direct API calls for test set-up: an account, a session and tasks made without the UI, so a
// test starts where it needs to be (the journey in app.e2e.test.mjs covers the UI way).
import assert from 'node:assert/strict';

export async function api(baseUrl, path, { method = 'GET', token, body, headers = {} } = {}) {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/** Registers a new user and logs in once; returns the tokens for the browser session. */
export async function newUser(baseUrl, name = 'Grace Hopper') {
  const user = {
    name,
    email: `${name.split(' ')[0].toLowerCase()}.${Date.now()}.${Math.random().toString(36).slice(2, 7)}@example.com`,
    password: 'compiler-1952',
  };
  assert.equal((await api(baseUrl, '/auth/register', { method: 'POST', body: user })).status, 201);
  const login = await api(baseUrl, '/auth/login', { method: 'POST', body: { email: user.email, password: user.password } });
  assert.equal(login.status, 200);
  return { ...user, accessToken: login.body.accessToken, refreshToken: login.body.refreshToken };
}

/** A browser context already signed in as `user` (the session the app keeps in localStorage). */
export async function signedInContext(browser, baseUrl, user, options = {}) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 }, ...options });
  const session = JSON.stringify({ accessToken: user.accessToken, refreshToken: user.refreshToken });
  await context.addInitScript((value) => {
    if (!localStorage.getItem('primetrade.session')) localStorage.setItem('primetrade.session', value);
  }, session);
  return context;
}

/** Creates tasks through the API, a few at a time. */
export async function seedTasks(baseUrl, user, tasks) {
  const made = [];
  for (let i = 0; i < tasks.length; i += 10) {
    const batch = await Promise.all(
      tasks.slice(i, i + 10).map((t) => api(baseUrl, '/tasks', { method: 'POST', token: user.accessToken, body: t })),
    );
    for (const r of batch) {
      assert.equal(r.status, 201, JSON.stringify(r.body));
      made.push(r.body);
    }
  }
  return made;
}
