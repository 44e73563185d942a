// The host page: loads the dataset, mounts the widget, wires the controls, and shows the
// report text with every figure linked to its bar (and back). Text from the data is only
// ever set with textContent: nothing from the dataset becomes HTML.
import init, { mount } from './pkg/indicator_chart.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const dataUrl = params.get('data') || 'data/report-2022.json';
const FETCH_TIMEOUT_MS = 15000;

const UI = {
  zh: { views: ['同比变化', '比率', '分部分', '概览', '金额'], all: '全部', png: '导出 PNG', csv: '导出 CSV',
        report: '报告原文', locale: '语言', theme: '主题', section: '部分', sort: '排序', log: '刻度',
        sortOpts: ['按报告顺序', '按数值'], logOpts: ['自动', '线性', '对数'], themeOpts: ['跟随系统', '浅色', '深色'],
        lede: '报告里的每一个数字，连同它所在的原句。点击条形或原文中的数字，两边互相对应。' },
  en: { views: ['Year on year', 'Rates', 'By section', 'Overview', 'Money'], all: 'All', png: 'Export PNG', csv: 'Export CSV',
        report: 'Report text', locale: 'Language', theme: 'Theme', section: 'Section', sort: 'Order', log: 'Scale',
        sortOpts: ['As in the report', 'By value'], logOpts: ['Auto', 'Linear', 'Log'], themeOpts: ['System', 'Light', 'Dark'],
        lede: 'Every figure in the report, with the sentence it comes from. Click a bar or a figure in the text to see the other.' },
};

function showError(message) {
  const s = $('status');
  s.textContent = message;
  s.hidden = false;
  document.body.dataset.state = 'error';
}

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

/** Report paragraphs with each quoted figure as a button linked to its indicator. */
function renderReport(ds) {
  const box = $('report-text');
  box.replaceChildren();
  const chars = Array.from(ds.source.text);      // spans count Unicode scalar values
  const bySpan = new Map();
  for (const ind of ds.indicators) {
    if (!ind.span) continue;
    const key = ind.span.join(':');
    if (!bySpan.has(key)) bySpan.set(key, { start: ind.span[0], end: ind.span[1], ids: [] });
    bySpan.get(key).ids.push(ind.id);
  }
  // Non-overlapping spans, first come first served.
  const spans = [...bySpan.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  let last = -1;
  for (const s of spans) if (s.start >= last) { kept.push(s); last = s.end; }
  let p = document.createElement('p');
  const flushText = (from, to) => {
    const t = chars.slice(from, to).join('');
    const lines = t.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) { box.append(p); p = document.createElement('p'); }
      if (line) p.append(document.createTextNode(line));
    });
  };
  let pos = 0;
  for (const s of kept) {
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

function markActive(id) {
  for (const el of document.querySelectorAll('.fig.active')) el.classList.remove('active');
  if (!id) return;
  const el = [...document.querySelectorAll('.fig')].find((b) => b.dataset.ids.split(' ').includes(id));
  if (el) {
    el.classList.add('active');
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }
}

/** The view that shows an indicator best. */
function viewFor(ds, ind) {
  const top = (id) => {
    let s = ds.sections.find((x) => x.id === id);
    while (s && s.parent) s = ds.sections.find((x) => x.id === s.parent);
    return s ? s.id : id;
  };
  switch (ind.kind) {
    case 'yoy_change': return ['headline', {}];
    case 'percent': case 'ratio': return ['rates', {}];
    case 'money': return ['money', {}];
    default: return ['section', { section: top(ind.section) }];
  }
}

function scrollBarIntoView(chart) {
  const st = chart.getState();
  if (st.focus == null) return;
  const r = chart.barRect(st.focus);
  const panel = $('chart-panel');
  const canvas = document.querySelector('#chart canvas.ic-canvas');
  if (!r || !canvas) return;
  const top = canvas.getBoundingClientRect().top + r.y;
  if (panel.scrollHeight > panel.clientHeight + 1) {
    const pr = panel.getBoundingClientRect();
    if (top < pr.top || top > pr.bottom - 30) panel.scrollTop += top - pr.top - panel.clientHeight / 3;
  } else if (top < 0 || top > innerHeight - 30) {
    scrollBy({ top: top - innerHeight / 3 });
  }
}

function applyUiLocale(locale, ds) {
  const t = UI[locale];
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  [...document.querySelectorAll('#views button')].forEach((b, i) => { b.textContent = t.views[i]; });
  $('png').textContent = t.png;
  $('csv').textContent = t.csv;
  $('report-title').textContent = t.report;
  $('lede').textContent = t.lede;
  const setLabel = (id, text) => { $(id).parentElement.firstChild.textContent = text + ' '; };
  setLabel('locale', t.locale); setLabel('theme', t.theme); setLabel('section', t.section);
  setLabel('sort', t.sort); setLabel('log', t.log);
  [...$('sort').options].forEach((o, i) => { o.textContent = t.sortOpts[i]; });
  [...$('log').options].forEach((o, i) => { o.textContent = t.logOpts[i]; });
  [...$('theme').options].forEach((o, i) => { o.textContent = t.themeOpts[i]; });
  const sel = $('section');
  const cur = sel.value;
  sel.replaceChildren(new Option(t.all, ''));
  for (const s of ds.sections) {
    const title = locale === 'en' && s.title_en ? s.title_en : s.title;
    sel.append(new Option((s.parent ? '　' : '') + title, s.id));
  }
  sel.value = cur;
  const title = locale === 'en' ? 'Public security bureau 2022 work report · indicators' : `${ds.source.title || ds.title} · 指标图表`;
  $('title').textContent = title;
  document.title = title;
}

function download(name, href) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

async function main() {
  let text;
  try {
    [, text] = await Promise.all([init(), loadDataset(dataUrl)]);
  } catch (e) {
    showError(e.message);
    return;
  }
  let ds;
  try {
    ds = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    ds = null;      // let the widget explain what is wrong with the JSON
  }
  const el = $('chart');
  const opts = {
    view: params.get('view') || 'headline',
    locale: params.get('locale') || 'zh',
    theme: params.get('theme') || 'auto',
  };
  if (params.get('section')) opts.section = params.get('section');
  let chart;
  try {
    chart = mount(el, text, opts);
  } catch (e) {
    showError(e.message);
    return;
  }
  window.chart = chart;

  const views = [...document.querySelectorAll('#views button')];
  const syncControls = () => {
    const st = chart.getState();
    for (const b of views) b.setAttribute('aria-pressed', String(b.dataset.view === st.view));
    $('section').value = st.section || '';
    $('sort').value = st.sort;
    $('log').value = String(st.log);
    $('locale').value = st.locale;
  };
  const guard = (fn) => (...args) => {
    try { $('status').hidden = true; fn(...args); } catch (e) { showError(e.message); }
  };

  renderReport(ds);
  $('theme').value = opts.theme;
  document.documentElement.dataset.theme = opts.theme === 'auto' ? '' : opts.theme;
  applyUiLocale(opts.locale, ds);
  syncControls();

  // The section filter applies to every view only when the reader chose it; the section
  // view picks one by itself, and that choice does not follow the reader to other views.
  let chosenSection = opts.section || null;
  for (const b of views) {
    b.addEventListener('click', guard(() => {
      const v = b.dataset.view;
      const first = ds.sections.find((s) => !s.parent && ds.indicators.some((i) => i.section === s.id || ds.sections.some((c) => c.parent === s.id && c.id === i.section)))?.id;
      chart.setView(v, { section: v === 'section' ? (chosenSection || first) : chosenSection });
      syncControls();
    }));
  }
  $('section').addEventListener('change', guard(() => {
    chosenSection = $('section').value || null;
    chart.setOptions({ section: chosenSection });
    syncControls();
  }));
  $('sort').addEventListener('change', guard(() => chart.setOptions({ sort: $('sort').value })));
  $('log').addEventListener('change', guard(() => {
    const v = $('log').value;
    chart.setOptions({ log: v === 'auto' ? 'auto' : v === 'true' });
  }));
  $('locale').addEventListener('change', guard(() => {
    chart.setOptions({ locale: $('locale').value });
    applyUiLocale($('locale').value, ds);
    syncControls();
  }));
  $('theme').addEventListener('change', guard(() => {
    const v = $('theme').value;
    document.documentElement.dataset.theme = v === 'auto' ? '' : v;
    chart.setOptions({ theme: v });
  }));
  $('png').addEventListener('click', guard(() => download(`indicators-${chart.getState().view}.png`, chart.toPng())));
  $('csv').addEventListener('click', guard(() => {
    const url = URL.createObjectURL(new Blob([chart.toCsv()], { type: 'text/csv;charset=utf-8' }));
    download(`indicators-${chart.getState().view}.csv`, url);
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }));

  // Chart → text: a selected bar highlights its sentence; an overview bar opens its section.
  chart.on('select', (e) => {
    if (e.view === 'overview' && e.section && !e.indicator) {
      guard(() => { chart.setView('section', { section: e.section.id }); syncControls(); })();
      return;
    }
    markActive(e.indicator ? e.indicator.id : null);
  });
  // Text → chart: a figure selects its bar, switching to the view that shows it.
  $('report-text').addEventListener('click', guard((ev) => {
    const b = ev.target.closest('.fig');
    if (!b) return;
    const id = b.dataset.ids.split(' ')[0];
    const ind = ds.indicators.find((i) => i.id === id);
    const primary = ind && ind.repeat_of ? ind.repeat_of : id;
    markActive(id);
    if (!chart.select(primary) && ind) {
      const [v, o] = viewFor(ds, ds.indicators.find((i) => i.id === primary) || ind);
      chart.setView(v, o);
      syncControls();
      chart.select(primary);
    }
    scrollBarIntoView(chart);
  }));

  document.body.dataset.state = 'ready';
}

main().catch((e) => showError(`页面出错：${e.message}`));
