// Helpers for the survey's end-to-end tests: the server to test against,
// an admin token for the export API, axe-core, and walking the survey the
// way a patient does (one tap per answer).
import { readFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { startServer, login } from './harness.mjs';

const root = resolve(import.meta.dirname, '..', '..');
export const screenshotDir = join(root, 'docs', 'screenshots');
export const screenshots = process.env.TIYAN_SCREENSHOTS === '1';
const axeSource = readFileSync(join(root, 'tests', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * The server under test, with an admin bearer token. `TIYAN_URL` (set by
 * `cargo xtask`) is used as is, logging in as TIYAN_ADMIN_USERNAME /
 * TIYAN_ADMIN_PASSWORD (default: the `seed-demo` admin). Otherwise a fresh
 * tiyan-server (TIYAN_SERVER_BIN, TIYAN_DIST) on a throwaway SQLite
 * database, with an admin made by `tiyan-server create-admin`.
 */
export async function serverUnderTest() {
  if (process.env.TIYAN_URL) {
    const url = process.env.TIYAN_URL.replace(/\/$/, '');
    const token = await login(
      url,
      process.env.TIYAN_ADMIN_USERNAME ?? 'admin',
      process.env.TIYAN_ADMIN_PASSWORD ?? 'tiyan-demo',
    );
    return { url, token, stop: async () => {} };
  }
  const admin = { username: 'survey-e2e', password: 'survey-e2e-password', role: 'admin' };
  const server = await startServer({ admins: [admin] });
  return { url: server.url, token: await login(server.url, admin.username, admin.password), stop: server.stop };
}

/** Every exported response (JSONL export of the admin API). */
export async function exported(server) {
  const r = await fetch(`${server.url}/api/v1/export?format=jsonl`, {
    headers: { authorization: `Bearer ${server.token}` },
  });
  assert.equal(r.status, 200, 'export answers 200');
  return (await r.text()).split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

/** Run axe-core on the page as it is now; fails listing every violation. */
export async function assertAccessible(page, screen) {
  // page.evaluate is not subject to the page's CSP, so axe needs no
  // inline script allowance (the app runs under its real policy).
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.evaluate(axeSource);
  }
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  });
  assert.deepEqual(violations, [], `axe violations on ${screen}: ${JSON.stringify(violations, null, 1)}`);
}

export async function shoot(page, name) {
  if (!screenshots) return;
  mkdirSync(screenshotDir, { recursive: true });
  // The screen as a patient first sees it: from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(screenshotDir, `survey-${name}.png`) });
}

/** The page's outbox as stored on the device. */
export async function outbox(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('tiyan.outbox.v1') ?? '{"pending":[],"kept_aside":[]}'));
}

export async function waitForOutboxEmpty(page, timeout = 30_000) {
  await page.waitForFunction(() => {
    const o = JSON.parse(localStorage.getItem('tiyan.outbox.v1') ?? '{"pending":[]}');
    return o.pending.length === 0;
  }, null, { timeout, polling: 200 });
}

/** The app's screen heading (`#main`: the loading page in index.html
 * has a `main` of its own until the app replaces it). */
export async function heading(page) {
  return (await page.locator('#main h1').innerText()).trim();
}

/** Open `url` and wait until the app has drawn its first screen. */
export async function open(page, url) {
  await page.goto(url);
  await page.locator('#main h1').waitFor();
}

/**
 * Answer every question on the current step: option `pick(index, values)`
 * returns the value to choose among the radio values of each question.
 */
export async function answerStep(page, pick = (i, values) => values[Math.min(3, values.length - 1)]) {
  const questions = page.locator('main fieldset.question');
  const n = await questions.count();
  for (let i = 0; i < n; i++) {
    const radios = questions.nth(i).locator('input[type=radio]');
    const values = await radios.evaluateAll((els) => els.map((e) => e.value));
    const value = pick(i, values);
    if (value === undefined) continue;
    await questions.nth(i).locator(`input[value="${value}"]`).check();
  }
}

export async function next(page) {
  const before = await page.locator('.progress-text').innerText();
  await page.locator('.step-nav .button-primary').click();
  await page.waitForFunction(
    (b) => document.querySelector('.progress-text')?.textContent !== b,
    before,
  );
}

/** The ids of the responses a page made (from its outbox and export). */
export function ids(responses) {
  return responses.map((r) => r.id);
}
