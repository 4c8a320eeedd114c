// The patient survey end to end, in headless Chromium against a real
// tiyan-server: phone and kiosk, Chinese and English, offline mid-way with
// a reload, and the kiosk's inactivity reset. axe-core checks every screen.
// The admin export proves what reached the server, and how many times.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser } from './harness.mjs';
import { networkCable } from './network-cable.mjs';
import {
  serverUnderTest, exported, assertAccessible, shoot, outbox, waitForOutboxEmpty,
  heading, answerStep, next, open,
} from './survey-support.mjs';

const PHONE = { width: 390, height: 844 };
const KIOSK = { width: 1080, height: 1920 };

let server;
let browser;
before(async () => {
  server = await serverUnderTest();
  browser = await launchBrowser();
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

/** Walk every step from the first question to the thank-you screen. */
async function completeSurvey(page, { shots, comment, axe = true, steps }) {
  let step = 1;
  for (;;) {
    const progress = await page.locator('.progress-text').innerText();
    assert.match(progress, new RegExp(`(第 ${step} 步，共 ${steps} 步|Step ${step} of ${steps})`));
    if (await page.locator('#comment').count()) {
      await page.fill('#comment', comment);
      await answerStep(page, (i, values) => values[1]);
      if (axe) await assertAccessible(page, `${shots} more`);
      await shoot(page, `${shots}-more`);
    } else if (await page.locator('.button-submit').count()) {
      if (axe) await assertAccessible(page, `${shots} review`);
      await shoot(page, `${shots}-review`);
      await page.locator('.button-submit').click();
      break;
    } else {
      await answerStep(page);
      if (axe) await assertAccessible(page, `${shots} step ${step}`);
      if (step === 1) await shoot(page, `${shots}-stage`);
      if (await page.locator('fieldset.question-rating').count()) await shoot(page, `${shots}-overall`);
    }
    await next(page);
    step++;
  }
  await page.locator('.thanks').waitFor();
}

test('phone, Chinese: a complete survey arrives once; every screen passes axe', async () => {
  const { context, page, errors } = await newPage(PHONE);
  await open(page, `${server.url}/s/H001?dept=cardiology&visit=outpatient&channel=phone`);
  assert.equal(await heading(page), '就医感受调查');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await assertAccessible(page, 'phone welcome');
  await shoot(page, 'phone-welcome');

  await page.getByRole('button', { name: /开始/ }).click();
  await completeSurvey(page, { shots: 'phone', comment: '挂号很快，"医生"很耐心。\n停车难', steps: 7 });
  assert.equal(await heading(page), '感谢您的参与！');
  await assertAccessible(page, 'phone thanks');
  await waitForOutboxEmpty(page);
  await shoot(page, 'phone-thanks');

  const mine = (await exported(server)).filter((r) => r.department === 'cardiology' && r.channel === 'phone');
  assert.equal(mine.length, 1, 'stored exactly once');
  const r = mine[0];
  assert.equal(r.hospital, 'H001');
  assert.equal(r.visit_type, 'outpatient');
  assert.equal(r.comment, '挂号很快，"医生"很耐心。\n停车难');
  assert.equal(r.answers['overall.rating'], 3);
  assert.equal(r.answers['pre_visit.booking_ease'], 4);
  assert.equal(r.respondent.age_band, '35-49');
  assert.deepEqual(errors, []);
  await context.close();
});

test('kiosk, English: attract screen, visit type, every step, back to rest', async () => {
  const { context, page, errors } = await newPage(KIOSK);
  await open(page, `${server.url}/s/H001?dept=emergency-hall&kiosk=1&lang=en`);
  await page.locator('.button-attract').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await assertAccessible(page, 'kiosk attract');
  await shoot(page, 'kiosk-attract');
  await page.getByRole('button', { name: 'Touch to start' }).click();
  assert.equal(await heading(page), 'Patient experience survey');
  await assertAccessible(page, 'kiosk visit type');
  await shoot(page, 'kiosk-visit');
  await page.getByRole('button', { name: /Emergency/ }).click();
  await completeSurvey(page, { shots: 'kiosk', comment: 'Triage was quick.', steps: 6 });
  assert.equal(await heading(page), 'Thank you!');
  await assertAccessible(page, 'kiosk thanks');
  await shoot(page, 'kiosk-thanks');
  await waitForOutboxEmpty(page);
  // "Done" starts over for the next patient.
  await page.getByRole('button', { name: 'Done' }).click();
  await page.locator('.button-attract').waitFor();

  const mine = (await exported(server)).filter((r) => r.department === 'emergency-hall');
  assert.equal(mine.length, 1);
  assert.equal(mine[0].channel, 'kiosk');
  assert.equal(mine[0].visit_type, 'emergency');
  assert.equal(mine[0].comment, 'Triage was quick.');
  assert.ok(!('outpatient.wait_time' in mine[0].answers), 'only the stages of an emergency visit');
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone, offline mid-way: kept on the device across a reload, delivered exactly once', async (t) => {
  const cable = await networkCable(server.url);
  t.after(cable.close);
  const { context, page } = await newPage(PHONE);
  const url = `${cable.url}/s/H001?dept=offline-ward&visit=inpatient&channel=phone&lang=zh-Hant`;
  await open(page, url);
  // The service worker must control the page before the network goes; once
  // installed it holds everything the shell links to (stylesheet, glue, wasm).
  const notKept = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const cache = await caches.open('tiyan-survey-shell-v1');
    const linked = [...document.querySelectorAll('link[rel=stylesheet], link[rel=modulepreload], link[rel=preload]')]
      .map((link) => new URL(link.href).pathname);
    const missing = [];
    for (const path of linked) if (!(await cache.match(path))) missing.push(path);
    return linked.length === 3 ? missing : [`expected 3 linked assets, found ${linked}`];
  });
  assert.deepEqual(notKept, [], 'the installed service worker keeps the whole app shell');
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await page.getByRole('button', { name: /開始/ }).click();
  await answerStep(page);
  await next(page);
  // The network goes: nothing reaches the server any more, and the page
  // hears that it is offline (see network-cable.mjs for why both).
  cable.unplug();
  await context.setOffline(true);
  await answerStep(page);
  for (let i = 0; i < 5; i++) await next(page); // through the stages, overall and "more"
  await page.locator('.button-submit').click();
  await page.locator('.thanks').waitFor();
  assert.equal(await heading(page), '感謝您的參與！');
  await page.getByText('網絡恢復後會自動上傳').waitFor();
  await page.getByText('1 份問卷等待上傳').waitFor();
  await assertAccessible(page, 'phone offline thanks');
  await shoot(page, 'phone-offline-waiting');
  const [waiting] = (await outbox(page)).pending;
  assert.ok(waiting, 'the response waits in the outbox');

  // Reload with no network: the service worker serves the app shell, its
  // stylesheet included (the page background is survey.css's --page).
  await page.reload();
  await page.locator('#main h1').waitFor();
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(242, 245, 248)');
  await page.getByText('1 份問卷等待上傳').waitFor();
  assert.equal((await outbox(page)).pending[0].id, waiting.id);
  assert.equal(
    (await exported(server)).filter((r) => r.id === waiting.id).length, 0,
    `not on the server yet (requests cut while unplugged: ${cable.refusedWhileUnplugged().join(', ')})`,
  );

  cable.plugIn();
  await context.setOffline(false); // fires `online`: the sync loop sends at once
  await waitForOutboxEmpty(page, 15_000);
  await page.waitForFunction(() => !document.querySelector('.upload-status .pending'));
  const arrived = (await exported(server)).filter((r) => r.id === waiting.id);
  assert.equal(arrived.length, 1, 'delivered exactly once');
  assert.equal(arrived[0].department, 'offline-ward');
  assert.deepEqual(arrived[0], waiting, 'stored exactly as it was kept');
  // Another reload sends nothing more.
  await page.reload();
  await page.locator('#main h1').waitFor();
  await page.waitForTimeout(500);
  assert.equal((await exported(server)).filter((r) => r.id === waiting.id).length, 1);
  await context.close();
});

test('kiosk: inactivity warns, counts down, then resets leaving no trace of the patient', async () => {
  const { context, page } = await newPage(KIOSK);
  await open(page, `${server.url}/s/H002?kiosk=1&idle=5`);
  await page.getByRole('button', { name: '轻触开始' }).click();
  const historyAtStart = await page.evaluate(() => history.length);
  await page.getByRole('button', { name: /门诊/ }).click();
  await answerStep(page, () => '1');
  await page.getByRole('button', { name: /大字/ }).click();
  await page.getByRole('button', { name: 'English' }).click();
  assert.ok(await page.evaluate(() => localStorage.getItem('tiyan.draft.v1')?.includes('pre_visit.booking_ease')));

  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor({ timeout: 8_000 });
  assert.match(await dialog.innerText(), /Are you still there\?/);
  await assertAccessible(page, 'kiosk idle warning');
  await shoot(page, 'kiosk-idle-warning');
  await dialog.waitFor({ state: 'detached', timeout: 10_000 });
  await page.locator('.button-attract').waitFor();

  // Nothing left: not on screen, not in storage, not in history, and the
  // display settings of the last patient are gone too.
  assert.equal(await page.locator('input:checked').count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('tiyan.draft.v1')), null);
  assert.equal(await page.evaluate(() => history.length), historyAtStart);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('large-text')), false);
  await page.getByRole('button', { name: '轻触开始' }).click();
  await page.getByRole('button', { name: /门诊/ }).click();
  assert.equal(await page.locator('input:checked').count(), 0, 'the next patient starts blank');
  const draft = await page.evaluate(() => JSON.parse(localStorage.getItem('tiyan.draft.v1')));
  assert.deepEqual(draft.draft.answers, {});
  await context.close();
});

test("on a phone the browser's back button goes to the previous step", async () => {
  const { context, page } = await newPage(PHONE);
  await open(page, `${server.url}/s/H001?visit=emergency&channel=phone&lang=en`);
  await page.getByRole('button', { name: /Start/ }).click();
  await answerStep(page, () => '2');
  await next(page);
  await next(page);
  assert.equal(await page.locator('.progress-text').innerText(), 'Step 3 of 6');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('.progress-text')?.textContent === 'Step 2 of 6');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('.progress-text')?.textContent === 'Step 1 of 6');
  assert.equal(await page.locator('main fieldset.question input:checked').count(), 6, 'answers kept');
  await page.goBack();
  await page.locator('.welcome').waitFor();
  await context.close();
});

test('phones never time out', async () => {
  const { context, page } = await newPage(PHONE);
  await open(page, `${server.url}/s/H001?visit=emergency&channel=phone&idle=3`);
  await page.getByRole('button', { name: /开始/ }).click();
  await answerStep(page);
  await page.waitForTimeout(7_000);
  assert.equal(await page.getByRole('alertdialog').count(), 0);
  assert.ok((await page.locator('input:checked').count()) > 0);
  await context.close();
});

test('large text and English on a phone pass axe; the page without a hospital explains itself', async () => {
  const { context, page } = await newPage(PHONE);
  await open(page, `${server.url}/s/H001?visit=outpatient&channel=phone&lang=en`);
  await page.getByRole('button', { name: /Larger text/ }).click();
  await page.getByRole('button', { name: /Start/ }).click();
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '20px');
  await assertAccessible(page, 'phone English large text');
  await shoot(page, 'phone-en-large-text');
  await open(page, `${server.url}/`);
  // The phone remembers its reader's language.
  assert.equal(await heading(page), 'Please scan the QR code from your hospital');
  await assertAccessible(page, 'no hospital');
  await context.close();
});
