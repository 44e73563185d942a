//! Numbers: Arabic digit runs (with thousands separators, a decimal point that may have
//! a stray space after it — "34. 8" — and full-width forms already folded by `text`), and
//! Chinese numerals (十五, 两, 三千五百, 千亿). Both are kept as decimal mantissa and
//! exponent until the multiplier (万/亿) is known, so 10.7亿 is exactly 1070000000.

use super::text::Doc;

/// Significant digits beyond which a digit run is an identifier, not a quantity.
const MAX_DIGITS: usize = 15;
/// Chinese numeral runs longer than this are not numbers ("万亿万亿万亿…").
const MAX_CN_RUN: usize = 12;

/// An Arabic number as written: `digits` × 10^`exp`.
#[derive(Debug, Clone)]
pub(crate) struct Arabic {
    /// The significant digits, no point or separators.
    pub digits: String,
    /// The power of ten they are scaled by.
    pub exp: i32,
    /// A minus sign before it.
    pub negative: bool,
}

impl Arabic {
    /// The value after a multiplier of 10^`mult`; `None` if not finite.
    pub fn value(&self, mult: i32) -> Option<f64> {
        let s = format!("{}e{}", if self.digits.is_empty() { "0" } else { &self.digits }, self.exp + mult);
        let v: f64 = s.parse().ok()?;
        let v = if self.negative { -v } else { v };
        v.is_finite().then_some(v)
    }
}

/// The outcome of scanning a digit run at some position: where it ends (always past the
/// start, so scanning makes progress) and the number, if it is one.
pub(crate) struct Scan<T> {
    /// Where the run ends.
    pub end: usize,
    /// The number, if the run is one.
    pub num: Option<T>,
}

/// Reads the Arabic number whose first digit is at `i` (normalised text).
pub(crate) fn scan_arabic(doc: &Doc, i: usize) -> Scan<Arabic> {
    let mut j = i;
    let mut int = String::new();
    while doc.c(j).is_ascii_digit() {
        int.push(doc.c(j));
        j += 1;
    }
    if int.is_empty() {
        return Scan { end: i + 1, num: None };
    }
    // Thousands separators: 1,246 or １，２４６, and the space of yearbooks ("321 146件",
    // "1 862人") — groups of exactly three digits, one separator throughout.
    if int.len() <= 3 {
        let sep = doc.c(j);
        loop {
            let three = (1..=3).all(|k| doc.c(j + k).is_ascii_digit());
            if matches!(sep, ',' | ' ') && doc.c(j) == sep && three && !doc.c(j + 4).is_ascii_digit() {
                for k in 1..=3 {
                    int.push(doc.c(j + k));
                }
                j += 4;
            } else {
                break;
            }
        }
    }
    // Decimal part; a stray space after the point is tolerated ("34. 8%").
    let mut frac = String::new();
    if doc.c(j) == '.' {
        let k = doc.skip_spaces(j + 1, 2);
        if doc.c(k).is_ascii_digit() {
            j = k;
            while doc.c(j).is_ascii_digit() {
                frac.push(doc.c(j));
                j += 1;
            }
            // 2022.9.27, 3.03.1: dotted codes and dates, not numbers.
            if doc.c(j) == '.' && doc.c(j + 1).is_ascii_digit() {
                while doc.c(j) == '.' || doc.c(j).is_ascii_digit() {
                    j += 1;
                }
                return Scan { end: j, num: None };
            }
        }
    }
    let trimmed = int.trim_start_matches('0');
    if trimmed.len() + frac.len() > MAX_DIGITS + 2 || trimmed.len() > MAX_DIGITS {
        return Scan { end: j, num: None };
    }
    let exp = -i32::try_from(frac.len()).unwrap_or(0);
    let mut digits = int;
    digits.push_str(&frac);
    Scan { end: j, num: Some(Arabic { digits, exp, negative: false }) }
}

/// A Chinese numeral run.
#[derive(Debug, Clone)]
pub(crate) struct Chinese {
    /// Its value.
    pub value: f64,
    /// Starts with 百/千/万/亿 (no digit before): "千亿" in 超千亿, or 千家万户.
    pub leading_big: bool,
    /// Just 一 ("one", mostly an article: 一批, 一条).
    pub lone_one: bool,
    /// Ends in 万 or 亿.
    pub big_suffix: bool,
}

/// 零〇一二两三…九: a Chinese digit.
pub(crate) fn is_cn_digit(c: char) -> bool {
    cn_digit(c).is_some()
}

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A Chinese digit or one of 十百千万亿.
pub(crate) fn is_cn_numeral(c: char) -> bool {
    is_cn_digit(c) || matches!(c, '十' | '百' | '千' | '万' | '亿')
}

/// Reads the Chinese numeral run starting at `i`. Runs that are not well-formed numbers
/// (四三三, 一二三 — digits without a unit between them, as in slogans) give `None`.
pub(crate) fn scan_chinese(doc: &Doc, i: usize) -> Scan<Chinese> {
    let mut j = i;
    while is_cn_numeral(doc.c(j)) && !doc.is_quoted(j) {
        j += 1;
    }
    if j == i {
        return Scan { end: i + 1, num: None };
    }
    if j - i > MAX_CN_RUN {
        return Scan { end: j, num: None };
    }
    let run: Vec<char> = (i..j).map(|k| doc.c(k)).collect();
    Scan { end: j, num: parse_chinese(&run) }
}

/// Parses a Chinese numeral (十五 → 15, 三千五百万 → 35000000, 千亿 → 1e11).
pub(crate) fn parse_chinese(run: &[char]) -> Option<Chinese> {
    let first = *run.first()?;
    let leading_big = matches!(first, '百' | '千' | '万' | '亿');
    let lone_one = run.len() == 1 && first == '一';
    let mut total = 0f64; // completed 亿 groups
    let mut section = 0f64; // completed 万 groups below 亿
    let mut cur = 0f64; // below 万
    let mut digit: Option<u32> = None;
    let mut prev_digit = false;
    let mut last_small = u32::MAX; // last small unit seen in this group: 1000, 100, 10
    for &c in run {
        if let Some(d) = cn_digit(c) {
            if prev_digit && d != 0 && digit != Some(0) {
                return None; // 四三三, 一二三
            }
            digit = Some(d);
            prev_digit = true;
            continue;
        }
        prev_digit = false;
        match c {
            '十' | '百' | '千' => {
                let m = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                if m >= last_small {
                    return None; // 十十, 百千
                }
                last_small = m;
                cur += f64::from(digit.take().unwrap_or(1) * m);
            }
            '万' => {
                let add = cur + f64::from(digit.take().unwrap_or(0));
                section += add;
                section *= 1e4;
                if section == 0.0 {
                    section = 1e4;
                }
                cur = 0.0;
                last_small = u32::MAX;
            }
            '亿' => {
                let add = section + cur + f64::from(digit.take().unwrap_or(0));
                total = (total + add) * 1e8;
                if total == 0.0 {
                    total = 1e8;
                }
                section = 0.0;
                cur = 0.0;
                last_small = u32::MAX;
            }
            _ => return None,
        }
    }
    let value = total + section + cur + f64::from(digit.unwrap_or(0));
    if !value.is_finite() || value <= 0.0 {
        return None;
    }
    let last = *run.last()?;
    Some(Chinese { value, leading_big, lone_one, big_suffix: matches!(last, '万' | '亿') })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cn(s: &str) -> Option<f64> {
        parse_chinese(&s.chars().collect::<Vec<_>>()).map(|c| c.value)
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(cn("十五"), Some(15.0));
        assert_eq!(cn("二十"), Some(20.0));
        assert_eq!(cn("两"), Some(2.0));
        assert_eq!(cn("三千五百万"), Some(35_000_000.0));
        assert_eq!(cn("千亿"), Some(1e11));
        assert_eq!(cn("一万两千"), Some(12_000.0));
        assert_eq!(cn("四三三"), None);
        assert_eq!(cn("一百零五"), Some(105.0));
    }

    #[test]
    fn arabic_values() {
        let doc = Doc::new("10.7亿 34. 8% 1,246家 ４６．８");
        let a = scan_arabic(&doc, 0).num.unwrap();
        assert_eq!(a.value(8), Some(1_070_000_000.0));
        let b = scan_arabic(&doc, 6).num.unwrap();
        assert_eq!(b.value(0), Some(34.8));
        let c = scan_arabic(&doc, 13).num.unwrap();
        assert_eq!(c.value(0), Some(1246.0));
        let d = scan_arabic(&doc, 20).num.unwrap();
        assert_eq!(d.value(0), Some(46.8));
    }
}
