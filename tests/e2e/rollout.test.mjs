// The roll-out kit end to end (docs/formats.md §7), in headless Chromium
// against a real tiyan-server: the registry's names on the survey's
// welcome screen (the poster's survey URL), the staff's roll-out pages
// (registry, posters, kiosks), and a kiosk set up from its setup URL that
// goes offline with answers: the Kiosks view shows `backlog`, and once the
// kiosk is back the answers arrive once and the state returns to `ok`.
// axe-core checks every new screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from './harness.mjs';
import { networkCable } from './network-cable.mjs';
import {
  serverUnderTest, exported, assertAccessible, shoot, answerStep, open, screenshotDir, screenshots,
} from './survey-support.mjs';

const STAFF = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const KIOSK = { width: 1080, height: 1920 };
const HOSPITAL = {
  code: 'H901',
  names: { 'zh-CN': '市第一人民医院', 'zh-Hant': '市第一人民醫院', en: 'First People’s Hospital' },
  level: '三级',
  kind: 'general',
  region: '东区',
  departments: [
    { code: 'cardiology', names: { 'zh-CN': '心内科', 'zh-Hant': '心內科', en: 'Cardiology' }, active: true },
    { code: 'er', names: { 'zh-CN': '急诊科', 'zh-Hant': '急診科', en: 'Emergency' }, active: true },
  ],
};

let server;
let browser;
before(async () => {
  server = await serverUnderTest();
  browser = await launchBrowser();
  const r = await api('PUT', `/hospitals/${HOSPITAL.code}`, HOSPITAL);
  assert.ok(r.status === 200 || r.status === 201, `registering ${HOSPITAL.code}: HTTP ${r.status}`);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

function api(method, path, body) {
  return fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function kioskState(id) {
  const list = await (await api('GET', '/kiosks')).json();
  return list.find((k) => k.id === id);
}

async function newPage(viewport, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

async function staffShot(page, name) {
  if (!screenshots) return;
  mkdirSync(screenshotDir, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(screenshotDir, `rollout-${name}.png`), fullPage: true });
}

/** Signs in on the roll-out pages at `path` (under /admin/rollout/). */
async function staffPage(path = '') {
  const { context, page, errors } = await newPage(STAFF);
  await page.goto(`${server.url}/admin/rollout/${path}`);
  // The account serverUnderTest signs in with.
  const [username, password] = process.env.TIYAN_URL
    ? [process.env.TIYAN_ADMIN_USERNAME ?? 'admin', process.env.TIYAN_ADMIN_PASSWORD ?? 'tiyan-demo']
    : ['survey-e2e', 'survey-e2e-password'];
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#sign-in').click();
  await page.locator('#sign-out').waitFor();
  return { context, page, errors };
}

/** From the visit choice to the thank-you screen, one tap per answer. */
async function answerToTheEnd(page) {
  await page.locator('.visit-button').first().click();
  for (let i = 0; i < 20 && !(await page.locator('.thanks').count()); i++) {
    if (await page.locator('.button-submit').count()) {
      await page.locator('.button-submit').click();
      break;
    }
    await answerStep(page);
    await page.locator('.step-nav .button-primary').click();
  }
  await page.locator('.thanks').waitFor();
}

test('the poster’s survey URL opens the survey with the hospital’s and the department’s names', async () => {
  const { context, page, errors } = await newPage(PHONE);
  // The URL a poster’s QR code holds (docs/formats.md §7).
  await open(page, `${server.url}/s/${HOSPITAL.code}?dept=cardiology&visit=outpatient&channel=phone`);
  await page.getByText('您正在评价：市第一人民医院 · 心内科').waitFor();
  await assertAccessible(page, 'welcome with names');
  await shoot(page, 'welcome-names');
  // Kept on the device: reloaded offline (the service worker serves the
  // page), the names are still there.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await page.locator('#main h1').waitFor();
  await page.getByText('您正在评价：市第一人民医院 · 心内科').waitFor();
  await context.setOffline(false);
  // An unregistered department shows its code.
  await open(page, `${server.url}/s/${HOSPITAL.code}?dept=ward-99&visit=outpatient&channel=phone&lang=en`);
  await page.getByText('You are rating: First People’s Hospital · ward-99').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a kiosk without a hospital tells staff how to set it up', async () => {
  const { context, page } = await newPage(KIOSK);
  await open(page, `${server.url}/?kiosk=1`);
  await page.getByRole('heading', { name: '这台自助机尚未设置' }).waitFor();
  await assertAccessible(page, 'kiosk without a hospital');
  await context.close();
});

test('a kiosk holding refused answers tells staff what to do', async () => {
  const { context, page } = await newPage(KIOSK);
  await open(page, `${server.url}/s/${HOSPITAL.code}?kiosk=1`);
  const refused = {
    id: crypto.randomUUID(), instrument: 'pxs-core', instrument_version: 1,
    hospital: HOSPITAL.code, department: '', visit_type: 'outpatient', channel: 'kiosk',
    submitted_at: '2025-06-01T08:00:00Z', answers: {}, respondent: {}, comment: '',
  };
  await page.evaluate((r) => localStorage.setItem('tiyan.outbox.v1', JSON.stringify({
    pending: [], kept_aside: [{ response: r, reason: 'rejected', message: 'answers: not valid' }],
  })), refused);
  await page.reload();
  await page.getByText('1 份答卷待工作人员处理').waitFor();
  await page.getByText('工作人员：请勿清除本机数据').waitFor();
  await assertAccessible(page, 'kiosk holding refused answers');
  await context.close();
});

test('registry and posters pages: names edited, server refusals next to the field', async () => {
  // A response from a misprinted QR code (`cardiolgy`): accepted, and
  // listed for staff as unregistered.
  const misprinted = {
    id: crypto.randomUUID(),
    instrument: 'pxs-core', instrument_version: 1,
    hospital: HOSPITAL.code, department: 'cardiolgy', visit_type: 'outpatient', channel: 'phone',
    submitted_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    answers: { 'overall.rating': 8 },
  };
  const r = await fetch(`${server.url}/api/v1/responses`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(misprinted),
  });
  assert.equal(r.status, 201);
  const { context, page, errors } = await staffPage();
  await page.locator('.hospital-choice', { hasText: HOSPITAL.code }).click();
  await page.locator('#editor-heading', { hasText: HOSPITAL.code }).waitFor();
  await page.locator('#unregistered-codes').getByText('cardiolgy').waitFor();
  assert.equal(await page.locator('#hospital-name-zh-CN').inputValue(), '市第一人民医院');
  await assertAccessible(page, 'registry');
  await staffShot(page, 'registry');
  // An oversized name is refused by the server; its message sits by the field.
  await page.locator('#hospital-name-en').fill('x'.repeat(200));
  await page.locator('#save-hospital').click();
  await page.locator('#hospital-name-en[aria-invalid="true"]').waitFor();
  assert.match(await page.locator('#problem-names-en').innerText(), /^names\.en: /);
  await page.locator('#hospital-name-en').fill('First People’s Hospital');
  await page.locator('#save-hospital').click();
  await page.locator('.saved').waitFor();

  await page.getByRole('link', { name: '二维码海报' }).click();
  await page.locator('#poster-hospital').selectOption(HOSPITAL.code);
  await page.locator('#poster-dept-cardiology').check();
  await page.locator('#poster-preview').waitFor();
  const href = await page.locator('#print-posters').getAttribute('href');
  assert.match(href, /\/api\/v1\/hospitals\/H901\/posters\?department=cardiology&visit=outpatient&format=html/);
  await assertAccessible(page, 'posters');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a kiosk set up from its setup URL: offline answers show as backlog, then arrive once and it is ok', async (t) => {
  // Staff register the kiosk on the Kiosks page.
  const staff = await staffPage('kiosks');
  await staff.page.locator('#kiosk-hospital').selectOption(HOSPITAL.code);
  await staff.page.locator('#kiosk-name').fill('门诊大厅 1号机');
  await staff.page.locator('#kiosk-location').fill('门诊楼一层');
  await staff.page.locator('#kiosk-department').selectOption('cardiology');
  await staff.page.locator('#register-kiosk').click();
  const setupUrl = await staff.page.locator('#setup-url').innerText();
  // Its QR code, as drawn on the page, holds exactly the setup URL.
  const qrPng = join(mkdtempSync(join(tmpdir(), 'tiyan-qr-')), 'setup-qr.png');
  await staff.page.locator('.setup-qr').screenshot({ path: qrPng });
  assert.equal(execFileSync('zbarimg', ['-q', '--raw', qrPng], { encoding: 'utf8' }).trim(), setupUrl);
  await assertAccessible(staff.page, 'kiosks with a setup URL');
  const id = new URL(setupUrl).searchParams.get('kiosk_id');
  assert.ok(id, `the setup URL names its kiosk: ${setupUrl}`);

  // The kiosk reaches the server through a cable the test can pull; its
  // clock runs 40 minutes behind until the answers are given, so they
  // have waited 40 minutes when it is set right.
  const cable = await networkCable(server.url);
  t.after(cable.close);
  const kiosk = await newPage(KIOSK);
  const realNow = Date.now();
  await kiosk.context.clock.install({ time: realNow - 40 * 60_000 });
  const through = new URL(setupUrl);
  const onCable = `${cable.url}${through.pathname}${through.search}`;
  await open(kiosk.page, onCable);
  const search = await kiosk.page.evaluate(() => location.search);
  assert.equal(search, '?dept=cardiology&kiosk=1', 'the spent code leaves the address bar');
  await kiosk.page.waitForFunction(() => localStorage.getItem('tiyan.kiosk-device.v1') !== null);
  for (let i = 0; i < 80 && !(await kioskState(id))?.last_seen; i++) await new Promise((r) => setTimeout(r, 500));
  assert.equal((await kioskState(id)).state, 'ok', 'set up and heard from');

  cable.unplug();
  await kiosk.context.setOffline(true);
  await kiosk.page.locator('.button-attract').click();
  await kiosk.page.getByText('您正在评价：市第一人民医院 · 心内科').waitFor();
  await answerToTheEnd(kiosk.page);
  const [waiting] = JSON.parse(await kiosk.page.evaluate(() => localStorage.getItem('tiyan.outbox.v1'))).pending;
  assert.ok(waiting, 'the answer waits on the kiosk');

  // The kiosk's clock is set right; its network comes back, but the
  // answers cannot be delivered yet: the heartbeat tells the server.
  await kiosk.context.clock.setSystemTime(Date.now());
  await kiosk.page.route('**/api/v1/responses', (route) => route.abort());
  cable.plugIn();
  await kiosk.context.setOffline(false);
  for (let i = 0; i < 60 && (await kioskState(id)).state !== 'backlog'; i++) await new Promise((r) => setTimeout(r, 500));
  assert.equal((await kioskState(id)).state, 'backlog');
  await staff.page.locator('#refresh-kiosks').click();
  await staff.page.locator(`tr[data-kiosk="${id}"][data-state="backlog"]`).waitFor();
  await staff.page.getByText('答卷等待超过 30 分钟').first().waitFor();
  await assertAccessible(staff.page, 'kiosks with a backlog');
  await staffShot(staff.page, 'kiosks');
  assert.equal((await exported(server)).filter((r) => r.id === waiting.id).length, 0);

  // Delivery works again: the answers arrive once and the state is ok.
  await kiosk.page.unroute('**/api/v1/responses');
  await kiosk.context.setOffline(true);
  await kiosk.context.setOffline(false);
  for (let i = 0; i < 60 && (await kioskState(id)).state !== 'ok'; i++) await new Promise((r) => setTimeout(r, 500));
  const back = await kioskState(id);
  assert.equal(back.state, 'ok');
  assert.equal(back.outbox_pending, 0);
  assert.ok(back.last_delivered_at, 'the kiosk reports its last delivery');
  const arrived = (await exported(server)).filter((r) => r.id === waiting.id);
  assert.equal(arrived.length, 1, 'delivered exactly once');
  assert.equal(arrived[0].hospital, HOSPITAL.code);
  assert.equal(arrived[0].channel, 'kiosk');
  await staff.page.locator('#refresh-kiosks').click();
  await staff.page.locator(`tr[data-kiosk="${id}"][data-state="ok"]`).waitFor();
  assert.deepEqual(kiosk.errors, []);
  await kiosk.context.close();
  await staff.context.close();
});
