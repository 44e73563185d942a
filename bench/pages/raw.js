// Hand-written Canvas2D: the same picture with the fewest calls (the practical limit).
// Every bar is one fillRect in a single fillStyle, snapped to whole device pixels and at
// least one device pixel thick (so all 100,000 bars really are drawn); labels with fillText
// where they fit; the picture is drawn once into a cached base canvas and copied to the
// visible one; hover = hit-test by arithmetic, copy the base back, draw the highlight.
import { installBench, values, labels, niceTicks, COLORS, FONT, TITLE, subtitle, WIDTH, HEIGHT, domTooltip } from './common.js';

const container = document.getElementById('chart');
const PAD = 16;
// Category labels: 13 px, one per LABEL_GAP px at most (every k-th row when rows are thinner).
const LABEL_GAP = 18;
let chart = null;

function createChart(data) {
  const canvas = document.createElement('canvas');
  canvas.style.display = 'block';
  const base = document.createElement('canvas');
  const tip = document.createElement('div');
  tip.className = 'tip';
  container.append(canvas, tip);
  const st = { canvas, base, tip, data, w: 0, h: 0, dpr: 1, geo: null, hover: -1 };

  function layout() {
    const { w, h } = st;
    const n = st.data.values.length;
    const bctx = base.getContext('2d');
    const inner = w - 2 * PAD;
    // The longest label is the widest one here ('指标' + index); one measureText.
    let longest = '';
    for (const l of st.data.labels) if (l.length > longest.length) longest = l;
    bctx.font = `13px ${FONT}`;
    const labelW = Math.min(bctx.measureText(longest).width, inner * 0.36);
    const top = 72;
    const bottom = h - PAD - 20;
    const band = (bottom - top) / Math.max(1, n);
    const showValues = band >= 10;
    bctx.font = `12px ${FONT}`;
    const valueW = showValues ? bctx.measureText('1000').width + 6 : 0;
    const x0 = PAD + labelW + 10;
    const x1 = w - PAD - valueW;
    let max = 0;
    for (const v of st.data.values) if (v > max) max = v;
    const ticks = niceTicks(max);
    const scale = (x1 - x0) / ticks[ticks.length - 1];
    return { n, labelW, top, bottom, band, showValues, x0, x1, ticks, scale };
  }

  function draw() {
    const { w, h } = st;
    const dpr = window.devicePixelRatio || 1;
    st.dpr = dpr;
    const bw = Math.round(w * dpr);
    const bh = Math.round(h * dpr);
    for (const c of [canvas, base]) {
      if (c.width !== bw) c.width = bw;
      if (c.height !== bh) c.height = bh;
    }
    canvas.style.width = w + 'px';
    canvas.style.height = h + 'px';
    const g = (st.geo = layout());
    const ctx = base.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = COLORS.bg;
    ctx.fillRect(0, 0, bw, bh);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    // Title and subtitle.
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    ctx.fillStyle = COLORS.text;
    ctx.font = `bold 17px ${FONT}`;
    ctx.fillText(TITLE, PAD, PAD);
    ctx.fillStyle = COLORS.muted;
    ctx.font = `12px ${FONT}`;
    ctx.fillText(subtitle(g.n), PAD, PAD + 24);
    // Grid: one path.
    ctx.beginPath();
    for (const t of g.ticks) {
      if (t === 0) continue;
      const x = (Math.round((g.x0 + t * g.scale) * dpr) + 0.5) / dpr;
      ctx.moveTo(x, g.top);
      ctx.lineTo(x, g.bottom);
    }
    ctx.strokeStyle = COLORS.grid;
    ctx.lineWidth = 1 / dpr;
    ctx.stroke();
    // Tick labels.
    ctx.fillStyle = COLORS.muted;
    ctx.font = `11px ${FONT}`;
    ctx.textAlign = 'center';
    for (const t of g.ticks) ctx.fillText(String(t), g.x0 + t * g.scale, g.bottom + 5);
    // Bars: one fillRect each, in device pixels.
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = COLORS.bar;
    const v = st.data.values;
    const bx0 = Math.round(g.x0 * dpr);
    const bandD = g.band * dpr;
    const barD = Math.max(1, Math.round(bandD * 0.62));
    const topD = g.top * dpr;
    const sD = g.scale * dpr;
    for (let i = 0; i < g.n; i++) {
      const y = Math.round(topD + (i + 0.5) * bandD - barD / 2);
      ctx.fillRect(bx0, y, Math.max(1, Math.round(v[i] * sD)), barD);
    }
    // Zero line.
    ctx.fillStyle = '#6e7681';
    ctx.fillRect(bx0, Math.round(topD) - 3 * dpr, Math.round(dpr), Math.round((g.bottom - g.top + 6) * dpr));
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    // Category labels where they fit (every k-th row), values when rows are tall enough.
    ctx.fillStyle = COLORS.text;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'right';
    ctx.font = `13px ${FONT}`;
    const every = Math.max(1, Math.ceil(LABEL_GAP / g.band));
    for (let i = 0; i < g.n; i += every) ctx.fillText(st.data.labels[i], PAD + g.labelW, g.top + (i + 0.5) * g.band);
    if (g.showValues) {
      ctx.textAlign = 'left';
      ctx.font = `12px ${FONT}`;
      for (let i = 0; i < g.n; i++) ctx.fillText(String(v[i]), g.x0 + v[i] * g.scale + 5, g.top + (i + 0.5) * g.band);
    }
    compose();
  }

  function barRect(i) {
    const g = st.geo;
    const dpr = st.dpr;
    const bandD = g.band * dpr;
    const barD = Math.max(1, Math.round(bandD * 0.62));
    const y = Math.round(g.top * dpr + (i + 0.5) * bandD - barD / 2) / dpr;
    const x = Math.round(g.x0 * dpr) / dpr;
    const len = Math.max(1, Math.round(st.data.values[i] * g.scale * dpr)) / dpr;
    return { x, y, w: len, h: barD / dpr };
  }

  function compose() {
    const ctx = canvas.getContext('2d');
    ctx.globalCompositeOperation = 'copy';
    ctx.drawImage(base, 0, 0);
    ctx.globalCompositeOperation = 'source-over';
    if (st.hover < 0) return;
    const g = st.geo;
    const dpr = st.dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = COLORS.band;
    ctx.fillRect(0, g.top + st.hover * g.band, st.w, g.band);
    const r = barRect(st.hover);
    ctx.strokeStyle = COLORS.text;
    ctx.lineWidth = 2;
    ctx.strokeRect(r.x - 1, r.y - 1, r.w + 2, r.h + 2);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
  }

  function onMove(e) {
    const r = canvas.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    const g = st.geo;
    const i = Math.floor((y - g.top) / g.band);
    const hit = x >= 0 && x <= st.w && i >= 0 && i < g.n ? i : -1;
    if (hit !== st.hover) {
      st.hover = hit;
      compose();
    }
    if (hit < 0) {
      tip.style.display = 'none';
      return;
    }
    tip.replaceChildren();
    const b = document.createElement('strong');
    b.textContent = st.data.labels[hit];
    b.style.display = 'block';
    const v = document.createElement('div');
    v.textContent = st.data.values[hit] + '个';
    tip.append(b, v);
    tip.style.display = 'block';
    tip.style.left = '0px';
    tip.style.top = '0px';
    const tw = tip.offsetWidth;
    const th = tip.offsetHeight;
    let tx = x + 12;
    let ty = y + 12;
    if (tx + tw > st.w) tx = x - 12 - tw;
    if (ty + th > st.h) ty = y - 12 - th;
    tip.style.left = Math.max(0, tx) + 'px';
    tip.style.top = Math.max(0, ty) + 'px';
  }
  function onLeave() {
    if (st.hover >= 0) {
      st.hover = -1;
      compose();
    }
    tip.style.display = 'none';
  }
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerleave', onLeave);

  return {
    st,
    resize(w, h) {
      st.w = w;
      st.h = h;
      draw();
    },
    update(data) {
      st.data = data;
      st.hover = -1;
      tip.style.display = 'none';
      draw();
    },
    barRect,
    destroy() {
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerleave', onLeave);
      canvas.remove();
      tip.remove();
    },
  };
}

installBench({
  name: 'raw',
  container,
  prepare: (n, seed) => ({ values: values(n, seed), labels: labels(n) }),
  mount(data) {
    chart = createChart(data);
    chart.resize(container.clientWidth || WIDTH, container.clientHeight || HEIGHT);
  },
  update(data) {
    chart.update(data);
  },
  resize(w, h) {
    chart.resize(w, h);
  },
  destroy() {
    chart?.destroy();
    chart = null;
  },
  rows: () => chart.st.geo.n,
  rowAt(i) {
    const r = chart.barRect(i);
    return { x: r.x + r.w / 2, y: chart.st.geo.top + (i + 0.5) * chart.st.geo.band };
  },
  canvases: () => [chart.st.canvas],
  tooltip: () => domTooltip(chart.st.tip),
  state: () => ({ bars: chart.st.geo.n, labelEvery: Math.max(1, Math.ceil(LABEL_GAP / chart.st.geo.band)) }),
});
