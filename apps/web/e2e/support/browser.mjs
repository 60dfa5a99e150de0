// Debian's Chromium driven by playwright-core, plus the checks every page gets: axe-core
// (no serious or critical violation) and a full-page screenshot under artifacts/e2e/.
import { AxeBuilder } from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from './app-server.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'artifacts/e2e');

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export const chromiumMissing = () => (existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

/** Runs axe with the WCAG 2.1 A/AA rules and fails on any serious or critical violation. */
export async function checkA11y(page, name) {
  // Measure colours at rest: mid-transition (a dialog's backdrop fading in) they are neither.
  // (Endless ones, such as an indeterminate progress bar, are ignored.)
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
  );
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    const detail = bad
      .map(
        (v) =>
          `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes
            .slice(0, 3)
            .map((n) => `      ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`)
            .join('\n')}`,
      )
      .join('\n');
    throw new Error(`axe found ${bad.length} serious/critical violation(s) on "${name}":\n${detail}`);
  }
  return result.violations.length;
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Both checks, after the page has settled (no progress bar, fonts and layout done). */
export async function checkPage(page, name) {
  await page.waitForLoadState('networkidle');
  await checkA11y(page, name);
  await screenshot(page, name);
}

/** Polls a locator's text until it contains (or equals a RegExp match of) the expectation. */
export async function expectText(locator, expected, timeout = 10_000) {
  const until = Date.now() + timeout;
  let last = '';
  while (Date.now() < until) {
    last =
      ((await locator.count())
        ? await locator
            .first()
            .innerText()
            .catch(() => '')
        : '') ?? '';
    if (expected instanceof RegExp ? expected.test(last) : last.includes(expected)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${locator} to contain ${expected}, last text: ${JSON.stringify(last)}`);
}

/** Polls until the locator matches exactly `count` elements. */
export async function expectCount(locator, count, timeout = 10_000) {
  const until = Date.now() + timeout;
  let last = -1;
  while (Date.now() < until) {
    last = await locator.count();
    if (last === count) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${count} of ${locator}, found ${last}`);
}
