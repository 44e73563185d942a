//! A structured dataset built from fuzz input — any labels (bidi controls, zero-width and
//! control characters, long text), any finite or non-finite values, section trees with
//! cycles, repeats — then every view and option, laid out at a fuzzed width, height and
//! device-pixel ratio (within what the browser shell passes), painted to SVG, hit-tested
//! at fuzzed points, tooltips placed, CSV exported. Nothing may panic or hang, and hits
//! must be consistent with the rows.
#![no_main]

use arbitrary::Arbitrary;
use indicator_chart::export;
use indicator_chart::format::Locale;
use indicator_chart::layout::{self, ApproxMeasure, Frame};
use indicator_chart::model::{Dataset, Indicator, Kind, RawDataset, Section, Source};
use indicator_chart::render::{self, Theme};
use indicator_chart::view::{self, Scale, Sort, ViewKind, ViewOptions};
use libfuzzer_sys::fuzz_target;
use plotters::prelude::*;

#[derive(Arbitrary, Debug)]
struct Ind {
    section: u8,
    label: String,
    label_en: String,
    value: f64,
    unit: u8,
    kind: u8,
    approx: bool,
    repeat_of: Option<u8>,
    of: Option<u8>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    width: u16,
    height: Option<u16>,
    dpr: u8,
    view: u8,
    section: Option<u8>,
    sort_value: bool,
    scale: u8,
    en: bool,
    dark: bool,
    with_text: bool,
    sections: Vec<(Option<u8>, String, String)>,
    indicators: Vec<Ind>,
    points: Vec<(i16, i16)>,
    paint: bool,
}

const UNITS: [&str; 10] = ["%", "起", "人", "元", "个", "名次", "万元", "", "<b>", "\u{202e}x"];

fuzz_target!(|input: Input| {
    if input.indicators.len() > 400 || input.sections.len() > 40 {
        return;
    }
    let nsec = input.sections.len().max(1);
    let mut sections: Vec<Section> = input
        .sections
        .iter()
        .enumerate()
        .map(|(i, (parent, title, title_en))| Section {
            id: format!("s{i}"),
            title: title.clone(),
            title_en: title_en.clone(),
            parent: parent.map(|p| format!("s{}", p as usize % nsec)),
        })
        .collect();
    if sections.is_empty() {
        sections.push(Section { id: "s0".into(), title: "总述".into(), title_en: String::new(), parent: None });
    }
    let n = input.indicators.len();
    let mut text = String::new();
    let indicators: Vec<Indicator> = input
        .indicators
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let quote = format!("{}{}{}", x.label, x.value, UNITS[x.unit as usize % UNITS.len()]);
            if input.with_text {
                text.push_str(&quote);
                text.push('。');
            }
            Indicator {
                id: format!("i{i}"),
                section: format!("s{}", x.section as usize % nsec),
                label: x.label.clone(),
                label_en: x.label_en.clone(),
                value: x.value,
                unit: UNITS[x.unit as usize % UNITS.len()].to_string(),
                kind: Kind::ALL[x.kind as usize % Kind::ALL.len()],
                approx: x.approx,
                quote,
                span: None,
                repeat_of: x.repeat_of.map(|r| format!("i{}", r as usize % n.max(1))),
                of: x.of.map(|r| format!("i{}", r as usize % n.max(1))),
            }
        })
        .collect();
    let raw = RawDataset {
        title: "fuzz".into(),
        source: Source { title: "fuzz".into(), year: 2022, text },
        sections,
        indicators,
    };
    let Ok(ds) = raw.validated() else { return };

    // What the browser shell passes: width ≥ 1, a fixed height of 40..100000 or none,
    // a device-pixel ratio in (0, 8].
    let width = 1.0 + (input.width % 4096) as f64;
    let height = input.height.map(|h| 40.0 + (h % 8000) as f64);
    let dpr = 0.25 + (input.dpr % 32) as f64 / 4.0;
    let locale = if input.en { Locale::En } else { Locale::Zh };
    let opts = ViewOptions {
        kind: ViewKind::ALL[input.view as usize % ViewKind::ALL.len()],
        section: input.section.map(|s| format!("s{}", s as usize % nsec)),
        sort: if input.sort_value { Sort::Value } else { Sort::Report },
        scale: [Scale::Auto, Scale::Linear, Scale::Log][input.scale as usize % 3],
    };
    let Ok(spec) = view::build(&ds, &opts, locale) else { return };
    let _ = export::csv(&ds, &spec, locale);
    let scene = layout::layout(&spec, Frame { width, height, dpr }, locale, &ApproxMeasure);
    assert!(scene.width.is_finite() && scene.height.is_finite(), "scene size {}x{}", scene.width, scene.height);
    let rows = spec.row_count();
    let hits = scene.hit_count();
    assert!(hits <= rows, "{hits} hits for {rows} rows");
    for &(x, y) in input.points.iter().take(16) {
        let (x, y) = (x as f64 / 4.0, y as f64 / 4.0);
        if let Some(h) = scene.hit_test(x, y) {
            assert!(h < hits, "hit {h} of {hits}");
            let hit = scene.hit(h).expect("a hit index from hit_test has a hit");
            assert!(hit.row < rows, "row {} of {rows}", hit.row);
            let _ = scene.hit_for_row(hit.row);
            let _ = layout::place_tooltip(hit.anchor, (200.0, 120.0), (scene.width, scene.height));
        }
    }
    for i in [0, hits / 2, hits.saturating_sub(1), hits] {
        let _ = scene.hit(i);
    }
    if input.paint {
        let (w, h) = ((scene.width * dpr).round().clamp(1.0, 16384.0) as u32, (scene.height.max(1.0) * dpr).round().clamp(1.0, 16384.0) as u32);
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
            let theme = if input.dark { Theme::DARK } else { Theme::LIGHT };
            let _ = render::paint(&area, &scene, &theme, dpr);
            if hits > 0 {
                let _ = render::paint_highlight(&area, &scene, hits / 2, &theme, dpr);
            }
        }
    }
});
