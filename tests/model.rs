//! Validation of untrusted dataset JSON (`Dataset::from_json`): every refusal names the
//! record and field at fault (`indicators[i].field`) and says what is wrong in a
//! reader's words; nothing panics or overflows the stack on hostile input.

#![allow(clippy::disallowed_methods)] // clippy.toml keeps these out of the wasm; tests are native
use indicator_chart::model::{DataError, Dataset, Kind};
use proptest::prelude::*;
use serde_json::{json, Value};

const REPORT_JSON: &str = include_str!("../www/data/report-2022.json");

/// The report text of the small test dataset: every quote below is in it.
const TEXT: &str = "2022年,刑事立案数同比下降11.8%,破获案件1035起,化解率达99.4%。";

/// A small valid dataset: a year-over-year change, a count and a rate.
fn base() -> Value {
    json!({
        "title": "测试数据",
        "source": { "title": "测试报告", "year": 2022, "text": TEXT },
        "sections": [
            { "id": "intro", "title": "总述", "title_en": "Overview" },
            { "id": "s1", "title": "第一部分" },
            { "id": "s1-1", "title": "第一小节", "parent": "s1" }
        ],
        "indicators": [
            { "id": "criminal-yoy", "section": "intro", "label": "刑事立案数", "label_en": "Criminal cases",
              "value": -11.8, "unit": "%", "kind": "yoy_change", "quote": "同比下降11.8%" },
            { "id": "cases", "section": "s1", "label": "破获案件", "value": 1035, "unit": "起",
              "kind": "count", "quote": "破获案件1035起" },
            { "id": "rate", "section": "s1-1", "label": "化解率", "value": 99.4, "unit": "%",
              "kind": "percent", "quote": "化解率达99.4%" }
        ]
    })
}

fn load(v: &Value) -> Result<Dataset, DataError> {
    Dataset::from_json(&serde_json::to_string_pretty(v).unwrap())
}

#[track_caller]
fn refused(v: &Value) -> DataError {
    match load(v) {
        Ok(_) => {
            panic!("expected the dataset to be refused, but it loaded:\n{}", serde_json::to_string_pretty(v).unwrap())
        }
        Err(e) => e,
    }
}

#[track_caller]
fn refused_text(text: &str) -> DataError {
    match Dataset::from_json(text) {
        Ok(_) => panic!("expected {:?}… to be refused, but it loaded", text.chars().take(80).collect::<String>()),
        Err(e) => e,
    }
}

#[track_caller]
fn assert_error(e: &DataError, path: &str, message: &str) {
    assert_eq!(e.path, path, "error path differs (message was {:?})", e.message);
    assert_eq!(e.message, message, "error message differs (path was {:?})", e.path);
    let display = e.to_string();
    let expected = if path.is_empty() { message.to_string() } else { format!("{path}: {message}") };
    assert_eq!(display, expected, "Display of the error differs");
}

#[test]
fn base_dataset_is_valid_and_spans_are_filled_in_chars() {
    let ds = load(&base()).unwrap_or_else(|e| panic!("the base test dataset must load, got: {e}"));
    assert_eq!(ds.indicators().len(), 3);
    for ind in ds.indicators() {
        let [s, e] = ind.span.unwrap_or_else(|| panic!("{}: span was not filled in", ind.id));
        let marked: String = TEXT.chars().skip(s).take(e - s).collect();
        assert_eq!(marked, ind.quote, "{}: span [{s}, {e}] (in chars) does not mark the quote", ind.id);
    }
    // "2022年," is 6 chars but 8 bytes: a byte offset would be wrong here.
    assert_eq!(ds.indicators()[0].span, Some([11, 20]), "span of the first quote, counted in chars");
    assert_eq!(ds.indicators()[0].kind, Kind::YoyChange);
}

#[test]
fn shipped_report_dataset_loads() {
    let ds = Dataset::from_json(REPORT_JSON).unwrap_or_else(|e| panic!("www/data/report-2022.json must load: {e}"));
    assert_eq!(ds.indicators().len(), 109, "records in the shipped dataset (one is a repeat)");
    assert_eq!(ds.distinct().count(), 108, "distinct indicators in the shipped dataset");
}

#[test]
fn malformed_json_says_not_valid_json_with_line_and_column() {
    let e = refused_text("{\"title\": \"t\",\n \"source\": {\"title\": \"s\",, \"year\": 2022}}");
    // Inside a record, a syntax error names the record it is in.
    assert_eq!(e.path, "source", "a syntax error names the object it is in, got {:?}", e.path);
    assert!(e.message.starts_with("not valid JSON"), "message should say the JSON is not valid, got {:?}", e.message);
    assert!(
        e.message.contains("line 2, column 26"),
        "message should give line 2, column 26 of the stray comma, got {:?}",
        e.message
    );
    assert!(!e.message.contains(" at line "), "serde's own location should be replaced, got {:?}", e.message);

    // Truncated input (EOF) is also "not valid JSON", with where it ended.
    let full = serde_json::to_string_pretty(&base()).unwrap();
    let cut = &full[..full.len() / 2];
    let e = refused_text(cut);
    assert!(e.message.starts_with("not valid JSON"), "truncated JSON: got {:?}", e.message);
    assert!(
        e.message.contains("line ") && e.message.contains("column "),
        "truncated JSON: no location in {:?}",
        e.message
    );

    // Trailing garbage after a complete dataset.
    let e = refused_text(&format!("{full}\n}}"));
    assert!(e.message.starts_with("not valid JSON: trailing characters"), "trailing characters: got {:?}", e.message);
}

#[test]
fn missing_field_is_named_in_the_path() {
    let mut v = base();
    v["indicators"][0].as_object_mut().unwrap().remove("value");
    assert_error(&refused(&v), "indicators[0].value", "missing field");

    let mut v = base();
    v["source"].as_object_mut().unwrap().remove("text");
    assert_error(&refused(&v), "source.text", "missing field");

    let mut v = base();
    v.as_object_mut().unwrap().remove("title");
    assert_error(&refused(&v), "title", "missing field");
}

#[test]
fn wrong_type_says_what_was_expected_and_what_came() {
    let mut v = base();
    v["indicators"][1]["value"] = json!("abc");
    assert_error(&refused(&v), "indicators[1].value", "expected a number, got \"abc\"");

    let mut v = base();
    v["indicators"][1]["value"] = Value::Null;
    assert_error(&refused(&v), "indicators[1].value", "expected a number, got null");

    let mut v = base();
    v["indicators"][2]["approx"] = json!("yes");
    assert_error(&refused(&v), "indicators[2].approx", "expected true or false, got \"yes\"");

    let mut v = base();
    v["indicators"] = json!({});
    assert_error(&refused(&v), "indicators", "expected a list, got an object");

    let mut v = base();
    v["indicators"][0]["kind"] = json!("percentage");
    let e = refused(&v);
    assert_eq!(e.path, "indicators[0].kind", "unknown kind: path");
    assert!(
        e.message.contains("percentage") && e.message.contains("yoy_change"),
        "unknown kind should name the bad and the valid kinds: {:?}",
        e.message
    );
}

#[test]
fn value_1e400_overflows_with_a_clear_message_naming_the_field() {
    // serde_json (no arbitrary_precision) refuses a number beyond f64 rather than
    // reading it as infinity. 1e400 is valid JSON grammar, so the message should say
    // the number is out of range, where it is, and — like every other refusal — which
    // field holds it.
    let text = serde_json::to_string_pretty(&base()).unwrap().replacen("-11.8", "1e400", 1);
    assert!(text.contains("1e400"));
    let e = refused_text(&text);
    let shown = e.to_string();
    assert!(shown.contains("out of range"), "1e400: message should say the number is out of range, got {shown:?}");
    assert!(shown.contains("line ") && shown.contains("column "), "1e400: message should say where, got {shown:?}");
    assert!(
        shown.contains("indicators[0].value"),
        "1e400: the error should name the field like every other value error (indicators[0].value), got {shown:?}"
    );
    assert!(
        !shown.contains("not valid JSON"),
        "1e400 is valid JSON grammar; calling it \"not valid JSON\" misleads the data author, got {shown:?}"
    );
}

#[test]
fn negative_count_is_refused() {
    let mut v = base();
    v["indicators"][1]["value"] = json!(-5);
    assert_error(&refused(&v), "indicators[1].value", "a count cannot be negative (got -5)");

    let mut v = base();
    v["indicators"][2]["value"] = json!(-0.5);
    assert_error(&refused(&v), "indicators[2].value", "a percent cannot be negative (got -0.5)");

    // A signed kind may be negative (the base dataset's yoy change is -11.8).
    assert!(load(&base()).is_ok());
}

#[test]
fn huge_values_are_refused_past_the_limit() {
    let mut v = base();
    v["indicators"][1]["value"] = json!(1e308);
    assert_error(&refused(&v), "indicators[1].value", "1e308 is too large to chart (the limit is ±1e15)");

    let mut v = base();
    v["indicators"][0]["value"] = json!(-2e15);
    assert_error(&refused(&v), "indicators[0].value", "-2e15 is too large to chart (the limit is ±1e15)");

    // The limit itself is allowed.
    let mut v = base();
    v["indicators"][1]["value"] = json!(1e15);
    assert!(load(&v).is_ok(), "1e15 is at the limit and should load: {:?}", load(&v).err());
}

#[test]
fn duplicate_ids_name_both_records() {
    let mut v = base();
    v["indicators"][2]["id"] = json!("criminal-yoy");
    let e = refused(&v);
    assert_error(&e, "indicators[2].id", "duplicate id \"criminal-yoy\" (also indicators[0])");

    let mut v = base();
    v["sections"][2]["id"] = json!("s1");
    let e = refused(&v);
    assert_eq!(e.path, "sections[2].id", "duplicate section id: path");
    assert!(e.message.contains("duplicate section id \"s1\""), "duplicate section id: message {:?}", e.message);
}

#[test]
fn unknown_section_is_refused() {
    let mut v = base();
    v["indicators"][1]["section"] = json!("s9");
    assert_error(&refused(&v), "indicators[1].section", "unknown section id \"s9\"");

    let mut v = base();
    v["sections"][2]["parent"] = json!("nowhere");
    assert_error(&refused(&v), "sections[2].parent", "unknown section id \"nowhere\"");

    let mut v = base();
    v["indicators"][0]["repeat_of"] = json!("ghost");
    assert_error(&refused(&v), "indicators[0].repeat_of", "unknown indicator id \"ghost\"");
}

#[test]
fn empty_indicator_list_is_refused() {
    let mut v = base();
    v["indicators"] = json!([]);
    assert_error(&refused(&v), "indicators", "the dataset has no indicators (the list is empty)");
}

#[test]
fn empty_text_is_refused_with_its_own_message() {
    for text in ["", "   \n\t ", "\u{feff}", "\u{feff}  \r\n"] {
        let e = refused_text(text);
        assert_error(&e, "", "the dataset is empty (no JSON at all)");
    }
}

#[test]
fn empty_strings_inside_are_refused() {
    let mut v = base();
    v["indicators"][0]["label"] = json!("   ");
    assert_error(&refused(&v), "indicators[0].label", "must not be empty");

    let mut v = base();
    v["indicators"][1]["id"] = json!("");
    assert_error(&refused(&v), "indicators[1].id", "must not be empty");

    let mut v = base();
    v["indicators"][2]["quote"] = json!("");
    assert_error(&refused(&v), "indicators[2].quote", "must not be empty");
}

#[test]
fn bom_prefixed_dataset_loads() {
    let plain = load(&base()).unwrap();
    let text = format!("\u{feff}{}", serde_json::to_string(&base()).unwrap());
    let with_bom = Dataset::from_json(&text).unwrap_or_else(|e| panic!("a BOM-prefixed dataset must load, got: {e}"));
    assert_eq!(with_bom, plain, "the BOM must not change what is loaded");

    let report =
        Dataset::from_json(&format!("\u{feff}{REPORT_JSON}")).unwrap_or_else(|e| panic!("BOM + shipped dataset: {e}"));
    assert_eq!(report.indicators().len(), 109);
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    // Run on a thread with a modest stack: a recursive parser without a depth limit
    // would overflow it (and abort the whole test binary).
    let handle = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(|| {
            let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
            let at_root = Dataset::from_json(&deep).err();
            let in_field = Dataset::from_json(&format!("{{\"title\": {deep}}}")).err();
            let objects = format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
            let in_label = serde_json::to_string(&base()).unwrap().replacen("\"刑事立案数\"", &objects, 1);
            let in_label = Dataset::from_json(&in_label).err();
            // An unknown field is skipped by serde_json without recursion: loading may
            // succeed or fail, but must not crash.
            let extra = serde_json::to_string(&base()).unwrap().replacen('{', &format!("{{\"extra\": {deep},"), 1);
            let _ = Dataset::from_json(&extra);
            (at_root, in_field, in_label)
        })
        .unwrap();
    let (at_root, in_field, in_label) = handle.join().expect("parsing deeply nested JSON must not panic");
    for (what, e) in [("at the root", at_root), ("in title", in_field), ("in a label", in_label)] {
        let e = e.unwrap_or_else(|| panic!("10,000-deep nesting {what} must be refused"));
        assert!(!e.to_string().is_empty(), "10,000-deep nesting {what}: empty message");
        assert!(
            e.message.contains("recursion limit") || e.message.contains("expected"),
            "10,000-deep nesting {what}: message should say why, got {:?}",
            e.message
        );
    }
}

#[test]
fn html_in_a_label_is_kept_verbatim() {
    let html = "<script>alert(\"x\")</script> & <b>粗体</b> &amp; '引号'";
    let mut v = base();
    v["indicators"][1]["label"] = json!(html);
    v["indicators"][1]["label_en"] = json!("<img src=x onerror=alert(1)>");
    v["sections"][1]["title"] = json!("<i>第一部分</i>");
    let ds = load(&v).unwrap_or_else(|e| panic!("HTML in text fields is text, not an error: {e}"));
    assert_eq!(ds.indicators()[1].label, html, "label must be kept verbatim (no escaping, no stripping)");
    assert_eq!(ds.indicators()[1].label_en, "<img src=x onerror=alert(1)>", "label_en must be kept verbatim");
    assert_eq!(ds.sections()[1].title, "<i>第一部分</i>", "section title must be kept verbatim");
}

#[test]
fn quote_not_in_text_is_refused() {
    let mut v = base();
    v["indicators"][1]["quote"] = json!("破获案件1036起");
    assert_error(&refused(&v), "indicators[1].quote", "\"破获案件1036起\" is not in source.text");
}

#[test]
fn wrong_span_is_refused_without_panicking() {
    let n = TEXT.chars().count();
    let cases: Vec<[usize; 2]> = vec![
        [0, 9],                       // right length, wrong place
        [12, 21],                     // off by one
        [20, 11],                     // reversed
        [11, 11],                     // empty
        [n, n + 9],                   // past the end
        [usize::MAX - 1, usize::MAX], // absurd
        [0, n],                       // the whole text
    ];
    for span in cases {
        let mut v = base();
        v["indicators"][0]["span"] = json!(span);
        let e = match std::panic::catch_unwind(|| load(&v)) {
            Ok(Ok(_)) => panic!("span {span:?} does not mark the quote but was accepted"),
            Ok(Err(e)) => e,
            Err(_) => panic!("span {span:?} made validation panic"),
        };
        assert_error(
            &e,
            "indicators[0].span",
            &format!("[{}, {}] does not mark the quote \"同比下降11.8%\" in source.text", span[0], span[1]),
        );
    }
    // The right span, in chars, is accepted.
    let mut v = base();
    v["indicators"][0]["span"] = json!([11, 20]);
    assert!(load(&v).is_ok(), "span [11, 20] marks the quote in chars: {:?}", load(&v).err());
    // A span of the wrong length type is a type error with the path.
    let mut v = base();
    v["indicators"][0]["span"] = json!([11]);
    let e = refused(&v);
    assert_eq!(e.path, "indicators[0].span", "span of one number: path (message {:?})", e.message);
}

#[test]
fn shipped_dataset_records_survive_a_round_trip() {
    let ds = Dataset::from_json(REPORT_JSON).unwrap();
    let again = Dataset::from_json(&serde_json::to_string(&ds).unwrap())
        .unwrap_or_else(|e| panic!("re-serialised dataset: {e}"));
    assert_eq!(again, ds, "serialising and loading again must give the same dataset");
}

// ---------------------------------------------------------------- the column form

/// Writes a dataset in the column form `Dataset::from_columns` reads (what
/// src/web/loader.js writes in the browser).
fn to_columns<'a>(d: &'a Dataset) -> (Vec<String>, Vec<f64>) {
    let mut strs: Vec<&'a str> = vec![d.title(), &d.source().title, &d.source().text];
    let mut nums = vec![d.source().year as f64, d.sections().len() as f64, d.indicators().len() as f64, 0.0];
    for s in d.sections() {
        strs.extend([s.id.as_str(), &s.title, &s.title_en, s.parent.as_deref().unwrap_or("")]);
        nums.push(if s.parent.is_some() { 1.0 } else { 0.0 });
    }
    let mut dict: Vec<&'a str> = Vec::new();
    let mut entry = |s: &'a str| -> f64 {
        let n = dict.iter().position(|x| *x == s).unwrap_or_else(|| {
            dict.push(s);
            dict.len() - 1
        });
        n as f64
    };
    for i in d.indicators() {
        strs.extend([i.id.as_str(), &i.label, &i.label_en, &i.quote]);
        let [s, e] = i.span.map(|[s, e]| [s as f64, e as f64]).unwrap_or([f64::NAN, f64::NAN]);
        let rep = i.repeat_of.as_deref().map(&mut entry).unwrap_or(-1.0);
        let of = i.of.as_deref().map(&mut entry).unwrap_or(-1.0);
        nums.extend([
            entry(&i.section),
            entry(&i.unit),
            entry(i.kind.as_str()),
            rep,
            of,
            i.value,
            if i.approx { 1.0 } else { 0.0 },
            s,
            e,
        ]);
    }
    nums[3] = dict.len() as f64;
    strs.extend(dict);
    (strs.into_iter().map(String::from).collect(), nums)
}

fn from_columns(strs: &[String], nums: &[f64]) -> Option<Dataset> {
    Dataset::from_columns(&strs.join("\0"), nums).map(|r| r.expect("the columns hold a valid dataset"))
}

#[test]
fn the_column_form_reads_back_the_same_dataset() {
    let shipped = Dataset::from_json(REPORT_JSON).unwrap();
    let (s, n) = to_columns(&shipped);
    assert_eq!(from_columns(&s, &n).unwrap(), shipped);

    // Astral characters, empty strings, no spans, a parent.
    let mut raw = load(&base()).unwrap().into_raw();
    raw.indicators[0].label = "😀指标😀".into();
    raw.indicators[1].label_en = String::new();
    raw.indicators[2].span = None;
    let d = raw.validated().unwrap();
    let (s, n) = to_columns(&d);
    assert_eq!(from_columns(&s, &n).unwrap(), d);
}

#[test]
fn the_column_form_declines_what_does_not_add_up() {
    let d = load(&base()).unwrap();
    let (s, n) = to_columns(&d);
    let declines = |s: &[String], n: &[f64], why: &str| assert!(from_columns(s, n).is_none(), "{why}");
    assert!(from_columns(&s, &n).is_some());
    declines(&s[..s.len() - 1], &n, "a string too few");
    declines(&[s.as_slice(), &["x".to_string()]].concat(), &n, "a string too many");
    declines(&s, &n[..n.len() - 1], "a number too few");
    declines(&s, &[n.as_slice(), &[1.0]].concat(), "a number too many");
    let mut n2 = n.clone();
    n2[2] += 1.0;
    declines(&s, &n2, "one indicator more than the strings hold");
    n2 = n.clone();
    n2[2] = 1e12;
    declines(&s, &n2, "a count far past the strings");
    n2 = n.clone();
    n2[0] = 2022.5;
    declines(&s, &n2, "a year with a fraction");
    let first = 4 + d.sections().len();
    n2 = n.clone();
    n2[first + 6] = 0.5;
    declines(&s, &n2, "approx neither 0 nor 1");
    n2 = n.clone();
    n2[first + 7] = -1.0;
    declines(&s, &n2, "a negative span");
    n2 = n.clone();
    n2[first + 8] = 2f64.powi(40);
    declines(&s, &n2, "a span past 2^32");
    n2 = n.clone();
    n2[first] = n[3];
    declines(&s, &n2, "a dictionary number past its end");
    n2 = n.clone();
    n2[first + 3] = -2.0;
    declines(&s, &n2, "repeat_of neither -1 nor an entry");
    n2 = n.clone();
    n2[first + 4] = 0.5;
    declines(&s, &n2, "of neither -1 nor an entry");
    n2 = n.clone();
    n2[3] += 1.0;
    declines(&s, &n2, "one dictionary entry more than the strings hold");

    // An unknown kind: the kind's dictionary entry.
    let at = 3 + 4 * d.sections().len();
    let kind_entry = n[first + 2] as usize;
    let dict_at = s.len() - n[3] as usize;
    let mut s2 = s.clone();
    assert_eq!(s2[dict_at + kind_entry], d.indicators()[0].kind.as_str());
    s2[dict_at + kind_entry] = "counts".into();
    declines(&s2, &n, "an unknown kind");
    // A NUL inside a string (the separator): the JSON path reads such a dataset.
    s2 = s.clone();
    s2[at + 1] = "刑事\0立案".into();
    declines(&s2, &n, "a NUL inside a label");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Whatever the columns hold (NULs, wrong counts, NaN, huge numbers), reading them
    /// never panics: it gives a dataset or None.
    #[test]
    fn the_column_form_never_panics(
        strings in proptest::collection::vec("[a-z\\x00个😀]{0,6}", 0..40),
        nums in proptest::collection::vec(prop_oneof![
            Just(-1.0), Just(0.0), Just(1.0), Just(2.0), Just(3.0), Just(f64::NAN),
            Just(1e12), Just(-0.5), Just(2022.0), any::<f64>(),
        ], 0..60),
    ) {
        let _ = Dataset::from_columns(&strings.join("\0"), &nums);
    }

    /// A dataset written in the column form reads back the same, with any text in it.
    #[test]
    fn the_column_form_round_trips(label in "[^\\x00]{0,6}[^\\x00\\s][^\\x00]{0,5}", unit in "[^\\x00]{0,3}", value in 0.0f64..1e12, approx: bool) {
        let mut raw = load(&base()).unwrap().into_raw();
        raw.indicators[1].label = label;
        raw.indicators[1].unit = unit;
        raw.indicators[1].value = value;
        raw.indicators[1].approx = approx;
        let d = raw.validated().unwrap();
        let (s, n) = to_columns(&d);
        prop_assert_eq!(from_columns(&s, &n), Some(d));
    }
}

/// The base dataset with the change linked to the count (`of`).
fn linked() -> Value {
    let mut v = base();
    v["indicators"][0]["of"] = json!("cases");
    v
}

#[test]
fn a_change_linked_to_its_figure_loads_and_round_trips() {
    let d = load(&linked()).unwrap();
    assert_eq!(d.indicators()[0].of.as_deref(), Some("cases"));
    assert_eq!(d.figure_of(0).map(|(i, f)| (i, f.id.as_str())), Some((1, "cases")));
    assert_eq!(d.change_of(1).map(|(i, c)| (i, c.id.as_str())), Some((0, "criminal-yoy")));
    assert!(d.change_of(2).is_none(), "the rate has no change");
    // JSON text and the column form read it back the same.
    let again = Dataset::from_json(&d.to_json_pretty().unwrap()).unwrap();
    assert_eq!(again, d);
    assert!(d.to_json_pretty().unwrap().contains("\"of\": \"cases\""));
    let (s, n) = to_columns(&d);
    assert_eq!(from_columns(&s, &n), Some(d));
    // Without a link, no "of" is written.
    assert!(!load(&base()).unwrap().to_json_pretty().unwrap().contains("\"of\""));
}

/// Links are looked up in a table made at validation: the first change in report order
/// names the figure's change, a record without links has none, and so does every record of
/// a dataset without any `of`.
#[test]
fn links_resolve_both_ways_and_the_first_change_wins() {
    let mut v = linked();
    let mut second = v["indicators"][0].clone();
    second["id"] = json!("criminal-yoy-2");
    v["indicators"].as_array_mut().unwrap().push(second);
    let d = load(&v).unwrap();
    assert_eq!(d.change_of(1).map(|(i, _)| i), Some(0), "the first change in report order");
    assert_eq!(d.figure_of(3).map(|(i, f)| (i, f.id.as_str())), Some((1, "cases")));
    assert!(d.figure_of(1).is_none() && d.figure_of(2).is_none() && d.change_of(0).is_none());
    assert!(d.figure_of(99).is_none() && d.change_of(99).is_none(), "out of range is none, not a panic");
    let plain = load(&base()).unwrap();
    assert!((0..3).all(|i| plain.figure_of(i).is_none() && plain.change_of(i).is_none()));
}

#[test]
fn of_must_name_another_figure() {
    let mut v = linked();
    v["indicators"][0]["of"] = json!("ghost");
    assert_error(&refused(&v), "indicators[0] (id \"criminal-yoy\").of", "no indicator has id \"ghost\"");

    let mut v = linked();
    v["indicators"][0]["of"] = json!("criminal-yoy");
    assert_error(&refused(&v), "indicators[0] (id \"criminal-yoy\").of", "a change cannot qualify itself");

    // Pointing at another change: a change qualifies a figure, not a change.
    let mut v = linked();
    v["indicators"][1]["kind"] = json!("change");
    v["indicators"][0]["of"] = json!("cases");
    assert_error(
        &refused(&v),
        "indicators[0] (id \"criminal-yoy\").of",
        "\"cases\" is a change (change), not a figure a change can qualify",
    );

    // Only a change has an of.
    let mut v = base();
    v["indicators"][2]["of"] = json!("cases");
    assert_error(
        &refused(&v),
        "indicators[2] (id \"rate\").of",
        "only a change (yoy_change or change) can qualify a figure; this is a percent",
    );

    // Not text.
    let mut v = base();
    v["indicators"][0]["of"] = json!(3);
    let e = refused(&v);
    assert_eq!(e.path, "indicators[0].of", "{e}");
}
