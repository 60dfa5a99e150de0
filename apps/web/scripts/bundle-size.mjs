// Measures the initial JavaScript of the production build the way a browser receives it:
// the scripts index.html loads plus the chunks it preloads, gzip- and brotli-compressed.
// Usage: node bundle-size.mjs <browser-dir> <limit-kB>; exits 1 when gzip exceeds the limit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const [dir = 'dist/apps/web/browser', limitKb = '300'] = process.argv.slice(2);
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const files = new Set();
for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) files.add(m[1]);
for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) files.add(m[1]);
for (const m of html.matchAll(/<link[^>]+href="([^"]+\.js)"[^>]+rel="modulepreload"/g)) files.add(m[1]);

let raw = 0,
  gzip = 0,
  brotli = 0;
for (const file of files) {
  const buf = readFileSync(join(dir, file));
  raw += buf.length;
  gzip += gzipSync(buf, { level: 9 }).length;
  brotli += brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log(`initial JS (${files.size} files): raw ${kb(raw)}, gzip ${kb(gzip)}, brotli ${kb(brotli)}; limit ${limitKb} kB compressed`);
if (gzip > Number(limitKb) * 1024) {
  console.error(`initial JS is over budget: gzip ${kb(gzip)} > ${limitKb} kB`);
  process.exit(1);
}
