// Shortens the names the wasm and its wasm-bindgen glue share: every import
// (`__wbg_fillRect_e1f0b9915220348b` → `a`, the module `./indicator_chart_bg.js` → `a`) and
// every export but `memory` (`chart_barRect`, `__wbindgen_malloc` → `b`, `c`, …), in the
// .wasm and in the glue together, and drops the custom sections no browser reads
// (`producers`, `target_features`, `name`). The glue's own exports (`mount`, `Chart`, …) are
// untouched: only the private names between the two files change. The hashes in the import names are
// incompressible: measured on the package (2026-12-01), the wasm went from 118,776 to
// 115,784 B gzip (268,315 to 259,029 B raw) and the minified glue from 8,278 to 6,035 B.
//
//   node tools/short-names.mjs pkg/indicator_chart_bg.wasm pkg/indicator_chart.js
//
// Run it after wasm-opt (which may drop imports) and before minifying the glue.

import { readFileSync, writeFileSync } from 'node:fs';

/** The n-th short name: a…z, A…Z, then two letters and so on. */
export function shortName(n) {
  const ABC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do {
    s = ABC[n % ABC.length] + s;
    n = Math.floor(n / ABC.length) - 1;
  } while (n >= 0);
  return s;
}

const DROPPED_CUSTOM = new Set(['producers', 'target_features', 'name']);

function uleb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

const encStr = (s) => {
  const b = Buffer.from(s, 'utf8');
  return [...uleb(b.length), ...b];
};

/** The wasm with imports and exports renamed; also returns the maps old → new. */
export function shortenWasm(bytes) {
  const b = bytes;
  let p = 8;
  const leb = () => {
    let r = 0;
    let s = 0;
    let x;
    do {
      x = b[p++];
      r += (x & 0x7f) * 2 ** s;
      s += 7;
    } while (x & 0x80);
    return r;
  };
  const str = () => {
    const n = leb();
    const s = b.subarray(p, p + n).toString('utf8');
    p += n;
    return s;
  };
  const limits = () => {
    const flag = b[p++];
    leb();
    if (flag & 1) leb();
  };
  const imports = new Map();
  const modules = new Map();
  const exports = new Map();
  const out = [b.subarray(0, 8)];
  while (p < b.length) {
    const id = b[p++];
    const size = leb();
    const start = p;
    const end = start + size;
    if (id === 0) {
      const name = str();
      p = end;
      if (DROPPED_CUSTOM.has(name)) continue;
      out.push(Buffer.from([0, ...uleb(size)]), b.subarray(start, end));
      continue;
    }
    if (id !== 2 && id !== 7) {
      p = end;
      out.push(Buffer.from([id, ...uleb(size)]), b.subarray(start, end));
      continue;
    }
    const n = leb();
    const body = [...uleb(n)];
    for (let i = 0; i < n; i++) {
      if (id === 2) {
        const mod = str();
        const field = str();
        if (!modules.has(mod)) modules.set(mod, shortName(modules.size));
        // A snippet's function the wasm calls directly (`import * as importN` in the glue)
        // keeps its name: it is the snippet module's own export.
        const own = mod.endsWith('_bg.js');
        if (own && !imports.has(field)) imports.set(field, shortName(imports.size));
        const descStart = p;
        const kind = b[p++];
        if (kind === 0) leb();
        else if (kind === 1) {
          p++;
          limits();
        } else if (kind === 2) limits();
        else if (kind === 3) p += 2;
        else if (kind === 4) {
          p++;
          leb();
        } else throw new Error(`import ${mod}.${field}: unknown kind ${kind}`);
        body.push(...encStr(modules.get(mod)), ...encStr(own ? imports.get(field) : field), ...b.subarray(descStart, p));
      } else {
        const name = str();
        const descStart = p;
        p++;
        leb();
        // `memory` stays: init() resolves to the exports, and pages read its size
        // (www/test/hostile/page.mjs, bench/pages/widget.js).
        exports.set(name, name === 'memory' ? name : shortName(exports.size));
        body.push(...encStr(exports.get(name)), ...b.subarray(descStart, p));
      }
    }
    if (p !== end) throw new Error(`section ${id}: parsed ${p - start} of ${size} bytes`);
    out.push(Buffer.from([id, ...uleb(body.length), ...body]));
  }
  return { wasm: Buffer.concat(out), imports, modules, exports };
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The glue with the same names renamed: import keys (`name:`), the modules' keys, `wasm.name`. */
export function shortenGlue(glue, { imports, modules, exports }) {
  for (const [from, to] of modules) {
    const key = new RegExp(`"${escape(from)}": (import\\d+)`, 'g');
    if (!key.test(glue)) throw new Error(`the glue's import object has no key ${from}`);
    glue = glue.replace(key, `"${to}": $1`);
  }
  const keys = new RegExp(`(^|[\\s,{])(${[...imports.keys()].map(escape).join('|')}):`, 'gm');
  let seen = 0;
  glue = glue.replace(keys, (_, pre, name) => {
    seen++;
    return `${pre}${imports.get(name)}:`;
  });
  if (seen !== imports.size) throw new Error(`the glue defines ${seen} of the wasm's ${imports.size} imports`);
  const used = new RegExp(`\\bwasm\\.(${[...exports.keys()].map(escape).join('|')})\\b`, 'g');
  glue = glue.replace(used, (_, name) => `wasm.${exports.get(name)}`);
  const left = glue.match(/\bwasm\.[A-Za-z_$][\w$]*/g)?.filter((m) => ![...exports.values()].includes(m.slice(5)));
  if (left?.length) throw new Error(`the glue uses exports the wasm lacks: ${[...new Set(left)].join(', ')}`);
  return glue;
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const [wasmPath, gluePath] = process.argv.slice(2);
  const r = shortenWasm(readFileSync(wasmPath));
  const glue = shortenGlue(readFileSync(gluePath, 'utf8'), r);
  writeFileSync(wasmPath, r.wasm);
  writeFileSync(gluePath, glue);
  console.log(`${wasmPath}: ${r.imports.size} imports and ${r.exports.size} exports renamed`);
}
