// Text ↔ chart linking. The report text is rendered with each quoted figure as a button
// (text from the data is only ever set with textContent: nothing becomes HTML). Clicking a
// figure selects its bar, switching to the view that shows it if the current one does not;
// selecting a bar marks its figure in the text and scrolls to it; an overview bar opens its
// section. On a narrow screen neither scrolls the page: phone.js offers the way there.
// app.selected is the id of the figure selected last (null: none), for the address.
import { $, guard, narrowScreen } from './dom.js';
import { syncControls } from './controls.js';

/** Where an indicator's figure is in the text: its `span`, or its quote's first place. */
function spanOf(ind, text) {
  if (ind.span) return ind.span;
  if (typeof ind.quote !== 'string' || !ind.quote) return null;
  const at = text.indexOf(ind.quote);
  if (at < 0) return null;
  const start = Array.from(text.slice(0, at)).length;      // spans count Unicode scalar values
  return [start, start + Array.from(ind.quote).length];
}

/** The figures' spans with the ids quoted at each, in text order, overlaps dropped. */
function figureSpans(ds) {
  const bySpan = new Map();
  for (const ind of ds.indicators) {
    const span = spanOf(ind, ds.source.text);
    if (!span) continue;
    const key = span.join(':');
    if (!bySpan.has(key)) bySpan.set(key, { start: span[0], end: span[1], ids: [] });
    bySpan.get(key).ids.push(ind.id);
  }
  // Non-overlapping spans, first come first served.
  const spans = [...bySpan.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  let last = -1;
  for (const s of spans) if (s.start >= last) { kept.push(s); last = s.end; }
  return kept;
}

/** Renders the report's paragraphs with each quoted figure as a button linked to its indicators. */
export function renderReport(ds) {
  const box = $('report-text');
  box.replaceChildren();
  const chars = Array.from(ds.source.text);
  let p = document.createElement('p');
  const flushText = (from, to) => {
    chars.slice(from, to).join('').split('\n').forEach((line, i) => {
      if (i > 0) { box.append(p); p = document.createElement('p'); }
      if (line) p.append(document.createTextNode(line));
    });
  };
  let pos = 0;
  for (const s of figureSpans(ds)) {
    flushText(pos, s.start);
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'fig';
    b.dataset.ids = s.ids.join(' ');
    b.textContent = chars.slice(s.start, s.end).join('');
    p.append(b);
    pos = s.end;
  }
  flushText(pos, chars.length);
  if (p.childNodes.length) box.append(p);
}

/** Marks the figure of indicator `id` as the active one and scrolls to it unless `scroll` is false (null: none). */
export function markActive(id, scroll = true) {
  for (const el of document.querySelectorAll('.fig.active')) el.classList.remove('active');
  if (!id) return;
  const el = [...document.querySelectorAll('.fig')].find((b) => b.dataset.ids.split(' ').includes(id));
  if (el) {
    el.classList.add('active');
    if (scroll) el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }
}

/** The view that shows an indicator best: [view, options] for chart.setView. */
function viewFor(ds, ind) {
  const top = (id) => {
    let s = ds.sections.find((x) => x.id === id);
    while (s && s.parent) s = ds.sections.find((x) => x.id === s.parent);
    return s ? s.id : id;
  };
  switch (ind.kind) {
    case 'yoy_change': return ['headline', {}];
    case 'percent': return ['rates', {}];
    // A ratio in its own unit (2.45, 1.5倍) is not drawn by the 100% line.
    case 'ratio': return ind.unit === '%' ? ['rates', {}] : ['section', { section: top(ind.section) }];
    case 'money': return ['money', {}];
    default: return ['section', { section: top(ind.section) }];
  }
}

/** Scrolls the focused bar into sight: within the chart panel if it scrolls, else the page. */
export function scrollBarIntoView(chart) {
  const st = chart.getState();
  if (st.focus == null) return;
  const r = chart.barRect(st.focus);
  const panel = $('chart-panel');
  const canvas = document.querySelector('#chart canvas.ic-canvas');
  if (!r || !canvas) return;
  const top = canvas.getBoundingClientRect().top + r.y;
  // The panel scrolls on a wide screen only (on a narrow one its overflow is visible).
  const panelScrolls = /auto|scroll/.test(getComputedStyle(panel).overflowY) && panel.scrollHeight > panel.clientHeight + 1;
  if (panelScrolls) {
    const pr = panel.getBoundingClientRect();
    if (top < pr.top || top > pr.bottom - 30) panel.scrollTop += top - pr.top - panel.clientHeight / 3;
  } else if (top < 0 || top > innerHeight - 30) {
    scrollBy({ top: top - innerHeight / 3 });
  }
}

/** Chart → text: a selected bar marks its sentence; an overview bar opens its section. */
function onSelect(app, e) {
  if (e.view === 'overview' && e.section && !e.indicator) {
    guard(() => { app.chart.setView('section', { section: e.section.id }); syncControls(app); })();
    return;
  }
  app.selected = e.indicator ? e.indicator.id : null;
  markActive(app.selected, !narrowScreen());
  app.showPicked?.(e.indicator);
}

/** Text → chart: a figure selects its bar (a repeat's original), switching view if needed. */
function onFigureClick(app, ev) {
  const b = ev.target.closest('.fig');
  if (!b) return;
  const { chart, ds } = app;
  const id = b.dataset.ids.split(' ')[0];
  const ind = ds.indicators.find((i) => i.id === id);
  const primary = ind && ind.repeat_of ? ind.repeat_of : id;
  markActive(id, false);
  let shown = chart.select(primary);
  if (!shown && ind) {
    const [v, o] = viewFor(ds, ds.indicators.find((i) => i.id === primary) || ind);
    // The reader's section filter hid the figure: it goes.
    app.chosenSection = null;
    chart.setView(v, { section: null, ...o });
    syncControls(app);
    shown = chart.select(primary);
  }
  app.selected = shown ? id : null;
  app.showPicked?.(ind);
  if (!narrowScreen()) scrollBarIntoView(chart);
}

/**
 * Selects indicator `id` as a click on its figure would in the current view (a repeat's
 * original bar, its own sentence marked), keeping the page where it is: only the chart panel
 * scrolls to the bar, or the page when the bar is off screen. False when the view does not show it.
 */
export function showSelection(app, id) {
  const ind = app.ds.indicators.find((i) => i.id === id);
  const primary = ind && ind.repeat_of ? ind.repeat_of : id;
  if (!app.chart.select(primary)) return false;
  app.selected = id;
  markActive(id, false);
  app.showPicked?.(ind);
  scrollBarIntoView(app.chart);
  return true;
}

/** Links the report text and the chart both ways. */
export function wireLinking(app) {
  app.chart.on('select', (e) => onSelect(app, e));
  $('report-text').addEventListener('click', guard((ev) => onFigureClick(app, ev)));
}
