//! The text extractor: Chinese report prose → the dataset schema (see `model`).
//!
//! [`extract`] reads a report and returns a validated [`Dataset`]: the outline
//! (`intro`, `s1`, `s1-1`, `s1-1-1` from `一、`, `(一)`, `1.` headings) and every figure
//! it can state with confidence — value (8万 → 80000, 10.7亿 → 1070000000), unit (万元 →
//! 元), kind (count, percent, yoy_change, money, ratio, change, rank), approx (余, 超,
//! 近…), a label (the words before the number, or the noun after its counter), the exact
//! quote and its span. Ids are readable and positional (`s3-1-05`); an overrides step
//! renames them.
//!
//! The rules, in the order a figure meets them:
//! * numbers — [`numbers`]: Arabic digits (full-width too, 1,246, "34. 8") and Chinese
//!   numerals (十五, 两, 千亿); a Chinese numeral counts only before a counter word
//!   (四个, 十五项, 两大) and never as a lone 一 (一批, 一条 are articles);
//! * what follows — [`units`]: 余/多, 万/亿, the unit, 以上/左右; dates and times
//!   (2022年, 9月27日, 10月初) are left out;
//! * what precedes — [`trailing`]: direction (同比下降 → negative yoy_change), approximation,
//!   分别 and 均 lists; [`leading`]: scope words, periods (一季度, 1-9月);
//! * left out as names: anything in “…” or 《…》, codes (PM2.5, 5G), 第N ordinals unless a
//!   ranking (列全省第一), 二十大, fixed terms (三次产业), numbered documents
//!   (八项…清单), definitions (“5”即1名…), thresholds (3人以上的, 10万元以上的) and
//!   durations that name something (15分钟办证圈).
//!
//! Pure Rust, no I/O; never panics (all text access is bounds-checked) and runs in time
//! linear in the text.

mod campaigns;
mod classify;
mod clause;
mod distinguish;
mod figure;
mod labels;
mod leading;
mod link;
mod lists;
mod naming;
mod numbers;
mod overrides;
mod qualify;
mod repeats;
mod scanner;
mod sections;
mod text;
mod tidy;
mod trailing;
mod units;

pub use labels::labels_overlap;
pub use overrides::{apply_overrides, Overrides, OverridesError};
pub use sections::INTRO_TITLE;

use crate::model::{DataError, Dataset, Indicator, RawDataset, Section, Source};
use scanner::Scanner;
use std::collections::HashMap;
use std::fmt;
use text::Doc;

/// The earliest year [`detect_year`] takes for the report's.
const MIN_YEAR: i32 = 1900;
/// The latest year [`detect_year`] takes for the report's.
const MAX_YEAR: i32 = 2100;
/// How many chars from the start [`detect_year`] looks at.
const YEAR_SEARCH_CHARS: usize = 20_000;
/// The longest first line taken for the report's title, in chars.
const MAX_TITLE_CHARS: usize = 40;
/// Options for [`extract`].
#[derive(Debug, Clone)]
pub struct ExtractOptions {
    /// The dataset's title; default "<source title>指标".
    pub title: Option<String>,
    /// The report's title; default its first line when that looks like a title, else
    /// "<year>年工作报告".
    pub source_title: Option<String>,
    /// The report's year; default the first 19xx/20xx年 in the text, else 0.
    pub year: Option<i32>,
    /// Mark a figure stated twice (same value, unit, kind and a similar label) as
    /// `repeat_of` the first statement. Default true.
    pub mark_repeats: bool,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions { title: None, source_title: None, year: None, mark_repeats: true }
    }
}

/// Why extraction gave no dataset.
#[derive(Debug, Clone, PartialEq)]
pub enum ExtractError {
    /// The text states no figure the extractor recognises (or is empty).
    NoIndicators,
    /// The extracted dataset failed validation (a bug in the extractor: please report it
    /// with the text).
    Invalid(DataError),
}

impl fmt::Display for ExtractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExtractError::NoIndicators => write!(f, "no indicators found in the text"),
            ExtractError::Invalid(e) => write!(f, "the extracted dataset is invalid: {e}"),
        }
    }
}

impl std::error::Error for ExtractError {}

/// The outline and the figures of a text, before they are packed into a [`Dataset`].
/// Spans are filled in; ids are positional.
#[derive(Debug, Clone, PartialEq)]
pub struct Extraction {
    /// The outline, in reading order.
    pub sections: Vec<Section>,
    /// The figures, in reading order, with positional ids.
    pub indicators: Vec<Indicator>,
}

/// Reads the report `text` and returns its figures as a validated dataset.
pub fn extract(text: &str, opts: &ExtractOptions) -> Result<Dataset, ExtractError> {
    let found = scan(text, opts);
    if found.indicators.is_empty() {
        return Err(ExtractError::NoIndicators);
    }
    let year = opts.year.unwrap_or_else(|| detect_year(text));
    let source_title = opts.source_title.clone().unwrap_or_else(|| default_source_title(text, year));
    let title = opts.title.clone().unwrap_or_else(|| format!("{source_title}指标"));
    let ds = RawDataset {
        title,
        source: Source { title: source_title, year, text: text.to_string() },
        sections: found.sections,
        indicators: found.indicators,
    };
    ds.validated().map_err(ExtractError::Invalid)
}

/// Finds the outline and the figures of `text` (`opts.title` and `opts.source_title` are
/// not used here).
pub fn scan(text: &str, opts: &ExtractOptions) -> Extraction {
    let mark_repeats = opts.mark_repeats;
    let report_year = opts.year.unwrap_or_else(|| detect_year(text));
    let mut doc = Doc::new(text);
    let spans = sections::detect(&mut doc);
    let mut sc = Scanner::new(&doc, &spans, report_year);
    sc.run();
    let mut cands = sc.finish();
    distinguish::distinguish(&doc, &mut cands);
    let sections: Vec<Section> = spans
        .iter()
        .map(|s| Section {
            id: s.id.clone(),
            title: s.title.clone(),
            title_en: String::new(),
            parent: s.parent.clone(),
        })
        .collect();
    let mut counters: HashMap<usize, usize> = HashMap::new();
    let mut indicators: Vec<Indicator> = Vec::with_capacity(cands.len());
    for c in cands {
        let sec = spans.get(c.section).map(|s| s.id.clone()).unwrap_or_else(|| "intro".to_string());
        let n = counters.entry(c.section).or_insert(0);
        *n += 1;
        indicators.push(Indicator {
            id: format!("{sec}-{n:02}"),
            section: sec,
            label: c.label,
            label_en: String::new(),
            value: c.value,
            unit: c.unit,
            kind: c.kind,
            approx: c.approx,
            quote: doc.raw_str(c.qs, c.qe),
            span: Some([c.qs, c.qe]),
            repeat_of: None,
            of: None,
        });
    }
    if mark_repeats {
        repeats::mark_repeated(&mut indicators);
    }
    link::link_changes(&mut indicators, text);
    Extraction { sections, indicators }
}

/// The first plausible year (19xx/20xx followed by 年) in the text that is not a
/// comparison (比2021年, 较2020年, 与2021年相比), else 0.
pub fn detect_year(text: &str) -> i32 {
    let chars: Vec<char> = text.chars().take(YEAR_SEARCH_CHARS).map(text::normalize).collect();
    for (k, w) in chars.windows(6).enumerate() {
        if let [before, a, b, c, d, '年'] = w {
            if matches!(before, '比' | '较' | '与' | '于') || before.is_ascii_digit() {
                continue;
            }
            // "——2020年1月5日在…会议上": the day the report was given, not the year it covers.
            let after = &chars[(k + 6).min(chars.len())..];
            let month = after.iter().position(|c| !c.is_ascii_digit()).is_some_and(|n| n > 0 && after[n] == '月');
            if month {
                continue;
            }
            let s: String = [*a, *b, *c, *d].iter().collect();
            if let Ok(y) = s.parse::<i32>() {
                if (MIN_YEAR..=MAX_YEAR).contains(&y) {
                    return y;
                }
            }
        }
    }
    // A text that starts with its year.
    if let [a, b, c, d, '年', ..] = chars.as_slice() {
        let s: String = [*a, *b, *c, *d].iter().collect();
        if let Ok(y) = s.parse::<i32>() {
            if (MIN_YEAR..=MAX_YEAR).contains(&y) {
                return y;
            }
        }
    }
    0
}

/// The report's title when none is given: its first line if that looks like a title.
fn default_source_title(text: &str, year: i32) -> String {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let n = first.chars().count();
    let looks_like_title = n > 0
        && n <= MAX_TITLE_CHARS
        && !first.chars().any(|c| matches!(text::normalize(c), '。' | ',' | ';' | '、' | ':'));
    if looks_like_title {
        first.to_string()
    } else if year > 0 {
        format!("{year}年工作报告")
    } else {
        "工作报告".to_string()
    }
}
