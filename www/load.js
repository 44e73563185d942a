// Loading the dataset, shared by the host page (main.js) and the embed page (embed-page.js).

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
