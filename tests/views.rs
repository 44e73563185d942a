//! Building the five views from the shipped report dataset: which indicators each view
//! shows, how it groups and sorts them, which language it speaks, and when it picks a
//! log scale.

use indicator_chart::format::Locale;
use indicator_chart::model::{Dataset, Indicator, Kind};
use indicator_chart::view::{self, ChartSpec, Scale, Sort, Target, Tone, ViewError, ViewKind, ViewOptions};
use std::collections::{HashMap, HashSet};

const REPORT_JSON: &str = include_str!("../www/data/report-2022.json");

fn report() -> Dataset {
    Dataset::from_json(REPORT_JSON).unwrap_or_else(|e| panic!("shipped dataset must load: {e}"))
}

fn opts(kind: ViewKind) -> ViewOptions {
    ViewOptions { kind, ..ViewOptions::default() }
}

#[track_caller]
fn build(ds: &Dataset, o: &ViewOptions, locale: Locale) -> ChartSpec {
    view::build(ds, o, locale).unwrap_or_else(|e| panic!("view {:?} ({locale:?}) failed: {e}", o.kind))
}

fn indicator_of<'a>(ds: &'a Dataset, t: &Target) -> (usize, &'a Indicator) {
    match t {
        Target::Indicator(i) => (*i, &ds.indicators()[*i]),
        other => panic!("expected a bar for an indicator, got {other:?}"),
    }
}

/// Is section `id` the section `root` or below it?
fn within(ds: &Dataset, id: &str, root: &str) -> bool {
    let mut cur = id.to_string();
    loop {
        if cur == root {
            return true;
        }
        match ds.section(&cur).and_then(|s| s.parent.clone()) {
            Some(p) => cur = p,
            None => return false,
        }
    }
}

#[test]
fn headline_has_exactly_the_changes_once_grouped_by_unit() {
    let ds = report();
    let spec = build(&ds, &opts(ViewKind::Headline), Locale::Zh);
    let yoy: Vec<usize> = ds.distinct().filter(|(_, i)| i.kind == Kind::YoyChange).map(|(i, _)| i).collect();
    let other: Vec<usize> = ds.distinct().filter(|(_, i)| i.kind == Kind::Change).map(|(i, _)| i).collect();
    assert_eq!(yoy.len(), 8, "the report has 8 distinct year-on-year changes");
    assert_eq!(other.len(), 1, "and one other change (通行效率最高提升15%)");
    let got: Vec<usize> = spec.rows().map(|r| indicator_of(&ds, &r.target).0).collect();
    let expected: Vec<usize> = yoy.iter().chain(&other).copied().collect();
    assert_eq!(got, expected, "headline rows: the yoy changes in report order, then the other change");
    let unique: HashSet<usize> = got.iter().copied().collect();
    assert_eq!(unique.len(), got.len(), "headline repeats an indicator: {got:?}");
    let labels: HashSet<&str> = spec.rows().map(|r| r.label.as_str()).collect();
    assert_eq!(labels.len(), 9, "a figure stated twice in the report (命案发案数) must show once");
    for r in spec.rows() {
        let (_, ind) = indicator_of(&ds, &r.target);
        assert!(matches!(ind.kind, Kind::YoyChange | Kind::Change), "{}: not a change", ind.id);
        assert!(ind.repeat_of.is_none(), "{}: a repeat is shown", ind.id);
        assert_eq!(r.value, ind.value, "{}: row value differs from the dataset", ind.id);
        assert_eq!(r.label, ind.label, "{}: zh label", ind.id);
        let tone = if ind.value < 0.0 { Tone::Decrease } else { Tone::Increase };
        assert_eq!(r.tone, tone, "{}: tone for value {}", ind.id, ind.value);
    }
    // Two units never share a scale: yoy changes (%) and changes (%) are two groups.
    assert_eq!(spec.groups.len(), 2, "headline groups: {:?}", spec.groups.iter().map(|g| &g.title).collect::<Vec<_>>());
    assert_eq!(spec.groups[0].title.as_deref(), Some("同比变化（%）"));
    assert_eq!(spec.groups[0].rows.len(), 8);
    assert_eq!(spec.groups[1].title.as_deref(), Some("变化（%）"));
    for g in &spec.groups {
        assert!(g.percent && !g.log && g.bars, "headline group flags: {g:?}");
    }
    assert!(spec.subtitle.starts_with("9项指标 · 8项下降，1项上升"), "headline subtitle: {:?}", spec.subtitle);
    assert!(
        spec.subtitle.contains("同比变化（%）8项") && spec.subtitle.contains("变化（%）1项"),
        "the subtitle names each group: {:?}",
        spec.subtitle
    );
    assert_eq!(spec.title, "同比及其他变化");
    assert!(
        spec.description.contains("降幅最大：溺亡事故，同比下降41.4%"),
        "the description should name the steepest decline: {:?}",
        spec.description
    );
    let en = build(&ds, &opts(ViewKind::Headline), Locale::En);
    assert!(
        en.description.contains("the largest decrease: Drowning accidents, −41.4% year on year"),
        "English description of the steepest decline: {:?}",
        en.description
    );
}

/// A dataset of `(label, value, unit, kind)` figures in one section.
fn figures(list: &[(&str, f64, &str, Kind)]) -> Dataset {
    let mut raw = report().into_raw();
    let template = raw.indicators[0].clone();
    raw.indicators = list
        .iter()
        .enumerate()
        .map(|(k, (label, value, unit, kind))| Indicator {
            id: format!("x-{k:02}"),
            section: "intro".to_string(),
            label: label.to_string(),
            label_en: String::new(),
            value: *value,
            unit: unit.to_string(),
            kind: *kind,
            approx: false,
            repeat_of: None,
            of: None,
            span: None,
            ..template.clone()
        })
        .collect();
    raw.validated().unwrap_or_else(|e| panic!("test dataset must be valid: {e}"))
}

#[test]
fn headline_puts_each_unit_of_change_on_its_own_scale() {
    let ds = figures(&[
        ("生产总值", 5.6, "%", Kind::YoyChange),
        ("常住人口城镇化率", 0.7, "个百分点", Kind::Change),
        ("年末常住人口", 1000.0, "人", Kind::Change),
        ("居民消费价格", -0.2, "%", Kind::YoyChange),
        ("民营经济比重", -0.8, "个百分点", Kind::Change),
        ("常住人口", 949_000.0, "人", Kind::Count),
    ]);
    let spec = build(&ds, &opts(ViewKind::Headline), Locale::Zh);
    let titles: Vec<Option<&str>> = spec.groups.iter().map(|g| g.title.as_deref()).collect();
    assert_eq!(titles, vec![Some("同比变化（%）"), Some("变化（个百分点）"), Some("变化（人）")]);
    let sizes: Vec<usize> = spec.groups.iter().map(|g| g.rows.len()).collect();
    assert_eq!(sizes, vec![2, 2, 1], "one group per unit, the count left out");
    let percent: Vec<bool> = spec.groups.iter().map(|g| g.percent).collect();
    assert_eq!(percent, vec![true, false, false], "only per cent groups get % ticks");
    assert!(
        spec.subtitle.contains("按单位分为3组") && spec.subtitle.contains("变化（个百分点）2项"),
        "the subtitle names the groups: {:?}",
        spec.subtitle
    );
    let en = build(&ds, &opts(ViewKind::Headline), Locale::En);
    assert!(en.subtitle.contains("3 groups by unit"), "English subtitle: {:?}", en.subtitle);
    // Year-on-year changes alone: one group, no group title, the old subtitle.
    let yoy = figures(&[("生产总值", 5.6, "%", Kind::YoyChange), ("居民消费价格", -0.2, "%", Kind::YoyChange)]);
    let spec = build(&yoy, &opts(ViewKind::Headline), Locale::Zh);
    assert_eq!(spec.groups.len(), 1);
    assert_eq!(spec.groups[0].title, None);
    assert_eq!(spec.title, "同比变化");
    assert!(spec.subtitle.ends_with("单位：%"), "{:?}", spec.subtitle);
}

#[test]
fn an_empty_view_names_a_view_that_has_figures() {
    let ds = figures(&[("破获案件", 212.0, "起", Kind::Count), ("抓获", 15.0, "人", Kind::Count)]);
    let spec = build(&ds, &opts(ViewKind::Headline), Locale::Zh);
    assert_eq!(spec.row_count(), 0);
    assert_eq!(spec.empty, "本数据没有同比变化或其他变化，可查看「分部分」");
    let spec = build(&ds, &opts(ViewKind::Rates), Locale::Zh);
    assert_eq!(spec.empty, "本数据没有比率或占比，可查看「分部分」");
    let spec = build(&ds, &opts(ViewKind::Money), Locale::En);
    assert_eq!(spec.empty, "No amounts of money in this dataset; see “By section”");
    // Changes only: the rates view points at the headline.
    let ds = figures(&[("生产总值", 5.6, "%", Kind::YoyChange)]);
    let spec = build(&ds, &opts(ViewKind::Rates), Locale::Zh);
    assert_eq!(spec.empty, "本数据没有比率或占比，可查看「同比变化」");
    // Scoped to a section: says so.
    let ds = report();
    let spec = build(&ds, &ViewOptions { section: Some("s5".into()), ..opts(ViewKind::Money) }, Locale::Zh);
    if spec.row_count() == 0 {
        assert!(spec.empty.starts_with("此部分没有金额，可查看「"), "{:?}", spec.empty);
    }
}

#[test]
fn sort_by_value_puts_the_steepest_decline_first() {
    let ds = report();
    let o = ViewOptions { sort: Sort::Value, ..opts(ViewKind::Headline) };
    let spec = build(&ds, &o, Locale::Zh);
    let values: Vec<f64> = spec.rows().map(|r| r.value).collect();
    assert_eq!(
        values.first().copied(),
        Some(-41.4),
        "first bar should be the steepest decline (溺亡事故 −41.4%), got {values:?}"
    );
    assert_eq!(spec.rows().next().unwrap().label, "溺亡事故");
    assert!(values.windows(2).all(|w| w[0] <= w[1]), "sorted by value, smallest first: {values:?}");
    // The same set as report order.
    let report_order = build(&ds, &opts(ViewKind::Headline), Locale::Zh);
    let mut a: Vec<String> = spec.rows().map(|r| r.label.clone()).collect();
    let mut b: Vec<String> = report_order.rows().map(|r| r.label.clone()).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b, "sorting must not change which rows are shown");

    // Rates sorted by value: largest first (111% on top).
    let rates = build(&ds, &ViewOptions { sort: Sort::Value, ..opts(ViewKind::Rates) }, Locale::Zh);
    let values: Vec<f64> = rates.rows().map(|r| r.value).collect();
    assert_eq!(values, vec![111.0, 99.4, 98.2, 87.1, 63.2], "rates sorted by value, largest first");
}

#[test]
fn rates_view_has_percent_and_ratio_against_100() {
    let ds = report();
    let spec = build(&ds, &opts(ViewKind::Rates), Locale::Zh);
    assert_eq!(spec.row_count(), 5, "4 percentages and 1 ratio");
    for r in spec.rows() {
        let (_, ind) = indicator_of(&ds, &r.target);
        assert!(matches!(ind.kind, Kind::Percent | Kind::Ratio), "{}: kind {:?} in rates", ind.id, ind.kind);
    }
    let g = &spec.groups[0];
    assert_eq!(g.reference, Some(100.0), "rates have a 100% reference");
    assert!(g.percent, "rates are per cent");
    assert!(
        spec.subtitle.contains("1项超过100%"),
        "rates subtitle should count the one value above 100%: {:?}",
        spec.subtitle
    );
}

#[test]
fn section_view_groups_by_unit() {
    let ds = report();
    for top in ds.sections().iter().filter(|s| s.parent.is_none()) {
        let o = ViewOptions { section: Some(top.id.clone()), ..opts(ViewKind::Section) };
        let spec = build(&ds, &o, Locale::Zh);
        assert_eq!(spec.title, top.title, "section view title for {}", top.id);
        let expected: HashSet<usize> =
            ds.distinct().filter(|(_, i)| within(&ds, &i.section, &top.id)).map(|(i, _)| i).collect();
        let got: Vec<usize> = spec.rows().map(|r| indicator_of(&ds, &r.target).0).collect();
        assert_eq!(got.len(), expected.len(), "section {}: row count", top.id);
        assert_eq!(got.iter().copied().collect::<HashSet<_>>(), expected, "section {}: which indicators", top.id);

        let mut titles = HashSet::new();
        for g in &spec.groups {
            let title = g.title.clone().unwrap_or_else(|| panic!("section {}: a group without a title", top.id));
            assert!(titles.insert(title.clone()), "section {}: group title {title:?} appears twice", top.id);
            assert!(!g.rows.is_empty(), "section {}: empty group {title:?}", top.id);
            // One unit family per group: the same kind family and, for counts, the same unit.
            let fam = |ind: &Indicator| match ind.kind {
                // 人 and 名 both count people and share a group.
                Kind::Count => format!("count:{}", if ind.unit == "名" { "人" } else { ind.unit.as_str() }),
                Kind::Change => format!("change:{}", ind.unit),
                Kind::Percent | Kind::Ratio => "rate".to_string(),
                k => k.as_str().to_string(),
            };
            let fams: HashSet<String> = g.rows.iter().map(|r| fam(indicator_of(&ds, &r.target).1)).collect();
            assert_eq!(fams.len(), 1, "section {}: group {title:?} mixes units {fams:?}", top.id);
            let f = fams.into_iter().next().unwrap();
            // A group on a log scale says so in its own title.
            assert_eq!(title.ends_with(" · 对数刻度"), g.log, "section {}: group {title:?} log = {}", top.id, g.log);
            let base_title = title.trim_end_matches(" · 对数刻度");
            if let Some(unit) = f.strip_prefix("count:") {
                assert_eq!(base_title, format!("单位：{unit}"), "section {}: count group title", top.id);
            }
            if f == "rank" {
                assert!(!g.bars, "section {}: ranks must be text, not bars", top.id);
            }
            if f == "rate" {
                assert_eq!(g.reference, Some(100.0), "section {}: rates group has the 100% reference", top.id);
            }
        }
        // A unit family never splits into two groups.
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (gi, g) in spec.groups.iter().enumerate() {
            for r in &g.rows {
                let ind = indicator_of(&ds, &r.target).1;
                let key = format!("{:?}/{}", ind.kind, ind.unit);
                if let Some(prev) = seen.insert(key.clone(), gi) {
                    assert_eq!(prev, gi, "section {}: {key} appears in groups {prev} and {gi}", top.id);
                }
            }
        }
    }
}

#[test]
fn section_view_of_a_subsection_and_the_default_section() {
    let ds = report();
    let spec = build(&ds, &ViewOptions { section: Some("s3-1".into()), ..opts(ViewKind::Section) }, Locale::Zh);
    assert_eq!(spec.title, "优化治安环境");
    for r in spec.rows() {
        let ind = indicator_of(&ds, &r.target).1;
        assert_eq!(ind.section, "s3-1", "{}: outside the subsection", ind.id);
    }
    let money = spec
        .groups
        .iter()
        .find(|g| g.title.as_deref().is_some_and(|t| t.starts_with("金额（元）")))
        .expect("s3-1 has a money group");
    assert_eq!(money.rows.len(), 3, "s3-1 states all three money figures");
    assert!(money.log, "the money group of s3-1 spans 8900万 to 1000亿 and should be on a log scale");
    assert_eq!(money.title.as_deref(), Some("金额（元） · 对数刻度"), "a log group names its scale");

    // Without a section: the first top-level section that has indicators (总述).
    let default = build(&ds, &opts(ViewKind::Section), Locale::Zh);
    assert_eq!(default.title, "总述", "default section of the section view");
}

#[test]
fn unknown_section_gives_an_error_naming_it() {
    let ds = report();
    for kind in ViewKind::ALL {
        let o = ViewOptions { section: Some("s9".into()), ..opts(kind) };
        match view::build(&ds, &o, Locale::Zh) {
            Ok(spec) => panic!("{kind:?} with unknown section s9 built a chart titled {:?}", spec.title),
            Err(ViewError(msg)) => {
                assert!(msg.contains("\"s9\""), "{kind:?}: the error should name the section, got {msg:?}");
                assert!(
                    msg.contains("intro") && msg.contains("s5-4"),
                    "{kind:?}: the error should list the known sections, got {msg:?}"
                );
            }
        }
    }
}

#[test]
fn overview_counts_every_indicator_once_by_top_level_section() {
    let ds = report();
    let spec = build(&ds, &opts(ViewKind::Overview), Locale::Zh);
    let tops: Vec<&str> = ds.sections().iter().filter(|s| s.parent.is_none()).map(|s| s.id.as_str()).collect();
    assert_eq!(tops.len(), 6, "总述 and five numbered parts");
    assert_eq!(spec.row_count(), tops.len(), "overview: one row per top-level section");
    let sum: f64 = spec.rows().map(|r| r.value).sum();
    assert_eq!(sum, 108.0, "overview values must sum to the 108 distinct indicators");
    assert_eq!(sum as usize, ds.distinct().count());
    for r in spec.rows() {
        let Target::Section(id) = &r.target else { panic!("overview row {:?} is not a section", r.label) };
        assert!(tops.contains(&id.as_str()), "overview row for {id}, not a top-level section");
        let n = ds.distinct().filter(|(_, i)| ds.top_section(&i.section) == id).count();
        assert_eq!(r.value, n as f64, "overview value of {id}");
        assert_eq!(r.value_text, format!("{n}项"), "overview value text of {id}");
        assert!(r.note.is_some(), "overview row {id} should carry its telling figures");
    }
    assert!(spec.subtitle.starts_with("共108项指标，分布于6个部分"), "overview subtitle: {:?}", spec.subtitle);
}

#[test]
fn english_uses_label_en_and_title_en() {
    let ds = report();
    for kind in ViewKind::ALL {
        let spec = build(&ds, &opts(kind), Locale::En);
        let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        assert!(!cjk(&spec.title), "{kind:?}: English title has Chinese: {:?}", spec.title);
        assert!(!cjk(&spec.description), "{kind:?}: English description has Chinese: {:?}", spec.description);
        assert!(!cjk(&spec.subtitle), "{kind:?}: English subtitle has Chinese: {:?}", spec.subtitle);
        assert!(!cjk(&spec.empty), "{kind:?}: English empty message has Chinese: {:?}", spec.empty);
        for g in &spec.groups {
            if let Some(t) = &g.title {
                assert!(!cjk(t) || t.starts_with("Unit: "), "{kind:?}: English group title {t:?}");
            }
        }
        for r in spec.rows() {
            match &r.target {
                Target::Indicator(i) => {
                    let ind = &ds.indicators()[*i];
                    assert!(!ind.label_en.is_empty(), "{}: no label_en in the shipped dataset", ind.id);
                    assert_eq!(r.label, ind.label_en, "{kind:?}/{}: English label", ind.id);
                }
                Target::Section(id) => {
                    let s = ds.section(id).unwrap();
                    assert_eq!(r.label, s.title_en, "{kind:?}/{id}: English section title");
                    assert!(!cjk(&r.value_text), "{kind:?}/{id}: value text {:?}", r.value_text);
                }
            }
        }
    }
}

#[test]
fn money_view_picks_log_scale_automatically() {
    let ds = report();
    let spec = build(&ds, &opts(ViewKind::Money), Locale::Zh);
    let values: Vec<f64> = spec.rows().map(|r| r.value).collect();
    assert_eq!(values, vec![89_000_000.0, 140_000_000.0, 100_000_000_000.0], "money rows in report order");
    let texts: Vec<&str> = spec.rows().map(|r| r.value_text.as_str()).collect();
    assert_eq!(texts, vec!["8900万元", "1.4亿元", "1000亿余元"], "money value texts");
    assert!(spec.groups[0].log, "8900万 to 1000亿 spans over three orders of magnitude: Auto must pick log");
    assert!(spec.subtitle.contains("对数刻度"), "subtitle should say log scale: {:?}", spec.subtitle);
    assert!(spec.rows().all(|r| r.tone == Tone::Money), "money bars have the money tone");

    let linear = build(&ds, &ViewOptions { scale: Scale::Linear, ..opts(ViewKind::Money) }, Locale::Zh);
    assert!(!linear.groups[0].log, "Scale::Linear must turn log off");
    assert!(!linear.subtitle.contains("对数刻度"), "linear subtitle: {:?}", linear.subtitle);

    let en = build(&ds, &opts(ViewKind::Money), Locale::En);
    assert!(en.subtitle.contains("log scale"), "English subtitle should say log scale: {:?}", en.subtitle);
    let texts: Vec<&str> = en.rows().map(|r| r.value_text.as_str()).collect();
    assert_eq!(texts, vec!["¥89 million", "¥140 million", "¥100 billion+"], "English money value texts");

    // Rates span less than 1000:1: Auto stays linear elsewhere.
    let rates = build(&ds, &opts(ViewKind::Rates), Locale::Zh);
    assert!(!rates.groups[0].log, "rates must stay linear");
}

#[test]
fn a_view_with_nothing_to_show_is_empty_not_an_error() {
    let mut raw = report().into_raw();
    raw.indicators.retain(|i| i.kind == Kind::Count);
    let ds = raw.validated().expect("counts alone are a valid dataset");
    for kind in [ViewKind::Headline, ViewKind::Rates, ViewKind::Money] {
        let spec = build(&ds, &opts(kind), Locale::Zh);
        assert_eq!(spec.row_count(), 0, "{kind:?}: rows from a dataset with counts only");
        assert!(!spec.empty.is_empty(), "{kind:?}: an empty view needs its message");
    }
    // A section without yoy changes: headline scoped to it is empty too.
    let ds = report();
    let spec = build(&ds, &ViewOptions { section: Some("s5".into()), ..opts(ViewKind::Headline) }, Locale::Zh);
    assert_eq!(spec.row_count(), 0, "s5 states no year-on-year change");
    let spec = build(&ds, &ViewOptions { section: Some("intro".into()), ..opts(ViewKind::Headline) }, Locale::Zh);
    assert_eq!(spec.row_count(), 4, "总述 states four year-on-year changes");
    assert!(spec.title.ends_with(" · 总述"), "scoped title names the section: {:?}", spec.title);
}

#[test]
fn every_view_builds_in_both_languages() {
    let ds = report();
    for kind in ViewKind::ALL {
        for locale in [Locale::Zh, Locale::En] {
            let spec = build(&ds, &opts(kind), locale);
            assert_eq!(spec.view, kind, "{kind:?}: spec.view");
            // The report states no figure together with its change: its compare view is
            // empty, and says so (compare_without_links_says_so…).
            if kind == ViewKind::Compare {
                assert!(spec.row_count() == 0 && !spec.empty.is_empty(), "{kind:?} ({locale:?})");
            } else {
                assert!(spec.row_count() > 0, "{kind:?} ({locale:?}) has no rows");
            }
            assert!(!spec.title.is_empty() && !spec.description.is_empty(), "{kind:?} ({locale:?}): title/description");
            for r in spec.rows() {
                assert!(r.value.is_finite(), "{kind:?}: row {:?} value {}", r.label, r.value);
                assert!(!r.value_text.is_empty(), "{kind:?}: row {:?} has no value text", r.label);
            }
            let zh_en = build(&ds, &opts(kind), if locale == Locale::Zh { Locale::En } else { Locale::Zh });
            assert_eq!(spec.row_count(), zh_en.row_count(), "{kind:?}: row count must not depend on the language");
        }
    }
}

/// The section view without a section option picks the first section with indicators, and
/// the spec says which, so a page's controls can show it (the host page no longer works it
/// out a second time).
#[test]
fn section_view_reports_the_section_it_chose() {
    let ds = report();
    let opts = ViewOptions { kind: ViewKind::Section, ..ViewOptions::default() };
    let spec = view::build(&ds, &opts, Locale::Zh).expect("section view");
    let chosen = spec.section.clone().expect("a section was chosen");
    assert!(ds.section(&chosen).is_some_and(|s| s.parent.is_none()), "{chosen} is a top-level section");
    let explicit = ViewOptions { section: Some(chosen.clone()), ..opts };
    assert_eq!(view::build(&ds, &explicit, Locale::Zh).expect("explicit").rows().count(), spec.rows().count());
    let headline = view::build(&ds, &ViewOptions::default(), Locale::Zh).expect("headline");
    assert_eq!(headline.section, None, "no section option, no section");
}

/// `figures`, with the changes linked: `(change index, figure index)`.
fn linked(list: &[(&str, f64, &str, Kind)], links: &[(usize, usize)]) -> Dataset {
    let mut raw = figures(list).into_raw();
    for &(c, f) in links {
        raw.indicators[c].of = Some(raw.indicators[f].id.clone());
    }
    raw.validated().unwrap_or_else(|e| panic!("linked test dataset must be valid: {e}"))
}

#[test]
fn compare_pairs_each_figure_with_last_year_derived_from_its_change() {
    let ds = linked(
        &[
            ("粮食总产量", 758_000.0, "吨", Kind::Count),
            ("粮食总产量", 2.3, "%", Kind::YoyChange),
            ("地区生产总值", 3e11, "元", Kind::Money),
            ("地区生产总值", 5.2, "%", Kind::YoyChange),
            ("生猪出栏", 2_412_000.0, "头", Kind::Count),
            ("生猪出栏", -4.0, "%", Kind::YoyChange),
            // A change in points, and a figure without a change: not in the view.
            ("城镇化率", 43.6, "%", Kind::Percent),
            ("城镇化率", 0.7, "个百分点", Kind::Change),
            ("案件", 212.0, "起", Kind::Count),
        ],
        &[(1, 0), (3, 2), (5, 4), (7, 6)],
    );
    let spec = build(&ds, &opts(ViewKind::Compare), Locale::Zh);
    assert_eq!(spec.view, ViewKind::Compare);
    // One group per unit: 吨, 元, 头 never share a scale.
    let titles: Vec<Option<&str>> = spec.groups.iter().map(|g| g.title.as_deref()).collect();
    assert_eq!(titles, vec![Some("单位：吨"), Some("金额（元）"), Some("单位：头")]);
    for g in &spec.groups {
        assert_eq!(g.rows.len(), 2, "a pair per group here: {g:?}");
        let (now, before) = (&g.rows[0], &g.rows[1]);
        assert_eq!(now.target, before.target, "both bars point at the figure");
        assert_eq!(now.tone, Tone::Neutral);
        assert_eq!(before.tone, Tone::Derived, "the derived bar is marked");
        assert!(before.label.contains("2021年") && before.label.contains("推算"), "{}", before.label);
        assert!(now.label.contains("2022年"), "{}", now.label);
    }
    let grain = &spec.groups[0].rows;
    // 758000 ÷ 1.023 = 740958.0, kept to the thousand the figure is stated in.
    assert_eq!(grain[1].value, 741_000.0);
    assert!((view::derived_value(758_000.0, 2.3).unwrap_or(0.0) - 758_000.0 / 1.023).abs() < 1e-6);
    assert_eq!(view::derived_value(10.0, -100.0), None, "nothing to divide by");
    assert_eq!(grain[1].value_text, "74.1万吨");
    assert_eq!(grain[1].note.as_deref(), Some("据同比上升2.3%推算"));
    let pigs = &spec.groups[2].rows;
    assert!(pigs[1].value > pigs[0].value, "a fall: last year was larger");
    assert!(spec.subtitle.contains("浅色条为2021年值，据同比推算"), "{}", spec.subtitle);
    let en = build(&ds, &opts(ViewKind::Compare), Locale::En);
    assert!(en.subtitle.contains("derived from the stated change"), "{}", en.subtitle);
    assert!(en.groups[0].rows[1].label.contains("2021 (derived)"), "{}", en.groups[0].rows[1].label);
}

/// A report without a year (an extraction that found none sets 0): the foot names the
/// source without "（0）", and the compare view says 本年 / 上年, never 0年 or -1年.
#[test]
fn a_report_without_a_year_says_so_in_words() {
    let mut raw =
        linked(&[("粮食总产量", 758_000.0, "吨", Kind::Count), ("粮食总产量", 2.3, "%", Kind::YoyChange)], &[(1, 0)])
            .into_raw();
    raw.source.year = 0;
    let ds = raw.validated().expect("valid");
    let zh = build(&ds, &opts(ViewKind::Compare), Locale::Zh);
    let en = build(&ds, &opts(ViewKind::Compare), Locale::En);
    let texts = |s: &ChartSpec| {
        let mut v = vec![s.subtitle.clone(), s.description.clone()];
        v.extend(s.footer.iter().cloned());
        v.extend(s.rows().map(|r| r.label.clone()));
        v
    };
    for t in texts(&zh).iter().chain(texts(&en).iter()) {
        assert!(!t.contains("（0）") && !t.contains("(0)") && !t.contains("-1"), "{t:?}");
    }
    let zh_rows: Vec<&str> = zh.rows().map(|r| r.label.as_str()).collect();
    assert_eq!(zh_rows, vec!["粮食总产量（本年）", "上年（据同比推算）"]);
    assert!(zh.subtitle.contains("浅色条为上年值"), "{}", zh.subtitle);
    assert!(en.rows().nth(1).is_some_and(|r| r.label == "last year (derived)"));
    let foot = view::footer(&ds, Locale::Zh, false);
    assert!(foot[0].starts_with("来源：") && !foot[0].contains('（'), "{foot:?}");
    assert!(!view::footer(&ds, Locale::En, false)[0].contains('('));
}

/// Yuan and US dollars never share a scale: the money view and the section view give each
/// currency its own group, titled by it.
#[test]
fn each_currency_gets_its_own_scale() {
    let ds = figures(&[
        ("货物进出口总额", 9.5e12, "元", Kind::Money),
        ("服务贸易总额", 2.5e11, "美元", Kind::Money),
        ("实际使用外资", 1.1266e11, "元", Kind::Money),
    ]);
    for kind in [ViewKind::Money, ViewKind::Section] {
        let spec = build(&ds, &opts(kind), Locale::Zh);
        let titles: Vec<Option<&str>> = spec.groups.iter().map(|g| g.title.as_deref()).collect();
        assert_eq!(titles, vec![Some("金额（元）"), Some("金额（美元）")], "{kind:?}");
        assert_eq!(spec.groups[1].rows[0].label, "服务贸易总额");
        assert_eq!(spec.groups[0].rows.iter().find(|r| r.label == "货物进出口总额").unwrap().value_text, "9.5万亿元");
    }
    let money = build(&ds, &opts(ViewKind::Money), Locale::Zh);
    assert_eq!(money.title, "金额");
    assert!(money.subtitle.contains("按币种分为2组"), "{}", money.subtitle);
    let en = build(&ds, &opts(ViewKind::Money), Locale::En);
    assert_eq!(en.groups[1].title.as_deref(), Some("Money (US dollars)"));
    let yuan_only = figures(&[("追赃挽损", 1.4e8, "元", Kind::Money), ("扣押涉案资产", 8.9e7, "元", Kind::Money)]);
    let one = build(&yuan_only, &opts(ViewKind::Money), Locale::Zh);
    assert_eq!(one.groups.len(), 1);
    assert_eq!(one.groups[0].title, None, "one currency: no group title");
    assert!(one.subtitle.contains("单位：元"), "{}", one.subtitle);
}

#[test]
fn compare_marks_an_approximate_figure_and_skips_an_impossible_change() {
    let mut raw = linked(
        &[
            ("国内生产总值", 1.26e14, "元", Kind::Money),
            ("国内生产总值", 5.2, "%", Kind::YoyChange),
            ("某产量", 10.0, "吨", Kind::Count),
            ("某产量", -100.0, "%", Kind::YoyChange),
        ],
        &[(1, 0), (3, 2)],
    )
    .into_raw();
    raw.indicators[0].approx = true;
    let ds = raw.validated().unwrap();
    let spec = build(&ds, &opts(ViewKind::Compare), Locale::Zh);
    assert_eq!(spec.row_count(), 2, "−100% leaves nothing to divide by: {spec:?}");
    let rows = &spec.groups[0].rows;
    assert!(rows[0].value_text.contains('余') && rows[1].value_text.contains('余'), "{rows:?}");
    assert!(spec.footer.iter().any(|l| l.contains("约数")), "the foot explains the mark: {:?}", spec.footer);
}

#[test]
fn compare_without_links_says_so_and_names_a_view_with_figures() {
    let ds = report();
    let spec = build(&ds, &opts(ViewKind::Compare), Locale::Zh);
    assert_eq!(spec.row_count(), 0);
    assert_eq!(spec.empty, "本数据没有同时给出同比变化的指标，可查看「同比变化」");
    let en = build(&ds, &opts(ViewKind::Compare), Locale::En);
    assert!(
        en.empty.starts_with("No figures stated with their change on last year in this dataset; see"),
        "{}",
        en.empty
    );
    assert_eq!(ViewKind::parse("compare"), Some(ViewKind::Compare));
    assert!(ViewKind::ALL.contains(&ViewKind::Compare));
}

#[test]
fn english_count_groups_name_their_unit_and_no_two_share_a_title() {
    // A report with tonnes, head of livestock, mu and a unit without an English name: each
    // group in English says its unit (no two groups titled just "Counts"), and the values
    // carry it.
    let ds = figures(&[
        ("粮食总产量", 758_000.0, "吨", Kind::Count),
        ("生猪出栏", 2_412_000.0, "头", Kind::Count),
        ("播种面积", 1_200_000.0, "亩", Kind::Count),
        ("新建泵站", 12.0, "座", Kind::Count),
    ]);
    let o = ViewOptions { section: Some("intro".to_string()), ..opts(ViewKind::Section) };
    let spec = build(&ds, &o, Locale::En);
    let titles: Vec<String> = spec.groups.iter().filter_map(|g| g.title.clone()).collect();
    assert_eq!(titles.len(), 4, "one titled group per unit: {titles:?}");
    assert_eq!(titles.iter().collect::<HashSet<_>>().len(), 4, "distinct group titles: {titles:?}");
    for want in ["Counts of tonnes", "Counts of head", "Counts of mu", "Unit: 座"] {
        assert!(titles.iter().any(|t| t == want), "a group titled {want:?} in {titles:?}");
    }
    let values: Vec<&str> = spec.rows().map(|r| r.value_text.as_str()).collect();
    for want in ["tonnes", "head", "mu", "座"] {
        assert!(values.iter().any(|v| v.ends_with(want)), "a value in {want}: {values:?}");
    }
}

#[test]
fn a_ratio_not_in_per_cent_has_a_scale_of_its_own() {
    let ds = figures(&[
        ("化解率", 99.4, "%", Kind::Percent),
        ("日均扫码比", 111.0, "%", Kind::Ratio),
        ("城乡居民收入比", 2.45, "", Kind::Ratio),
        ("道路交通事故万车死亡人数", 1.38, "人/万车", Kind::Count),
        ("常住人口", 949_000.0, "人", Kind::Count),
    ]);
    let spec = build(&ds, &opts(ViewKind::Section), Locale::Zh);
    let titles: Vec<Option<&str>> = spec.groups.iter().map(|g| g.title.as_deref()).collect();
    assert_eq!(titles, vec![Some("比率（%）"), Some("比值"), Some("单位：人/万车"), Some("单位：人")]);
    let ratio = &spec.groups[1];
    assert!(!ratio.percent, "a ratio of 2.45 gets plain ticks, not %");
    assert_eq!(ratio.rows[0].value_text, "2.45", "not 2.45%");
    // The rates view is per cent against a 100% line: the plain ratio is not in it.
    let rates = build(&ds, &opts(ViewKind::Rates), Locale::Zh);
    let labels: Vec<&str> = rates.rows().map(|r| r.label.as_str()).collect();
    assert_eq!(labels.len(), 2, "{labels:?}");
    assert!(!labels.contains(&"城乡居民收入比"));
}

#[test]
fn bars_of_one_scale_from_two_sections_that_read_the_same_say_their_section() {
    let mut raw = figures(&[
        ("产量", 87.0, "%", Kind::YoyChange),
        ("产量", 35.8, "%", Kind::YoyChange),
        ("生产总值", 5.6, "%", Kind::YoyChange),
    ])
    .into_raw();
    raw.indicators[0].section = "s1-1".to_string();
    raw.indicators[1].section = "s2".to_string();
    let ds = raw.validated().unwrap();
    let spec = build(&ds, &opts(ViewKind::Headline), Locale::Zh);
    let labels: Vec<&str> = spec.rows().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["产量（高效流调溯源）", "产量（坚持主动担当）", "生产总值"]);
    // One section's view of one section: no name to add.
    let one = build(&ds, &ViewOptions { section: Some("s2".into()), ..opts(ViewKind::Section) }, Locale::Zh);
    assert_eq!(one.groups[0].rows[0].label, "产量");
}
