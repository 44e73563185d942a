// The headline chart with Chart.js (its full UMD build): horizontal bars, no animation.
/* global Chart */
import { headline } from './headline.js';

const d = await headline();
const canvas = document.querySelector('#chart canvas');
canvas.width = 1200;
canvas.height = 600;
new Chart(canvas, {
  type: 'bar',
  data: { labels: d.labels, datasets: [{ data: d.values, backgroundColor: '#0072b2' }] },
  options: {
    indexAxis: 'y', responsive: false, animation: false,
    plugins: { legend: { display: false }, title: { display: true, text: d.title, align: 'start' } },
  },
});
