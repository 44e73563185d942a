// The browser's half of the data path (src/web/input.rs imports it; build.sh folds it into
// the wasm-bindgen glue, so it costs no request of its own). It walks a dataset object once
// — one the page passed, or what JSON.parse made of JSON text — checks every field's type as
// the Rust model's serde types would, and writes the columns that `Dataset::from_columns`
// (src/model/columns.rs) reads: one string of the text fields, a separator between them
// (fields that repeat from record to record once each, in a dictionary), and the numbers.
// Crossing into wasm is then two copies, and the wasm needs no JSON parser of its own.
//
// A field of the wrong type or a missing one gives [path, message] in the words of
// `Dataset::from_json` (src/model/json.rs), so both builds say the same. What JSON would
// see differently (a toJSON method, a BigInt, a getter or proxy that throws) gives null:
// the caller then reads JSON.parse(JSON.stringify(d)), as JSON would.

/** Thrown to give up on an object that JSON would see differently: read its JSON instead. */
const DECLINE = {};
const KINDS = ['count', 'percent', 'yoy_change', 'money', 'ratio', 'change', 'rank'];
const LONE = 'text holds an invalid Unicode character (a lone surrogate, \\uD800–\\uDFFF)';
const wellFormed = typeof String.prototype.isWellFormed === 'function'
  ? (s) => s.isWellFormed()
  : (s) => !/\p{Cs}/u.test(s);

/** A value as a message shows it (serde's words: "abc" with quotes, a list, an object). */
function got(v) {
  switch (typeof v) {
    case 'string': return JSON.stringify(v);
    case 'number': case 'boolean': return String(v);
    case 'undefined': return 'null';
    case 'object':
      if (v === null) return 'null';
      if (typeof v.toJSON === 'function') throw DECLINE;
      return Array.isArray(v) ? 'a list' : 'an object';
    default: throw DECLINE; // a BigInt, symbol or function: JSON.stringify says what it makes of it
  }
}

const bad = (p, expected, v) => { throw [p, `expected ${expected}, got ${got(v)}`]; };
const at = (p, k) => (p ? `${p}.${k}` : k);
/** A required field; `undefined` is missing (JSON.stringify leaves it out). */
function req(o, p, k) {
  const v = o[k];
  if (v === undefined) throw [at(p, k), 'missing field'];
  return v;
}
function str(v, p) {
  if (typeof v !== 'string') bad(p, 'text (a string)', v);
  return v;
}
/** An optional text field with a default: absent is '', null is refused (as serde does). */
const optStr = (o, p, k) => (o[k] === undefined ? '' : str(o[k], at(p, k)));
/** An Option field: absent or null is none. */
const noneOr = (o, p, k) => (o[k] === undefined || o[k] === null ? null : str(o[k], at(p, k)));
function rec(v, p) {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) bad(p, 'an object', v);
  if (typeof v.toJSON === 'function') throw DECLINE;
  return v;
}
function list(v, p) {
  if (!Array.isArray(v)) bad(p, 'a list', v);
  if (typeof v.toJSON === 'function') throw DECLINE;
  return v;
}
/** A span's start or end: a whole number from 0 to 2^32 − 1 (usize in wasm32). */
function index(v, p) {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffffff) bad(p, 'a number (whole, 0 or more)', v);
  return v;
}

/**
 * @param {unknown} d a dataset object
 * @param {boolean} [other] pick a separator no string holds (the first try used NUL)
 * @returns {[string, Float64Array, string] | [string, string] | null} the columns and the
 *   separator; or the path and message of what is wrong; or null: read its JSON instead
 */
export function readDataset(d, other) {
  try {
    return columns(d, other);
  } catch (e) {
    // [path, message]; or DECLINE, or what a getter or proxy threw: JSON.stringify reports it.
    return Array.isArray(e) ? e : null;
  }
}

/** JSON text (a byte-order mark allowed) as a value; the wasm checked its syntax first. */
export function parseJson(text) {
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/** The value as JSON sees it; throws what JSON.stringify throws (a cycle, a BigInt). */
export function viaJson(d) {
  const t = JSON.stringify(d);
  return t === undefined ? undefined : JSON.parse(t);
}

function columns(d, other) {
  if (typeof d !== 'object' || d === null || Array.isArray(d) || typeof d.toJSON === 'function') {
    if (d !== null && typeof d === 'object' && !Array.isArray(d)) throw DECLINE;
    const what = d === null ? 'null' : Array.isArray(d) ? 'a list'
      : ({ string: 'text', boolean: 'true or false', number: 'a number' })[typeof d] ?? 'null';
    throw ['', `expected an object (the dataset: { title, source, sections, indicators }), got ${what}`];
  }
  const title = str(req(d, '', 'title'), 'title');
  const source = rec(req(d, '', 'source'), 'source');
  const sections = list(req(d, '', 'sections'), 'sections');
  const indicators = list(req(d, '', 'indicators'), 'indicators');
  const sTitle = str(req(source, 'source', 'title'), 'source.title');
  const year = req(source, 'source', 'year');
  if (typeof year !== 'number' || !Number.isInteger(year) || Math.abs(year) > 0x7fffffff) {
    bad('source.year', 'a number (a whole one)', year);
  }
  const text = str(req(source, 'source', 'text'), 'source.text');

  const ns = sections.length;
  const ni = indicators.length;
  // Sized up front: at 100,000 indicators these hold 400,000 strings and 800,000 numbers.
  const strs = new Array(3 + 4 * ns + 4 * ni);
  const nums = new Float64Array(4 + ns + 9 * ni);
  // Fields that repeat from record to record (section, unit, kind, repeat_of, of) are sent
  // once each, in `dict`, and referred to by number: fewer strings to join and encode.
  const dict = [];
  const seen = new Map();
  const ref = (v) => {
    let n = seen.get(v);
    if (n === undefined) {
      n = dict.length;
      dict.push(v);
      seen.set(v, n);
    }
    return n;
  };
  strs[0] = title;
  strs[1] = sTitle;
  strs[2] = text;
  nums[0] = year;
  nums[1] = ns;
  nums[2] = ni;
  let k = 3;
  let j = 4;
  for (let i = 0; i < ns; i++) {
    const p = `sections[${i}]`;
    const s = rec(sections[i], p);
    strs[k++] = str(req(s, p, 'id'), `${p}.id`);
    strs[k++] = str(req(s, p, 'title'), `${p}.title`);
    strs[k++] = optStr(s, p, 'title_en');
    const parent = noneOr(s, p, 'parent');
    strs[k++] = parent ?? '';
    nums[j++] = parent === null ? 0 : 1;
  }
  for (let i = 0; i < ni; i++) {
    const r = indicators[i];
    // The common case without building a path: every field as it should be.
    if (typeof r === 'object' && r !== null && typeof r.toJSON !== 'function') {
      const { id, section, label, label_en: en, value, unit, kind, approx, quote, span, repeat_of: rep, of } = r;
      if (typeof id === 'string' && typeof section === 'string' && typeof label === 'string'
        && typeof unit === 'string' && typeof quote === 'string' && typeof value === 'number' && Number.isFinite(value)
        && (en === undefined || typeof en === 'string') && (approx === undefined || typeof approx === 'boolean')
        && (rep === undefined || rep === null || typeof rep === 'string') && KINDS.includes(kind)
        && (of === undefined || of === null || typeof of === 'string')
        && (span === undefined || span === null)) {
        strs[k++] = id;
        strs[k++] = label;
        strs[k++] = en === undefined ? '' : en;
        strs[k++] = quote;
        nums[j++] = ref(section);
        nums[j++] = ref(unit);
        nums[j++] = ref(kind);
        nums[j++] = rep === undefined || rep === null ? -1 : ref(rep);
        nums[j++] = of === undefined || of === null ? -1 : ref(of);
        nums[j++] = value;
        nums[j++] = approx ? 1 : 0;
        nums[j++] = NaN;
        nums[j++] = NaN;
        continue;
      }
    }
    const p = `indicators[${i}]`;
    rec(r, p);
    strs[k++] = str(req(r, p, 'id'), `${p}.id`);
    const section = str(req(r, p, 'section'), `${p}.section`);
    strs[k++] = str(req(r, p, 'label'), `${p}.label`);
    strs[k++] = optStr(r, p, 'label_en');
    const value = req(r, p, 'value');
    if (typeof value !== 'number') bad(`${p}.value`, 'a number', value);
    if (!Number.isFinite(value)) throw [`${p}.value`, `expected a finite number, got ${value}`];
    const unit = str(req(r, p, 'unit'), `${p}.unit`);
    const kind = str(req(r, p, 'kind'), `${p}.kind`);
    if (!KINDS.includes(kind)) throw [`${p}.kind`, `expected one of ${KINDS.join(', ')}, got ${got(kind)}`];
    const approx = r.approx;
    if (approx !== undefined && typeof approx !== 'boolean') bad(`${p}.approx`, 'true or false', approx);
    strs[k++] = str(req(r, p, 'quote'), `${p}.quote`);
    let s0 = NaN;
    let s1 = NaN;
    const span = r.span;
    if (span !== undefined && span !== null) {
      list(span, `${p}.span`);
      if (span.length !== 2) throw [`${p}.span`, `expected a list of two numbers, [start, end], got ${span.length} item(s)`];
      s0 = index(span[0], `${p}.span[0]`);
      s1 = index(span[1], `${p}.span[1]`);
    }
    const rep = noneOr(r, p, 'repeat_of');
    const of = noneOr(r, p, 'of');
    nums[j++] = ref(section);
    nums[j++] = ref(unit);
    nums[j++] = ref(kind);
    nums[j++] = rep === null ? -1 : ref(rep);
    nums[j++] = of === null ? -1 : ref(of);
    nums[j++] = value;
    nums[j++] = approx ? 1 : 0;
    nums[j++] = s0;
    nums[j++] = s1;
  }
  nums[3] = dict.length;
  const texts = dict.length ? strs.concat(dict) : strs;
  // A separator between the strings. NUL first; when a string holds one, the decoder
  // finds one string too many and asks again for a character no string holds.
  let sep = '\0';
  if (other) {
    const whole = texts.join('');
    for (let c = 1; whole.includes(sep); c++) sep = String.fromCharCode(c);
  }
  const all = texts.join(sep);
  // A lone surrogate would be turned into U+FFFD on the way into wasm: name its field.
  if (!wellFormed(all)) lone(d);
  return [all, nums, sep];
}

/** Throws the path of the first text field that holds a lone surrogate. */
function lone(d) {
  const f = (v, p) => { if (typeof v === 'string' && !wellFormed(v)) throw [p, LONE]; };
  f(d.title, 'title');
  f(d.source.title, 'source.title');
  f(d.source.text, 'source.text');
  d.sections.forEach((s, i) => ['id', 'title', 'title_en', 'parent'].forEach((k) => f(s[k], `sections[${i}].${k}`)));
  d.indicators.forEach((r, i) => ['id', 'section', 'label', 'label_en', 'unit', 'kind', 'quote', 'repeat_of', 'of']
    .forEach((k) => f(r[k], `indicators[${i}].${k}`)));
  throw ['', LONE];
}
