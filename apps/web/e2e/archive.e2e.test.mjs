// The task archive (issue 10) in Debian's Chromium against the real API serving the built
// client: completed tasks the API archived (a 3 s ARCHIVE_AFTER, scans every 2 s) are found
// under the "Archived" filter and restored from their row; axe on the archive's list.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, newUser, seedTasks, signedInContext } from './support/api.mjs';
import { startApp } from './support/app-server.mjs';
import { checkPage, chromiumMissing, expectCount, expectText, launch } from './support/browser.mjs';

const missing = chromiumMissing();
if (missing) console.log(`skipped: ${missing}`);

describe('The task archive in a real browser', { skip: missing ?? false }, () => {
  let app;
  let browser;
  let page;
  let user;
  const pageProblems = [];
  const rows = () => page.getByTestId('task-row');
  const archivedOnServer = async () =>
    (await api(app.baseUrl, '/tasks?archived=true&limit=100', { token: user.accessToken })).body.items.map((t) => t.title);

  before(async () => {
    app = await startApp({ env: { ARCHIVE_AFTER: '3s' } });
    browser = await launch();
    user = await newUser(app.baseUrl, 'Ada Lovelace');
    const context = await signedInContext(browser, app.baseUrl, user, { colorScheme: 'light' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageProblems.push(`uncaught: ${error.message}`));
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows archived tasks under the "Archived" filter and restores one from its row', async () => {
    const [report, receipts] = await seedTasks(app.baseUrl, user, [{ title: 'Old report', tags: ['work'] }, { title: 'Old receipts' }]);
    await seedTasks(app.baseUrl, user, [{ title: 'Still to do' }]);
    for (const task of [report, receipts]) {
      const done = await api(app.baseUrl, `/tasks/${task.id}/complete`, { method: 'PUT', token: user.accessToken });
      assert.equal(done.status, 200);
    }
    // The scan moves them once they have been unchanged for ARCHIVE_AFTER.
    const until = Date.now() + 20_000;
    while ((await archivedOnServer()).length < 2) {
      assert.ok(Date.now() < until, 'the archive run did not move the completed tasks');
      await new Promise((r) => setTimeout(r, 250));
    }

    await page.goto('/tasks');
    await expectCount(rows(), 1);
    await expectText(rows().first().getByTestId('task-title'), 'Still to do');

    await page.getByRole('button', { name: 'Show filters' }).click();
    await page.getByRole('checkbox', { name: 'Archived' }).check();
    await expectCount(rows(), 2);
    await page.getByTestId('archive-note').waitFor();
    // Nothing to edit, select or delete in the archive; each row says what Restore brings back.
    assert.equal(await rows().getByRole('link').count(), 0);
    assert.equal(await page.getByTestId('select-all').count(), 0);
    await page.getByRole('button', { name: 'Restore Old receipts', exact: true }).waitFor();
    await checkPage(page, 'a01-archive');

    await page.getByRole('button', { name: 'Restore Old report', exact: true }).click();
    await expectCount(rows(), 1);
    await expectText(page.getByText('Restored “Old report” to your tasks.'), 'Restored');
    assert.deepEqual(await archivedOnServer(), ['Old receipts']);

    await page.getByRole('checkbox', { name: 'Archived' }).uncheck();
    await expectCount(rows(), 2);
    await page.getByRole('link', { name: 'Edit Old report', exact: true }).waitFor();
    assert.deepEqual(pageProblems, []);
  });
});
