// Folds the crate's JS snippets (src/web/loader.js and dom.js, which wasm-bindgen writes to
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
  // Each snippet module once (its own scope, so its names cannot collide with the glue's),
  // then every import of it from that object: `import { a, b as c } from …` and the
  // `import * as importN from …` wasm-bindgen writes for functions the wasm calls directly.
  const modules = new Map();
  const module = (rel) => {
    if (!modules.has(rel)) {
      const code = stripComments(readFileSync(path.join(dir, rel), 'utf8'));
      if (/^\s*import\b/m.test(code)) throw new Error(`${rel} imports other modules; it cannot be folded`);
      const names = [...code.matchAll(/^export (?:async )?(?:function\*?|const|let|var|class) ([\w$]+)/gm)].map((m) => m[1]);
      const name = `__snippet${modules.size}`;
      modules.set(rel, { name, code: `const ${name} = (() => {\n${code.replace(/^export /gm, '')}return { ${names.join(', ')} };\n})();\n` });
    }
    return modules.get(rel).name;
  };
  const bindings = [];
  glue = glue.replace(/^import (?:\{([^}]*)\}|\* as ([\w$]+)) from ['"](\.\/snippets\/[^'"]+)['"];?\n/gm, (_, names, star, rel) => {
    const m = module(rel);
    if (star) {
      bindings.push(`const ${star} = ${m};\n`);
    } else {
      const pairs = names.split(',').map((n) => n.trim()).filter(Boolean).map((n) => n.split(/\s+as\s+/));
      bindings.push(`const { ${pairs.map(([from, to]) => (to ? `${from}: ${to}` : from)).join(', ')} } = ${m};\n`);
    }
    return '';
  });
  if (/\.\/snippets\//.test(glue.replace(/^\s*"\.\/snippets\/[^"]+": import\d+,$/gm, ''))) {
    throw new Error(`${gluePath}: a snippet import was not folded`);
  }
  const folded = [...modules.values()].map((m) => m.code).join('') + bindings.join('');
  // After the first line (wasm-bindgen's @ts-self-types comment), before the glue's code.
  const nl = glue.indexOf('\n') + 1;
  glue = glue.startsWith('/*') ? glue.slice(0, nl) + folded + glue.slice(nl) : folded + glue;
  writeFileSync(gluePath, glue);
  rmSync(path.join(dir, 'snippets'), { recursive: true, force: true });
  console.log(`${gluePath}: ${modules.size} snippet module(s) folded in`);
}

const args = process.argv.slice(2);
if (args[0] === '--strip-comments') {
  writeFileSync(args[2], stripComments(readFileSync(args[1], 'utf8')));
} else {
  fold(args[0]);
}
