// The skeleton end to end: the server serves the built app, Chromium renders
// the Yew survey, the wasm has the right MIME type, health answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('health answers 200', async () => {
  const r = await fetch(`${server.url}/api/v1/health`);
  assert.equal(r.status, 200);
});

test('the survey page renders the Yew app and its wasm is application/wasm', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const wasmTypes = [];
  page.on('response', (resp) => {
    if (resp.url().endsWith('.wasm')) wasmTypes.push(resp.headers()['content-type']);
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/`);
  // index.html's loading screen has a `main` of its own; `#main` is the app's.
  await page.waitForSelector('#main h1', { timeout: 20_000 });
  assert.ok((await page.textContent('body')).length > 0);
  assert.deepEqual(wasmTypes.length >= 1, true, 'a .wasm was loaded');
  for (const t of wasmTypes) assert.equal(t, 'application/wasm');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the dashboard is a separate bundle under /admin/', async () => {
  const page = await browser.newPage();
  const wasm = [];
  page.on('response', (resp) => { if (resp.url().endsWith('.wasm')) wasm.push(new URL(resp.url()).pathname); });
  await page.goto(`${server.url}/admin/`);
  await page.waitForSelector('main', { timeout: 20_000 });
  assert.ok(wasm.length >= 1 && wasm.every((p) => p.startsWith('/admin/')), `dashboard wasm served from /admin/: ${wasm}`);
  await page.close();
});
