// The browser's half of the data path for dataset *objects* (src/web.rs imports it;
// wasm-bindgen ships it as a snippet next to the glue). It walks the object once, checks
// every field's type as the Rust model's serde types would, and writes the columns that
// `Dataset::from_columns` (src/model.rs) reads: one string of the text fields, NUL
// between them (fields that repeat from record to record once each, in a dictionary), and
// the numbers. Crossing into wasm is then two copies instead of JSON.stringify plus a serde
// parse of the text.
//
// It never explains a fault: on anything unusual (a wrong type, a missing field, a
// non-finite number, a lone surrogate, a NUL inside a string, a toJSON method, a getter
// that throws) it returns null, or writes columns the decoder declines, and the caller
// takes the JSON path, whose messages name the record and field. So the two paths cannot
// disagree on what a message says, only on speed.

const isStr = (v) => typeof v === 'string';
// A record with a toJSON method has another JSON form; the JSON path honours it.
const plain = (o) => typeof o === 'object' && o !== null && !Array.isArray(o) && typeof o.toJSON !== 'function';
const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
// An optional field: absent or null means "none" (serde's default for Option).
const none = (v) => v === undefined || v === null;
const wellFormed = typeof String.prototype.isWellFormed === 'function'
  ? (s) => s.isWellFormed()
  : (s) => !/\p{Cs}/u.test(s);

/**
 * @param {unknown} d a dataset object
 * @returns {[string, Float64Array] | null} the columns, or null: take the JSON path
 */
export function readDataset(d) {
  try {
    return columns(d);
  } catch {
    // A proxy or getter that throws: the JSON path reports it.
    return null;
  }
}

function columns(d) {
  if (!plain(d)) return null;
  const { title, source, sections, indicators } = d;
  if (!isStr(title) || !plain(source)) return null;
  if (!Array.isArray(sections) || !Array.isArray(indicators)) return null;
  if (typeof sections.toJSON === 'function' || typeof indicators.toJSON === 'function') return null;
  const { title: sTitle, year, text } = source;
  if (!isStr(sTitle) || !isStr(text) || !Number.isInteger(year)) return null;

  const ns = sections.length;
  const ni = indicators.length;
  // Sized up front: at 100,000 indicators these hold 400,000 strings and 800,000 numbers.
  const strs = new Array(3 + 4 * ns + 4 * ni);
  const nums = new Float64Array(4 + ns + 8 * ni);
  // Fields that repeat from record to record (section, unit, kind, repeat_of) are sent
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
    const s = sections[i];
    if (!plain(s)) return null;
    const { id, title: t, title_en: en, parent } = s;
    if (!isStr(id) || !isStr(t)) return null;
    if (en !== undefined && !isStr(en)) return null;
    if (!none(parent) && !isStr(parent)) return null;
    strs[k++] = id;
    strs[k++] = t;
    strs[k++] = en === undefined ? '' : en;
    strs[k++] = none(parent) ? '' : parent;
    nums[j++] = none(parent) ? 0 : 1;
  }
  for (let i = 0; i < ni; i++) {
    const r = indicators[i];
    if (!plain(r)) return null;
    const { id, section, label, label_en: en, value, unit, kind, approx, quote, span, repeat_of: rep } = r;
    if (!isStr(id) || !isStr(section) || !isStr(label) || !isStr(unit) || !isStr(kind) || !isStr(quote)) return null;
    if (!isNum(value)) return null;
    if (en !== undefined && !isStr(en)) return null;
    if (approx !== undefined && typeof approx !== 'boolean') return null;
    if (!none(rep) && !isStr(rep)) return null;
    let s0 = NaN;
    let s1 = NaN;
    if (!none(span)) {
      if (!Array.isArray(span) || span.length !== 2) return null;
      s0 = span[0];
      s1 = span[1];
      if (!Number.isInteger(s0) || !Number.isInteger(s1) || s0 < 0 || s1 < 0) return null;
    }
    strs[k++] = id;
    strs[k++] = label;
    strs[k++] = en === undefined ? '' : en;
    strs[k++] = quote;
    nums[j++] = ref(section);
    nums[j++] = ref(unit);
    nums[j++] = ref(kind);
    nums[j++] = none(rep) ? -1 : ref(rep);
    nums[j++] = value;
    nums[j++] = approx ? 1 : 0;
    nums[j++] = s0;
    nums[j++] = s1;
  }
  nums[3] = dict.length;
  // NUL between strings. A string that holds a NUL itself makes one string too many,
  // which the decoder notices (and the JSON path then reads the object).
  const all = dict.length ? `${strs.join('\0')}\0${dict.join('\0')}` : strs.join('\0');
  // A lone surrogate would be turned into U+FFFD on the way into wasm; the JSON path
  // refuses it with a message instead.
  if (!wellFormed(all)) return null;
  return [all, nums];
}
