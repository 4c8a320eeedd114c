// Tiyan survey service worker.
//
// Keeps the survey's app shell (index.html and the hashed JS, wasm, CSS and
// icons it references) so that a kiosk which reloads while the network is
// down still opens the survey; answers then wait in the outbox
// (localStorage) until the network returns.
//
// Never cached: the API (/api/…), the admin dashboard (/admin/…), anything
// that is not a GET, and other origins. Those always go to the network.

const CACHE = 'tiyan-survey-shell-v1';
const SHELL = '/index.html';
const ASSET = /\.(?:js|wasm|css|png|svg|ico|webmanifest)$/;
// A navigation waits this long for the network before the cached shell is
// used (a kiosk on a failing Wi-Fi should not hang on a blank screen).
const NAVIGATION_TIMEOUT_MS = 4000;

function bypass(url, request) {
  return (
    request.method !== 'GET' ||
    url.origin !== self.location.origin ||
    url.pathname.startsWith('/api/') ||
    url.pathname === '/admin' ||
    url.pathname.startsWith('/admin/')
  );
}

// Absolute asset paths an HTML shell references (link href, script src and
// the wasm path in trunk's inline loader), quoted or not: the release build
// minifies index.html, which leaves attribute values unquoted (href=/a.css).
function assetsOf(html) {
  const found = new Set();
  for (const m of html.matchAll(/[="'`](\/[^"'`?#\s>]+)/g)) {
    if (ASSET.test(m[1]) && !m[1].startsWith('/api/') && !m[1].startsWith('/admin/')) {
      found.add(m[1]);
    }
  }
  return [...found];
}

// Store a shell and the assets it needs; forget assets of older builds.
async function keepShell(cache, response) {
  const html = await response.clone().text();
  const assets = assetsOf(html);
  await Promise.all(
    assets.map(async (path) => {
      if (!(await cache.match(path))) {
        const res = await fetch(path, { cache: 'no-cache' });
        if (res.ok) await cache.put(path, res);
      }
    }),
  );
  await cache.put(SHELL, response);
  const wanted = new Set([SHELL, ...assets, '/sw.js']);
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (!wanted.has(path)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const response = await fetch(SHELL, { cache: 'no-cache' });
      if (response.ok) await keepShell(cache, response);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

async function navigate(event) {
  const cache = await caches.open(CACHE);
  try {
    const response = await withTimeout(fetch(event.request), NAVIGATION_TIMEOUT_MS);
    const type = response.headers.get('content-type') || '';
    if (response.ok && type.includes('text/html')) {
      event.waitUntil(keepShell(cache, response.clone()).catch(() => {}));
    }
    return response;
  } catch (error) {
    const shell = await cache.match(SHELL);
    if (shell) return shell;
    throw error;
  }
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && ASSET.test(new URL(request.url).pathname)) {
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (bypass(url, event.request)) return;
  if (event.request.mode === 'navigate') {
    event.respondWith(navigate(event));
  } else if (ASSET.test(url.pathname)) {
    event.respondWith(asset(event.request));
  }
});
