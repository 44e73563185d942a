// The chart's controls: the view buttons, the section select, sort, scale, language and
// theme, and the PNG/CSV exports. The widget owns the state: after each change the
// controls are synced from chart.getState(), so they show what the chart really does.
import { $, guard } from './dom.js';

const viewButtons = () => [...document.querySelectorAll('#views button')];

/** Sets every control from the chart's state (the section is the one the chart shows). */
export function syncControls(app) {
  const st = app.chart.getState();
  for (const b of viewButtons()) b.setAttribute('aria-pressed', String(b.dataset.view === st.view));
  $('section').value = st.sectionShown || '';
  $('sort').value = st.sort;
  $('log').value = String(st.log);
  $('locale').value = st.locale;
}

/** Puts the page in a theme: 'auto' follows the system (the stylesheet's media query). */
export function applyTheme(theme) {
  $('theme').value = theme;
  document.documentElement.dataset.theme = theme === 'auto' ? '' : theme;
}

/** Labels the controls in the strings `t` of `locale`, keeping the section selected. */
export function labelControls(app, t, locale) {
  viewButtons().forEach((b, i) => { b.textContent = t.views[i]; });
  $('options-title').textContent = t.options;
  $('png').textContent = t.png;
  $('csv').textContent = t.csv;
  const setLabel = (id, text) => { $(id).parentElement.firstChild.textContent = text + ' '; };
  setLabel('locale', t.locale); setLabel('theme', t.theme); setLabel('section', t.section);
  setLabel('sort', t.sort); setLabel('log', t.log);
  [...$('sort').options].forEach((o, i) => { o.textContent = t.sortOpts[i]; });
  [...$('log').options].forEach((o, i) => { o.textContent = t.logOpts[i]; });
  [...$('theme').options].forEach((o, i) => { o.textContent = t.themeOpts[i]; });
  fillSections(app.ds, t, locale);
}

/** The section select: 全部 (no filter), then every section, subsections indented. */
function fillSections(ds, t, locale) {
  const sel = $('section');
  const cur = sel.value;
  sel.replaceChildren(new Option(t.all, ''));
  for (const s of ds.sections) {
    const title = locale === 'en' && s.title_en ? s.title_en : s.title;
    sel.append(new Option((s.parent ? '　' : '') + title, s.id));
  }
  sel.value = cur;
}

// The section filter applies to every view only when the reader chose it (app.chosenSection).
// The section view without one shows the section the widget picks (its first part with
// figures); the select shows that pick, but it does not follow the reader to other views.
function wireViews(app) {
  for (const b of viewButtons()) {
    b.addEventListener('click', guard(() => {
      app.chart.setView(b.dataset.view, { section: app.chosenSection });
      syncControls(app);
    }));
  }
  $('section').addEventListener('change', guard(() => {
    app.chosenSection = $('section').value || null;
    app.chart.setOptions({ section: app.chosenSection });
    syncControls(app);
  }));
}

function wireOptions(app) {
  const { chart } = app;
  $('sort').addEventListener('change', guard(() => chart.setOptions({ sort: $('sort').value })));
  $('log').addEventListener('change', guard(() => {
    const v = $('log').value;
    chart.setOptions({ log: v === 'auto' ? 'auto' : v === 'true' });
  }));
  $('locale').addEventListener('change', guard(() => {
    chart.setOptions({ locale: $('locale').value });
    app.relabel();
    syncControls(app);
  }));
  $('theme').addEventListener('change', guard(() => {
    applyTheme($('theme').value);
    chart.setOptions({ theme: $('theme').value });
  }));
}

function download(name, href) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

function wireExports(app) {
  const { chart } = app;
  $('png').addEventListener('click', guard(() => download(`indicators-${chart.getState().view}.png`, chart.toPng())));
  $('csv').addEventListener('click', guard(() => {
    const url = URL.createObjectURL(new Blob([chart.toCsv()], { type: 'text/csv;charset=utf-8' }));
    download(`indicators-${chart.getState().view}.csv`, url);
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }));
}

/** Wires every control to the chart. */
export function wireControls(app) {
  wireViews(app);
  wireOptions(app);
  wireExports(app);
}
