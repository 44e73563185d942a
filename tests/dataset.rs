//! The reviewed dataset `www/data/report-2022.json` against the report it comes from,
//! `data/report-2022.txt`.
//!
//! Besides validation (`Dataset::from_json`), this checks that every figure agrees with
//! its quote (number, scale, sign, approximation, unit), that every indicator sits in
//! the paragraph of its section, and — the completeness check — that every number in the
//! report is either inside some indicator's quote or listed in [`EXCLUDED`] with a
//! reason. A figure left out of the dataset therefore fails the test.

#![allow(clippy::disallowed_methods)] // clippy.toml keeps these out of the wasm; tests are native
use indicator_chart::model::{Dataset, Indicator, Kind};
use std::collections::{HashMap, HashSet};

const JSON: &str = include_str!("../www/data/report-2022.json");
const REPORT: &str = include_str!("../data/report-2022.txt");

/// Numbers in the report that are not indicators: `(context, reason)`. `context` must
/// occur exactly once in the report; every number inside it is excluded. Keep contexts
/// tight so they cannot hide a real figure.
const EXCLUDED: &[(&str, &str)] = &[
    // Years, dates, times of day.
    ("2022年,市公安局", "the report's year"),
    ("3月份", "a month (date)"),
    ("10月份", "a month (date)"),
    ("10月初", "a date"),
    ("9月底", "a date"),
    ("9月27日", "a date"),
    ("10月10日", "a date"),
    // The composition of one "5+10" unit: defines the slogan, not a figure of the year
    // (the total, 共1035人, is an indicator).
    (
        "“5”即1名带班的中层正职、3名研判员、1名内勤,“10”即10名视频辅警",
        "defines the \"5+10\" slogan (1 shift leader, 3 analysts, 1 clerk; 10 video auxiliaries per unit)",
    ),
    // Names and slogans with Arabic digits.
    ("“1+3”", "name of a working mechanism (公安、卫健、交通、文旅)"),
    ("“净网2022”", "name of a campaign"),
    ("“3.03”", "name of a national operation"),
    ("15分钟办证圈", "slogan (a 15-minute service circle), not a measured figure"),
    // Chinese numerals before a counter word that are names, slogans or articles.
    ("“一部十组”", "name of the wartime tracing structure"),
    ("以党的二十大", "the 20th Party Congress (a name)"),
    ("打赢了党的二十大", "the 20th Party Congress (a name)"),
    ("清除了一批电诈窝点", "一批 = 'a number of', not a count"),
    ("摧毁一条制售", "一条 = 'a' (chain), indefinite article, not a count"),
    ("有效防范一批", "一批 = 'a number of', not a count"),
    ("一件事集成改革", "part of an application's name"),
    ("“两队”", "slogan (一室引领两队)"),
    ("二十条优秀“金点子”", "name of an award list"),
    ("锻造一支", "一支 = 'a' (force), indefinite article"),
    ("等一批先进典型", "一批 = 'a number of', not a count"),
    ("“五类八部”", "name of a series of training films"),
    ("八项重点工作清单", "title of a document"),
    ("“四种形态”", "slogan"),
    ("“一次采集", "slogan (一次采集、多地多次多领域复用)"),
];

/// Words in a quote that make a figure approximate.
const APPROX_WORDS: &[&str] = &["余", "超", "近", "约", "逾", "以上", "左右"];
/// Words that contain one of [`APPROX_WORDS`] without meaning "about"
/// (集约化办案率达87.1% is exact).
const NOT_APPROX_WORDS: &[&str] = &["集约", "节约", "制约", "约束", "其余", "业余", "剩余", "超市"];
/// Words in a quote that make a change negative.
const DOWN_WORDS: &[&str] = &["下降", "减少", "下滑"];
/// Units a count may have.
const COUNT_UNITS: &[&str] = &[
    "人次", "人", "起", "个", "张", "条", "家", "名", "批次", "批(件)", "件", "部", "路", "处", "份", "支", "项",
    "小时",
];
/// Counter words that, after a Chinese numeral, make a figure the completeness scan looks at.
const CN_COUNTERS: &[char] = &[
    '个', '项', '条', '大', '名', '批', '件', '部', '支', '家', '起', '人', '张', '类', '种', '组', '队', '路', '处',
    '份', '次',
];
const CN_NUMERALS: &str = "零一二两三四五六七八九十百千";

fn dataset() -> Dataset {
    Dataset::from_json(JSON).unwrap_or_else(|e| panic!("www/data/report-2022.json does not validate: {e}"))
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// Full-width digits and point → ASCII.
fn normalize(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap(),
        '．' => '.',
        _ => c,
    }
}

fn cn_digit(c: char) -> Option<f64> {
    "零一二三四五六七八九".chars().position(|d| d == c).map(|p| p as f64).or(if c == '两' { Some(2.0) } else { None })
}

fn cn_unit(c: char) -> Option<f64> {
    match c {
        '十' => Some(10.0),
        '百' => Some(100.0),
        '千' => Some(1000.0),
        _ => None,
    }
}

/// 十五 → 15, 二十 → 20, 两 → 2, 千 → 1000.
fn chinese_value(run: &[char]) -> f64 {
    let (mut total, mut cur) = (0.0, None::<f64>);
    for &c in run {
        if let Some(d) = cn_digit(c) {
            cur = Some(d);
        } else if let Some(u) = cn_unit(c) {
            total += cur.unwrap_or(1.0) * u;
            cur = None;
        }
    }
    total + cur.unwrap_or(0.0)
}

/// A number token of a text, in char offsets `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Token {
    start: usize,
    end: usize,
    /// Already scaled by a following 万/亿/千.
    value: f64,
    chinese: bool,
    /// The token follows 第 (an ordinal: 第一, 第二).
    ordinal: bool,
}

/// The Arabic number tokens of `t` (digits with an optional decimal part; a stray space
/// after or before the point is tolerated, "34. 8"; full-width digits too).
fn arabic_tokens(t: &[char]) -> Vec<Token> {
    let t: Vec<char> = t.iter().map(|&c| normalize(c)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !t[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut s = String::new();
        while i < t.len() && t[i].is_ascii_digit() {
            s.push(t[i]);
            i += 1;
        }
        // Optional decimal part, tolerating spaces around the point.
        let mut j = i;
        while j < t.len() && t[j] == ' ' {
            j += 1;
        }
        if j < t.len() && t[j] == '.' {
            let mut k = j + 1;
            while k < t.len() && t[k] == ' ' {
                k += 1;
            }
            if k < t.len() && t[k].is_ascii_digit() {
                s.push('.');
                i = k;
                while i < t.len() && t[i].is_ascii_digit() {
                    s.push(t[i]);
                    i += 1;
                }
            }
        }
        let end = i;
        let mut value: f64 = s.parse().unwrap();
        value *= multipliers(&t, &mut i);
        out.push(Token { start, end, value, chinese: false, ordinal: start > 0 && t[start - 1] == '第' });
    }
    out
}

/// Scale words right after a number: 万, 亿, 千 (and combinations like 千万).
fn multipliers(t: &[char], i: &mut usize) -> f64 {
    let mut m = 1.0;
    while *i < t.len() {
        m *= match t[*i] {
            '万' => 1e4,
            '亿' => 1e8,
            '千' => 1e3,
            _ => break,
        };
        *i += 1;
    }
    m
}

/// The Chinese-numeral tokens of `t` (runs of 一二两三…十百千, scaled by a following 万/亿).
/// `end` is the end of the numeral run itself (before any 万/亿).
fn chinese_tokens(t: &[char]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !CN_NUMERALS.contains(t[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < t.len() && CN_NUMERALS.contains(t[i]) {
            i += 1;
        }
        let end = i;
        let mut value = chinese_value(&t[start..end]);
        let mut j = i;
        // 千 was taken into the run; only 万/亿 scale a Chinese numeral.
        while j < t.len() && (t[j] == '万' || t[j] == '亿') {
            value *= if t[j] == '万' { 1e4 } else { 1e8 };
            j += 1;
        }
        out.push(Token { start, end, value, chinese: true, ordinal: start > 0 && t[start - 1] == '第' });
    }
    out
}

/// The numbers a quote states, as candidates for the indicator's value: ordinals for a
/// rank; otherwise the Arabic numbers, or the Chinese numerals if there are none.
fn quote_numbers(ind: &Indicator) -> Vec<f64> {
    let q = chars(&ind.quote);
    let arabic = arabic_tokens(&q);
    let chinese = chinese_tokens(&q);
    if ind.kind == Kind::Rank {
        return arabic.iter().chain(chinese.iter()).filter(|t| t.ordinal).map(|t| t.value).collect();
    }
    let pick = if arabic.is_empty() { chinese } else { arabic };
    pick.iter().map(|t| t.value).collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

fn span(ind: &Indicator) -> [usize; 2] {
    ind.span.unwrap_or_else(|| panic!("{}: no span after validation", ind.id))
}

/// A paragraph (line) of the report: its section id and char range `[start, end)`.
type Paragraph = (String, usize, usize);
/// A section as the report's headings define it: (id, title, parent).
type Heading = (String, String, Option<String>);

/// The section each paragraph (line) of the report belongs to, and the sections as the
/// report's headings define them.
fn paragraphs(text: &str) -> (Vec<Paragraph>, Vec<Heading>) {
    let mut paras = Vec::new();
    let mut secs = vec![("intro".to_string(), "总述".to_string(), None)];
    let mut top: Option<(usize, String)> = None;
    let mut pos = 0;
    for (i, line) in text.split('\n').enumerate() {
        let n = line.chars().count();
        let lc = chars(line);
        let numeral_end = lc.iter().position(|c| !"一二三四五六七八九十".contains(*c)).unwrap_or(0);
        let title_of = |from: usize| -> String {
            let rest: String = lc[from..].iter().collect();
            rest.split('。').next().unwrap().to_string()
        };
        let id = if i == 0 {
            "intro".to_string()
        } else if numeral_end > 0 && lc[numeral_end] == '、' {
            let k = chinese_value(&lc[..numeral_end]) as usize;
            let id = format!("s{k}");
            secs.push((id.clone(), title_of(numeral_end + 1), None));
            top = Some((k, id.clone()));
            id
        } else if lc.first() == Some(&'(') {
            let close_at = lc.iter().position(|&c| c == ')').expect("a (一) heading");
            let k = chinese_value(&lc[1..close_at]) as usize;
            let (tk, tid) = top.clone().unwrap_or_else(|| panic!("line {i}: (…) heading before any 一、 heading"));
            let id = format!("s{tk}-{k}");
            secs.push((id.clone(), title_of(close_at + 1), Some(tid)));
            id
        } else {
            panic!("line {i} of the report is neither the opening nor a heading: {line}");
        };
        paras.push((id, pos, pos + n));
        pos += n + 1;
    }
    (paras, secs)
}

#[test]
fn validates_with_more_than_100_distinct_indicators() {
    let ds = dataset();
    let ids: HashSet<&str> = ds.indicators().iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids.len(), ds.indicators().len(), "indicator ids are not unique");
    let distinct = ds.distinct().count();
    assert!(distinct > 100, "only {distinct} distinct indicators (expected more than 100)");
    let section_ids: HashSet<&str> = ds.sections().iter().map(|s| s.id.as_str()).collect();
    for ind in ds.indicators() {
        assert!(section_ids.contains(ind.section.as_str()), "{}: unknown section {}", ind.id, ind.section);
        let ok = !ind.id.is_empty()
            && ind.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !ind.id.starts_with('-')
            && !ind.id.ends_with('-')
            && !ind.id.contains("--");
        assert!(ok, "{}: id is not lowercase kebab-case", ind.id);
        assert!(!ind.label.trim().is_empty(), "{}: empty label", ind.id);
        assert!(!ind.label_en.trim().is_empty(), "{}: empty label_en", ind.id);
    }
    assert_eq!(ds.title(), "2022年市公安局工作报告指标", "dataset title");
    assert_eq!(ds.source().title, "市公安局2022年工作总结", "source title");
    assert_eq!(ds.source().year, 2022, "source year");
}

#[test]
fn source_text_is_the_report_byte_for_byte() {
    let ds = dataset();
    if ds.source().text != REPORT {
        let a = chars(&ds.source().text);
        let b = chars(REPORT);
        let at = a.iter().zip(&b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
        panic!(
            "source.text differs from data/report-2022.txt at char {at} (lengths {} and {} chars): {:?} vs {:?}",
            a.len(),
            b.len(),
            a[at..(at + 20).min(a.len())].iter().collect::<String>(),
            b[at..(at + 20).min(b.len())].iter().collect::<String>(),
        );
    }
}

#[test]
fn sections_follow_the_report_headings() {
    let ds = dataset();
    let (_, secs) = paragraphs(&ds.source().text);
    let got: Vec<Heading> = ds.sections().iter().map(|s| (s.id.clone(), s.title.clone(), s.parent.clone())).collect();
    assert_eq!(got, secs, "sections (id, title, parent) do not match the report's headings");
}

#[test]
fn every_indicator_is_in_its_sections_paragraph() {
    let ds = dataset();
    let (paras, _) = paragraphs(&ds.source().text);
    for ind in ds.indicators() {
        let [s, e] = span(ind);
        let (pid, _, _) = paras
            .iter()
            .find(|(_, a, b)| *a <= s && e <= *b)
            .unwrap_or_else(|| panic!("{}: span [{s}, {e}) crosses a paragraph break", ind.id));
        assert_eq!(&ind.section, pid, "{}: the quote \"{}\" is in section {pid}", ind.id, ind.quote);
    }
}

#[test]
fn every_quote_is_at_its_span() {
    // Validation checks this too; this says which indicator is wrong.
    let ds = dataset();
    let text = chars(&ds.source().text);
    for ind in ds.indicators() {
        let [s, e] = span(ind);
        assert!(s < e && e <= text.len(), "{}: span [{s}, {e}) out of range", ind.id);
        let at: String = text[s..e].iter().collect();
        assert_eq!(at, ind.quote, "{}: span [{s}, {e}) does not mark the quote", ind.id);
    }
}

#[test]
fn values_agree_with_their_quotes() {
    let ds = dataset();
    let mut bad = Vec::new();
    for ind in ds.indicators() {
        let nums = quote_numbers(ind);
        if !nums.iter().any(|&n| close(n, ind.value.abs())) {
            bad.push(format!(
                "{}: value {} (|{}|) is none of the numbers in the quote \"{}\": {:?}",
                ind.id,
                ind.value,
                ind.value.abs(),
                ind.quote,
                nums
            ));
        }
        if ind.kind.is_signed() {
            let down = DOWN_WORDS.iter().any(|w| ind.quote.contains(w));
            if down != (ind.value < 0.0) {
                bad.push(format!(
                    "{}: value {} but the quote \"{}\" {} a fall word (下降/减少/下滑)",
                    ind.id,
                    ind.value,
                    ind.quote,
                    if down { "has" } else { "has no" }
                ));
            }
        }
    }
    assert!(bad.is_empty(), "{} value(s) disagree with their quotes:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn approx_iff_the_quote_says_so() {
    let ds = dataset();
    for ind in ds.indicators() {
        let q = NOT_APPROX_WORDS.iter().fold(ind.quote.clone(), |q, w| q.replace(w, "·"));
        let says = APPROX_WORDS.iter().find(|w| q.contains(*w));
        assert_eq!(
            ind.approx,
            says.is_some(),
            "{}: approx is {} but the quote \"{}\" {}",
            ind.id,
            ind.approx,
            ind.quote,
            match says {
                Some(w) => format!("says {w}"),
                None => "has none of 余/超/近/约/逾/以上/左右".to_string(),
            }
        );
    }
}

#[test]
fn kinds_and_units_are_consistent() {
    let ds = dataset();
    for ind in ds.indicators() {
        let (id, q, u, v) = (&ind.id, &ind.quote, ind.unit.as_str(), ind.value);
        match ind.kind {
            Kind::Percent | Kind::YoyChange | Kind::Ratio => {
                assert_eq!(u, "%", "{id}: a {} must have unit %", ind.kind.as_str());
                assert!(q.contains('%'), "{id}: a per-cent figure whose quote \"{q}\" has no %");
            }
            Kind::Money => {
                assert_eq!(u, "元", "{id}: money must be in 元");
                // 8900万元; or 涉案金额超千亿, where 金额 says it is money.
                assert!(
                    q.contains('元') || q.contains("金额"),
                    "{id}: money whose quote \"{q}\" says neither 元 nor 金额"
                );
            }
            Kind::Rank => {
                assert_eq!(u, "名次", "{id}: a rank must have unit 名次");
                assert!(v >= 1.0 && v.fract() == 0.0, "{id}: rank {v} is not a whole number ≥ 1");
                assert!(q.contains('第'), "{id}: a rank whose quote \"{q}\" has no 第");
            }
            Kind::Change => {
                assert!(!u.is_empty(), "{id}: a change needs a unit");
                assert_eq!(q.contains('%'), u == "%", "{id}: unit {u} vs quote \"{q}\"");
            }
            Kind::Count => {
                assert!(COUNT_UNITS.contains(&u), "{id}: unexpected count unit {u}");
                assert!(v.fract() == 0.0, "{id}: count {v} is not a whole number");
                // The counter in the quote is the unit (两大攻坚: 大 is counted as 项).
                let counter_ok = q.contains(u) || (u == "项" && q.contains('大'));
                assert!(counter_ok, "{id}: unit {u} does not appear in the quote \"{q}\"");
            }
        }
        match ind.kind {
            Kind::YoyChange => assert!(q.contains("同比"), "{id}: yoy_change whose quote \"{q}\" has no 同比"),
            Kind::Change => assert!(!q.contains("同比"), "{id}: a 同比 change must be yoy_change"),
            Kind::Percent => assert!((0.0..=100.0).contains(&v), "{id}: percent {v} outside 0–100"),
            Kind::Ratio => assert!(v > 0.0, "{id}: ratio {v} must be positive"),
            _ => {}
        }
    }
}

#[test]
fn repeats_point_back_to_the_same_figure() {
    let ds = dataset();
    let by_id: HashMap<&str, &Indicator> = ds.indicators().iter().map(|i| (i.id.as_str(), i)).collect();
    let mut spans: HashMap<[usize; 2], Vec<&Indicator>> = HashMap::new();
    for ind in ds.indicators() {
        spans.entry(span(ind)).or_default().push(ind);
        let Some(r) = &ind.repeat_of else { continue };
        let first = by_id.get(r.as_str()).unwrap_or_else(|| panic!("{}: repeat_of unknown id {r}", ind.id));
        assert!(first.repeat_of.is_none(), "{}: repeat_of {r}, which is itself a repeat", ind.id);
        assert!(
            first.value == ind.value && first.unit == ind.unit && first.kind == ind.kind,
            "{}: repeats {r} but states a different figure ({} {} {:?} vs {} {} {:?})",
            ind.id,
            ind.value,
            ind.unit,
            ind.kind,
            first.value,
            first.unit,
            first.kind
        );
        assert!(span(first)[0] < span(ind)[0], "{}: the repeat comes before its first statement {r}", ind.id);
    }
    // Two records on one span only for a phrase that covers several things (均列全省第一).
    for (sp, inds) in spans {
        if inds.len() > 1 {
            let ids: Vec<&str> = inds.iter().map(|i| i.id.as_str()).collect();
            assert!(inds[0].quote.contains('均'), "{ids:?} share span {sp:?} but their quote is not a 均… phrase");
        }
    }
}

/// Every number in the report lies inside some indicator's quote, or is excluded.
#[test]
fn every_number_in_the_report_is_an_indicator_or_excluded() {
    let ds = dataset();
    let text = chars(&ds.source().text);
    let spans: Vec<[usize; 2]> = ds.indicators().iter().map(span).collect();

    // Exclusion contexts → char ranges.
    let mut excluded: Vec<([usize; 2], &str, &str)> = Vec::new();
    for &(ctx, reason) in EXCLUDED {
        let n = ds.source().text.matches(ctx).count();
        assert_eq!(n, 1, "exclusion context \"{ctx}\" occurs {n} times in the report (must be exactly once)");
        let b = ds.source().text.find(ctx).unwrap();
        let s = ds.source().text[..b].chars().count();
        excluded.push(([s, s + ctx.chars().count()], ctx, reason));
    }

    // Arabic numbers, and Chinese numerals followed by a counter or scale word.
    let mut tokens = arabic_tokens(&text);
    tokens.extend(chinese_tokens(&text).into_iter().filter(|t| {
        // A counter word (四个应用), or a scale word (超千亿).
        t.end < text.len() && (CN_COUNTERS.contains(&text[t.end]) || matches!(text[t.end], '万' | '亿'))
    }));

    let inside = |t: &Token, r: &[usize; 2]| r[0] <= t.start && t.end <= r[1];
    let mut missing = Vec::new();
    let mut used = vec![false; excluded.len()];
    for t in &tokens {
        if spans.iter().any(|sp| inside(t, sp)) {
            continue;
        }
        match excluded.iter().position(|(r, _, _)| inside(t, r)) {
            Some(k) => used[k] = true,
            None => {
                let from = t.start.saturating_sub(15);
                let to = (t.end + 8).min(text.len());
                missing.push(format!(
                    "  char {}: {:?} in \"…{}…\"",
                    t.start,
                    text[t.start..t.end].iter().collect::<String>(),
                    text[from..to].iter().collect::<String>().replace('\n', "⏎")
                ));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} number(s) in the report are in no indicator's quote and not excluded (add the indicator, or an EXCLUDED entry with a reason):\n{}",
        missing.len(),
        missing.join("\n")
    );
    let stale: Vec<String> = excluded
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|((_, ctx, reason), _)| format!("  \"{ctx}\" ({reason})"))
        .collect();
    assert!(
        stale.is_empty(),
        "exclusions that exclude nothing (the number is already in a quote, or the context has none):\n{}",
        stale.join("\n")
    );
}

/// The parser the checks above rely on.
#[test]
fn number_parsing() {
    let nums = |s: &str| {
        let c = chars(s);
        let mut v: Vec<f64> = arabic_tokens(&c).iter().map(|t| t.value).collect();
        v.extend(chinese_tokens(&c).iter().map(|t| t.value));
        v
    };
    let check = |s: &str, want: &[f64]| {
        let got = nums(s);
        assert!(
            got.len() == want.len() && got.iter().zip(want).all(|(g, w)| close(*g, *w)),
            "parsing \"{s}\": got {got:?}, want {want:?}"
        );
    };
    check("累计研判密接8万余人次", &[80000.0]);
    check("溺亡人数同比下降34. 8%", &[34.8]);
    check("累计扫码10.7亿人次", &[1070000000.0]);
    check("扣押涉案资产8900万元", &[89000000.0]);
    check("全年市外迁入４.８５万人", &[48500.0]);
    check("全年市外迁入４．８５万人", &[48500.0]);
    check("涉案金额超千亿", &[1e11]);
    check("助企纾困十五项举措", &[15.0]);
    check("二十条", &[20.0]);
    check("两大攻坚", &[2.0]);
    check("461批(件)516人次", &[461.0, 516.0]);
    check("启用17.4万张", &[174000.0]);
    let t = chinese_tokens(&chars("居全省第二"));
    assert!(t[0].ordinal && t[0].value == 2.0);
}
