//! Text: measuring it (the [`Measure`] trait and its native estimate), keeping only
//! drawable characters, and cutting or wrapping it to a width.

/// Measures text; the browser uses the canvas's own `measureText`, native code an
/// estimate. Widths in CSS pixels.
pub trait Measure {
    /// The width of `text` at `px` pixels, bold or regular.
    fn text_width(&self, text: &str, px: f64, bold: bool) -> f64;
}

/// An estimate good enough for tests and for server-side rendering: CJK and
/// full-width characters are one em, Latin about half.
pub struct ApproxMeasure;

impl Measure for ApproxMeasure {
    fn text_width(&self, text: &str, px: f64, bold: bool) -> f64 {
        let em: f64 = text.chars().map(char_em).sum();
        em * px * if bold { 1.05 } else { 1.0 }
    }
}

fn char_em(c: char) -> f64 {
    match c as u32 {
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 => 1.0,
        0x20 => 0.28,
        0x30..=0x39 => 0.56,
        0x41..=0x5A => 0.64,
        _ => 0.52,
    }
}

/// Characters that may reach the canvas: no control characters, and no invisible
/// formatting (bidi overrides and isolates, zero-width characters), which in data would
/// let a label reorder or hide what the reader sees.
pub fn drawable(c: char) -> bool {
    !c.is_control()
        && !matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// Cuts `text` to fit `max` pixels, ending in "…". Very long input is cut to a few
/// hundred characters before measuring, so a 10 kB label costs no more than a short one.
pub fn fit_text(m: &dyn Measure, text: &str, px: f64, bold: bool, max: f64) -> String {
    let text: String = text.chars().filter(|c| drawable(*c)).take(300).collect();
    if max <= 0.0 {
        return String::new();
    }
    if m.text_width(&text, px, bold) <= max {
        return text;
    }
    let chars: Vec<char> = text.chars().collect();
    let (mut lo, mut hi) = (0usize, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let s: String = chars[..mid].iter().collect::<String>() + "…";
        if m.text_width(&s, px, bold) <= max {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo == 0 {
        return String::new();
    }
    chars[..lo].iter().collect::<String>() + "…"
}

/// Splits `text` into at most `max_lines` lines no wider than `max` (the last one cut
/// with …). Latin text breaks at spaces; Chinese between any two characters.
pub fn wrap_text(m: &dyn Measure, text: &str, px: f64, bold: bool, max: f64, max_lines: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().filter(|c| drawable(*c)).take(2000).collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let mut trial = cur.clone();
        trial.push(c);
        if !cur.is_empty() && m.text_width(&trial, px, bold) > max {
            if lines.len() + 1 == max_lines {
                let rest: String = cur.chars().chain(chars[i..].iter().copied()).collect();
                lines.push(fit_text(m, &rest, px, bold, max));
                return lines;
            }
            // Inside a Latin word: move the word to the next line when there is a space.
            if c.is_ascii_alphanumeric() {
                if let Some(sp) = cur.rfind(' ') {
                    let tail: String = cur.get(sp + 1..).unwrap_or_default().to_string();
                    cur.truncate(sp);
                    lines.push(std::mem::take(&mut cur));
                    cur = tail;
                    continue;
                }
            }
            lines.push(std::mem::take(&mut cur).trim_end().to_string());
            if c == ' ' {
                i += 1;
            }
            continue;
        }
        cur = trial;
        i += 1;
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}
