// Hostile datasets for tests/browser/hostile-data.test.mjs, shared by the test (Node reads
// the names and expectations) and by the test page (page.mjs builds the data in the
// browser, so nothing large crosses the DevTools protocol). No DOM here.
//
// A case: { name, group, text?: (base) => string, object?: (base) => any, expect, textExpect?,
//           jsonPathRefuses? }
//   text    the JSON text form; when absent and `object` is given, JSON.stringify(object)
//           (unless `objectOnly`).
//   object  the JS object form (what `mount(el, object)` receives).
//   expect  { path, message } — refused: the thrown Error names `path` (the record and
//           field; '' when there is none) and matches `message`;
//           { valid: true } — loads and draws a chart.
//   textExpect overrides `expect` for the text form (NaN becomes null in JSON.stringify).
//   options mount options (default: the headline view); update cases set them first.
//   fastDeclines  the fast object path hands this loadable object to the JSON path.
//   jsonPathRefuses  the object loads (it takes the fast path, which reads only the
//           dataset's own fields) although JSON.stringify + serde alone would refuse it
//           with this message.
//
// `base` is the shipped dataset (www/data/report-2022.json) as an object; builders get
// a fresh deep copy and may change it.

/** Index of the first indicator of a kind in the shipped dataset (counts cannot be negative). */
export const firstOfKind = (base, kind) => base.indicators.findIndex((i) => i.kind === kind);

const deepArray = (depth, inner = '1') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
function deepArrayObject(depth) {
  let v = 1;
  for (let i = 0; i < depth; i += 1) v = [v];
  return v;
}

const set = (f) => (base) => { f(base); return base; };
const del = (obj, key) => { delete obj[key]; };
// Text forms that splice raw (non-JSON) tokens into the first indicator's value.
const rawValue = (token) => (base) => JSON.stringify(base).replace('"value":-11.8', `"value":${token}`);

// Rust and serde wording a data author should never have to read (README: messages name
// the field "in a reader's words"): type names, serde's phrases, backtick-quoted tokens.
const SERDE_WORDING = /\bstruct\b|\b[fiu](?:8|16|32|64|size)\b|invalid type:|invalid value:|invalid length|unknown variant|serde|`|\bgot (?:map|sequence|unit|integer|boolean)\b|floating point/;
export { SERDE_WORDING };

export const CASES = [
  // ---------------------------------------------------------------- malformed JSON
  { group: 'malformed JSON', name: 'truncated halfway', text: (b) => { const t = JSON.stringify(b); return t.slice(0, t.length >> 1); },
    expect: { path: '', message: /not valid JSON.*line \d+, column \d+/ } },
  { group: 'malformed JSON', name: 'single quotes', text: () => "{'title': 'x'}", expect: { path: '', message: /not valid JSON/ } },
  { group: 'malformed JSON', name: 'a stray comma inside indicators[0]',
    text: (b) => JSON.stringify(b).replace('"kind":"yoy_change",', '"kind":"yoy_change",,'),
    expect: { path: 'indicators[0]', message: /not valid JSON/ } },
  { group: 'malformed JSON', name: 'NaN literal in indicators[0].value', text: rawValue('NaN'),
    expect: { path: 'indicators[0].value', message: /not valid JSON|NaN/ } },
  { group: 'malformed JSON', name: 'Infinity literal in indicators[0].value', text: rawValue('Infinity'),
    expect: { path: 'indicators[0].value', message: /not valid JSON|Infinity/ } },
  { group: 'malformed JSON', name: 'trailing garbage after the dataset', text: (b) => `${JSON.stringify(b)}\n}}`,
    expect: { path: '', message: /not valid JSON: trailing characters/ } },
  { group: 'malformed JSON', name: 'empty string', text: () => '', expect: { path: '', message: /empty/ } },
  { group: 'malformed JSON', name: 'whitespace only', text: () => ' \n\t\r ', expect: { path: '', message: /empty/ } },
  { group: 'malformed JSON', name: 'a byte-order mark and nothing else', text: () => '\uFEFF', expect: { path: '', message: /empty/ } },
  { group: 'malformed JSON', name: 'HTML instead of JSON', text: () => '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>',
    expect: { path: '', message: /not valid JSON/ } },
  { group: 'malformed JSON', name: 'plain words instead of JSON', text: () => 'hello', expect: { path: '', message: /not valid JSON/ } },
  { group: 'malformed JSON', name: 'a lone surrogate escape in indicators[0].label',
    text: (b) => JSON.stringify(b).replace('"label":"刑事立案数"', '"label":"\\ud800"'),
    object: set((b) => { b.indicators[0].label = '\ud800'; }), objectOnly: true,
    expect: { path: 'indicators[0].label', message: /surrogate|Unicode|text/ } },
  { group: 'malformed JSON', name: 'a duplicate key "title" in one object',
    text: (b) => JSON.stringify(b).replace('{"title":', '{"title":"first","title":'),
    expect: { path: 'title', message: /duplicate|twice/ } },

  // ---------------------------------------------------------------- wrong types
  { group: 'wrong types', name: 'indicators[0].value is "abc"', object: set((b) => { b.indicators[0].value = 'abc'; }),
    expect: { path: 'indicators[0].value', message: /expected a number, got "abc"/ } },
  { group: 'wrong types', name: 'indicators[0].value is a numeric string "12"', object: set((b) => { b.indicators[0].value = '12'; }),
    expect: { path: 'indicators[0].value', message: /expected a number/ } },
  { group: 'wrong types', name: 'indicators[0].value is true', object: set((b) => { b.indicators[0].value = true; }),
    expect: { path: 'indicators[0].value', message: /expected a number/ } },
  { group: 'wrong types', name: 'indicators[0].value is null', object: set((b) => { b.indicators[0].value = null; }),
    expect: { path: 'indicators[0].value', message: /expected a number, got null/ } },
  { group: 'wrong types', name: 'indicators[0].value is an object', object: set((b) => { b.indicators[0].value = { n: 1 }; }),
    expect: { path: 'indicators[0].value', message: /expected a number/ } },
  { group: 'wrong types', name: 'indicators[0].label is 123', object: set((b) => { b.indicators[0].label = 123; }),
    expect: { path: 'indicators[0].label', message: /expected text/ } },
  { group: 'wrong types', name: 'indicators[0].id is 7', object: set((b) => { b.indicators[0].id = 7; }),
    expect: { path: 'indicators[0].id', message: /expected text/ } },
  { group: 'wrong types', name: 'indicators[0].kind is "bogus"', object: set((b) => { b.indicators[0].kind = 'bogus'; }),
    expect: { path: 'indicators[0].kind', message: /bogus/ } },
  { group: 'wrong types', name: 'indicators[0].kind is 3', object: set((b) => { b.indicators[0].kind = 3; }),
    expect: { path: 'indicators[0].kind', message: /expected|kind/ } },
  { group: 'wrong types', name: 'indicators[0].approx is "yes"', object: set((b) => { b.indicators[0].approx = 'yes'; }),
    expect: { path: 'indicators[0].approx', message: /expected true or false/ } },
  { group: 'wrong types', name: 'indicators[0].span is ["a", "b"]', object: set((b) => { b.indicators[0].span = ['a', 'b']; }),
    expect: { path: 'indicators[0].span', message: /expected/ } },
  { group: 'wrong types', name: 'indicators[0].span has one number', object: set((b) => { b.indicators[0].span = [1]; }),
    expect: { path: 'indicators[0].span', message: /./ } },
  { group: 'wrong types', name: 'indicators[0].span is [-1, 5]', object: set((b) => { b.indicators[0].span = [-1, 5]; }),
    expect: { path: 'indicators[0].span', message: /./ } },
  { group: 'wrong types', name: 'indicators[0].span is [1e20, 1e21]', object: set((b) => { b.indicators[0].span = [1e20, 1e21]; }),
    expect: { path: 'indicators[0].span', message: /./ } },
  { group: 'wrong types', name: 'indicators[0].span is [4e9, 4e9+1] (past u32)', object: set((b) => { b.indicators[0].span = [4e9, 4e9 + 1]; }),
    expect: { path: 'indicators[0].span', message: /./ } },
  { group: 'wrong types', name: 'indicators is an object', object: set((b) => { b.indicators = {}; }),
    expect: { path: 'indicators', message: /expected a list/ } },
  { group: 'wrong types', name: 'indicators is null', object: set((b) => { b.indicators = null; }),
    expect: { path: 'indicators', message: /expected a list/ } },
  { group: 'wrong types', name: 'indicators[1] is a string', object: set((b) => { b.indicators[1] = 'x'; }),
    expect: { path: 'indicators[1]', message: /expected an object/ } },
  { group: 'wrong types', name: 'indicators[0] is null', object: set((b) => { b.indicators[0] = null; }),
    expect: { path: 'indicators[0]', message: /expected an object, got null/ } },
  { group: 'wrong types', name: 'sections is a string', object: set((b) => { b.sections = 's1'; }),
    expect: { path: 'sections', message: /expected a list/ } },
  { group: 'wrong types', name: 'sections[0] is 5', object: set((b) => { b.sections[0] = 5; }),
    expect: { path: 'sections[0]', message: /expected an object/ } },
  { group: 'wrong types', name: 'source is a string', object: set((b) => { b.source = 'the report'; }),
    expect: { path: 'source', message: /expected an object/ } },
  { group: 'wrong types', name: 'source.year is "2022"', object: set((b) => { b.source.year = '2022'; }),
    expect: { path: 'source.year', message: /expected a number/ } },
  { group: 'wrong types', name: 'source.year is 2022.5', object: set((b) => { b.source.year = 2022.5; }),
    expect: { path: 'source.year', message: /./ } },
  { group: 'wrong types', name: 'source.text is 5', object: set((b) => { b.source.text = 5; }),
    expect: { path: 'source.text', message: /expected text/ } },
  { group: 'wrong types', name: 'title is an object', object: set((b) => { b.title = {}; }),
    expect: { path: 'title', message: /expected text/ } },
  { group: 'wrong types', name: 'the dataset is a list', object: () => [], expect: { path: '', message: /expected an object/ } },
  { group: 'wrong types', name: 'the dataset is the number 42', object: () => 42, text: () => '42',
    expect: { path: '', message: /expected a dataset object|expected an object/ }, textExpect: { path: '', message: /expected an object/ } },
  { group: 'wrong types', name: 'the dataset is true', object: () => true, text: () => 'true',
    expect: { path: '', message: /expected a dataset object|expected an object/ }, textExpect: { path: '', message: /expected an object/ } },
  { group: 'wrong types', name: 'the dataset is null', object: () => null, text: () => 'null',
    expect: { path: '', message: /no dataset was given/ }, textExpect: { path: '', message: /expected an object|no dataset/ } },
  { group: 'wrong types', name: 'the dataset is undefined', object: () => undefined, objectOnly: true,
    expect: { path: '', message: /no dataset was given/ } },
  { group: 'wrong types', name: 'the dataset is a function', object: () => function dataset() {}, objectOnly: true,
    expect: { path: '', message: /expected a dataset object/ } },

  // ---------------------------------------------------------------- hostile JS objects (object form only)
  { group: 'hostile objects', name: 'a BigInt value', objectOnly: true, object: set((b) => { b.indicators[0].value = 10n; }),
    expect: { path: '', message: /cannot be turned into JSON|BigInt/ } },
  // The cycle is in a field the widget does not read: the object path (which reads only
  // the dataset's own fields) charts it; JSON.stringify alone could not write it.
  { group: 'hostile objects', name: 'a cycle in an extra field', objectOnly: true, object: set((b) => { b.indicators[0].self = b; }),
    expect: { valid: true }, jsonPathRefuses: /cannot be turned into JSON: .*circular/ },
  { group: 'hostile objects', name: 'a getter that throws', objectOnly: true,
    object: set((b) => { Object.defineProperty(b.indicators[0], 'label', { enumerable: true, get() { throw new Error('boom from a getter'); } }); }),
    expect: { path: '', message: /boom from a getter/ } },
  { group: 'hostile objects', name: 'a Proxy that throws', objectOnly: true,
    object: (b) => new Proxy(b, { get() { throw new Error('boom from a proxy'); }, ownKeys() { throw new Error('boom from a proxy'); } }),
    expect: { path: '', message: /boom from a proxy|cannot be turned into JSON/ } },
  { group: 'hostile objects', name: 'toJSON returning a number', objectOnly: true, object: set((b) => { b.toJSON = () => 5; }),
    expect: { path: '', message: /expected an object/ } },
  { group: 'hostile objects', name: 'a Date as a value', objectOnly: true, object: set((b) => { b.indicators[0].value = new Date(0); }),
    expect: { path: 'indicators[0].value', message: /expected a number/ } },
  { group: 'hostile objects', name: 'a sparse indicators array', objectOnly: true, object: set((b) => { b.indicators = [, ...b.indicators]; }), // eslint-disable-line no-sparse-arrays
    expect: { path: 'indicators[0]', message: /expected an object, got null/ } },
  { group: 'hostile objects', name: 'a Map as indicators', objectOnly: true, object: set((b) => { b.indicators = new Map([[0, b.indicators[0]]]); }),
    expect: { path: 'indicators', message: /expected a list/ } },

  // ---------------------------------------------------------------- missing fields
  ...['value', 'label', 'id', 'kind', 'quote', 'section', 'unit'].map((f) => ({
    group: 'missing fields', name: `indicators[0].${f} missing`, object: set((b) => del(b.indicators[0], f)),
    expect: { path: `indicators[0].${f}`, message: /missing field/ },
  })),
  ...['indicators', 'sections', 'source', 'title'].map((f) => ({
    group: 'missing fields', name: `${f} missing`, object: set((b) => del(b, f)),
    expect: { path: f, message: /missing field/ },
  })),
  ...['text', 'year', 'title'].map((f) => ({
    group: 'missing fields', name: `source.${f} missing`, object: set((b) => del(b.source, f)),
    expect: { path: `source.${f}`, message: /missing field/ },
  })),
  ...['id', 'title'].map((f) => ({
    group: 'missing fields', name: `sections[0].${f} missing`, object: set((b) => del(b.sections[0], f)),
    expect: { path: `sections[0].${f}`, message: /missing field/ },
  })),
  { group: 'missing fields', name: 'the dataset is {}', object: () => ({}), expect: { path: '', message: /missing field/ } },

  // ---------------------------------------------------------------- numbers
  { group: 'numbers', name: 'indicators[0].value is NaN', objectOnly: true, object: set((b) => { b.indicators[0].value = NaN; }),
    expect: { path: 'indicators[0].value', message: /NaN/ } },
  { group: 'numbers', name: 'indicators[0].value is Infinity', objectOnly: true, object: set((b) => { b.indicators[0].value = Infinity; }),
    expect: { path: 'indicators[0].value', message: /Infinity/ } },
  { group: 'numbers', name: 'indicators[0].value is -Infinity', objectOnly: true, object: set((b) => { b.indicators[0].value = -Infinity; }),
    expect: { path: 'indicators[0].value', message: /-Infinity/ } },
  { group: 'numbers', name: 'indicators[0].value is 1e308', object: set((b) => { b.indicators[0].value = 1e308; }),
    expect: { path: 'indicators[0].value', message: /too large/ } },
  { group: 'numbers', name: 'indicators[0].value is -1.7976931348623157e308', object: set((b) => { b.indicators[0].value = -Number.MAX_VALUE; }),
    expect: { path: 'indicators[0].value', message: /too large/ } },
  { group: 'numbers', name: 'indicators[0].value is 1e400 (text)', text: rawValue('1e400'),
    expect: { path: 'indicators[0].value', message: /out of range/ } },
  { group: 'numbers', name: 'a count is -5', object: set((b) => { b.indicators[firstOfKind(b, 'count')].value = -5; }),
    expect: { pathOf: (b) => `indicators[${firstOfKind(b, 'count')}].value`, message: /cannot be negative/ } },
  { group: 'numbers', name: 'every value is -0', object: set((b) => { for (const i of b.indicators) i.value = -0; }),
    text: (b) => { for (const i of b.indicators) i.value = 0; return JSON.stringify(b).replaceAll('"value":0', '"value":-0'); },
    expect: { valid: true, allZero: true } },
  { group: 'numbers', name: 'a value of 5e-324 (the smallest double)', object: set((b) => { b.indicators[0].value = 5e-324; }),
    expect: { valid: true } },
  { group: 'numbers', name: 'a money figure of 8e-323 (a subnormal) on the money view\'s log axis',
    object: set((b) => { b.indicators[firstOfKind(b, 'money')].value = 8e-323; }), options: { view: 'money' },
    expect: { valid: true } },
  { group: 'numbers', name: 'a value of 1e15 (the limit)', object: set((b) => { b.indicators[firstOfKind(b, 'count')].value = 1e15; }),
    expect: { valid: true } },

  // ---------------------------------------------------------------- empty strings
  { group: 'empty strings', name: 'indicators[0].id is ""', object: set((b) => { b.indicators[0].id = ''; }),
    expect: { path: 'indicators[0].id', message: /must not be empty/ } },
  { group: 'empty strings', name: 'indicators[0].id is blanks', object: set((b) => { b.indicators[0].id = ' \t '; }),
    expect: { path: 'indicators[0].id', message: /must not be empty/ } },
  { group: 'empty strings', name: 'indicators[0].label is ""', object: set((b) => { b.indicators[0].label = ''; }),
    expect: { path: 'indicators[0].label', message: /must not be empty/ } },
  { group: 'empty strings', name: 'indicators[0].section is ""', object: set((b) => { b.indicators[0].section = ''; }),
    expect: { path: 'indicators[0].section', message: /unknown section/ } },
  { group: 'empty strings', name: 'indicators[0].quote is ""', object: set((b) => { b.indicators[0].quote = ''; }),
    expect: { path: 'indicators[0].quote', message: /must not be empty/ } },
  { group: 'empty strings', name: 'indicators[0].kind is ""', object: set((b) => { b.indicators[0].kind = ''; }),
    expect: { path: 'indicators[0].kind', message: /./ } },
  { group: 'empty strings', name: 'sections[0].id is ""', object: set((b) => { b.sections[0].id = ''; }),
    expect: { path: 'sections[0].id', message: /must not be empty/ } },
  { group: 'empty strings', name: 'every unit, label_en, title_en and title is ""',
    object: set((b) => { b.title = ''; b.source.title = ''; for (const i of b.indicators) { i.unit = ''; i.label_en = ''; } for (const s of b.sections) s.title_en = ''; }),
    expect: { valid: true } },
  { group: 'empty strings', name: 'every section title is ""', object: set((b) => { for (const s of b.sections) s.title = ''; }),
    expect: { valid: true } },
  { group: 'empty strings', name: 'source.text is ""', object: set((b) => { b.source.text = ''; for (const i of b.indicators) delete i.span; }),
    expect: { valid: true } },
  { group: 'empty strings', name: 'indicators is []', object: set((b) => { b.indicators = []; }),
    expect: { path: 'indicators', message: /no indicators/ } },
  { group: 'empty strings', name: 'sections is []', object: set((b) => { b.sections = []; }),
    expect: { path: 'indicators[0].section', message: /unknown section/ } },

  // ---------------------------------------------------------------- duplicate ids
  { group: 'duplicate ids', name: 'indicators[1].id repeats indicators[0].id', object: set((b) => { b.indicators[1].id = b.indicators[0].id; }),
    expect: { path: 'indicators[1].id', message: /duplicate id "criminal-cases-yoy" \(also indicators\[0\]\)/ } },
  { group: 'duplicate ids', name: 'sections[1].id repeats sections[0].id', object: set((b) => { b.sections[1].id = b.sections[0].id; }),
    expect: { path: 'sections[1].id', message: /duplicate section id/ } },

  // ---------------------------------------------------------------- unknown sections and references
  { group: 'unknown sections', name: 'indicators[0].section is unknown', object: set((b) => { b.indicators[0].section = 'nope'; }),
    expect: { path: 'indicators[0].section', message: /unknown section id "nope"/ } },
  { group: 'unknown sections', name: 'a section\'s parent is unknown', object: set((b) => { b.sections[2].parent = 'nope'; }),
    expect: { path: 'sections[2].parent', message: /unknown section id "nope"/ } },
  { group: 'unknown sections', name: 'indicators[0].repeat_of is unknown', object: set((b) => { b.indicators[0].repeat_of = 'ghost'; }),
    expect: { path: 'indicators[0].repeat_of', message: /unknown indicator id "ghost"/ } },
  { group: 'unknown sections', name: 'a section is its own parent', object: set((b) => { b.sections[1].parent = b.sections[1].id; }),
    expect: { validOrPath: 'sections[1].parent' } },
  { group: 'unknown sections', name: 'two sections are each other\'s parent',
    object: set((b) => { b.sections[1].parent = b.sections[2].id; b.sections[2].parent = b.sections[1].id; }),
    expect: { validOrPath: /sections\[[12]\]\.parent/ } },
  { group: 'unknown sections', name: 'a repeat of itself', object: set((b) => { b.indicators[0].repeat_of = b.indicators[0].id; }),
    expect: { validOrPath: 'indicators[0].repeat_of' } },
  { group: 'unknown sections', name: 'unknown extra fields at the top and in records',
    object: set((b) => { b.extra = { sections: [1, 2] }; b.indicators[0].colour = 'red'; b.sections[0].weight = 3; }),
    expect: { valid: true } },

  // ---------------------------------------------------------------- deep nesting
  { group: 'deep nesting', name: '10,000 nested lists as the dataset', text: () => deepArray(10_000), object: () => deepArrayObject(10_000),
    expect: { path: '', message: /nest|deep|recursion|expected an object/ } },
  { group: 'deep nesting', name: '10,000 nested lists in indicators[0].label',
    text: (b) => JSON.stringify(b).replace('"label":"刑事立案数"', `"label":${deepArray(10_000)}`),
    object: set((b) => { b.indicators[0].label = deepArrayObject(10_000); }),
    expect: { path: 'indicators[0].label', message: /nest|deep|recursion|expected text/ } },
  { group: 'deep nesting', name: '10,000 nested objects in an unknown field',
    text: (b) => JSON.stringify(b).replace('{', `{"extra":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)},`),
    expect: { validOrPath: /extra|^$/ } },

  // ---------------------------------------------------------------- valid but extreme
  { group: 'extreme but valid', name: 'a byte-order mark before the JSON', text: (b) => `\uFEFF${JSON.stringify(b)}`, expect: { valid: true } },
  { group: 'extreme but valid', name: 'a byte-order mark and pretty-printing', text: (b) => `\uFEFF${JSON.stringify(b, null, 2)}\r\n`, expect: { valid: true } },
  { group: 'extreme but valid', name: '10 kB labels, titles and units',
    object: set((b) => {
      const long = (s) => s.repeat(Math.ceil(10_240 / s.length)).slice(0, 10_240);
      b.title = long('标题');
      for (const s of b.sections) { s.title = long(s.title); s.title_en = long(`${s.title_en || 'x'} `); }
      for (const i of b.indicators) { i.label = long(i.label); i.label_en = long(`${i.label_en || 'x'} `); }
      b.indicators[0].unit = long('%');
    }),
    expect: { valid: true } },
  // NUL separates the strings of the fast object path: this object goes the JSON way.
  { group: 'extreme but valid', name: 'control characters and NUL in labels', fastDeclines: true,
    object: set((b) => { b.indicators[0].label = 'a\u0000b\u0007c\u001bd\u0085e\u2028f'; b.indicators[1].label = '\tx\r\n\u000b'; }),
    expect: { valid: true } },
];

/** The 10^6-indicator dataset: year-over-year changes (the headline view draws all of them). */
export function millionIndicators(n = 1_000_000) {
  const indicators = new Array(n);
  for (let i = 0; i < n; i += 1) {
    indicators[i] = { id: `i${i}`, section: 's', label: `L${i}`, value: ((i * 7919) % 2001) / 10 - 100, unit: '%', kind: 'yoy_change', quote: 'q' };
  }
  return { title: 'million', source: { title: 'm', year: 2022, text: 'q' }, sections: [{ id: 's', title: 'S' }], indicators };
}

/** The forms a case runs in: ['text', 'object'] or one of them. */
export function formsOf(c) {
  const forms = [];
  if (c.text || (c.object && !c.objectOnly)) forms.push('text');
  if (c.object) forms.push('object');
  return forms;
}

/** The expectation for one form, with `pathOf` resolved against the shipped dataset. */
export function expectationOf(c, form, base) {
  const e = { ...(form === 'text' && c.textExpect ? c.textExpect : c.expect) };
  if (e.pathOf) e.path = e.pathOf(base);
  return e;
}

/** The data of one case in one form; `base` is a fresh copy the builder may change. */
export function dataOf(c, form, base) {
  if (form === 'text') return c.text ? c.text(base) : JSON.stringify(c.object(base));
  return c.object(base);
}
