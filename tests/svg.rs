//! `svg::to_svg`: the chart as a standalone SVG document — it parses, starts with
//! `<title>` and `<desc>` (escaped), keeps every text of the scene as text at the
//! canvas's font size under a font list that covers Chinese, carries the source line,
//! draws every bar, and is the scene's size times the scale.

use indicator_chart::format::Locale;
use indicator_chart::layout::{self, ApproxMeasure, Frame, Paint, Scene};
use indicator_chart::model::Dataset;
use indicator_chart::render::{Theme, FONT_FAMILY};
use indicator_chart::svg;
use indicator_chart::view::{self, ChartSpec, ViewKind, ViewOptions};

const REPORT_JSON: &str = include_str!("../www/data/report-2022.json");

fn report() -> Dataset {
    Dataset::from_json(REPORT_JSON).unwrap_or_else(|e| panic!("shipped dataset must load: {e}"))
}

fn build(ds: &Dataset, kind: ViewKind, locale: Locale) -> ChartSpec {
    view::build(ds, &ViewOptions { kind, ..ViewOptions::default() }, locale).unwrap_or_else(|e| panic!("{kind:?}: {e}"))
}

fn lay(spec: &ChartSpec, width: f64, locale: Locale) -> Scene {
    layout::layout(spec, Frame { width, height: None, dpr: 1.0 }, locale, &ApproxMeasure)
}

fn scene_texts(scene: &Scene) -> Vec<(String, f64)> {
    scene
        .paints
        .iter()
        .filter_map(|p| match p {
            Paint::Text { text, size, .. } if !text.is_empty() => Some((text.clone(), *size)),
            _ => None,
        })
        .collect()
}

#[test]
fn every_view_is_a_standalone_svg_with_its_texts() {
    let ds = report();
    for kind in ViewKind::ALL {
        for locale in [Locale::Zh, Locale::En] {
            for (width, scale) in [(375.0, 1.0), (800.0, 2.0)] {
                let spec = build(&ds, kind, locale);
                let scene = lay(&spec, width, locale);
                let text = svg::to_svg(&scene, &Theme::LIGHT, scale, &spec.title, &spec.description);
                let doc = roxmltree::Document::parse(&text)
                    .unwrap_or_else(|e| panic!("{kind:?} {locale:?} w={width}: the SVG does not parse: {e}"));
                let root = doc.root_element();
                let name = format!("{kind:?} {locale:?} w={width} scale={scale}");
                assert_eq!(root.tag_name().name(), "svg", "{name}");
                assert_eq!(root.attribute("font-family"), Some(FONT_FAMILY), "{name}: the font list, for every text");
                let attr = |a: &str| root.attribute(a).and_then(|v| v.parse::<f64>().ok());
                assert_eq!(attr("width"), Some((scene.width * scale).round()), "{name}: width");
                assert_eq!(attr("height"), Some((scene.height * scale).round()), "{name}: height");
                let kids: Vec<_> = root.children().filter(|n| n.is_element()).collect();
                assert_eq!(kids[0].tag_name().name(), "title", "{name}: <title> first");
                assert_eq!(kids[0].text(), Some(spec.title.as_str()), "{name}: the title");
                assert_eq!(kids[1].tag_name().name(), "desc", "{name}: then <desc>");
                assert_eq!(kids[1].text(), Some(spec.description.as_str()), "{name}: the description");
                let svg_texts: Vec<(String, f64, String)> = doc
                    .descendants()
                    .filter(|n| n.has_tag_name("text"))
                    .map(|n| {
                        let size = n.attribute("font-size").and_then(|s| s.parse().ok()).unwrap_or(0.0);
                        (n.text().unwrap_or("").to_string(), size, n.attribute("fill").unwrap_or("").into())
                    })
                    .collect();
                let want = scene_texts(&scene);
                assert_eq!(svg_texts.len(), want.len(), "{name}: one <text> per text of the scene");
                for ((got, size, fill), (text, px)) in svg_texts.iter().zip(&want) {
                    assert_eq!(got, text, "{name}: text content");
                    // The canvas's font size, scaled.
                    assert!((size - px * scale).abs() < 0.01, "{name}: {text:?} at {size}, want {}", px * scale);
                    assert!(fill.starts_with('#') && fill.len() == 7, "{name}: {text:?} has a colour: {fill}");
                }
                let bars = scene.paints.iter().filter(|p| matches!(p, Paint::Rect { .. })).count();
                let rects = doc.descendants().filter(|n| n.has_tag_name("rect")).count();
                assert_eq!(rects, bars + 1, "{name}: every rectangle of the scene, and the background");
                let source = if locale == Locale::Zh { "来源：" } else { "Source: " };
                assert!(svg_texts.iter().any(|(t, ..)| t.starts_with(source)), "{name}: the source line");
            }
        }
    }
}

#[test]
fn title_and_description_are_escaped() {
    let ds = report();
    let spec = build(&ds, ViewKind::Rates, Locale::Zh);
    let scene = lay(&spec, 640.0, Locale::Zh);
    let nasty = "</desc><script>alert(1)</script> & \"x\" 'y' \u{1}";
    let text = svg::to_svg(&scene, &Theme::DARK, 1.0, "A <b>title</b> & more", nasty);
    assert!(!text.contains("<script>"), "markup in the description stays text");
    let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("does not parse: {e}\n{text}"));
    let desc = doc.descendants().find(|n| n.has_tag_name("desc")).unwrap();
    assert_eq!(desc.text(), Some("</desc><script>alert(1)</script> & \"x\" 'y' "), "control characters dropped");
    let title = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(title.text(), Some("A <b>title</b> & more"));
    // Dark theme: the background rectangle has the dark colour.
    let bg = Theme::DARK.background;
    let hex = format!("#{:02x}{:02x}{:02x}", bg.0, bg.1, bg.2);
    let first_rect = doc.descendants().find(|n| n.has_tag_name("rect")).unwrap();
    assert_eq!(first_rect.attribute("fill"), Some(hex.as_str()), "the dark background comes first");
    assert_eq!(first_rect.attribute("width"), doc.root_element().attribute("width"), "and covers the chart");
    // Empty title and description: no empty elements.
    let bare = svg::to_svg(&scene, &Theme::LIGHT, 1.0, "", " ");
    assert!(!bare.contains("<title>") && !bare.contains("<desc>"), "no empty <title>/<desc>");
}
