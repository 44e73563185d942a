//! The compare view: each figure whose change on last year the report states with it
//! (a `yoy_change` whose `of` is the figure), this year's value beside last year's as
//! the stated change implies it, value ÷ (1 + change/100). The derived bar is pale and
//! says so (据同比推算). Figures are grouped by unit, so no scale mixes units. An
//! approximate figure (or change) stays in, its derived value marked approximate too.

use super::{count_text, group_key, group_title, pick, t, ChartSpec, Group, Row, Target, Tone, ViewOptions};
use crate::format::{self, Locale};
use crate::model::{Dataset, Indicator, Kind};
use rustc_hash::FxHashMap;

/// A unit family (see `group_key`) and its pairs of rows.
type UnitPairs = ((u8, String), Vec<[Row; 2]>);

/// Last year's value of a figure whose change on last year is `change` per cent; None
/// when the change is −100% or less (nothing to divide by).
pub fn derived_value(value: f64, change: f64) -> Option<f64> {
    let base = 1.0 + change / 100.0;
    (base > 0.0 && change.is_finite()).then(|| value / base).filter(|v| v.is_finite())
}

/// The pair of rows of figure `i` and its change `c`: this year's bar, then last year's
/// derived one.
fn pair(ds: &Dataset, i: usize, c: usize, locale: Locale) -> Option<[Row; 2]> {
    let (fig, ch) = (&ds.indicators()[i], &ds.indicators()[c]);
    let last = derived_value(fig.value, ch.value)?;
    let year = ds.source().year;
    // The derived value reads like the figure (same unit and magnitude words), and is
    // as approximate as the figure or the change.
    let prev = Indicator { value: last, approx: fig.approx || ch.approx, ..fig.clone() };
    let label = format::label(fig, locale);
    let (now_label, prev_label, note) = match locale {
        Locale::Zh => (
            format!("{label}（{year}年）"),
            format!("{}年（据同比推算）", year - 1),
            format!("据{}推算", format::value_text(ch, locale, true)),
        ),
        Locale::En => (
            format!("{label} ({year})"),
            format!("{} (derived)", year - 1),
            format!("derived from {}", format::value_text(ch, locale, false)),
        ),
    };
    let now = Row {
        label: now_label,
        value: fig.value,
        value_text: format::value_text(fig, locale, false),
        tone: Tone::Neutral,
        target: Target::Indicator(i),
        note: None,
    };
    let before = Row {
        label: prev_label,
        value: last,
        value_text: format::value_text(&prev, locale, false),
        tone: Tone::Derived,
        target: Target::Indicator(i),
        note: Some(note),
    };
    Some([now, before])
}

/// Builds the compare view; `scope` is " · <section title>" or empty.
pub(super) fn compare(ds: &Dataset, opts: &ViewOptions, locale: Locale, empty: String, scope: &str) -> ChartSpec {
    // Each figure's change on last year, found once (not a scan per figure).
    let mut change: FxHashMap<&str, usize> = FxHashMap::default();
    for (c, ind) in ds.indicators().iter().enumerate() {
        if let (Some(of), Kind::YoyChange) = (&ind.of, ind.kind) {
            change.entry(of.as_str()).or_insert(c);
        }
    }
    let mut keyed: Vec<UnitPairs> = Vec::new();
    if !change.is_empty() {
        for i in pick(ds, opts, |i| !i.kind.is_signed() && i.kind != Kind::Rank) {
            let fig = &ds.indicators()[i];
            let Some(p) = change.get(fig.id.as_str()).and_then(|&c| pair(ds, i, c, locale)) else { continue };
            let key = group_key(fig);
            match keyed.iter_mut().find(|(k, _)| *k == key) {
                Some((_, pairs)) => pairs.push(p),
                None => keyed.push((key, vec![p])),
            }
        }
    }
    if opts.sort == super::Sort::Value {
        for (_, pairs) in keyed.iter_mut() {
            pairs.sort_by(|a, b| b[0].value.total_cmp(&a[0].value));
        }
    }
    let n: usize = keyed.iter().map(|(_, p)| p.len()).sum();
    let g = keyed.len();
    let titled = g > 1;
    let groups: Vec<Group> = keyed
        .into_iter()
        .map(|(key, pairs)| Group {
            title: titled.then(|| group_title(&key, locale)),
            percent: key.0 == 3,
            rows: pairs.into_iter().flatten().collect(),
            log: false,
            reference: None,
            bars: true,
        })
        .collect();
    let year = ds.source().year;
    let units = match (locale, g > 1) {
        (Locale::Zh, true) => format!(" · 按单位分为{g}组，各组刻度不同"),
        (Locale::En, true) => format!(" · in {g} groups by unit, each on its own scale"),
        _ => String::new(),
    };
    ChartSpec {
        section: opts.section.clone(),
        footer: Vec::new(),
        view: super::ViewKind::Compare,
        title: t(locale, "今年与上年", "This year and last") + scope,
        subtitle: match locale {
            Locale::Zh => format!("{}{units} · 浅色条为{}年值，据同比推算", count_text(n, locale), year - 1),
            Locale::En => {
                format!("{}{units} · pale bars: {}, derived from the stated change", count_text(n, locale), year - 1)
            }
        },
        description: match locale {
            Locale::Zh => format!("条形图，{n}项指标的{year}年值与据同比推算的{}年值", year - 1),
            Locale::En => {
                format!("Bar chart of {n} figures in {year} beside {}, derived from the stated change", year - 1)
            }
        },
        groups,
        empty,
    }
}
