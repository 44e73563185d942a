// The host page: loads the dataset, mounts the widget, wires the controls, and shows the
// report text with every figure linked to its bar (and back). Text from the data is only
// ever set with textContent: nothing from the dataset becomes HTML.
import init, { extractIndicators, mount } from './pkg/indicator_chart.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const dataUrl = params.get('data') || 'data/report-2022.json';
const FETCH_TIMEOUT_MS = 15000;

const plural = (n) => (n === 1 ? 'indicator' : 'indicators');
const UI = {
  zh: { views: ['同比变化', '比率', '分部分', '概览', '金额'], all: '全部', png: '导出 PNG', csv: '导出 CSV',
        report: '报告原文', locale: '语言', theme: '主题', section: '部分', sort: '排序', log: '刻度',
        sortOpts: ['按报告顺序', '按数值'], logOpts: ['自动', '线性', '对数'], themeOpts: ['跟随系统', '浅色', '深色'],
        lede: '报告里的每一个数字，连同它所在的原句。点击条形或原文中的数字，两边互相对应。',
        paste: {
          title: '粘贴你自己的报告', label: '把报告的文字粘贴到这里，提取其中的数字并绘图：',
          placeholder: '例如：全年共破获各类案件212起，同比上升8.2%；追赃挽损1.4亿元。',
          extract: '提取并绘图', restore: '恢复报告数据',
          head: ['指标', '数值', '类型', '约数', '原文'], approx: '约',
          kinds: { count: '数量', percent: '百分比', yoy_change: '同比变化', money: '金额', ratio: '比率', change: '变化', rank: '名次' },
          caption: (n) => `提取结果：${n} 个指标（请对照原文核对）`,
          capped: (n, max) => `提取结果：${n} 个指标，下表列出前 ${max} 个`,
          ok: (n) => `提取到 ${n} 个指标，已绘图。请对照下表中的原文核对。`,
          empty: '请先粘贴报告的文字。',
          none: '没有找到可以绘图的数字（例如“破获案件212起”“同比下降11.8%”）。',
          failed: (m) => `无法提取：${m}`,
          restored: '已恢复报告数据。',
          title2: (t) => `${t} · 指标图表（粘贴的文本）`,
        } },
  en: { views: ['Year on year', 'Rates', 'By section', 'Overview', 'Money'], all: 'All', png: 'Export PNG', csv: 'Export CSV',
        report: 'Report text', locale: 'Language', theme: 'Theme', section: 'Section', sort: 'Order', log: 'Scale',
        sortOpts: ['As in the report', 'By value'], logOpts: ['Auto', 'Linear', 'Log'], themeOpts: ['System', 'Light', 'Dark'],
        lede: 'Every figure in the report, with the sentence it comes from. Click a bar or a figure in the text to see the other.',
        paste: {
          title: 'Paste your own report', label: 'Paste a report\'s text here to extract its figures and chart them:',
          placeholder: 'For example: 全年共破获各类案件212起，同比上升8.2%；追赃挽损1.4亿元。',
          extract: 'Extract and chart', restore: 'Back to the report',
          head: ['Indicator', 'Value', 'Kind', 'Approx.', 'Quote'], approx: 'approx.',
          kinds: { count: 'count', percent: 'percent', yoy_change: 'year on year', money: 'money', ratio: 'ratio', change: 'change', rank: 'rank' },
          caption: (n) => `Extracted: ${n} ${plural(n)} (check them against the quotes)`,
          capped: (n, max) => `Extracted: ${n} indicators; the table lists the first ${max}`,
          ok: (n) => `Extracted ${n} ${plural(n)} and charted ${n === 1 ? 'it' : 'them'}. Check against the quotes in the table.`,
          empty: 'Paste the text of a report first.',
          none: 'No figures to chart were found (such as 破获案件212起 or 同比下降11.8%).',
          failed: (m) => `Could not extract: ${m}`,
          restored: 'Back to the report\'s data.',
          title2: (t) => `${t} · indicators (pasted text)`,
        } },
};

// The review table lists at most this many rows (a pasted book would make a table nobody reads).
const REVIEW_MAX_ROWS = 1000;
// True while the chart shows a pasted text's figures instead of the shipped dataset.
let showingPasted = false;

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
  const text = ds.source.text;
  for (const ind of ds.indicators) {
    // `span` is optional in the data: without one, the quote's first place in the text.
    let span = ind.span;
    if (!span && typeof ind.quote === 'string' && ind.quote) {
      const at = text.indexOf(ind.quote);
      if (at >= 0) {
        const start = Array.from(text.slice(0, at)).length;
        span = [start, start + Array.from(ind.quote).length];
      }
    }
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
  const p = t.paste;
  $('paste-title').textContent = p.title;
  $('paste-label').textContent = p.label;
  $('paste-text').placeholder = p.placeholder;
  $('paste-extract').textContent = p.extract;
  $('paste-restore').textContent = p.restore;
  [...document.querySelectorAll('#paste-table thead th')].forEach((th, i) => { th.textContent = p.head[i]; });
  const title = showingPasted ? p.title2(ds.source.title || ds.title)
    : locale === 'en' ? 'Public security bureau 2022 work report · indicators' : `${ds.source.title || ds.title} · 指标图表`;
  $('title').textContent = title;
  document.title = title;
}

/** The extracted indicators as a table for review: label, value + unit, kind, approx, quote. */
function renderReview(ds, locale) {
  const review = $('paste-review');
  const body = $('paste-table').tBodies[0];
  body.replaceChildren();
  if (!ds) { review.hidden = true; return; }
  const p = (UI[locale] ?? UI.zh).paste;
  const n = ds.indicators.length;
  $('paste-caption').textContent = n > REVIEW_MAX_ROWS ? p.capped(n, REVIEW_MAX_ROWS) : p.caption(n);
  for (const ind of ds.indicators.slice(0, REVIEW_MAX_ROWS)) {
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
  review.hidden = false;
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

  // Paste your own report: extract in the browser, chart it, list it for review.
  const shipped = { ds, text };
  let pasteMessage = null;          // (ui) => text of the status line, kept across locale switches
  const setPasteStatus = (kind, message) => {
    pasteMessage = message;
    const s = $('paste-status');
    s.dataset.kind = kind || '';
    s.textContent = message ? message(UI[$('locale').value] ?? UI.zh) : '';
  };
  // A new dataset, in the view the reader has if it shows anything, else the first that does.
  const showDataset = (next, json) => {
    chosenSection = null;
    chart.update(json ?? next);
    ds = next;
    if (chart.getState().rows === 0) {
      const firstSection = ds.sections.find((s) => ds.indicators.some((i) => i.section === s.id || ds.sections.some((c) => c.parent === s.id && c.id === i.section)))?.id;
      for (const [v, o] of [['headline', {}], ['rates', {}], ['section', { section: firstSection }], ['money', {}], ['overview', {}]]) {
        chart.setView(v, { section: null, ...o });
        if (chart.getState().rows > 0) break;
      }
    }
    markActive(null);
    renderReport(ds);
    applyUiLocale($('locale').value, ds);
    syncControls();
  };
  $('paste-extract').addEventListener('click', guard(() => {
    const pasted = $('paste-text').value;
    if (!pasted.trim()) { setPasteStatus('error', (t) => t.paste.empty); return; }
    let next;
    try {
      next = extractIndicators(pasted, {});
    } catch (e) {
      const msg = String(e?.message ?? e).replace(/^indicator-chart: (extractIndicators: )?/, '');
      setPasteStatus('error', e?.code === 'no-indicators' ? (t) => t.paste.none
        : e?.code === 'empty' ? (t) => t.paste.empty : (t) => t.paste.failed(msg));
      return;
    }
    const was = showingPasted;
    showingPasted = true;
    try { showDataset(next); } catch (e) { showingPasted = was; throw e; }
    renderReview(next, $('locale').value);
    $('paste-restore').disabled = false;
    const n = next.indicators.length;
    setPasteStatus('ok', (t) => t.paste.ok(n));
  }));
  $('paste-restore').addEventListener('click', guard(() => {
    showingPasted = false;
    showDataset(shipped.ds, shipped.text);
    renderReview(null);
    $('paste-restore').disabled = true;
    setPasteStatus('ok', (t) => t.paste.restored);
  }));
  $('locale').addEventListener('change', () => {
    setPasteStatus($('paste-status').dataset.kind, pasteMessage);
    if (showingPasted) renderReview(ds, $('locale').value);
  });

  document.body.dataset.state = 'ready';
}

main().catch((e) => showError(`页面出错：${e.message}`));
