//! The money view: every amount, one group and scale per currency.

use super::{count_text, group_title, grouped, pick, sort_rows, t, wants_log, ChartSpec, Group, ViewOptions};
use crate::format::{self, Locale};
use crate::model::{Dataset, Kind};

/// The money figures, one group and scale per currency (亿元 and 亿美元 never share an
/// axis); titled groups only when there are several.
pub(super) fn money_view(ds: &Dataset, opts: &ViewOptions, locale: Locale, empty: String, scope: &str) -> ChartSpec {
    let found = grouped(ds, pick(ds, opts, |i| i.kind == Kind::Money), locale);
    let (n, g) = (found.iter().map(|(_, r)| r.len()).sum::<usize>(), found.len());
    let unit = match found.first() {
        Some((key, _)) if g == 1 && !key.1.is_empty() => match locale {
            Locale::Zh => format!("单位：{}", key.1),
            Locale::En => format::unit_en(&key.1).unwrap_or(&key.1).to_string(),
        },
        _ if g > 1 => match locale {
            Locale::Zh => format!("按币种分为{g}组，各组刻度不同"),
            Locale::En => format!("in {g} groups by currency, each on its own scale"),
        },
        _ => t(locale, "单位：元", "yuan"),
    };
    let mut groups: Vec<Group> = found
        .into_iter()
        .map(|(key, mut rows)| {
            sort_rows(&mut rows, opts.sort, false);
            let log = wants_log(&rows, opts.scale);
            let title = (g > 1).then(|| group_title(&key, locale));
            Group { title, rows, percent: false, log, reference: None, bars: true }
        })
        .collect();
    let log = groups.iter().any(|gr| gr.log);
    if groups.is_empty() {
        groups.push(Group { title: None, rows: Vec::new(), percent: false, log: false, reference: None, bars: true });
    }
    ChartSpec {
        section: opts.section.clone(),
        footer: Vec::new(),
        view: opts.kind,
        title: t(locale, "金额", "Money") + scope,
        subtitle: format!(
            "{} · {unit}{}",
            count_text(n, locale),
            if log { t(locale, " · 对数刻度", " · log scale") } else { String::new() }
        ),
        description: match locale {
            Locale::Zh => format!("条形图，{n}项金额指标"),
            Locale::En => format!("Bar chart of {n} money figures"),
        },
        groups,
        empty,
    }
}
