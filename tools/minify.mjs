// The package's JS as it ships: minified by esbuild (a pinned dev dependency of tools/), the
// same way for ./build.sh package and for the test that checks pkg/ is up to date.
//   node tools/minify.mjs in.js out.js
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const esbuild = createRequire(import.meta.url)('esbuild');

/** `code` (an ES module) minified. */
export function minify(code) {
  return esbuild.transformSync(code, { minify: true, format: 'esm', loader: 'js', legalComments: 'none' }).code;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [input, output] = process.argv.slice(2);
  writeFileSync(output, minify(readFileSync(input, 'utf8')));
}
