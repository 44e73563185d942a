//! The report's outline: `一、` headings (s1, s2…), `(一)`/`（一）` subheadings (s1-1…),
//! `1.`/`1、` items (s1-1-1…), and `intro` for whatever comes before the first heading.
//! A heading starts a line; `一、` and `(一)` are also recognised right after a `。`
//! when they continue the numbering (text pasted without line breaks). A section's
//! title is its heading phrase, up to the first `。`.

use super::numbers::{is_cn_numeral, parse_chinese};
use super::text::{is_cjk, Doc};
use std::collections::HashSet;

/// Title of the section that holds the text before the first heading.
pub const INTRO_TITLE: &str = "总述";
const MAX_TITLE: usize = 80;

/// A section of the outline, where its heading starts.
#[derive(Debug, Clone)]
pub(crate) struct SectionSpan {
    /// Its id (`s1`, `s1-1`, `s1-1-1`).
    pub id: String,
    /// Its heading phrase.
    pub title: String,
    /// The id of the section it is in.
    pub parent: Option<String>,
    /// First char of the heading (its marker).
    pub start: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Level {
    Top,
    Sub,
    Item,
}

struct Heading {
    level: Level,
    number: u32,
    /// After the marker.
    body: usize,
}

/// A heading marker at `i`, if there is one.
fn heading_at(doc: &Doc, i: usize) -> Option<Heading> {
    let c = doc.c(i);
    // 一、 二、 十一、 (and 一. 一．)
    if is_cn_numeral(c) {
        let mut j = i;
        while is_cn_numeral(doc.c(j)) && j - i < 4 {
            j += 1;
        }
        // "一、2023年工作总结": a year may open the title; other digits are a list of figures.
        let year = (j + 1..j + 5).all(|k| doc.c(k).is_ascii_digit()) && doc.c(j + 5) == '年';
        if matches!(doc.c(j), '、' | '.') && (!doc.c(j + 1).is_ascii_digit() || year) {
            let run: Vec<char> = (i..j).map(|k| doc.c(k)).collect();
            let n = parse_chinese(&run)?.value;
            if (1.0..100.0).contains(&n) {
                return Some(Heading { level: Level::Top, number: n as u32, body: j + 1 });
            }
        }
        return None;
    }
    // (一) （一）
    if c == '(' {
        let mut j = i + 1;
        while is_cn_numeral(doc.c(j)) && j - i < 5 {
            j += 1;
        }
        if j > i + 1 && doc.c(j) == ')' {
            let run: Vec<char> = (i + 1..j).map(|k| doc.c(k)).collect();
            let n = parse_chinese(&run)?.value;
            if (1.0..100.0).contains(&n) {
                return Some(Heading { level: Level::Sub, number: n as u32, body: j + 1 });
            }
        }
        return None;
    }
    // 1. 1、 (not 1.5, not 1. 5)
    if c.is_ascii_digit() {
        let mut j = i;
        while doc.c(j).is_ascii_digit() && j - i < 2 {
            j += 1;
        }
        let after = doc.skip_spaces(j + 1, 2);
        if matches!(doc.c(j), '.' | '、') && !doc.c(after).is_ascii_digit() && !doc.c(j).is_ascii_digit() {
            let n: u32 = doc.norm_str(i, j).parse().ok()?;
            if (1..100).contains(&n) && (is_cjk(doc.c(after)) || doc.c(after) == '“' || doc.c(after) == '(') {
                return Some(Heading { level: Level::Item, number: n, body: j + 1 });
            }
        }
    }
    None
}

fn title_from(doc: &Doc, body: usize) -> String {
    let mut j = body;
    while j < doc.len() && j - body < MAX_TITLE && !matches!(doc.c(j), '。' | '\n' | '\r' | '!' | '?') {
        j += 1;
    }
    doc.raw_str(body, j).trim().to_string()
}

/// The numbering so far: the current top section and subsection (id and number as
/// written), the last item's number and the ids given.
#[derive(Default)]
struct Outline {
    top: Option<(String, u32)>,
    sub: Option<(String, u32)>,
    last_item: u32,
    top_count: u32,
    used: HashSet<String>,
}

impl Outline {
    /// A heading mid-line (after a `。`) counts only when it continues the numbering.
    fn continues(&self, h: &Heading) -> bool {
        match h.level {
            Level::Top => self.top.as_ref().map(|t| t.1 + 1).unwrap_or(1) == h.number,
            Level::Sub => self.top.is_some() && self.sub.as_ref().map(|s| s.1 + 1).unwrap_or(1) == h.number,
            Level::Item => false,
        }
    }

    /// The first unused id `{base}-{k}` from `k` on.
    fn free_child(&self, base: &str, mut k: u32) -> u32 {
        while self.used.contains(&format!("{base}-{k}")) {
            k += 1;
        }
        k
    }

    /// Gives heading `h` its id (unique, following the numbering as written where it
    /// can) and its parent's id, and moves the numbering on.
    fn enter(&mut self, h: &Heading) -> (String, Option<String>) {
        let (id, parent) = match h.level {
            Level::Top => {
                self.top_count += 1;
                let mut k = if h.number >= self.top_count { h.number } else { self.top_count };
                while self.used.contains(&format!("s{k}")) {
                    k += 1;
                }
                self.top_count = self.top_count.max(k);
                let id = format!("s{k}");
                self.top = Some((id.clone(), h.number));
                self.sub = None;
                self.last_item = 0;
                (id, None)
            }
            Level::Sub => {
                let base = self.top.as_ref().map(|t| t.0.clone()).unwrap_or_else(|| "s0".to_string());
                let k = self.free_child(&base, h.number);
                let id = format!("{base}-{k}");
                self.sub = Some((id.clone(), h.number));
                self.last_item = 0;
                (id, self.top.as_ref().map(|t| t.0.clone()))
            }
            Level::Item => {
                let parent = self.sub.as_ref().or(self.top.as_ref()).map(|t| t.0.clone());
                let base = parent.clone().unwrap_or_else(|| "s0".to_string());
                let k = self.free_child(&base, h.number.max(self.last_item + 1));
                self.last_item = k;
                (format!("{base}-{k}"), parent)
            }
        };
        self.used.insert(id.clone());
        (id, parent)
    }
}

/// Finds the headings, masks their markers in `doc` (so 一、 and 1. are not read as
/// figures) and returns the sections in order of appearance.
pub(crate) fn detect(doc: &mut Doc) -> Vec<SectionSpan> {
    let n = doc.len();
    let mut out: Vec<SectionSpan> = Vec::new();
    let mut outline = Outline::default();
    let mut first_heading: Option<usize> = None;
    let mut marks: Vec<(usize, usize)> = Vec::new();

    let mut i = 0;
    let mut line_start = true;
    while i < n {
        let c = doc.c(i);
        if c == '\n' || c == '\r' {
            line_start = true;
            i += 1;
            continue;
        }
        if c == ' ' && line_start {
            i += 1;
            continue;
        }
        let after_stop = (is_cn_numeral(c) || c == '(') && matches!(doc.before(doc.skip_spaces_back(i)), '。');
        let heading = if line_start || after_stop { heading_at(doc, i) } else { None };
        if let Some(h) = heading.filter(|h| (line_start || outline.continues(h)) && !doc.is_quoted(i)) {
            let mut title = title_from(doc, h.body);
            // "…稳步推进。 一、农业 农业全年实现…": a heading run in between spaces, in a text
            // whose lines were joined; it ends at the space and names no figure.
            let mut end = h.body;
            if let Some(k) = title.find(' ').filter(|&k| !line_start && !title[..k].contains([',', '，'])) {
                title.truncate(k);
                end = h.body + title.chars().count();
            }
            if title.is_empty() {
                title = doc.raw_str(i, h.body);
            }
            let (id, parent) = outline.enter(&h);
            first_heading.get_or_insert(i);
            marks.push((i, end));
            out.push(SectionSpan { id, title, parent, start: i });
            line_start = false;
            i = h.body;
            continue;
        }
        line_start = false;
        i += 1;
    }
    for (a, b) in marks {
        doc.mask(a, b);
    }
    let intro_has_text = match first_heading {
        Some(h) => (0..h).any(|k| !doc.c(k).is_whitespace()),
        None => true,
    };
    if intro_has_text {
        out.insert(0, SectionSpan { id: "intro".to_string(), title: INTRO_TITLE.to_string(), parent: None, start: 0 });
    }
    out
}
