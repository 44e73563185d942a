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
//! * what precedes — [`labels`]: direction (同比下降 → negative yoy_change), approximation,
//!   分别 and 均 lists, scope words;
//! * left out as names: anything in “…” or 《…》, codes (PM2.5, 5G), 第N ordinals unless a
//!   ranking (列全省第一), 二十大, fixed terms (三次产业), numbered documents
//!   (八项…清单), definitions (“5”即1名…), thresholds (3人以上的, 10万元以上的) and
//!   durations that name something (15分钟办证圈).
//!
//! Pure Rust, no I/O; never panics (all text access is bounds-checked) and runs in time
//! linear in the text.

mod labels;
mod numbers;
mod overrides;
mod sections;
mod text;
mod units;

pub use labels::labels_overlap;
pub use overrides::{apply_overrides, Overrides, OverridesError};
pub use sections::INTRO_TITLE;

use crate::model::{DataError, Dataset, Indicator, Kind, Section, Source, MAX_ABS_VALUE};
use labels::{strip_leading, strip_trailing, Trail};
use numbers::{is_cn_numeral, scan_arabic, scan_chinese};
use sections::SectionSpan;
use std::collections::HashMap;
use std::fmt;
use text::{is_boundary, is_strong_boundary, Doc};
use units::{parse_suffix, Suffix, Unit, UnitClass};

/// How far back a label may reach, in chars.
const MAX_LABEL_BACK: usize = 32;
/// The longest quote, in chars: a list of figures sharing one label ("23起28人") or one
/// direction gets quotes reaching back to its start only this far.
const MAX_QUOTE: usize = 64;
/// A 、-joined group of figures longer than this is not a list anyone names one by one.
const MAX_GROUP: usize = 64;
/// How far a noun after the counter may reach, in chars.
const MAX_POST: usize = 16;
/// A label before the number this short is kept as the verb of a noun that follows
/// ("组建" + "电话流调队伍").
const SHORT_PRE: usize = 6;

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
    pub sections: Vec<Section>,
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
    let ds = Dataset {
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
    let cands = sc.finish();
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
        });
    }
    if mark_repeats {
        mark_repeated(&mut indicators);
    }
    Extraction { sections, indicators }
}

/// The first plausible year (19xx/20xx followed by 年) in the text that is not a
/// comparison (比2021年, 较2020年, 与2021年相比), else 0.
pub fn detect_year(text: &str) -> i32 {
    let chars: Vec<char> = text.chars().take(20_000).map(text::normalize).collect();
    for w in chars.windows(6) {
        if let [before, a, b, c, d, '年'] = w {
            if matches!(before, '比' | '较' | '与' | '于') || before.is_ascii_digit() {
                continue;
            }
            let s: String = [*a, *b, *c, *d].iter().collect();
            if let Ok(y) = s.parse::<i32>() {
                if (1900..=2100).contains(&y) {
                    return y;
                }
            }
        }
    }
    // A text that starts with its year.
    if let [a, b, c, d, '年', ..] = chars.as_slice() {
        let s: String = [*a, *b, *c, *d].iter().collect();
        if let Ok(y) = s.parse::<i32>() {
            if (1900..=2100).contains(&y) {
                return y;
            }
        }
    }
    0
}

fn default_source_title(text: &str, year: i32) -> String {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let n = first.chars().count();
    let looks_like_title =
        n > 0 && n <= 40 && !first.chars().any(|c| matches!(text::normalize(c), '。' | ',' | ';' | '、' | ':'));
    if looks_like_title {
        first.to_string()
    } else if year > 0 {
        format!("{year}年工作报告")
    } else {
        "工作报告".to_string()
    }
}

/// A figure before ids are given.
#[derive(Debug, Clone)]
struct Cand {
    section: usize,
    label: String,
    value: f64,
    unit: String,
    kind: Kind,
    approx: bool,
    qs: usize,
    qe: usize,
}

/// What a figure said beyond its value, passed on to the next figure of a list
/// ("同比分别上升20.84%、27.9%", "23起28人").
#[derive(Debug, Clone, Default)]
struct Flags {
    dir: i8,
    yoy: bool,
    chain: bool,
    level: bool,
    share: bool,
    each: bool,
    bulletin_verb: bool,
}

#[derive(Debug, Clone)]
struct Last {
    /// End of the figure (unit and 以上/左右 included).
    end: usize,
    qs: usize,
    label: String,
    flags: Flags,
}

/// A 分别 list in progress: the names to hand out, and the figures so far.
#[derive(Debug, Clone)]
struct Run {
    names: Vec<String>,
    members: Vec<usize>,
    core: String,
}

/// A number with what follows it, ready for its label.
struct Found {
    /// Where the words before it end (the number's first char, or the ranking verb).
    pre_end: usize,
    /// The number's first char.
    start: usize,
    value: f64,
    approx: bool,
    unit: Option<Unit>,
    mult: i32,
    end: usize,
    chinese: bool,
    rank: bool,
}

struct Scanner<'a> {
    doc: &'a Doc,
    spans: &'a [SectionSpan],
    out: Vec<Cand>,
    /// Labels read backwards stop here: the end of the last figure or left-out number.
    floor: usize,
    last: Option<Last>,
    /// Indices of the figures of the current 、-joined group.
    group: Vec<usize>,
    run: Option<Run>,
    yoy_marks: Vec<usize>,
    line_starts: Vec<usize>,
    report_year: i32,
}

static YOY_MARKERS: &[&str] =
    &["同比", "比上年", "较上年", "比去年", "较去年", "与上年相比", "与去年相比", "上年同期", "去年同期"];

/// Chars before a ranking's 第: the verb (列, 居, 排名…), then a scope (全省, 全国同类城市).
static RANK_VERBS: &[&str] = &["位列", "位居", "名列", "跃居", "排名", "排在", "居于", "位于", "列", "居", "排"];

impl<'a> Scanner<'a> {
    fn new(doc: &'a Doc, spans: &'a [SectionSpan], report_year: i32) -> Self {
        let mut yoy_marks = Vec::new();
        let mut line_starts = vec![0];
        for i in 0..doc.len() {
            let c = doc.c(i);
            if c == '\n' {
                line_starts.push(i + 1);
            } else if matches!(c, '同' | '比' | '较' | '与' | '上' | '去')
                && (doc.longest_at(i, YOY_MARKERS).is_some()
                    || matches!(c, '比' | '较')
                        && (1..=4).all(|k| doc.c(i + k).is_ascii_digit())
                        && doc.c(i + 5) == '年')
            {
                yoy_marks.push(i);
            }
        }
        Scanner {
            doc,
            spans,
            out: Vec::new(),
            floor: 0,
            last: None,
            group: Vec::new(),
            run: None,
            yoy_marks,
            line_starts,
            report_year,
        }
    }

    fn run(&mut self) {
        let doc = self.doc;
        let n = doc.len();
        let mut i = 0;
        while i < n {
            if doc.is_masked(i) || doc.is_quoted(i) {
                i += 1;
                continue;
            }
            let c = doc.c(i);
            let next = if c == '第' {
                self.ordinal(i)
            } else if c.is_ascii_digit() {
                self.arabic(i)
            } else if is_cn_numeral(c) {
                self.chinese(i)
            } else {
                i + 1
            };
            i = next.max(i + 1);
        }
    }

    fn finish(mut self) -> Vec<Cand> {
        self.close_run();
        self.out
    }

    fn section_at(&self, pos: usize) -> usize {
        self.spans.partition_point(|s| s.start <= pos).saturating_sub(1)
    }

    /// A yoy marker earlier in the same paragraph.
    fn paragraph_has_yoy(&self, pos: usize) -> bool {
        let ls = self.line_starts.partition_point(|&s| s <= pos).saturating_sub(1);
        let line_start = self.line_starts.get(ls).copied().unwrap_or(0);
        let k = self.yoy_marks.partition_point(|&m| m < pos);
        k > 0 && self.yoy_marks.get(k - 1).is_some_and(|&m| m >= line_start)
    }

    /// Left out: later labels must not reach back over it.
    fn skip_to(&mut self, end: usize) -> usize {
        self.floor = self.floor.max(end);
        end
    }

    // ---- numbers -------------------------------------------------------------------

    fn arabic(&mut self, i: usize) -> usize {
        let doc = self.doc;
        let scan = scan_arabic(doc, i);
        let Some(mut num) = scan.num else { return scan.end };
        let j = scan.end;
        let prev = doc.before(i);
        let mut start = i;
        // Codes and names: PM2.5, 5G, G60, 1+N, 9/27, 8:30, 2021-2025.
        let code = |c: char| c.is_ascii_alphabetic() || matches!(c, '+' | '_' | '#' | '@' | '&' | '=' | '.' | '*');
        if code(prev) || code(doc.c(j)) && doc.c(j) != '.' {
            let mut e = j;
            while doc.c(e).is_ascii_alphanumeric() || doc.c(e) == '+' {
                e += 1;
            }
            return e;
        }
        if matches!(prev, ':' | '/' | '~') && doc.before(i - 1).is_ascii_digit() {
            return j;
        }
        if prev == '-' {
            let pp = doc.before(i - 1);
            if pp.is_ascii_alphanumeric() {
                return j;
            }
            num.negative = true;
            start = i - 1;
        }
        if matches!(doc.c(j), ':' | '-' | '~') && doc.c(j + 1).is_ascii_digit() {
            return j;
        }
        if prev == '每' {
            let suf = parse_suffix(doc, j);
            return suf.end.max(j);
        }
        let suf = parse_suffix(doc, j);
        if doc.c(j) == '/' && !suf.unit.as_ref().is_some_and(|u| u.class == UnitClass::PerRatio) {
            return j + 1;
        }
        if suf.date {
            // 比2021年增长9.6%, 恢复到2019年同期的78.6%: a year is part of the words around a
            // figure (labels read back over it), not a left-out figure.
            if matches!(prev, '比' | '较') || (j - i == 4 && doc.c(j) == '年') {
                return suf.end.max(j + 1);
            }
            return self.skip_to(suf.end.max(j + 1));
        }
        let Some(value) = num.value(suf.mult) else { return suf.end.max(j) };
        let end = suf.end;
        self.figure(
            Found {
                pre_end: start,
                start,
                value,
                approx: suf.approx,
                unit: suf.unit.clone(),
                mult: suf.mult,
                end,
                chinese: false,
                rank: false,
            },
            &suf,
        )
        .max(j)
    }

    fn chinese(&mut self, i: usize) -> usize {
        let doc = self.doc;
        if let Some(t) = labels::FIXED_TERMS.iter().find(|t| doc.starts_with(i, t)) {
            return i + t.chars().count();
        }
        let scan = scan_chinese(doc, i);
        let Some(num) = scan.num else { return scan.end };
        let j = scan.end;
        if num.lone_one || matches!(doc.before(i), '期' | '周' | '初' | '拜' | '每') {
            return j;
        }
        let after_approx = doc.longest_ending(i, &["超过", "超", "近", "逾", "约", "将近", "突破"]).is_some();
        if num.leading_big && !after_approx {
            return j;
        }
        let suf = parse_suffix(doc, j);
        let value = num.value * 10f64.powi(suf.mult);
        let ok_unit = match &suf.unit {
            Some(u) => u.cn_ok && !(u.da && num.value >= 10.0) && u.class != UnitClass::PerRatio,
            // 超千亿: an amount with no unit.
            None => num.big_suffix && after_approx,
        };
        if !ok_unit {
            return j;
        }
        let end = suf.end;
        self.figure(
            Found {
                pre_end: i,
                start: i,
                value,
                approx: suf.approx,
                unit: suf.unit.clone(),
                mult: suf.mult + if num.big_suffix { 4 } else { 0 },
                end,
                chinese: true,
                rank: false,
            },
            &suf,
        )
        .max(j)
    }

    /// 第N: a ranking after 列/居/排名 (列全省第一), else an ordinal, left out.
    fn ordinal(&mut self, i: usize) -> usize {
        let doc = self.doc;
        let k = doc.skip_spaces(i + 1, 1);
        let (value, end) = if doc.c(k).is_ascii_digit() {
            let s = scan_arabic(doc, k);
            match s.num.and_then(|a| a.value(0)) {
                Some(v) => (v, s.end),
                None => return s.end,
            }
        } else if is_cn_numeral(doc.c(k)) {
            let s = scan_chinese(doc, k);
            match s.num {
                Some(c) => (c.value, s.end),
                None => return s.end,
            }
        } else {
            return i + 1;
        };
        if !(1.0..=1000.0).contains(&value) || value.fract() != 0.0 {
            return end;
        }
        // The verb must be close before 第, in the same clause.
        let mut verb: Option<usize> = None;
        let mut p = i;
        let mut steps = 0;
        while p > self.floor && steps < 10 {
            let c = doc.before(p);
            if is_boundary(c) || doc.is_quoted(p - 1) || c.is_ascii_digit() {
                break;
            }
            if let Some(v) = doc.longest_ending(p, RANK_VERBS) {
                verb = Some(p - v.chars().count());
                break;
            }
            p -= 1;
            steps += 1;
        }
        let Some(verb_start) = verb else { return end };
        let mut fig_end = end;
        if matches!(doc.c(fig_end), '位' | '名') {
            fig_end += 1;
        }
        let unit = Unit { text: "名次".to_string(), class: UnitClass::Count, cn_ok: true, da: false };
        let suf = Suffix {
            mult: 0,
            approx: false,
            unit: Some(unit.clone()),
            unit_end: fig_end,
            end: fig_end,
            date: false,
            threshold: false,
        };
        self.figure(
            Found {
                pre_end: verb_start,
                start: i,
                value,
                approx: false,
                unit: Some(unit),
                mult: 0,
                end: fig_end,
                chinese: false,
                rank: true,
            },
            &suf,
        )
        .max(end)
    }

    // ---- labels --------------------------------------------------------------------

    /// Reads back from `end` to the clause boundary, the floor, a number or the length
    /// limit. Quotations are passed over whole. Returns the start.
    fn back_scan(&self, end: usize, strong_only: bool, limit: usize) -> usize {
        let doc = self.doc;
        let mut p = end;
        let mut steps = 0;
        while p > self.floor {
            let q = p - 1;
            if doc.is_masked(q) {
                break;
            }
            if let Some((a, _)) = doc.quote_region(q) {
                if a < self.floor {
                    break;
                }
                p = a;
                steps += 1;
                continue;
            }
            let c = doc.c(q);
            // 价格指数（CPI）, 重点镇(街道): a short parenthetical is part of the words.
            if c == ')' {
                let mut o = q;
                let mut k = 0;
                while o > self.floor && k < 12 {
                    o -= 1;
                    k += 1;
                    let d = doc.c(o);
                    if d == '(' || is_boundary(d) || d.is_ascii_digit() {
                        break;
                    }
                }
                if doc.c(o) == '(' && o + 1 < q && o >= self.floor && !doc.is_masked(o) {
                    p = o;
                    steps += q - o;
                    continue;
                }
            }
            let stop = if strong_only { is_strong_boundary(c) } else { is_boundary(c) };
            if stop {
                break;
            }
            if c.is_ascii_digit() {
                // 比2021年, PM2.5, 5G: part of the words, not a figure.
                let mut a = q;
                while a > self.floor && doc.before(a).is_ascii_digit()
                    || a > self.floor && doc.before(a) == '.' && doc.before(a - 1).is_ascii_digit()
                {
                    a -= 1;
                    if q - a > 20 {
                        break;
                    }
                }
                let year_cmp = q + 1 - a == 4 && doc.c(q + 1) == '年';
                let code = doc.before(a).is_ascii_alphabetic() || doc.c(q + 1).is_ascii_alphabetic();
                if year_cmp || code {
                    p = a;
                    steps += q + 1 - a;
                    continue;
                }
                break;
            }
            steps += 1;
            if steps > limit {
                break;
            }
            p = q;
        }
        p
    }

    /// The noun after a counter ("390人电话流调队伍"), if one follows.
    fn post_noun(&self, from: usize) -> Option<(usize, usize)> {
        let doc = self.doc;
        if doc.longest_at(from, labels::POST_BLOCKERS).is_some() {
            return None;
        }
        let mut p = from;
        let mut n = 0;
        while p < doc.len() && n < MAX_POST {
            if let Some((_, b)) = doc.quote_region(p) {
                p = b;
                n += 1;
                continue;
            }
            let c = doc.c(p);
            if is_boundary(c) || c.is_ascii_digit() || c == ' ' || matches!(c, '和' | '及' | '与' | '等') {
                break;
            }
            p += 1;
            n += 1;
        }
        (p > from).then_some((from, p))
    }

    fn is_definition(&self, pos: usize) -> bool {
        // “5”即1名…: the clause defines a quoted name.
        let doc = self.doc;
        let cs = self.back_scan_raw_strong(pos);
        match doc.quote_region(cs) {
            Some((a, b)) if a == cs => doc.c(b) == '即',
            _ => false,
        }
    }

    /// Clause start for the definition check: ignores the floor, passes 、 and quotes.
    fn back_scan_raw_strong(&self, end: usize) -> usize {
        let doc = self.doc;
        let mut p = end;
        let mut steps = 0;
        while p > 0 && steps < 48 {
            let q = p - 1;
            if let Some((a, _)) = doc.quote_region(q) {
                p = a;
            } else if is_strong_boundary(doc.c(q)) {
                break;
            } else {
                p = q;
            }
            steps += 1;
        }
        p
    }

    /// Extends a label back over the items of a list (A、B, A,及B) and splits it.
    fn list_items(&self, clause_start: usize, core_end: usize) -> (usize, Vec<(usize, usize)>) {
        let doc = self.doc;
        let mut ls = clause_start;
        for _ in 0..8 {
            let b = doc.before(ls);
            let prev_is_item_sep = b == '、'
                || (b == ','
                    && (doc.starts_with(ls, "及") || doc.starts_with(ls, "和") || doc.starts_with(ls, "以及")));
            if !prev_is_item_sep || ls == 0 || ls - 1 <= self.floor {
                break;
            }
            let s = self.back_scan(ls - 1, false, MAX_LABEL_BACK);
            if s >= ls - 1 {
                break;
            }
            ls = s;
        }
        let mut items = Vec::new();
        let mut a = ls;
        let mut p = ls;
        while p <= core_end {
            let at_end = p == core_end;
            let sep = !at_end
                && !doc.is_quoted(p)
                && matches!(doc.c(p), '、' | ',' | '和' | '及' | '与')
                && !doc.starts_with(p, "及时");
            if at_end || sep {
                let s = strip_leading(doc, a, p);
                let e = doc.skip_spaces_back(p).max(s);
                if e > s {
                    items.push((s, e));
                }
                a = p + 1;
            }
            p += 1;
        }
        (ls, items)
    }

    fn close_run(&mut self) {
        if let Some(run) = self.run.take() {
            if !run.names.is_empty() && run.names.len() != run.members.len() {
                let joined = if run.core.is_empty() { run.names.join("、") } else { run.core.clone() };
                for &m in &run.members {
                    if let Some(c) = self.out.get_mut(m) {
                        c.label = joined.clone();
                    }
                }
            }
        }
    }

    /// Labels, classifies and records a figure; returns where scanning resumes.
    fn figure(&mut self, f: Found, suf: &Suffix) -> usize {
        let doc = self.doc;
        let resume = f.end;
        if suf.threshold {
            return self.skip_to(resume);
        }
        if !f.value.is_finite() || f.value.abs() > MAX_ABS_VALUE {
            return self.skip_to(resume);
        }
        let class = f.unit.as_ref().map(|u| u.class);
        // Words before.
        let ps = self.back_scan(f.pre_end, false, MAX_LABEL_BACK);
        let trail: Trail = strip_trailing(doc, ps, f.pre_end, self.report_year);
        let mut core_end = trail.core_end;
        let mut core_start = strip_leading(doc, ps, core_end).min(core_end);
        // "113个集体和729名个人": the words before belong to the previous figure.
        let after_conj = self.last.as_ref().is_some_and(|l| l.end == ps)
            && core_end > core_start
            && matches!(doc.before(core_end), '和' | '及' | '与' | '、');
        if after_conj {
            core_start = core_end;
        }
        // Continuation of the previous figure: "23起28人", "20.84%、27.9%".
        let cont = match &self.last {
            Some(l) if core_start == core_end && !after_conj && l.end <= core_end => {
                let gap = doc.norm_str(l.end, core_end);
                let gap = gap.trim();
                ["", "、", "和", "及", "与", "以及", "或"].contains(&gap)
            }
            _ => false,
        };
        if !f.rank && self.is_definition(f.start) {
            return self.skip_to(resume);
        }
        let mut flags = Flags {
            dir: trail.dir,
            yoy: trail.yoy,
            chain: trail.chain,
            level: trail.level,
            share: trail.share,
            each: trail.each,
            bulletin_verb: trail.bulletin_verb,
        };
        if cont {
            if let Some(l) = &self.last {
                if flags.dir == 0 {
                    flags.dir = l.flags.dir;
                    flags.level = flags.level || l.flags.level;
                    flags.bulletin_verb = l.flags.bulletin_verb;
                }
                flags.yoy = flags.yoy || l.flags.yoy;
                flags.chain = flags.chain || l.flags.chain;
                flags.share = flags.share || l.flags.share;
                flags.each = flags.each || l.flags.each;
            }
        }
        let approx = f.approx || trail.approx;
        let counts_things = class.is_some_and(UnitClass::counts_things) && !f.rank;
        let post = if counts_things { self.post_noun(suf.unit_end.min(f.end).max(f.start)) } else { None };

        // Name-like uses of a number.
        if let Some((pa, pb)) = post {
            let post_text = doc.norm_str(pa, pb);
            let cut = post_text.split('等').next().unwrap_or("").to_string();
            if f.chinese
                && (labels::DOCUMENT_WORDS.iter().any(|w| cut.contains(w)) || (pa..pb).any(|k| doc.is_quoted(k)))
            {
                return self.skip_to(resume);
            }
            if class == Some(UnitClass::Duration) {
                return self.skip_to(resume);
            }
        }

        // Direction that does not apply to a count: keep the verb in the label.
        let mut yoy =
            flags.yoy || (flags.dir != 0 && flags.bulletin_verb && !flags.chain && self.paragraph_has_yoy(f.start));
        let dir_applies = flags.dir != 0 && !flags.level;
        let count_like =
            matches!(class, Some(UnitClass::Count | UnitClass::Duration | UnitClass::Age) | None) && !f.rank;
        if count_like && dir_applies && !yoy && !flags.chain {
            if let Some(e) = trail.dir_word_end {
                core_end = e;
                core_start = strip_leading(doc, ps, core_end).min(core_end);
                flags.dir = 0;
            }
        }
        let core = doc.raw_str(core_start, core_end).trim().to_string();

        // The label and the quote.
        let mut qs = if core.is_empty() { core_end.min(f.start) } else { core_start };
        let mut qe = f.end;
        let mut label;
        let mut run_names: Option<Vec<String>> = None;
        let mut all_items: Vec<String> = Vec::new();
        let starts_run = flags.each && !cont;
        if flags.each || trail.all {
            let (ls, items) = self.list_items(ps, core_end);
            let names: Vec<String> = items.iter().map(|&(a, b)| doc.raw_str(a, b).trim().to_string()).collect();
            if trail.all && names.len() >= 2 {
                all_items = names.clone();
                qs = ls;
            }
            if starts_run {
                if names.len() >= 2 {
                    qs = ls;
                    run_names = Some(names);
                } else if core.is_empty() {
                    // "58起、死亡49人，同比分别下降17.1%、12.5%": the names of the figures just before.
                    let group_ok =
                        self.group.len() >= 2 && self.last.as_ref().is_some_and(|l| l.end + 1 >= ps && l.end <= ps);
                    if group_ok {
                        let names: Vec<String> =
                            self.group.iter().filter_map(|&g| self.out.get(g).map(|c| c.label.clone())).collect();
                        run_names = Some(names);
                    }
                }
            }
        }
        if cont && !starts_run {
            let l = self.last.as_ref();
            qs = l.map(|l| l.qs).unwrap_or(qs).min(qs);
            label = l.map(|l| l.label.clone()).unwrap_or_default();
            if let Some(run) = &self.run {
                if let Some(name) = run.names.get(run.members.len()) {
                    label = name.clone();
                }
            }
            if let (true, Some((pa, pb))) = (label.is_empty(), post) {
                label = doc.raw_str(pa, pb);
                qe = qe.max(pb);
            }
        } else if let Some(names) = &run_names {
            label = names.first().cloned().unwrap_or_default();
        } else if let Some((pa, pb)) = post {
            let pre_len = core_end.saturating_sub(core_start);
            if !core.is_empty() && pre_len <= SHORT_PRE {
                label = format!("{core}{}", doc.raw_str(pa, pb));
            } else {
                label = doc.raw_str(pa, pb);
                qs = core_end.min(f.start);
            }
            qe = qe.max(pb);
        } else {
            label = core.clone();
        }
        // "新登记市场主体4.27万户，同比增长11.4%": a change with no subject of its own
        // (or only a qualifier: 按不变价格计算, 扣除…因素后) is the change of the figure
        // just before it in the same sentence.
        let is_change =
            !f.rank && ((dir_applies && (!count_like || yoy || flags.chain)) || class == Some(UnitClass::Points));
        // "满意率达98.7%，连续五年位列全市第一": so is a ranking.
        let subjectless = core.is_empty() || is_qualifier(&core) || is_time_phrase(&core);
        if (is_change || f.rank) && !cont && run_names.is_none() && all_items.is_empty() && subjectless {
            if let Some(l) = &self.last {
                let between = doc.norm_str(l.end, f.start);
                let same_sentence = !between.chars().any(|c| matches!(c, '。' | ';' | '\n' | '!' | '?'));
                if l.end <= f.start && f.start - l.end <= 40 && same_sentence {
                    label = l.label.clone();
                    qs = qs.min(l.qs);
                    // "农村居民人均可支配收入达到38462元，增长6.6%": a level, then its growth.
                    if flags.bulletin_verb && !flags.chain {
                        yoy = true;
                    }
                }
            }
        }
        if label.trim().is_empty() {
            // "人员相对固定,共1035人": the clause before names it.
            if ps > 0 && is_boundary(doc.before(ps)) && !matches!(doc.before(ps), '。' | '\n' | '\r') {
                // "空气质量综合指数为3.42，排名全省第四": pass over the number ending that clause.
                let mut b = ps - 1;
                let mut k = 0;
                while b > self.floor && k < 16 && (doc.before(b).is_ascii_digit() || matches!(doc.before(b), '.' | '%'))
                {
                    b -= 1;
                    k += 1;
                }
                let s = self.back_scan(b, false, MAX_LABEL_BACK);
                let t = strip_trailing(doc, s, b, self.report_year);
                let a = strip_leading(doc, s, t.core_end).min(t.core_end);
                let text = doc.raw_str(a, t.core_end).trim().to_string();
                if !text.is_empty() {
                    label = text;
                    qs = qs.min(a);
                }
            }
        }
        if label.trim().is_empty() {
            label =
                f.unit.as_ref().map(|u| u.text.clone()).filter(|u| !u.is_empty()).unwrap_or_else(|| "数值".to_string());
        }

        // Kind and sign.
        let mut value = f.value;
        let mut unit = f.unit.as_ref().map(|u| u.text.clone()).unwrap_or_default();
        let signed = |v: f64, dir: i8| if dir < 0 { -v.abs() } else { v };
        let change_kind = if yoy { Kind::YoyChange } else { Kind::Change };
        let kind = if f.rank {
            Kind::Rank
        } else {
            match class {
                Some(UnitClass::Percent) => {
                    if dir_applies {
                        value = signed(value, flags.dir);
                        change_kind
                    } else if ratio_label(&core) || value > 100.0 {
                        Kind::Ratio
                    } else {
                        Kind::Percent
                    }
                }
                Some(UnitClass::PerMille | UnitClass::PerRatio) => {
                    if dir_applies {
                        value = signed(value, flags.dir);
                        change_kind
                    } else {
                        Kind::Ratio
                    }
                }
                Some(UnitClass::Points) => {
                    value = signed(value, flags.dir);
                    change_kind
                }
                Some(UnitClass::Times) => {
                    if dir_applies {
                        value = signed(value, flags.dir);
                        change_kind
                    } else {
                        Kind::Ratio
                    }
                }
                Some(UnitClass::Money) => {
                    if dir_applies && (yoy || flags.chain) {
                        value = signed(value, flags.dir);
                        change_kind
                    } else {
                        Kind::Money
                    }
                }
                Some(UnitClass::Count | UnitClass::Duration | UnitClass::Age) | None => {
                    if dir_applies && (yoy || flags.chain) {
                        value = signed(value, flags.dir);
                        change_kind
                    } else if class.is_none() {
                        // 超千亿 (an amount with 万/亿 and no unit): money when the label says so.
                        let text = format!("{label}{core}");
                        if f.mult < 4 && ratio_label(&core) {
                            // 城乡居民收入比缩小至1.68
                            Kind::Ratio
                        } else if f.mult >= 4 && labels::MONEY_WORDS.iter().any(|w| text.contains(w)) {
                            unit = "元".to_string();
                            Kind::Money
                        } else if f.mult >= 4 {
                            Kind::Count
                        } else {
                            return resume; // a bare number (see below)
                        }
                    } else {
                        Kind::Count
                    }
                }
            }
        };
        if value < 0.0 && !kind.is_signed() {
            return self.skip_to(resume);
        }
        if class.is_none() && f.mult < 4 && kind != Kind::Ratio {
            // A bare number: not a figure, and no floor (labels stop at digits anyway, and
            // "指数为3.42，排名全省第四" names its ranking through it).
            return resume;
        }
        // 连续三年稳定在55万吨以上: a floor or a ceiling, not a figure.
        if trail.bound_verb && suf.end > suf.unit_end && doc.longest_at(suf.unit_end, &["以上", "以下"]).is_some() {
            return self.skip_to(resume);
        }

        // Record.
        let section = self.section_at(f.start);
        if !cont {
            self.close_run();
        }
        let joins_group = self.last.as_ref().is_some_and(|l| {
            let gap = doc.norm_str(l.end, ps);
            let gap = gap.trim();
            l.end <= ps && ["、", "和", "及", "与", ""].contains(&gap)
        }) || cont;
        let first_idx = self.out.len();
        let emits: Vec<String> = if all_items.len() >= 2 { all_items } else { vec![label.clone()] };
        let qs = qs.max(qe.saturating_sub(MAX_QUOTE)).min(f.start);
        for l in emits {
            self.out.push(Cand { section, label: l, value, unit: unit.clone(), kind, approx, qs, qe });
        }
        if let Some(names) = run_names {
            self.run = Some(Run { names, members: vec![first_idx], core: core.clone() });
        } else if cont {
            if let Some(run) = self.run.as_mut() {
                run.members.push(first_idx);
            }
        }
        if joins_group && self.group.len() < MAX_GROUP {
            self.group.push(first_idx);
        } else {
            self.group = vec![first_idx];
        }
        self.last = Some(Last { end: f.end, qs, label, flags });
        self.floor = self.floor.max(f.end);
        resume
    }
}

/// 按不变价格计算, 扣除留抵退税因素后: a condition on the figure, not what it counts.
fn is_qualifier(core: &str) -> bool {
    ["按", "扣除", "剔除", "若", "如果", "以", "不含", "含"].iter().any(|w| core.starts_with(w))
        || ["计算", "后", "口径", "来看", "而言"].iter().any(|w| core.ends_with(w))
}

/// 连续五年, 再次, 首次: when, not what.
fn is_time_phrase(core: &str) -> bool {
    ["连续", "再次", "首次", "继续", "仍", "依然", "多年", "历史上", "首度"].iter().any(|w| core.starts_with(w))
}

/// 日均扫码比, 产销比: a ratio (but not 同比, 占比).
fn ratio_label(core: &str) -> bool {
    core.ends_with('比') && !["同比", "环比", "占比", "对比"].iter().any(|w| core.ends_with(w))
}

/// Marks a figure stated again (same value, unit, kind; a similar label; elsewhere) as
/// the repeat of its first statement.
fn mark_repeated(inds: &mut [Indicator]) {
    let mut seen: HashMap<(u64, Kind, String), Vec<usize>> = HashMap::new();
    for i in 0..inds.len() {
        let Some(cur) = inds.get(i) else { continue };
        let key = (cur.value.to_bits(), cur.kind, cur.unit.clone());
        let [s0, s1] = cur.span.unwrap_or([0, 0]);
        let mut found: Option<String> = None;
        if let Some(prev) = seen.get(&key) {
            for &p in prev {
                if let Some(e) = inds.get(p) {
                    let [e0, e1] = e.span.unwrap_or([0, 0]);
                    let disjoint = e1 <= s0 || s1 <= e0;
                    if e.repeat_of.is_none() && disjoint && labels_overlap(&e.label, &cur.label) {
                        found = Some(e.id.clone());
                        break;
                    }
                }
            }
        }
        if let Some(id) = found {
            if let Some(cur) = inds.get_mut(i) {
                cur.repeat_of = Some(id);
            }
        } else {
            let list = seen.entry(key).or_default();
            if list.len() < 16 {
                list.push(i);
            }
        }
    }
}
