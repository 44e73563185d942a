//! Regression inputs found by fuzzing (`fuzz/`, run by `./build.sh soak`): each crash,
//! hang or broken invariant a fuzz target found, as a plain native test. Each test runs
//! its input on a thread with a deadline, so a hang fails the test instead of stalling
//! the run.

use indicator_chart::format::Locale;
use indicator_chart::layout::{self, ApproxMeasure, Frame};
use indicator_chart::model::{Dataset, Indicator, Kind, RawDataset, Section, Source};
use indicator_chart::view::{self, Scale, ViewKind, ViewOptions};
use std::sync::mpsc;
use std::time::Duration;

/// Runs `f` on its own thread; fails if it panics or takes longer than `limit`.
#[track_caller]
fn within<T: Send + 'static>(limit: Duration, what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            let _ = tx.send(f());
        })
        .expect("spawn");
    match rx.recv_timeout(limit) {
        Ok(v) => v,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what}: still running after {limit:?} (a hang)"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{what}: panicked"),
    }
}

fn indicator(id: &str, section: &str, value: f64, kind: Kind, unit: &str) -> Indicator {
    Indicator {
        id: id.into(),
        section: section.into(),
        label: format!("{id} label"),
        label_en: String::new(),
        value,
        unit: unit.into(),
        kind,
        approx: false,
        quote: "q".into(),
        span: None,
        repeat_of: None,
        of: None,
    }
}

fn dataset(indicators: Vec<Indicator>) -> Dataset {
    RawDataset {
        title: "regression".into(),
        source: Source { title: "regression".into(), year: 2022, text: String::new() },
        sections: vec![Section { id: "s0".into(), title: "总述".into(), title_en: String::new(), parent: None }],
        indicators,
    }
    .validated()
    .expect("the regression dataset is valid")
}

/// Found by the `view` fuzz target (timeout after 11 s): one count of 8e-323 (a subnormal
/// double) in the section view on a log scale. The log axis starts a decade below the
/// smallest value: 10^-323 / 10 underflows to 0, log10(0) = -inf, and the tick loop
/// `0..=decades` runs to i32::MAX. In the browser the same dataset (a money figure of
/// 8e-323 next to real amounts, money view, scale 'auto') freezes the page for ~5.6 s on
/// every render. Expected: a finite axis, at once.
#[test]
fn log_axis_with_a_subnormal_minimum_does_not_loop_for_ever() {
    for (what, values, kind, view, scale) in [
        // The fuzz input: width 65508 and dpr byte 0 map to 4069 px at dpr 0.25.
        (
            "fuzz input: one count of 8e-323, section view, log scale",
            vec![8e-323],
            Kind::Count,
            ViewKind::Section,
            Scale::Log,
        ),
        (
            "money 2e-323 next to 1.4e8, money view, scale auto",
            vec![2e-323, 1.4e8],
            Kind::Money,
            ViewKind::Money,
            Scale::Auto,
        ),
    ] {
        let inds = values
            .iter()
            .enumerate()
            .map(|(i, v)| indicator(&format!("i{i}"), "s0", *v, kind, if kind == Kind::Money { "元" } else { "%" }))
            .collect();
        let ds = dataset(inds);
        let scene = within(Duration::from_secs(3), what, move || {
            let opts = ViewOptions { kind: view, section: Some("s0".into()), scale, ..ViewOptions::default() };
            let spec = view::build(&ds, &opts, Locale::En).expect("the view builds");
            layout::layout(&spec, Frame { width: 4069.0, height: None, dpr: 0.25 }, Locale::En, &ApproxMeasure)
        });
        assert!(scene.width.is_finite() && scene.height.is_finite(), "{what}: a finite scene");
        assert_eq!(scene.hit_count(), values.len(), "{what}: every row is shown");
    }
}

/// The dataset loader on every input the hostile-data browser test uses as JSON text
/// (www/test/hostile/cases.mjs builds them in the browser; these are the ones that do not
/// need the shipped dataset): refused or loaded, never a panic, a hang or a stack overflow.
#[test]
fn hostile_json_texts_never_panic() {
    let deep_list = format!("{}1{}", "[".repeat(10_000), "]".repeat(10_000));
    let deep_obj = format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
    let inputs: Vec<String> = vec![
        String::new(),
        " \n\t\r ".into(),
        "\u{feff}".into(),
        "\u{feff}\u{feff}{}".into(),
        "{'title': 'x'}".into(),
        "<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>".into(),
        "hello".into(),
        "42".into(),
        "true".into(),
        "null".into(),
        "[]".into(),
        "{}".into(),
        "\"\\ud800\"".into(),
        "{\"title\":\"\\ud800\"}".into(),
        "{\"title\":1e400}".into(),
        "{\"title\":-0}".into(),
        deep_list.clone(),
        format!("{{\"title\": {deep_list}}}"),
        format!("{{\"extra\": {deep_obj}, \"title\": \"t\"}}"),
        "{\"title\":\"t\",\"title\":\"u\"}".into(),
        "{\"title\":\"t\",\"source\":{\"title\":\"s\",\"year\":2022,\"text\":\"\"},\"sections\":[],\"indicators\":[{\"id\":\"a\",\"section\":\"x\",\"label\":\"l\",\"value\":NaN,\"unit\":\"%\",\"kind\":\"count\",\"quote\":\"q\"}]}".into(),
        "{\"title\":\"t\",\"source\":{\"title\":\"s\",\"year\":2022,\"text\":\"q\"},\"sections\":[{\"id\":\"s\",\"title\":\"S\"}],\"indicators\":[{\"id\":\"a\",\"section\":\"s\",\"label\":\"l\",\"value\":1,\"unit\":\"%\",\"kind\":\"count\",\"quote\":\"q\",\"span\":[4000000000,4000000001]}]}".into(),
        "{\"title\":\"t\",\"source\":{\"title\":\"s\",\"year\":2022,\"text\":\"q\"},\"sections\":[{\"id\":\"s\",\"title\":\"S\",\"parent\":\"s\"}],\"indicators\":[{\"id\":\"a\",\"section\":\"s\",\"label\":\"l\",\"value\":8e-323,\"unit\":\"元\",\"kind\":\"money\",\"quote\":\"q\",\"repeat_of\":\"a\"}]}".into(),
    ];
    within(Duration::from_secs(20), "hostile JSON texts", move || {
        for text in &inputs {
            match Dataset::from_json(text) {
                Ok(ds) => {
                    for ind in ds.indicators() {
                        let _ = ds.sentence(ind, 60);
                        let _ = ds.top_section(&ind.section);
                    }
                }
                Err(e) => assert!(!e.to_string().is_empty(), "an empty message for {:?}", &text[..text.len().min(60)]),
            }
        }
    });
}
