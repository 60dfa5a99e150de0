// Lighthouse (the npm package, pinned at 12.2.3) with its default settings — mobile emulation
// and simulated throttling — on the built app served by the real API, driving Debian's
// Chromium. Pages: the login page, the task list of a user with 200 tasks, the dashboard.
// Each page is measured RUNS times (default 3); the median of each score is printed and
// written with the reports to artifacts/lighthouse/.
//
//   npm run web:lighthouse            (builds web and api first)
//   node apps/web/scripts/lighthouse.mjs [--runs 3] [--min 0.95] [--pages login,list,dashboard]
//
// Exits non-zero when a median is below --min (default: report only, exit 0).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { api, newUser, seedTasks } from '../e2e/support/api.mjs';
import { ROOT, startApp } from '../e2e/support/app-server.mjs';
import { CHROMIUM } from '../e2e/support/browser.mjs';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, min: { type: 'string' }, pages: { type: 'string', default: 'login,list,dashboard' } },
});
const RUNS = Number(values.runs);
const MIN = values.min === undefined ? null : Number(values.min);
const OUT = join(ROOT, 'artifacts/lighthouse');
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'SI'],
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

// The API as `npm start` runs it (NODE_ENV=production), rate limits raised for the seeding only.
const app = await startApp({ production: true });
let chrome;
let browser;
const summary = {
  date: new Date().toISOString(),
  lighthouse: '12.2.3',
  runs: RUNS,
  settings: 'default (mobile, simulated throttling)',
  pages: {},
};
try {
  console.log(`app (real API + built client) at ${app.baseUrl}`);
  const user = await newUser(app.baseUrl, 'Lighthouse Runner');
  await seedTasks(
    app.baseUrl,
    user,
    Array.from({ length: 200 }, (_, i) => ({
      title: `Task ${i + 1}: ${['Pay rent', 'Write report', 'Call the bank', 'Book flights', 'Review pull request'][i % 5]}`,
      priority: ['low', 'medium', 'high', 'urgent'][i % 4],
      tags: [['home', 'work', 'errands'][i % 3]],
      ...(i % 4 === 0 ? { dueDate: new Date(Date.now() + (i - 100) * 3_600_000).toISOString() } : {}),
    })),
  );
  // Some history for the dashboard.
  const { body: page } = await api(app.baseUrl, '/tasks?limit=40', { token: user.accessToken });
  for (const t of page.items.slice(0, 40)) await api(app.baseUrl, `/tasks/${t.id}/complete`, { method: 'PUT', token: user.accessToken });

  chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });

  /** Puts a fresh session (or none) in the profile's localStorage before a run. */
  async function session(signedIn) {
    const tab = await browser.newPage();
    // A cold load every time: no HTTP cache from the previous run (the storage reset that
    // would clear it is off, so the session survives).
    const cdp = await tab.createCDPSession();
    await cdp.send('Network.clearBrowserCache');
    await tab.goto(`${app.baseUrl}/favicon.svg`);
    if (signedIn) {
      const login = await api(app.baseUrl, '/auth/login', { method: 'POST', body: { email: user.email, password: user.password } });
      const value = JSON.stringify({ accessToken: login.body.accessToken, refreshToken: login.body.refreshToken });
      await tab.evaluate((v) => localStorage.setItem('primetrade.session', v), value);
    } else {
      await tab.evaluate(() => localStorage.clear());
    }
    await tab.close();
  }

  const wanted = values.pages.split(',');
  const pages = [
    ['login', 'login', '/login', false],
    ['list', 'task list (200 tasks)', '/tasks', true],
    ['dashboard', 'dashboard', '/dashboard', true],
  ]
    .filter(([key]) => wanted.includes(key))
    .map(([, ...page]) => page);
  mkdirSync(OUT, { recursive: true });
  for (const [name, path, signedIn] of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      let result;
      // A run Lighthouse itself could not record (NO_NAVSTART and the like on a busy machine)
      // is repeated, up to twice; its scores would be meaningless.
      for (let attempt = 1; ; attempt++) {
        await session(signedIn);
        result = await lighthouse(`${app.baseUrl}${path}`, {
          port: chrome.port,
          output: 'html',
          logLevel: 'error',
          onlyCategories: CATEGORIES,
          // The session set above must survive Lighthouse's own storage reset.
          disableStorageReset: true,
        });
        const error = result.lhr.runtimeError;
        if (!error) break;
        if (attempt === 3) throw new Error(`${name}: ${error.code} ${error.message}`);
        console.log(`  ${name} run ${i + 1}: ${error.code}, measuring again`);
      }
      const lhr = result.lhr;
      if (!lhr.finalDisplayedUrl.endsWith(path)) throw new Error(`${name}: ended on ${lhr.finalDisplayedUrl}, not ${path}`);
      const slug = name.split(' ')[0];
      writeFileSync(join(OUT, `${slug}-${i + 1}.html`), result.report);
      writeFileSync(join(OUT, `${slug}-${i + 1}.json`), JSON.stringify(lhr));
      runs.push({
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c].score])),
        metrics: Object.fromEntries(METRICS.map(([id, label]) => [label, lhr.audits[id].numericValue])),
      });
      console.log(
        `  ${name} run ${i + 1}: ` +
          CATEGORIES.map((c) => `${c} ${lhr.categories[c].score.toFixed(2)}`).join(', ') +
          ` | ${METRICS.map(([id, label]) => `${label} ${fmt(label, lhr.audits[id].numericValue)}`).join(' ')}`,
      );
    }
    summary.pages[name] = {
      path,
      median: Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))])),
      medianMetrics: Object.fromEntries(METRICS.map(([, label]) => [label, median(runs.map((r) => r.metrics[label]))])),
      runs,
    };
  }
} finally {
  await browser?.disconnect();
  await chrome?.kill();
  await app.stop();
}

writeFileSync(join(OUT, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log(`\nLighthouse ${summary.lighthouse}, ${summary.settings}, median of ${RUNS}:`);
console.log(`| page | performance | accessibility | best practices | FCP | LCP | TBT | CLS | SI |`);
console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
let failed = false;
for (const [name, p] of Object.entries(summary.pages)) {
  const s = p.median;
  if (MIN !== null && CATEGORIES.some((c) => s[c] < MIN)) failed = true;
  console.log(
    `| ${name} | ${s.performance.toFixed(2)} | ${s.accessibility.toFixed(2)} | ${s['best-practices'].toFixed(2)} | ` +
      METRICS.map(([, label]) => fmt(label, p.medianMetrics[label])).join(' | ') +
      ' |',
  );
}
console.log(`\nreports: ${OUT}`);
if (failed) {
  console.error(`a median score is below ${MIN}`);
  process.exit(1);
}

function fmt(label, value) {
  if (label === 'CLS') return value.toFixed(3);
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}
