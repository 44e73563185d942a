// The elements a chart adds to the page, built in JavaScript (src/web/dom.rs imports these;
// build.sh folds this file into the wasm-bindgen glue, so it costs no request of its own).
// Built here, each DOM call is one line of JS instead of Rust code plus a glue shim per
// web-sys method. Every style is inline and `!important`: a host page's own `!important`
// rules (`canvas { width: 10px !important }`) beat inline styles of normal priority, but not
// important inline ones. Styles go through the CSSOM, never the style attribute (a CSP
// without 'unsafe-inline' forbids that).

/** Present to screen readers, invisible on screen. */
const HIDDEN = 'position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;'
  + 'clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap';
/** How an error box looks, wherever it is. */
const ERROR = 'padding:12px;border:1px solid #d1242f;color:#d1242f;background:#fff5f5;'
  + 'font:14px/1.5 system-ui, sans-serif;white-space:pre-wrap;direction:ltr';
// The visually hidden table is 1 px wide, but a table's cells overflow it: unclipped, they
// widened a phone's page to 480 px when the host's box did not clip them. The tooltip always
// lies within the chart's width; `clip` leaves y alone.
const ROOT = 'position:relative;overflow-x:clip;display:block;width:100%;min-width:0;direction:ltr;'
  + 'text-align:left;box-sizing:border-box';
// A vertical swipe scrolls the page, a sideways slide is the chart's (it scrubs the detail
// along the bars, see touch.rs), pinch still zooms; where `pinch-zoom` is not understood
// (Safari) the declaration is dropped and `pan-y` stays.
const CANVAS = 'display:block;direction:ltr;touch-action:pan-y;touch-action:pan-y pinch-zoom;'
  + 'outline-offset:2px;max-width:100%';
const TOOLTIP = 'position:absolute;display:none;pointer-events:none;z-index:10;padding:8px 10px;'
  + 'border-radius:6px;box-shadow:0 2px 10px rgba(0,0,0,.18);'
  + "font:13px/1.5 system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif;"
  + 'white-space:normal;overflow-wrap:anywhere;direction:ltr;text-align:left;box-sizing:border-box';
/** The attributes of a mounted `<canvas>` that the chart changes and gives back. */
const CANVAS_ATTRS = ['tabindex', 'role', 'aria-label', 'aria-describedby', 'width', 'height', 'class', 'style'];
const MOUNT_ERROR = 'ic-mount-error';

let nextId = 1;

/** Sets `k:v;k:v` as inline `!important` declarations, in order. */
function css(el, decls) {
  for (const d of decls.split(';')) {
    const i = d.indexOf(':');
    el.style.setProperty(d.slice(0, i), d.slice(i + 1), 'important');
  }
}

function make(doc, tag, cls, decls) {
  const el = doc.createElement(tag);
  el.className = cls;
  if (decls) css(el, decls);
  return el;
}

/**
 * Builds a chart's elements in `host` (a container, or a `<canvas>` that gets its siblings
 * right after it): [root or null, canvas, base, tooltip, live, table, error, added, saved],
 * `added` what `removeParts` takes off the page, `saved` a mounted canvas's style and
 * attributes (null in a container).
 */
export function buildParts(host, roleDescription) {
  const doc = host.ownerDocument;
  const onCanvas = host instanceof HTMLCanvasElement;
  let root = null;
  let canvas = host;
  let saved = null;
  const added = [];
  if (onCanvas) {
    saved = [canvas.style.cssText, CANVAS_ATTRS.map((a) => canvas.getAttribute(a))];
    if (!canvas.style.getPropertyValue('width')) css(canvas, 'width:100%');
  } else {
    root = make(doc, 'div', 'ic-root', ROOT);
    canvas = doc.createElement('canvas');
    root.append(canvas);
    host.append(root);
    added.push(root);
  }
  canvas.classList.add('ic-canvas');
  css(canvas, CANVAS);
  if (root) css(canvas, 'width:100%');
  canvas.setAttribute('tabindex', '0');
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-roledescription', roleDescription);
  const base = doc.createElement('canvas');
  const tooltip = make(doc, 'div', 'ic-tooltip', TOOLTIP);
  tooltip.setAttribute('aria-hidden', 'true');
  const live = make(doc, 'div', 'ic-live', HIDDEN);
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('aria-atomic', 'true');
  // The visually hidden table sits in a 1-px box that clips it: a table is never narrower
  // than its longest row, and clipped or not it widened a phone's page (375 → 456 px) when
  // the chart was mounted on a bare <canvas>, whose parent is the host's own element.
  const tableBox = make(doc, 'div', 'ic-table-box', HIDDEN);
  const table = doc.createElement('table');
  table.className = 'ic-table';
  table.id = `ic-table-${nextId++}`;
  tableBox.append(table);
  const error = make(doc, 'div', 'ic-error', `display:none;position:${root ? 'absolute' : 'relative'};`
    + `left:0;right:0;top:0;z-index:20;${ERROR}`);
  error.setAttribute('role', 'alert');
  // Siblings of the canvas: inside our root, or right after a mounted <canvas>.
  const parent = root ?? canvas.parentElement;
  if (!parent) throw new Error('indicator-chart: mount: the <canvas> must be in a parent element');
  const next = root ? null : canvas.nextSibling;
  for (const el of [tooltip, live, tableBox, error]) {
    parent.insertBefore(el, next);
    if (!root) added.push(el);
  }
  canvas.setAttribute('aria-describedby', table.id);
  return [root, canvas, base, tooltip, live, table, error, added, saved];
}

/**
 * Takes the chart off the page: what it added goes, a mounted `<canvas>` gets its attributes
 * and style back exactly as it came (attributes it lacked are removed, not left empty).
 */
export function removeParts(canvas, added, saved) {
  for (const el of added) el.remove();
  if (!saved) return;
  canvas.style.cssText = saved[0];
  canvas.removeAttribute('aria-roledescription');
  CANVAS_ATTRS.forEach((k, i) => {
    const v = saved[1][i];
    if (k === 'style') {
      if (v !== null) return;
      // Chromium writes CSSOM changes back to the attribute lazily; read it first so the
      // pending write cannot bring back an empty style="".
      canvas.getAttribute('style');
      canvas.removeAttribute('style');
    } else if (v === null) canvas.removeAttribute(k);
    else canvas.setAttribute(k, v);
  });
}

/** Messages from an earlier failed mount in this container are stale once it mounts again. */
export function clearMountErrors(host) {
  if (host instanceof HTMLCanvasElement) return;
  for (const el of host.querySelectorAll(`:scope > .${MOUNT_ERROR}`)) el.remove();
}

/** A failed mount still tells the reader why, in the element itself (`text` as text). */
export function showMountError(host, text) {
  const el = make(host.ownerDocument, 'div', MOUNT_ERROR, ERROR);
  el.setAttribute('role', 'alert');
  el.textContent = text;
  if (host instanceof HTMLCanvasElement) host.parentNode?.insertBefore(el, host.nextSibling);
  else host.append(el);
  console.error(text);
}

/** The table's box when the table is shown: every property HIDDEN sets, undone. */
const BOX_SHOWN = 'position:static;width:auto;height:auto;margin:0;padding:0;border:0;overflow:visible;'
  + 'clip:auto;clip-path:none;white-space:normal';

/** The table shown under the chart (the `table` option): a plain readable look. */
const TABLE_SHOWN = 'position:static;width:100%;height:auto;margin:8px 0 0;padding:0;border:0;overflow:visible;'
  + 'clip:auto;clip-path:none;white-space:normal;border-collapse:collapse;'
  + "font:13px/1.5 system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif;"
  + 'font-variant-numeric:tabular-nums;overflow-wrap:anywhere;color:inherit';

/** Shows the rows' table under the chart, or hides it for all but screen readers. */
export function tableStyle(table, visible) {
  if (table.parentElement) css(table.parentElement, visible ? BOX_SHOWN : HIDDEN);
  if (visible) {
    css(table, TABLE_SHOWN);
    return;
  }
  for (const d of TABLE_SHOWN.split(';')) table.style.removeProperty(d.slice(0, d.indexOf(':')));
}

/** `el` holding `text` (as text, never HTML) with these styles, appended to `parent`. */
function add(parent, tag, text, decls) {
  const el = parent.ownerDocument.createElement(tag);
  el.textContent = text;
  if (decls) css(el, decls);
  parent.append(el);
  return el;
}

/**
 * The tooltip's text for a row: label, value, the source sentence (when `quoted`: `before`,
 * the figure's own words `mid` in bold, `after`) and the section (when not empty).
 */
export function fillTooltip(tip, label, value, quoted, before, mid, after, section) {
  tip.replaceChildren();
  add(tip, 'strong', label, 'display:block;font-weight:bold');
  add(tip, 'div', value, 'display:block;font-size:15px;margin:2px 0 4px');
  if (quoted) {
    const q = make(tip.ownerDocument, 'div', 'ic-tt-quote', 'display:block;opacity:0.85;font-size:12.5px');
    q.append(before);
    add(q, 'b', mid, 'font-weight:bold');
    q.append(after);
    tip.append(q);
  }
  if (section) add(tip, 'div', section, 'display:block;opacity:0.65;font-size:12px;margin-top:4px');
}

/** The border style each table row was built with (rows are reused only with the same). */
const rowLine = new WeakMap();

/**
 * Row `at` of the rows' table: a header cell of `scope` ("col" for the head, "row" for a
 * row's label), then data cells (all header cells for the head). `line` (the grid colour's
 * border) styles the cells of a shown table; empty for the screen readers' hidden one.
 * A row already there with the same shape keeps its elements and only changed text is
 * written: an update of a 10,000-bar chart rewrites 1,000 value cells, not 4,000 elements.
 */
export function tableRow(table, at, scope, line, ...cells) {
  const old = table.rows[at];
  if (old && rowLine.get(old) === line && old.cells.length === cells.length
    && old.cells[0].getAttribute('scope') === scope) {
    cells.forEach((text, i) => {
      if (old.cells[i].textContent !== text) old.cells[i].textContent = text;
    });
    return;
  }
  const tr = table.ownerDocument.createElement('tr');
  cells.forEach((text, i) => {
    const header = i === 0 || scope === 'col';
    const cell = add(tr, header ? 'th' : 'td', text);
    if (header) cell.setAttribute('scope', scope);
    if (line) {
      css(cell, `padding:4px 8px;text-align:left;vertical-align:top;border-bottom:${line};`
        + `font-weight:${header ? 'bold' : 'normal'}`);
    }
  });
  rowLine.set(tr, line);
  if (old) old.replaceWith(tr);
  else table.append(tr);
}

/** The table's caption (none when `text` is empty), bold and left-aligned when `shown`. */
export function tableCaption(table, text, shown) {
  if (!text) {
    table.deleteCaption();
    return;
  }
  const c = table.createCaption();
  if (c.textContent !== text) c.textContent = text;
  c.style.cssText = '';
  if (shown) css(c, 'text-align:left;font-weight:bold;padding:4px 8px');
}

/** Removes the table's rows from index `count` on. */
export function tableEnd(table, count) {
  while (table.rows.length > count) table.rows[table.rows.length - 1].remove();
}
