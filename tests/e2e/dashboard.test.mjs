// The administrator dashboard end to end: sign in, choose the periods, see
// the overview; the report JSON the browser computes (in its web worker) has
// the same bytes as `tiyan score` run on the exported CSV with the same
// options; filters re-score without downloading again; a hospital
// administrator is held to their hospital; comments render as text; an
// evaluator opens an export file with no server session.
//
// Env: TIYAN_URL (a running server with the demo data, else one is started
// on a seeded temporary database), TIYAN_SERVER_BIN, TIYAN_CLI_BIN, TIYAN_DIST.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, launchBrowser, cliBin, login } from './harness.mjs';

const PASSWORD = 'tiyan-demo';
let server;
let url;
let browser;
let token;
let work;
let exportCsv;
/** Code → the zh-CN name staff read (docs/formats.md §7); unknown codes stay codes. */
let placeName = (code) => code;

before(async () => {
  if (process.env.TIYAN_URL) {
    url = process.env.TIYAN_URL.replace(/\/$/, '');
  } else {
    server = await startServer({ seedDemo: true });
    url = server.url;
  }
  browser = await launchBrowser();
  token = await login(url, 'admin', PASSWORD);
  work = mkdtempSync(join(tmpdir(), 'tiyan-dashboard-'));
  // What an evaluator downloads: both years, one CSV.
  const r = await fetch(`${url}/api/v1/export?format=csv&from=2024-01-01&to=2026-01-01`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(r.status, 200);
  exportCsv = join(work, 'export.csv');
  writeFileSync(exportCsv, Buffer.from(await r.arrayBuffer()));
  const registry = await fetch(`${url}/api/v1/hospitals`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(registry.status, 200);
  const names = new Map((await registry.json()).map((h) => [h.code, h.names?.['zh-CN'] || h.code]));
  placeName = (code) => names.get(code) ?? code;
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** `tiyan score` on the exported CSV: the evaluator's native rerun. */
function cliReport(args) {
  return execFileSync(cliBin, ['score', '--input', exportCsv, ...args], { maxBuffer: 64 << 20 });
}

/** `tiyan comments` on the exported CSV (docs/formats.md §8). */
function cliComments(args) {
  return execFileSync(cliBin, ['comments', '--input', exportCsv, ...args], { maxBuffer: 256 << 20 });
}

/** Saves the comment analysis JSON through its export button. */
async function commentsJson(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-comments-json')]);
  return readFileSync(await download.path());
}

async function newPage() {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const exports = [];
  page.on('request', (r) => { if (r.url().includes('/api/v1/export')) exports.push(r.url()); });
  return { page, errors, exports };
}

async function signIn(page, username) {
  await page.goto(`${url}/admin/`);
  await page.waitForSelector('#username', { timeout: 30_000 });
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await page.click('#sign-in');
  await page.waitForSelector('#apply', { timeout: 30_000 });
}

/** Chooses 2025 against 2024, presses Compute, waits for the overview. */
async function compute(page) {
  await page.selectOption('#f-period', '2025');
  await page.selectOption('#f-baseline', '2024');
  await page.click('#apply');
  await page.waitForSelector('#card-index', { timeout: 120_000 });
}

/** Saves the report JSON through the export button; returns its bytes. */
async function reportJson(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  return readFileSync(await download.path());
}

/** Every axe violation of the page, of any impact. */
async function axeViolations(page) {
  await page.evaluate(readFileSync(resolve(import.meta.dirname, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  return page.evaluate(async () =>
    (await window.axe.run(document, { resultTypes: ['violations'] })).violations
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
}

/** The report JSON once the shown report's options satisfy `predicate`. */
async function waitForOptions(page, predicate) {
  for (let i = 0; i < 600; i += 1) {
    const bytes = await reportJson(page);
    const options = JSON.parse(bytes.toString('utf8')).options;
    if (predicate(options)) return bytes;
    await page.waitForTimeout(100);
  }
  throw new Error('the report never showed the expected options');
}

test('an administrator signs in, chooses the periods and sees the overview', async () => {
  const { page, errors } = await newPage();
  await signIn(page, 'admin');
  assert.match(await page.textContent('#who'), /admin/);
  assert.match(await page.textContent('#who'), /管理员/);
  await compute(page);
  const shown = Number((await page.textContent('#card-n .big')).replace(/,/g, ''));
  const report = JSON.parse(cliReport(['--period', '2025']).toString('utf8'));
  assert.equal(shown, report.groups[0].n, 'responses in 2025');
  assert.match(await page.textContent('#card-index .big'), /^\d+\.\d$/);
  assert.match(await page.textContent('#card-change'), /2024 → 2025/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the report JSON has the bytes of tiyan score on the exported CSV', async () => {
  const { page, errors, exports } = await newPage();
  await signIn(page, 'admin');
  await compute(page);
  const downloads = exports.length;
  assert.equal(downloads, 2, 'one download per period');

  const plain = await reportJson(page);
  assert.ok(plain.equals(cliReport(['--period', '2025', '--baseline', '2024'])), 'default options');

  // Grouping, case-mix and a subset re-score in the worker: no download.
  await page.selectOption('#f-group', 'hospital');
  await waitForOptions(page, (o) => o.group_by === 'hospital');
  await page.check('#f-casemix');
  await page.selectOption('#f-visit', 'inpatient');
  const adjusted = await waitForOptions(
    page,
    (o) => o.case_mix && o.group_by === 'hospital' && o.filters?.visit_type === 'inpatient',
  );
  const cli = cliReport([
    '--period', '2025', '--baseline', '2024', '--group-by', 'hospital', '--case-mix', '--visit-type', 'inpatient',
  ]);
  assert.ok(adjusted.equals(cli), 'grouped, case-mix adjusted, inpatients only');
  assert.equal(exports.length, downloads, 'filters re-scored without a new download');
  assert.deepEqual(errors, []);
  await page.close();
});

test('every view renders, and the comparison table sorts', async () => {
  const { page, errors } = await newPage();
  await signIn(page, 'admin');
  await page.selectOption('#f-group', 'hospital');
  await compute(page);
  const visit = async (name, selector) => {
    await page.click(`nav.tabs a[href$="/${name}"]`);
    await page.waitForSelector(selector, { timeout: 20_000 });
  };
  await visit('comparison', '#comparison-table');
  const firstLabel = () => page.textContent('#comparison-table tbody tr:first-child th');
  assert.equal(await firstLabel(), '就医体验指数');
  await page.click('#comparison-table thead th:nth-child(5) button');
  const diffs = await page.$$eval('#comparison-table tbody tr td:nth-of-type(4)', (cells) =>
    cells.map((c) => Number(c.textContent.replace('−', '-').replace('+', ''))).filter((n) => !Number.isNaN(n)));
  assert.ok(diffs.length > 10);
  assert.ok(diffs.every((d, i) => i === 0 || diffs[i - 1] >= d), 'largest difference first');
  await visit('stages', '.stage-section');
  assert.ok(await page.$('#chart-distribution-pre_visit svg'));
  await visit('priorities', '#chart-quadrant svg');
  await visit('groups', '#groups-table');
  assert.equal(await page.$$eval('#groups-table tbody tr', (rows) => rows.length), 6, 'all + 5 hospitals');
  await visit('trend', '#chart-trend svg');
  // Each chart has its table equivalent.
  assert.ok(await page.$('#chart-trend details table'));
  await visit('print', '.print-page');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the language switch and accessibility of the views', async () => {
  const axe = readFileSync(resolve(import.meta.dirname, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  const { page, errors } = await newPage();
  await signIn(page, 'admin');
  await page.selectOption('#f-group', 'hospital');
  await compute(page);
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await page.textContent('#card-index h3'), /Experience index/);
  assert.match(await page.textContent('#chart-stages figcaption'), /Stage scores/);
  for (const view of ['', 'comparison', 'stages', 'priorities', 'groups', 'benchmark', 'trend', 'comments']) {
    if (view) await page.click(`nav.tabs a[href$="/${view}"]`);
    await page.waitForTimeout(300);
    await page.evaluate(axe);
    const violations = await page.evaluate(async () =>
      (await window.axe.run(document, { resultTypes: ['violations'] })).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    assert.deepEqual(violations, [], `axe on /${view}`);
  }
  await page.selectOption('#lang', 'zh-Hant');
  assert.match(await page.textContent('#comments-title'), /患者留言/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('methodology version 2: the units and XmR charts have the bytes of tiyan score', async () => {
  // One page per combination, the choices made before Compute: each page
  // then downloads one report (Chromium may hold back a page's many
  // scripted downloads).
  const cases = [
    ['hospital', false],
    ['hospital', true],
    ['department', false],
    ['department', true],
  ];
  for (const [by, caseMix] of cases) {
    const { page, errors } = await newPage();
    await signIn(page, 'admin');
    await page.selectOption('#f-group', by);
    if (caseMix) await page.check('#f-casemix');
    await compute(page);
    const bytes = await waitForOptions(page, (o) => o.group_by === by && o.case_mix === caseMix);
    const args = ['--period', '2025', '--baseline', '2024', '--group-by', by, ...(caseMix ? ['--case-mix'] : [])];
    assert.ok(bytes.equals(cliReport(args)), `--group-by ${by}${caseMix ? ' --case-mix' : ''}`);
    const report = JSON.parse(bytes.toString('utf8'));
    assert.ok(report.units?.measures.length > 0, `units compared when grouped by ${by}`);
    assert.ok(report.units.measures[0].units.length >= 3);
    assert.ok(report.groups[0].spc.some((c) => c !== null), 'an XmR chart of the index or a stage');
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the benchmark view: funnel, sortable units, marks, and the XmR chart', async () => {
  const { page, errors } = await newPage();
  await signIn(page, 'admin');
  await compute(page);
  // Without a grouping there is nothing to compare, and the page says how to get it.
  await page.click('nav.tabs a[href$="/benchmark"]');
  assert.match(await page.textContent('#units-missing'), /分组依据/);
  await page.selectOption('#f-group', 'hospital');
  const report = JSON.parse((await waitForOptions(page, (o) => o.group_by === 'hospital')).toString('utf8'));
  await page.waitForSelector('#chart-funnel svg', { timeout: 20_000 });
  const index = report.units.measures[0];
  const keys = () => page.$$eval('#benchmark-table tbody th', (cells) => cells.map((c) => c.textContent));
  // Rows are ordered by code and show the hospital's name.
  assert.deepEqual(await keys(), index.units.map((u) => u.key).sort().map(placeName), 'by key, not ranked');
  assert.equal(await page.$$eval('#chart-funnel g.unit', (g) => g.length), index.units.filter((u) => u.mean !== null).length);
  assert.ok(await page.$('#chart-funnel details table'), 'the table equivalent');
  const below = index.units.filter((u) => u.reliable === false).map((u) => u.key).sort().map(placeName);
  assert.deepEqual(
    await page.$$eval('#benchmark-table tr.below-target th', (cells) => cells.map((c) => c.textContent)),
    below,
    'units below the reliability target are marked',
  );
  // Sorting by the difference from the rest, largest first.
  await page.click('#benchmark-table thead th:nth-child(7) button');
  const byDiff = [...index.units].sort((a, b) => b.diff - a.diff || a.key.localeCompare(b.key)).map((u) => placeName(u.key));
  assert.deepEqual(await keys(), byDiff);
  // Another measure: a stage.
  const stage = report.units.measures.find((m) => m.scope === 'stage');
  const indexCaption = await page.textContent('#chart-funnel figcaption');
  await page.selectOption('#b-measure', `stage:${stage.id}`);
  await page.waitForFunction((c) => document.querySelector('#chart-funnel figcaption').textContent !== c, indexCaption);
  assert.equal(await page.inputValue('#b-measure'), `stage:${stage.id}`);
  assert.match(await page.textContent('.view.benchmark'), /这意味着什么/);
  assert.deepEqual(await axeViolations(page), [], 'axe on /benchmark');

  await page.click('nav.tabs a[href$="/trend"]');
  await page.waitForSelector('#xmr', { timeout: 20_000 });
  const chart = report.groups[0].spc[0];
  if (chart === null) {
    assert.ok(await page.$('#xmr-missing'));
  } else {
    await page.waitForSelector('#chart-xmr svg');
    const flagged = new Set(chart.signals.flatMap((s) => s.months)).size;
    assert.equal(await page.$$eval('#chart-xmr g.signal', (g) => g.length), flagged, 'every flagged month highlighted');
  }
  assert.deepEqual(await axeViolations(page), [], 'axe on /trend');
  // The printed report carries the unit tables and the XmR summary.
  await page.click('nav.tabs a[href$="/print"]');
  await page.waitForSelector('#print-units-0', { timeout: 20_000 });
  assert.equal(await page.$$eval('#print-units-0 tbody tr', (rows) => rows.length), index.units.length);
  const charts = report.groups.filter((g) => g.n !== null && g.spc).reduce((k, g) => k + g.spc.length, 0);
  assert.equal(await page.$$eval('#print-xmr tbody tr', (rows) => rows.length), charts);
  await page.selectOption('#x-group', 'H001');
  await page.waitForFunction((name) => document.querySelector('#xmr figcaption, #xmr-missing')?.textContent.includes(name)
    || document.querySelector('#xmr-missing') !== null, placeName('H001'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a hospital administrator sees their hospital only', async () => {
  const { page, errors } = await newPage();
  await signIn(page, 'h001');
  assert.match(await page.textContent('#who'), /医院管理员 · H001/);
  assert.equal(await page.$eval('#f-hospital', (s) => s.disabled), true);
  await page.selectOption('#f-group', 'hospital');
  await compute(page);
  const report = JSON.parse((await reportJson(page)).toString('utf8'));
  assert.deepEqual(report.groups.map((g) => g.key), ['all', 'H001']);
  assert.equal(report.options.filters.hospital, 'H001');
  // A reload keeps the session, and the restriction with it.
  await page.reload();
  await page.waitForSelector('#apply', { timeout: 30_000 });
  assert.equal(await page.$eval('#f-hospital', (s) => s.value), 'H001');
  assert.match(await page.textContent('#who'), /H001/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the comment analysis has the bytes of tiyan comments, with masked quotes per theme', async () => {
  const { page, errors, exports } = await newPage();
  await signIn(page, 'admin');
  await compute(page);
  // The overview names the most complained-of themes.
  await page.waitForSelector('#top-complaints');
  await page.click('nav.tabs a[href$="/comments"]');
  await page.waitForSelector('#comments-summary');
  const plain = await commentsJson(page);
  assert.ok(plain.equals(cliComments(['--period', '2025', '--baseline', '2024'])), 'default options');
  const doc = JSON.parse(plain.toString('utf8'));
  assert.equal(doc.comment_method.taxonomy, 'campaign-v1');
  assert.equal(doc.groups[0].themes.length, 20);
  const shown = await page.textContent('#comments-summary');
  assert.ok(shown.includes(doc.groups[0].n_comments.toLocaleString('en-US')), shown);

  // Grouped, and a subset: analysed again in the worker, no download.
  await page.selectOption('#f-group', 'hospital');
  await page.selectOption('#f-visit', 'outpatient');
  let grouped;
  for (let i = 0; i < 300; i += 1) {
    await page.waitForSelector('#export-comments-json');
    grouped = await commentsJson(page);
    const o = JSON.parse(grouped.toString('utf8')).options;
    if (o.group_by === 'hospital' && o.filters?.visit_type === 'outpatient') break;
    await page.waitForTimeout(100);
  }
  const cli = cliComments(['--period', '2025', '--baseline', '2024', '--group-by', 'hospital', '--visit-type', 'outpatient']);
  assert.ok(grouped.equals(cli), 'grouped by hospital, outpatients only');
  assert.equal(exports.length, 2, 'no new download');

  // A theme's button lists the masked quotes behind its count.
  await page.click('#theme-waiting button');
  await page.waitForFunction(() => document.querySelector('#quotes-title')?.textContent.includes('等候排队'));
  // Every quote listed carries the theme (waiting out the list of the
  // request before).
  await page.waitForFunction(() => {
    const lis = [...document.querySelectorAll('#comment-list li')];
    return lis.length > 0 && lis.every((li) => li.querySelector('.comment-themes').textContent.includes('等候排队'));
  });
  // Personal data is masked wherever a comment is shown.
  await page.click('#show-all-comments');
  await page.fill('#comment-query', '电话');
  await page.click('form.search button');
  await page.waitForFunction(() => document.querySelector('#comment-list')?.textContent.includes('[手机号]'));
  assert.ok(!(await page.textContent('#comment-list')).includes('13800001234'));
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('comments are shown as text, never as markup', async () => {
  const marker = `<img src=x onerror="window.__pwned=1"><b>粗体</b> ${Date.now()}`;
  const response = {
    id: crypto.randomUUID(),
    instrument: 'pxs-core', instrument_version: 1,
    hospital: 'H001', department: '', visit_type: 'outpatient', channel: 'web',
    submitted_at: '2025-06-01T08:00:00Z',
    answers: { 'overall.rating': 8, 'overall.recommend': 9 },
    comment: marker,
  };
  const r = await fetch(`${url}/api/v1/responses`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(response),
  });
  assert.equal(r.status, 201);
  const { page, errors } = await newPage();
  await signIn(page, 'admin');
  await compute(page);
  await page.click('nav.tabs a[href$="/comments"]');
  await page.fill('#comment-query', '粗体');
  await page.click('form.search button');
  await page.waitForFunction((m) => document.querySelector('#comment-list')?.textContent.includes(m), marker);
  assert.equal(await page.$('#comment-list img'), null, 'no element made from the comment');
  assert.equal(await page.$('#comment-list b'), null);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an evaluator opens the export file with no server session', async () => {
  const { page, errors, exports } = await newPage();
  await page.goto(`${url}/admin/`);
  await page.waitForSelector('#open-file', { state: 'attached', timeout: 30_000 });
  await page.setInputFiles('#open-file', exportCsv);
  await page.waitForSelector('#card-index', { timeout: 120_000 });
  assert.match(await page.textContent('#who'), /export\.csv/);
  // No comments without a sign-in.
  assert.equal(await page.$('nav.tabs a[href$="/comments"]'), null);
  const bytes = await reportJson(page);
  assert.ok(bytes.equals(cliReport(['--period', '2025', '--baseline', '2024'])));
  assert.equal(exports.length, 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('choices made while an opened file loads survive its first report', async () => {
  const { page, errors, exports } = await newPage();
  // Hold every message to the scoring worker until the choices are made,
  // as a slow machine would: the page has read the file, the worker has
  // not yet parsed it.
  await page.addInitScript(() => {
    const post = Worker.prototype.postMessage;
    const held = [];
    let open = false;
    Worker.prototype.postMessage = function (...args) {
      if (open) return post.apply(this, args);
      held.push([this, args]);
      return undefined;
    };
    window.__releaseWorker = () => {
      open = true;
      for (const [worker, args] of held.splice(0)) post.apply(worker, args);
    };
  });
  await page.goto(`${url}/admin/`);
  await page.waitForSelector('#open-file', { state: 'attached', timeout: 30_000 });
  await page.setInputFiles('#open-file', exportCsv);
  await page.waitForSelector('#f-group', { timeout: 30_000 });
  await page.selectOption('#f-group', 'department');
  await page.check('#f-casemix');
  assert.equal(await page.$('#card-index'), null, 'no report before the worker has the file');
  await page.evaluate(() => window.__releaseWorker());

  await page.waitForSelector('#card-index', { timeout: 120_000 });
  const bytes = await waitForOptions(page, (o) => o.group_by === 'department' && o.case_mix);
  assert.ok(
    bytes.equals(cliReport(['--period', '2025', '--baseline', '2024', '--group-by', 'department', '--case-mix'])),
    'scored with the choices made while loading',
  );
  assert.equal(await page.inputValue('#f-group'), 'department');
  assert.ok(await page.isChecked('#f-casemix'));
  assert.equal(exports.length, 0);
  assert.deepEqual(errors, []);
  await page.close();
});
