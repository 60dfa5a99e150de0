// The features people reach for (issue 15), each in Debian's Chromium against the real API
// serving the built client: quick add, check-off with undo, shortcuts, board, calendar,
// dashboard timeline, offline state, the dark theme (axe on every page and dialog) and 1,000
// tasks in the list. Sessions are made through the API (log in once, reuse the tokens).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { api, newUser, seedTasks, signedInContext } from './support/api.mjs';
import { startApp } from './support/app-server.mjs';
import { checkA11y, checkPage, chromiumMissing, expectCount, expectText, launch, screenshot } from './support/browser.mjs';
import { Webhook as StandardWebhook } from 'standardwebhooks';

const missing = chromiumMissing();
if (missing) console.log(`skipped: ${missing}`);

/** The browser runs in this zone; due dates must land on its wall-clock times. */
const TIME_ZONE = 'America/New_York';

describe('Features in a real browser', { skip: missing ?? false }, () => {
  let app;
  let browser;
  let context;
  let page;
  let user;
  const pageProblems = [];
  const rows = () => page.getByTestId('task-row');
  const row = (title) => rows().filter({ has: page.getByRole('link', { name: `Edit ${title}`, exact: true }) });
  const check = (title) => page.getByRole('checkbox', { name: title, exact: true });
  const tasksOf = async (query = '') => (await api(app.baseUrl, `/tasks?limit=100${query}`, { token: user.accessToken })).body.items;
  const taskNamed = async (title) => (await tasksOf()).find((t) => t.title === title);
  /** Local wall-clock time in the page's zone, as an ISO instant. */
  const localInstant = (dayOffset, hours, minutes = 0) =>
    page.evaluate(
      ([d, h, m]) => {
        const date = new Date();
        date.setDate(date.getDate() + d);
        date.setHours(h, m, 0, 0);
        return date.toISOString();
      },
      [dayOffset, hours, minutes],
    );
  const focusedLabel = () =>
    page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim() ?? '');

  before(async () => {
    app = await startApp();
    console.log(`# app (real API + built client) at ${app.baseUrl}`);
    browser = await launch();
    user = await newUser(app.baseUrl);
    context = await signedInContext(browser, app.baseUrl, user, { timezoneId: TIME_ZONE, colorScheme: 'light' });
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

  it('greets a first-time user with guidance instead of a blank list', async () => {
    await page.goto('/tasks');
    await expectText(page.getByTestId('empty-state'), 'Nothing to do yet');
    await expectText(page.getByTestId('empty-state'), 'Pay rent tomorrow 9am !high #home');
    await checkPage(page, 'f01-first-run');
  });

  it('quick add, keyboard only: n focuses it, chips show what was understood, Enter creates the task in the user’s zone', async () => {
    await page.locator('h1').click(); // focus somewhere neutral, as after reading the page
    await page.keyboard.press('n');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'quick-add');
    await page.keyboard.type('Pay rent tomorrow 9am !high #home');
    const chips = page.getByTestId('quick-add-chip');
    await expectCount(chips, 3);
    await expectText(chips.nth(0), /Due: Tomorrow, 0?9:00/);
    await expectText(chips.nth(1), 'Priority: High');
    await expectText(chips.nth(2), 'Tag: #home');
    await checkA11y(page, 'quick-add-chips');
    await screenshot(page, 'f02-quick-add-chips');
    await page.keyboard.press('Enter');
    await row('Pay rent').waitFor();
    await expectCount(chips, 0);
    assert.equal(await page.getByTestId('quick-add').inputValue(), '');

    const task = await taskNamed('Pay rent');
    assert.equal(task.priority, 'high');
    assert.deepEqual(task.tags, ['home']);
    assert.equal(task.dueDate, await localInstant(1, 9), `due tomorrow 09:00 ${TIME_ZONE}`);
  });

  it('quick add: a chip removed with the keyboard keeps its words in the title', async () => {
    await page.getByTestId('quick-add').focus();
    await page.keyboard.type('Call mum friday #family');
    await expectCount(page.getByTestId('quick-add-chip'), 2);
    // Tab past the Add button to the first chip's remove button.
    for (let i = 0; i < 4 && !(await focusedLabel()).startsWith('Remove Due'); i++) await page.keyboard.press('Tab');
    assert.match(await focusedLabel(), /^Remove Due/);
    await page.keyboard.press('Enter');
    await expectCount(page.getByTestId('quick-add-chip'), 1);
    // Focus went back to the field: Enter creates it.
    await page.keyboard.press('Enter');
    await row('Call mum friday').waitFor();
    const task = await taskNamed('Call mum friday');
    assert.equal(task.dueDate, null);
    assert.deepEqual(task.tags, ['family']);
    assert.equal(task.priority, 'medium');
  });

  it('checks a task off in place at once, and Undo puts it back', async () => {
    await check('Pay rent').click();
    assert.equal(await check('Pay rent').isChecked(), true);
    const snack = page.locator('mat-snack-bar-container');
    await expectText(snack, 'Completed “Pay rent”.');
    await checkA11y(page, 'undo-snackbar');
    await screenshot(page, 'f03-checked-undo');
    await expectText(page.locator('mat-snack-bar-container'), 'Undo');
    await until(async () => (await taskNamed('Pay rent')).status === 'completed', 'the API has the task completed');
    await snack.getByRole('button', { name: 'Undo' }).click();
    await until(async () => (await taskNamed('Pay rent')).status === 'todo', 'Undo reopened it on the API');
    assert.equal(await check('Pay rent').isChecked(), false);
  });

  it('a check-off on a version changed elsewhere rolls back and says why', async () => {
    const task = await taskNamed('Pay rent');
    // Someone else renames it: the row's version is now stale (If-Match → 412).
    assert.equal(
      (await api(app.baseUrl, `/tasks/${task.id}`, { method: 'PATCH', token: user.accessToken, body: { title: 'Pay the rent' } })).status,
      200,
    );
    await check('Pay rent').click();
    await expectText(page.getByTestId('action-error'), 'was changed elsewhere');
    // Rolled back, then refreshed to the stored version.
    await row('Pay the rent').waitFor();
    assert.equal(await check('Pay the rent').isChecked(), false);
    assert.equal((await taskNamed('Pay the rent')).status, 'todo');
    await checkPage(page, 'f04-rollback');
    await check('Pay the rent').click();
    await until(async () => (await taskNamed('Pay the rent')).status === 'completed', 'the retry completed it');
  });

  it('keyboard shortcuts: ? lists them; j/k move, x completes, e edits, / searches; none fire while typing', async () => {
    for (const title of ['Alpha', 'Bravo', 'Charlie']) await seedTasks(app.baseUrl, user, [{ title }]);
    await page.reload();
    await row('Alpha').waitFor();
    await page.locator('h1').click();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    await expectText(dialog.getByTestId('shortcut-list'), 'Complete or reopen the selected task');
    await checkA11y(page, 'shortcuts-dialog');
    await screenshot(page, 'f05-shortcuts-dialog');
    await page.keyboard.press('Escape');
    await expectCount(page.getByRole('dialog'), 0);

    const [first, second] = await rows().getByTestId('task-title').allInnerTexts();
    await page.keyboard.press('j');
    assert.equal(await focusedLabel(), first);
    await page.keyboard.press('j');
    assert.equal(await focusedLabel(), second);
    await page.keyboard.press('k');
    assert.equal(await focusedLabel(), first);
    await page.keyboard.press('x');
    await until(async () => (await taskNamed(first)).status === 'completed', `x completed ${first}`);
    // The list re-renders when the answer lands: wait for the box to show it rather than read it once.
    await until(async () => check(first).isChecked(), `the box of ${first} shows it completed`);
    await page.keyboard.press('x');
    await until(async () => (await taskNamed(first)).status === 'todo', `x again reopened ${first}`);

    // While typing in a field the same keys are text.
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'search');
    await page.keyboard.type('jxk');
    assert.equal(await page.getByTestId('search').inputValue(), 'jxk');
    assert.equal((await taskNamed(first)).status, 'todo', 'x typed in the search box changed nothing');
    await page.getByTestId('search').fill('');
    await expectCount(page.getByTestId('empty-state'), 0);

    await page.locator('h1').click();
    await page.keyboard.press('j');
    const selected = await focusedLabel();
    await page.keyboard.press('e');
    await page.waitForURL('**/edit');
    assert.equal(await page.getByLabel('Title').inputValue(), selected);
    await page.keyboard.press('n'); // typed into the title field? No: focus is on <main>, so n is a shortcut
    await page.waitForURL(/\/tasks$/);
    await until(
      () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'quick-add'),
      'n from another page opens quick add',
    );
  });

  it('board: drag and drop moves a card with its If-Match, and it is announced', async () => {
    await page.getByRole('link', { name: 'Board', exact: true }).click();
    await page.waitForURL('**/tasks/board');
    const column = (status) => page.locator(`[data-testid="board-column"][data-status="${status}"]`);
    const card = (title) => page.getByTestId('board-card').filter({ has: page.getByRole('link', { name: title, exact: true }) });
    await expectCount(column('todo').getByTestId('board-card'), 4);
    await expectCount(column('completed').getByTestId('board-card'), 1);
    await checkPage(page, 'f06-board');

    const from = await card('Alpha').locator('.meta').boundingBox();
    const to = await column('in_progress').boundingBox();
    await page.mouse.move(from.x + 20, from.y + 5);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + 20, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 20 });
    await page.mouse.up();
    await column('in_progress').getByRole('link', { name: 'Alpha', exact: true }).waitFor();
    await until(async () => (await taskNamed('Alpha')).status === 'in_progress', 'the drop saved the new status');
    await expectText(page.locator('.cdk-live-announcer-element'), 'Moved “Alpha” to In progress.');
  });

  it('board, keyboard only: move buttons, focus stays on the card, conflicts put the card back and say why', async () => {
    const column = (status) => page.locator(`[data-testid="board-column"][data-status="${status}"]`);
    const card = (title) => page.getByTestId('board-card').filter({ has: page.getByRole('link', { name: title, exact: true }) });
    await page.getByRole('button', { name: 'Move Bravo to In progress' }).focus();
    await page.keyboard.press('Enter');
    await column('in_progress').getByRole('link', { name: 'Bravo', exact: true }).waitFor();
    await expectText(page.locator('.cdk-live-announcer-element'), 'Moved “Bravo” to In progress.');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'board-card');
    // Keep going from the card with Tab: its "→ Completed" button.
    await page.getByRole('button', { name: 'Move Bravo to Completed' }).focus();
    await page.keyboard.press('Enter');
    await column('completed').getByRole('link', { name: 'Bravo', exact: true }).waitFor();
    await until(async () => (await taskNamed('Bravo')).status === 'completed', 'Bravo completed through the board');

    // Stale version: changed elsewhere after the board loaded → 412, the card goes back.
    const charlie = await taskNamed('Charlie');
    await api(app.baseUrl, `/tasks/${charlie.id}`, { method: 'PATCH', token: user.accessToken, body: { priority: 'urgent' } });
    await page.getByRole('button', { name: 'Move Charlie to In progress' }).click();
    await expectText(page.getByTestId('board-error'), 'Could not move “Charlie” to In progress');
    await expectText(page.getByTestId('board-error'), 'back in To do');
    await column('todo').getByRole('link', { name: 'Charlie', exact: true }).waitFor();
    await expectText(page.locator('.cdk-live-announcer-element'), 'Could not move “Charlie”');
    assert.equal((await taskNamed('Charlie')).status, 'todo');
    await checkPage(page, 'f07-board-conflict');

    // A move the task's state does not allow (cancelled → completed): the API's 409 reason.
    const alpha = await taskNamed('Alpha');
    await api(app.baseUrl, `/tasks/${alpha.id}`, { method: 'PATCH', token: user.accessToken, body: { status: 'cancelled' } });
    await page.getByRole('button', { name: 'Reload board' }).click();
    await column('cancelled').getByRole('link', { name: 'Alpha', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Move Alpha to Completed' }).click();
    await expectText(page.getByTestId('board-error'), 'Could not move “Alpha” to Completed');
    await column('cancelled').getByRole('link', { name: 'Alpha', exact: true }).waitFor();
    assert.equal((await taskNamed('Alpha')).status, 'cancelled');
    void card;
  });

  it('calendar: a month of due tasks; choosing a day adds a task due that day', async () => {
    await page.getByRole('link', { name: 'Calendar', exact: true }).click();
    await page.waitForURL('**/tasks/calendar');
    const todayKey = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    const tomorrowKey = await page.evaluate(() => {
      const d = new Date();
      d.setDate(d.getDate() + 1);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    // "Pay the rent" is due tomorrow 09:00.
    if (tomorrowKey.slice(0, 7) !== todayKey.slice(0, 7)) await page.getByRole('button', { name: 'Next month' }).click();
    const tomorrow = page.locator(`[data-day="${tomorrowKey}"]`);
    await until(async () => /1 task/.test((await tomorrow.getAttribute('aria-label')) ?? ''), 'tomorrow shows its task');
    await tomorrow.click();
    await expectText(page.getByTestId('calendar-day-panel'), 'Pay the rent');
    // Choosing the day put the cursor in its quick add: type and press Enter.
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'quick-add');
    await page.keyboard.type('Dentist 3pm');
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('calendar-day-panel'), 'Dentist');
    const dentist = await taskNamed('Dentist');
    assert.equal(dentist.dueDate, await localInstant(1, 15), 'due on the chosen day at 15:00 local');
    await until(async () => /2 tasks/.test((await tomorrow.getAttribute('aria-label')) ?? ''), 'the grid counts it');

    await page.keyboard.type('Water plants');
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('calendar-day-panel'), 'Water plants');
    assert.equal((await taskNamed('Water plants')).dueDate, await localInstant(1, 9), 'a day without a time is due at 09:00');
    await checkPage(page, 'f08-calendar');
  });

  it('dashboard: the activity chart (lazy) with a table alternative, and the streak', async () => {
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await expectText(page.getByTestId('stat-total'), /\d/);
    // Tasks were completed today above: a streak of at least one day.
    await expectText(page.getByTestId('stat-streak'), /^[1-9]\d* days?$/);
    const svg = page.getByTestId('timeline-svg');
    await svg.waitFor();
    assert.equal(await svg.getAttribute('role'), 'img');
    assert.match((await svg.getAttribute('aria-label')) ?? '', /over the last 30 days: \d+ created and [1-9]\d* completed/);
    await page.getByText('Show as a table').click();
    await expectCount(page.getByTestId('timeline-table').locator('tbody tr'), 30);
    await checkPage(page, 'f09-dashboard');
  });

  it('the search field takes a filter expression: applied on Enter, a refused one marked at its position', async () => {
    await seedTasks(app.baseUrl, user, [
      { title: 'Expr one', priority: 'high', tags: ['work'] },
      { title: 'Expr two', priority: 'low', tags: ['work'] },
      { title: 'Expr three', priority: 'urgent' },
    ]);
    await page.goto('/tasks');
    await row('Expr three').waitFor();
    const search = page.getByTestId('search');
    const mode = page.getByTestId('filter-mode');
    await mode.click();
    // The next render shows it (read once right after the click, it flaked on a loaded machine).
    await until(async () => (await mode.getAttribute('aria-pressed')) === 'true', 'the expression mode is on');
    await search.fill('title ~ "EXPR" and (priority >= high and tag = work or title ~ three)');
    await search.press('Enter');
    await until(async () => (await rows().count()) === 2, 'the expression leaves Expr one and Expr three');
    assert.deepEqual((await rows().getByTestId('task-title').allInnerTexts()).sort(), ['Expr one', 'Expr three']);

    await search.fill('title ~ expr1 and status < todo');
    await search.press('Enter');
    const error = page.getByTestId('filter-error');
    await expectText(error, 'Character 26: "<" does not fit status');
    assert.equal(await page.getByTestId('filter-error-marker').textContent(), `${' '.repeat(25)}^`);
    assert.equal(await search.getAttribute('aria-invalid'), 'true');
    assert.equal(await search.getAttribute('aria-describedby'), 'task-search-error');
    await expectCount(rows(), 0);
    await checkA11y(page, 'filter-expression-error');
    await screenshot(page, 'f09b-filter-expression-error');

    // Back to plain search: the same field searches words again, and the error is gone.
    await mode.click();
    await search.fill('');
    await expectCount(page.getByTestId('filter-error'), 0);
    await row('Expr two').waitFor();
    assert.equal(await search.getAttribute('aria-invalid'), null);
  });

  it('recurring: the repeat picker shows the next dates before saving, in the browser’s zone; the row says it repeats; completing creates the next at 09:00 across DST', async () => {
    await page.goto('/tasks/new');
    await page.getByTestId('title').fill('Water the plants');
    await page.getByTestId('due-date').fill('2026-03-06T09:00'); // Friday 09:00 New York (EST)
    await page.getByTestId('repeat-kind').selectOption('weekdays');
    assert.equal(await page.getByTestId('repeat-zone').inputValue(), TIME_ZONE, 'the zone defaults to the browser’s');
    const dates = page.getByTestId('repeat-date');
    await expectCount(dates, 5);
    await expectText(dates.nth(0), /Fri, 6 Mar 2026,? 09:00/);
    await expectText(dates.nth(1), /Mon, 9 Mar 2026,? 09:00/); // the clocks sprang forward on the 8th
    await checkA11y(page, 'repeat-picker');
    await screenshot(page, 'f-repeat-picker');
    await page.getByTestId('save').click();
    await row('Water the plants').waitFor();
    await expectText(row('Water the plants').getByTestId('task-repeat'), 'Repeats on weekdays');

    const task = await taskNamed('Water the plants');
    assert.deepEqual(task.recurrence, { rule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', timeZone: TIME_ZONE, seriesId: task.id });
    await check('Water the plants').click();
    await until(async () => (await tasksOf()).filter((t) => t.title === 'Water the plants').length === 2, 'the next occurrence');
    const next = (await tasksOf()).find((t) => t.title === 'Water the plants' && t.status === 'todo');
    assert.equal(next.dueDate, '2026-03-09T13:00:00.000Z', 'Monday 09:00 New York (EDT)');

    // The edit page shows the stored rule as the choice it is.
    await page.goto(`/tasks/${next.id}/edit`);
    assert.equal(await page.getByTestId('repeat-kind').inputValue(), 'weekdays');
    await expectCount(page.getByTestId('repeat-date'), 5);

    // Deleting it offers to end the series; then no next one comes.
    await page.goto('/tasks');
    await page.getByRole('button', { name: 'Delete Water the plants' }).first().click();
    await page.getByRole('dialog').waitFor();
    await checkA11y(page, 'delete-series dialog');
    await page.getByRole('button', { name: 'End the series' }).click();
    await until(async () => !(await tasksOf()).some((t) => t.title === 'Water the plants' && t.status === 'todo'), 'the series ended');
  });

  it('shows an offline banner when the API cannot be reached, and recovers with Retry', async () => {
    await page.goto('/tasks');
    await row('Alpha').waitFor();
    await page.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
    await page.getByTestId('search').fill('nothing-reaches-the-server');
    await page.getByTestId('offline-banner').waitFor({ timeout: 15_000 });
    await expectText(page.getByTestId('load-error'), 'Cannot reach the server');
    await checkPage(page, 'f10-offline');
    await page.unroute('**/api/v1/**');
    await page.getByTestId('search').fill('');
    await page.getByTestId('offline-banner').getByRole('button', { name: 'Retry' }).click();
    await expectCount(page.getByTestId('offline-banner'), 0);
    await row('Alpha').waitFor();

    // The browser's own offline flag shows it too.
    await context.setOffline(true);
    await page.getByTestId('offline-banner').waitFor();
    await context.setOffline(false);
    await expectCount(page.getByTestId('offline-banner'), 0);
  });

  it('light theme screenshots of list, board, calendar and dashboard', async () => {
    for (const [name, path] of VIEWS) {
      await page.goto(path);
      await settle(page, name);
      await screenshot(page, `theme-light-${name}`);
    }
  });

  it('dark theme: the toggle is remembered, and every page and dialog passes axe', async () => {
    await page.goto('/tasks');
    await row('Alpha').waitFor();
    await page.getByRole('button', { name: 'Use dark theme' }).click();
    assert.equal(await page.evaluate(() => document.documentElement.dataset['theme']), 'dark');
    await page.reload();
    await row('Alpha').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dataset['theme']), 'dark', 'remembered across reloads');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.ok(luminance(background) < 0.1, `dark background, got ${background}`);
    await page.getByRole('button', { name: 'Use light theme' }).waitFor();

    for (const [name, path] of VIEWS) {
      await page.goto(path);
      await settle(page, name);
      await checkA11y(page, `dark ${name}`);
      await screenshot(page, `theme-dark-${name}`);
    }
    // Dialogs and the quick-add chips in the dark theme too.
    await page.goto('/tasks');
    await row('Alpha').waitFor();
    await page.getByTestId('quick-add').fill('Dark mode check tomorrow !urgent #ui');
    await expectCount(page.getByTestId('quick-add-chip'), 3);
    await checkA11y(page, 'dark quick-add');
    await page.getByTestId('quick-add').fill('');
    await page.getByRole('button', { name: 'Delete Alpha' }).click();
    await page.getByRole('dialog').waitFor();
    await checkA11y(page, 'dark delete dialog');
    await screenshot(page, 'theme-dark-delete-dialog');
    await page.keyboard.press('Escape');
    await expectCount(page.getByRole('dialog'), 0);
    await page.locator('h1').click();
    await page.keyboard.press('?');
    await page.getByRole('dialog').waitFor();
    await checkA11y(page, 'dark shortcuts dialog');
    await page.keyboard.press('Escape');
    await page.getByTestId('notification-bell').click();
    await page.getByRole('menu').waitFor();
    await checkA11y(page, 'dark notifications menu');
    await page.keyboard.press('Escape');
    await row('Alpha').getByRole('link').click();
    await page.getByLabel('Title').waitFor();
    await checkPage(page, 'theme-dark-edit');
    await page.goBack();
    await row('Alpha').waitFor();
    await page.getByRole('button', { name: 'Use light theme' }).click();
    assert.equal(await page.evaluate(() => localStorage.getItem('primetrade.theme')), 'light');
  });

  it('follows the system setting when the user has not chosen', async () => {
    const dark = await signedInContext(browser, app.baseUrl, user, { colorScheme: 'dark' });
    try {
      const p = await dark.newPage();
      await p.goto('/login');
      await p.goto('/tasks');
      await p.getByTestId('task-row').first().waitFor();
      assert.equal(await p.evaluate(() => document.documentElement.hasAttribute('data-theme')), false);
      assert.ok(luminance(await p.evaluate(() => getComputedStyle(document.body).backgroundColor)) < 0.1, 'dark by the system');
      await p.getByRole('button', { name: 'Use light theme' }).waitFor();
      await checkA11y(p, 'system dark list');
    } finally {
      await dark.close();
    }
  });

  it('account: a banner until the address is confirmed, this device among the sessions, sign out elsewhere, change password', async () => {
    await page.goto('/tasks');
    await page.getByTestId('confirm-banner').waitFor();
    await page.getByTestId('confirm-resend').click();
    await expectText(page.getByTestId('confirm-resent'), /on its way/);

    // A link that is not (or no longer) valid says so and points to a new one.
    await page.goto('/confirm-email?token=not-a-real-token');
    await expectText(page.getByTestId('confirm-error'), /invalid, used already or expired/);

    // Signed in somewhere else too (through the API): two sessions at least, this one marked.
    await api(app.baseUrl, '/auth/login', { method: 'POST', body: { email: user.email, password: user.password } });
    await page.goto('/tasks');
    await page.getByTestId('nav-account').click();
    await expectText(page.getByTestId('account-email'), new RegExp(user.email.replace(/[.+]/g, '\\$&')));
    await page.getByTestId('session-current').waitFor();
    await until(async () => (await page.getByTestId('session').count()) >= 2, 'two sessions listed');
    await checkA11y(page, 'account');
    await page.getByTestId('revoke-others').click();
    await expectCount(page.getByTestId('session'), 1);
    await page.getByTestId('session-current').waitFor();

    await page.getByLabel('Current password').last().fill(user.password);
    await page.getByLabel('New password').fill('a brand new browser password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expectText(page.getByTestId('password-notice'), /Your password is changed/);
    user.password = 'a brand new browser password';
    const login = await api(app.baseUrl, '/auth/login', { method: 'POST', body: { email: user.email, password: user.password } });
    assert.equal(login.status, 200);
  });

  it('settings: a webhook endpoint (secret shown once), its signed deliveries and a ping; the calendar feed address shown once and revoked', async () => {
    // A receiver on 127.0.0.1 only (the app under test allows private networks, as tests do).
    const received = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
    const hookUrl = `http://127.0.0.1:${receiver.address().port}/hook`;
    try {
      await page.goto('/tasks');
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('add-webhook').waitFor();
      await checkA11y(page, 'settings webhooks');
      await page.getByTestId('webhook-url').fill(hookUrl);
      await page.getByTestId('event-task.completed').click();
      await page.getByTestId('add-webhook').click();
      const secret = (await page.getByTestId('shown-once-value').textContent()).trim();
      assert.match(secret, /^whsec_[A-Za-z0-9+/]+=*$/);
      await checkA11y(page, 'settings webhook secret');
      await page.getByTestId('copy-value').click();
      await page.getByRole('button', { name: 'Done' }).click();
      await expectCount(page.getByTestId('shown-once-value'), 0);
      await expectText(page.getByTestId('webhook-url-text'), hookUrl);
      // The secret is not shown again, on the page or in the API's list.
      await page.reload();
      await expectText(page.getByTestId('webhook-url-text'), hookUrl);
      assert.ok(!(await page.content()).includes(secret.slice(6, 30)));

      await api(app.baseUrl, '/tasks', { method: 'POST', token: user.accessToken, body: { title: 'Heard by the webhook' } });
      await until(() => received.some((r) => JSON.parse(r.body).type === 'task.created'), 'the task.created delivery');
      const delivery = received.find((r) => JSON.parse(r.body).type === 'task.created');
      assert.ok(verifyStandardWebhook(secret, delivery), 'signature verifies with the Standard Webhooks library');
      await page.getByTestId('webhook-ping').click();
      await until(() => received.some((r) => JSON.parse(r.body).type === 'ping'), 'the ping');
      await page.getByTestId('deliveries-refresh').click();
      await until(
        async () => (await page.getByTestId('delivery-status').allTextContents()).filter((s) => s === 'delivered').length >= 2,
        'two delivered',
      );
      await checkA11y(page, 'settings webhook deliveries');
      await page.getByTestId('webhook-enabled').click();
      await until(
        async () => (await api(app.baseUrl, '/webhooks', { token: user.accessToken })).body.items[0]?.enabled === false,
        'disabled',
      );
      await page.getByTestId('webhook-delete').click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await page.getByTestId('webhooks-empty').waitFor();

      await page.getByTestId('settings-tab-calendar').click();
      await page.getByTestId('feed-issue').click();
      const feedUrl = (await page.getByTestId('shown-once-value').textContent()).trim();
      assert.match(feedUrl, /\/api\/v1\/calendar\/[A-Za-z0-9_-]+\.ics$/);
      await checkA11y(page, 'settings calendar feed');
      const feed = await fetch(feedUrl);
      assert.equal(feed.status, 200);
      assert.match(await feed.text(), /BEGIN:VCALENDAR/);
      await page.getByTestId('feed-revoke').click();
      await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
      await expectText(page.getByTestId('feed-notice'), /revoked/);
      assert.equal((await fetch(feedUrl)).status, 404);
    } finally {
      receiver.closeAllConnections();
      await new Promise((r) => receiver.close(r));
    }
  });

  it('preferences: the browser’s zone proposed, a zone searched and chosen, lead, channels and digest saved; the list’s due labels in that zone', async () => {
    const prefsUser = await newUser(app.baseUrl, 'Zone Tester');
    const ctx = await signedInContext(browser, app.baseUrl, prefsUser, { timezoneId: TIME_ZONE, colorScheme: 'light' });
    const p = await ctx.newPage();
    p.setDefaultTimeout(10_000);
    p.on('pageerror', (error) => pageProblems.push(`uncaught: ${error.message}`));
    const prefsOf = async () => (await api(app.baseUrl, '/users/me/preferences', { token: prefsUser.accessToken })).body;
    try {
      // 09:00 in Kolkata two days from now: 22:30 or 23:30 the evening before in New York.
      const inTwoDays = new Date(Date.now() + 48 * 3_600_000);
      const kolkataDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(inTwoDays).split('-').map(Number);
      const dueAt = new Date(Date.UTC(kolkataDay[0], kolkataDay[1] - 1, kolkataDay[2], 3, 30));
      await seedTasks(app.baseUrl, prefsUser, [{ title: 'Call Mumbai office', dueDate: dueAt.toISOString() }]);

      await p.goto('/tasks');
      await p.getByTestId('nav-settings').click();
      await p.getByTestId('settings-tab-preferences').click();
      const zone = p.getByTestId('prefs-zone');
      await zone.waitFor();
      assert.equal(await zone.inputValue(), TIME_ZONE, 'nothing saved yet: the browser’s zone is proposed');
      await checkA11y(p, 'settings preferences');

      await zone.fill('kolk');
      await p.getByRole('option', { name: 'Asia/Kolkata', exact: true }).click();
      assert.equal(await zone.inputValue(), 'Asia/Kolkata');
      await p.getByTestId('prefs-lead').click();
      await p.getByRole('option', { name: '1 hour before', exact: true }).click();
      await p.getByTestId('prefs-email').getByRole('switch').click();
      await p.getByTestId('prefs-digest').getByRole('switch').click();
      await p.getByTestId('prefs-hour').click();
      await checkA11y(p, 'settings preferences hour list');
      await p.getByRole('option', { name: '08:00', exact: true }).click();
      await p.getByTestId('prefs-save').click();
      await expectText(p.getByTestId('prefs-notice'), /Saved/);
      assert.deepEqual(
        { ...(await prefsOf()), updatedAt: undefined },
        {
          timeZone: 'Asia/Kolkata',
          dueSoonLead: '1h',
          channels: { inApp: true, email: false },
          digest: { enabled: true, hour: 8 },
          updatedAt: undefined,
        },
      );

      // An unknown zone: the API's 400 shown beside the field, nothing saved.
      await zone.fill('Mars/Olympus');
      await p.keyboard.press('Escape');
      await p.getByTestId('prefs-save').click();
      await expectText(p.getByTestId('prefs-zone-error'), /IANA time zone/);
      assert.equal((await prefsOf()).timeZone, 'Asia/Kolkata');

      // A new session of the app reads the preference: the due label is 09:00 Kolkata time.
      await p.goto('/tasks');
      const label = p.getByTestId('task-row').filter({ hasText: 'Call Mumbai office' }).getByTestId('task-due');
      await expectText(label, /9:00\sAM/);
      await screenshot(p, 'f11b-preferences-list');
    } finally {
      await ctx.close();
    }
  });

  it('bulk: selects tasks apart from completing them, acts on them in one call and shows what failed; export and import', async () => {
    const bulkUser = await newUser(app.baseUrl, 'Bulk Tester');
    const made = await seedTasks(
      app.baseUrl,
      bulkUser,
      ['Bulk one', 'Bulk two', 'Bulk three', 'Bulk four'].map((title) => ({ title, tags: ['seed'] })),
    );
    const four = made.find((t) => t.title === 'Bulk four');
    // A cancelled task cannot be completed: that item of the batch fails (409) while the others pass.
    await api(app.baseUrl, `/tasks/${four.id}`, { method: 'PATCH', token: bulkUser.accessToken, body: { status: 'cancelled' } });
    const tasksOfBulk = async () => (await api(app.baseUrl, '/tasks?limit=100', { token: bulkUser.accessToken })).body.items;
    const named = async (title) => (await tasksOfBulk()).find((t) => t.title === title);
    const ctx = await signedInContext(browser, app.baseUrl, bulkUser, { timezoneId: TIME_ZONE, colorScheme: 'light' });
    const p = await ctx.newPage();
    p.setDefaultTimeout(10_000);
    p.on('pageerror', (error) => pageProblems.push(`uncaught: ${error.message}`));
    const rowOf = (title) => p.getByTestId('task-row').filter({ has: p.getByRole('link', { name: `Edit ${title}`, exact: true }) });
    try {
      await p.goto('/tasks');
      await rowOf('Bulk one').waitFor();

      // Select all on the page: the completion checkboxes stay as they were.
      await p.getByRole('checkbox', { name: 'Select all 4 shown' }).check();
      await expectText(p.getByTestId('bulk-count'), '4 selected');
      assert.equal(await p.getByRole('checkbox', { name: 'Bulk one', exact: true }).isChecked(), false);
      await checkA11y(p, 'bulk toolbar');
      await screenshot(p, 'f12-bulk-selected');
      await p.getByTestId('bulk-complete').click();
      await expectText(p.getByTestId('bulk-summary'), 'Completed 3 tasks. 1 task not changed (still selected).');
      await expectText(p.getByTestId('bulk-failures'), '“Bulk four”');
      await checkA11y(p, 'bulk failures');
      assert.deepEqual((await tasksOfBulk()).map((t) => t.status).sort(), ['cancelled', 'completed', 'completed', 'completed']);
      assert.equal(await p.getByRole('checkbox', { name: 'Bulk one', exact: true }).isChecked(), true);
      assert.equal(await p.getByRole('checkbox', { name: 'Select Bulk four' }).isChecked(), true);

      // Two chosen by hand: a priority, then a tag, one call each.
      await p.getByTestId('bulk-clear').click();
      await p.getByRole('checkbox', { name: 'Select Bulk one' }).check();
      await p.getByRole('checkbox', { name: 'Select Bulk two' }).check();
      await expectText(p.getByTestId('bulk-count'), '2 selected');
      await p.getByLabel('Priority', { exact: true }).selectOption('urgent');
      await p.getByTestId('bulk-priority').click();
      await expectText(p.getByTestId('bulk-summary'), 'Changed the priority of 2 tasks.');
      await p.getByRole('checkbox', { name: 'Select Bulk one' }).check();
      await p.getByRole('checkbox', { name: 'Select Bulk two' }).check();
      await p.getByLabel('Tag', { exact: true }).fill('#q4');
      await p.getByTestId('bulk-tag').click();
      await expectText(p.getByTestId('bulk-summary'), 'Tagged 2 tasks.');
      for (const title of ['Bulk one', 'Bulk two']) {
        const t = await named(title);
        assert.equal(t.priority, 'urgent');
        assert.deepEqual(t.tags, ['seed', 'q4']);
      }
      assert.equal((await named('Bulk three')).priority, 'medium');

      // Delete asks first.
      await p.getByRole('checkbox', { name: 'Select Bulk three' }).check();
      await p.getByTestId('bulk-delete').click();
      await p.getByRole('dialog').waitFor();
      await expectText(p.getByRole('dialog'), 'Delete 1 task?');
      await checkA11y(p, 'bulk delete dialog');
      await p.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await expectCount(p.getByRole('dialog'), 0); // the list is hidden from the accessibility tree while it is open
      await expectText(p.getByTestId('bulk-summary'), 'Deleted 1 task.');
      await expectCount(rowOf('Bulk three'), 0);
      assert.equal(await named('Bulk three'), undefined);

      // Export downloads a file of the list's tasks.
      const [csv] = await Promise.all([p.waitForEvent('download'), p.getByTestId('export-csv').click()]);
      assert.equal(csv.suggestedFilename(), 'tasks.csv');
      const csvText = await readDownload(csv);
      assert.match(csvText.split('\n')[0], /title/);
      for (const title of ['Bulk one', 'Bulk two', 'Bulk four']) assert.ok(csvText.includes(title), `${title} in the CSV`);
      const [json] = await Promise.all([p.waitForEvent('download'), p.getByTestId('export-json').click()]);
      assert.equal(JSON.parse(await readDownload(json)).length, 3);

      // Import: the file is checked first, the per-row report shown, then imported on request.
      await p.getByTestId('import-file').setInputFiles({
        name: 'more.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('title,priority,dueDate\nImported A,high,\nImported B,low,2030-01-02T09:00:00Z\nBroken,low,not a date\n'),
      });
      await expectText(p.getByTestId('import-summary'), '2 rows can be imported. 1 row cannot');
      await expectText(p.getByTestId('import-problems'), 'dueDate');
      assert.equal(await named('Imported A'), undefined, 'the check imports nothing');
      await checkA11y(p, 'import report');
      await screenshot(p, 'f13-import-report');
      await p.getByTestId('import-confirm').click();
      await expectText(p.getByTestId('import-result'), 'Imported 2 tasks from “more.csv”. 1 row skipped.');
      await rowOf('Imported A').waitFor();
      assert.equal((await named('Imported B')).priority, 'low');
      assert.equal(await named('Broken'), undefined);
    } finally {
      await ctx.close();
    }
  });

  it('account: download your data as one archive, then delete the account and land on the login page', async () => {
    const leaving = await newUser(app.baseUrl, 'Leaving User');
    await seedTasks(app.baseUrl, leaving, [{ title: 'Last task before leaving' }]);
    const own = await signedInContext(browser, app.baseUrl, leaving, { timezoneId: TIME_ZONE });
    const tab = await own.newPage();
    tab.on('pageerror', (error) => pageProblems.push(`uncaught: ${error.message}`));
    try {
      await tab.goto('/account');
      const [download] = await Promise.all([tab.waitForEvent('download'), tab.getByTestId('download-data').click()]);
      assert.match(download.suggestedFilename(), /^primetrade-\d{4}-\d{2}-\d{2}\.zip$/);
      const zip = await readFile(await download.path());
      assert.equal(zip.subarray(0, 2).toString(), 'PK', 'a ZIP archive');
      assert.ok(zip.includes(Buffer.from('tasks.json')), 'with the tasks');

      await tab.getByTestId('delete-password').fill(leaving.password);
      await tab.getByTestId('delete-account').click();
      await tab.getByRole('dialog').waitFor();
      await checkA11y(tab, 'delete account dialog');
      await tab.getByRole('button', { name: 'Delete my account' }).last().click();
      await tab.getByTestId('account-deleted').waitFor();
      assert.match(tab.url(), /\/login\?deleted=1$/);
      const login = await api(app.baseUrl, '/auth/login', { method: 'POST', body: { email: leaving.email, password: leaving.password } });
      assert.equal(login.status, 401);
    } finally {
      await own.close();
    }
  });

  it('raised no uncaught error and no Content-Security-Policy refusal', () => {
    assert.deepEqual(pageProblems, []);
  });

  it('1,000 tasks: the list renders only what is on screen and scrolls without long tasks', async () => {
    const many = await newUser(app.baseUrl, 'Many Tasks');
    const made = await seedTasks(
      app.baseUrl,
      many,
      Array.from({ length: 1000 }, (_, i) => ({
        title: `Task ${String(i + 1).padStart(4, '0')} with a title long enough to be realistic`,
        priority: ['low', 'medium', 'high', 'urgent'][i % 4],
        tags: [`t${i % 7}`, 'bulk'],
        ...(i % 3 === 0 ? { dueDate: new Date(Date.now() + (i - 500) * 3_600_000).toISOString() } : {}),
      })),
    );
    assert.equal(made.length, 1000);
    const ctx = await signedInContext(browser, app.baseUrl, many);
    const p = await ctx.newPage();
    try {
      await p.goto('/tasks');
      await p.getByTestId('task-row').first().waitFor();
      // Scrolling to the end loads the next page each time, 50 at a time, until all are loaded.
      for (let i = 0; i < 60; i++) {
        const text = await p
          .getByTestId('list-count')
          .innerText()
          .catch(() => '');
        if (/^1000 tasks shown\.$/.test(text)) break;
        await p.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await p.waitForTimeout(150);
      }
      await expectText(p.getByTestId('list-count'), /^1000 tasks shown\.$/, 20_000);
      const rendered = await p.getByTestId('task-row').count();
      assert.ok(rendered < 60, `only the rows near the screen are in the DOM (${rendered})`);
      await p.evaluate(() => window.scrollTo(0, 0));
      await p.waitForTimeout(300);

      // Scroll the whole list in a Chromium performance trace, one step per frame.
      await browser.startTracing(p, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
      await p.evaluate(
        () =>
          new Promise((done) => {
            const step = () => {
              const max = document.documentElement.scrollHeight - innerHeight;
              if (scrollY >= max - 1) return done();
              scrollBy(0, 120);
              requestAnimationFrame(step);
            };
            requestAnimationFrame(step);
          }),
      );
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
      const mains = new Set(
        trace.traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
      );
      const tasks = trace.traceEvents.filter(
        (e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && mains.has(`${e.pid}:${e.tid}`),
      );
      // Wall time (dur) and the main thread's own CPU time (tdur). On a shared machine the wall
      // time of a task also counts the moments the OS gave the core to another process; the CPU
      // time is what the page's own work cost, so that is what must stay under 50 ms.
      const wall = tasks.map((e) => e.dur / 1000).sort((a, b) => b - a);
      const cpu = tasks.map((e) => (e.tdur ?? e.dur) / 1000).sort((a, b) => b - a);
      const long = cpu.filter((d) => d > 50);
      const p99 = (xs) => xs[Math.floor(xs.length / 100)]?.toFixed(1);
      const scrolled = await p.evaluate(() => scrollY);
      console.log(
        `# 1000 tasks: ${rendered} rows in the DOM; scrolled ${Math.round(scrolled)} px; ${tasks.length} main-thread tasks; ` +
          `CPU time: longest ${cpu[0]?.toFixed(1)} ms, p99 ${p99(cpu)} ms, ${long.length} over 50 ms; ` +
          `wall time: longest ${wall[0]?.toFixed(1)} ms, p99 ${p99(wall)} ms, ${wall.filter((d) => d > 50).length} over 50 ms`,
      );
      // What the long ones were made of (layout, script, GC...), to say why in the failure.
      const anatomy = tasks
        .filter((t) => (t.tdur ?? t.dur) > 50_000)
        .map((t) => {
          const inner = trace.traceEvents.filter(
            (e) => e.ph === 'X' && e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e !== t,
          );
          const byName = {};
          for (const e of inner) byName[e.name] = (byName[e.name] ?? 0) + e.dur / 1000;
          const top = Object.entries(byName)
            .sort((a, b) => b[1] - a[1])
            .slice(0, 4)
            .map(([n, d]) => `${n} ${d.toFixed(0)} ms`);
          return `${((t.tdur ?? t.dur) / 1000).toFixed(0)} ms CPU (${(t.dur / 1000).toFixed(0)} ms wall): ${top.join(', ')}`;
        });
      if (anatomy.length) console.log(`# long tasks: ${anatomy.join(' | ')}`);
      assert.ok(scrolled > 70_000, 'scrolled through the whole list');
      assert.ok(
        tasks.every((e) => e.tdur !== undefined),
        'the trace has thread (CPU) times',
      );
      assert.deepEqual(long, [], 'no main-thread task over 50 ms of CPU while scrolling');
      await screenshot(p, 'f11-thousand-tasks');
    } finally {
      await ctx.close();
    }
  });
});

const VIEWS = [
  ['list', '/tasks'],
  ['board', '/tasks/board'],
  ['calendar', '/tasks/calendar'],
  ['dashboard', '/dashboard'],
  ['account', '/account'],
  ['webhooks', '/settings/webhooks'],
  ['preferences', '/settings/preferences'],
  ['calendar-feed', '/settings/calendar'],
];

async function settle(page, name) {
  const ready = {
    list: () => page.getByTestId('task-row').first().waitFor(),
    board: () => page.getByTestId('board-card').first().waitFor(),
    calendar: () => page.getByTestId('calendar-grid').waitFor(),
    dashboard: () => page.getByTestId('timeline-svg').waitFor(),
    account: () => page.getByTestId('session').first().waitFor(),
    webhooks: () => page.getByTestId('add-webhook').waitFor(),
    preferences: () => page.getByTestId('prefs-save').waitFor(),
    'calendar-feed': () => page.getByTestId('feed-issue').waitFor(),
  }[name];
  await ready();
  await page.waitForLoadState('networkidle');
}

/** Verified with the Standard Webhooks reference library (not the project's code). */
function verifyStandardWebhook(secret, { headers, body }) {
  const signed = {
    'webhook-id': headers['webhook-id'],
    'webhook-timestamp': headers['webhook-timestamp'],
    'webhook-signature': headers['webhook-signature'],
  };
  return !!new StandardWebhook(secret).verify(body, signed);
}

async function readDownload(download) {
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function until(predicate, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting until ${what}`);
}

/** Relative luminance of an rgb()/rgba() colour. */
function luminance(css) {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const lin = (c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
