// The page on a narrow screen (a phone, where the report text is under the chart, not
// beside it): a tap never scrolls the page by itself. Selecting a bar marks its figure in
// the text without going there; the strip under the chart (sticky at the screen's foot
// while the chart is on screen) quotes the selected figure and offers 在原文中查看, which
// does; 返回图表 (floating, while the chart is off screen) comes back to the selected bar.
// The options (section, sort, scale, language, theme, exports) fold into a disclosure.
import { $, guard, narrowScreen, NARROW_QUERY } from './dom.js';
import { scrollBarIntoView } from './linking.js';

/** Shows the strip for the selected indicator (null: hides it). */
function showPicked(app, ind) {
  app.picked = ind || null;
  $('picked-quote').textContent = ind ? `「${ind.quote || ind.label}」` : '';
  $('picked').hidden = !(ind && narrowScreen());
}

/** Scrolls the selected figure of the report text to the middle of the screen and focuses it. */
function showInReport() {
  const fig = document.querySelector('.fig.active');
  if (!fig) return;
  fig.scrollIntoView({ block: 'center', behavior: 'smooth' });
  fig.focus({ preventScroll: true });
}

/** Back to the chart: its selected bar, or its top; the chart gets the keyboard focus. */
function backToChart(app) {
  if (app.chart.getState().focus != null) scrollBarIntoView(app.chart);
  else $('chart-panel').scrollIntoView({ block: 'start' });
  document.querySelector('#chart canvas.ic-canvas')?.focus({ preventScroll: true });
}

/** The options are folded on a narrow screen and open on a wide one. */
function foldOptions() {
  $('options').open = !narrowScreen();
}

/** Wires the strip, the two buttons and the options' folding. */
export function wirePhone(app) {
  const media = matchMedia(NARROW_QUERY);
  app.showPicked = (ind) => showPicked(app, ind);
  $('show-in-report').addEventListener('click', guard(showInReport));
  $('back-to-chart').addEventListener('click', guard(() => backToChart(app)));
  // A view change or an option clears the chart's focus without a select event.
  app.chart.on('render', () => { if (app.chart.getState().focus == null) showPicked(app, null); });
  // 返回图表 shows while the chart is wholly off a narrow screen.
  let chartOnScreen = true;
  const syncBack = () => { $('back-to-chart').hidden = chartOnScreen || !media.matches; };
  new IntersectionObserver((entries) => {
    chartOnScreen = entries.at(-1).isIntersecting;
    syncBack();
  }).observe($('chart-panel'));
  media.addEventListener('change', () => {
    foldOptions();
    showPicked(app, app.picked);
    syncBack();
  });
  foldOptions();
}
