// The frequency4 and likert7 scales end to end, on a server that serves
// another instrument (scoring/test_data/instruments/scales-demo.json):
// answered on a phone and on a kiosk (words, not faces, for "how often";
// seven numbered buttons named by their words for the 7-point scale), axe
// on every question screen, the stored answers in the export, and the
// dashboard's report JSON against `tiyan score --instrument` byte for byte.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, launchBrowser, login, cliBin } from './harness.mjs';
import {
  exported, assertAccessible, waitForOutboxEmpty, heading, next, open,
} from './survey-support.mjs';

const PHONE = { width: 390, height: 844 };
const KIOSK = { width: 1080, height: 1920 };
const INSTRUMENT = resolve(import.meta.dirname, '..', '..', 'scoring', 'test_data', 'instruments', 'scales-demo.json');
const ADMIN = { username: 'admin', password: 'scales-e2e-password', role: 'admin' };

const WORDS = {
  'zh-CN': { frequency: ['从未', '有时', '经常', '总是'], points: ['1 非常不满意', '4 一般', '7 非常满意'], six: '6 满意' },
  en: { frequency: ['Never', 'Sometimes', 'Usually', 'Always'], points: ['1 Very dissatisfied', '4 Neutral', '7 Very satisfied'], six: '6 Satisfied' },
};

let server;
let browser;
let server_token;
let work;

before(async () => {
  server = await startServer({ instrument: INSTRUMENT, admins: [ADMIN] });
  server_token = await login(server.url, ADMIN.username, ADMIN.password);
  browser = await launchBrowser();
  work = mkdtempSync(join(tmpdir(), 'tiyan-scales-'));
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(viewport) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text()); });
  return { context, page, errors };
}

/** An option's accessible text as a screen reader gets it (no wrap hints). */
const optionNames = (fieldset) => fieldset.locator('.options:not(.options-aside) label')
  .evaluateAll((labels) => labels.map((l) => l.textContent.replace(/\u200b/g, '').replace(/\s+/g, ' ').trim()));

/**
 * Answers the questions of the current step: "always" on frequency items,
 * 6 on 7-point items (both chosen by their accessible names), the fourth
 * value elsewhere. Checks how each new scale is drawn. Returns how many
 * frequency4 and likert7 questions the step had.
 */
async function answerStep(page, words) {
  const questions = page.locator('main fieldset.question');
  const counts = { frequency: 0, points: 0 };
  for (let i = 0; i < await questions.count(); i++) {
    const q = questions.nth(i);
    const kind = await q.getAttribute('class');
    if (kind.includes('question-words')) {
      counts.frequency++;
      assert.deepEqual(await optionNames(q), words.frequency, 'four words, lowest first');
      assert.equal(await q.locator('.face').count(), 0, 'words, not faces');
      await q.getByRole('radio', { name: words.frequency[3], exact: true }).check();
    } else if (kind.includes('question-points')) {
      counts.points++;
      const names = await optionNames(q);
      assert.equal(names.length, 7, 'seven buttons');
      names.forEach((name, k) => assert.match(name, new RegExp(`^${k + 1} \\S`), 'each named by its number and word'));
      assert.deepEqual([names[0], names[3], names[6]], words.points);
      const anchors = (await q.locator('.anchors span').allInnerTexts()).map((t) => t.replace(/\u200b/g, ''));
      assert.deepEqual(anchors, words.points.map((p) => p.replace(' ', ' = ')), 'ends and middle labelled');
      await q.getByRole('radio', { name: words.six, exact: true }).check();
    } else {
      const values = await q.locator('input[type=radio]').evaluateAll((els) => els.map((e) => e.value));
      await q.locator(`input[value="${values[Math.min(3, values.length - 1)]}"]`).check();
    }
  }
  return counts;
}

/** From the first question to the thank-you screen; axe on every screen. */
async function completeSurvey(page, screen, words) {
  const seen = { frequency: 0, points: 0 };
  for (let step = 1; ; step++) {
    if (await page.locator('.button-submit').count()) {
      await assertAccessible(page, `${screen} review`);
      await page.locator('.button-submit').click();
      break;
    }
    if (!(await page.locator('#comment').count())) {
      const counts = await answerStep(page, words);
      seen.frequency += counts.frequency;
      seen.points += counts.points;
    }
    await assertAccessible(page, `${screen} step ${step}`);
    await next(page);
  }
  await page.locator('.thanks').waitFor();
  return seen;
}

/** The one stored response of `department`. */
async function storedOf(department) {
  const mine = (await exported({ url: server.url, token: server_token })).filter((r) => r.department === department);
  assert.equal(mine.length, 1, 'stored exactly once');
  return mine[0];
}

test('phone, Chinese, inpatient: frequency words and 7 labelled buttons, axe on every screen', async () => {
  const { context, page, errors } = await newPage(PHONE);
  await open(page, `${server.url}/s/H001?dept=scales-ward&visit=inpatient&channel=phone`);
  assert.equal(await heading(page), '就医感受调查');
  await page.getByRole('button', { name: /开始/ }).click();
  const seen = await completeSurvey(page, 'phone', WORDS['zh-CN']);
  // pre_visit, inpatient, post_visit, whole_care of scales-demo.
  assert.deepEqual(seen, { frequency: 5, points: 3 });
  await waitForOutboxEmpty(page);

  const r = await storedOf('scales-ward');
  assert.equal(r.instrument, 'pxs-scales-demo');
  assert.equal(r.answers['inpatient.nurse_listened'], 4, 'frequency4: always');
  assert.equal(r.answers['inpatient.night_noise'], 4, 'stored raw, before reverse coding');
  assert.equal(r.answers['inpatient.pain'], 6, 'likert7: 6');
  assert.equal(r.answers['whole_care.nursing'], 6);
  assert.deepEqual(errors, []);
  await context.close();
});

test('kiosk, English, inpatient: the same scales at kiosk size', async () => {
  const { context, page, errors } = await newPage(KIOSK);
  await open(page, `${server.url}/s/H002?dept=scales-kiosk&kiosk=1&lang=en`);
  await page.getByRole('button', { name: 'Touch to start' }).click();
  await page.getByRole('button', { name: /Hospital stay/ }).click();
  const seen = await completeSurvey(page, 'kiosk', WORDS.en);
  assert.deepEqual(seen, { frequency: 5, points: 3 });
  await waitForOutboxEmpty(page);

  const r = await storedOf('scales-kiosk');
  assert.equal(r.channel, 'kiosk');
  assert.equal(r.answers['pre_visit.preparation_clear'], 4);
  assert.equal(r.answers['post_visit.instructions'], 6);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the dashboard scores the scales-demo instrument to the bytes of tiyan score', async () => {
  // Two years of generated answers to the same instrument.
  const lines = execFileSync(cliBin, [
    'generate', '--instrument', INSTRUMENT, '--responses', '600', '--from-year', '2024', '--years', '2',
    '--hospitals', '3', '--format', 'jsonl',
  ], { maxBuffer: 64 << 20 }).toString('utf8').split('\n').filter((l) => l.trim());
  for (let at = 0; at < lines.length; at += 100) {
    const r = await fetch(`${server.url}/api/v1/responses`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: `[${lines.slice(at, at + 100).join(',')}]`,
    });
    assert.equal(r.status, 200);
    const { results: outcomes } = await r.json();
    assert.ok(outcomes.every((o) => o.status === 'stored'), JSON.stringify(outcomes.find((o) => o.status !== 'stored')));
  }
  const csv = await fetch(`${server.url}/api/v1/export?format=csv&from=2024-01-01&to=2026-01-01`, {
    headers: { authorization: `Bearer ${server_token}` },
  });
  assert.equal(csv.status, 200);
  const exportCsv = join(work, 'export.csv');
  writeFileSync(exportCsv, Buffer.from(await csv.arrayBuffer()));

  const { context, page, errors } = await newPage({ width: 1366, height: 900 });
  await page.goto(`${server.url}/admin/`);
  await page.waitForSelector('#username', { timeout: 30_000 });
  await page.fill('#username', ADMIN.username);
  await page.fill('#password', ADMIN.password);
  await page.click('#sign-in');
  await page.waitForSelector('#apply', { timeout: 30_000 });
  await page.selectOption('#f-period', '2025');
  await page.selectOption('#f-baseline', '2024');
  await page.click('#apply');
  await page.waitForSelector('#card-index', { timeout: 120_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const shown = readFileSync(await download.path());
  const cli = execFileSync(cliBin, [
    'score', '--instrument', INSTRUMENT, '--input', exportCsv, '--period', '2025', '--baseline', '2024',
  ], { maxBuffer: 64 << 20 });
  assert.ok(shown.equals(cli), 'the dashboard report has the bytes of tiyan score');
  const report = JSON.parse(cli.toString('utf8'));
  assert.equal(report.instrument.id, 'pxs-scales-demo');
  const drivers = report.groups[0].drivers.map((d) => d.id);
  assert.ok(drivers.includes('inpatient.nurse_listened') && drivers.includes('inpatient.pain'),
    'frequency4 and likert7 items are key drivers');

  // The distributions (their table equivalent) name the new scales' values.
  await page.click('nav.tabs a[href$="/stages"]');
  await page.click('a.pill[href$="/stages/inpatient"]');
  await page.waitForSelector('#chart-distribution-inpatient svg', { timeout: 20_000 });
  const figure = await page.textContent('#chart-distribution-inpatient');
  for (const word of ['4 总是', '1 从未', '7 非常满意']) assert.ok(figure.includes(word), `distribution names ${word}`);
  assert.deepEqual(errors, []);
  await context.close();
});
