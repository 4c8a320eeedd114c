// Shared helpers for the browser end-to-end tests: a real tiyan-server on a
// free loopback port with a throwaway SQLite database, and Debian's Chromium
// driven by playwright-core (never a downloaded browser).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import net from 'node:net';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..', '..');
export const serverBin = process.env.TIYAN_SERVER_BIN ?? join(root, 'target/debug/tiyan-server');
export const cliBin = process.env.TIYAN_CLI_BIN ?? join(root, 'target/debug/tiyan');
export const distDir = process.env.TIYAN_DIST ?? join(root, 'dist');

/** Chromium flags that keep it off this machine's closed network. */
export const chromeArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: chromeArgs,
  });
}

async function freePort() {
  return new Promise((ok, fail) => {
    const srv = net.createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

/**
 * Starts tiyan-server on a fresh database. Options: `seedDemo` (load demo
 * data), `admins` ([{username, password, role, hospital, department}]), `instrument`
 * (an instrument JSON file to serve instead of the built-in one).
 * Returns { url, database, stop() }.
 */
export async function startServer({ seedDemo = false, admins = [], instrument } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tiyan-e2e-'));
  const database = `sqlite://${join(dir, 'tiyan.db')}`;
  if (seedDemo) {
    execFileSync(serverBin, ['seed-demo', '--database', database], { stdio: 'inherit' });
  }
  for (const a of admins) {
    const args = ['create-admin', '--database', database, '--username', a.username, '--role', a.role];
    if (a.hospital) args.push('--hospital', a.hospital);
    if (a.department) args.push('--department', a.department);
    execFileSync(serverBin, args, {
      env: { ...process.env, TIYAN_ADMIN_PASSWORD: a.password },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const serveArgs = ['serve', '--listen', `127.0.0.1:${port}`, '--database', database, '--dist', distDir];
  if (instrument) serveArgs.push('--instrument', instrument);
  // Tests post responses of 2024 and 2025 (fixtures, generated data, mocked
  // clocks): the server's submitted_at window is opened to a century.
  const child = spawn(serverBin, serveArgs, {
    stdio: ['ignore', 'inherit', 'inherit'],
    // One address (the test) also posts hundreds of responses in batches,
    // each response a token of the submission limit: a larger burst.
    env: {
      ...process.env,
      TIYAN_ACCEPT_LATE_DAYS: process.env.TIYAN_ACCEPT_LATE_DAYS ?? '36500',
      TIYAN_SUBMIT_BURST: process.env.TIYAN_SUBMIT_BURST ?? '5000',
    },
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const r = await fetch(`${url}/api/v1/health`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (child.exitCode !== null) throw new Error(`tiyan-server exited with ${child.exitCode}`);
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error('tiyan-server did not answer /api/v1/health within 30 s'); }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url, database, dir,
    stop: () => new Promise((ok) => { child.once('exit', ok); child.kill('SIGTERM'); }),
  };
}

/** Logs in through the API and returns the bearer token. */
export async function login(url, username, password) {
  const r = await fetch(`${url}/api/v1/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (r.status !== 200) throw new Error(`login as ${username}: HTTP ${r.status}`);
  return (await r.json()).token;
}
