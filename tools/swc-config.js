// The one place the server-side SWC settings are assembled: .swcrc plus the path aliases of
// tsconfig.base.json (the only list of aliases). Used by the jest preset and by the build.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const read = (file) => JSON.parse(readFileSync(join(root, file), 'utf8'));

/** tsconfig's `paths`, e.g. `@primetrade/infrastructure/*` → `libs/infrastructure/src/*\/index.ts`. */
function pathAliases() {
  return read('tsconfig.base.json').compilerOptions.paths;
}

function swcConfig() {
  const swcrc = read('.swcrc');
  return { ...swcrc, jsc: { ...swcrc.jsc, baseUrl: root, paths: pathAliases() } };
}

/** The same aliases for jest's resolver. */
function jestModuleNameMapper() {
  const mapper = {};
  for (const [alias, [target]] of Object.entries(pathAliases())) {
    const pattern = '^' + alias.replace(/[.*+?^${}()|[\]\\/]/g, (c) => (c === '*' ? '(.*)' : `\\${c}`)) + '$';
    mapper[pattern] = join(root, target.replace('*', '$1'));
  }
  return mapper;
}

module.exports = { swcConfig, jestModuleNameMapper };

// `node tools/swc-config.js <file>` writes the assembled config for the swc CLI.
if (require.main === module) {
  const { mkdirSync, writeFileSync } = require('node:fs');
  const { dirname } = require('node:path');
  const out = process.argv[2] ?? join(root, 'tmp/swcrc.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(swcConfig(), null, 2));
}
