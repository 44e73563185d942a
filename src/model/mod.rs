//! The dataset: its types, and the validation that turns untrusted input into a
//! [`Dataset`] the rest of the crate can trust — or into a [`DataError`] that names the
//! record and the field at fault.
//!
//! A [`Dataset`] is valid by construction: its fields are private, and the only ways to
//! get one validate — [`RawDataset::validated`], [`Dataset::from_json`] (`json`) and
//! [`Dataset::from_columns`] (`columns`, the browser's fast path for dataset objects).
//! Nothing here touches the web.

mod columns;
mod json;
mod scan;

pub use scan::check_json_text;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Largest magnitude a value may have. The report's largest figure is about 1e11 (超千亿);
/// anything past this is far more likely a data error than a real indicator.
pub const MAX_ABS_VALUE: f64 = 1e15;

/// What an indicator measures. The README explains each kind to data authors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum Kind {
    /// A number of things: cases, people, places, items (`unit` says which).
    Count,
    /// A rate or share in per cent, 0–100 (化解率达99.4%).
    Percent,
    /// A year-over-year change in per cent, signed (同比下降11.8% → -11.8).
    YoyChange,
    /// An amount of money, in yuan (8900万元 → 89000000, unit 元).
    Money,
    /// A ratio that may pass 100: in per cent, unit `%` (日均扫码比达111%), or in its own unit
    /// or none (城乡居民收入比2.45).
    Ratio,
    /// A change that is not year-over-year, signed, in `unit` (通行效率最高提升15%).
    Change,
    /// A position in a ranking, 1 = first (列全省第一 → 1).
    Rank,
}

impl TryFrom<String> for Kind {
    type Error = String;
    fn try_from(s: String) -> Result<Kind, String> {
        Kind::parse(&s).ok_or_else(|| {
            let all: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            format!("expected one of {}, got \"{s}\"", crate::format::join(&all, ", "))
        })
    }
}

impl Kind {
    /// Every kind, in the order messages list them.
    pub const ALL: [Kind; 7] =
        [Kind::Count, Kind::Percent, Kind::YoyChange, Kind::Money, Kind::Ratio, Kind::Change, Kind::Rank];

    /// The kind named `s` (`"yoy_change"`), if it is one.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The kind's name in the dataset (snake_case).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Percent => "percent",
            Kind::YoyChange => "yoy_change",
            Kind::Money => "money",
            Kind::Ratio => "ratio",
            Kind::Change => "change",
            Kind::Rank => "rank",
        }
    }

    /// Kinds whose value may be below zero.
    pub fn is_signed(self) -> bool {
        matches!(self, Kind::YoyChange | Kind::Change)
    }
}

/// The report the indicators come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The report's title.
    pub title: String,
    /// The year the report reviews.
    pub year: i32,
    /// The report's full text; every indicator's `quote` is a substring of it.
    pub text: String,
}

/// A heading of the report: `一、…` (parent `None`, or the opening paragraph) or `(一)…`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// A stable id (intro, s1, s1-2 …).
    pub id: String,
    /// The heading in Chinese.
    pub title: String,
    /// The heading in English (empty when not translated).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title_en: String,
    #[serde(default)]
    /// The enclosing section's id; None at the top level.
    pub parent: Option<String>,
}

/// One figure stated in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// A stable, readable id (criminal-cases-yoy).
    pub id: String,
    /// The id of the section that states it.
    pub section: String,
    /// What is counted, in Chinese.
    pub label: String,
    /// What is counted, in English (empty when nobody has translated it yet).
    #[serde(default)]
    pub label_en: String,
    /// Whole numbers are written without a fraction (80000, not 80000.0).
    #[serde(serialize_with = "serialize_value")]
    pub value: f64,
    /// What the value counts (起, 人次, 元, % …).
    pub unit: String,
    /// What the figure measures; see [`Kind`].
    pub kind: Kind,
    /// The report says 余/超/近/约: the value is approximate.
    #[serde(default)]
    pub approx: bool,
    /// The exact substring of `source.text` that states the figure.
    pub quote: String,
    /// `[start, end)` of `quote` in `source.text`, counted in Unicode scalar values.
    /// Filled in by validation when the data leaves it out.
    #[serde(default)]
    pub span: Option<[usize; 2]>,
    /// The report states this figure twice; this record is the repeat of that id.
    /// Views show a figure once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat_of: Option<String>,
    /// For a change: the id of the figure it qualifies, when the report states both
    /// (粮食总产量75.8万吨，增长2.3% → the change's `of` is the 75.8万吨 record).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
}

/// Writes a value that is a whole number below 1e15 as an integer (80000, not 80000.0);
/// every other value as a float. Readers see the same number either way.
fn serialize_value<S: serde::Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

/// A dataset as written, not yet checked: what serde reads and what the extractor and
/// tests build. [`RawDataset::validated`] turns it into a [`Dataset`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawDataset {
    /// The chart's title.
    pub title: String,
    /// The report the figures come from.
    pub source: Source,
    /// The report's outline.
    pub sections: Vec<Section>,
    /// The figures.
    pub indicators: Vec<Indicator>,
}

/// A validated dataset: finite, sensible values, unique ids, sections that exist, quotes
/// at their spans in the text. Read it through its getters; change it by going back to a
/// [`RawDataset`] ([`Dataset::into_raw`]) and validating again.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dataset {
    title: String,
    source: Source,
    sections: Vec<Section>,
    indicators: Vec<Indicator>,
    /// For each indicator: the index of the figure its `of` names, and of the first change
    /// whose `of` names it ([`NO_LINK`]: none); empty when no record has an `of`. Made in
    /// validation from `indicators` (so equality is unchanged by it), for lookups in
    /// constant time: the table's 1,000 rows asked a linear search each, 10^8 string
    /// compares an update at 100,000 records.
    #[serde(skip)]
    links: Vec<[u32; 2]>,
}

/// No linked record (see `Dataset::links`).
const NO_LINK: u32 = u32::MAX;

/// Why a dataset was refused: `path` names the record and field
/// (`indicators[12].value`), `message` says what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The record and field at fault (indicators[12].value); empty for the whole dataset.
    pub path: String,
    /// What is wrong, in a data author's words.
    pub message: String,
}

impl DataError {
    /// An error at `path` saying `message`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        DataError { path: path.into(), message: message.into() }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() || self.path == "." {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for DataError {}

impl RawDataset {
    /// Checks what types alone cannot: finite, sensible values; unique ids; sections
    /// that exist; repeats and links to figures that exist; quotes that are in the text.
    /// Fills in missing spans.
    pub fn validated(mut self) -> Result<Dataset, DataError> {
        if self.indicators.is_empty() {
            return Err(DataError::new("indicators", "the dataset has no indicators (the list is empty)"));
        }
        let section_ids = check_sections(&self.sections)?;
        let ids = check_indicators(&self.indicators, &section_ids)?;
        check_links(&self.indicators, &ids)?;
        let links = link_table(&self.indicators, &ids);
        check_quotes(&self.source.text, &mut self.indicators)?;
        Ok(Dataset {
            title: self.title,
            source: self.source,
            sections: self.sections,
            indicators: self.indicators,
            links,
        })
    }
}

/// `Dataset::links` for checked indicators (every `of` names a figure in `ids`).
fn link_table(indicators: &[Indicator], ids: &FxHashMap<&str, usize>) -> Vec<[u32; 2]> {
    if indicators.iter().all(|ind| ind.of.is_none()) {
        return Vec::new();
    }
    let mut links = vec![[NO_LINK; 2]; indicators.len()];
    for (i, ind) in indicators.iter().enumerate() {
        let Some(&f) = ind.of.as_deref().and_then(|of| ids.get(of)) else { continue };
        links[i][0] = f as u32;
        if links[f][1] == NO_LINK {
            links[f][1] = i as u32;
        }
    }
    links
}

/// Section ids are present and unique; parents exist. Returns the ids.
fn check_sections(sections: &[Section]) -> Result<FxHashMap<&str, usize>, DataError> {
    // Fx hashing: ids are the data author's, not an attacker's, and at 100,000
    // indicators SipHash was a third of the validation.
    // One map type throughout the crate (FxHashMap<&str, usize>, here id → position): each
    // key/value type costs the wasm its own copy of hashbrown's table code, about 1.5 kB.
    let mut section_ids: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, s) in sections.iter().enumerate() {
        if s.id.trim().is_empty() {
            return Err(DataError::new(format!("sections[{i}].id"), "must not be empty"));
        }
        if section_ids.insert(s.id.as_str(), i).is_some() {
            return Err(DataError::new(format!("sections[{i}].id"), format!("duplicate section id \"{}\"", s.id)));
        }
    }
    for (i, s) in sections.iter().enumerate() {
        if let Some(p) = &s.parent {
            if !section_ids.contains_key(p.as_str()) {
                return Err(DataError::new(format!("sections[{i}].parent"), format!("unknown section id \"{p}\"")));
            }
        }
    }
    Ok(section_ids)
}

/// Each indicator: a unique id, a label, a known section, a finite value of a sensible
/// size and sign. Returns each id's index.
fn check_indicators<'a>(
    indicators: &'a [Indicator],
    section_ids: &FxHashMap<&str, usize>,
) -> Result<FxHashMap<&'a str, usize>, DataError> {
    let mut ids: FxHashMap<&str, usize> = FxHashMap::with_capacity_and_hasher(indicators.len(), Default::default());
    for (i, ind) in indicators.iter().enumerate() {
        let at = |field: &str| format!("indicators[{i}].{field}");
        if ind.id.trim().is_empty() {
            return Err(DataError::new(at("id"), "must not be empty"));
        }
        if let Some(first) = ids.insert(ind.id.as_str(), i) {
            return Err(DataError::new(at("id"), format!("duplicate id \"{}\" (also indicators[{first}])", ind.id)));
        }
        if ind.label.trim().is_empty() {
            return Err(DataError::new(at("label"), "must not be empty"));
        }
        if !section_ids.contains_key(ind.section.as_str()) {
            return Err(DataError::new(at("section"), format!("unknown section id \"{}\"", ind.section)));
        }
        check_value(ind, i)?;
    }
    Ok(ids)
}

/// A value is a finite number within ±[`MAX_ABS_VALUE`], negative only for a change.
fn check_value(ind: &Indicator, i: usize) -> Result<(), DataError> {
    let at = || format!("indicators[{i}].value");
    let v = ind.value;
    if v.is_nan() {
        return Err(DataError::new(at(), "expected a number, got NaN"));
    }
    if v.is_infinite() {
        return Err(DataError::new(at(), "expected a finite number, got Infinity"));
    }
    if v.abs() > MAX_ABS_VALUE {
        return Err(DataError::new(
            at(),
            format!("{} is too large to chart (the limit is ±1e15)", crate::format::sci(v)),
        ));
    }
    if v < 0.0 && !ind.kind.is_signed() {
        return Err(DataError::new(
            at(),
            format!("a {} cannot be negative (got {})", ind.kind.as_str(), crate::format::plain(v)),
        ));
    }
    Ok(())
}

/// `repeat_of` names an indicator; `of` names another indicator that is a figure (not a
/// change), and only a change has an `of`.
fn check_links(indicators: &[Indicator], ids: &FxHashMap<&str, usize>) -> Result<(), DataError> {
    for (i, ind) in indicators.iter().enumerate() {
        if let Some(r) = &ind.repeat_of {
            if !ids.contains_key(r.as_str()) {
                return Err(DataError::new(
                    format!("indicators[{i}].repeat_of"),
                    format!("unknown indicator id \"{r}\""),
                ));
            }
        }
        let Some(of) = &ind.of else { continue };
        let at = format!("indicators[{i}] (id \"{}\").of", ind.id);
        if !ind.kind.is_signed() {
            return Err(DataError::new(
                at,
                format!("only a change (yoy_change or change) can qualify a figure; this is a {}", ind.kind.as_str()),
            ));
        }
        match ids.get(of.as_str()) {
            None => return Err(DataError::new(at, format!("no indicator has id \"{of}\""))),
            Some(&j) if j == i => return Err(DataError::new(at, "a change cannot qualify itself")),
            Some(&j) if indicators[j].kind.is_signed() => {
                return Err(DataError::new(
                    at,
                    format!(
                        "\"{of}\" is a change ({}), not a figure a change can qualify",
                        indicators[j].kind.as_str()
                    ),
                ))
            }
            Some(_) => {}
        }
    }
    Ok(())
}

/// Quotes are not empty and sit at their spans in `text` (counted in chars); a missing
/// span is filled in from the quote's first occurrence.
fn check_quotes(text: &str, indicators: &mut [Indicator]) -> Result<(), DataError> {
    // Index the text once.
    let char_starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    let byte_at = |c: usize| -> Option<usize> {
        if c == char_starts.len() {
            Some(text.len())
        } else {
            char_starts.get(c).copied()
        }
    };
    for (i, ind) in indicators.iter_mut().enumerate() {
        if ind.quote.is_empty() {
            return Err(DataError::new(format!("indicators[{i}].quote"), "must not be empty"));
        }
        if text.is_empty() {
            ind.span = None;
            continue;
        }
        match ind.span {
            Some([s, e]) => {
                let ok = s < e
                    && match (byte_at(s), byte_at(e)) {
                        (Some(bs), Some(be)) => text.get(bs..be) == Some(ind.quote.as_str()),
                        _ => false,
                    };
                if !ok {
                    return Err(DataError::new(
                        format!("indicators[{i}].span"),
                        format!("[{s}, {e}] does not mark the quote \"{}\" in source.text", ind.quote),
                    ));
                }
            }
            None => match find_str(text, &ind.quote) {
                Some(b) => {
                    let s = text.get(..b).map_or(0, |t| t.chars().count());
                    ind.span = Some([s, s + ind.quote.chars().count()]);
                }
                None => {
                    return Err(DataError::new(
                        format!("indicators[{i}].quote"),
                        format!("\"{}\" is not in source.text", ind.quote),
                    ))
                }
            },
        }
    }
    Ok(())
}

/// The byte offset of the first `needle` in `hay`, as `hay.find(needle)` gives it, from the
/// positions of its first character (a memchr search). `str::find` with a string pattern
/// brings core's two-way searcher and its slicing panic (with char and range Debug) into
/// the wasm, about 4 kB.
fn find_str(hay: &str, needle: &str) -> Option<usize> {
    let Some(first) = needle.chars().next() else { return Some(0) };
    hay.match_indices(first)
        .map(|(i, _)| i)
        .find(|&i| hay.as_bytes().get(i..i + needle.len()) == Some(needle.as_bytes()))
}

impl Dataset {
    /// The chart's title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The report the figures come from.
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// The report's outline.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// The figures, in report order.
    pub fn indicators(&self) -> &[Indicator] {
        &self.indicators
    }

    /// Back to a raw dataset, to change it; validate it again to use it.
    pub fn into_raw(self) -> RawDataset {
        RawDataset { title: self.title, source: self.source, sections: self.sections, indicators: self.indicators }
    }

    /// The sentence around an indicator's quote (from the previous 。；！？ or line break
    /// to the next), as (before, quote, after), each side cut to `max_side` characters
    /// with "…". Empty sides when the text or span is missing.
    pub fn sentence(&self, ind: &Indicator, max_side: usize) -> (String, String, String) {
        let Some([s, e]) = ind.span else {
            return (String::new(), ind.quote.clone(), String::new());
        };
        let chars: Vec<char> = self.source.text.chars().collect();
        if s > e || e > chars.len() {
            return (String::new(), ind.quote.clone(), String::new());
        }
        let stop = |c: char| matches!(c, '。' | '；' | ';' | '！' | '？' | '\n');
        let mut a = s;
        while a > 0 && !stop(chars[a - 1]) {
            a -= 1;
        }
        let mut b = e;
        while b < chars.len() && !stop(chars[b]) {
            b += 1;
        }
        if b < chars.len() && chars[b] != '\n' {
            b += 1;
        }
        let mut before: String = chars[a.max(s.saturating_sub(max_side))..s].iter().collect();
        if s - a > max_side {
            before.insert(0, '…');
        }
        let mut after: String = chars[e..b.min(e + max_side)].iter().collect();
        if b - e > max_side {
            after.push('…');
        }
        (before, chars[s..e].iter().collect(), after)
    }

    /// The section of this id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// The top-level section an indicator's section belongs to (itself if top-level).
    pub fn top_section<'a>(&'a self, id: &'a str) -> &'a str {
        let mut cur = id;
        for _ in 0..self.sections.len() {
            match self.section(cur).and_then(|s| s.parent.as_deref()) {
                Some(p) => cur = p,
                None => break,
            }
        }
        cur
    }

    /// The change that qualifies the figure at `i` (a record whose `of` is its id), with
    /// its index; the first such in report order.
    pub fn change_of(&self, i: usize) -> Option<(usize, &Indicator)> {
        self.linked(i, 1)
    }

    /// The figure the change at `i` qualifies (its `of`), with its index.
    pub fn figure_of(&self, i: usize) -> Option<(usize, &Indicator)> {
        self.linked(i, 0)
    }

    /// Column `side` of `links` at `i` (0: the figure named by `of`, 1: the first change
    /// naming this one), with the record.
    fn linked(&self, i: usize, side: usize) -> Option<(usize, &Indicator)> {
        let j = *self.links.get(i)?.get(side)?;
        let j = usize::try_from(j).ok().filter(|_| j != NO_LINK)?;
        Some((j, self.indicators.get(j)?))
    }

    /// Indicators to chart: every figure once (repeats left out).
    pub fn distinct(&self) -> impl Iterator<Item = (usize, &Indicator)> {
        self.indicators.iter().enumerate().filter(|(_, i)| i.repeat_of.is_none())
    }
}

#[cfg(test)]
mod tests {
    use super::find_str;

    #[test]
    fn find_str_finds_what_str_find_finds() {
        let hay = "刑事立案数同比下降11.8%，破获各类案件212起，下降11.8%";
        for needle in ["下降11.8%", "212起", "刑", "%", "，", "无", "11.8%，破", "起，下降11.8%!", ""] {
            assert_eq!(find_str(hay, needle), hay.find(needle), "{needle}");
        }
        assert_eq!(find_str("aab", "ab"), Some(1));
        assert_eq!(find_str("", "a"), None);
    }
}
