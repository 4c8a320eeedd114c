// Lighthouse (mobile: simulated slow 4G and a 4× slower CPU) on the survey's
// start page, served by a real tiyan-server. Performance and accessibility
// must both score at least 95. The scores are printed for BENCHMARKS.md.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer, chromeArgs } from './harness.mjs';

let server;
let url;
before(async () => {
  if (process.env.TIYAN_URL) {
    url = process.env.TIYAN_URL.replace(/\/$/, '');
  } else {
    server = await startServer();
    url = server.url;
  }
});
after(async () => {
  await server?.stop();
});

test('the survey start page scores ≥ 95 for performance and accessibility on mobile', async () => {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', ...chromeArgs],
  });
  try {
    const page = `${url}/s/H001?dept=cardiology&visit=outpatient&channel=phone`;
    const result = await lighthouse(page, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    const { categories, audits } = result.lhr;
    const figure = (id) => audits[id]?.displayValue ?? 'n/a';
    const scores = {
      performance: Math.round(categories.performance.score * 100),
      accessibility: Math.round(categories.accessibility.score * 100),
      fcp: figure('first-contentful-paint'),
      lcp: figure('largest-contentful-paint'),
      tbt: figure('total-blocking-time'),
      cls: figure('cumulative-layout-shift'),
      transfer: figure('total-byte-weight'),
    };
    console.log(`lighthouse survey start page: ${JSON.stringify(scores)}`);
    const failed = Object.values(audits)
      .filter((a) => a.score !== null && a.score < 1 && result.lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0))
      .map((a) => a.id);
    assert.ok(scores.accessibility >= 95, `accessibility ${scores.accessibility}; failing audits: ${failed}`);
    assert.ok(scores.performance >= 95, `performance ${scores.performance}: ${JSON.stringify(scores)}`);
  } finally {
    await chrome.kill();
  }
});
