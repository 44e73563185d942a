// Sharing: the page keeps the chart's state in its address (history.replaceState after every
// change), copies it as a link, says which parameters of a link it set aside (the notice),
// and gives an iframe and an <indicator-chart> snippet of the current state (the embed dialog).
import { $ } from './dom.js';
import { ignoredText, strings } from './i18n.js';
import { dataUrl, queryFor } from './urlstate.js';

const CONFIRM_MS = 3000;

/** The state to share: what the chart shows, the page's theme choice and the selected figure. */
export function currentState(app) {
  const st = app.chart.getState();
  const own = !app.showingPasted; // a pasted text's ids mean nothing in a link
  return {
    view: st.view, sort: st.sort, log: String(st.log), locale: st.locale, theme: $('theme').value,
    section: own ? st.section : null,
    id: own && st.focus !== null ? app.selected ?? null : null,
  };
}

/** Writes the current state into the address when it changed (no new history entry). */
export function saveUrl(app) {
  const q = queryFor(currentState(app), new URLSearchParams(location.search));
  if (q !== location.search) history.replaceState(history.state, '', `${location.pathname}${q}${location.hash}`);
}

// The notice: a message as a function of the page strings, redrawn on a locale switch.
let notice = null;
function drawNotice() {
  $('notice-text').textContent = notice ? notice(strings($('locale').value)) : '';
  $('notice').hidden = !notice;
}

/** Says which parameters of the address were set aside ([] hides the notice). */
export function showIgnored(bad) {
  notice = bad.length ? (t) => ignoredText(t, bad) : null;
  drawNotice();
}

/** Copies text with the Clipboard API; false when the browser refuses or has none. */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A short message in a status element, cleared after a few seconds unless `stay`. */
function say(id, message, stay = false) {
  const el = $(id);
  el.textContent = message;
  clearTimeout(el.timer);
  if (!stay) el.timer = setTimeout(() => { el.textContent = ''; }, CONFIRM_MS);
}

async function onCopyLink(app) {
  saveUrl(app);
  const t = strings($('locale').value).share;
  const field = $('share-url');
  if (await copyText(location.href)) {
    field.hidden = true;
    say('share-status', t.copied);
    return;
  }
  // No clipboard (an insecure origin, a refused permission): the link, selected, to copy by hand.
  field.value = location.href;
  field.hidden = false;
  field.focus();
  field.select();
  say('share-status', t.manual, true);
}

/** Text as an HTML attribute value between double quotes. */
const attr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The two snippets for the current state: { frame, element }. */
export function snippets(app) {
  const state = currentState(app);
  const data = new URLSearchParams(location.search).get('data');
  const keep = new URLSearchParams(data ? { data } : {});
  const src = new URL(`embed.html${queryFor(state, keep)}`, location.href).href;
  const script = new URL('embed.js', location.href).href;
  // The chart's height here is a good first guess; embed.js then follows the real one.
  const height = Math.max(150, Math.round(app.chart.getState().height || 0));
  const frame = `<iframe src="${attr(src)}" title="${attr(document.title)}" width="100%" height="${height}" ` +
    `frameborder="0" loading="lazy" data-indicator-chart></iframe>\n<script src="${attr(script)}" async></script>`;
  const attrs = [['src', dataUrl(data).url ?? ''], ['view', state.view]];
  if (state.section) attrs.push(['section', state.section]);
  if (state.sort !== 'report') attrs.push(['sort', state.sort]);
  if (state.log !== 'auto') attrs.push(['log', state.log]);
  attrs.push(['locale', state.locale]);
  if (state.theme !== 'auto') attrs.push(['theme', state.theme]);
  const element = `<script type="module">import 'indicator-chart/element';</script>\n` +
    `<indicator-chart ${attrs.map(([k, v]) => `${k}="${attr(v)}"`).join(' ')}></indicator-chart>`;
  return { frame, element };
}

function openEmbed(app, opener) {
  const dialog = $('embed-dialog');
  const { frame, element } = snippets(app);
  $('embed-frame').value = frame;
  $('embed-element').value = element;
  $('embed-pasted').hidden = !app.showingPasted;
  $('embed-status').textContent = '';
  dialog.returnTo = opener;
  dialog.showModal();
  $('embed-frame').focus();
  $('embed-frame').select();
}

async function copySnippet(id) {
  const area = $(id);
  const t = strings($('locale').value).share;
  if (await copyText(area.value)) {
    say('embed-status', t.snippetCopied);
  } else {
    area.focus();
    area.select();
    say('embed-status', t.manual, true);
  }
}

/** Labels the share buttons, the embed dialog and the notice in the page strings `t`. */
export function labelShare(t) {
  const s = t.share;
  $('copy-link').textContent = s.copy;
  $('embed').textContent = s.embed;
  $('embed-title').textContent = s.dialog;
  $('embed-frame-label').textContent = s.frame;
  $('embed-element-label').textContent = s.element;
  $('embed-frame-copy').textContent = s.copySnippet;
  $('embed-element-copy').textContent = s.copySnippet;
  $('embed-close').textContent = s.close;
  $('embed-pasted').textContent = s.pasted;
  $('notice-close').setAttribute('aria-label', s.dismiss);
  $('notice-close').title = s.dismiss;
  drawNotice();
}

/**
 * Keeps the address in step with the chart (after each select, render, click or change on
 * the page) and wires the copy-link button, the embed dialog and the notice.
 */
export function wireShare(app) {
  const save = () => queueMicrotask(() => saveUrl(app));
  app.chart.on('select', save);
  app.chart.on('render', save);
  document.addEventListener('click', save);
  document.addEventListener('change', save);
  $('copy-link').addEventListener('click', () => { onCopyLink(app); });
  $('share-url').addEventListener('blur', () => { $('share-url').hidden = true; $('share-status').textContent = ''; });
  $('notice-close').addEventListener('click', () => showIgnored([]));
  const dialog = $('embed-dialog');
  $('embed').addEventListener('click', () => openEmbed(app, $('embed')));
  $('embed-close').addEventListener('click', () => dialog.close());
  $('embed-frame-copy').addEventListener('click', () => { copySnippet('embed-frame'); });
  $('embed-element-copy').addEventListener('click', () => { copySnippet('embed-element'); });
  // Escape closes the dialog by itself ('cancel', then 'close'); focus goes back to its opener.
  dialog.addEventListener('close', () => { dialog.returnTo?.focus(); });
  saveUrl(app);
}
