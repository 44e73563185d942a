//! The headline view: every change the report states — per cent changes on last year,
//! percentage points, absolute changes — each unit in its own group on its own scale,
//! decreases and increases about zero.

use super::{count_text, group_key, group_title, pick, row_for, sort_rows, t, ChartSpec, Group, Row, ViewOptions};
use crate::format::{self, Locale};
use crate::model::{Dataset, Kind};

/// The group key of year-on-year changes (see `group_key`).
const YOY: u8 = 1;

/// Builds the headline view; `scope` is " · <section title>" or empty.
pub(super) fn headline(ds: &Dataset, opts: &ViewOptions, locale: Locale, empty: String, scope: &str) -> ChartSpec {
    let mut keyed: Vec<((u8, String), Vec<Row>)> = Vec::new();
    for i in pick(ds, opts, |i| matches!(i.kind, Kind::YoyChange | Kind::Change)) {
        let key = group_key(&ds.indicators()[i]);
        let row = row_for(ds, i, locale);
        match keyed.iter_mut().find(|(k, _)| *k == key) {
            Some((_, rows)) => rows.push(row),
            None => keyed.push((key, vec![row])),
        }
    }
    // Year-on-year changes first, then the other changes in the order the report gives them.
    // (A stable partition, not a sort: see crate::sort.)
    let (mut keyed, other): (Vec<_>, Vec<_>) = keyed.into_iter().partition(|(k, _)| k.0 == YOY);
    keyed.extend(other);
    for (_, rows) in keyed.iter_mut() {
        sort_rows(rows, opts.sort, true);
    }
    let all: Vec<&Row> = keyed.iter().flat_map(|(_, r)| r.iter()).collect();
    let n = all.len();
    let falls = all.iter().filter(|r| r.value < 0.0).count();
    let rises = all.iter().filter(|r| r.value > 0.0).count();
    // The steepest decline among per cent changes on last year, else in the first group:
    // values in different units are not compared.
    let steepest = keyed
        .first()
        .and_then(|(_, rows)| rows.iter().filter(|r| r.value < 0.0).min_by(|a, b| a.value.total_cmp(&b.value)))
        .and_then(|r| match r.target {
            super::Target::Indicator(i) => ds.indicators().get(i).map(|ind| {
                let sep = if locale == Locale::Zh { "，" } else { ", " };
                format!("{}{sep}{}", r.label, format::value_text(ind, locale, true))
            }),
            super::Target::Section(_) => None,
        });
    let only_yoy = keyed.iter().all(|(k, _)| k.0 == YOY);
    let g = keyed.len();
    let summary: Vec<String> = keyed
        .iter()
        .map(|(k, rows)| match locale {
            Locale::Zh => format!("{}{}项", group_title(k, locale), rows.len()),
            Locale::En => format!("{} {}", group_title(k, locale), rows.len()),
        })
        .collect();
    let flat = if n > falls + rises { n - falls - rises } else { 0 };
    let units = match (locale, only_yoy) {
        (Locale::Zh, true) => "单位：%".to_string(),
        (Locale::En, true) => "per cent".to_string(),
        (Locale::Zh, false) => format!("按单位分为{g}组，各组刻度不同：{}", crate::format::join(&summary, "、")),
        (Locale::En, false) => {
            format!("in {g} groups by unit, each on its own scale: {}", crate::format::join(&summary, ", "))
        }
    };
    let subtitle = match locale {
        Locale::Zh => format!(
            "{} · {falls}项下降，{rises}项上升{} · {units}",
            count_text(n, locale),
            if flat > 0 { format!("，{flat}项持平") } else { String::new() }
        ),
        Locale::En => format!(
            "{} · {falls} down, {rises} up{} · {units}",
            count_text(n, locale),
            if flat > 0 { format!(", {flat} unchanged") } else { String::new() }
        ),
    };
    let what = if only_yoy {
        t(locale, "同比变化", "year-on-year changes")
    } else {
        t(locale, "变化（同比与其他）", "changes (year on year and other)")
    };
    let description = match (locale, steepest) {
        (Locale::Zh, Some(s)) => format!("条形图，{what}，{n}项指标，其中{falls}项下降；降幅最大：{s}"),
        (Locale::En, Some(s)) => {
            format!("Bar chart of {n} {what}, {falls} of them decreases; the largest decrease: {s}")
        }
        (Locale::Zh, None) => format!("条形图，{what}，{n}项指标，其中{falls}项下降"),
        (Locale::En, None) => format!("Bar chart of {n} {what}, {falls} of them decreases"),
    };
    let titled = g > 1;
    let groups = keyed
        .into_iter()
        .map(|(key, rows)| Group {
            title: titled.then(|| group_title(&key, locale)),
            percent: key.0 == YOY || key.1 == "%",
            rows,
            log: false,
            reference: None,
            bars: true,
        })
        .collect();
    ChartSpec {
        section: opts.section.clone(),
        footer: Vec::new(),
        view: super::ViewKind::Headline,
        title: if only_yoy {
            t(locale, "同比变化", "Year-on-year changes")
        } else {
            t(locale, "同比及其他变化", "Year-on-year and other changes")
        } + scope,
        subtitle,
        description,
        groups,
        empty,
    }
}
