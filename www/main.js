// The host page's entry: loads the dataset, mounts the widget, and wires the pieces
// together. Each concern has its module: controls.js (view buttons, section select and
// options, synced from the chart's state), linking.js (the report text and its links to the
// bars), paste.js (the paste-your-own-report panel), i18n.js (the page's zh/en strings),
// dom.js (shared helpers). They share one `app` object, built here:
//   chart          the widget's handle (also window.chart, for the tests and the console)
//   ds             the dataset shown: the shipped one, or a pasted text's
//   shipped        { ds, text }: the shipped dataset, to restore after a paste
//   chosenSection  the section the reader chose in the select (null: none; see controls.js)
//   showingPasted  true while the chart shows a pasted text's figures
//   picked         the indicator the chart has selected (phone.js), showPicked(ind) sets it
//   relabel()      labels the whole page in the selected locale
import init, { mount } from './pkg/indicator_chart.js';
import { $, showError } from './dom.js';
import { labelPage, strings } from './i18n.js';
import { applyTheme, labelControls, syncControls, wireControls } from './controls.js';
import { renderReport, wireLinking } from './linking.js';
import { labelPaste, wirePaste } from './paste.js';
import { wirePhone } from './phone.js';

const params = new URLSearchParams(location.search);
const dataUrl = params.get('data') || 'data/report-2022.json';
const FETCH_TIMEOUT_MS = 15000;

/** The dataset's text, with errors that say which URL failed and how. */
async function loadDataset(url) {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), FETCH_TIMEOUT_MS);
  let res;
  try {
    res = await fetch(url, { signal: ctrl.signal });
  } catch (e) {
    throw new Error(e.name === 'AbortError'
      ? `无法加载数据 ${url}：${FETCH_TIMEOUT_MS / 1000} 秒内没有响应 (timed out)`
      : `无法加载数据 ${url}：${e.message} (network error)`);
  } finally {
    clearTimeout(timer);
  }
  if (!res.ok) throw new Error(`无法加载数据 ${url}：HTTP ${res.status} ${res.statusText} (could not load the dataset)`);
  // The widget parses and validates the text itself, with messages that name the field.
  return await res.text();
}

/** The dataset as an object for the page's own use, or null (the widget explains what is wrong). */
function parseDataset(text) {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
}

/** The widget's starting options from the page URL (?view=, ?locale=, ?theme=, ?section=). */
function mountOptions() {
  const opts = {
    view: params.get('view') || 'headline',
    locale: params.get('locale') || 'zh',
    theme: params.get('theme') || 'auto',
  };
  if (params.get('section')) opts.section = params.get('section');
  return opts;
}

/** Labels the page, its controls and the paste panel in `locale`. */
function relabel(app, locale) {
  const t = strings(locale);
  labelPage(app, locale);
  labelControls(app, t, locale);
  labelPaste(t);
}

/** Mounts the chart on the dataset's text and builds the shared app object (null: shown an error). */
function start(text, opts) {
  const ds = parseDataset(text);
  let chart;
  try {
    chart = mount($('chart'), text, opts);
  } catch (e) {
    showError(e.message);
    return null;
  }
  window.chart = chart;
  const app = { chart, ds, shipped: { ds, text }, chosenSection: opts.section || null, showingPasted: false };
  app.relabel = () => relabel(app, $('locale').value);
  return app;
}

async function main() {
  let text;
  try {
    [, text] = await Promise.all([init(), loadDataset(dataUrl)]);
  } catch (e) {
    showError(e.message);
    return;
  }
  const opts = mountOptions();
  const app = start(text, opts);
  if (!app) return;
  renderReport(app.ds);
  applyTheme(opts.theme);
  relabel(app, opts.locale);
  syncControls(app);
  wireControls(app);
  wireLinking(app);
  wirePaste(app);
  wirePhone(app);
  document.body.dataset.state = 'ready';
}

main().catch((e) => showError(`页面出错：${e.message}`));
