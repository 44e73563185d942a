//! Views: which indicators a chart shows and how they are grouped, sorted and
//! labelled — the step from a [`Dataset`] to a [`ChartSpec`] that `layout` places.
//! Six views: headline (changes: per cent on last year, points, absolute, each unit on
//! its own scale), rates (against 100%), section
//! (one section grouped by unit), overview (all sections), money, compare (this year
//! beside last year as the stated change implies it).

use crate::format::{self, Locale};
use crate::model::{Dataset, Indicator, Kind};

mod apart;
mod compare;
mod groups;
mod headline;
mod money;
mod overview;
mod section;

use groups::{group_key, group_title, grouped};

pub use compare::derived_value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
/// Which view a chart shows.
pub enum ViewKind {
    #[default]
    /// Changes (year on year in per cent, points, absolute), grouped by unit, about zero.
    Headline,
    /// Rates and shares against 100%.
    Rates,
    /// One section's figures, grouped by unit.
    Section,
    /// Every section: how many figures and the most telling ones.
    Overview,
    /// Amounts of money.
    Money,
    /// Figures with a stated change on last year: this year beside last year, derived.
    Compare,
}

impl ViewKind {
    /// Every view, in the order messages and menus list them.
    pub const ALL: [ViewKind; 6] = [
        ViewKind::Headline,
        ViewKind::Rates,
        ViewKind::Section,
        ViewKind::Overview,
        ViewKind::Money,
        ViewKind::Compare,
    ];
    /// A view from its name (headline, rates, section, overview, money, compare), if known.
    pub fn parse(s: &str) -> Option<ViewKind> {
        Some(match s.trim() {
            "headline" => ViewKind::Headline,
            "rates" => ViewKind::Rates,
            "section" => ViewKind::Section,
            "overview" => ViewKind::Overview,
            "money" => ViewKind::Money,
            "compare" => ViewKind::Compare,
            _ => return None,
        })
    }
    /// The view's name as the page's buttons show it (同比变化, 比率, 分部分, 概览, 金额, 今昔对比).
    pub fn name(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (ViewKind::Headline, Locale::Zh) => "同比变化",
            (ViewKind::Rates, Locale::Zh) => "比率",
            (ViewKind::Section, Locale::Zh) => "分部分",
            (ViewKind::Overview, Locale::Zh) => "概览",
            (ViewKind::Money, Locale::Zh) => "金额",
            (ViewKind::Compare, Locale::Zh) => "今昔对比",
            (ViewKind::Headline, Locale::En) => "Year on year",
            (ViewKind::Rates, Locale::En) => "Rates",
            (ViewKind::Section, Locale::En) => "By section",
            (ViewKind::Overview, Locale::En) => "Overview",
            (ViewKind::Money, Locale::En) => "Money",
            (ViewKind::Compare, Locale::En) => "Compare",
        }
    }
    /// The view's name, as options take it.
    pub fn as_str(self) -> &'static str {
        match self {
            ViewKind::Headline => "headline",
            ViewKind::Rates => "rates",
            ViewKind::Section => "section",
            ViewKind::Overview => "overview",
            ViewKind::Money => "money",
            ViewKind::Compare => "compare",
        }
    }
}

/// Order of the bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// As the report states them.
    #[default]
    Report,
    /// Smallest first for changes (the steepest decline on top), largest first otherwise.
    Value,
}

impl Sort {
    /// An order from its name (report, value), if known.
    pub fn parse(s: &str) -> Option<Sort> {
        match s.trim() {
            "report" | "order" => Some(Sort::Report),
            "value" => Some(Sort::Value),
            _ => None,
        }
    }
    /// The order's name, as options take it.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Report => "report",
            Sort::Value => "value",
        }
    }
}

/// Linear or logarithmic value axis. `Auto` turns log on for a group whose positive
/// values span more than three orders of magnitude (1000 : 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scale {
    #[default]
    /// Log for a group whose values span more than 1000 : 1.
    Auto,
    /// Always linear.
    Linear,
    /// Always logarithmic.
    Log,
}

#[derive(Debug, Clone, PartialEq, Default)]
/// What a page chooses of a view.
pub struct ViewOptions {
    /// The view.
    pub kind: ViewKind,
    /// Only indicators of this section (and its subsections). Required by the section
    /// view, where it defaults to the first section that has indicators.
    pub section: Option<String>,
    /// The order of the bars.
    pub sort: Sort,
    /// Linear, log, or chosen by the data.
    pub scale: Scale,
}

/// What a bar stands for.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// Index into `dataset.indicators`.
    Indicator(usize),
    /// A section id (overview bars).
    Section(String),
}

/// How a bar is coloured; the theme gives each tone a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// A decrease (blue).
    Decrease,
    /// An increase (vermillion).
    Increase,
    /// Neither: a count or a rate.
    Neutral,
    /// An amount of money.
    Money,
    /// A value derived, not stated: last year's, from a stated change (a pale bar).
    Derived,
}

#[derive(Debug, Clone, PartialEq)]
/// One bar (or text row) of a chart.
pub struct Row {
    /// What the bar measures, in the reader's language.
    pub label: String,
    /// The value the bar's length shows.
    pub value: f64,
    /// The value as the reader reads it (8万余, −11.8%).
    pub value_text: String,
    /// How the bar is coloured.
    pub tone: Tone,
    /// What the row points at: an indicator or a section.
    pub target: Target,
    /// Extra text after the value (the overview's telling figures).
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
/// Rows that share a scale, under an optional title.
pub struct Group {
    /// The group's title (a unit family in the section view).
    pub title: Option<String>,
    /// The rows, in display order.
    pub rows: Vec<Row>,
    /// Values are per cent: ticks get a % sign.
    pub percent: bool,
    /// The scale is logarithmic.
    pub log: bool,
    /// A marked value on the axis, e.g. 100% in the rates view.
    pub reference: Option<f64>,
    /// False for ranks: a rank is shown as text, a bar length would mislead.
    pub bars: bool,
}

#[derive(Debug, Clone, PartialEq)]
/// A chart, ready for layout: title, subtitle and groups of rows.
pub struct ChartSpec {
    /// The view it shows.
    pub view: ViewKind,
    /// The chart's title.
    pub title: String,
    /// What it shows and how it is read (counts, units).
    pub subtitle: String,
    /// The groups of rows, each on its own scale.
    pub groups: Vec<Group>,
    /// Shown in the plot area when there is nothing to draw.
    pub empty: String,
    /// One sentence for screen readers: what the chart shows.
    pub description: String,
    /// The section the chart is limited to: the `section` option, or the one the section
    /// view chose by itself when none was given. The page's controls show this one.
    pub section: Option<String>,
    /// Lines at the chart's foot: where the figures come from and, when an approximate
    /// figure is shown, what its mark means. Empty: no foot (the `source: false` option).
    pub footer: Vec<String>,
}

impl ChartSpec {
    /// Every row, group after group.
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.groups.iter().flat_map(|g| g.rows.iter())
    }
    /// How many rows the chart has.
    pub fn row_count(&self) -> usize {
        self.groups.iter().map(|g| g.rows.len()).sum()
    }
}

/// Why a view cannot be built from these options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewError(pub String);

impl std::fmt::Display for ViewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn t(locale: Locale, zh: &str, en: &str) -> String {
    match locale {
        Locale::Zh => zh.to_string(),
        Locale::En => en.to_string(),
    }
}

/// The title of a section in the reader's language.
pub fn section_title(ds: &Dataset, id: &str, locale: Locale) -> String {
    match ds.section(id) {
        Some(s) if locale == Locale::En && !s.title_en.trim().is_empty() => s.title_en.clone(),
        Some(s) => s.title.clone(),
        None => id.to_string(),
    }
}

/// Is `id` the section `root` or below it?
fn within(ds: &Dataset, id: &str, root: &str) -> bool {
    let mut cur = id;
    for _ in 0..=ds.sections().len() {
        if cur == root {
            return true;
        }
        match ds.section(cur).and_then(|s| s.parent.as_deref()) {
            Some(p) => cur = p,
            None => return false,
        }
    }
    false
}

fn tone_of(ind: &Indicator) -> Tone {
    match ind.kind {
        Kind::YoyChange | Kind::Change if ind.value < 0.0 => Tone::Decrease,
        Kind::YoyChange | Kind::Change if ind.value > 0.0 => Tone::Increase,
        Kind::YoyChange | Kind::Change => Tone::Neutral,
        Kind::Money => Tone::Money,
        _ => Tone::Neutral,
    }
}

fn row_for(ds: &Dataset, i: usize, locale: Locale) -> Row {
    let ind = &ds.indicators()[i];
    let label = format::label(ind, locale).to_string();
    let value_text = format::value_text(ind, locale, false);
    Row { label, value: ind.value, value_text, tone: tone_of(ind), target: Target::Indicator(i), note: None }
}

fn sort_rows(rows: &mut [Row], sort: Sort, ascending: bool) {
    if sort == Sort::Value {
        // crate::sort: one shared copy of the standard library's sort in the wasm.
        crate::sort::sort_by(rows, |a, b| {
            let o = a.value.total_cmp(&b.value);
            if ascending {
                o
            } else {
                o.reverse()
            }
        });
    }
}

fn wants_log(rows: &[Row], scale: Scale) -> bool {
    match scale {
        Scale::Linear => false,
        Scale::Log => rows.iter().any(|r| r.value > 0.0) && rows.iter().all(|r| r.value >= 0.0),
        Scale::Auto => {
            if rows.iter().any(|r| r.value < 0.0) {
                return false;
            }
            let pos = rows.iter().map(|r| r.value).filter(|v| *v > 0.0);
            let (mn, mx) = pos.fold((f64::INFINITY, 0.0f64), |(a, b), v| (a.min(v), b.max(v)));
            mn.is_finite() && mx / mn > 1000.0
        }
    }
}

/// The distinct indicators that pass the section filter, in report order.
fn pick<'a>(
    ds: &'a Dataset,
    opts: &'a ViewOptions,
    keep: impl Fn(&Indicator) -> bool + 'a,
) -> impl Iterator<Item = usize> + 'a {
    // The sections in scope, worked out once (not per indicator: 100,000 indicators
    // would each walk the section tree).
    // (A map, not a set: the crate's one hash-table type, see RawDataset::validated.)
    let scope: Option<rustc_hash::FxHashMap<&str, usize>> = opts
        .section
        .as_ref()
        .map(|root| ds.sections().iter().filter(|s| within(ds, &s.id, root)).map(|s| (s.id.as_str(), 0)).collect());
    ds.distinct()
        .filter(move |(_, ind)| keep(ind))
        .filter(move |(_, ind)| scope.as_ref().is_none_or(|sc| sc.contains_key(ind.section.as_str())))
        .map(|(i, _)| i)
}

fn count_text(n: usize, locale: Locale) -> String {
    match locale {
        Locale::Zh => format!("{n}项指标"),
        Locale::En if n == 1 => "1 indicator".to_string(),
        Locale::En => format!("{n} indicators"),
    }
}

/// Builds the chart for a view. Fails only for options that name something absent
/// (an unknown section); an empty result is a chart with an `empty` message that says
/// what is missing and names a view that has figures ("本数据没有比率或占比，可查看「分部分」").
pub fn build(ds: &Dataset, opts: &ViewOptions, locale: Locale) -> Result<ChartSpec, ViewError> {
    let mut spec = build_view(ds, opts, locale)?;
    if spec.row_count() == 0 {
        let other = [ViewKind::Headline, ViewKind::Section, ViewKind::Rates, ViewKind::Money, ViewKind::Overview]
            .into_iter()
            .filter(|k| *k != opts.kind)
            .find(|k| {
                build_view(ds, &ViewOptions { kind: *k, ..opts.clone() }, locale).is_ok_and(|s| s.row_count() > 0)
            });
        spec.empty = empty_message(opts, other, locale);
    }
    Ok(spec)
}

/// What an empty view says: what the data lacks and, if one has figures, which view to see.
fn empty_message(opts: &ViewOptions, other: Option<ViewKind>, locale: Locale) -> String {
    let what = match opts.kind {
        ViewKind::Headline => t(locale, "同比变化或其他变化", "changes"),
        ViewKind::Rates => t(locale, "比率或占比", "rates or shares"),
        ViewKind::Money => t(locale, "金额", "amounts of money"),
        ViewKind::Compare => t(locale, "同时给出同比变化的指标", "figures stated with their change on last year"),
        ViewKind::Section | ViewKind::Overview => t(locale, "指标", "indicators"),
    };
    let scoped = opts.section.is_some();
    match (locale, other) {
        (Locale::Zh, Some(k)) => {
            format!("{}没有{what}，可查看「{}」", if scoped { "此部分" } else { "本数据" }, k.name(locale))
        }
        (Locale::Zh, None) => format!("{}没有{what}", if scoped { "此部分" } else { "本数据" }),
        (Locale::En, Some(k)) => {
            format!("No {what} in this {}; see “{}”", if scoped { "section" } else { "dataset" }, k.name(locale))
        }
        (Locale::En, None) => format!("No {what} in this {}", if scoped { "section" } else { "dataset" }),
    }
}

/// Builds the chart for a view, its `empty` message a plain one.
fn build_view(ds: &Dataset, opts: &ViewOptions, locale: Locale) -> Result<ChartSpec, ViewError> {
    if let Some(s) = &opts.section {
        if ds.section(s).is_none() {
            let known: Vec<&str> = ds.sections().iter().map(|s| s.id.as_str()).collect();
            return Err(ViewError(format!(
                "unknown section \"{s}\" (the dataset has: {})",
                format::join(&known, ", ")
            )));
        }
    }
    let scope = match &opts.section {
        Some(s) => format!(" · {}", section_title(ds, s, locale)),
        None => String::new(),
    };
    let empty = t(locale, "此视图没有可显示的指标", "No indicators to show in this view");
    let mut spec = match opts.kind {
        ViewKind::Headline => headline::headline(ds, opts, locale, empty, &scope),
        ViewKind::Compare => compare::compare(ds, opts, locale, empty, &scope),
        ViewKind::Rates => {
            // Per cent only: a ratio in its own unit (1.5倍) has no place by a 100% line.
            let mut rows: Vec<Row> =
                pick(ds, opts, |i| i.kind == Kind::Percent || (i.kind == Kind::Ratio && i.unit == "%"))
                    .map(|i| row_for(ds, i, locale))
                    .collect();
            sort_rows(&mut rows, opts.sort, false);
            let n = rows.len();
            let over = rows.iter().filter(|r| r.value > 100.0).count();
            ChartSpec {
                section: opts.section.clone(),
                footer: Vec::new(),
                view: opts.kind,
                title: t(locale, "比率与占比", "Rates and shares") + &scope,
                subtitle: match locale {
                    Locale::Zh => format!("{} · 虚线为100% · {over}项超过100%", count_text(n, locale)),
                    Locale::En => format!("{} · dashed line = 100% · {over} above 100%", count_text(n, locale)),
                },
                description: match locale {
                    Locale::Zh => format!("条形图，{n}项比率，参考线为100%，{over}项超过100%"),
                    Locale::En => format!("Bar chart of {n} rates against 100%, {over} above 100%"),
                },
                groups: vec![Group {
                    title: None,
                    rows,
                    percent: true,
                    log: false,
                    reference: Some(100.0),
                    bars: true,
                }],
                empty,
            }
        }
        ViewKind::Money => money::money_view(ds, opts, locale, empty, &scope),
        ViewKind::Section => section::section_view(ds, opts, locale, empty)?,
        ViewKind::Overview => overview::overview(ds, opts, locale, empty),
    };
    // A view across sections may put two bars that read the same on one scale.
    if !matches!(spec.view, ViewKind::Overview | ViewKind::Compare) {
        apart::tell_sections_apart(ds, &mut spec.groups, locale);
    }
    if spec.view != ViewKind::Overview {
        let approx = spec.rows().any(|r| match r.target {
            Target::Indicator(i) => ds.indicators().get(i).is_some_and(|ind| ind.approx),
            Target::Section(_) => false,
        });
        spec.footer = footer(ds, locale, approx);
    }
    Ok(spec)
}

/// The lines at a chart's foot: the source and its year, and — when `approx`, i.e. an
/// approximate figure is shown — what the approximation mark of `format` (8万余 / 80,000+)
/// means.
pub fn footer(ds: &Dataset, locale: Locale, approx: bool) -> Vec<String> {
    let src = ds.source();
    let title = src.title.trim();
    // Year 0: the report states none (an extraction that found no year); no "（0）".
    let y = src.year;
    let mut lines = vec![match (locale, title.is_empty(), y > 0) {
        (Locale::Zh, false, true) => format!("来源：{title}（{y}）"),
        (Locale::Zh, false, false) => format!("来源：{title}"),
        (Locale::Zh, true, true) => format!("来源：{y}年报告"),
        (Locale::Zh, true, false) => "来源：未注明".to_string(),
        (Locale::En, false, true) => format!("Source: {title} ({y})"),
        (Locale::En, false, false) => format!("Source: {title}"),
        (Locale::En, true, true) => format!("Source: the {y} report"),
        (Locale::En, true, false) => "Source: not stated".to_string(),
    }];
    if approx {
        lines.push(t(locale, "数字后的“余”表示约数", "A + after a number marks an approximate figure"));
    }
    lines
}
