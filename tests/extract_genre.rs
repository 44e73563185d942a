//! How well the extractor does on prose it was not written against.
//!
//! * `genre_paragraphs`: paragraphs in the style of other reports (a statistics
//!   bulletin, a government work report, fire, traffic police, market regulation, court,
//!   procuratorate, environment, emergency management, education, health, tax, civil
//!   affairs, transport, a PDF-converted bulletin with full-width digits, a justice
//!   bureau) in `tests/fixtures/genre/NN-name.txt`, each with the figures it states
//!   written down by hand in `NN-name.expected.json`. A match is the same value, unit
//!   and kind and a label that overlaps; recall and precision over all paragraphs must
//!   both pass 0.9.
//! * `report_dataset`: the hand-built dataset of the 2022 report
//!   (`www/data/report-2022.json`): every figure there must be found — same value, unit
//!   and kind, and a quote span that overlaps.
//!
//! Run with `--nocapture` to see the figures and the misses.

#![allow(clippy::disallowed_methods)] // clippy.toml keeps these out of the wasm; tests are native
use indicator_chart::extract::{extract, labels_overlap, scan, ExtractOptions};
use indicator_chart::model::{Dataset, Kind};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
struct Expected {
    label: String,
    value: f64,
    unit: String,
    kind: Kind,
    approx: bool,
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn fixtures() -> Vec<(PathBuf, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/genre");
    let mut out: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let exp = p.with_extension("expected.json");
            (p, exp)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn genre_paragraphs() {
    let files = fixtures();
    assert!(files.len() >= 12, "expected at least 12 genre paragraphs, found {}", files.len());
    let (mut expected_n, mut found_n, mut matched_n, mut approx_agree) = (0usize, 0usize, 0usize, 0usize);
    for (txt, exp) in &files {
        let text = std::fs::read_to_string(txt).unwrap_or_else(|e| panic!("{}: {e}", txt.display()));
        let expected: Vec<Expected> =
            serde_json::from_str(&std::fs::read_to_string(exp).unwrap_or_else(|e| panic!("{}: {e}", exp.display())))
                .unwrap_or_else(|e| panic!("{}: {e}", exp.display()));
        // Through the public entry point, so every paragraph also yields a valid dataset.
        let ds = extract(&text, &ExtractOptions::default()).unwrap_or_else(|e| panic!("{}: {e}", txt.display()));
        let got = ds.indicators();
        let mut used = vec![false; got.len()];
        let name = txt.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
        let mut misses = Vec::new();
        for e in &expected {
            let hit = got.iter().enumerate().position(|(k, g)| {
                !used[k]
                    && same_value(g.value, e.value)
                    && g.unit == e.unit
                    && g.kind == e.kind
                    && labels_overlap(&g.label, &e.label)
            });
            match hit {
                Some(k) => {
                    used[k] = true;
                    matched_n += 1;
                    if got[k].approx == e.approx {
                        approx_agree += 1;
                    } else {
                        println!("  {name}: approx differs for {} {}{}", e.label, e.value, e.unit);
                    }
                }
                None => misses.push(format!("{} = {} {} ({:?})", e.label, e.value, e.unit, e.kind)),
            }
        }
        let extras: Vec<String> = got
            .iter()
            .zip(&used)
            .filter(|(_, u)| !**u)
            .map(|(g, _)| format!("{} = {} {} ({:?}) «{}»", g.label, g.value, g.unit, g.kind, g.quote))
            .collect();
        println!(
            "{name}: {}/{} expected found, {} extracted",
            expected.len() - misses.len(),
            expected.len(),
            got.len()
        );
        for m in &misses {
            println!("  missed: {m}");
        }
        for x in &extras {
            println!("  extra:  {x}");
        }
        expected_n += expected.len();
        found_n += got.len();
    }
    let recall = matched_n as f64 / expected_n.max(1) as f64;
    let precision = matched_n as f64 / found_n.max(1) as f64;
    println!(
        "GENRE: {} paragraphs, {expected_n} expected, {found_n} extracted, {matched_n} matched: recall {:.3}, precision {:.3}; approx agrees on {approx_agree}/{matched_n}",
        files.len(),
        recall,
        precision
    );
    assert!(recall > 0.9, "recall {recall:.3} ≤ 0.9");
    assert!(precision > 0.9, "precision {precision:.3} ≤ 0.9");
}

#[test]
fn report_dataset() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("www/data/report-2022.json");
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the hand-built dataset {} is missing or unreadable ({e}); this test compares the extractor with it",
            path.display()
        )
    });
    let target = Dataset::from_json(&json).unwrap_or_else(|e| panic!("{} does not validate: {e}", path.display()));
    let text = &target.source().text;
    let got = scan(text, &ExtractOptions::default()).indicators;
    let mut used = vec![false; got.len()];
    let mut misses = Vec::new();
    let overlaps = |a: [usize; 2], b: [usize; 2]| a[0] < b[1] && b[0] < a[1];
    for t in target.indicators() {
        let Some(ts) = t.span else { panic!("{}: validated dataset without a span", t.id) };
        let hit = got.iter().enumerate().position(|(k, g)| {
            !used[k]
                && same_value(g.value, t.value)
                && g.unit == t.unit
                && g.kind == t.kind
                && g.span.is_some_and(|gs| overlaps(gs, ts))
        });
        match hit {
            Some(k) => used[k] = true,
            None => misses.push(format!("{} «{}» = {} {} ({:?})", t.id, t.quote, t.value, t.unit, t.kind)),
        }
    }
    let matched = target.indicators().len() - misses.len();
    let extras: Vec<String> = got
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(g, _)| format!("{} «{}» = {} {} ({:?})", g.id, g.quote, g.value, g.unit, g.kind))
        .collect();
    for m in &misses {
        println!("  missed: {m}");
    }
    for x in &extras {
        println!("  extra:  {x}");
    }
    let recall = matched as f64 / target.indicators().len().max(1) as f64;
    let precision = matched as f64 / got.len().max(1) as f64;
    println!(
        "REPORT: {} in the dataset, {} extracted, {matched} matched: recall {recall:.3}, precision {precision:.3}",
        target.indicators().len(),
        got.len()
    );
    // Repeats: the dataset's repeat_of pairs should be found as repeats too.
    let repeats = target.indicators().iter().filter(|t| t.repeat_of.is_some()).count();
    let got_repeats = got.iter().filter(|g| g.repeat_of.is_some()).count();
    println!("REPORT: repeats in the dataset {repeats}, marked by the extractor {got_repeats}");
    assert!(misses.is_empty(), "{} figures of the dataset not found:\n{}", misses.len(), misses.join("\n"));
    assert!(precision > 0.9, "precision {precision:.3} ≤ 0.9");
}
