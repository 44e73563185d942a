//! Hand corrections applied on top of an extraction (`indicators extract --overrides
//! FILE`). A first, deliberately small format — the overrides step proper is phase 2 and
//! may replace it:
//!
//! ```json
//! {
//!   "title": "2022年市公安局工作报告指标",
//!   "source_title": "市公安局2022年工作总结",
//!   "year": 2022,
//!   "drop": ["s5-1-03"],
//!   "patch": {
//!     "intro-01": { "id": "criminal-cases-yoy", "label_en": "Criminal cases filed" },
//!     "s3-2-07": { "unit": "项", "quote": "部署“交通秩序提升”“机动车礼让斑马线”两大攻坚" }
//!   },
//!   "add": [ { "id": "…", "section": "s1-1", "label": "…", "value": 1, "unit": "个",
//!              "kind": "count", "quote": "…" } ],
//!   "sections": { "intro": { "title": "总述", "title_en": "Overview" } }
//! }
//! ```
//!
//! Keys are the extractor's generated ids. An id that the extraction does not contain is
//! an error, so overrides that no longer fit the text are noticed rather than silently
//! ignored. A patched `quote` is looked for in the text where the extracted quote was:
//! its span becomes the occurrence nearest the old one (a quote the text states twice
//! keeps to its own sentence); a quote that is not in the text fails validation.

use crate::model::{DataError, Dataset, Indicator, Kind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Reviewed corrections to an extraction (the format above).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    /// The dataset's title.
    #[serde(default)]
    pub title: Option<String>,
    /// The report's title.
    #[serde(default)]
    pub source_title: Option<String>,
    /// The report's year.
    #[serde(default)]
    pub year: Option<i32>,
    /// Extracted ids to leave out.
    #[serde(default)]
    pub drop: Vec<String>,
    /// Field changes by extracted id; `id` renames.
    #[serde(default)]
    pub patch: BTreeMap<String, Patch>,
    /// Figures the extractor missed.
    #[serde(default)]
    pub add: Vec<Indicator>,
    /// Section changes by id.
    #[serde(default)]
    pub sections: BTreeMap<String, SectionPatch>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
/// Field changes to one extracted figure; absent fields stay as extracted.
pub struct Patch {
    /// A new id.
    pub id: Option<String>,
    /// A new section id.
    pub section: Option<String>,
    /// A new label.
    pub label: Option<String>,
    /// The English label.
    pub label_en: Option<String>,
    /// A new value.
    pub value: Option<f64>,
    /// A new unit.
    pub unit: Option<String>,
    /// A new kind.
    pub kind: Option<Kind>,
    /// A new approx flag.
    pub approx: Option<bool>,
    /// A new quote (must be in the text).
    pub quote: Option<String>,
    /// `null` is not distinguishable from absent here: use "" to clear.
    pub repeat_of: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
/// Changes to one section; absent fields stay as extracted.
pub struct SectionPatch {
    /// A new title.
    pub title: Option<String>,
    /// The English title.
    pub title_en: Option<String>,
}

/// Why overrides could not be applied.
#[derive(Debug, Clone, PartialEq)]
pub enum OverridesError {
    /// The overrides file is not valid JSON of the format above.
    Parse(String),
    /// An override names an id the extraction does not have.
    UnknownId {
        /// Where in the overrides the id is (`drop[2]`, `patch.<id>`, `sections.<id>`).
        field: String,
        /// The id.
        id: String,
    },
    /// The corrected dataset does not validate.
    Invalid(DataError),
}

impl fmt::Display for OverridesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OverridesError::Parse(m) => write!(f, "the overrides are not valid: {m}"),
            OverridesError::UnknownId { field, id } => {
                write!(f, "{field}: no extracted figure or section has the id \"{id}\" (the overrides no longer fit the text?)")
            }
            OverridesError::Invalid(e) => write!(f, "the corrected dataset is invalid: {e}"),
        }
    }
}

impl std::error::Error for OverridesError {}

impl Overrides {
    /// Reads overrides from JSON.
    pub fn from_json(text: &str) -> Result<Overrides, OverridesError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut de = serde_json::Deserializer::from_str(text);
        let ov: Overrides = serde_path_to_error::deserialize(&mut de)
            .map_err(|e| OverridesError::Parse(format!("{}: {}", e.path(), e.inner())))?;
        de.end().map_err(|e| OverridesError::Parse(e.to_string()))?;
        Ok(ov)
    }
}

/// The span, in chars, of the occurrence of `quote` in `text` that starts nearest to char
/// `near`; `None` when `quote` is empty or not in `text`.
fn nearest_occurrence(text: &str, quote: &str, near: usize) -> Option<[usize; 2]> {
    if quote.is_empty() {
        return None;
    }
    let len = quote.chars().count();
    let mut best: Option<usize> = None;
    let (mut chars_before, mut last_byte) = (0usize, 0usize);
    for (b, _) in text.match_indices(quote) {
        chars_before += text[last_byte..b].chars().count();
        last_byte = b;
        if best.is_none_or(|s| chars_before.abs_diff(near) < s.abs_diff(near)) {
            best = Some(chars_before);
        }
    }
    best.map(|s| [s, s + len])
}

/// Every id the overrides name must be in the extraction.
fn check_ids(ds: &Dataset, ov: &Overrides) -> Result<(), OverridesError> {
    let has = |id: &str| ds.indicators().iter().any(|i| i.id == id);
    for (k, id) in ov.drop.iter().enumerate() {
        if !has(id) {
            return Err(OverridesError::UnknownId { field: format!("drop[{k}]"), id: id.clone() });
        }
    }
    for id in ov.patch.keys() {
        if !has(id) {
            return Err(OverridesError::UnknownId { field: format!("patch.{id}"), id: id.clone() });
        }
    }
    for id in ov.sections.keys() {
        if ds.section(id).is_none() {
            return Err(OverridesError::UnknownId { field: format!("sections.{id}"), id: id.clone() });
        }
    }
    Ok(())
}

impl Patch {
    /// Changes the fields of `ind` this patch sets (all but the id: renames are applied
    /// after every patch, so repeat_of can follow them); a new quote moves the span to
    /// its occurrence in `text` nearest the old one.
    fn apply_to(&self, ind: &mut Indicator, text: &str) {
        if let Some(v) = &self.section {
            ind.section = v.clone();
        }
        if let Some(v) = &self.label {
            ind.label = v.clone();
        }
        if let Some(v) = &self.label_en {
            ind.label_en = v.clone();
        }
        if let Some(v) = self.value {
            ind.value = v;
        }
        if let Some(v) = &self.unit {
            ind.unit = v.clone();
        }
        if let Some(v) = self.kind {
            ind.kind = v;
        }
        if let Some(v) = self.approx {
            ind.approx = v;
        }
        if let Some(v) = &self.quote {
            ind.span = ind.span.and_then(|old| nearest_occurrence(text, v, old[0]));
            ind.quote = v.clone();
        }
        if let Some(v) = &self.repeat_of {
            ind.repeat_of = if v.is_empty() { None } else { Some(v.clone()) };
        }
    }
}

/// Applies `ov` to an extracted dataset and validates the result.
pub fn apply_overrides(ds: Dataset, ov: &Overrides) -> Result<Dataset, OverridesError> {
    check_ids(&ds, ov)?;
    let mut ds = ds.into_raw();
    ds.indicators.retain(|i| !ov.drop.contains(&i.id));
    for ind in ds.indicators.iter_mut() {
        if let Some(r) = &ind.repeat_of {
            if ov.drop.contains(r) {
                ind.repeat_of = None;
            }
        }
        if ind.of.as_ref().is_some_and(|f| ov.drop.contains(f)) {
            ind.of = None;
        }
    }
    let mut renames: BTreeMap<String, String> = BTreeMap::new();
    for ind in ds.indicators.iter_mut() {
        let Some(p) = ov.patch.get(&ind.id) else { continue };
        p.apply_to(ind, &ds.source.text);
        if let Some(v) = &p.id {
            renames.insert(ind.id.clone(), v.clone());
        }
    }
    for ind in ds.indicators.iter_mut() {
        if let Some(new) = renames.get(&ind.id) {
            ind.id = new.clone();
        }
        if let Some(r) = ind.repeat_of.as_ref().and_then(|r| renames.get(r)) {
            ind.repeat_of = Some(r.clone());
        }
        if let Some(r) = ind.of.as_ref().and_then(|r| renames.get(r)) {
            ind.of = Some(r.clone());
        }
    }
    ds.indicators.extend(ov.add.iter().cloned());
    for s in ds.sections.iter_mut() {
        if let Some(p) = ov.sections.get(&s.id) {
            if let Some(t) = &p.title {
                s.title = t.clone();
            }
            if let Some(t) = &p.title_en {
                s.title_en = t.clone();
            }
        }
    }
    if let Some(t) = &ov.title {
        ds.title = t.clone();
    }
    if let Some(t) = &ov.source_title {
        ds.source.title = t.clone();
    }
    if let Some(y) = ov.year {
        ds.source.year = y;
    }
    ds.validated().map_err(OverridesError::Invalid)
}
