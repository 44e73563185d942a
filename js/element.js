// indicator-chart/element — the <indicator-chart> custom element. Importing this module
// registers it (once; a second copy of the package on the page leaves the first in place).
//
//   <indicator-chart src="data.json" view="headline" locale="zh" theme="auto"></indicator-chart>
//
// It renders inside an open shadow root, so the page's CSS cannot reach its canvas and its
// own styles do not leak out. Every element on the page shares the one WebAssembly instance
// of ./index.js, which it loads by itself: no init() call is needed.
//
// Attributes: src, view, section, locale, theme, sort, log, height, source, description,
// table (as the JS options; source="false" hides the source line, a table attribute other
// than "false" shows the rows' table), and timeout (ms to wait for src, default 15000). Property `.data` takes a dataset object or
// its JSON text instead of src (not `.dataset`: every HTMLElement already has that one, for
// its data-* attributes). Events: `select`, `hover` (CustomEvent, detail = the chart's
// payload, bubbling and composed), `render` (CustomEvent), `load` (Event) and `error`
// (ErrorEvent, message says why), the last three not bubbling.
import { init, mount } from './index.js';

export const TAG = 'indicator-chart';
const OPTIONS = ['view', 'section', 'locale', 'theme', 'sort', 'log', 'height', 'source', 'description', 'table'];
const DEFAULTS = {
  view: 'headline', section: null, locale: 'zh', theme: 'auto', sort: 'report', log: 'auto', height: 'auto',
  source: true, description: null, table: false,
};
const DEFAULT_TIMEOUT_MS = 15000;

// Page CSS can still reach the host element itself, and a page's normal declarations beat
// the shadow root's normal `:host` ones (`* { all: unset }` would make it display: inline).
// `!important` inside the shadow beats the page, even the page's `!important`; the custom
// property (which `all` does not reset) is the page's way to choose another display, and the
// `hidden` attribute still hides. Inside, `.box` resets everything the host passes down by
// inheritance (fonts, direction, writing-mode, letter-spacing…) except visibility.
const CSS = `
:host { display: var(--indicator-chart-display, block) !important; }
:host([hidden]) { display: none !important; }
.box, .msg { all: initial; visibility: inherit; direction: ltr; unicode-bidi: isolate; text-align: left;
  box-sizing: border-box; font: 14px/1.5 system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; }
.box { display: block; position: relative; width: 100%; min-width: 0; }
.box.fill { height: 100%; }
.msg { display: block; padding: 12px; margin: 0 0 8px; border: 1px solid #d1242f; border-radius: 4px;
  color: #d1242f; background: #fff5f5; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg[hidden] { display: none; }
`;

let sheet = null; // one constructed stylesheet shared by every element (CSP-safe, no <style>)
function styleShadow(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style'); // older browsers (needs style-src 'unsafe-inline' under a CSP)
    style.textContent = CSS;
    root.append(style);
  }
}

/** The option value of an attribute, or the default when the attribute is absent. */
function optionFrom(name, value) {
  if (value === null) return DEFAULTS[name];
  const v = value.trim();
  switch (name) {
    case 'section':
      return v === '' || v === 'all' ? null : v;
    case 'log':
      return v === 'true' ? true : v === 'false' ? false : v; // 'auto', or an error from the chart
    case 'height':
      return /^\d+(\.\d+)?(px)?$/.test(v) ? parseFloat(v) : v; // pixels, 'auto' or 'container'
    case 'source':
      return v !== 'false'; // shown unless source="false"
    case 'table':
      return v !== 'false'; // <indicator-chart table> shows it
    case 'description':
      return v === '' ? null : value;
    default:
      return v;
  }
}

/** Fetches JSON text with a timeout; every failure becomes an Error whose message a reader understands. */
async function fetchDataset(url, timeoutMs, signal) {
  const ctrl = new AbortController();
  let timedOut = false;
  const onAbort = () => ctrl.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, timeoutMs);
  try {
    let res;
    try {
      res = await fetch(url, { signal: ctrl.signal, headers: { Accept: 'application/json' } });
    } catch (e) {
      if (timedOut) throw new Error(`could not load ${url}: no answer within ${timeoutMs / 1000} s (timed out)`);
      if (signal.aborted) throw e;
      throw new Error(`could not load ${url}: ${e.message} (network error)`);
    }
    if (!res.ok) throw new Error(`could not load ${url}: HTTP ${res.status} ${res.statusText}`.trimEnd());
    let text;
    try {
      text = await res.text();
    } catch (e) {
      if (timedOut) throw new Error(`could not load ${url}: the answer did not finish within ${timeoutMs / 1000} s (timed out)`);
      if (signal.aborted) throw e;
      throw new Error(`could not load ${url}: ${e.message}`);
    }
    const type = res.headers.get('content-type') ?? '';
    const head = text.trimStart().slice(0, 200);
    if (/html/i.test(type) || /^<(!doctype|html|head|body|\?xml)/i.test(head)) {
      throw new Error(`could not load ${url}: the server sent a web page (${type || 'HTML'}), not JSON — is the address right?`);
    }
    try {
      JSON.parse(text);
    } catch (e) {
      throw new Error(`could not load ${url}: the answer is not JSON (${e.message})`);
    }
    return text; // the chart parses and validates it, with messages that name the field
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

// On a server (SSR) there is no HTMLElement: the module still imports, registering nothing.
const Base = typeof HTMLElement === 'function' ? HTMLElement : class {};

export class IndicatorChartElement extends Base {
  static get observedAttributes() {
    return ['src', 'timeout', ...OPTIONS];
  }

  #box;
  #msg;
  #chart = null;
  #data = null; // set through .data
  #fetched = null; // { url, text } of the last successful src load
  #abort = null; // AbortController of the load in flight
  #seq = 0; // bumps on every (re)load and teardown; stale async work checks it
  #ro = null;
  #state = 'idle';
  #error = null;
  // False until the first connectedCallback: an upgrade or the parser reports every attribute
  // to attributeChangedCallback just before it, and loading `src` there as well started a
  // second download of the data and aborted the first.
  #connected = false;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    styleShadow(root);
    this.#msg = document.createElement('div');
    this.#msg.className = 'msg';
    this.#msg.setAttribute('part', 'message');
    this.#msg.setAttribute('role', 'alert');
    this.#msg.hidden = true;
    this.#box = document.createElement('div');
    this.#box.className = 'box';
    this.#box.setAttribute('part', 'chart');
    root.append(this.#msg, this.#box);
  }

  connectedCallback() {
    this.#connected = true;
    // Properties set before the element was defined sit on the instance; route them through the setters.
    for (const p of ['data', 'src', ...OPTIONS]) {
      if (Object.prototype.hasOwnProperty.call(this, p)) {
        const v = this[p];
        delete this[p];
        this[p] = v;
      }
    }
    this.#load();
  }

  disconnectedCallback() {
    this.#teardown();
    this.#setState('idle', null);
  }

  attributeChangedCallback(name, oldValue, value) {
    if (oldValue === value || !this.isConnected || !this.#connected) return;
    if (name === 'src') {
      if (this.#data === null) this.#load();
    } else if (name === 'height') {
      this.#box.classList.toggle('fill', (value ?? '').trim() === 'container');
      this.#applyOptions();
    } else if (OPTIONS.includes(name)) {
      this.#applyOptions();
    }
  }

  /** The dataset given as a property (object or JSON text); it wins over `src`. `null` goes back to `src`. */
  get data() {
    return this.#data;
  }
  set data(value) {
    this.#data = value ?? null;
    if (this.isConnected) this.#load();
  }

  /** The mounted chart (the JS API's Chart), or null while loading, after an error or when not in the page. */
  get chart() {
    return this.#chart;
  }
  /** 'idle' | 'loading' | 'ready' | 'error' */
  get state() {
    return this.#state;
  }
  /** The message shown inside the element, when state is 'error'. */
  get error() {
    return this.#error;
  }

  #setState(state, error) {
    this.#state = state;
    this.#error = error;
  }

  #options() {
    const o = {};
    for (const k of OPTIONS) o[k] = optionFrom(k, this.getAttribute(k));
    return o;
  }

  #showMessage(text) {
    this.#msg.textContent = `indicator-chart: ${text}`;
    this.#msg.hidden = false;
  }

  #hideMessage() {
    this.#msg.hidden = true;
    this.#msg.textContent = '';
  }

  #fail(message, seq) {
    if (seq !== this.#seq) return;
    this.#showMessage(message);
    this.#setState('error', message);
    this.dispatchEvent(new ErrorEvent('error', { message, error: new Error(message) }));
  }

  #teardown() {
    this.#seq++;
    this.#abort?.abort();
    this.#abort = null;
    this.#ro?.disconnect();
    this.#ro = null;
    if (this.#chart) {
      try {
        this.#chart.destroy();
      } catch {
        // destroyed already (someone called el.chart.destroy())
      }
      this.#chart = null;
    }
    this.#box.replaceChildren();
  }

  async #load() {
    this.#teardown();
    this.#hideMessage();
    const seq = this.#seq;
    this.#box.classList.toggle('fill', (this.getAttribute('height') ?? '').trim() === 'container');
    let dataset = this.#data;
    let url = null;
    if (dataset === null) {
      const src = this.getAttribute('src');
      if (!src) {
        this.#setState('idle', null); // nothing to show until src or .data is set
        return;
      }
      url = new URL(src, document.baseURI).href;
    }
    this.#setState('loading', null);
    try {
      if (dataset === null && this.#fetched?.url === url) {
        dataset = this.#fetched.text; // re-attached (moved in the page): no second download
      } else if (dataset === null) {
        const t = Number(this.getAttribute('timeout'));
        const timeout = Number.isFinite(t) && t > 0 ? t : DEFAULT_TIMEOUT_MS;
        this.#abort = new AbortController();
        const [text] = await Promise.all([fetchDataset(url, timeout, this.#abort.signal), init()]);
        if (seq !== this.#seq) return;
        this.#fetched = { url, text };
        dataset = text;
      }
      await init();
    } catch (e) {
      this.#fail(e?.message ?? String(e), seq);
      return;
    }
    if (seq !== this.#seq || !this.isConnected) return;
    this.#abort = null;
    this.#mount(dataset, seq);
  }

  #mount(dataset, seq) {
    let chart;
    try {
      chart = mount(this.#box, dataset, this.#options());
    } catch (e) {
      this.#box.replaceChildren(); // our message area says it once
      this.#fail(String(e?.message ?? e).replace(/^indicator-chart: /, ''), seq);
      return;
    }
    this.#chart = chart;
    for (const type of ['select', 'hover']) {
      chart.on(type, (detail) => this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true })));
    }
    chart.on('render', (detail) => this.dispatchEvent(new CustomEvent('render', { detail })));
    // The chart follows its width by itself; with height="container" it must follow the height too.
    this.#ro = new ResizeObserver(() => {
      if (this.#chart && this.getAttribute('height')?.trim() === 'container') {
        try {
          this.#chart.resize();
        } catch {
          // shown in the element by the chart
        }
      }
    });
    this.#ro.observe(this);
    this.#setState('ready', null);
    this.dispatchEvent(new Event('load'));
  }

  #applyOptions() {
    if (!this.#chart) {
      // A failed mount (bad option) gets another try with the new attributes.
      if (this.#state === 'error' && this.isConnected && (this.#data !== null || this.#fetched)) this.#load();
      return;
    }
    try {
      this.#chart.setOptions(this.#options());
      this.#hideMessage();
      this.#setState('ready', null);
    } catch (e) {
      const message = String(e?.message ?? e).replace(/^indicator-chart: /, '');
      this.#showMessage(message); // the chart keeps its last good options
      this.#error = message;
      this.dispatchEvent(new ErrorEvent('error', { message, error: e }));
    }
  }
}

// Reflecting properties for the attributes: el.view = 'rates' is el.setAttribute('view', 'rates').
for (const name of ['src', 'timeout', ...OPTIONS]) {
  Object.defineProperty(IndicatorChartElement.prototype, name, {
    configurable: true,
    enumerable: true,
    get() {
      return this.getAttribute(name);
    },
    set(v) {
      if (v === null || v === undefined) this.removeAttribute(name);
      else this.setAttribute(name, String(v));
    },
  });
}

if (typeof customElements !== 'undefined' && !customElements.get(TAG)) {
  customElements.define(TAG, IndicatorChartElement);
}

export default IndicatorChartElement;
