//! The foot of every chart: the source line (and the note on approximate figures when
//! one is shown) is in the scene of every view, at every width, below everything else,
//! inside a fixed height, and absent when the spec's footer is empty (`source: false`).

use indicator_chart::format::Locale;
use indicator_chart::layout::{self, ApproxMeasure, Frame, Measure, Paint, Scene};
use indicator_chart::model::Dataset;
use indicator_chart::view::{self, ChartSpec, Target, ViewKind, ViewOptions};

const REPORT_JSON: &str = include_str!("../www/data/report-2022.json");

fn report() -> Dataset {
    Dataset::from_json(REPORT_JSON).unwrap_or_else(|e| panic!("shipped dataset must load: {e}"))
}

fn build(ds: &Dataset, kind: ViewKind, locale: Locale) -> ChartSpec {
    let o = ViewOptions { kind, ..ViewOptions::default() };
    view::build(ds, &o, locale).unwrap_or_else(|e| panic!("{kind:?}: {e}"))
}

fn lay(spec: &ChartSpec, width: f64, height: Option<f64>, locale: Locale) -> Scene {
    layout::layout(spec, Frame { width, height, dpr: 1.0 }, locale, &ApproxMeasure)
}

/// Every text of the scene with its top-ish y.
fn texts(scene: &Scene) -> Vec<(String, f64, f64)> {
    scene
        .paints
        .iter()
        .filter_map(|p| match p {
            Paint::Text { text, y, size, .. } => Some((text.clone(), *y, *size)),
            _ => None,
        })
        .collect()
}

fn source_prefix(locale: Locale) -> &'static str {
    match locale {
        Locale::Zh => "来源：",
        Locale::En => "Source: ",
    }
}

#[test]
fn every_view_carries_its_source_at_the_foot() {
    let ds = report();
    let want = |locale| match locale {
        Locale::Zh => format!("来源：{}（{}）", ds.source().title, ds.source().year),
        Locale::En => format!("Source: {} ({})", ds.source().title, ds.source().year),
    };
    for kind in ViewKind::ALL {
        for locale in [Locale::Zh, Locale::En] {
            let spec = build(&ds, kind, locale);
            assert_eq!(spec.footer.first(), Some(&want(locale)), "{kind:?} {locale:?}: the spec's source line");
            for width in [360.0, 800.0, 1600.0] {
                let scene = lay(&spec, width, None, locale);
                let all = texts(&scene);
                let foot: Vec<_> = all.iter().filter(|(t, ..)| t.starts_with(source_prefix(locale))).collect();
                assert_eq!(foot.len(), 1, "{kind:?} {locale:?} w={width}: one source line, texts {all:?}");
                let (_, fy, fsize) = foot[0];
                let lowest_other = all
                    .iter()
                    .filter(|(t, ..)| !t.starts_with(source_prefix(locale)) && !spec.footer.iter().any(|f| f == t))
                    .map(|(_, y, _)| *y)
                    .fold(f64::MIN, f64::max);
                assert!(
                    *fy > lowest_other,
                    "{kind:?} {locale:?} w={width}: source at y={fy} is not below {lowest_other}"
                );
                assert!(fy + fsize <= scene.height, "{kind:?} {locale:?} w={width}: source ends below the scene");
                // source: false — the widget empties the footer.
                let mut bare = spec.clone();
                bare.footer.clear();
                let bare_scene = lay(&bare, width, None, locale);
                assert!(
                    !texts(&bare_scene).iter().any(|(t, ..)| t.starts_with(source_prefix(locale))),
                    "{kind:?} {locale:?} w={width}: no source line without a footer"
                );
                assert!(bare_scene.height < scene.height, "{kind:?} {locale:?} w={width}: the foot takes height");
                assert_eq!(bare_scene.hits.len(), scene.hits.len(), "{kind:?} w={width}: the foot hides no row");
            }
        }
    }
}

/// Does `t` show an approximate figure: 8万余 in Chinese, 80,000+ in English (a + after
/// a digit or a word, not the sign of +20.8%)?
fn has_mark(t: &str, locale: Locale) -> bool {
    match locale {
        Locale::Zh => t.contains('余'),
        Locale::En => {
            t.char_indices().any(|(i, c)| c == '+' && t[..i].chars().last().is_some_and(char::is_alphanumeric))
        }
    }
}

#[test]
fn approximate_figures_get_their_note_and_only_then() {
    let ds = report();
    for kind in ViewKind::ALL {
        for locale in [Locale::Zh, Locale::En] {
            let spec = build(&ds, kind, locale);
            let mark = if locale == Locale::Zh { "余" } else { "+" };
            let note = spec.footer.get(1);
            // What the reader sees: a value, or the first figure of an overview note,
            // carrying the mark.
            let sep = if locale == Locale::Zh { "；" } else { "; " };
            let shown = spec.rows().any(|r| match r.target {
                Target::Indicator(i) => ds.indicators()[i].approx,
                Target::Section(_) => {
                    r.note.as_deref().and_then(|n| n.split(sep).next()).is_some_and(|first| has_mark(first, locale))
                }
            });
            assert_eq!(note.is_some(), shown, "{kind:?} {locale:?}: note {note:?}");
            if let Some(n) = note {
                assert!(n.contains(mark), "{kind:?} {locale:?}: the note names the mark {mark}: {n}");
                let marked = spec
                    .rows()
                    .any(|r| has_mark(&r.value_text, locale) || r.note.as_deref().is_some_and(|t| has_mark(t, locale)));
                assert!(marked, "{kind:?} {locale:?}: a note about {mark} but no shown value has it");
            }
        }
    }
    // The report has approximate figures: some view must show the note.
    let any = ViewKind::ALL.iter().any(|&k| build(&ds, k, Locale::Zh).footer.len() == 2);
    assert!(any, "the report's approximate figures should bring the note into some view");
}

#[test]
fn a_fixed_height_keeps_room_for_the_foot() {
    let ds = report();
    for kind in ViewKind::ALL {
        for (width, height) in [(360.0, 320.0), (800.0, 300.0), (800.0, 2000.0)] {
            let spec = build(&ds, kind, Locale::Zh);
            let scene = lay(&spec, width, Some(height), Locale::Zh);
            assert_eq!(scene.height, height, "{kind:?} {width}x{height}: the fixed height holds");
            let all = texts(&scene);
            let (_, fy, fsize) =
                all.iter().find(|(t, ..)| t.starts_with("来源：")).unwrap_or_else(|| panic!("{kind:?}: no source"));
            assert!(fy + fsize <= height, "{kind:?} {width}x{height}: source at {fy} outside the height");
            for h in &scene.hits {
                if let Some([_, _, _, y1]) = h.bar {
                    assert!(y1 <= *fy, "{kind:?} {width}x{height}: bar of row {} reaches the foot", h.row);
                }
            }
        }
    }
}

#[test]
fn a_long_source_title_wraps_and_is_cut() {
    let ds = report();
    let mut spec = build(&ds, ViewKind::Headline, Locale::Zh);
    spec.footer[0] = format!("来源：{}（2022）", "很长的报告标题".repeat(40));
    let scene = lay(&spec, 360.0, None, Locale::Zh);
    let lines: Vec<_> = texts(&scene).into_iter().filter(|(_, y, _)| *y > scene.height - 80.0).collect();
    let source: Vec<_> = lines.iter().filter(|(t, ..)| t.contains("很长") || t.starts_with("来源")).collect();
    assert_eq!(source.len(), 2, "a long source wraps to two lines: {lines:?}");
    assert!(source[1].0.ends_with('…'), "the second line is cut with …: {:?}", source[1].0);
    for (t, ..) in &source {
        let w = ApproxMeasure.text_width(t, 11.0, false);
        assert!(w <= 360.0 - 20.0 + 1e-6, "line {t:?} is {w} px wide, more than the inner width");
    }
}
