// The paste-your-own-report panel: extracts a pasted text's figures in the browser
// (extractIndicators), charts them in place of the shipped dataset, lists them in a review
// table to check against their quotes, and restores the shipped dataset.
import { extractIndicators } from './pkg/indicator_chart.js';
import { $, guard } from './dom.js';
import { strings } from './i18n.js';
import { syncControls } from './controls.js';
import { markActive, renderReport } from './linking.js';

// The review table lists at most this many rows (a pasted book would make a table nobody reads).
const REVIEW_MAX_ROWS = 1000;

/** Labels the panel and its table's header in the page strings `t`. */
export function labelPaste(t) {
  const p = t.paste;
  $('paste-title').textContent = p.title;
  $('paste-label').textContent = p.label;
  $('paste-text').placeholder = p.placeholder;
  $('paste-extract').textContent = p.extract;
  $('paste-restore').textContent = p.restore;
  [...document.querySelectorAll('#paste-table thead th')].forEach((th, i) => { th.textContent = p.head[i]; });
}

/** One indicator as a review row: label, value + unit, kind, approx, quote. */
function reviewRow(body, ind, p) {
  const tr = body.insertRow();
  tr.dataset.id = ind.id;
  const cell = (text, cls) => {
    const td = tr.insertCell();
    td.textContent = text;
    if (cls) td.className = cls;
  };
  cell(ind.label, 'label');
  cell(`${ind.value}${ind.unit}`, 'num');
  cell(p.kinds[ind.kind] ?? ind.kind, 'kind');
  cell(ind.approx ? p.approx : '', 'approx');
  cell(ind.quote, 'quote');
}

/** The extracted indicators as a table for review (null: hide the table). */
function renderReview(ds, locale) {
  const review = $('paste-review');
  const body = $('paste-table').tBodies[0];
  body.replaceChildren();
  if (!ds) { review.hidden = true; return; }
  const p = strings(locale).paste;
  const n = ds.indicators.length;
  $('paste-caption').textContent = n > REVIEW_MAX_ROWS ? p.capped(n, REVIEW_MAX_ROWS) : p.caption(n);
  for (const ind of ds.indicators.slice(0, REVIEW_MAX_ROWS)) reviewRow(body, ind, p);
  review.hidden = false;
}

/** The panel's status line; its message is a function of the strings, redrawn on a locale switch. */
function pasteStatus() {
  let message = null;
  const set = (kind, next) => {
    message = next;
    const s = $('paste-status');
    s.dataset.kind = kind || '';
    s.textContent = message ? message(strings($('locale').value)) : '';
  };
  return { set, refresh: () => set($('paste-status').dataset.kind, message) };
}

/** A new dataset, in the view the reader has if it shows anything, else the first that does. */
function showDataset(app, next, json) {
  const { chart } = app;
  app.chosenSection = null;
  chart.update(json ?? next);
  app.ds = next;
  // With no section, the section view shows the part the widget picks (its first with figures).
  for (const v of ['headline', 'rates', 'section', 'money', 'overview']) {
    if (chart.getState().rows > 0) break;
    chart.setView(v, { section: null });
  }
  app.selected = null;
  markActive(null);
  renderReport(next);
  app.relabel();
  syncControls(app);
}

/** What to say when extractIndicators throws: (strings) => message. */
function extractFailure(e) {
  if (e?.code === 'no-indicators') return (t) => t.paste.none;
  if (e?.code === 'empty') return (t) => t.paste.empty;
  const msg = String(e?.message ?? e).replace(/^indicator-chart: (extractIndicators: )?/, '');
  return (t) => t.paste.failed(msg);
}

function onExtract(app, status) {
  const pasted = $('paste-text').value;
  if (!pasted.trim()) { status.set('error', (t) => t.paste.empty); return; }
  let next;
  try {
    next = extractIndicators(pasted, {});
  } catch (e) {
    status.set('error', extractFailure(e));
    return;
  }
  const was = app.showingPasted;
  app.showingPasted = true;
  try { showDataset(app, next); } catch (e) { app.showingPasted = was; throw e; }
  renderReview(next, $('locale').value);
  $('paste-restore').disabled = false;
  const n = next.indicators.length;
  status.set('ok', (t) => t.paste.ok(n));
}

function onRestore(app, status) {
  app.showingPasted = false;
  showDataset(app, app.shipped.ds, app.shipped.text);
  renderReview(null);
  $('paste-restore').disabled = true;
  status.set('ok', (t) => t.paste.restored);
}

/** Wires the panel's buttons, and redraws its status and table on a locale switch. */
export function wirePaste(app) {
  const status = pasteStatus();
  $('paste-extract').addEventListener('click', guard(() => onExtract(app, status)));
  $('paste-restore').addEventListener('click', guard(() => onRestore(app, status)));
  $('locale').addEventListener('change', () => {
    status.refresh();
    if (app.showingPasted) renderReview(app.ds, $('locale').value);
  });
}
