// Apache ECharts (dist/echarts.min.js, loaded by echarts.html): canvas renderer,
// animation off, category yAxis (first category at the top), value axis with grid lines,
// axis-triggered tooltip with a shadow band as the row highlight. `large: true` is
// ECharts' documented setting for big bar series; `progressive: 0` draws the whole series
// in one frame (like everyone else) instead of in chunks over many frames.
/* global echarts */
import { installBench, values, labels, COLORS, FONT, TITLE, subtitle, domTooltip } from './common.js';

const container = document.getElementById('chart');
let chart = null;
let data = null;

function option(d) {
  const n = d.values.length;
  const band = (600 - 72 - 36) / n;
  return {
    animation: false,
    backgroundColor: COLORS.bg,
    textStyle: { fontFamily: FONT },
    title: {
      text: TITLE, subtext: subtitle(n), left: 16, top: 16, padding: 0, itemGap: 8,
      textStyle: { fontSize: 17, fontWeight: 'bold', color: COLORS.text, fontFamily: FONT },
      subtextStyle: { fontSize: 12, color: COLORS.muted, fontFamily: FONT },
    },
    grid: { left: 16, right: 16, top: 72, bottom: 16, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow', shadowStyle: { color: COLORS.band } },
      showDelay: 0, hideDelay: 0, transitionDuration: 0, confine: true, className: 'bench-tip',
      textStyle: { fontFamily: FONT, fontSize: 13, color: COLORS.text },
    },
    xAxis: {
      type: 'value', min: 0,
      axisLine: { show: false }, axisTick: { show: false },
      splitLine: { lineStyle: { color: COLORS.grid } },
      axisLabel: { color: COLORS.muted, fontSize: 11, fontFamily: FONT },
    },
    yAxis: {
      type: 'category', inverse: true, data: d.labels,
      axisTick: { show: false }, axisLine: { lineStyle: { color: '#6e7681' } },
      axisLabel: { color: COLORS.text, fontSize: 13, fontFamily: FONT, interval: 'auto' },
    },
    series: [{
      type: 'bar', data: d.values, barCategoryGap: '38%', itemStyle: { color: COLORS.bar },
      large: true, progressive: 0,
      label: { show: band >= 10, position: 'right', fontSize: 12, color: COLORS.text, fontFamily: FONT },
    }],
  };
}

installBench({
  name: 'echarts',
  container,
  prepare: (n, seed) => ({ values: values(n, seed), labels: labels(n) }),
  mount(d) {
    data = d;
    chart = echarts.init(container, null, { renderer: 'canvas' });
    chart.setOption(option(d));
  },
  update(d) {
    data = d;
    chart.setOption({ yAxis: { data: d.labels }, series: [{ data: d.values }] });
  },
  resize() {
    chart.resize();
  },
  destroy() {
    chart?.dispose();
    chart = null;
  },
  rows: () => data.values.length,
  rowAt(i) {
    const y = chart.convertToPixel({ yAxisIndex: 0 }, i);
    const x0 = chart.convertToPixel({ xAxisIndex: 0 }, 0);
    const x1 = chart.convertToPixel({ xAxisIndex: 0 }, data.values[i]);
    return { x: (x0 + x1) / 2, y };
  },
  canvases: () => [...container.querySelectorAll('canvas')],
  tooltip: () => domTooltip(container.querySelector('.bench-tip')),
  state: () => ({ bars: data.values.length, canvases: container.querySelectorAll('canvas').length }),
});
