//! CSV export of a view (`export::csv`): UTF-8 with a BOM, CRLF line ends, RFC 4180
//! quoting, the formula-injection guard, and a round trip through a small strict parser
//! back to the dataset's fields.

use indicator_chart::export;
use indicator_chart::format::Locale;
use indicator_chart::model::{Dataset, Indicator, Kind, RawDataset, Section, Source};
use indicator_chart::view::{self, ChartSpec, Target, ViewKind, ViewOptions};

const REPORT_JSON: &str = include_str!("../www/data/report-2022.json");
const HEADER_ZH: &str = "id,部分,指标,指标（英文）,数值,单位,类型,约数,显示值,原文,所指指标,来源,年份";
const HEADER_EN: &str = "id,section,label,label_en,value,unit,kind,approx,display,quote,of,source,year";

fn report() -> Dataset {
    Dataset::from_json(REPORT_JSON).unwrap_or_else(|e| panic!("shipped dataset must load: {e}"))
}

fn build_spec(ds: &Dataset, kind: ViewKind, locale: Locale) -> ChartSpec {
    view::build(ds, &ViewOptions { kind, ..ViewOptions::default() }, locale).unwrap_or_else(|e| panic!("{kind:?}: {e}"))
}

/// A strict RFC 4180 parser: records end in CRLF (the last one too), fields are plain or
/// wholly quoted with "" for a quote; a bare CR or LF outside quotes, a quote inside a
/// plain field or text after a closing quote is an error.
fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut pos = 0usize;
    let mut at_field_start = true;
    let mut quoted = false;
    while let Some(c) = chars.next() {
        pos += 1;
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    pos += 1;
                    field.push('"');
                } else {
                    quoted = false;
                    match chars.peek() {
                        Some(',') | Some('\r') | None => {}
                        Some(other) => return Err(format!("char {pos}: {other:?} after a closing quote")),
                    }
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            '"' => return Err(format!("char {pos}: a quote inside an unquoted field {field:?}")),
            ',' => {
                record.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' => {
                if chars.next() != Some('\n') {
                    return Err(format!("char {pos}: CR not followed by LF"));
                }
                pos += 1;
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_field_start = true;
            }
            '\n' => return Err(format!("char {pos}: a bare LF outside quotes")),
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if quoted {
        return Err("the text ends inside a quoted field".into());
    }
    if !field.is_empty() || !record.is_empty() {
        return Err(format!("the last record does not end in CRLF: {record:?} {field:?}"));
    }
    Ok(records)
}

#[test]
fn the_parser_itself_is_strict() {
    assert_eq!(parse_csv("a,b\r\n").unwrap(), vec![vec!["a", "b"]]);
    assert_eq!(parse_csv("\"a,\"\"b\"\"\r\nc\",d\r\n").unwrap(), vec![vec!["a,\"b\"\r\nc", "d"]]);
    assert_eq!(parse_csv(",\r\n").unwrap(), vec![vec!["", ""]]);
    assert!(parse_csv("a\nb\r\n").is_err(), "bare LF");
    assert!(parse_csv("a\"b\r\n").is_err(), "quote in a plain field");
    assert!(parse_csv("\"a\"b\r\n").is_err(), "text after a closing quote");
    assert!(parse_csv("a,b").is_err(), "no final CRLF");
    assert!(parse_csv("\"a\r\n").is_err(), "unterminated quote");
}

/// What a cell holds after the formula guard: a leading = + - @ tab or CR gets a '.
fn guarded(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

#[track_caller]
fn check_indicator_record(ds: &Dataset, spec: &ChartSpec, row: usize, rec: &[String]) {
    let r = spec.rows().nth(row).unwrap();
    let Target::Indicator(i) = r.target else { panic!("row {row} is not an indicator") };
    let ind = &ds.indicators()[i];
    let what = |f: &str| format!("{:?} row {row} ({}), field {f}", spec.view, ind.id);
    assert_eq!(rec.len(), 13, "{}: field count, record {rec:?}", what("*"));
    assert_eq!(rec[0], guarded(&ind.id), "{}", what("id"));
    assert_eq!(rec[1], guarded(&ind.section), "{}", what("section"));
    assert_eq!(rec[2], guarded(&ind.label), "{}", what("label"));
    assert_eq!(rec[3], guarded(&ind.label_en), "{}", what("label_en"));
    let v: f64 = rec[4].parse().unwrap_or_else(|e| panic!("{}: {:?} is not a number: {e}", what("value"), rec[4]));
    assert!((v - ind.value).abs() <= 1e-6 * ind.value.abs().max(1.0), "{}: {} vs {}", what("value"), v, ind.value);
    assert_eq!(rec[5], guarded(&ind.unit), "{}", what("unit"));
    assert_eq!(rec[6], ind.kind.as_str(), "{}", what("kind"));
    assert_eq!(rec[7], ind.approx.to_string(), "{}", what("approx"));
    assert_eq!(rec[8], guarded(&r.value_text), "{}", what("display"));
    assert_eq!(rec[9], guarded(&ind.quote), "{}", what("quote"));
    assert_eq!(rec[10], guarded(ind.of.as_deref().unwrap_or("")), "{}", what("of"));
    check_source_fields(ds, rec);
}

/// The last two fields: the report's title and year.
#[track_caller]
fn check_source_fields(ds: &Dataset, rec: &[String]) {
    assert!(!ds.source().title.is_empty(), "the fixture should have a source title");
    assert_eq!(rec[11], guarded(&ds.source().title), "source field of {rec:?}");
    assert_eq!(rec[12], ds.source().year.to_string(), "year field of {rec:?}");
}

#[test]
fn csv_of_each_view_round_trips_to_the_dataset() {
    let ds = report();
    for kind in ViewKind::ALL {
        for locale in [Locale::Zh, Locale::En] {
            let spec = build_spec(&ds, kind, locale);
            let text = export::csv(&ds, &spec, locale);
            assert!(text.starts_with('\u{feff}'), "{kind:?} ({locale:?}): CSV must start with the UTF-8 BOM");
            assert_eq!(&text.as_bytes()[..3], b"\xEF\xBB\xBF", "{kind:?}: BOM bytes");
            assert!(text.ends_with("\r\n"), "{kind:?} ({locale:?}): the last line must end in CRLF");
            let body = &text['\u{feff}'.len_utf8()..];
            let header = if locale == Locale::Zh { HEADER_ZH } else { HEADER_EN };
            assert!(
                body.starts_with(&format!("{header}\r\n")),
                "{kind:?} ({locale:?}): header line, got {:?}",
                body.lines().next()
            );
            let records = parse_csv(body).unwrap_or_else(|e| panic!("{kind:?} ({locale:?}): not valid RFC 4180: {e}"));
            assert_eq!(
                records.len(),
                spec.row_count() + 1,
                "{kind:?} ({locale:?}): one record per row plus the header"
            );
            // Only the report's quotes and English labels with quotes may span… nothing spans lines here.
            assert_eq!(
                body.matches("\r\n").count(),
                spec.row_count() + 1,
                "{kind:?} ({locale:?}): one CRLF-terminated line per row (no field holds a line break in the report)"
            );
            assert!(!body.replace("\r\n", "").contains('\n'), "{kind:?}: a bare LF in the CSV");
            for (row, rec) in records[1..].iter().enumerate() {
                match &spec.rows().nth(row).unwrap().target {
                    Target::Indicator(_) => check_indicator_record(&ds, &spec, row, rec),
                    Target::Section(id) => {
                        let r = spec.rows().nth(row).unwrap();
                        assert_eq!(rec.len(), 13, "overview record {rec:?}");
                        assert_eq!(rec[0], *id, "overview id");
                        assert_eq!(rec[1], *id, "overview section");
                        assert_eq!(rec[2], r.label, "overview label");
                        assert_eq!(rec[4].parse::<f64>().ok(), Some(r.value), "overview value");
                        assert_eq!(rec[6], "count", "overview kind");
                        assert_eq!(rec[8], r.value_text, "overview display");
                        assert_eq!(rec[9], r.note.clone().unwrap_or_default(), "overview note");
                        check_source_fields(&ds, rec);
                    }
                }
            }
        }
    }
}

#[test]
fn chinese_is_intact() {
    let ds = report();
    let spec = build_spec(&ds, ViewKind::Headline, Locale::Zh);
    let text = export::csv(&ds, &spec, Locale::Zh);
    for needle in ["刑事立案数", "同比下降11.8%", "−11.8%", "溺亡事故", "部分"] {
        assert!(text.contains(needle), "CSV should contain {needle:?} unchanged");
    }
    // Through bytes and back: valid UTF-8, same text.
    let bytes = text.clone().into_bytes();
    assert_eq!(String::from_utf8(bytes).unwrap(), text);
    let overview = export::csv(&ds, &spec_of(&ds, ViewKind::Overview), Locale::Zh);
    assert!(overview.contains("坚持精密智控"), "overview CSV keeps section titles: {overview}");
}

fn spec_of(ds: &Dataset, kind: ViewKind) -> ChartSpec {
    build_spec(ds, kind, Locale::Zh)
}

/// A dataset whose labels need quoting or guarding.
fn tricky() -> Dataset {
    let labels = [
        "逗号,分隔",
        "引号\"内\"",
        "换行\n第二行",
        "回车\r\n换行",
        "=1+1",
        "+86 电话",
        "-5 减",
        "@SUM(A1)",
        "\t制表符开头",
        "=HYPERLINK(\"http://x\",\"点\")",
        "普通标签",
        "'已有引号",
        " =前有空格",
    ];
    let text = "报告正文。".to_string();
    let indicators = labels
        .iter()
        .enumerate()
        .map(|(k, l)| Indicator {
            id: format!("t{k}"),
            section: "intro".into(),
            label: l.to_string(),
            label_en: format!("en, \"{k}\""),
            value: -(k as f64) - 0.25,
            unit: "%".into(),
            kind: Kind::YoyChange,
            approx: k % 2 == 0,
            quote: "报告正文".into(),
            span: None,
            repeat_of: None,
            of: None,
        })
        .collect();
    RawDataset {
        title: "t".into(),
        source: Source { title: "s".into(), year: 2022, text },
        sections: vec![Section { id: "intro".into(), title: "总述".into(), title_en: String::new(), parent: None }],
        indicators,
    }
    .validated()
    .unwrap_or_else(|e| panic!("tricky dataset must validate: {e}"))
}

#[test]
fn special_cells_are_quoted_doubled_and_guarded() {
    let ds = tricky();
    for locale in [Locale::Zh, Locale::En] {
        let spec = build_spec(&ds, ViewKind::Headline, locale);
        assert_eq!(spec.row_count(), ds.indicators().len());
        let text = export::csv(&ds, &spec, locale);
        let body = &text['\u{feff}'.len_utf8()..];
        let records = parse_csv(body).unwrap_or_else(|e| panic!("tricky CSV is not valid RFC 4180: {e}\n{body}"));
        assert_eq!(
            records.len(),
            ds.indicators().len() + 1,
            "tricky: records (line breaks inside quotes must not split records)"
        );
        for (row, rec) in records[1..].iter().enumerate() {
            check_indicator_record(&ds, &spec, row, rec);
        }
    }
    let spec = build_spec(&ds, ViewKind::Headline, Locale::Zh);
    let text = export::csv(&ds, &spec, Locale::Zh);
    let expect_raw = [
        ",\"逗号,分隔\",",
        ",\"引号\"\"内\"\"\",",
        ",\"换行\n第二行\",",
        ",\"回车\r\n换行\",",
        ",'=1+1,",
        ",'+86 电话,",
        ",'-5 减,",
        ",'@SUM(A1),",
        ",'\t制表符开头,",
        ",\"'=HYPERLINK(\"\"http://x\"\",\"\"点\"\")\",",
        ",普通标签,",
        ",\"en, \"\"0\"\"\",",
    ];
    for raw in expect_raw {
        assert!(text.contains(raw), "the CSV should contain the cell {raw:?}\n{text}");
    }
    // Negative numbers in the value column stay numbers (not guarded text).
    assert!(text.contains(",-1.25,%,yoy_change,"), "value column of t1 should be the plain number -1.25\n{text}");
}

#[test]
fn empty_view_gives_just_the_header() {
    let ds = tricky();
    for locale in [Locale::Zh, Locale::En] {
        let spec = build_spec(&ds, ViewKind::Money, locale);
        assert_eq!(spec.row_count(), 0);
        let text = export::csv(&ds, &spec, locale);
        let header = if locale == Locale::Zh { HEADER_ZH } else { HEADER_EN };
        assert_eq!(text, format!("\u{feff}{header}\r\n"), "empty view CSV ({locale:?})");
    }
}

#[test]
fn cell_function() {
    assert_eq!(export::cell("plain"), "plain");
    assert_eq!(export::cell(""), "");
    assert_eq!(export::cell("a,b"), "\"a,b\"");
    assert_eq!(export::cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(export::cell("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
    assert_eq!(export::cell("-"), "'-");
    assert_eq!(export::cell("\r"), "\"'\r\"", "a lone CR is guarded and then quoted");
    assert_eq!(export::cell("中文"), "中文");
}

/// The compare view's derived row is the figure's record with the derived value and a
/// label that says so, and no `of`; the change's own record keeps its `of`.
#[test]
fn a_derived_row_is_its_figure_with_the_derived_value() {
    let mut raw = report().into_raw();
    raw.indicators.truncate(2);
    let fig_id = raw.indicators[1].id.clone();
    raw.indicators[1].kind = Kind::Count;
    raw.indicators[1].value = 1250.0;
    raw.indicators[1].unit = "起".to_string();
    raw.indicators[0].kind = Kind::YoyChange;
    raw.indicators[0].value = 25.0;
    raw.indicators[0].unit = "%".to_string();
    raw.indicators[0].of = Some(fig_id.clone());
    let ds = raw.validated().unwrap_or_else(|e| panic!("linked dataset: {e}"));
    let spec = build_spec(&ds, ViewKind::Compare, Locale::Zh);
    let recs = parse_csv(export::csv(&ds, &spec, Locale::Zh).trim_start_matches('\u{feff}')).expect("valid CSV");
    assert_eq!(recs.len(), 3, "header, this year, last year: {recs:?}");
    let (now, before) = (&recs[1], &recs[2]);
    assert_eq!(now[0], fig_id);
    assert_eq!(before[0], fig_id, "the derived row is the figure's record");
    assert_eq!(now[4], "1250");
    assert_eq!(before[4], "1000", "1250 ÷ 1.25");
    assert_eq!(now[2], ds.indicators()[1].label);
    assert!(
        before[2].starts_with(&format!("{} · ", ds.indicators()[1].label)) && before[2].contains("推算"),
        "{}",
        before[2]
    );
    assert_eq!((now[10].as_str(), before[10].as_str()), ("", ""), "a figure names no other record");
    let all = build_spec(&ds, ViewKind::Section, Locale::Zh);
    let recs = parse_csv(export::csv(&ds, &all, Locale::Zh).trim_start_matches('\u{feff}')).expect("valid CSV");
    assert!(recs.iter().any(|r| r[10] == fig_id), "the change's record names its figure: {recs:?}");
}
