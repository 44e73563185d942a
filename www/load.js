// Loading the dataset, shared by the host page (main.js) and the embed page (embed-page.js).
import init from './pkg/indicator_chart.js';
import { showError } from './dom.js';
import { strings } from './i18n.js';
import { checkAgainstData, dataUrl, readParams } from './urlstate.js';

const FETCH_TIMEOUT_MS = 15000;

/** The dataset's text, with errors that say which URL failed and how. */
export async function loadDataset(url) {
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
export function parseDataset(text) {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
}

/**
 * The start shared by both pages: the address's parameters, then the wasm and the dataset
 * (`data`, or the shipped one) loaded together. Returns { state, bad, text, ds }, or null
 * after showing why nothing can be shown. `bad` lists the parameters set aside, including a
 * section or indicator the data lacks (the widget explains data it cannot read; then there
 * is nothing to check against, and `ds` is null).
 */
export async function loadFromAddress(params) {
  const { state, bad } = readParams(params);
  const data = dataUrl(params.get('data'));
  if (data.error) {
    showError(strings(state.locale).share.badData(data.error));
    return null;
  }
  let text;
  try {
    [, text] = await Promise.all([init(), loadDataset(data.url)]);
  } catch (e) {
    showError(e.message);
    return null;
  }
  const ds = parseDataset(text);
  if (ds) checkAgainstData(state, ds, bad);
  return { state, bad, text, ds };
}

/** Resolves after the next frame and its task: the chart has followed its box's final size. */
export const settled = () => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
