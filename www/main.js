// The host page's entry: loads the dataset, mounts the widget, and wires the pieces
// together. Each concern has its module: controls.js (view buttons, section select and
// options, synced from the chart's state), linking.js (the report text and its links to the
// bars), paste.js (the paste-your-own-report panel), phone.js (the page on a narrow screen),
// share.js (the state in the address,
// copy link, the embed dialog), urlstate.js (the address's parameters), load.js (fetching
// the dataset), i18n.js (the page's zh/en strings), dom.js (shared helpers). They share one
// `app` object, built here:
//   chart          the widget's handle (also window.chart, for the tests and the console)
//   ds             the dataset shown: the shipped one, or a pasted text's
//   shipped        { ds, text }: the shipped dataset, to restore after a paste
//   chosenSection  the section the reader chose in the select (null: none; see controls.js)
//   selected       the id of the figure selected last (null: none; see linking.js)
//   showingPasted  true while the chart shows a pasted text's figures
//   picked         the indicator the chart has selected (phone.js), showPicked(ind) sets it
//   relabel()      labels the whole page in the selected locale
import { mount } from './pkg/indicator_chart.js';
import { $, showError } from './dom.js';
import { labelPage, strings } from './i18n.js';
import { applyTheme, labelControls, syncControls, wireControls } from './controls.js';
import { renderReport, showSelection, wireLinking } from './linking.js';
import { labelPaste, wirePaste } from './paste.js';
import { wirePhone } from './phone.js';
import { labelShare, showIgnored, wireShare } from './share.js';
import { mountOptions } from './urlstate.js';
import { loadFromAddress, settled } from './load.js';

/** Labels the page, its controls, the paste panel and the share parts in `locale`. */
function relabel(app, locale) {
  const t = strings(locale);
  labelPage(app, locale);
  labelControls(app, t, locale);
  labelPaste(t);
  labelShare(t);
}

/** Mounts the chart on the dataset's text and builds the shared app object (null: shown an error). */
function start(text, ds, opts) {
  let chart;
  try {
    chart = mount($('chart'), text, opts);
  } catch (e) {
    showError(e.message);
    return null;
  }
  window.chart = chart;
  const app = { chart, ds, shipped: { ds, text }, chosenSection: opts.section || null, selected: null, showingPasted: false };
  app.relabel = () => relabel(app, $('locale').value);
  return app;
}

async function main() {
  const loaded = await loadFromAddress(new URLSearchParams(location.search));
  if (!loaded) return;
  const { state, bad, text, ds } = loaded;
  const opts = mountOptions(state);
  const app = start(text, ds, opts);
  if (!app) return;
  renderReport(app.ds);
  applyTheme(opts.theme);
  relabel(app, opts.locale);
  syncControls(app);
  wireControls(app);
  wireLinking(app);
  wirePaste(app);
  wirePhone(app);
  if (state.id) {
    // Selected once the chart has its final width, so its tooltip sits at the bar.
    await settled();
    if (!showSelection(app, state.id)) bad.push({ key: 'id', value: state.id, why: 'hidden' });
  }
  showIgnored(bad);
  wireShare(app); // writes the address afresh: what was set aside leaves it
  document.body.dataset.state = 'ready';
}

main().catch((e) => showError(`页面出错：${e.message}`));
