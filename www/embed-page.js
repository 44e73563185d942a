// The embed page (embed.html): the chart alone, for an <iframe>. It takes the host page's
// parameters (view, section, sort, log, locale, theme, id; see urlstate.js) and `data`, a
// dataset on this page's own origin; what it cannot use it says, in a line above the chart.
// It tells the page around it its height whenever that changes (embed.js listens), as
// { type: 'indicator-chart:height', height } — the height is not secret, so to any origin.
import { mount } from './pkg/indicator_chart.js';
import { $, showError } from './dom.js';
import { ignoredText, strings } from './i18n.js';
import { mountOptions } from './urlstate.js';
import { loadFromAddress, settled } from './load.js';

/** Posts the document's height to the embedding page each time it changes. */
function postHeight() {
  if (window.parent === window) return;
  let last = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'indicator-chart:height', height }, '*');
  }).observe(document.body);
}

async function main() {
  postHeight();
  const loaded = await loadFromAddress(new URLSearchParams(location.search));
  if (!loaded) return;
  const { state, bad, text, ds } = loaded;
  const t = strings(state.locale);
  document.documentElement.lang = state.locale === 'zh' ? 'zh-CN' : 'en';
  document.documentElement.dataset.theme = state.theme === 'auto' ? '' : state.theme;
  let chart;
  try {
    chart = mount($('chart'), text, mountOptions(state));
  } catch (e) {
    showError(e.message);
    return;
  }
  window.chart = chart;
  const title = ds?.source?.title || ds?.title;
  if (typeof title === 'string' && title) document.title = state.locale === 'zh' ? `${title} · 指标图表` : `${title} · indicators`;
  if (state.id) {
    await settled();
    const ind = ds.indicators.find((i) => i.id === state.id);
    if (!chart.select(ind && ind.repeat_of ? ind.repeat_of : state.id)) bad.push({ key: 'id', value: state.id, why: 'hidden' });
  }
  if (bad.length) {
    $('notice').textContent = ignoredText(t, bad);
    $('notice').hidden = false;
  }
  document.body.dataset.state = 'ready';
}

main().catch((e) => showError(`页面出错：${e.message}`));
