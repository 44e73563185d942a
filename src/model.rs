//! The dataset: its types, how it is read from JSON (or any serde source), and the
//! validation that turns untrusted input into a [`Dataset`] the rest of the crate can
//! trust — or into a [`DataError`] that names the record and the field at fault.
//!
//! Nothing here touches the web; the browser shell feeds a `serde_wasm_bindgen`
//! deserializer into [`Dataset::from_deserializer`], native code and tests use
//! [`Dataset::from_json`].

use rustc_hash::{FxHashMap, FxHashSet};
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
    /// A ratio in per cent that may pass 100 (日均扫码比达111%).
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
            format!("expected one of {}, got \"{s}\"", all.join(", "))
        })
    }
}

impl Kind {
    pub const ALL: [Kind; 7] =
        [Kind::Count, Kind::Percent, Kind::YoyChange, Kind::Money, Kind::Ratio, Kind::Change, Kind::Rank];

    /// The kind named `s` (`"yoy_change"`), if it is one.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

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
    pub title: String,
    pub year: i32,
    /// The report's full text; every indicator's `quote` is a substring of it.
    pub text: String,
}

/// A heading of the report: `一、…` (parent `None`, or the opening paragraph) or `(一)…`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub title: String,
    /// The heading in English (empty when not translated).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title_en: String,
    #[serde(default)]
    pub parent: Option<String>,
}

/// One figure stated in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub section: String,
    /// What is counted, in Chinese.
    pub label: String,
    /// What is counted, in English (empty when nobody has translated it yet).
    #[serde(default)]
    pub label_en: String,
    /// Whole numbers are written without a fraction (80000, not 80000.0).
    #[serde(serialize_with = "serialize_value")]
    pub value: f64,
    pub unit: String,
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

/// A validated dataset. Construct it with [`Dataset::from_json`] or
/// [`Dataset::from_deserializer`]; both validate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub title: String,
    pub source: Source,
    pub sections: Vec<Section>,
    pub indicators: Vec<Indicator>,
}

/// Why a dataset was refused: `path` names the record and field
/// (`indicators[12].value`), `message` says what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub path: String,
    pub message: String,
}

impl DataError {
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

/// Turns serde's wording ("invalid type: string \"abc\", expected f64") into a reader's
/// ("expected a number, got \"abc\"").
fn humanize_serde_message(msg: &str) -> String {
    let msg = msg.split(" at line ").next().unwrap_or(msg);
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        if let Some((got, expected)) = rest.split_once(", expected ") {
            return format!("expected {}, got {}", expected_words(expected), got_words(got));
        }
    }
    if let Some(rest) = msg.strip_prefix("invalid value: ") {
        if let Some((got, expected)) = rest.split_once(", expected ") {
            return format!("expected {}, got {}", expected_words(expected), got_words(got));
        }
    }
    if let Some(rest) = msg.strip_prefix("invalid length ") {
        if let Some((n, expected)) = rest.split_once(", expected ") {
            return format!("expected {}, got {n} item(s)", expected_words(expected));
        }
    }
    if msg.contains("hex escape") || msg.contains("surrogate") {
        return format!("text holds an invalid Unicode escape (a lone surrogate, \\uD800–\\uDFFF): {msg}");
    }
    if let Some(rest) = msg.strip_prefix("duplicate field `").and_then(|r| r.strip_suffix('`')) {
        return format!("the field \"{rest}\" appears twice");
    }
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return format!("missing field {rest}");
    }
    msg.to_string()
}

/// serde's name for what it wanted, in a data author's words.
fn expected_words(expected: &str) -> String {
    match expected {
        "f64" | "f32" => "a number".into(),
        "i32" | "i64" => "a number (a whole one)".into(),
        "u32" | "u64" | "usize" => "a number (whole, 0 or more)".into(),
        "a string" => "text (a string)".into(),
        "a boolean" => "true or false".into(),
        "a sequence" => "a list".into(),
        "an array of length 2" => "a list of two numbers, [start, end]".into(),
        e if e.starts_with("struct ") || e == "a map" => "an object".into(),
        e => e.replace('`', ""),
    }
}

/// serde's description of what it found (`boolean \`true\``, `map`, `string "x"`), as
/// the value a data author would recognise.
fn got_words(got: &str) -> String {
    let tick = |s: &str| s.trim_matches('`').to_string();
    if let Some(v) = got.strip_prefix("string ") {
        return v.to_string();
    }
    for p in ["boolean ", "integer ", "floating point ", "character "] {
        if let Some(v) = got.strip_prefix(p) {
            return tick(v);
        }
    }
    match got {
        "map" => "an object".into(),
        "sequence" => "a list".into(),
        "unit value" | "null" => "null".into(),
        g => g.replace('`', ""),
    }
}

fn from_path_error<E: fmt::Display>(err: serde_path_to_error::Error<E>) -> DataError {
    let path = err.path().to_string();
    path_error(path, &err.into_inner().to_string())
}

fn path_error(path: String, inner: &str) -> DataError {
    let message = humanize_serde_message(inner);
    // A missing field is reported at the object that lacks it: name the field in the path.
    if let Some(field) = message.strip_prefix("missing field `").and_then(|r| r.strip_suffix('`')) {
        let path = if path == "." { field.to_string() } else { format!("{path}.{field}") };
        return DataError::new(path, "missing field");
    }
    DataError::new(if path == "." { String::new() } else { path }, message)
}

impl Dataset {
    /// The dataset as the JSON files in this repository are written: pretty-printed with
    /// two-space indents, UTF-8 (no `\u` escapes but for control characters), arrays of
    /// numbers on one line (`"span": [98, 114]`), whole numbers without a fraction, and a
    /// trailing newline. The same dataset always gives the same bytes.
    pub fn to_json_pretty(&self) -> Result<String, DataError> {
        // Plain structs and string keys: serde_json has nothing to refuse here, but a
        // library does not assume that.
        let pretty = serde_json::to_string_pretty(self)
            .map_err(|e| DataError::new("", format!("cannot write the dataset as JSON: {e}")))?;
        let mut out = String::with_capacity(pretty.len());
        let lines: Vec<&str> = pretty.lines().collect();
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i];
            // A line ending in `[` opens an array (a string value cannot end a line with
            // `[`: raw newlines are always escaped inside JSON strings). When every line
            // up to the closing `]` is a number, write the array on one line.
            if line.ends_with('[') {
                let mut items = Vec::new();
                let mut j = i + 1;
                while j < lines.len() {
                    let t = lines[j].trim();
                    let item = t.strip_suffix(',').unwrap_or(t);
                    if item.is_empty() || !item.bytes().all(|b| b.is_ascii_digit() || b"-+.eE".contains(&b)) {
                        break;
                    }
                    items.push(item);
                    j += 1;
                }
                let close = lines.get(j).map(|l| l.trim());
                if !items.is_empty() && matches!(close, Some("]") | Some("],")) {
                    out.push_str(line);
                    out.push_str(&items.join(", "));
                    out.push_str(close.unwrap_or("]"));
                    out.push('\n');
                    i = j + 1;
                    continue;
                }
            }
            out.push_str(line);
            out.push('\n');
            i += 1;
        }
        Ok(out)
    }

    /// Parses and validates a dataset from JSON text. A leading byte-order mark is allowed.
    pub fn from_json(text: &str) -> Result<Dataset, DataError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Err(DataError::new("", "the dataset is empty (no JSON at all)"));
        }
        if !text.trim_start().starts_with('{') {
            let got = match text.trim_start().chars().next() {
                Some('[') => "a list",
                Some('"') => "text",
                Some('t' | 'f') => "true or false",
                Some('n') => "null",
                Some(c) if c == '-' || c.is_ascii_digit() => "a number",
                _ => {
                    // Not JSON at all (an HTML error page, plain words): say so, and where.
                    let e = serde_json::from_str::<serde::de::IgnoredAny>(text).err();
                    let (line, col) = e.as_ref().map(|e| (e.line(), e.column())).unwrap_or((1, 1));
                    return Err(DataError::new("", format!("not valid JSON: it does not start like JSON (line {line}, column {col}); is this an HTML page or an error message?")));
                }
            };
            return Err(DataError::new(
                "",
                format!("expected an object (the dataset: {{ title, source, sections, indicators }}), got {got}"),
            ));
        }
        let mut de = serde_json::Deserializer::from_str(text);
        let raw: Dataset = match serde_path_to_error::deserialize(&mut de) {
            Ok(v) => v,
            Err(e) => {
                let path = e.path().to_string();
                let inner = e.into_inner();
                if inner.to_string().starts_with("number out of range") {
                    // Valid JSON, but a number no f64 holds (1e400): name the field.
                    return Err(DataError::new(
                        path,
                        format!(
                            "the number is out of range: beyond ±1.8e308 (line {}, column {})",
                            inner.line(),
                            inner.column()
                        ),
                    ));
                }
                if inner.is_syntax() || inner.is_eof() {
                    // Inside a record, say which field the bad JSON is in.
                    // serde_path_to_error writes `?` for a key it had not read yet.
                    let at = path.trim_end_matches(".?").trim_end_matches('?').trim_end_matches('.');
                    let at = if at.is_empty() { String::new() } else { at.to_string() };
                    return Err(DataError::new(
                        at,
                        format!(
                            "not valid JSON: {} (line {}, column {})",
                            humanize_serde_message(&inner.to_string()),
                            inner.line(),
                            inner.column()
                        ),
                    ));
                }
                return Err(path_error(path, &inner.to_string()));
            }
        };
        de.end().map_err(|e| {
            DataError::new(
                "",
                format!(
                    "not valid JSON: trailing characters after the dataset (line {}, column {})",
                    e.line(),
                    e.column()
                ),
            )
        })?;
        raw.validated()
    }

    /// Reads a dataset from any serde source (the browser passes a JS object through
    /// `serde_wasm_bindgen`) and validates it.
    pub fn from_deserializer<'de, D>(de: D) -> Result<Dataset, DataError>
    where
        D: serde::Deserializer<'de>,
    {
        let raw: Dataset = serde_path_to_error::deserialize(de).map_err(from_path_error)?;
        raw.validated()
    }

    /// Reads a dataset from its column form (the browser's fast path; see
    /// `src/web/loader.js`, which writes it). Returns `None` when the columns do not
    /// hold a whole dataset (wrong counts, a kind that is not one of [`Kind::ALL`], a
    /// string that holds a NUL); the caller then falls back to [`Dataset::from_json`],
    /// whose message names the fault. The result is not yet validated: call
    /// [`Dataset::validated`].
    ///
    /// - `strings`: text fields with a NUL between each two, in this order: `title`,
    ///   `source.title`, `source.text`; per section `id`, `title`, `title_en`, `parent`
    ///   (`""` when there is none); per indicator `id`, `label`, `label_en`, `quote`;
    ///   then the dictionary: the distinct values of the fields that repeat from record
    ///   to record (`section`, `unit`, `kind`, `repeat_of`), each once. A NUL inside a
    ///   string makes one string too many, and the counts no longer add up.
    /// - `nums`: `source.year`, the number of sections, of indicators and of dictionary
    ///   entries; per section 1 if it has a parent, else 0; per indicator the dictionary
    ///   numbers of its `section`, `unit`, `kind` and `repeat_of` (-1: none), `value`,
    ///   `approx` (0 or 1), the span's start and end (NaN when there is no span).
    pub fn from_columns(strings: &str, nums: &[f64]) -> Option<Dataset> {
        let mut pieces = strings.split('\0');
        // Counts are bounded by the strings they need, so a bad one cannot ask for a
        // huge Vec.
        let max = (strings.len() + 1) as f64;
        let whole = |x: f64, max: f64| (x.fract() == 0.0 && (0.0..=max).contains(&x)).then_some(x as usize);
        // 0 or 1 for false or true; anything else is not a flag.
        let flag = |x: f64| match x {
            0.0 => Some(false),
            1.0 => Some(true),
            _ => None,
        };
        let mut nums = nums.iter().copied();
        let year = nums.next().filter(|y| y.fract() == 0.0 && y.abs() <= i32::MAX as f64)? as i32;
        let n_sections = whole(nums.next()?, max)?;
        let n_indicators = whole(nums.next()?, max)?;
        let n_dict = whole(nums.next()?, max)?;
        let title = pieces.next()?.to_string();
        let source_title = pieces.next()?.to_string();
        let text = pieces.next()?.to_string();
        let mut sections = Vec::with_capacity(n_sections);
        for _ in 0..n_sections {
            let id = pieces.next()?.to_string();
            let title = pieces.next()?.to_string();
            let title_en = pieces.next()?.to_string();
            let parent = pieces.next()?;
            let parent = flag(nums.next()?)?.then(|| parent.to_string());
            sections.push(Section { id, title, title_en, parent });
        }
        // The indicators' own strings come before the dictionary: read them first.
        let mut own = Vec::with_capacity(n_indicators.min(strings.len() / 4 + 1));
        for _ in 0..n_indicators {
            own.push([pieces.next()?, pieces.next()?, pieces.next()?, pieces.next()?]);
        }
        let dict: Vec<&str> = pieces.by_ref().take(n_dict).collect();
        if dict.len() != n_dict || pieces.next().is_some() {
            return None;
        }
        let kinds: Vec<Option<Kind>> = dict.iter().map(|s| Kind::parse(s)).collect();
        let entry = |x: f64| whole(x, n_dict as f64 - 1.0);
        let mut indicators = Vec::with_capacity(own.len());
        for [id, label, label_en, quote] in own {
            let section = dict[entry(nums.next()?)?].to_string();
            let unit = dict[entry(nums.next()?)?].to_string();
            let kind = kinds[entry(nums.next()?)?]?;
            let repeat_of = match nums.next()? {
                -1.0 => None,
                r => Some(dict[entry(r)?].to_string()),
            };
            let value = nums.next()?;
            let approx = flag(nums.next()?)?;
            let (s, e) = (nums.next()?, nums.next()?);
            let span = if s.is_nan() && e.is_nan() {
                None
            } else {
                Some([whole(s, u32::MAX as f64)?, whole(e, u32::MAX as f64)?])
            };
            indicators.push(Indicator {
                id: id.to_string(),
                section,
                label: label.to_string(),
                label_en: label_en.to_string(),
                value,
                unit,
                kind,
                approx,
                quote: quote.to_string(),
                span,
                repeat_of,
            });
        }
        if nums.next().is_some() {
            return None;
        }
        Some(Dataset { title, source: Source { title: source_title, year, text }, sections, indicators })
    }

    /// Checks what types alone cannot: finite, sensible values; unique ids; sections
    /// that exist; quotes that are in the text. Fills in missing spans.
    pub fn validated(mut self) -> Result<Dataset, DataError> {
        if self.indicators.is_empty() {
            return Err(DataError::new("indicators", "the dataset has no indicators (the list is empty)"));
        }
        // Fx hashing: ids are the data author's, not an attacker's, and at 100,000
        // indicators SipHash was a third of the validation.
        let mut section_ids: FxHashSet<&str> = FxHashSet::default();
        for (i, s) in self.sections.iter().enumerate() {
            if s.id.trim().is_empty() {
                return Err(DataError::new(format!("sections[{i}].id"), "must not be empty"));
            }
            if !section_ids.insert(s.id.as_str()) {
                return Err(DataError::new(format!("sections[{i}].id"), format!("duplicate section id \"{}\"", s.id)));
            }
        }
        for (i, s) in self.sections.iter().enumerate() {
            if let Some(p) = &s.parent {
                if !section_ids.contains(p.as_str()) {
                    return Err(DataError::new(format!("sections[{i}].parent"), format!("unknown section id \"{p}\"")));
                }
            }
        }
        let mut ids: FxHashMap<&str, usize> =
            FxHashMap::with_capacity_and_hasher(self.indicators.len(), Default::default());
        for (i, ind) in self.indicators.iter().enumerate() {
            let at = |field: &str| format!("indicators[{i}].{field}");
            if ind.id.trim().is_empty() {
                return Err(DataError::new(at("id"), "must not be empty"));
            }
            if let Some(first) = ids.insert(ind.id.as_str(), i) {
                return Err(DataError::new(
                    at("id"),
                    format!("duplicate id \"{}\" (also indicators[{first}])", ind.id),
                ));
            }
            if ind.label.trim().is_empty() {
                return Err(DataError::new(at("label"), "must not be empty"));
            }
            if !section_ids.contains(ind.section.as_str()) {
                return Err(DataError::new(at("section"), format!("unknown section id \"{}\"", ind.section)));
            }
            let v = ind.value;
            if v.is_nan() {
                return Err(DataError::new(at("value"), "expected a number, got NaN"));
            }
            if v.is_infinite() {
                return Err(DataError::new(at("value"), "expected a finite number, got Infinity"));
            }
            if v.abs() > MAX_ABS_VALUE {
                return Err(DataError::new(at("value"), format!("{v:e} is too large to chart (the limit is ±1e15)")));
            }
            if v < 0.0 && !ind.kind.is_signed() {
                return Err(DataError::new(
                    at("value"),
                    format!("a {} cannot be negative (got {v})", ind.kind.as_str()),
                ));
            }
        }
        for (i, ind) in self.indicators.iter().enumerate() {
            if let Some(r) = &ind.repeat_of {
                if !ids.contains_key(r.as_str()) {
                    return Err(DataError::new(
                        format!("indicators[{i}].repeat_of"),
                        format!("unknown indicator id \"{r}\""),
                    ));
                }
            }
        }
        // Quotes and spans, counted in chars. Index the text once.
        let text = &self.source.text;
        let char_starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        let byte_at = |c: usize| -> Option<usize> {
            if c == char_starts.len() {
                Some(text.len())
            } else {
                char_starts.get(c).copied()
            }
        };
        for (i, ind) in self.indicators.iter_mut().enumerate() {
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
                            (Some(bs), Some(be)) => text[bs..be] == ind.quote,
                            _ => false,
                        };
                    if !ok {
                        return Err(DataError::new(
                            format!("indicators[{i}].span"),
                            format!("[{s}, {e}] does not mark the quote \"{}\" in source.text", ind.quote),
                        ));
                    }
                }
                None => match text.find(&ind.quote) {
                    Some(b) => {
                        let s = text[..b].chars().count();
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
        Ok(self)
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

    /// Indicators to chart: every figure once (repeats left out).
    pub fn distinct(&self) -> impl Iterator<Item = (usize, &Indicator)> {
        self.indicators.iter().enumerate().filter(|(_, i)| i.repeat_of.is_none())
    }
}
