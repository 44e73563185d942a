//! The shipped dataset is generated, not hand-edited: `www/data/report-2022.json` must be
//! byte for byte what the extractor plus the reviewed `data/overrides.json` make of
//! `data/report-2022.txt` (what `./build.sh dataset` writes). This runs the library, not
//! the CLI, so it needs no binary built.

use indicator_chart::extract::{apply_overrides, extract, ExtractOptions, Overrides};
use serde_json::Value;
use std::path::Path;

const FIX: &str = "run ./build.sh dataset to regenerate it (and review the diff), or fix data/overrides.json";

fn read(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// What `./build.sh dataset` writes.
fn generated() -> String {
    let text = read("data/report-2022.txt");
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let ds =
        extract(text, &ExtractOptions::default()).unwrap_or_else(|e| panic!("extracting data/report-2022.txt: {e}"));
    let ov = Overrides::from_json(&read("data/overrides.json")).unwrap_or_else(|e| panic!("data/overrides.json: {e}"));
    let ds = apply_overrides(ds, &ov).unwrap_or_else(|e| panic!("data/overrides.json: {e}"));
    ds.to_json_pretty().unwrap_or_else(|e| panic!("serializing the dataset: {e}"))
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 120 {
        format!("{}… ({} chars)", s.chars().take(120).collect::<String>(), s.chars().count())
    } else {
        s
    }
}

/// The first place where two JSON values differ, as "path: committed … generated …".
/// Array elements that have an `id` are named by it (`indicators[12] (criminal-cases-yoy).quote`).
fn first_difference(path: &str, committed: &Value, generated: &Value) -> Option<String> {
    match (committed, generated) {
        (Value::Object(a), Value::Object(b)) => {
            // Fields in the generated order (the struct's), then any the committed file adds.
            for (k, gv) in b {
                let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                match a.get(k) {
                    None => return Some(format!("{p}: missing in the committed file; generated {}", short(gv))),
                    Some(cv) => {
                        if let Some(d) = first_difference(&p, cv, gv) {
                            return Some(d);
                        }
                    }
                }
            }
            a.iter().find(|(k, _)| !b.contains_key(*k)).map(|(k, cv)| {
                let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                format!("{p}: in the committed file ({}) but not generated", short(cv))
            })
        }
        (Value::Array(a), Value::Array(b)) => {
            for (i, (cv, gv)) in a.iter().zip(b).enumerate() {
                let id = gv.get("id").or_else(|| cv.get("id")).and_then(Value::as_str);
                let p = match id {
                    Some(id) => format!("{path}[{i}] ({id})"),
                    None => format!("{path}[{i}]"),
                };
                if let Some(d) = first_difference(&p, cv, gv) {
                    return Some(d);
                }
            }
            (a.len() != b.len()).then(|| {
                let (n, extra, which) = if a.len() > b.len() {
                    (b.len(), &a[b.len()], "the committed file has more")
                } else {
                    (a.len(), &b[a.len()], "the generated dataset has more")
                };
                format!(
                    "{path}: {} committed, {} generated; {which}, starting at [{n}]: {}",
                    a.len(),
                    b.len(),
                    short(extra)
                )
            })
        }
        (a, b) if a == b => None,
        (a, b) => Some(format!("{path}: committed {} but generated {}", short(a), short(b))),
    }
}

#[test]
fn committed_dataset_is_the_generated_one() {
    let committed = read("www/data/report-2022.json");
    let generated = generated();
    if committed == generated {
        return;
    }
    let where_ = match serde_json::from_str::<Value>(&committed) {
        Err(e) => format!("the committed file is not valid JSON ({e})"),
        Ok(c) => {
            let g: Value = serde_json::from_str(&generated).expect("generated JSON parses");
            match first_difference("", &c, &g) {
                Some(d) => format!("first difference: {d}"),
                None => {
                    // Same content, other bytes: name the first line that differs.
                    let (n, (cl, gl)) = committed
                        .split('\n')
                        .zip(generated.split('\n'))
                        .enumerate()
                        .find(|(_, (c, g))| c != g)
                        .unwrap_or((
                            committed.split('\n').count().min(generated.split('\n').count()),
                            ("<end of file>", "<end of file>"),
                        ));
                    format!(
                        "same content, different formatting; first at line {}:\n  committed: {cl:?}\n  generated: {gl:?}",
                        n + 1
                    )
                }
            }
        }
    };
    panic!("www/data/report-2022.json is not what the extractor + data/overrides.json produce.\n{where_}\n{FIX}");
}

#[test]
fn serialization_is_stable_and_plain() {
    let json = generated();
    assert!(json.ends_with("}\n") && !json.ends_with("\n\n"), "one trailing newline");
    assert!(!json.contains("\\u"), "no \\u escapes: the JSON is UTF-8");
    assert!(json.contains("\"value\": 80000,"), "whole numbers without .0 (8万余人次 → 80000)");
    assert!(json.contains("\"value\": -11.8,"), "fractions stay as they are");
    assert!(!json.contains(".0,\n"), "no value is written as N.0");
    assert!(json.contains("\"span\": [98, 114]"), "spans on one line");
    assert_eq!(json, generated(), "the same input gives the same bytes");
}
