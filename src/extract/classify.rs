//! Classification: a labelled figure's kind (count, percent, ratio, money, change,
//! yoy_change, rank), its sign, and whether it is a figure at all (a bare number, or a
//! negative figure of a kind that cannot be negative, is not).

use super::figure::Reading;
use super::labels;
use super::scanner::{Found, WAN_EXP};
use super::units::UnitClass::*;
use crate::model::Kind;

/// A classified figure.
pub(super) struct Classified {
    /// What sort of figure it is.
    pub kind: Kind,
    /// The value, negative for a fall.
    pub value: f64,
    /// The unit as reported (元 for an amount of money with no unit: 超千亿).
    pub unit: String,
}

/// What classification makes of a number.
pub(super) enum Verdict {
    /// A figure.
    Figure(Classified),
    /// A bare number (no unit, no 万/亿): not a figure, and later labels may read over it.
    Bare,
    /// Not a figure: later labels must not reach back over it.
    LeftOut,
}

/// Classifies the figure `f` whose words read `r` and whose label is `label`.
pub(super) fn classify(f: &Found, r: &Reading, label: &str) -> Verdict {
    let unit = f.unit.as_ref().map(|u| u.text.clone()).unwrap_or_default();
    let Some((kind, value, unit)) = kind_and_value(f, r, label, unit) else { return Verdict::Bare };
    if value < 0.0 && !kind.is_signed() {
        return Verdict::LeftOut;
    }
    if r.class.is_none() && f.mult < WAN_EXP && kind != Kind::Ratio {
        // A bare number, whatever the words before say.
        return Verdict::Bare;
    }
    Verdict::Figure(Classified { kind, value, unit })
}

/// Kind, signed value and unit by the unit's class and the direction; `None` for a bare
/// number.
fn kind_and_value(f: &Found, r: &Reading, label: &str, unit: String) -> Option<(Kind, f64, String)> {
    if f.rank {
        return Some((Kind::Rank, f.value, unit));
    }
    // A change on last year in per cent is a yoy_change; every other change (in
    // percentage points, ‰, 倍, 万人, 亩, 元, or on another base) is a change in its unit.
    let change_kind = if r.yoy && r.class == Some(Percent) { Kind::YoyChange } else { Kind::Change };
    let is_change = match r.class {
        Some(Points) => true,
        Some(Percent | PerMille | PerRatio | Times) => r.dir_applies,
        Some(Money | Count | Duration | Age) | None => r.dir_applies && (r.yoy || r.flags.chain || r.subject_change),
    };
    if is_change {
        return Some((change_kind, r.flags.dir.sign(f.value), unit));
    }
    // 道路交通事故万车死亡人数1.38人: a count per so many — its unit says per what, so no
    // view draws it on the scale of the plain counts.
    if let Some(base) = matches!(r.class, Some(Count)).then(|| per_base(label)).flatten() {
        return Some((Kind::Count, f.value, format!("{unit}/{base}")));
    }
    let kind = match r.class {
        Some(Percent) if ratio_label(&r.core) || f.value > 100.0 => Kind::Ratio,
        Some(Percent) => Kind::Percent,
        // 出生率10.5‰: a rate like a per cent, in its own unit.
        Some(PerMille) => Kind::Percent,
        Some(PerRatio | Times | Points) => Kind::Ratio,
        Some(Money) => Kind::Money,
        Some(Count | Duration | Age) => Kind::Count,
        None => return amount_kind(f, r, label, unit),
    };
    Some((kind, f.value, unit))
}

/// A number with no unit: a ratio (城乡居民收入比缩小至1.68), an amount with 万/亿 —
/// money when the label says so (超千亿) — or a bare number (`None`).
fn amount_kind(f: &Found, r: &Reading, label: &str, unit: String) -> Option<(Kind, f64, String)> {
    let text = format!("{label}{}", r.core);
    let kind = if f.mult < WAN_EXP && ratio_label(&r.core) {
        Kind::Ratio
    } else if f.mult >= WAN_EXP && labels::MONEY_WORDS.iter().any(|w| text.contains(w)) {
        return Some((Kind::Money, f.value, "元".to_string()));
    } else if f.mult >= WAN_EXP {
        Kind::Count
    } else {
        return None;
    };
    Some((kind, f.value, unit))
}

/// What a rate is counted per, as labels name it ("每十万人", "万车", "百万吨").
static PER_BASES: &[&str] = &[
    "每十万人",
    "每10万人",
    "每百万人",
    "每万人",
    "每千人",
    "每百人",
    "十万人",
    "10万人",
    "万车",
    "百万吨",
    "亿元GDP",
];

/// The base a label counts its figure per ("万车" of "道路交通事故万车死亡人数"), if any.
fn per_base(label: &str) -> Option<&'static str> {
    // Most labels hold none of the bases' characters: a cheap test first.
    if !label.contains(['万', '千', '百', 'G']) {
        return None;
    }
    let at = |w: &str| label.find(w).filter(|&k| !label[k + w.len()..].starts_with('次'));
    PER_BASES.iter().find(|w| at(w).is_some()).map(|w| w.trim_start_matches('每'))
}

/// 日均扫码比, 产销比: a ratio (but not 同比, 占比).
fn ratio_label(core: &str) -> bool {
    core.ends_with('比') && !["同比", "环比", "占比", "对比"].iter().any(|w| core.ends_with(w))
}
