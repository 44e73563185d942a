//! What follows a number: 余/多, a multiplier (万, 亿, 千万…), the unit (人次, 万元 →
//! 元, %, 个百分点…), a parenthesised alternative unit (批(件)), a per-unit (公里/平方公里),
//! and 以上/左右. Also tells dates and times (年, 月, 日…) apart from quantities.

use super::text::Doc;

/// What sort of quantity a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitClass {
    /// A number of things.
    Count,
    /// Yuan (or another currency named in the unit).
    Money,
    /// %.
    Percent,
    /// ‰.
    PerMille,
    /// 个百分点: a difference of percentages.
    Points,
    /// 倍.
    Times,
    /// 3.6/10万: a rate per so many.
    PerRatio,
    /// 小时, 分钟, 天: a length of time.
    Duration,
    /// 岁.
    Age,
}

impl UnitClass {
    /// Units whose figure is a number of things, where the counted noun may follow
    /// the unit ("组建390人电话流调队伍").
    pub fn counts_things(self) -> bool {
        matches!(self, UnitClass::Count | UnitClass::Duration)
    }
}

/// (as written, as reported, class, counts after a Chinese numeral)
type UnitRow = (&'static str, &'static str, UnitClass, bool);

use UnitClass::*;

static UNITS: &[UnitRow] = &[
    ("%", "%", Percent, false),
    ("‰", "‰", PerMille, false),
    ("个百分点", "个百分点", Points, true),
    ("百分点", "个百分点", Points, false),
    ("倍", "倍", Times, true),
    ("元", "元", Money, true),
    ("美元", "美元", Money, true),
    ("欧元", "欧元", Money, true),
    ("港元", "港元", Money, true),
    ("人次", "人次", Count, true),
    ("人", "人", Count, true),
    ("户次", "户次", Count, true),
    ("户", "户", Count, true),
    ("家次", "家次", Count, true),
    ("家", "家", Count, true),
    ("起", "起", Count, true),
    ("件次", "件次", Count, true),
    ("件", "件", Count, true),
    ("个月", "个月", Duration, false),
    ("个季度", "个季度", Duration, false),
    ("个", "个", Count, true),
    ("名", "名", Count, true),
    ("张", "张", Count, true),
    ("条", "条", Count, true),
    ("处", "处", Count, true),
    ("部门", "部门", Count, true),
    ("部", "部", Count, true),
    ("辆次", "辆次", Count, true),
    ("辆", "辆", Count, true),
    ("路", "路", Count, false),
    ("支", "支", Count, true),
    ("份", "份", Count, true),
    ("批次", "批次", Count, true),
    ("批", "批", Count, true),
    ("项", "项", Count, true),
    ("次", "次", Count, true),
    ("小时", "小时", Duration, false),
    ("分钟", "分钟", Duration, false),
    ("天", "天", Duration, false),
    ("所", "所", Count, true),
    ("座", "座", Count, true),
    ("台次", "台次", Count, true),
    ("台", "台", Count, true),
    ("套", "套", Count, true),
    ("位", "位", Count, true),
    ("只", "只", Count, true),
    ("场次", "场次", Count, true),
    ("场", "场", Count, true),
    ("宗", "宗", Count, true),
    ("篇", "篇", Count, true),
    ("本", "本", Count, false),
    ("册", "册", Count, true),
    ("块", "块", Count, true),
    ("栋", "栋", Count, true),
    ("幢", "幢", Count, true),
    ("间", "间", Count, true),
    ("类", "类", Count, true),
    ("种", "种", Count, true),
    ("艘次", "艘次", Count, true),
    ("艘", "艘", Count, true),
    ("架次", "架次", Count, true),
    ("架", "架", Count, true),
    ("车次", "车次", Count, true),
    ("班次", "班次", Count, true),
    ("趟", "趟", Count, true),
    ("轮", "轮", Count, true),
    ("期", "期", Count, true),
    ("笔", "笔", Count, true),
    ("通", "通", Count, false),
    ("单", "单", Count, false),
    ("卷", "卷", Count, true),
    ("头", "头", Count, true),
    ("匹", "匹", Count, true),
    ("吨", "吨", Count, true),
    ("公斤", "公斤", Count, true),
    ("千克", "千克", Count, true),
    ("克", "克", Count, false),
    ("毫克", "毫克", Count, false),
    ("微克", "微克", Count, false),
    ("公里", "公里", Count, true),
    ("千米", "千米", Count, true),
    ("米", "米", Count, true),
    ("平方公里", "平方公里", Count, true),
    ("平方千米", "平方千米", Count, true),
    ("平方米", "平方米", Count, true),
    ("立方米", "立方米", Count, true),
    ("亩", "亩", Count, true),
    ("公顷", "公顷", Count, true),
    ("千瓦时", "千瓦时", Count, false),
    ("千瓦", "千瓦", Count, false),
    ("兆瓦", "兆瓦", Count, false),
    ("升", "升", Count, false),
    ("毫升", "毫升", Count, false),
    ("岁", "岁", Age, false),
    ("大", "项", Count, true), // 两大攻坚; only after a Chinese numeral below ten
];

/// Multipliers after a number, longest first when matched.
static MULTIPLIERS: &[(&str, i32)] =
    &[("万亿", 12), ("千亿", 11), ("百亿", 10), ("千万", 7), ("百万", 6), ("亿", 8), ("万", 4), ("千", 3), ("百", 2)];

/// Words after a number that make it a date or a time of day, not a quantity.
pub(super) static DATE_WORDS: &[&str] =
    &["年", "月", "日", "号", "时", "点", "分", "秒", "周", "季度", "世纪", "旬", "届", "级"];

/// A unit found after a number.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// The unit as reported (`元` for 万元, `批(件)` for 批(件)).
    pub text: String,
    /// What sort of quantity it measures.
    pub class: UnitClass,
    /// Counts after a Chinese numeral (四个, 十五项, 两大).
    pub cn_ok: bool,
    /// The unit is 大 (两大攻坚).
    pub da: bool,
}

/// 3.6/10万, 5/万 at `k`: a rate per so many, the whole suffix.
fn per_ratio(doc: &Doc, k: usize) -> Option<Suffix> {
    if doc.c(k) != '/' {
        return None;
    }
    let mut m = k + 1;
    while doc.c(m).is_ascii_digit() {
        m += 1;
    }
    let mult = doc.longest_at(m, &["万", "千", "百万", "十万", "亿"])?;
    let end = m + mult.chars().count();
    let text = format!("/{}", doc.norm_str(k + 1, end));
    let unit = Unit { text, class: PerRatio, cn_ok: false, da: false };
    Some(Suffix { mult: 0, approx: false, unit: Some(unit), unit_end: end, end, date: false, threshold: false })
}

/// What may follow a unit ending at `k` and belongs to it: an alternative unit in
/// parentheses (批(件), 件（人）次) or a unit per unit (公里/平方公里, 微克/立方米), added
/// to `text`. Returns where the unit ends.
fn unit_tail(doc: &Doc, mut k: usize, text: &mut String) -> usize {
    // 批(件): an alternative unit in parentheses.
    if doc.c(k) == '(' {
        for len in 1..=2 {
            let close = k + 1 + len;
            if doc.c(close) == ')' && match_unit(doc, k + 1).is_some_and(|r| r.0.chars().count() == len) {
                text.push_str(&doc.raw_str(k, close + 1));
                k = close + 1;
                // 件（人）次
                if doc.c(k) == '次' {
                    text.push('次');
                    k += 1;
                }
                break;
            }
        }
    }
    // 公里/平方公里, 微克/立方米: a unit per unit.
    if doc.c(k) == '/' {
        if let Some(r) = match_unit(doc, k + 1) {
            if r.2 == Count {
                text.push('/');
                text.push_str(r.1);
                k += 1 + r.0.chars().count();
            }
        }
    }
    k
}

/// Everything between the end of the digits and the end of the figure.
#[derive(Debug, Clone)]
pub(crate) struct Suffix {
    /// Power of ten of the multiplier (万 → 4).
    pub mult: i32,
    /// 余, 多, 以上, 左右: the figure is approximate.
    pub approx: bool,
    /// The unit, if one follows.
    pub unit: Option<Unit>,
    /// End of the unit (before 以上/左右), or of the multiplier when there is no unit.
    pub unit_end: usize,
    /// End of the figure, approximation words included.
    pub end: usize,
    /// The number is a date or a time.
    pub date: bool,
    /// 3人以上的…, 10万元以上的…, 60岁以上: a threshold that defines a class.
    pub threshold: bool,
}

fn match_unit(doc: &Doc, j: usize) -> Option<&'static UnitRow> {
    let mut best: Option<&'static UnitRow> = None;
    for row in UNITS {
        if doc.starts_with(j, row.0) && best.is_none_or(|b| row.0.chars().count() > b.0.chars().count()) {
            best = Some(row);
        }
    }
    best
}

fn approx_mid(doc: &Doc, j: usize) -> Option<usize> {
    match doc.c(j) {
        '余' | '多' => Some(j + 1),
        _ => None,
    }
}

/// Parses what follows a number ending at `j`.
pub(crate) fn parse_suffix(doc: &Doc, j: usize) -> Suffix {
    let mut approx = false;
    let mut k = doc.skip_spaces(j, 2);
    if let Some(per) = per_ratio(doc, k) {
        return per;
    }
    if let Some(m) = approx_mid(doc, k) {
        approx = true;
        k = m;
    }
    let mut mult = 0;
    let mut row = match_unit(doc, k);
    if row.is_none() {
        let mut best: Option<(&str, i32)> = None;
        for &(p, e) in MULTIPLIERS {
            if doc.starts_with(k, p) && best.is_none_or(|(b, _)| p.chars().count() > b.chars().count()) {
                best = Some((p, e));
            }
        }
        if let Some((p, e)) = best {
            mult = e;
            k += p.chars().count();
            if let Some(m) = approx_mid(doc, k) {
                approx = true;
                k = m;
            }
            k = doc.skip_spaces(k, 1);
            row = match_unit(doc, k);
        }
    }
    let Some(&(pat, unit_text, class, cn_ok)) = row else {
        let date = mult == 0 && doc.longest_at(k, DATE_WORDS).is_some();
        return Suffix { mult, approx, unit: None, unit_end: k, end: k, date, threshold: false };
    };
    let mut text = unit_text.to_string();
    k = unit_tail(doc, k + pat.chars().count(), &mut text);
    let unit_end = k;
    let mut threshold = false;
    if let Some(w) = doc.longest_at(k, &["以上", "左右", "余", "多", "及以上", "以下"]) {
        let after = k + w.chars().count();
        if w == "以下" || w == "及以上" {
            threshold = true;
        } else {
            approx = true;
        }
        if (w == "以上" || w == "以下" || w == "及以上") && (doc.c(after) == '的' || class == Age) {
            threshold = true;
        }
        k = after;
    }
    if class == Age && matches!(doc.c(k), '至' | '到' | '-' | '~') {
        threshold = true;
    }
    // "2个多月": a duration, the month after 多.
    let mut class = class;
    let mut unit_end = unit_end;
    if pat == "个" && approx && doc.c(k) == '月' {
        text.push('月');
        class = Duration;
        k += 1;
        unit_end = k;
    }
    let unit = Unit { text, class, cn_ok, da: pat == "大" };
    Suffix { mult, approx, unit: Some(unit), unit_end, end: k, date: false, threshold }
}
