//! Times the pure core (validation, view, layout) on N synthetic bars, natively.
//! `cargo run --release --example perf_core -- 100000`
use indicator_chart::format::Locale;
use indicator_chart::layout::{layout, ApproxMeasure, Frame};
use indicator_chart::model::{Indicator, Kind, RawDataset, Section, Source};
use indicator_chart::view::{build, Scale, ViewKind, ViewOptions};
use std::time::Instant;

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let mut x: u64 = 12345;
    let indicators = (0..n)
        .map(|i| {
            x = (x * 1103515245 + 12345) % 2147483648;
            Indicator {
                id: format!("b{i}"),
                section: "bench".into(),
                label: format!("指标{i}"),
                label_en: format!("Item {i}"),
                value: (1 + x % 1000) as f64,
                unit: "个".into(),
                kind: Kind::Count,
                approx: false,
                quote: "q".into(),
                span: None,
                repeat_of: None,
                of: None,
            }
        })
        .collect();
    let ds = RawDataset {
        title: "b".into(),
        source: Source { title: "b".into(), year: 2022, text: String::new() },
        sections: vec![Section { id: "bench".into(), title: "Bench".into(), title_en: String::new(), parent: None }],
        indicators,
    };
    let t = Instant::now();
    let ds = ds.validated().expect("valid");
    let t_valid = t.elapsed();
    let opts = ViewOptions {
        kind: ViewKind::Section,
        section: Some("bench".into()),
        scale: Scale::Linear,
        ..Default::default()
    };
    let t = Instant::now();
    let spec = build(&ds, &opts, Locale::Zh).expect("view");
    let t_view = t.elapsed();
    let t = Instant::now();
    let scene = layout(&spec, Frame { width: 1200.0, height: Some(600.0), dpr: 2.0 }, Locale::Zh, &ApproxMeasure);
    let t_layout = t.elapsed();
    println!(
        "n={n} validate {:?} view {:?} layout {:?} paints {} hits {}",
        t_valid,
        t_view,
        t_layout,
        scene.paints.len(),
        scene.hit_count()
    );
}
