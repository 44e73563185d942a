// Chart.js (dist/chart.umd.min.js, the full build, loaded by chartjs.html): indexAxis 'y',
// animation off, responsive off on a fixed-size canvas, with the settings of Chart.js's
// performance guide that apply to a bar chart (no animation, normalized data, fixed tick
// rotation). The tooltip is Chart.js's own, drawn on the canvas; the highlight is the hover
// border. Value labels are a few lines of plugin (Chart.js has none built in), drawn only
// when rows are at least 10 px tall, as in the other contestants.
/* global Chart */
import { installBench, values, labels, COLORS, FONT, TITLE, subtitle } from './common.js';

const container = document.getElementById('chart');
let chart = null;
let canvas = null;

Chart.defaults.font.family = FONT;
Chart.defaults.color = COLORS.muted;

const valueLabels = {
  id: 'benchValueLabels',
  afterDatasetsDraw(c) {
    const meta = c.getDatasetMeta(0);
    const n = meta.data.length;
    if (n === 0 || c.chartArea.height / n < 10) return;
    const ctx = c.ctx;
    ctx.save();
    ctx.fillStyle = COLORS.text;
    ctx.font = `12px ${FONT}`;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    const v = c.data.datasets[0].data;
    for (let i = 0; i < n; i++) ctx.fillText(String(v[i]), meta.data[i].x + 5, meta.data[i].y);
    ctx.restore();
  },
};

function config(d) {
  return {
    type: 'bar',
    data: {
      labels: d.labels,
      datasets: [{
        data: d.values, backgroundColor: COLORS.bar, hoverBackgroundColor: COLORS.bar,
        hoverBorderColor: COLORS.text, hoverBorderWidth: 2, borderWidth: 0,
        barPercentage: 0.62, categoryPercentage: 1,
      }],
    },
    options: {
      indexAxis: 'y',
      responsive: false,
      animation: false,
      normalized: true,
      layout: { padding: 16 },
      interaction: { mode: 'index', axis: 'y', intersect: false },
      plugins: {
        legend: { display: false },
        title: { display: true, text: TITLE, align: 'start', color: COLORS.text, font: { size: 17, weight: 'bold' }, padding: { bottom: 6 } },
        subtitle: { display: true, text: subtitle(d.values.length), align: 'start', color: COLORS.muted, font: { size: 12 }, padding: { bottom: 10 } },
        tooltip: { enabled: true, backgroundColor: '#fff', titleColor: COLORS.text, bodyColor: COLORS.text, borderColor: COLORS.grid, borderWidth: 1, titleFont: { size: 13 }, bodyFont: { size: 13 } },
      },
      scales: {
        y: { grid: { display: false }, ticks: { color: COLORS.text, font: { size: 13 }, autoSkip: true, minRotation: 0, maxRotation: 0 } },
        x: { beginAtZero: true, grid: { color: COLORS.grid }, ticks: { font: { size: 11 }, minRotation: 0, maxRotation: 0 } },
      },
    },
    plugins: [valueLabels],
  };
}

installBench({
  name: 'chartjs',
  container,
  prepare: (n, seed) => ({ values: values(n, seed), labels: labels(n) }),
  mount(d) {
    canvas = document.createElement('canvas');
    canvas.width = container.clientWidth;
    canvas.height = container.clientHeight;
    canvas.style.display = 'block';
    container.append(canvas);
    chart = new Chart(canvas, config(d));
  },
  update(d) {
    chart.data.labels = d.labels;
    chart.data.datasets[0].data = d.values;
    chart.update();
  },
  resize(w, h) {
    chart.resize(w, h);
  },
  destroy() {
    chart?.destroy();
    canvas?.remove();
    chart = null;
    canvas = null;
  },
  rows: () => chart.data.labels.length,
  rowAt(i) {
    const el = chart.getDatasetMeta(0).data[i];
    return { x: (el.x + el.base) / 2, y: el.y };
  },
  canvases: () => [canvas],
  tooltip() {
    const t = chart.tooltip;
    const visible = !!t && t.opacity > 0 && (t.dataPoints?.length ?? 0) > 0;
    return { visible, text: visible ? (t.title ?? []).join(' ') : '' };
  },
  state: () => ({ bars: chart.data.labels.length }),
});
