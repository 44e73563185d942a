//! Number formatting for readers: 万/亿 in Chinese, thousands separators and
//! million/billion in English, the report's approximation marks (8万余), signed
//! changes (−11.8%), ranks (全省第1), and short axis-tick labels.

use crate::model::{Dataset, Indicator, Kind};

/// The reader's language. Chinese follows the report's own conventions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    /// Chinese (the report's own conventions).
    Zh,
    /// English.
    En,
}

impl Locale {
    /// A locale from its name (zh, zh-CN, en, en-GB …), if known.
    pub fn parse(s: &str) -> Option<Locale> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "zh-hans" | "cn" => Some(Locale::Zh),
            "en" | "en-us" | "en-gb" => Some(Locale::En),
            _ => None,
        }
    }
    /// The locale's short name: zh or en.
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::Zh => "zh",
            Locale::En => "en",
        }
    }
}

/// The true minus sign, which lines up with the plus sign in tabular text.
pub const MINUS: char = '\u{2212}';

/// Writes `v` with at most `decimals` decimals, trailing zeros removed.
pub fn trim_decimals(v: f64, decimals: usize) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        // Whole numbers (most counts) skip float formatting, and core::fmt too: a view of
        // 100,000 rows formats 100,000 of them.
        return whole_to_string(v as i64);
    }
    let s = fixed(v, decimals);
    // A byte search: str::contains(char) keeps core's substring searcher, and with it
    // the slicing panic's char and range formatting, in the wasm (about 4 kB).
    let s = if s.as_bytes().contains(&b'.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s };
    if s == "-0" {
        "0".to_string()
    } else {
        s
    }
}

/// `v` with exactly `decimals` decimals, as `format!("{:.*}", decimals, v)` writes it
/// (the exact binary value rounded half to even), without core's float formatting, which
/// costs the wasm about 17 kB. For values below 1e19 and up to 18 decimals; past that
/// (never a chart's value, which validation keeps within ±1e15) a rougher form.
pub fn fixed(v: f64, decimals: usize) -> String {
    let sign = if v.is_sign_negative() { "-" } else { "" };
    let a = v.abs();
    if !a.is_finite() {
        return if a.is_nan() { "NaN".into() } else { format!("{sign}inf") };
    }
    if a >= 1e19 || decimals > 18 {
        return format!("{sign}{}", sci(a));
    }
    // a = m · 2^e exactly; scaled by 10^decimals it fits a u128 (below 2^63 · 10^18).
    let bits = a.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let (m, e) =
        if exp == 0 { (bits & ((1 << 52) - 1), -1074) } else { ((bits & ((1 << 52) - 1)) | (1 << 52), exp - 1075) };
    let num = u128::from(m) * 10u128.pow(decimals as u32);
    let q = if e >= 0 {
        num << e
    } else {
        let k = (-e) as u32;
        if k >= 128 {
            0
        } else {
            let (q, r) = (num >> k, num & ((1u128 << k) - 1));
            let half = 1u128 << (k - 1);
            if r > half || (r == half && q & 1 == 1) {
                q + 1
            } else {
                q
            }
        }
    };
    // The digits of q, at least decimals + 1 of them, by hand: u128's Display costs the
    // wasm 1.6 kB.
    let mut digits = [b'0'; 40];
    let mut i = digits.len();
    let mut q = q;
    while q > 0 || digits.len() - i <= decimals {
        i -= 1;
        digits[i] = b'0' + (q % 10) as u8;
        q /= 10;
    }
    let digits = &digits[i..];
    let mut s = String::with_capacity(digits.len() + 2);
    s.push_str(sign);
    let int = digits.len() - decimals;
    s.extend(digits[..int].iter().map(|&d| d as char));
    if decimals > 0 {
        s.push('.');
        s.extend(digits[int..].iter().map(|&d| d as char));
    }
    s
}

/// `v` in exponent form with up to seven significant digits ("1e308", "-2.5e15"), for
/// messages about numbers too large to chart, without core's float formatting.
pub fn sci(v: f64) -> String {
    if v == 0.0 || !v.is_finite() {
        return fixed(v, 0);
    }
    let a = v.abs();
    let mut e = a.log10().floor() as i32;
    let mut m = trim_decimals(a / 10f64.powi(e), 6);
    if m == "10" {
        e += 1;
        m = "1".into();
    }
    format!("{}{m}e{e}", if v < 0.0 { "-" } else { "" })
}

/// `v` as a reader writes it: whole numbers without a fraction, others with up to six
/// decimals, tiny and huge ones in exponent form (for messages).
pub fn plain(v: f64) -> String {
    let s = trim_decimals(v, 6);
    if (s == "0" && v != 0.0) || v.abs() >= 1e15 {
        sci(v)
    } else {
        s
    }
}

/// `n` in decimal digits, as `n.to_string()` writes it.
fn whole_to_string(n: i64) -> String {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut m = n.unsigned_abs();
    loop {
        i -= 1;
        digits[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    let mut s = String::with_capacity(digits.len() - i + 1);
    if n < 0 {
        s.push('-');
    }
    s.extend(digits[i..].iter().map(|&d| d as char));
    s
}

/// `parts` with `sep` between them, as `parts.join(sep)` writes them. The crate joins
/// through this: the standard library's join is 1 kB of wasm for each element type, this
/// a tenth of that (clippy.toml disallows the other).
pub fn join<S: AsRef<str>>(parts: &[S], sep: &str) -> String {
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(p.as_ref());
    }
    out
}

/// Groups the integer part in threes: 1070000000 → "1,070,000,000".
pub fn group_thousands(v: f64, decimals: usize) -> String {
    let s = trim_decimals(v.abs(), decimals);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let mut out = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(&f);
    }
    if v < 0.0 && out.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.insert(0, MINUS);
    }
    out
}

/// A magnitude in the reader's words, without unit: 80000 → 8万 / 80,000;
/// 1070000000 → 10.7亿 / 1.07 billion; 9.5e12 → 9.5万亿 / 9.5 trillion, as reports write
/// it (not 95000亿). Negative values get a true minus.
pub fn magnitude(v: f64, locale: Locale) -> String {
    if !v.is_finite() {
        return "—".to_string();
    }
    let sign = if v < 0.0 { MINUS.to_string() } else { String::new() };
    let a = v.abs();
    let body = match locale {
        Locale::Zh => {
            if a >= 1e12 {
                format!("{}万亿", trim_decimals(a / 1e12, 2))
            } else if a >= 1e8 {
                format!("{}亿", trim_decimals(a / 1e8, 2))
            } else if a >= 1e4 {
                format!("{}万", trim_decimals(a / 1e4, 2))
            } else {
                trim_decimals(a, small_decimals(a))
            }
        }
        Locale::En => {
            if a >= 1e12 {
                format!("{} trillion", trim_decimals(a / 1e12, 2))
            } else if a >= 1e9 {
                format!("{} billion", trim_decimals(a / 1e9, 2))
            } else if a >= 1e6 {
                format!("{} million", trim_decimals(a / 1e6, 2))
            } else {
                group_thousands(a, small_decimals(a))
            }
        }
    };
    if body.trim_start_matches(['0', '.']).is_empty() {
        return "0".to_string();
    }
    if sign.is_empty() {
        return body;
    }
    sign + &body
}

/// Decimals for a plain figure: two, three below 1 (a rate of 0.094 per million tonnes
/// would read 0.09).
fn small_decimals(a: f64) -> usize {
    if a < 1.0 {
        3
    } else {
        2
    }
}

/// A short label for an axis tick: 0, 2万, 1.5亿 / 0, 20k, 1.5M, 2B.
pub fn tick(v: f64, locale: Locale, percent: bool) -> String {
    if percent {
        return format!("{}%", signed_plain(v, 1));
    }
    let sign = if v < 0.0 { MINUS.to_string() } else { String::new() };
    let a = v.abs();
    let body = match locale {
        Locale::Zh => return magnitude(v, locale),
        Locale::En => {
            if a >= 1e9 {
                format!("{}B", trim_decimals(a / 1e9, 1))
            } else if a >= 1e6 {
                format!("{}M", trim_decimals(a / 1e6, 1))
            } else if a >= 1e3 {
                format!("{}k", trim_decimals(a / 1e3, 1))
            } else {
                trim_decimals(a, small_decimals(a))
            }
        }
    };
    if a == 0.0 {
        "0".to_string()
    } else {
        format!("{sign}{body}")
    }
}

fn signed_plain(v: f64, decimals: usize) -> String {
    let s = trim_decimals(v.abs(), decimals);
    if v < 0.0 && s != "0" {
        format!("{MINUS}{s}")
    } else {
        s
    }
}

/// English words for the report's common units; `None` for units that read fine
/// without a word in English (个, 家, …), where the label already names the thing.
pub fn unit_en(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "人" | "名" => "people",
        "人次" => "person-times",
        "起" => "cases",
        "件" => "items",
        "张" => "tickets",
        "条" => "items",
        "批次" => "batches",
        "批" => "batches",
        "部" => "titles",
        "份" => "reports",
        "路" => "feeds",
        "处" => "sites",
        "辆" => "vehicles",
        "小时" => "hours",
        "支" => "teams",
        "项" => "measures",
        "户" => "households",
        "家" => "entities",
        "所" => "institutions",
        "头" => "head",
        "只" => "head",
        "吨" => "tonnes",
        "亩" => "mu",
        "公顷" => "hectares",
        "斤" => "jin",
        "公里" => "km",
        "平方米" => "m²",
        "立方米" => "m³",
        "千瓦" => "kW",
        "次" => "times",
        "架次" => "flights",
        "标箱" => "TEU",
        "台" | "套" | "台（套）" => "sets",
        "种" | "类" => "kinds",
        "场" => "events",
        "天" => "days",
        "册" => "volumes",
        "位" => "people",
        "轮" => "rounds",
        "美元" => "US dollars",
        "欧元" => "euros",
        "港元" => "HK dollars",
        _ => return None,
    })
}

/// The value as a reader should see it, with its unit: 8万余人次, 8900万元, 同比下降11.8%
/// (with `verbose`) or −11.8%, 全省第1; in English 80,000+ person-times, ¥89 million,
/// −11.8% y/y, No. 1 in the province.
pub fn value_text(ind: &Indicator, locale: Locale, verbose: bool) -> String {
    let v = ind.value;
    match (ind.kind, locale) {
        (Kind::Percent, _) => {
            let s = format!("{}%", trim_decimals(v, 2));
            approx_mark(s, ind.approx, locale)
        }
        // 日均扫码比111% in per cent; 城乡居民收入比2.45 and 1.5倍 in their own unit.
        (Kind::Ratio, _) => {
            let unit = match (locale, ind.unit.as_str()) {
                (Locale::En, "倍") => "×",
                (_, u) => u,
            };
            approx_mark(format!("{}{unit}", trim_decimals(v, 2)), ind.approx, locale)
        }
        (Kind::YoyChange, Locale::Zh) if verbose => {
            let dir = if v < 0.0 {
                "同比下降"
            } else if v > 0.0 {
                "同比上升"
            } else {
                "同比持平"
            };
            format!("{dir}{}%", trim_decimals(v.abs(), 2))
        }
        (Kind::YoyChange | Kind::Change, _) => {
            // A change in per cent or points keeps its decimals; one in a count or money
            // is a magnitude like the figures (+73.5亿元, not +7350000000元).
            let s = match ind.unit.as_str() {
                "%" | "" | "个百分点" | "‰" => trim_decimals(v.abs(), 2),
                _ => magnitude(v.abs(), locale),
            };
            let sign = if v < 0.0 {
                MINUS.to_string()
            } else if v > 0.0 {
                "+".to_string()
            } else {
                String::new()
            };
            if locale == Locale::En && currency_en(&ind.unit).is_some() {
                return approx_mark(format!("{sign}{}", money_en(&s, &ind.unit)), ind.approx, locale);
            }
            let unit = if ind.unit == "%" || ind.unit.is_empty() { "%".to_string() } else { ind.unit.clone() };
            let tail = match (ind.kind, locale, verbose) {
                (Kind::YoyChange, Locale::En, true) => " year on year",
                (Kind::YoyChange, Locale::En, false) => " y/y",
                _ => "",
            };
            approx_mark(format!("{sign}{s}{unit}{tail}"), ind.approx, locale)
        }
        (Kind::Rank, Locale::Zh) => format!("全省第{}", trim_decimals(v, 0)),
        (Kind::Rank, Locale::En) => format!("No. {} in the province", trim_decimals(v, 0)),
        (Kind::Money, Locale::Zh) => {
            let unit = currency(&ind.unit);
            format!("{}{}", approx_mark(magnitude(v, locale), ind.approx, locale), unit)
        }
        (Kind::Money, Locale::En) => {
            let unit = currency(&ind.unit);
            approx_mark(money_en(&magnitude(v, locale), unit), ind.approx, locale)
        }
        (Kind::Count, Locale::Zh) => {
            let mut s = approx_mark(magnitude(v, locale), ind.approx, locale);
            s.push_str(&ind.unit);
            s
        }
        (Kind::Count, Locale::En) => {
            let n = approx_mark(magnitude(v, locale), ind.approx, locale);
            // A unit without an English name is kept as the report wrote it (个 is left out:
            // "items" would say less than the label does).
            match unit_en(&ind.unit) {
                Some(u) => format!("{n} {u}"),
                None if ind.unit.is_empty() || ind.unit == "个" => n,
                None => format!("{n} {}", ind.unit),
            }
        }
    }
}

/// A money figure's currency: its unit, 元 when it has none.
pub(crate) fn currency(unit: &str) -> &str {
    if unit.is_empty() {
        "元"
    } else {
        unit
    }
}

/// The symbol English readers know for a currency the reports use.
fn currency_en(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "元" => "¥",
        "美元" => "US$",
        "欧元" => "€",
        "港元" => "HK$",
        _ => return None,
    })
}

/// An amount `n` (already in words: 7.35 billion) in `unit` for English readers: ¥7.35
/// billion, US$250 billion; a currency without a symbol keeps its name after the amount.
fn money_en(n: &str, unit: &str) -> String {
    match currency_en(unit) {
        Some(sym) => format!("{sym}{n}"),
        None => format!("{n} {unit}"),
    }
}

/// The value of the indicator at `i` as the tooltip and the screen-reader text say it:
/// with its linked change when the report states both, the figure first (75.8万吨，同比上升2.3%
/// / 758,000 t, +2.3% year on year), for the figure and for the change alike.
pub fn stated_text(ds: &Dataset, i: usize, locale: Locale) -> String {
    let Some(ind) = ds.indicators().get(i) else { return String::new() };
    let pair = match ds.figure_of(i) {
        Some((_, fig)) => Some((fig, ind)),
        None => ds.change_of(i).map(|(_, ch)| (ind, ch)),
    };
    match pair {
        Some((fig, ch)) => {
            let sep = if locale == Locale::Zh { "，" } else { ", " };
            format!("{}{sep}{}", value_text(fig, locale, true), value_text(ch, locale, true))
        }
        None => value_text(ind, locale, true),
    }
}

/// Marks an approximate figure the way the report does: 8万余 / 80,000+.
fn approx_mark(s: String, approx: bool, locale: Locale) -> String {
    if !approx {
        return s;
    }
    match locale {
        Locale::Zh => {
            // 余 goes before a trailing % (30余%) and after 万/亿 (8万余).
            match s.strip_suffix('%') {
                Some(n) => format!("{n}余%"),
                None => format!("{s}余"),
            }
        }
        Locale::En => match s.strip_suffix('%') {
            Some(n) => format!("{n}+%"),
            None => format!("{s}+"),
        },
    }
}

/// The indicator's label in the reader's language (English falls back to Chinese).
pub fn label(ind: &Indicator, locale: Locale) -> &str {
    match locale {
        Locale::En if !ind.label_en.trim().is_empty() => &ind.label_en,
        _ => &ind.label,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_in_counts_and_money_read_as_magnitudes_and_currencies_keep_their_symbol() {
        let v = |value, unit, kind, locale| value_text(&ind(value, unit, kind, false), locale, false);
        assert_eq!(v(7.35e9, "元", Kind::Change, Locale::Zh), "+73.5亿元");
        assert_eq!(v(7.35e9, "元", Kind::Change, Locale::En), "+¥7.35 billion");
        assert_eq!(v(-30_000.0, "人", Kind::Change, Locale::Zh), format!("{MINUS}3万人"));
        assert_eq!(v(0.8, "个百分点", Kind::Change, Locale::Zh), "+0.8个百分点");
        assert_eq!(v(-11.8, "%", Kind::YoyChange, Locale::En), format!("{MINUS}11.8% y/y"));
        assert_eq!(v(-11.8, "", Kind::YoyChange, Locale::En), format!("{MINUS}11.8% y/y"));
        assert_eq!(v(2.5e11, "美元", Kind::Money, Locale::En), "US$250 billion");
        assert_eq!(v(2.5e11, "美元", Kind::Money, Locale::Zh), "2500亿美元");
        assert_eq!(v(8.9e7, "元", Kind::Money, Locale::En), "¥89 million");
        assert_eq!(v(8.9e7, "", Kind::Money, Locale::En), "¥89 million");
    }

    #[test]
    fn chinese_magnitudes_go_up_to_wan_yi() {
        assert_eq!(magnitude(9.5e12, Locale::Zh), "9.5万亿");
        assert_eq!(magnitude(1.2e12, Locale::Zh), "1.2万亿");
        assert_eq!(magnitude(9.5e11, Locale::Zh), "9500亿");
        assert_eq!(magnitude(-2.0e12, Locale::Zh), format!("{MINUS}2万亿"));
        assert_eq!(tick(1e13, Locale::Zh, false), "10万亿");
        assert_eq!(magnitude(9.5e12, Locale::En), "9.5 trillion");
    }

    #[test]
    fn whole_numbers_are_written_as_to_string_writes_them() {
        for n in [
            0i64,
            1,
            -1,
            9,
            10,
            99,
            100,
            1035,
            -2022,
            80000,
            999_999_999_999_999,
            -999_999_999_999_999,
            i64::MIN + 1,
            i64::MAX,
        ] {
            assert_eq!(whole_to_string(n), n.to_string());
        }
        assert_eq!(trim_decimals(-0.0, 2), "0");
    }

    #[test]
    fn fixed_writes_what_core_writes() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut vals = vec![0.125, 0.375, 2.5, -2.5, 1.005, 99.995, 0.0, -0.0, 5e-324, 1e-7, 123456.785, 1e18, 9.99e18];
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = f64::from_bits(x);
            if v.is_finite() && v.abs() < 1e19 {
                vals.push(v);
            }
            vals.push((x % 10_000_000) as f64 / [1.0, 8.0, 100.0, 1000.0, 1e6][(x % 5) as usize]);
        }
        for v in vals {
            for d in 0..=8 {
                assert_eq!(fixed(v, d), format!("{:.*}", d, v), "{v:e} with {d} decimals");
            }
        }
    }

    #[test]
    fn exponent_form_for_messages() {
        assert_eq!(sci(1e308), "1e308");
        assert_eq!(sci(-2e15), "-2e15");
        assert_eq!(sci(2.5e-7), "2.5e-7");
        assert_eq!(plain(-5.0), "-5");
        assert_eq!(plain(-0.5), "-0.5");
    }

    fn ind(value: f64, unit: &str, kind: Kind, approx: bool) -> Indicator {
        Indicator {
            id: "x".into(),
            section: "s".into(),
            label: "标签".into(),
            label_en: "Label".into(),
            value,
            unit: unit.into(),
            kind,
            approx,
            quote: "q".into(),
            span: None,
            repeat_of: None,
            of: None,
        }
    }

    #[test]
    fn chinese_magnitudes() {
        assert_eq!(magnitude(80000.0, Locale::Zh), "8万");
        assert_eq!(magnitude(1_070_000_000.0, Locale::Zh), "10.7亿");
        assert_eq!(magnitude(89_000_000.0, Locale::Zh), "8900万");
        assert_eq!(magnitude(5_355_000.0, Locale::Zh), "535.5万");
        assert_eq!(magnitude(1035.0, Locale::Zh), "1035");
        assert_eq!(magnitude(9999.0, Locale::Zh), "9999");
        assert_eq!(magnitude(140_000_000.0, Locale::Zh), "1.4亿");
        assert_eq!(magnitude(1e11, Locale::Zh), "1000亿");
        assert_eq!(magnitude(0.0, Locale::Zh), "0");
        assert_eq!(magnitude(-0.0, Locale::Zh), "0");
        assert_eq!(magnitude(-48500.0, Locale::Zh), "−4.85万");
    }

    #[test]
    fn english_magnitudes() {
        assert_eq!(magnitude(80000.0, Locale::En), "80,000");
        assert_eq!(magnitude(1_070_000_000.0, Locale::En), "1.07 billion");
        assert_eq!(magnitude(89_000_000.0, Locale::En), "89 million");
        assert_eq!(magnitude(1035.0, Locale::En), "1,035");
        assert_eq!(magnitude(999.5, Locale::En), "999.5");
        assert_eq!(group_thousands(1234567.891, 2), "1,234,567.89");
        assert_eq!(group_thousands(-1000.0, 0), "−1,000");
    }

    #[test]
    fn value_texts_zh() {
        assert_eq!(value_text(&ind(80000.0, "人次", Kind::Count, true), Locale::Zh, false), "8万余人次");
        assert_eq!(value_text(&ind(89_000_000.0, "元", Kind::Money, false), Locale::Zh, false), "8900万元");
        assert_eq!(value_text(&ind(1e11, "元", Kind::Money, true), Locale::Zh, false), "1000亿余元");
        assert_eq!(value_text(&ind(-11.8, "%", Kind::YoyChange, false), Locale::Zh, false), "−11.8%");
        assert_eq!(value_text(&ind(-11.8, "%", Kind::YoyChange, false), Locale::Zh, true), "同比下降11.8%");
        assert_eq!(value_text(&ind(20.84, "%", Kind::YoyChange, false), Locale::Zh, true), "同比上升20.84%");
        assert_eq!(value_text(&ind(20.84, "%", Kind::YoyChange, false), Locale::Zh, false), "+20.84%");
        assert_eq!(value_text(&ind(99.4, "%", Kind::Percent, false), Locale::Zh, false), "99.4%");
        assert_eq!(value_text(&ind(1.0, "名次", Kind::Rank, false), Locale::Zh, false), "全省第1");
        assert_eq!(value_text(&ind(30.0, "个", Kind::Count, true), Locale::Zh, false), "30余个");
    }

    #[test]
    fn value_texts_en() {
        assert_eq!(value_text(&ind(80000.0, "人次", Kind::Count, true), Locale::En, false), "80,000+ person-times");
        assert_eq!(value_text(&ind(89_000_000.0, "元", Kind::Money, false), Locale::En, false), "¥89 million");
        assert_eq!(value_text(&ind(-11.8, "%", Kind::YoyChange, false), Locale::En, false), "−11.8% y/y");
        assert_eq!(value_text(&ind(2.0, "名次", Kind::Rank, false), Locale::En, false), "No. 2 in the province");
        assert_eq!(value_text(&ind(952.0, "个", Kind::Count, false), Locale::En, false), "952");
        assert_eq!(value_text(&ind(111.0, "%", Kind::Ratio, false), Locale::En, false), "111%");
        assert_eq!(value_text(&ind(2.45, "", Kind::Ratio, false), Locale::Zh, false), "2.45");
        assert_eq!(value_text(&ind(1.5, "倍", Kind::Ratio, false), Locale::Zh, false), "1.5倍");
        // Below 1, three decimals: 0.094 per million tonnes is not 0.09.
        assert_eq!(value_text(&ind(0.094, "人/百万吨", Kind::Count, false), Locale::Zh, false), "0.094人/百万吨");
    }

    #[test]
    fn ticks() {
        assert_eq!(tick(20000.0, Locale::Zh, false), "2万");
        assert_eq!(tick(20000.0, Locale::En, false), "20k");
        assert_eq!(tick(1.5e6, Locale::En, false), "1.5M");
        assert_eq!(tick(-20.0, Locale::En, true), "−20%");
        assert_eq!(tick(0.0, Locale::En, false), "0");
    }

    #[test]
    fn locale_parse() {
        assert_eq!(Locale::parse("EN"), Some(Locale::En));
        assert_eq!(Locale::parse("zh-CN"), Some(Locale::Zh));
        assert_eq!(Locale::parse("fr"), None);
    }
}
