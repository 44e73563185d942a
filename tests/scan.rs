//! The wasm build's JSON text check (`check_json_text`, no serde) against the native
//! reader (`Dataset::from_json`, serde_json): the same syntax errors, at the same line and
//! column, in the same field; the same duplicate-field and out-of-range refusals; and no
//! refusal of text serde_json reads.

use indicator_chart::model::{check_json_text, Dataset};

const REPORT_JSON: &str = include_str!("../www/data/report-2022.json");

/// The compact form of the shipped dataset, `"value":-11.8` first (as the browser tests).
fn compact() -> String {
    let v: serde_json::Value = serde_json::from_str(REPORT_JSON).expect("shipped dataset");
    serde_json::to_string(&v).expect("writes")
}

/// Texts serde refuses for their syntax, duplicates or ranges, each spliced into the
/// shipped dataset.
fn broken() -> Vec<(String, String)> {
    let c = compact();
    let first_kind = c.find("\"kind\":").expect("a kind");
    let kind_end = first_kind + c[first_kind..].find(',').expect("comma");
    let with = |from: &str, to: &str| c.replacen(from, to, 1);
    let cases = vec![
        ("stray comma".into(), format!("{},{}", &c[..kind_end + 1], &c[kind_end + 1..])),
        ("truncated".into(), c[..c.len() / 2].to_string()),
        ("truncated in a string".into(), c[..c.find("刑事").expect("label") + 3].to_string()),
        ("NaN literal".into(), with("\"value\":-11.8", "\"value\":NaN")),
        ("Infinity".into(), with("\"value\":-11.8", "\"value\":Infinity")),
        ("1e400".into(), with("\"value\":-11.8", "\"value\":1e400")),
        ("-2e308".into(), with("\"value\":-11.8", "\"value\":-2e308")),
        ("trailing".into(), format!("{c}\n}}}}")),
        ("lone surrogate".into(), with("\"label\":\"刑事立案数\"", "\"label\":\"\\ud800\"")),
        ("lone trailing surrogate".into(), with("\"label\":\"刑事立案数\"", "\"label\":\"x\\udc00\"")),
        ("duplicate title".into(), with("\"title\":\"2022年市", "\"title\":\"first\",\"title\":\"2022年市")),
        ("duplicate value".into(), with("\"value\":-11.8", "\"value\":1,\"value\":-11.8")),
        ("single quotes".into(), "{'title': 'x'}".into()),
        ("missing colon".into(), with("\"value\":-11.8", "\"value\" -11.8")),
        ("missing comma".into(), with("\"unit\":\"%\",\"value\":-11.8", "\"unit\":\"%\" \"value\":-11.8")),
        ("trailing comma".into(), with("\"value\":-11.8}", "\"value\":-11.8,}")),
        ("leading zero".into(), with("\"value\":-11.8", "\"value\":011")),
        ("bad escape".into(), with("\"label\":\"刑事立案数\"", "\"label\":\"\\x\"")),
        ("raw tab in a string".into(), with("\"label\":\"刑事立案数\"", "\"label\":\"a\tb\"")),
        ("bad literal".into(), with("\"value\":-11.8", "\"value\":nul")),
        ("multi-line".into(), "{\"title\": \"t\",\n \"source\": {\"title\": \"s\",, \"year\": 2022}}".into()),
    ];
    for (name, text) in &cases {
        assert!(text != &c, "{name}: the splice changed nothing");
    }
    cases
}

/// `(line, column)` of a message ending in "(line L, column C)".
fn where_of(msg: &str) -> Option<(usize, usize)> {
    let at = msg.rfind("(line ")?;
    let rest = &msg[at + 6..];
    let (l, rest) = rest.split_once(", column ")?;
    let c = rest.split(')').next()?;
    Some((l.parse().ok()?, c.parse().ok()?))
}

#[test]
fn the_scanner_refuses_what_serde_refuses_at_the_same_place() {
    for (name, text) in broken() {
        let Err(serde) = Dataset::from_json(&text) else { panic!("{name}: serde reads it") };
        let Err(scan) = check_json_text(&text) else { panic!("{name}: the scanner takes it") };
        if name.starts_with("duplicate") {
            // serde names the record; the scanner the field in it, too.
            assert!(
                scan.path.starts_with(&serde.path) && scan.path.len() > serde.path.len(),
                "{name}: {scan} | {serde}"
            );
            assert_eq!(scan.message, serde.message, "{name}");
            continue;
        }
        assert_eq!(scan.path, serde.path, "{name}: the same field ({scan} | {serde})");
        assert_eq!(where_of(&scan.message), where_of(&serde.message), "{name}: the same place ({scan} | {serde})");
        let head = |m: &str| m.split(':').next().unwrap_or("").to_string();
        assert_eq!(head(&scan.message), head(&serde.message), "{name}: the same kind of refusal ({scan} | {serde})");
        assert!(!scan.message.contains('`'), "{name}: no backticks in {scan}");
    }
}

#[test]
fn the_scanner_takes_what_serde_reads() {
    let c = compact();
    for text in [
        c.clone(),
        REPORT_JSON.to_string(),
        format!("\u{feff}{c}"),
        c.replacen(
            '{',
            "{\"extra\":{\"title\":1,\"title\":2,\"x\":[1e308,-0,0.5e-400,\"\\ud83d\\ude00\\n\\u0000\"]},",
            1,
        ),
        c.replacen("\"value\":-11.8", "\"value\":1.7976931348623157e308", 1),
        // serde_json skips an unknown field without a recursion limit, and so does the scanner.
        c.replacen('{', &format!("{{\"extra\":{}1{},", "[{\"a\":".repeat(20_000), "}]".repeat(20_000)), 1),
    ] {
        if let Err(e) = Dataset::from_json(&text) {
            // Past the syntax: validation's refusal (1.79e308 is too large to chart).
            assert!(
                !e.message.contains("not valid JSON") && !e.message.contains("out of range"),
                "serde reads it: {e}"
            );
        }
        assert!(check_json_text(&text).is_ok(), "{:?}", check_json_text(&text).err());
    }
}

#[test]
fn the_scanner_says_the_same_as_serde_before_any_json() {
    for text in ["", " \n", "\u{feff}", "[1]", "42", "true", "null", "\"x\"", "hello", "\n<!doctype html>"] {
        let Err(serde) = Dataset::from_json(text) else { panic!("{text:?}: serde reads it") };
        let Err(scan) = check_json_text(text) else { panic!("{text:?}: the scanner takes it") };
        assert_eq!(scan, serde, "{text:?}");
    }
}
