// The closed loop from the staff's side (docs/formats.md §6), in headless
// Chromium against a real tiyan-server with the demo data: a negative
// kiosk response opens a case; the head of its department signs in on
// /admin/cases/, finds it in the list (overdue cases first), opens it
// (the answers, the comment, the reasons, the call-back number), assigns
// it, adds a note, resolves it with a root cause, closes and reopens it;
// the head of another department cannot see it; the hospital's
// administrator changes the alert settings; the action-plan ledger shows
// a plan's target month by month with the plan's start marked. axe-core
// checks every screen. TIYAN_SCREENSHOTS=1 saves them in docs/screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, startServer, login } from './harness.mjs';
import { assertAccessible, screenshotDir, screenshots } from './survey-support.mjs';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const PASSWORD = 'tiyan-demo';
const ORTHO = { username: 'ortho-e2e', password: 'ortho-e2e-password', role: 'department_head', hospital: 'H001', department: 'orthopaedics' };

let server;
let browser;
const tokens = {};
let caseId;

before(async () => {
  server = await startServer({ seedDemo: true, admins: [ORTHO] });
  browser = await launchBrowser();
  tokens.h001 = await login(server.url, 'h001', PASSWORD);
  tokens.cardio = await login(server.url, 'cardio', PASSWORD);
  tokens.ortho = await login(server.url, ORTHO.username, ORTHO.password);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

function api(who, method, path, body) {
  return fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function shot(page, name) {
  if (!screenshots) return;
  mkdirSync(screenshotDir, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(screenshotDir, `cases-${name}.png`), fullPage: true });
}

/** A page of /admin/cases/ at `path`, signed in as `username`. */
async function staffPage(username, password, path = '', viewport = DESKTOP) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/admin/cases/${path}`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#sign-in').click();
  await page.locator('#sign-out').waitFor();
  return { context, page, errors };
}

test('a negative kiosk response opens a case in its department', async () => {
  // What a cardiology kiosk sends for a very unhappy patient who asks to
  // be called back (docs/formats.md §2, §6 "Opt-in call-back").
  const response = {
    id: randomUUID(),
    instrument: 'pxs-core',
    instrument_version: 1,
    hospital: 'H001',
    department: 'cardiology',
    visit_type: 'outpatient',
    channel: 'kiosk',
    submitted_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    answers: { 'outpatient.wait_time': 1, 'overall.rating': 1, 'overall.recommend': 0 },
    comment: '挂号后等了四个小时，我要投诉。',
    contact: { phone: '139 0000 1234' },
  };
  const r = await fetch(`${server.url}/api/v1/responses`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([response]),
  });
  assert.equal(r.status, 200, `POST /responses: HTTP ${r.status}`);
  const list = await (await api('cardio', 'GET', '/cases')).json();
  const opened = list.cases.find((c) => c.response_id === response.id);
  assert.ok(opened, 'the response has its case');
  assert.equal(opened.department, 'cardiology');
  assert.deepEqual(opened.reasons.map((x) => x.rule).sort(), ['callback', 'item_lowest', 'keyword', 'overall_rating']);
  caseId = opened.id;
});

test('the department head sees it, assigns, notes, resolves, closes and reopens it', async () => {
  assert.ok(caseId, 'the previous test opened a case');
  const { context, page, errors } = await staffPage('cardio', PASSWORD);
  await page.locator('#cases tbody tr').first().waitFor();
  // Overdue first (the demo has an overdue cardiology case), then newest.
  const overdue = await page.locator('#cases tbody tr').evaluateAll((rows) => rows.map((r) => r.classList.contains('overdue')));
  assert.ok(overdue[0], 'an overdue case comes first');
  assert.deepEqual(overdue, [...overdue].sort((a, b) => Number(b) - Number(a)), 'no overdue case after a current one');
  assert.match(await page.locator('#cases tbody tr.overdue').first().textContent(), /已超时/);
  const row = page.locator(`#cases tr[data-case="${caseId}"]`);
  assert.match(await row.textContent(), /关键词：投诉/);
  assert.match(await row.textContent(), /未分配/);
  // A department head sees its department's cases only.
  assert.equal(await page.locator('#filter-department').count(), 0);
  assert.match(await page.textContent('#who'), /科室主任 · H001 · cardiology/);
  assert.equal(await page.locator('#to-dashboard').count(), 1);
  assert.equal(await page.locator('#to-rollout').count(), 0);
  await assertAccessible(page, 'cases list');
  await shot(page, 'list');
  // The status filter narrows the list.
  await page.locator('#filter-status').selectOption('resolved');
  await page.waitForFunction(() => !document.querySelector('#cases tbody tr.overdue'));
  const statuses = await page.locator('#cases tbody .case-status').allTextContents();
  assert.ok(statuses.length > 0 && statuses.every((s) => s === '已解决'), `${statuses}`);
  await page.locator('#filter-status').selectOption('');
  await row.waitFor();

  await row.locator('a').click();
  await page.waitForURL(`**/admin/cases/case/${caseId}`);
  await page.locator('#case-title').waitFor();
  assert.equal(await page.textContent('#case-title'), `案例 #${caseId}`);
  assert.match(await page.textContent('#case-comment'), /等了四个小时/);
  assert.match(await page.textContent('#case-reasons'), /总体评分低/);
  assert.match(await page.textContent('#case-reasons'), /患者希望回访/);
  assert.equal(await page.textContent('#callback-phone'), '139 0000 1234');
  assert.ok((await page.locator('#case-answers tbody tr').count()) >= 3, 'the answers are listed');
  await assertAccessible(page, 'a case');
  await shot(page, 'case');

  await page.locator('#assign-to').selectOption('cardio');
  await page.locator('#assign').click();
  await page.locator('#case-assignee', { hasText: 'cardio' }).waitFor();
  assert.match(await page.textContent('#case-status'), /处理中/);

  await page.locator('#note-text').fill('已电话联系患者，约定周五回访。');
  await page.locator('#add-note').click();
  await page.locator('#timeline', { hasText: '已电话联系患者' }).waitFor();

  await page.locator('#root-cause').fill('上午号源集中，候诊区无叫号提示');
  await page.locator('#resolve-text').fill('增开午间门诊，候诊区显示预计等候时间。');
  await page.locator('#resolve').click();
  await page.locator('#case-status', { hasText: '已解决' }).waitFor();
  assert.match(await page.textContent('#timeline'), /根本原因：上午号源集中/);
  // The call-back number is deleted with the resolution.
  assert.equal(await page.locator('#callback-phone').count(), 0);
  await assertAccessible(page, 'a resolved case');
  await shot(page, 'case-resolved');

  await page.locator('#close-case').click();
  await page.locator('#case-status', { hasText: '已关闭' }).waitFor();
  await page.locator('#reopen-text').fill('患者再次来电。');
  await page.locator('#reopen').click();
  await page.locator('#case-status', { hasText: '待处理' }).waitFor();

  const detail = await (await api('cardio', 'GET', `/cases/${caseId}`)).json();
  assert.deepEqual(detail.events.map((e) => e.action), ['assign', 'note', 'resolve', 'close', 'reopen']);
  assert.equal(detail.events[2].root_cause, '上午号源集中，候诊区无叫号提示');
  assert.equal(detail.callback, null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the case on a phone, in English', async () => {
  const { context, page } = await staffPage('cardio', PASSWORD, `case/${caseId}`, PHONE);
  await page.locator('#lang').selectOption('en');
  await page.locator('#case-title', { hasText: `Case #${caseId}` }).waitFor();
  await page.locator('#timeline', { hasText: 'Reopened' }).waitFor();
  await assertAccessible(page, 'a case on a phone');
  await shot(page, 'phone-case-en');
  await page.locator('#back-to-cases').click();
  await page.locator('#cases tbody tr').first().waitFor();
  await assertAccessible(page, 'the list on a phone');
  await shot(page, 'phone-list-en');
  // The language is kept for the other staff pages.
  await page.locator('#lang').selectOption('zh-CN');
  await context.close();
});

test('a hospital administrator filters by department; the staff pages link to each other', async () => {
  // From the roll-out pages, signed in once, to the cases pages.
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(`${server.url}/admin/rollout/`);
  await page.locator('#username').fill('h001');
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#sign-in').click();
  await page.locator('#to-cases').click();
  await page.waitForURL('**/admin/cases/');
  await page.locator('#cases tbody tr').first().waitFor();
  assert.match(await page.textContent('#who'), /医院管理员 · H001/);
  const departments = await page.locator('#cases tbody td:nth-child(3)').allTextContents();
  assert.ok(new Set(departments).size >= 2, `the hospital's departments: ${departments}`);
  await page.locator('#filter-department').selectOption('orthopaedics');
  await page.waitForFunction(() => [...document.querySelectorAll('#cases tbody td:nth-child(3)')]
    .every((td) => !td.textContent.includes('心血管')));
  const ortho = await (await api('h001', 'GET', '/cases?department=orthopaedics')).json();
  assert.equal(await page.locator('#cases tbody tr').count(), ortho.cases.length);
  await assertAccessible(page, 'the list of a hospital administrator');
  // The dashboard's header links here too.
  await page.locator('#to-dashboard').click();
  await page.locator('#to-cases').waitFor();
  assert.equal(await page.getAttribute('#to-cases', 'href'), '/admin/cases/');
  await context.close();
});

test('the head of another department cannot see the case', async () => {
  assert.equal((await api('ortho', 'GET', `/cases/${caseId}`)).status, 404);
  const theirs = await (await api('ortho', 'GET', '/cases')).json();
  assert.ok(theirs.cases.length > 0, 'the demo has an orthopaedics case');
  assert.ok(theirs.cases.every((c) => c.department === 'orthopaedics'));
  const cardio = await (await api('cardio', 'GET', '/cases')).json();
  assert.ok(cardio.cases.every((c) => c.department === 'cardiology'));

  const { context, page } = await staffPage(ORTHO.username, ORTHO.password, `case/${caseId}`);
  await page.locator('main .error[role="alert"]').waitFor();
  assert.match(await page.textContent('main .error[role="alert"]'), /404/);
  assert.equal(await page.locator('#case-comment').count(), 0);
  await page.locator('#back-to-cases').click();
  await page.locator('#cases tbody tr').first().waitFor();
  assert.equal(await page.locator(`#cases tr[data-case="${caseId}"]`).count(), 0);
  await context.close();
});

test('a hospital administrator changes the alert settings; a department head reads them', async () => {
  const { context, page, errors } = await staffPage('h001', PASSWORD, 'alerts');
  await page.locator('#alerts-form').waitFor();
  assert.equal(await page.inputValue('#rating-at-most'), '4');
  await page.locator('#sla-hours').fill('48');
  await page.locator('#keywords').fill(`${await page.inputValue('#keywords')}\n差评`);
  await page.locator('#webhook-on').check();
  await page.locator('#webhook-url').fill('ftp://10.0.0.5/tiyan');
  await page.locator('#webhook-secret').fill('s3cret-for-e2e');
  await page.locator('#save-alerts').click();
  // The server's refusal is shown by the field it names.
  await page.locator('#problem-webhook-url').waitFor();
  assert.match(await page.textContent('#problem-webhook-url'), /webhook\.url/);
  assert.equal(await page.getAttribute('#webhook-url', 'aria-invalid'), 'true');
  await assertAccessible(page, 'alert settings with a refusal');
  await page.locator('#webhook-url').fill('http://10.0.0.5:9000/tiyan');
  await page.locator('#save-alerts').click();
  await page.locator('#alerts-saved', { hasText: '已保存' }).waitFor();
  assert.equal(await page.inputValue('#webhook-secret'), '***');
  await assertAccessible(page, 'alert settings');
  await shot(page, 'alerts');
  const stored = await (await api('h001', 'GET', '/hospitals/H001/alerting')).json();
  assert.equal(stored.sla_hours, 48);
  assert.ok(stored.rules.keywords.includes('差评'));
  assert.deepEqual(stored.webhook, { url: 'http://10.0.0.5:9000/tiyan', secret: '***' });
  assert.deepEqual(errors, []);
  await context.close();

  const head = await staffPage('cardio', PASSWORD, 'alerts');
  await head.page.locator('#alerts-read-only').waitFor();
  assert.equal(await head.page.locator('#save-alerts').count(), 0);
  assert.equal(await head.page.inputValue('#sla-hours'), '48');
  await assertAccessible(head.page, 'alert settings, read only');
  await head.context.close();
});

test('the action-plan ledger shows a plan with its target month by month', async () => {
  // Started in the middle of the demo's months, so the series has months
  // on both sides of the start.
  const created = await api('h001', 'POST', '/action-plans', {
    hospital: 'H001', department: 'cardiology', title: '心内科候诊分时段预约',
    target: { scope: 'item', id: 'outpatient.wait_time' }, owner: '心内科 王主任',
    due: '2025-12-31', status: 'in_progress', started: '2025-06-01',
  });
  assert.equal(created.status, 201);
  const plan = await created.json();

  const { context, page, errors } = await staffPage('cardio', PASSWORD, 'plans');
  // A new plan from the form: the department head's own department.
  await page.locator('.new-plan summary').click();
  await page.locator('#new-plan-title').fill('胸痛中心分诊提示');
  await page.locator('#new-plan-target').selectOption('stage:outpatient');
  await page.locator('#new-plan-owner').fill('心内科 护士长');
  await page.locator('#new-plan-due').fill('2027-03-31');
  await page.locator('#create-plan').click();
  await page.locator('#plan-title', { hasText: '胸痛中心分诊提示' }).waitFor();
  const made = (await (await api('cardio', 'GET', '/action-plans')).json()).action_plans
    .find((p) => p.title === '胸痛中心分诊提示');
  assert.deepEqual([made.department, made.target.scope, made.status], ['cardiology', 'stage', 'planned']);
  const row = page.locator(`#plans tr[data-plan="${plan.id}"]`);
  await row.waitFor();
  assert.match(await row.textContent(), /心内科 王主任/);
  assert.match(await row.textContent(), /进行中/);
  await row.locator('.plan-choice').click();
  await page.locator('#plan-title', { hasText: '心内科候诊分时段预约' }).waitFor();
  await page.locator('#series-table').waitFor({ state: 'attached', timeout: 60_000 });
  const months = await page.locator('#series-table tbody th').allTextContents();
  assert.equal(months[0], '2024-06');
  assert.equal(months.at(-1), '2025-12');
  assert.ok(months.includes('2025-06 · 整改开始'), `${months}`);
  const scores = await page.locator('#series-table tbody td:nth-child(2)').allTextContents();
  assert.ok(scores.some((s) => /^\d+\.\d$/.test(s)), `the series has scores: ${scores}`);
  assert.equal(await page.locator('#series-chart .plan-start').count(), 1);
  assert.ok((await page.locator('#series-chart polyline').count()) >= 1);
  // The numbers of the chart as a table, one click away.
  await page.locator('.series-details summary').click();
  await page.locator('#series-table').waitFor();
  await assertAccessible(page, 'the ledger');
  await shot(page, 'ledger');

  await page.locator('#plan-status').selectOption('done');
  await page.locator('#plan-note').fill('分时段预约已上线，候诊时间下降。');
  await page.locator('#update-plan').click();
  await page.locator('#plan-notes', { hasText: '分时段预约已上线' }).waitFor();
  assert.match(await page.textContent('#plan-status-now'), /已完成/);
  const stored = await (await api('cardio', 'GET', '/action-plans')).json();
  const updated = stored.action_plans.find((p) => p.id === plan.id);
  assert.equal(updated.status, 'done');
  assert.equal(updated.notes.at(-1).by, 'cardio');
  // A department head sees its department's plans only.
  assert.ok(stored.action_plans.every((p) => p.department === 'cardiology'));
  assert.deepEqual(errors, []);
  await context.close();

  const phone = await staffPage('cardio', PASSWORD, 'plans', PHONE);
  await phone.page.locator(`#plans tr[data-plan="${plan.id}"] .plan-choice`).click();
  await phone.page.locator('#series-table').waitFor({ state: 'attached', timeout: 60_000 });
  await assertAccessible(phone.page, 'the ledger on a phone');
  await shot(phone.page, 'phone-ledger');
  await phone.context.close();
});
