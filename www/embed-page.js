// The embed page (embed.html): the chart alone, for an <iframe>. It takes the host page's
// parameters (view, section, sort, log, locale, theme, id; see urlstate.js) and `data`, a
// dataset on this page's own origin; what it cannot use it says, in a line above the chart.
// It tells the page around it its height whenever that changes (embed.js listens), as
// { type: 'indicator-chart:height', height } — the height is not secret, so to any origin.
import init, { mount } from './pkg/indicator_chart.js';
import { $, showError } from './dom.js';
import { ignoredText, strings } from './i18n.js';
import { checkAgainstData, dataUrl, mountOptions, readParams } from './urlstate.js';
import { loadDataset, parseDataset } from './load.js';

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

/** Resolves after the next frame and its task: the chart has followed its box's final size. */
const settled = () => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));

async function main() {
  postHeight();
  const params = new URLSearchParams(location.search);
  const { state, bad } = readParams(params);
  const t = strings(state.locale);
  document.documentElement.lang = state.locale === 'zh' ? 'zh-CN' : 'en';
  document.documentElement.dataset.theme = state.theme === 'auto' ? '' : state.theme;
  const data = dataUrl(params.get('data'));
  if (data.error) {
    showError(t.share.badData(data.error));
    return;
  }
  let text;
  try {
    [, text] = await Promise.all([init(), loadDataset(data.url)]);
  } catch (e) {
    showError(e.message);
    return;
  }
  const ds = parseDataset(text);
  if (ds) checkAgainstData(state, ds, bad);
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
