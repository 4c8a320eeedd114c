// Minifies the wasm-bindgen glue of the built bundles and updates its
// Subresource Integrity hash in the bundle's HTML.
//
// Trunk's own JS minifier cannot parse wasm-bindgen's module glue and
// leaves it as it is; terser can (survey: 7.5 → 5.7 KB gzipped). The file
// keeps its name: trunk's content hash in the name still changes with
// every change of the glue, so caching stays right.
//
// Usage: node tools/minify_glue.mjs DIST_DIR... (run by `cargo xtask
// build-app` after trunk).

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const HASHED_JS = /-[0-9a-f]{12,}\.js$/;

for (const dir of process.argv.slice(2)) {
  const files = readdirSync(dir);
  const pages = files.filter((f) => f.endsWith('.html'));
  for (const name of files.filter((f) => HASHED_JS.test(f))) {
    const path = join(dir, name);
    const { code } = await minify(readFileSync(path, 'utf8'), {
      module: true,
      compress: true,
      mangle: true,
    });
    writeFileSync(path, code);
    const sri = `sha384-${createHash('sha384').update(code).digest('base64')}`;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const withIntegrity = new RegExp(`(${escaped}[^>]*?integrity=["']?)sha384-[A-Za-z0-9+/=]+`, 'g');
    for (const page of pages) {
      const pagePath = join(dir, page);
      const html = readFileSync(pagePath, 'utf8');
      if (!html.includes(name)) continue;
      const updated = html.replace(withIntegrity, `$1${sri}`);
      if (updated === html) {
        throw new Error(`${pagePath} loads ${name} without an integrity hash this script knows how to update`);
      }
      writeFileSync(pagePath, updated);
    }
  }
}
