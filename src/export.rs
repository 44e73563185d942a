//! Exports of what a chart shows: CSV of the shown rows, each with its source and year (UTF-8 with a byte-order mark
//! so Excel reads the Chinese, cells guarded against formula injection). The PNG
//! export is the canvas itself and lives in `web`.

use crate::format::{self, Locale};
use crate::model::Dataset;
use crate::view::{ChartSpec, Target, Tone};

/// Quotes a CSV cell when it needs it, and neutralises cells a spreadsheet would run
/// as a formula (starting with = + - @, tab or carriage return) by prefixing a '.
pub fn cell(s: &str) -> String {
    let guarded = match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn number(v: f64) -> String {
    if v.is_finite() {
        format::trim_decimals(v, 6)
    } else {
        String::new()
    }
}

/// The rows of `spec` as CSV, header first, lines ending in CRLF (RFC 4180).
pub fn csv(ds: &Dataset, spec: &ChartSpec, locale: Locale) -> String {
    let mut out = String::from("\u{feff}");
    let header: &[&str] = match locale {
        Locale::Zh => &[
            "id",
            "部分",
            "指标",
            "指标（英文）",
            "数值",
            "单位",
            "类型",
            "约数",
            "显示值",
            "原文",
            "所指指标",
            "来源",
            "年份",
        ],
        Locale::En => &[
            "id", "section", "label", "label_en", "value", "unit", "kind", "approx", "display", "quote", "of",
            "source", "year",
        ],
    };
    out.push_str(&format::join(header, ","));
    out.push_str("\r\n");
    // Every row carries where it comes from, so a row copied elsewhere keeps its source.
    let source = [cell(&ds.source().title), ds.source().year.to_string()];
    for row in spec.rows() {
        let mut fields: Vec<String> = match &row.target {
            // A derived row (the compare view's last year) is the figure's record with the
            // derived value, its label saying so.
            Target::Indicator(i) => match ds.indicators().get(*i) {
                Some(ind) => {
                    let derived = row.tone == Tone::Derived;
                    vec![
                        cell(&ind.id),
                        cell(&ind.section),
                        cell(&if derived { format!("{} · {}", ind.label, row.label) } else { ind.label.clone() }),
                        cell(&ind.label_en),
                        number(if derived { row.value } else { ind.value }),
                        cell(&ind.unit),
                        ind.kind.as_str().to_string(),
                        ind.approx.to_string(),
                        cell(&row.value_text),
                        cell(&ind.quote),
                        cell(if derived { "" } else { ind.of.as_deref().unwrap_or("") }),
                    ]
                }
                None => continue,
            },
            Target::Section(id) => vec![
                cell(id),
                cell(id),
                cell(&row.label),
                String::new(),
                number(row.value),
                cell(if locale == Locale::Zh { "项" } else { "indicators" }),
                "count".to_string(),
                "false".to_string(),
                cell(&row.value_text),
                cell(row.note.as_deref().unwrap_or("")),
                String::new(),
            ],
        };
        fields.extend(source.iter().cloned());
        out.push_str(&format::join(&fields, ","));
        out.push_str("\r\n");
    }
    out
}
