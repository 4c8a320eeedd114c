// Closing the loop, the patient's side (docs/formats.md §6), in headless
// Chromium against a real tiyan-server: "you said, we did" on a kiosk's
// attract screen (rotating, pausable, still there after an offline
// reload) and on the phone's thank-you screen; the opt-in call-back on
// the last screen (no by default; on yes a checked phone number that
// reaches the case and nothing else). axe-core checks every new screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launchBrowser } from './harness.mjs';
import {
  serverUnderTest, exported, assertAccessible, shoot, screenshots, screenshotDir, waitForOutboxEmpty, heading,
  answerStep, next, open,
} from './survey-support.mjs';

const PHONE = { width: 390, height: 844 };
const KIOSK = { width: 1080, height: 1920 };
const HOSPITAL = 'H907';

const PLANS = [
  { department: '', title: '停车场扩建', public_text: '您说停车难：新停车楼已启用，增加 300 个车位。', status: 'done', started: '2025-03-01' },
  { department: 'cardiology', title: '缩短候诊时间', public_text: '您说候诊太久：心内科增开了午间门诊。', status: 'in_progress', started: '2025-06-01' },
  { department: 'emergency', title: '分诊提速', public_text: '急诊分诊台增加一名护士。', status: 'planned', started: '2025-07-01' },
];

let server;
let browser;

async function api(method, path, body) {
  const r = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  assert.ok(r.status < 300, `${method} ${path}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

before(async () => {
  server = await serverUnderTest();
  browser = await launchBrowser();
  const settings = await api('GET', `/hospitals/${HOSPITAL}/alerting`);
  await api('PUT', `/hospitals/${HOSPITAL}/alerting`, { ...settings, webhook: null, callback_offered: true });
  for (const p of PLANS) {
    const { department, title, public_text, status, started } = p;
    await api('POST', '/action-plans', {
      hospital: HOSPITAL, department, title, public_text, status, started,
      target: { scope: 'index', id: 'index' }, owner: '院办', due: '2025-12-31',
    });
  }
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(viewport, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text()); });
  return { context, page, errors };
}

/** Satisfied answers everywhere (no alert rule fires): 4 of 5, 9 of 10, yes. */
const content = (i, values) => (values.includes('9') ? '9' : values.includes('4') ? '4' : values[0]);

/** From the first question to the last screen, answering `content`ly. */
async function toLastScreen(page) {
  while (!(await page.locator('.button-submit').count())) {
    await answerStep(page, content);
    await next(page);
  }
}

/** A screenshot of the viewport with `selector` in the middle of it. */
async function shootAt(page, name, selector) {
  if (!screenshots) return;
  await page.locator(selector).evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: join(screenshotDir, `survey-${name}.png`) });
}

const slideTitle = (page) => page.locator('.we-did-slide h3').innerText();

test('kiosk: "you said, we did" rotates on the attract screen, pauses, and survives an offline reload', async () => {
  const { context, page, errors } = await newPage(KIOSK);
  await open(page, `${server.url}/s/${HOSPITAL}?dept=cardiology&kiosk=1`);
  const carousel = page.locator('.we-did-carousel');
  await carousel.waitFor();
  // The department's plans and the hospital's, newest first; not the emergency department's.
  assert.equal(await slideTitle(page), '缩短候诊时间');
  assert.equal(await page.locator('.we-did-controls > span').innerText(), '1 / 2');
  assert.match(await carousel.innerText(), /您说候诊太久：心内科增开了午间门诊。/);
  assert.match(await carousel.innerText(), /进行中/);
  // While it rotates, screen readers are not interrupted.
  assert.equal(await page.locator('.we-did-slide').getAttribute('aria-live'), 'off');
  await assertAccessible(page, 'kiosk attract with "you said, we did"');
  await shoot(page, 'kiosk-attract-we-did');

  // It moves on by itself ...
  await page.locator('.we-did-controls').getByText('2 / 2').waitFor({ timeout: 12_000 });
  assert.equal(await slideTitle(page), '停车场扩建');
  // ... until paused; then it is read out, and stepped by hand.
  await page.getByRole('button', { name: '暂停' }).click();
  await page.getByRole('button', { name: '继续播放' }).waitFor();
  assert.equal(await page.locator('.we-did-slide').getAttribute('aria-live'), 'polite');
  await page.getByRole('button', { name: '下一条' }).click();
  assert.equal(await slideTitle(page), '缩短候诊时间');
  await page.getByRole('button', { name: '上一条' }).click();
  assert.equal(await slideTitle(page), '停车场扩建');
  await page.waitForTimeout(9_000);
  assert.equal(await slideTitle(page), '停车场扩建', 'a paused carousel stays');
  await assertAccessible(page, 'kiosk attract, carousel paused');

  // Offline reload: the service worker serves the page, the device's copy the plans.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await page.locator('.button-attract').waitFor();
  await carousel.waitFor();
  assert.equal(await slideTitle(page), '缩短候诊时间');
  assert.ok(!(await page.evaluate(() => navigator.onLine)), 'the kiosk is offline');
  await context.setOffline(false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('kiosk with reduced motion: the plans do not rotate by themselves', async () => {
  const { context, page } = await newPage(KIOSK, { reducedMotion: 'reduce' });
  await open(page, `${server.url}/s/${HOSPITAL}?dept=cardiology&kiosk=1&lang=en`);
  await page.locator('.we-did-carousel').waitFor();
  await page.getByRole('button', { name: 'Play' }).waitFor();
  assert.equal(await page.locator('.we-did-slide').getAttribute('aria-live'), 'polite');
  await page.waitForTimeout(9_000);
  assert.equal(await page.locator('.we-did-controls > span').innerText(), '1 / 2');
  await page.getByRole('button', { name: 'Next' }).click();
  assert.equal(await page.locator('.we-did-controls > span').innerText(), '2 / 2');
  await assertAccessible(page, 'kiosk attract, English, reduced motion');
  await context.close();
});

test('phone, call-back yes: the number is checked, reaches the case beside the response, and leaves the device', async () => {
  const { context, page, errors } = await newPage(PHONE);
  const bodies = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/v1/responses')) bodies.push(r.postData());
  });
  await open(page, `${server.url}/s/${HOSPITAL}?dept=cardiology&visit=outpatient&channel=phone`);
  await page.getByRole('button', { name: /开始/ }).click();
  await toLastScreen(page);

  // Asked on the last screen, "no" until the patient says otherwise; no
  // phone field before "yes".
  const question = page.getByRole('radiogroup', { name: '医院可以就您的回答与您联系吗？' });
  await question.waitFor();
  assert.ok(await page.getByLabel('不用').isChecked(), 'default: no');
  assert.equal(await page.locator('#callback-phone').count(), 0);
  await page.getByLabel('可以，请联系我').check();
  const phone = page.getByLabel('您的电话号码');
  assert.equal(await phone.getAttribute('type'), 'tel');
  assert.equal(await phone.getAttribute('autocomplete'), 'tel', 'a phone may fill in its own number');

  // A number the server would refuse is refused here, next to the field.
  await phone.fill('138-call-me');
  await page.locator('.button-submit').click();
  const problem = page.getByRole('alert').filter({ hasText: '请填写有效的电话号码' });
  await problem.waitFor();
  assert.equal(await phone.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'callback-phone');
  assert.equal(bodies.length, 0, 'nothing sent');
  await assertAccessible(page, 'phone call-back, number refused');
  await shootAt(page, 'phone-callback-refused', '.callback-block');

  await phone.fill('138 0013 8000');
  assert.equal(await problem.count(), 0, 'typing again clears the message');
  await shootAt(page, 'phone-callback', '.callback-block');
  await page.locator('.button-submit').click();
  await page.locator('.thanks').waitFor();
  assert.equal(await heading(page), '感谢您的参与！');
  await waitForOutboxEmpty(page);

  // The thank-you screen: the department's and the hospital's plans.
  const list = page.locator('.thanks .we-did');
  await list.waitFor();
  const titles = await list.locator('h3').allInnerTexts();
  assert.deepEqual(titles, ['缩短候诊时间', '停车场扩建']);
  await assertAccessible(page, 'phone thanks with "you said, we did"');
  await shoot(page, 'phone-thanks-we-did');

  // Sent beside the response, never in it; the device forgets it.
  assert.equal(bodies.length, 1);
  const [sent] = JSON.parse(bodies[0]);
  assert.deepEqual(sent.contact, { phone: '138 0013 8000' });
  assert.equal(await page.evaluate(() => localStorage.getItem('tiyan.callback.v1')), null);
  const stored = await page.evaluate(() => Object.entries(localStorage).filter(([, v]) => v.includes('0013')).map(([k]) => k));
  assert.deepEqual(stored, [], 'no number left in storage');
  const [response] = (await exported(server)).filter((r) => r.id === sent.id);
  assert.ok(response, 'the response is stored');
  assert.ok(!JSON.stringify(response).includes('0013'), 'the export holds no number');
  assert.ok(!('contact' in response));

  // The server's case has the number, and says why it was opened.
  const { cases } = await api('GET', `/cases?hospital=${HOSPITAL}`);
  const mine = cases.find((c) => c.response_id === sent.id);
  assert.ok(mine, 'a case was opened for the call-back');
  assert.deepEqual(mine.callback, { phone: '138 0013 8000' });
  assert.deepEqual(mine.reasons, [{ rule: 'callback' }]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('kiosk, call-back left at no: no number, no case; the kiosk never autocompletes one', async () => {
  const { context, page, errors } = await newPage(KIOSK);
  await open(page, `${server.url}/s/${HOSPITAL}?dept=emergency&kiosk=1&lang=zh-Hant`);
  await page.locator('.button-attract').click();
  await page.getByRole('button', { name: /門診/ }).click();
  await toLastScreen(page);
  await page.getByRole('radiogroup', { name: '醫院可以就您的回答與您聯絡嗎？' }).waitFor();
  assert.ok(await page.getByLabel('不用').isChecked());
  // Looked at, then taken back: yes shows the field, no hides it again.
  await page.getByLabel('可以，請聯絡我').check();
  assert.equal(await page.getByLabel('您的電話號碼').getAttribute('autocomplete'), 'off');
  await page.getByLabel('您的電話號碼').fill('13800138000');
  await assertAccessible(page, 'kiosk call-back, traditional Chinese');
  await shootAt(page, 'kiosk-callback', '.callback-block');
  await page.getByLabel('不用').check();
  assert.equal(await page.locator('#callback-phone').count(), 0);
  const id = await page.evaluate(() => JSON.parse(localStorage.getItem('tiyan.draft.v1')).draft.id);
  await page.locator('.button-submit').click();
  await page.locator('.thanks').waitFor();
  await waitForOutboxEmpty(page);
  // The emergency department's plan and the hospital's.
  assert.deepEqual(await page.locator('.thanks .we-did h3').allInnerTexts(), ['分诊提速', '停车场扩建']);
  await assertAccessible(page, 'kiosk thanks with "you said, we did"');
  await shoot(page, 'kiosk-thanks-we-did');

  assert.equal((await exported(server)).filter((r) => r.id === id).length, 1);
  const { cases } = await api('GET', `/cases?hospital=${HOSPITAL}`);
  assert.equal(cases.filter((c) => c.response_id === id).length, 0, 'no alert, no call-back: no case');
  assert.equal(await page.evaluate(() => localStorage.getItem('tiyan.callback.v1')), null);
  assert.deepEqual(errors, []);
  await context.close();
});
