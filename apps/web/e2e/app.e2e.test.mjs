// The whole user journey in Debian's Chromium against the real API serving the built client.
// Steps share one page and run in order: each builds on the state the previous one left.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startApp } from './support/app-server.mjs';
import { checkA11y, checkPage, chromiumMissing, expectCount, expectText, launch, screenshot } from './support/browser.mjs';

const missing = chromiumMissing();
if (missing) console.log(`skipped: ${missing}`);

const user = { name: 'Ada Lovelace', email: `ada.${Date.now()}@example.com`, password: 'analytical-engine' };
const inHours = (h) => {
  const d = new Date(Date.now() + h * 3_600_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

describe('Primetrade in a real browser', { skip: missing ?? false }, () => {
  let app;
  let browser;
  let context;
  let page;
  /** Uncaught errors and Content-Security-Policy refusals seen by the main page. */
  const pageProblems = [];
  const cards = () => page.getByTestId('task-row');
  const card = (title) => cards().filter({ has: page.getByRole('link', { name: `Edit ${title}`, exact: true }) });
  const check = (title) => page.getByRole('checkbox', { name: title, exact: true });

  before(async () => {
    app = await startApp();
    console.log(`# app (real API + built client) at ${app.baseUrl}`);
    browser = await launch();
    context = await browser.newContext({ baseURL: app.baseUrl, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageProblems.push(`uncaught: ${error.message}`));
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) pageProblems.push(`csp: ${msg.text()}`);
    });
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function createTask({ title, priority, tags, due, description }) {
    await page.getByTestId('new-task').click();
    await page.waitForURL('**/tasks/new');
    await page.getByLabel('Title').fill(title);
    if (description) await page.getByLabel('Description').fill(description);
    if (priority) {
      await page.getByRole('combobox', { name: 'Priority' }).click();
      await page.getByRole('option', { name: priority, exact: true }).click();
    }
    if (due) await page.getByLabel('Due date').fill(due);
    if (tags) await page.getByLabel('Tags').fill(tags);
    await page.getByTestId('save').click();
    await page.waitForURL('**/tasks');
    await card(title).waitFor();
  }

  async function pickFilter(label, option) {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
    await page.keyboard.press('Escape');
  }

  it('sends a visitor to the login page, which passes axe', async () => {
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await checkPage(page, '01-login');
  });

  it('registers, with client validation first and the API error beside the field', async () => {
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.waitForURL('**/register');
    await page.getByLabel('Name').fill(user.name);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expectText(page.locator('mat-error'), 'at least 8 characters');
    await checkPage(page, '02-register-invalid');

    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/login?registered=1');
    await expectText(page.getByRole('status'), 'account is ready');

    // The same email again: the API answers 409 and the page shows it at the email field.
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Name').fill(user.name);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expectText(page.getByTestId('email-error'), /already/i);
    assert.equal(await page.getByLabel('Email').getAttribute('aria-invalid'), 'true');
    await screenshot(page, '03-register-duplicate');
  });

  it('logs in and shows the empty task list', async () => {
    await page.getByRole('link', { name: 'I already have an account' }).click();
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expectText(page.getByTestId('form-error'), 'Wrong email or password');

    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/tasks');
    await expectText(page.getByTestId('current-user'), user.name);
    await page.getByTestId('empty-state').waitFor();
    // The global stylesheet is in force (a CSP that blocked it would leave the page unstyled).
    const padding = await page.locator('section.page').evaluate((el) => getComputedStyle(el).paddingLeft);
    assert.equal(padding, '16px');
    await checkPage(page, '04-tasks-empty');
  });

  it('creates three tasks; overdue and due-soon ones stand out', async () => {
    await page.getByTestId('new-task').click();
    await page.getByLabel('Title').waitFor();
    await checkPage(page, '05-task-new');
    await page.goBack();

    await createTask({ title: 'Buy milk', priority: 'Low', tags: 'home, errands' });
    await createTask({ title: 'Write report', priority: 'High', tags: 'work', due: inHours(5), description: 'Quarterly numbers' });
    await createTask({ title: 'Pay rent', priority: 'Urgent', tags: 'home', due: inHours(-3) });
    await expectCount(cards(), 3);
    await expectText(card('Pay rent').getByTestId('task-due'), 'Overdue');
    await expectText(card('Write report').getByTestId('task-due'), 'Due soon');
    await checkPage(page, '06-tasks-three');
  });

  it('filters by priority, tag and overdue, and searches by text', async () => {
    // The filters beyond search load and open on demand.
    const toggle = page.getByRole('button', { name: 'Show filters' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.click();
    assert.equal(await page.getByRole('button', { name: 'Hide filters' }).getAttribute('aria-expanded'), 'true');
    await pickFilter('Priority', 'Urgent');
    await expectCount(cards(), 1);
    await card('Pay rent').waitFor();
    await screenshot(page, '07-tasks-filtered');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expectCount(cards(), 3);

    await page.getByLabel('Tag', { exact: true }).fill('home');
    await expectCount(cards(), 2);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expectCount(cards(), 3);

    await page.getByRole('checkbox', { name: 'Overdue only' }).check();
    await expectCount(cards(), 1);
    await card('Pay rent').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expectCount(cards(), 3);

    await pickFilter('Sort by', 'Priority');
    await pickFilter('Order', 'Ascending');
    await expectText(cards().first().getByTestId('task-title'), 'Buy milk');
    await pickFilter('Order', 'Descending');
    await expectText(cards().first().getByTestId('task-title'), 'Pay rent');
    await page.getByRole('button', { name: 'Clear filters' }).click();

    await page.getByTestId('search').fill('report');
    await expectCount(cards(), 1);
    await card('Write report').waitFor();
    await screenshot(page, '08-tasks-search');
    await page.getByTestId('search').fill('');
    await expectCount(cards(), 3);
  });

  it('completes a task and the dashboard changes', async () => {
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await expectText(page.getByTestId('stat-total'), '3');
    // Keyboard and screen-reader users start on the new page, not on the link they left.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await expectText(page.getByTestId('stat-completed'), '0');
    await expectText(page.getByTestId('stat-overdue'), '1');
    await expectText(page.getByTestId('stat-completion-rate'), '0%');

    await page.getByRole('link', { name: 'Tasks', exact: true }).click();
    await check('Buy milk').check();
    await expectText(page.locator('mat-snack-bar-container'), 'Completed “Buy milk”.');
    assert.equal(await check('Buy milk').isChecked(), true);

    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await expectText(page.getByTestId('stat-completed'), '1');
    await expectText(page.getByTestId('stat-completion-rate'), '33%');
    await expectText(page.getByTestId('bar-Completed'), '1');
    await checkPage(page, '09-dashboard');
  });

  it('rings the bell for the overdue task and opens it from the list', async () => {
    await page.getByRole('link', { name: 'Tasks', exact: true }).click();
    const bell = page.getByTestId('notification-bell');
    // The API scans every 2 s in this run; opening the menu asks for the latest list.
    const until = Date.now() + 20_000;
    let found = false;
    while (!found && Date.now() < until) {
      await bell.click();
      found = await page
        .getByTestId('notification-item')
        .filter({ hasText: 'Pay rent' })
        .first()
        .isVisible()
        .catch(() => false);
      if (!found) {
        await page.keyboard.press('Escape');
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    assert.ok(found, 'a notification for the overdue task "Pay rent" appeared');
    assert.match((await bell.getAttribute('aria-label')) ?? '', /Notifications, \d+ unread/);
    await checkA11y(page, 'notifications-menu');
    await screenshot(page, '09b-notifications');
    await page.getByTestId('notification-item').filter({ hasText: 'Pay rent' }).first().click();
    await page.waitForURL('**/edit');
    assert.equal(await page.getByLabel('Title').inputValue(), 'Pay rent');
  });

  it('shows an API validation error next to its field', async () => {
    // Client validation mirrors the API, so the request is altered on the wire to get the
    // API's own 400 problem+json back, as a client whose rules had drifted would.
    const tooLong = 'x'.repeat(201);
    await page.route('**/api/v1/tasks', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const body = JSON.parse(route.request().postData() ?? '{}');
      await route.continue({ postData: JSON.stringify({ ...body, title: tooLong }) });
    });
    await page.getByRole('link', { name: 'Tasks', exact: true }).click();
    await page.getByTestId('new-task').click();
    await page.getByLabel('Title').fill('Looks fine here');
    await page.getByTestId('save').click();
    const message = await expectText(page.getByTestId('title-error'), /\S/);
    assert.match(message, /title|200|long|short/i);
    assert.equal(await page.getByLabel('Title').getAttribute('aria-invalid'), 'true');
    assert.match(page.url(), /\/tasks\/new$/);
    await checkPage(page, '10-task-api-error');
    await page.unroute('**/api/v1/tasks');
    await page.getByRole('link', { name: 'Cancel' }).click();
    await expectCount(cards(), 3);
  });

  it('edits a task', async () => {
    await card('Write report').getByRole('link', { name: 'Edit Write report' }).click();
    await page.waitForURL('**/edit');
    await page.getByRole('heading', { name: 'Edit task' }).waitFor();
    assert.equal(await page.getByLabel('Title').inputValue(), 'Write report');
    await checkPage(page, '11-task-edit');
    await page.getByLabel('Title').fill('Write quarterly report');
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'In progress', exact: true }).click();
    await page.getByTestId('save').click();
    await page.waitForURL('**/tasks');
    await expectText(card('Write quarterly report').getByTestId('task-status'), 'In progress');
  });

  it('attaches a file to a task, downloads it and deletes it', async () => {
    await card('Write quarterly report').getByRole('link', { name: 'Edit Write quarterly report' }).click();
    await page.getByRole('heading', { name: 'Attachments' }).waitFor();
    await page.getByText('No files yet.').waitFor();
    await page
      .getByTestId('attachment-input')
      .setInputFiles({ name: 'figures.txt', mimeType: 'text/plain', buffer: Buffer.from('Q3 revenue: 42\n') });
    await expectText(page.getByTestId('attachment'), 'figures.txt');
    await checkPage(page, '11b-task-attachments');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download figures.txt' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'figures.txt');
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    assert.equal(Buffer.concat(chunks).toString('utf8'), 'Q3 revenue: 42\n');

    await page.getByRole('button', { name: 'Delete figures.txt' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expectCount(page.getByTestId('attachment'), 0);
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.waitForURL('**/tasks');
  });

  it('reopens a completed task and completes it again', async () => {
    await check('Buy milk').uncheck();
    await expectText(page.locator('mat-snack-bar-container'), 'Reopened “Buy milk”.');
    await check('Buy milk').check();
    await expectText(page.locator('mat-snack-bar-container'), 'Completed “Buy milk”.');
  });

  it('deletes a task after confirmation', async () => {
    await page.getByRole('button', { name: 'Delete Pay rent' }).click();
    const dialog = page.getByRole('dialog');
    await expectText(dialog, 'Pay rent');
    await checkA11y(page, 'delete-dialog');
    await screenshot(page, '12-delete-dialog');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expectCount(cards(), 2);
  });

  it('logs out, logs back in and finds the data; the session survives a reload', async () => {
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    await page.goto('/tasks');
    await page.waitForURL('**/login**');

    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/tasks');
    await expectCount(cards(), 2);
    assert.equal(await check('Buy milk').isChecked(), true);
    await card('Write quarterly report').waitFor();

    await page.reload();
    await expectCount(cards(), 2);
    await expectText(page.getByTestId('current-user'), user.name);
  });

  it('pages through more tasks than fit one page, loading the next as the end scrolls into view', async () => {
    const login = await fetch(`${app.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    const { accessToken } = await login.json();
    for (let i = 1; i <= 60; i++) {
      const res = await fetch(`${app.baseUrl}/api/v1/tasks`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ title: `Bulk task ${String(i).padStart(2, '0')}`, tags: ['bulk'] }),
      });
      assert.equal(res.status, 201);
    }
    await page.reload();
    await expectText(page.getByTestId('list-count'), /^(50 tasks shown, more load as you scroll|62 tasks shown)\.$/);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expectText(page.getByTestId('list-count'), '62 tasks shown.');
    await expectCount(page.getByTestId('load-more'), 0);
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('raised no uncaught error and no Content-Security-Policy refusal', () => {
    assert.deepEqual(pageProblems, []);
  });

  it('on a phone, with a session made through the API, refreshes an expired access token silently', async () => {
    // Log in once through the API and hand the session to a fresh browser context.
    const res = await fetch(`${app.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    assert.equal(res.status, 200);
    const tokens = await res.json();
    // A broken access token stands in for an expired one: the first call gets a 401.
    const session = JSON.stringify({ accessToken: 'expired.or.broken', refreshToken: tokens.refreshToken });
    const phone = await browser.newContext({ baseURL: app.baseUrl, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.addInitScript((value) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('primetrade.session', value);
        sessionStorage.setItem('seeded', '1');
      }
    }, session);
    const mobile = await phone.newPage();
    try {
      await mobile.goto('/tasks');
      await expectText(mobile.getByTestId('list-count'), /^(50|62) tasks shown/);
      const stored = JSON.parse(await mobile.evaluate(() => localStorage.getItem('primetrade.session')));
      assert.notEqual(stored.accessToken, 'expired.or.broken');
      assert.notEqual(stored.refreshToken, tokens.refreshToken, 'the refresh token was rotated');
      const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `no horizontal scrolling on a phone (overflow ${overflow}px)`);
      // On a phone the filters beyond search fold away behind a button.
      const toggle = mobile.getByRole('button', { name: 'Show filters' });
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.equal(await mobile.getByRole('combobox', { name: 'Priority' }).isVisible(), false);
      await checkPage(mobile, '13-phone-tasks');
      await toggle.click();
      await mobile.getByRole('combobox', { name: 'Priority' }).waitFor();
      assert.equal(await mobile.getByRole('button', { name: 'Hide filters' }).getAttribute('aria-expanded'), 'true');
      await screenshot(mobile, '13b-phone-filters');
      await mobile.getByRole('link', { name: 'Dashboard', exact: true }).click();
      // The tiles are drawn before the figures arrive: wait for a figure.
      await expectText(mobile.getByTestId('stat-total'), /\d/);
      await checkPage(mobile, '14-phone-dashboard');
    } finally {
      await phone.close();
    }
  });
});
