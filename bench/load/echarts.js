// The headline chart with ECharts (its full build): horizontal bars, no animation.
/* global echarts */
import { headline } from './headline.js';

const d = await headline();
const chart = echarts.init(document.getElementById('chart'), null, { renderer: 'canvas' });
chart.setOption({
  animation: false,
  title: { text: d.title },
  grid: { containLabel: true, left: 16, right: 32, top: 48, bottom: 16 },
  xAxis: { type: 'value' },
  yAxis: { type: 'category', data: d.labels, inverse: true },
  series: [{ type: 'bar', data: d.values, itemStyle: { color: '#0072b2' } }],
});
