// The benchmark harness shared by every contestant's page (bench/pages/*.js).
//
// A contestant supplies an `impl` object (see installBench below); this module wraps it
// into `window.bench`, which the driver (bench/run.mjs) calls, and does all the timing
// and pixel checks identically for everyone:
//
//   bench.mount(n)        first render: build the data (untimed), then time the contestant's
//                         mount call until the chart's pixels are confirmed drawn
//   bench.update(n, seed) new data of the same size, timed the same way
//   bench.resize(w, h)    resize the chart box, timed the same way
//   bench.hover(i)        arms a hover measurement of hover target i; returns
//                         { at: {x, y}, done: Promise } — the driver then moves the real
//                         pointer to `at` (page.mouse.move) and awaits `done`
//   bench.destroy()
//
// "Pixels drawn" (mount, update, resize): after the call, in each following animation frame
// (requestAnimationFrame, then a forced style/layout, then getImageData), three 1-device-pixel
// strips of the main canvas across the first, middle and last shown row must hold
// non-background pixels; for update and resize the strips are first overwritten with a
// sentinel colour, and must no longer contain it (so the chart really repainted them).
//
// Times: `elapsed` is the wall time from the call to the confirming read. `ms` (the headline
// figure) counts only the main thread's work for it: the call itself, then in each frame
// until the confirming read, the time from the frame's start (see frameMark) to the end of
// the read. The wait between the call and the next frame is left out: a chart drawn
// synchronously is not charged up to 16.7 ms of waiting for vsync (or, on a loaded machine,
// for the compositor), and a chart that draws in its own rAF callback is charged for it.

export const FONT = "system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";
// The widget's light theme (src/render.rs), so every contestant paints the same colours.
export const COLORS = {
  bg: '#ffffff',
  text: '#1f2328',
  muted: '#57606a',
  grid: '#e6e8eb',
  bar: '#0072b2',
  band: 'rgba(31,35,40,0.06)',
};
export const WIDTH = 1200;
export const HEIGHT = 600;
export const TITLE = 'Bench';
export const subtitle = (n) => `条形图，“Bench”部分的${n}项指标，按单位分为1组`;

/** Deterministic pseudo-random integers in 1..1000 (mulberry32). */
export function values(n, seed = 1) {
  let a = (seed * 0x9e3779b9) >>> 0;
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    out[i] = 1 + Math.floor(r * 1000);
  }
  return out;
}

export function labels(n) {
  const out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = '指标' + i;
  return out;
}

/** The widget's dataset for n bars (empty source.text: the quote check is skipped). */
export function dataset(n, seed = 1) {
  const v = values(n, seed);
  const indicators = new Array(n);
  for (let i = 0; i < n; i++) {
    indicators[i] = {
      id: 'b' + i, section: 'bench', label: '指标' + i, label_en: 'Item ' + i, value: v[i],
      unit: '个', kind: 'count', approx: false, quote: 'q',
    };
  }
  return {
    title: 'Bench',
    source: { title: 'Bench', year: 2022, text: '' },
    sections: [{ id: 'bench', title: 'Bench', parent: null }],
    indicators,
  };
}

/** Nice round ticks from 0 to at least max, about `target` of them. */
export function niceTicks(max, target = 6) {
  const raw = max / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw);
  const ticks = [];
  for (let t = 0; t <= max + step * 1e-9; t += step) ticks.push(t);
  if (ticks[ticks.length - 1] < max) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}

/** The state of a DOM tooltip element (forces its layout, as a reader's frame would). */
export function domTooltip(el) {
  if (!el || !el.isConnected) return { visible: false, text: '' };
  const cs = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const visible = cs.display !== 'none' && cs.visibility !== 'hidden' && Number(cs.opacity) > 0 && r.width > 0 && r.height > 0;
  return { visible, text: visible ? el.textContent : '' };
}

// ------------------------------------------------------------------ pixel checks

const SENTINEL = [255, 0, 255, 255];

function stripY(canvas, clientY) {
  const r = canvas.getBoundingClientRect();
  if (!(r.height > 0)) return -1;
  const y = Math.floor((clientY - r.top) * (canvas.height / r.height));
  return y >= 0 && y < canvas.height ? y : -1;
}

function ctx2d(canvas) {
  return canvas.getContext('2d');
}

function readStrip(canvas, clientY) {
  const y = stripY(canvas, clientY);
  if (y < 0 || !canvas.width) return null;
  return ctx2d(canvas).getImageData(0, y, canvas.width, 1).data;
}

function paintSentinel(canvas, clientY) {
  const y = stripY(canvas, clientY);
  if (y < 0 || !canvas.width) return;
  const img = new ImageData(canvas.width, 1);
  for (let p = 0; p < img.data.length; p += 4) img.data.set(SENTINEL, p);
  ctx2d(canvas).putImageData(img, 0, y);
}

function writeStrip(canvas, clientY, data) {
  const y = stripY(canvas, clientY);
  if (y < 0 || !data || data.length !== canvas.width * 4) return;
  ctx2d(canvas).putImageData(new ImageData(new Uint8ClampedArray(data), canvas.width, 1), 0, y);
}

function hasSentinel(d) {
  for (let p = 0; p < d.length; p += 4) {
    if (d[p] === 255 && d[p + 1] === 0 && d[p + 2] === 255 && d[p + 3] === 255) return true;
  }
  return false;
}

/** Pixels that are neither transparent nor (near) white. */
function nonBackground(d) {
  let n = 0;
  for (let p = 0; p < d.length; p += 4) {
    if (d[p + 3] > 16 && !(d[p] > 245 && d[p + 1] > 245 && d[p + 2] > 245)) n++;
  }
  return n;
}

function sameStrip(a, b) {
  if (!a || !b || a.length !== b.length) return false;
  for (let p = 0; p < a.length; p++) if (a[p] !== b[p]) return false;
  return true;
}

// ------------------------------------------------------------------ timing

const nextFrame = () => new Promise((r) => requestAnimationFrame(r));

// The frame marker: a requestAnimationFrame loop started before any chart exists, so its
// callback is the first of every frame (callbacks run in registration order, and it
// re-registers first). `frameMark` is when the current frame's callbacks began.
let frameMark = 0;
(function mark() {
  frameMark = performance.now();
  requestAnimationFrame(mark);
})();

/**
 * Checks `check()` in each animation frame from now on, until it holds or the timeout.
 * Our rAF callback is registered after the chart's own (if any), so a chart drawing in
 * its rAF callback has drawn by the time we look. Busy time is counted per frame: from the
 * frame's start (the marker) to the end of our check when it holds; when it does not, to
 * the end of that frame's main-thread work (a posted message runs after the frame's
 * rendering steps), so work a chart does after our check in that frame is counted too.
 * The waits between frames are not counted.
 *   start: { t0, busy, last } — when the measured stretch began, the busy time so far,
 *   and when the main thread last stopped working on it.
 */
function pollFrames(check, { t0, busy, last }, timeout, resolve) {
  let frames = 0;
  let pendingFrom = null;
  let ended = false;
  // If frames stop coming altogether, still answer (as a timeout).
  const guard = setTimeout(() => end({ timeout: true, elapsed: performance.now() - t0, frames, stalled: true }), timeout + 2000);
  const ch = new MessageChannel();
  ch.port1.onmessage = () => {
    if (pendingFrom === null) return;
    const now = performance.now();
    busy += now - pendingFrom;
    last = now;
    pendingFrom = null;
  };
  const end = (res) => {
    if (ended) return;
    ended = true;
    clearTimeout(guard);
    ch.port1.close();
    resolve(res);
  };
  const step = () => {
    if (ended) return;
    frames++;
    if (pendingFrom !== null) {
      // The message did not run before this frame: count the previous frame up to now.
      busy += Math.max(0, frameMark - pendingFrom);
      last = frameMark;
      pendingFrom = null;
    }
    const from = Math.max(frameMark, last);
    let ok = false;
    try {
      void document.documentElement.offsetHeight; // style + layout, as for the page's own DOM
      ok = check();
    } catch (e) {
      end({ error: String(e?.stack ?? e) });
      return;
    }
    const now = performance.now();
    if (ok) {
      end({ ms: busy + now - from, elapsed: now - t0, frames });
      return;
    }
    if (now - t0 > timeout) {
      end({ timeout: true, elapsed: now - t0, frames });
      return;
    }
    pendingFrom = from;
    ch.port2.postMessage(0);
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

/**
 * Runs `action` (sync), then polls `check` frame by frame (pollFrames). Returns
 * { ms, elapsed, callMs, frames } or { timeout, elapsed, callMs, frames }.
 *   callMs   the call itself, with the microtasks it queued
 */
function timeUntilDrawn(action, check, timeout) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    try {
      action();
    } catch (e) {
      resolve({ error: String(e?.stack ?? e) });
      return;
    }
    queueMicrotask(() => {
      const tCall = performance.now();
      pollFrames(check, { t0, busy: tCall - t0, last: tCall }, timeout, (r) => resolve({ ...r, callMs: tCall - t0 }));
    });
  });
}

// ------------------------------------------------------------------ the harness

/**
 * impl: {
 *   name, container: HTMLElement (the chart's box, positioned at the page's top left),
 *   prepare(n, seed) → data        (untimed: build the contestant's input)
 *   mount(data)                     (timed)
 *   update(data)                    (timed)
 *   resize(w, h)                    (timed; the box is resized by the harness first)
 *   destroy()
 *   rows() → number of hoverable rows shown
 *   rowAt(i) → { x, y } centre of row i's bar, CSS px relative to the container
 *   canvases() → the chart's canvases, main (bars) canvas first
 *   tooltip() → { visible, text }: the tooltip's state (DOM tooltips: laid out and
 *     visible; canvas tooltips: the library's tooltip model). A hover is complete when the
 *     tooltip is visible with a row's text different from before the move (with rows
 *     thinner than a pixel the row under the pointer is not exactly target i)
 *   state() → extra facts for the results (e.g. the widget's getState())
 *   wasmMemory() → bytes or null
 * }
 */
export function installBench(impl) {
  let size = { w: WIDTH, h: HEIGHT };
  const box = impl.container;
  const boxRect = () => box.getBoundingClientRect();
  const rowClient = (i) => {
    const p = impl.rowAt(i);
    const r = boxRect();
    return { x: r.left + p.x, y: r.top + p.y };
  };
  // First, middle and last shown row.
  const probeRows = () => {
    const n = impl.rows();
    return n > 0 ? [...new Set([0, Math.floor(n / 2), n - 1])] : [];
  };
  const mainCanvas = () => impl.canvases()[0];

  function drawnCheck(ys, { sentinel }) {
    return () => {
      const c = mainCanvas();
      if (!c || !c.width || ys.length === 0) return false;
      for (const y of ys) {
        const d = readStrip(c, y);
        if (!d) return false;
        if (sentinel && hasSentinel(d)) return false;
        if (nonBackground(d) < 2) return false;
      }
      return true;
    };
  }

  const timeout = () => window.benchTimeout ?? 30_000;

  const bench = {
    name: impl.name,
    async mount(n) {
      const data = impl.prepare(n, 1);
      let ys = [];
      const r = await timeUntilDrawn(
        () => impl.mount(data),
        () => {
          if (ys.length === 0) ys = probeRows().map((i) => rowClient(i).y);
          return drawnCheck(ys, { sentinel: false })();
        },
        timeout(),
      );
      return { ...r, state: safeState() };
    },
    async update(n, seed) {
      const data = impl.prepare(n, seed);
      const ys = probeRows().map((i) => rowClient(i).y);
      const c = mainCanvas();
      for (const y of ys) paintSentinel(c, y);
      const r = await timeUntilDrawn(() => impl.update(data), drawnCheck(ys, { sentinel: true }), timeout());
      return { ...r, state: safeState() };
    },
    /**
     * `k` updates in a row, each with a fresh dataset object of `n` records (new values,
     * built untimed beforehand), each waited for until its pixels are read back, then a
     * frame and a task more for the work a chart puts off until after its frame. The driver
     * times it as the renderer's main-thread task time (CDP Performance.getMetrics
     * TaskDuration): everything the chart costs, deferred work included.
     */
    async updateRun(n, k) {
      const data = Array.from({ length: k }, (_, i) => impl.prepare(n, 100 + i));
      const ys = probeRows().map((i) => rowClient(i).y);
      const c = mainCanvas();
      const check = drawnCheck(ys, { sentinel: true });
      const t0 = performance.now();
      for (const d of data) {
        for (const y of ys) paintSentinel(c, y);
        impl.update(d);
        const t = performance.now();
        while (!check()) {
          if (performance.now() - t > timeout()) return { timeout: true };
          await nextFrame();
        }
      }
      await nextFrame();
      await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => setTimeout(r, 0));
      return { elapsed: (performance.now() - t0) / k };
    },
    async resize(w, h) {
      const c = mainCanvas();
      for (const y of probeRows().map((i) => rowClient(i).y)) paintSentinel(c, y);
      let ys = [];
      const r = await timeUntilDrawn(
        () => {
          box.style.width = w + 'px';
          box.style.height = h + 'px';
          size = { w, h };
          impl.resize(w, h);
        },
        () => {
          if (ys.length === 0) ys = probeRows().map((i) => rowClient(i).y);
          return drawnCheck(ys, { sentinel: true })();
        },
        timeout(),
      );
      return { ...r, state: safeState() };
    },
    /** Hover target k of `count`: the same fractional positions for every contestant. */
    hoverTarget(k) {
      const rows = impl.rows();
      const f = (k * 0.6180339887498949 + 0.5) % 1;
      return Math.min(rows - 1, Math.floor(f * rows));
    },
    hover(i) {
      const at = rowClient(i);
      const canvases = impl.canvases();
      const before = canvases.map((c) => readStrip(c, at.y));
      for (const c of canvases) paintSentinel(c, at.y);
      const marked = canvases.map((c) => readStrip(c, at.y));
      const tip = impl.tooltip();
      let t0 = null;
      let settled = false;
      let polling = false;
      let resolveDone;
      const done = new Promise((r) => (resolveDone = r));
      const finish = (res) => {
        if (settled) return;
        settled = true;
        window.removeEventListener('pointermove', onFirst, true);
        window.removeEventListener('mousemove', onAfter, false);
        // Put back strips a canvas did not repaint (a layer the highlight did not touch).
        const now = canvases.map((c) => readStrip(c, at.y));
        let visible = false;
        canvases.forEach((c, k) => {
          if (sameStrip(now[k], marked[k])) writeStrip(c, at.y, before[k]);
          else if (!sameStrip(now[k], before[k])) visible = true;
        });
        resolveDone({ ...res, visible });
      };
      const check = () => {
        void document.documentElement.offsetHeight;
        const repainted = canvases.some((c, k) => !sameStrip(readStrip(c, at.y), marked[k]));
        if (!repainted) return false;
        const t = impl.tooltip();
        return t.visible && t.text !== tip.text && /指标[0-9]/.test(t.text);
      };
      const poll = (busy, last) => {
        if (polling || settled) return;
        polling = true;
        pollFrames(check, { t0, busy, last }, timeout(), finish);
      };
      // Capture at the window: runs before any of the chart's own listeners.
      const onFirst = () => {
        if (t0 !== null) return;
        t0 = performance.now();
        // In case no compatibility mousemove follows.
        setTimeout(() => poll(performance.now() - t0, performance.now()), 50);
      };
      // Bubble at the window on the compatibility mousemove: after every handler of this
      // input. A chart that drew in its handlers is done here; one that deferred to its own
      // rAF callback registered it before we register ours.
      const onAfter = () => {
        if (t0 === null || settled || polling) return;
        if (check()) {
          const now = performance.now();
          finish({ ms: now - t0, elapsed: now - t0, frames: 0 });
          return;
        }
        const now = performance.now();
        poll(now - t0, now);
      };
      window.addEventListener('pointermove', onFirst, true);
      window.addEventListener('mousemove', onAfter, false);
      setTimeout(() => {
        if (t0 === null) finish({ error: 'no pointer event reached the page' });
      }, timeout());
      return { at, done };
    },
    destroy() {
      impl.destroy();
      box.style.width = WIDTH + 'px';
      box.style.height = HEIGHT + 'px';
      size = { w: WIDTH, h: HEIGHT };
    },
    async settle(frames = 2) {
      for (let k = 0; k < frames; k++) await nextFrame();
    },
    state: () => safeState(),
    size: () => size,
  };
  function safeState() {
    try {
      return { rows: impl.rows(), ...(impl.state?.() ?? {}), wasmMemory: impl.wasmMemory?.() ?? null };
    } catch (e) {
      return { error: String(e) };
    }
  }
  box.style.width = WIDTH + 'px';
  box.style.height = HEIGHT + 'px';
  window.bench = bench;
  window.benchReady = true;
  return bench;
}
