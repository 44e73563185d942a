// Folds the crate's JS snippets (src/web/loader.js, which wasm-bindgen writes to
// snippets/…/ and imports from its glue) into the glue itself, so a page loading the glue
// makes no extra request for them (without a bundler each module import is a round trip),
// and removes snippets/. Whole-line comments go with them (they are read in src/).
//
//   node tools/fold-snippets.mjs pkg/indicator_chart.js
//   node tools/fold-snippets.mjs --strip-comments in.js out.js   (whole-line comments only)

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The code without whole-line `//` comments and `/* … *\/` blocks that start a line. */
export function stripComments(code) {
  const out = [];
  let inBlock = false;
  for (const line of code.split('\n')) {
    const t = line.trim();
    if (inBlock) {
      if (t.includes('*/')) inBlock = false;
      continue;
    }
    if (t.startsWith('/*')) {
      if (!t.includes('*/')) inBlock = true;
      continue;
    }
    if (t.startsWith('//') || t === '') continue;
    out.push(line);
  }
  return `${out.join('\n')}\n`;
}

function fold(gluePath) {
  const dir = path.dirname(gluePath);
  let glue = readFileSync(gluePath, 'utf8');
  let folded = 0;
  glue = glue.replace(/^import \{([^}]*)\} from '(\.\/snippets\/[^']+)';\n/gm, (_, names, rel) => {
    const code = stripComments(readFileSync(path.join(dir, rel), 'utf8'));
    if (/^\s*import\b/m.test(code)) throw new Error(`${rel} imports other modules; it cannot be folded`);
    const pairs = names.split(',').map((n) => n.trim()).filter(Boolean).map((n) => n.split(/\s+as\s+/));
    const pattern = pairs.map(([from, to]) => (to ? `${from}: ${to}` : from)).join(', ');
    const returned = pairs.map(([from]) => from).join(', ');
    folded += 1;
    // Its own scope, so its names cannot collide with the glue's.
    return `const { ${pattern} } = (() => {\n${code.replace(/^export /gm, '')}return { ${returned} };\n})();\n`;
  });
  if (/\.\/snippets\//.test(glue)) throw new Error(`${gluePath}: a snippet import was not folded`);
  writeFileSync(gluePath, glue);
  rmSync(path.join(dir, 'snippets'), { recursive: true, force: true });
  console.log(`${gluePath}: ${folded} snippet module(s) folded in`);
}

const args = process.argv.slice(2);
if (args[0] === '--strip-comments') {
  writeFileSync(args[2], stripComments(readFileSync(args[1], 'utf8')));
} else {
  fold(args[0]);
}
