// Screenshots of every dashboard view for docs/screenshots/: desktop
// (1366×900) and a phone (390×844). Runs only with TIYAN_SCREENSHOTS=1
// (it writes into the repository).
import { test, before, after } from 'node:test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, launchBrowser } from './harness.mjs';

const enabled = process.env.TIYAN_SCREENSHOTS === '1';
const out = resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');
let server;
let url;
let browser;

before(async () => {
  if (!enabled) return;
  if (process.env.TIYAN_URL) {
    url = process.env.TIYAN_URL.replace(/\/$/, '');
  } else {
    server = await startServer({ seedDemo: true });
    url = server.url;
  }
  browser = await launchBrowser();
  mkdirSync(out, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const views = [
  ['overview', '', '#card-index'],
  ['comparison', 'comparison', '#comparison-table'],
  ['stages', 'stages/outpatient', '.stage-section'],
  ['priorities', 'priorities', '#chart-quadrant'],
  ['groups', 'groups', '#groups-table'],
  ['benchmark', 'benchmark', '#chart-funnel'],
  ['trend', 'trend', '#chart-trend'],
  ['comments', 'comments', '#themes-outpatient'],
];

async function signedInPage(viewport) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  await page.goto(`${url}/admin/`);
  await page.waitForSelector('#username', { timeout: 30_000 });
  await page.fill('#username', 'admin');
  await page.fill('#password', 'tiyan-demo');
  await page.click('#sign-in');
  await page.waitForSelector('#apply', { timeout: 30_000 });
  await page.selectOption('#f-period', '2025');
  await page.selectOption('#f-baseline', '2024');
  await page.selectOption('#f-group', 'hospital');
  await page.click('#apply');
  await page.waitForSelector('#card-index', { timeout: 120_000 });
  return page;
}

async function shoot(page, name, path, selector, prefix, clipHeight) {
  await page.evaluate((p) => {
    history.pushState(null, '', `/admin/${p}`);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.waitForSelector(selector, { timeout: 20_000 });
  await page.waitForTimeout(200);
  const full = await page.evaluate(() => document.documentElement.scrollHeight);
  const width = page.viewportSize().width;
  await page.screenshot({
    path: join(out, `${prefix}-${name}.png`),
    clip: { x: 0, y: 0, width, height: Math.min(full, clipHeight) },
    fullPage: true,
  });
}

test('desktop screenshots of every view', { skip: !enabled, timeout: 600_000 }, async () => {
  const page = await signedInPage({ width: 1366, height: 900 });
  const login = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await login.goto(`${url}/admin/`);
  await login.waitForSelector('#username');
  await login.screenshot({ path: join(out, 'dashboard-login.png') });
  await login.close();
  for (const [name, path, selector] of views) {
    await shoot(page, name, path, selector, 'dashboard', 1800);
  }
  // The quotes behind one theme's count (masked), below its table.
  await shoot(page, 'comments', 'comments', '#themes-outpatient', 'dashboard', 1800);
  await page.click('#theme-waiting button');
  await page.waitForSelector('#comment-list li');
  const top = await page.evaluate(() => document.querySelector('.quotes').getBoundingClientRect().top + window.scrollY);
  await page.screenshot({
    path: join(out, 'dashboard-comments-quotes.png'),
    clip: { x: 0, y: Math.max(0, top - 8), width: page.viewportSize().width, height: 1000 },
    fullPage: true,
  });
  await shoot(page, 'print', 'print', '.print-page', 'dashboard', 2400);
  // The XmR chart of the index, for all groups, with its note.
  await shoot(page, 'trend', 'trend', '#xmr', 'dashboard', 1800);
  await page.locator('#xmr').screenshot({ path: join(out, 'dashboard-xmr.png') });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(out, 'dashboard-print-media.png'), fullPage: false });
  await page.close();
});

test('phone screenshots', { skip: !enabled, timeout: 600_000 }, async () => {
  const page = await signedInPage({ width: 390, height: 844 });
  for (const [name, path, selector] of [...views.slice(0, 4), views[views.length - 1]]) {
    await shoot(page, name, path, selector, 'dashboard-phone', 2400);
  }
  await page.close();
});
