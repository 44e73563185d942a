//! The column form of a dataset: how the browser's loader snippet (`src/web/loader.js`)
//! hands a dataset object to Rust in two flat columns instead of field by field.

use super::{DataError, Dataset, Indicator, Kind, RawDataset, Section, Source};

impl Dataset {
    /// Reads a dataset from its column form (the browser's fast path; see
    /// `src/web/loader.js`, which writes it). Returns `None` when the columns do not
    /// hold a whole dataset (wrong counts, a kind that is not one of [`Kind::ALL`], a
    /// string that holds a NUL); the caller then falls back to [`Dataset::from_json`],
    /// whose message names the fault. `Some` holds the validated dataset or the
    /// validation's error.
    ///
    /// - `strings`: text fields with a NUL between each two, in this order: `title`,
    ///   `source.title`, `source.text`; per section `id`, `title`, `title_en`, `parent`
    ///   (`""` when there is none); per indicator `id`, `label`, `label_en`, `quote`;
    ///   then the dictionary: the distinct values of the fields that repeat from record
    ///   to record (`section`, `unit`, `kind`, `repeat_of`, `of`), each once. A NUL inside a
    ///   string makes one string too many, and the counts no longer add up.
    /// - `nums`: `source.year`, the number of sections, of indicators and of dictionary
    ///   entries; per section 1 if it has a parent, else 0; per indicator the dictionary
    ///   numbers of its `section`, `unit`, `kind`, `repeat_of` and `of` (-1: none), `value`,
    ///   `approx` (0 or 1), the span's start and end (NaN when there is no span).
    pub fn from_columns(strings: &str, nums: &[f64]) -> Option<Result<Dataset, DataError>> {
        Self::from_columns_split(strings, nums, '\0')
    }

    /// [`Dataset::from_columns`] with `sep` between the strings instead of NUL (the
    /// loader picks another when a string holds a NUL).
    pub fn from_columns_split(strings: &str, nums: &[f64], sep: char) -> Option<Result<Dataset, DataError>> {
        Self::raw_from_columns(strings, nums, sep).map(RawDataset::validated)
    }

    /// The columns as a raw dataset; `None` when they do not add up.
    fn raw_from_columns(strings: &str, nums: &[f64], sep: char) -> Option<RawDataset> {
        let mut pieces = strings.split(sep);
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
            let mut link = || -> Option<Option<String>> {
                Some(match nums.next()? {
                    -1.0 => None,
                    r => Some(dict[entry(r)?].to_string()),
                })
            };
            let repeat_of = link()?;
            let of = link()?;
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
                of,
            });
        }
        if nums.next().is_some() {
            return None;
        }
        Some(RawDataset { title, source: Source { title: source_title, year, text }, sections, indicators })
    }
}
