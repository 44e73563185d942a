//! The overview: the report's parts side by side, how many figures each states and its
//! most telling ones.

use super::{footer, section_title, sort_rows, t, ChartSpec, Group, Row, Target, Tone, ViewKind, ViewOptions};
use crate::format::{self, Locale};
use crate::model::{Dataset, Indicator, Kind};

/// A "most telling" score: big year-over-year moves first, then rates, then the
/// largest money and counts. Used to pick the overview's highlights.
fn telling(ind: &Indicator) -> (u8, f64) {
    match ind.kind {
        Kind::YoyChange => (0, ind.value.abs()),
        Kind::Rank => (1, -ind.value),
        Kind::Money => (2, ind.value),
        Kind::Percent | Kind::Ratio => (3, ind.value),
        Kind::Count => (4, ind.value),
        Kind::Change => (5, ind.value.abs()),
    }
}

/// Builds the overview: a bar per top-level section, its length the number of figures the
/// section states, its note the two most telling of them.
pub(super) fn overview(ds: &Dataset, opts: &ViewOptions, locale: Locale, empty: String) -> ChartSpec {
    let mut rows = Vec::new();
    // Whether a section's first telling figure is approximate (for the foot's note).
    let mut approx = false;
    // Each indicator's top-level section, looked up once per section, not per indicator.
    // (Positions, not ids, as values: the crate's one hash-table type, see
    // RawDataset::validated.)
    let pos: rustc_hash::FxHashMap<&str, usize> =
        ds.sections().iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let top: rustc_hash::FxHashMap<&str, usize> = ds
        .sections()
        .iter()
        .map(|s| (s.id.as_str(), pos.get(ds.top_section(&s.id)).copied().unwrap_or(usize::MAX)))
        .collect();
    for (k, s) in ds.sections().iter().enumerate().filter(|(_, s)| s.parent.is_none()) {
        let mut members: Vec<usize> =
            ds.distinct().filter(|(_, i)| top.get(i.section.as_str()) == Some(&k)).map(|(i, _)| i).collect();
        let n = members.len();
        crate::sort::sort_by(&mut members, |a, b| {
            let (ka, va) = telling(&ds.indicators()[*a]);
            let (kb, vb) = telling(&ds.indicators()[*b]);
            ka.cmp(&kb).then(vb.total_cmp(&va))
        });
        let sep = if locale == Locale::Zh { "；" } else { "; " };
        // Only the first telling figure: the note after a bar is cut to its room, and on
        // the report at a desktop width the second figure is usually cut (seen in
        // screenshots), so a note about a mark the reader cannot see would confuse.
        approx |= members.first().is_some_and(|&i| ds.indicators()[i].approx);
        let note: Vec<String> = members
            .iter()
            .take(2)
            .map(|&i| {
                let ind = &ds.indicators()[i];
                let joiner = if locale == Locale::Zh { "" } else { " " };
                format!("{}{joiner}{}", format::label(ind, locale), format::value_text(ind, locale, false))
            })
            .collect();
        let label = section_title(ds, &s.id, locale);
        let value_text = match locale {
            Locale::Zh => format!("{n}项"),
            Locale::En => format!("{n}"),
        };
        rows.push(Row {
            label,
            value: n as f64,
            value_text,
            tone: Tone::Neutral,
            target: Target::Section(s.id.clone()),
            note: if note.is_empty() { None } else { Some(format::join(&note, sep)) },
        });
    }
    sort_rows(&mut rows, opts.sort, false);
    let total: usize = ds.distinct().count();
    let k = rows.len();
    ChartSpec {
        section: opts.section.clone(),
        footer: footer(ds, locale, approx),
        view: ViewKind::Overview,
        title: t(locale, "各部分指标概览", "Indicators by section"),
        subtitle: match locale {
            Locale::Zh => format!("共{total}项指标，分布于{k}个部分 · 条形长度为指标数，右侧为代表性数据"),
            Locale::En => {
                format!("{total} indicators in {k} sections · bar = number of indicators, then telling figures")
            }
        },
        description: match locale {
            Locale::Zh => format!("条形图，报告{k}个部分各有多少项指标，共{total}项"),
            Locale::En => {
                format!("Bar chart of how many indicators each of the report's {k} sections states, {total} in all")
            }
        },
        groups: vec![Group { title: None, rows, percent: false, log: false, reference: None, bars: true }],
        empty,
    }
}
