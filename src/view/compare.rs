//! The compare view: each figure whose change on last year the report states with it
//! (a `yoy_change` whose `of` is the figure), this year's value beside last year's as
//! the stated change implies it, value ÷ (1 + change/100). The derived bar is pale and
//! says so (据同比推算). Figures are grouped by unit, so no scale mixes units. An
//! approximate figure (or change) stays in, its derived value marked approximate too.

use super::{count_text, group_key, group_title, pick, sort_rows, t, ChartSpec, Group, Row, Target, Tone, ViewOptions};
use crate::format::{self, Locale};
use crate::model::{Dataset, Indicator, Kind};
use rustc_hash::FxHashMap;

/// Last year's value of a figure whose change on last year is `change` per cent; None
/// when the change is −100% or less (nothing to divide by).
pub fn derived_value(value: f64, change: f64) -> Option<f64> {
    let base = 1.0 + change / 100.0;
    (base > 0.0 && change.is_finite()).then(|| value / base).filter(|v| v.is_finite())
}

/// `v` rounded to the precision `of` is stated in: 758000 is stated to the thousand, so a
/// value derived from it is too (740958 → 741000); 35.9 to a tenth. A derived value
/// claims no more digits than the figure it comes from (1094个 ÷ 1.088 is 1006个, not
/// 1005.51个).
fn to_precision_of(v: f64, of: f64) -> f64 {
    let of = of.abs();
    let mut p = 1.0;
    if of.fract() == 0.0 {
        while of >= p * 10.0 && (of / (p * 10.0)).fract() == 0.0 {
            p *= 10.0;
        }
    } else {
        // A tenth, a hundredth… up to a ten-thousandth.
        for _ in 0..4 {
            p /= 10.0;
            let scaled = of / p;
            if (scaled - scaled.round()).abs() < 1e-6 {
                break;
            }
        }
    }
    (v / p).round() * p
}

/// `back` years before the report's year: "2022年" / "2022", or "本年" / "this year" and
/// "上年" / "last year" when the report states none (year 0: an extraction found no year).
fn year_words(year: i32, back: i32, locale: Locale) -> String {
    match (year > 0, locale, back) {
        (true, Locale::Zh, _) => format!("{}年", year - back),
        (true, Locale::En, _) => (year - back).to_string(),
        (false, Locale::Zh, 0) => "本年".to_string(),
        (false, Locale::Zh, _) => "上年".to_string(),
        (false, Locale::En, 0) => "this year".to_string(),
        (false, Locale::En, _) => "last year".to_string(),
    }
}

/// This year's row of figure `i`.
fn now_row(ds: &Dataset, i: usize, locale: Locale) -> Row {
    let fig = &ds.indicators()[i];
    let (label, year) = (format::label(fig, locale), year_words(ds.source().year, 0, locale));
    Row {
        label: match locale {
            Locale::Zh => format!("{label}（{year}）"),
            Locale::En => format!("{label} ({year})"),
        },
        value: fig.value,
        value_text: format::value_text(fig, locale, false),
        tone: Tone::Neutral,
        target: Target::Indicator(i),
        note: None,
    }
}

/// Last year's row of figure `i`, derived from its change `c`; None when the change
/// leaves nothing to divide by.
fn derived_row(ds: &Dataset, i: usize, c: usize, locale: Locale) -> Option<Row> {
    let (fig, ch) = (&ds.indicators()[i], &ds.indicators()[c]);
    let last = to_precision_of(derived_value(fig.value, ch.value)?, fig.value);
    let before = year_words(ds.source().year, 1, locale);
    // The derived value reads like the figure (same unit and magnitude words), and is
    // as approximate as the figure or the change.
    let prev = Indicator { value: last, approx: fig.approx || ch.approx, ..fig.clone() };
    let (label, note) = match locale {
        Locale::Zh => (format!("{before}（据同比推算）"), format!("据{}推算", format::value_text(ch, locale, true))),
        Locale::En => {
            (format!("{before} (derived)"), format!("derived from {}", format::value_text(ch, locale, false)))
        }
    };
    Some(Row {
        label,
        value: last,
        value_text: format::value_text(&prev, locale, false),
        tone: Tone::Derived,
        target: Target::Indicator(i),
        note: Some(note),
    })
}

/// Builds the compare view; `scope` is " · <section title>" or empty.
pub(super) fn compare(ds: &Dataset, opts: &ViewOptions, locale: Locale, empty: String, scope: &str) -> ChartSpec {
    // Each figure's change on last year, found once (not a scan per figure); the first
    // change of a figure counts.
    let mut change: FxHashMap<&str, usize> = FxHashMap::default();
    for (c, ind) in ds.indicators().iter().enumerate() {
        if let (Some(of), Kind::YoyChange) = (&ind.of, ind.kind) {
            if !change.contains_key(of.as_str()) {
                change.insert(of.as_str(), c);
            }
        }
    }
    let derivable = |i: usize| {
        let fig = &ds.indicators()[i];
        let c = *change.get(fig.id.as_str())?;
        derived_value(fig.value, ds.indicators()[c].value).map(|_| c)
    };
    // This year's rows by unit, sorted as the other views sort; then each followed by
    // last year's. (The view's own sort, not one of pairs: sorting `[Row; 2]` pairs
    // instantiated a second stable sort; `./build.sh package` measured 136041 B gzip
    // with it, 134180 B without, against main's 130225 B.)
    let mut keyed: Vec<((u8, String), Vec<Row>)> = Vec::new();
    if !change.is_empty() {
        for i in pick(ds, opts, |i| !i.kind.is_signed() && i.kind != Kind::Rank) {
            if derivable(i).is_none() {
                continue;
            }
            let key = group_key(&ds.indicators()[i]);
            let row = now_row(ds, i, locale);
            match keyed.iter_mut().find(|(k, _)| *k == key) {
                Some((_, rows)) => rows.push(row),
                None => keyed.push((key, vec![row])),
            }
        }
    }
    for (_, rows) in keyed.iter_mut() {
        sort_rows(rows, opts.sort, false);
        let now = std::mem::take(rows);
        for r in now {
            let Target::Indicator(i) = r.target else { continue };
            let prev = derivable(i).and_then(|c| derived_row(ds, i, c, locale));
            rows.push(r);
            rows.extend(prev);
        }
    }
    let n: usize = keyed.iter().map(|(_, r)| r.len() / 2).sum();
    let g = keyed.len();
    let titled = g > 1;
    let groups: Vec<Group> = keyed
        .into_iter()
        .map(|(key, rows)| Group {
            title: titled.then(|| group_title(&key, locale)),
            percent: key.0 == 3,
            rows,
            log: false,
            reference: None,
            bars: true,
        })
        .collect();
    let (year, before) = (year_words(ds.source().year, 0, locale), year_words(ds.source().year, 1, locale));
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
            Locale::Zh => format!("{}{units} · 浅色条为{before}值，据同比推算", count_text(n, locale)),
            Locale::En => {
                format!("{}{units} · pale bars: {before}, derived from the stated change", count_text(n, locale))
            }
        },
        description: match locale {
            Locale::Zh => format!("条形图，{n}项指标的{year}值与据同比推算的{before}值"),
            Locale::En => {
                format!("Bar chart of {n} figures in {year} beside {before}, derived from the stated change")
            }
        },
        groups,
        empty,
    }
}
