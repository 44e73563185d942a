//! The section view: one section's figures, grouped by unit, each group on its own scale.

use super::{
    count_text, group_title, grouped, pick, section_title, sort_rows, t, wants_log, within, ChartSpec, Group,
    ViewError, ViewKind, ViewOptions,
};
use crate::format::Locale;
use crate::model::Dataset;

/// Builds the section view of `opts.section`, or of the first top-level section with figures.
pub(super) fn section_view(
    ds: &Dataset,
    opts: &ViewOptions,
    locale: Locale,
    empty: String,
) -> Result<ChartSpec, ViewError> {
    let mut opts = opts.clone();
    if opts.section.is_none() {
        opts.section = ds
            .sections()
            .iter()
            .find(|s| s.parent.is_none() && ds.distinct().any(|(_, i)| within(ds, &i.section, &s.id)))
            .map(|s| s.id.clone());
    }
    let section = opts.section.clone().unwrap_or_default();
    let groups = grouped(ds, pick(ds, &opts, |_| true), locale);
    let n: usize = groups.iter().map(|(_, r)| r.len()).sum();
    let g = groups.len();
    let groups: Vec<Group> = groups
        .into_iter()
        .map(|(key, mut rows)| {
            let signed = key.0 == 1 || key.0 == 2;
            sort_rows(&mut rows, opts.sort, signed);
            let percent = key.0 == 1 || key.0 == 3 || (key.0 == 2 && key.1 == "%");
            let log = !signed && key.0 != 5 && wants_log(&rows, opts.scale);
            let mut title = group_title(&key, locale);
            if log {
                title.push_str(&t(locale, " · 对数刻度", " · log scale"));
            }
            Group {
                title: Some(title),
                rows,
                percent,
                log,
                reference: if key.0 == 3 { Some(100.0) } else { None },
                bars: key.0 != 5,
            }
        })
        .collect();
    let title = section_title(ds, &section, locale);
    Ok(ChartSpec {
        section: opts.section.clone(),
        footer: Vec::new(),
        view: ViewKind::Section,
        subtitle: match locale {
            Locale::Zh => format!("{} · 按单位分为{g}组，各组刻度不同", count_text(n, locale)),
            Locale::En => format!("{} in {g} groups by unit, each on its own scale", count_text(n, locale)),
        },
        description: match locale {
            Locale::Zh => format!("条形图，“{title}”部分的{n}项指标，按单位分为{g}组"),
            Locale::En => format!("Bar chart of the {n} indicators of the section “{title}”, in {g} groups by unit"),
        },
        title,
        groups,
        empty,
    })
}
