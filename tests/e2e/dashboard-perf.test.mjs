// Measures the dashboard scoring generated exports in the browser: the time
// from choosing the file to the overview on screen, and the longest task on
// the page's main thread meanwhile (PerformanceObserver 'longtask'; the
// target is none over 100 ms: parsing, tallying and scoring run in the web
// worker), then the time until the comment analysis names the most
// complained-of themes and the longest main-thread task meanwhile. Slow,
// so it runs only with TIYAN_DASHBOARD_PERF=1; sizes from
// TIYAN_DASHBOARD_PERF_SIZES (default "100000,1000000"). Prints one JSON
// line per size for BENCHMARKS.md.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser, cliBin } from './harness.mjs';

const enabled = process.env.TIYAN_DASHBOARD_PERF === '1';
const sizes = (process.env.TIYAN_DASHBOARD_PERF_SIZES ?? '100000,1000000').split(',').map(Number);
let server;
let url;
let browser;
let work;

before(async () => {
  if (!enabled) return;
  if (process.env.TIYAN_URL) {
    url = process.env.TIYAN_URL.replace(/\/$/, '');
  } else {
    server = await startServer();
    url = server.url;
  }
  browser = await launchBrowser();
  work = process.env.TIYAN_DASHBOARD_PERF_DIR ?? mkdtempSync(join(tmpdir(), 'tiyan-perf-'));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A generated export of `n` responses over 2024–2025 (kept between runs). */
function exportFile(n) {
  const file = join(work, `generated-${n}.csv`);
  if (!existsSync(file)) {
    execFileSync(cliBin, ['generate', '--responses', String(n), '--seed', '7', '--from-year', '2024',
      '--years', '2', '--output', file]);
  }
  return file;
}

for (const n of sizes) {
  test(`scores ${n} responses in the browser off the main thread`, { skip: !enabled, timeout: 1_800_000 }, async () => {
    const file = exportFile(n);
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      window.__longtasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${url}/admin/`);
    await page.waitForSelector('#open-file', { state: 'attached', timeout: 30_000 });
    const start = await page.evaluate(() => performance.now());
    await page.setInputFiles('#open-file', file);
    await page.waitForSelector('#card-index', { timeout: 1_800_000 });
    const end = await page.evaluate(() => performance.now());
    const tasks = await page.evaluate((t0) => window.__longtasks.filter((t) => t.start >= t0), start);
    const longest = Math.max(0, ...tasks.map((t) => t.duration));
    const shown = Number((await page.textContent('#card-n .big')).replace(/,/g, ''));
    // Then the comment analysis (docs/scoring.md §14–§17) in the worker:
    // the overview names the most complained-of themes once it is done.
    await page.waitForSelector('#top-complaints', { timeout: 1_800_000 });
    const analysed = await page.evaluate(() => performance.now());
    const analysing = await page.evaluate((t0) => window.__longtasks.filter((t) => t.start >= t0), end);
    const longestAnalysing = Math.max(0, ...analysing.map((t) => t.duration));
    console.log(JSON.stringify({
      responses: n,
      file_mb: +(statSync(file).size / 1e6).toFixed(1),
      seconds_to_overview: +((end - start) / 1000).toFixed(2),
      longtasks_over_50ms: tasks.length,
      longest_main_thread_task_ms: Math.round(longest),
      responses_in_2025: shown,
      seconds_overview_to_comment_themes: +((analysed - end) / 1000).toFixed(2),
      longest_main_thread_task_while_analysing_ms: Math.round(longestAnalysing),
    }));
    assert.ok(shown > 0);
    assert.ok(longestAnalysing < 100, `a main-thread task of ${longestAnalysing} ms while comments were analysed`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
