//! The text as the extractor sees it: the original chars (for quotes, spans and labels)
//! beside a normalised copy (full-width digits and punctuation folded to ASCII, odd
//! spaces to ' ') that every rule matches against, plus which chars sit inside
//! quotation or title marks. Every accessor is bounds-checked and returns `'\0'` or an
//! empty string past either end, so the rules above never index out of range.

/// The largest quotation the extractor treats as a quoted name (“…”, 《…》). An
/// opening mark with no closing mark this close in the same sentence is not a quotation.
const MAX_QUOTED: usize = 64;

/// The text, original and normalised, with its quotations and masked spans.
pub(crate) struct Doc {
    raw: Vec<char>,
    norm: Vec<char>,
    /// 0 outside quotations, else 1 + the index of the region in `regions`.
    quote_id: Vec<u32>,
    /// Quoted regions `[start, end)`, marks included.
    regions: Vec<(usize, usize)>,
    masked: Vec<bool>,
}

/// Folds the forms a Chinese document mixes freely: full-width ASCII (０-９, ％, ．, ，,
/// （）, ：…), ideographic and no-break spaces, the small percent sign and the minus sign.
pub(crate) fn normalize(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\t' => ' ',
        '\u{FE6A}' => '%',
        // − ‐ ‑ – —: a minus or a range's dash (1—9月份).
        '\u{2212}' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' => '-',
        '\u{2215}' => '/',
        // ︰ ∶ ﹕: colons of a ratio (7.9︰60.2︰31.9).
        '\u{FE30}' | '\u{2236}' | '\u{FE55}' => ':',
        '\u{FF61}' => '。',
        '\u{FF64}' => '、',
        _ => c,
    }
}

/// Opening marks of quotations and titles, with their closing marks. ASCII `"` is its
/// own closing mark.
fn closer_of(c: char) -> Option<char> {
    match c {
        '“' => Some('”'),
        '‘' => Some('’'),
        '「' => Some('」'),
        '『' => Some('』'),
        '《' => Some('》'),
        '〈' => Some('〉'),
        '"' => Some('"'),
        _ => None,
    }
}

impl Doc {
    /// Reads `text`: normalises it and finds its quotations.
    pub fn new(text: &str) -> Doc {
        let raw: Vec<char> = text.chars().collect();
        let norm: Vec<char> = raw.iter().map(|&c| normalize(c)).collect();
        let n = raw.len();
        let mut quote_id = vec![0u32; n];
        let mut regions: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < n {
            let c = norm.get(i).copied().unwrap_or('\0');
            if let Some(close) = closer_of(c) {
                let mut j = i + 1;
                let mut found = None;
                while j < n && j <= i + MAX_QUOTED {
                    let d = norm.get(j).copied().unwrap_or('\0');
                    if d == close {
                        found = Some(j);
                        break;
                    }
                    // “…破获涉恶案件308起。”: a quoted sentence is speech, read as text.
                    if matches!(d, '\n' | '\r' | '。' | '!' | '?') {
                        break;
                    }
                    j += 1;
                }
                if let Some(j) = found {
                    regions.push((i, j + 1));
                    let id = u32::try_from(regions.len()).unwrap_or(u32::MAX);
                    for q in quote_id.iter_mut().take(j + 1).skip(i) {
                        *q = id;
                    }
                    i = j + 1;
                    continue;
                }
            }
            i += 1;
        }
        Doc { raw, norm, quote_id, regions, masked: vec![false; n] }
    }

    /// Its length in chars.
    pub fn len(&self) -> usize {
        self.raw.len()
    }

    /// The normalised char at `i`, `'\0'` outside the text.
    pub fn c(&self, i: usize) -> char {
        self.norm.get(i).copied().unwrap_or('\0')
    }

    /// The normalised char before `i`, `'\0'` at the start.
    pub fn before(&self, i: usize) -> char {
        match i.checked_sub(1) {
            Some(j) => self.c(j),
            None => '\0',
        }
    }

    /// Char `i` lies in a quotation or title (marks included).
    pub fn is_quoted(&self, i: usize) -> bool {
        self.quote_id.get(i).copied().unwrap_or(0) != 0
    }

    /// The quoted region `[start, end)` that `i` lies in.
    pub fn quote_region(&self, i: usize) -> Option<(usize, usize)> {
        let id = self.quote_id.get(i).copied().unwrap_or(0);
        if id == 0 {
            return None;
        }
        self.regions.get(id as usize - 1).copied()
    }

    /// Char `i` is masked (a heading marker): no number or label reads it.
    pub fn is_masked(&self, i: usize) -> bool {
        self.masked.get(i).copied().unwrap_or(false)
    }

    /// Masks chars `[from, to)`.
    pub fn mask(&mut self, from: usize, to: usize) {
        for m in self.masked.iter_mut().take(to).skip(from) {
            *m = true;
        }
    }

    /// The original text of chars `[a, b)` (clamped).
    pub fn raw_str(&self, a: usize, b: usize) -> String {
        let b = b.min(self.raw.len());
        if a >= b {
            return String::new();
        }
        self.raw.get(a..b).map(|s| s.iter().collect()).unwrap_or_default()
    }

    /// The normalised text of chars `[a, b)` (clamped).
    pub fn norm_str(&self, a: usize, b: usize) -> String {
        let b = b.min(self.norm.len());
        if a >= b {
            return String::new();
        }
        self.norm.get(a..b).map(|s| s.iter().collect()).unwrap_or_default()
    }

    /// Does the normalised text at `i` start with `pat`?
    pub fn starts_with(&self, i: usize, pat: &str) -> bool {
        for (k, p) in (i..).zip(pat.chars()) {
            if self.c(k) != p {
                return false;
            }
        }
        !pat.is_empty()
    }

    /// Does the normalised text ending just before `end` end with `pat`?
    pub fn ends_with(&self, end: usize, pat: &str) -> bool {
        let m = pat.chars().count();
        if m == 0 || m > end {
            return false;
        }
        self.starts_with(end - m, pat)
    }

    /// The longest of `pats` that the text at `i` starts with, by char count.
    pub fn longest_at<'a>(&self, i: usize, pats: &[&'a str]) -> Option<&'a str> {
        let mut best: Option<&'a str> = None;
        for &p in pats {
            if self.starts_with(i, p) && best.is_none_or(|b| p.chars().count() > b.chars().count()) {
                best = Some(p);
            }
        }
        best
    }

    /// Where the stretch of text ending at `p` starts: the nearest position at most `max`
    /// back (`p` itself included) that opens the text or follows one of `stops`.
    pub fn start_back(&self, p: usize, max: usize, stops: &[char]) -> Option<usize> {
        (p.saturating_sub(max)..=p).rev().find(|&k| k == 0 || stops.contains(&self.before(k)))
    }

    /// The longest of `pats` that the text ending at `end` ends with.
    pub fn longest_ending<'a>(&self, end: usize, pats: &[&'a str]) -> Option<&'a str> {
        let mut best: Option<&'a str> = None;
        for &p in pats {
            if self.ends_with(end, p) && best.is_none_or(|b| p.chars().count() > b.chars().count()) {
                best = Some(p);
            }
        }
        best
    }

    /// Skips spaces forward from `i` (at most `max`).
    pub fn skip_spaces(&self, mut i: usize, max: usize) -> usize {
        let mut k = 0;
        while k < max && self.c(i) == ' ' {
            i += 1;
            k += 1;
        }
        i
    }

    /// Skips spaces backward from `end` (exclusive), at most four.
    pub fn skip_spaces_back(&self, mut end: usize) -> usize {
        let mut k = 0;
        while k < 4 && end > 0 && self.before(end) == ' ' {
            end -= 1;
            k += 1;
        }
        end
    }
}

/// Clause boundaries (on normalised chars): where a label stops when read backwards.
pub(crate) fn is_boundary(c: char) -> bool {
    matches!(
        c,
        ',' | '、'
            | ';'
            | '。'
            | ':'
            | '!'
            | '?'
            | '('
            | ')'
            | '\n'
            | '\r'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '…'
            | '\0'
            | '|'
            | '['
            | ']'
    )
}

/// Strong boundaries: the end of a clause, not just of a list item.
pub(crate) fn is_strong_boundary(c: char) -> bool {
    is_boundary(c) && c != '、'
}

/// A CJK ideograph.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}
