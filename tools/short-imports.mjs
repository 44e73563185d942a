// Gives the wasm's imports from its JS glue short names, in both files: wasm-bindgen names
// each one `__wbg_<method>_<16 hex digits>`, and those random digits cannot be compressed,
// neither in the wasm's import section nor in the glue's import object. Only names ending in
// such a hash are renamed (to `$0`, `$1`, … in base 36); each must occur in the glue, or
// nothing is written.
//
//   node tools/short-imports.mjs pkg/indicator_chart_bg.wasm pkg/indicator_chart.js
//
// Measured on the npm package: see the commit that added this file.

import { readFileSync, writeFileSync } from 'node:fs';

const HASHED = /^__wbg[a-z]*_\w*_[0-9a-f]{16}$/;

function leb(buf, pos) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [result, pos];
  }
}

function encodeLeb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
}

const encodeName = (s) => {
  const b = Buffer.from(s, 'utf8');
  return Buffer.concat([encodeLeb(b.length), b]);
};

/** The import section rewritten with `rename(module, name)`; the renames made. */
function renameImports(wasm, rename) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const parts = [wasm.subarray(0, 8)];
  let pos = 8;
  const renamed = new Map();
  while (pos < wasm.length) {
    const id = wasm[pos];
    const [size, start] = leb(wasm, pos + 1);
    const end = start + size;
    if (id !== 2) {
      parts.push(wasm.subarray(pos, end));
      pos = end;
      continue;
    }
    let p = start;
    let count;
    [count, p] = leb(wasm, p);
    const body = [encodeLeb(count)];
    for (let i = 0; i < count; i++) {
      let len;
      [len, p] = leb(wasm, p);
      const module = wasm.toString('utf8', p, p + len);
      p += len;
      [len, p] = leb(wasm, p);
      const name = wasm.toString('utf8', p, p + len);
      p += len;
      const descStart = p;
      const kind = wasm[p++];
      if (kind === 0) [, p] = leb(wasm, p); // function: type index
      else if (kind === 1 || kind === 2) {
        if (kind === 1) p++; // table: reference type
        const flags = wasm[p++];
        [, p] = leb(wasm, p);
        if (flags & 1) [, p] = leb(wasm, p);
      } else if (kind === 3) p += 2; // global: value type, mutability
      else throw new Error(`import ${module}.${name}: unknown kind ${kind}`);
      const short = rename(module, name);
      if (short !== name) renamed.set(name, short);
      body.push(encodeName(module), encodeName(short), wasm.subarray(descStart, p));
    }
    if (p !== end) throw new Error('import section: length mismatch');
    const content = Buffer.concat(body);
    parts.push(Buffer.from([2]), encodeLeb(content.length), content);
    pos = end;
  }
  return [Buffer.concat(parts), renamed];
}

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) throw new Error('usage: short-imports.mjs MODULE.wasm GLUE.js');
const glue = readFileSync(gluePath, 'utf8');
let next = 0;
const [wasm, renamed] = renameImports(readFileSync(wasmPath), (module, name) =>
  HASHED.test(name) ? `$${(next++).toString(36)}` : name,
);
let out = glue;
for (const [from, to] of renamed) {
  const re = new RegExp(`\\b${from}\\b`, 'g');
  const n = (out.match(re) || []).length;
  if (n === 0) throw new Error(`${gluePath} does not mention the import ${from}`);
  out = out.replace(re, to);
}
writeFileSync(wasmPath, wasm);
writeFileSync(gluePath, out);
console.log(`${gluePath}: ${renamed.size} imports renamed`);
