//! Rows grouped by unit family: what may share a scale (a per cent change with a per cent
//! change, 人 with 名, each currency alone), each group's key and title.

use super::{row_for, t, Row};
use crate::format::{self, Locale};
use crate::model::{Dataset, Indicator, Kind};

/// The unit family a section-view group collects: values in one group share a scale.
pub(super) fn group_key(ind: &Indicator) -> (u8, String) {
    match ind.kind {
        Kind::YoyChange => (1, String::new()),
        Kind::Change => (2, ind.unit.clone()),
        Kind::Percent => (3, String::new()),
        Kind::Ratio if ind.unit == "%" => (3, String::new()),
        // 城乡居民收入比2.45, 1.5倍: not per cent, a scale of their own.
        Kind::Ratio => (6, ind.unit.clone()),
        // Each currency its own scale: 亿元 and 亿美元 on one axis would mislead by 7×.
        Kind::Money => match format::currency(&ind.unit) {
            "元" => (4, String::new()),
            other => (4, other.to_string()),
        },
        Kind::Rank => (5, String::new()),
        // 人 and 名 both count people: one group, one scale.
        Kind::Count if ind.unit == "名" => (0, "人".to_string()),
        Kind::Count => (0, ind.unit.clone()),
    }
}

/// A group's title in the reader's language: 同比变化（%）, 金额（美元）, 单位：起 / Counts of cases.
pub(super) fn group_title(key: &(u8, String), locale: Locale) -> String {
    match (key.0, locale) {
        (1, _) => t(locale, "同比变化（%）", "Year-on-year change (%)"),
        (2, Locale::Zh) => format!("变化（{}）", key.1),
        (2, Locale::En) => format!("Change ({})", key.1),
        (3, _) => t(locale, "比率（%）", "Rates (%)"),
        (4, Locale::Zh) if !key.1.is_empty() => format!("金额（{}）", key.1),
        (4, Locale::En) if !key.1.is_empty() => format!("Money ({})", format::unit_en(&key.1).unwrap_or(&key.1)),
        (4, _) => t(locale, "金额（元）", "Money (yuan)"),
        (5, _) => t(locale, "全省排名", "Rank in the province"),
        (6, Locale::Zh) if key.1.is_empty() => "比值".to_string(),
        (6, Locale::Zh) => format!("比值（{}）", key.1),
        (6, Locale::En) if key.1.is_empty() => "Ratios".to_string(),
        (6, Locale::En) => format!("Ratios ({})", format::unit_en(&key.1).unwrap_or(&key.1)),
        (_, Locale::Zh) => format!("单位：{}", key.1),
        (_, Locale::En) => match format::unit_en(&key.1) {
            Some(u) => format!("Counts of {u}"),
            None if key.1.is_empty() || key.1 == "个" => "Counts".to_string(),
            None => format!("Unit: {}", key.1),
        },
    }
}

/// Rows of the indicators `picked`, grouped by [`group_key`] in the order groups first appear.
pub(super) fn grouped(
    ds: &Dataset,
    picked: impl Iterator<Item = usize>,
    locale: Locale,
) -> Vec<((u8, String), Vec<Row>)> {
    let mut groups: Vec<((u8, String), Vec<Row>)> = Vec::new();
    for i in picked {
        let key = group_key(&ds.indicators()[i]);
        let row = row_for(ds, i, locale);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, rows)) => rows.push(row),
            None => groups.push((key, vec![row])),
        }
    }
    groups
}
