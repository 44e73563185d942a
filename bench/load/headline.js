// The widget's headline view of the shipped dataset, for the peers: every year-over-year
// change, once (repeats left out), as label and value.
export async function headline() {
  const res = await fetch('../data/report-2022.json');
  const d = await res.json();
  const rows = d.indicators.filter((i) => i.kind === 'yoy_change' && !i.repeat_of);
  return { title: d.title, labels: rows.map((i) => i.label), values: rows.map((i) => i.value) };
}
