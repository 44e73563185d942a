// The chart's state in the page address, shared by the host page (main.js) and the embed
// page (embed-page.js): which parameters there are and the values each may take, reading
// them (a bad value is set aside with the reason, never applied), checking the ones that
// name something in the data, and writing the state back (defaults left out, parameters
// that are not the page's kept as they are).
//
//   view     headline | rates | section | overview | money | compare  (default headline)
//   section  a section id of the data: the section filter        (default none)
//   sort     report | value                                     (default report)
//   log      auto | true | false                                (default auto)
//   locale   zh | en                                            (default zh)
//   theme    auto | light | dark                                (default auto)
//   id       an indicator id of the data: the selected bar      (default none)
//   data     the dataset's address, same origin only            (default data/report-2022.json)

/** The default dataset, relative to the page. */
export const DEFAULT_DATA = 'data/report-2022.json';

/** The parameters with a fixed list of values, each list's first value the default. */
const CHOICES = {
  view: ['headline', 'rates', 'section', 'overview', 'money', 'compare'],
  sort: ['report', 'value'],
  log: ['auto', 'true', 'false'],
  locale: ['zh', 'en'],
  theme: ['auto', 'light', 'dark'],
};

/** Every parameter the page writes, in the order it writes them. */
const KEYS = ['view', 'section', 'sort', 'log', 'locale', 'theme', 'id'];

/** A value from the address as it is shown in a message: at most 40 characters. */
const shown = (v) => (v.length > 40 ? `${v.slice(0, 39)}…` : v);

/**
 * The state the address asks for: { state, bad }. `state` holds every parameter (the
 * default where the address has none or a bad one); `section` and `id` are not checked
 * yet (see checkAgainstData). `bad` lists what was set aside: [{ key, value, why }], `why`
 * one of 'view' (not a view), 'value' (not one of the parameter's values).
 */
export function readParams(params) {
  const state = { section: null, id: null };
  const bad = [];
  for (const [key, values] of Object.entries(CHOICES)) {
    const v = params.get(key);
    state[key] = values[0];
    if (v === null || v === '') continue;
    if (values.includes(v)) state[key] = v;
    else bad.push({ key, value: shown(v), why: key === 'view' ? 'view' : 'value' });
  }
  for (const key of ['section', 'id']) {
    const v = params.get(key);
    if (v) state[key] = v;
  }
  return { state, bad };
}

/**
 * Sets aside a section or indicator id the dataset `ds` (an object of the dataset schema,
 * or null when it could not be read) does not have, adding it to `bad` with the reason
 * 'section' or 'id'.
 */
export function checkAgainstData(state, ds, bad) {
  const has = (list, id) => Array.isArray(list) && list.some((x) => x && x.id === id);
  if (state.section !== null && !has(ds?.sections, state.section)) {
    bad.push({ key: 'section', value: shown(state.section), why: 'section' });
    state.section = null;
  }
  if (state.id !== null && !has(ds?.indicators, state.id)) {
    bad.push({ key: 'id', value: shown(state.id), why: 'id' });
    state.id = null;
  }
}

/**
 * The dataset's address from the `data` parameter (relative to `base`, the page):
 * { url } for an http(s) address on the page's own origin, { error: the value } otherwise.
 */
export function dataUrl(value, base = location.href) {
  const v = value || DEFAULT_DATA;
  let url;
  try {
    url = new URL(v, base);
  } catch {
    return { error: shown(v) };
  }
  const origin = new URL(base).origin;
  if (!/^https?:$/.test(url.protocol) || url.origin !== origin) return { error: shown(v) };
  return { url: url.href };
}

/** The chart's starting options for mount() from a checked state. */
export function mountOptions(state) {
  const opts = { view: state.view, sort: state.sort, locale: state.locale, theme: state.theme };
  opts.log = state.log === 'auto' ? 'auto' : state.log === 'true';
  if (state.section) opts.section = state.section;
  return opts;
}

/**
 * The query string (with its '?', or '' when empty) for `state` on top of `params`: the
 * page's parameters are written afresh, defaults left out; any other parameter (data, and
 * whatever else the address carried) stays as it was.
 */
export function queryFor(state, params = new URLSearchParams()) {
  const out = new URLSearchParams(params);
  for (const key of KEYS) out.delete(key);
  for (const key of KEYS) {
    const v = state[key];
    if (v === null || v === undefined || v === '') continue;
    if (CHOICES[key] && String(v) === CHOICES[key][0]) continue;
    out.set(key, String(v));
  }
  const s = out.toString();
  return s ? `?${s}` : '';
}
