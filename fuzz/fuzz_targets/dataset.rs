//! `Dataset::from_json` on arbitrary bytes, read as UTF-8 (lossily, so every input is
//! text). It must never panic, overflow the stack or hang; what it accepts must be
//! consistent: spans mark their quotes, a serde round trip gives the same dataset, and
//! every view builds and lays out.
#![no_main]

use indicator_chart::format::Locale;
use indicator_chart::layout::{self, ApproxMeasure, Frame};
use indicator_chart::model::Dataset;
use indicator_chart::view::{self, ViewKind, ViewOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(ds) = Dataset::from_json(&text) else { return };

    let chars: Vec<char> = ds.source.text.chars().collect();
    for ind in &ds.indicators {
        if let Some([s, e]) = ind.span {
            assert!(s < e && e <= chars.len(), "span [{s}, {e}] outside the text ({} chars)", chars.len());
            let marked: String = chars[s..e].iter().collect();
            assert_eq!(marked, ind.quote, "the span does not mark the quote");
        } else {
            assert!(ds.source.text.is_empty(), "a span is missing although the text is not empty");
        }
        for side in [0, 1, 60] {
            let _ = ds.sentence(ind, side);
        }
        let _ = ds.top_section(&ind.section);
        assert!(ind.value.is_finite(), "a non-finite value was accepted");
    }

    // What was accepted survives a round trip unchanged.
    let again = serde_json::to_string(&ds).expect("a validated dataset serializes");
    let back = Dataset::from_json(&again).unwrap_or_else(|e| panic!("a validated dataset, serialized, is refused: {e}"));
    assert_eq!(back, ds, "round trip changed the dataset");

    // Every view builds (or refuses with a message) and lays out.
    for kind in ViewKind::ALL {
        for locale in [Locale::Zh, Locale::En] {
            let opts = ViewOptions { kind, ..ViewOptions::default() };
            if let Ok(spec) = view::build(&ds, &opts, locale) {
                let scene = layout::layout(&spec, Frame { width: 640.0, height: None, dpr: 2.0 }, locale, &ApproxMeasure);
                let _ = scene.hit_test(320.0, 60.0);
            }
        }
    }
});
