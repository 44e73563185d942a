//! Links a change to the figure it qualifies: "总产量12.3万吨，减产1.8%",
//! "实现地区生产总值3000亿元，按可比价格计算，增长5.2%" — the change gets `of`, the
//! figure's id. Only when the change follows the figure directly, in the same clause:
//! the words between them may be only punctuation inside a sentence and the words that
//! introduce a change (比上年, 同比, 按可比价格计算, 增长…). Anything else between them —
//! another subject (工业增加值), a sentence end, a list mark 、, another figure — and the
//! change stays unlinked.

use crate::model::{Indicator, Kind};

/// What may stand between a figure and its change, longest first so 比上年同期 goes
/// before 比上年. Direction words are here because a change's quote may start at its
/// number or at its verb.
const CONNECTORS: &[&str] = &[
    "按可比价格计算",
    "按可比价计算",
    "扣除价格因素",
    "与上年相比",
    "比上年同期",
    "比去年同期",
    "较上年同期",
    "较去年同期",
    "比上年末",
    "比上年",
    "比去年",
    "较上年",
    "较去年",
    "同比",
    "实际",
    "名义",
    "增长",
    "下降",
    "增加",
    "减少",
    "增产",
    "减产",
    "上升",
    "回落",
    "下滑",
    "提高",
    "降低",
];

/// Punctuation that may stand between a figure and its change (not a sentence's end).
/// The list mark 、 may (支出3534.6亿元、增长6%): another item's subject would be words
/// that are not connectors.
fn is_clause_mark(c: char) -> bool {
    matches!(c, '，' | ',' | '、' | '：' | ':' | ' ' | '\u{3000}')
}

/// True when `gap` holds only clause marks and [`CONNECTORS`].
fn only_connectors(gap: &[char]) -> bool {
    let mut rest = gap;
    'outer: while let Some(&c) = rest.first() {
        if is_clause_mark(c) {
            rest = &rest[1..];
            continue;
        }
        for w in CONNECTORS {
            let n = w.chars().count();
            if rest.len() >= n && rest[..n].iter().copied().eq(w.chars()) {
                rest = &rest[n..];
                continue 'outer;
            }
        }
        return false;
    }
    true
}

/// An Arabic digit, half or full width.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A figure a change can qualify: not itself a change, not a rank.
fn is_figure(ind: &Indicator) -> bool {
    !ind.kind.is_signed() && ind.kind != Kind::Rank
}

/// Sets `of` on every change (yoy_change, change) that follows a figure of the same
/// subject in the same clause: the indicator right before it is a figure, and the text
/// between the two is [`only_connectors`]. Indicators are in reading order with char
/// spans into `text`; a figure gets at most one change.
pub(super) fn link_changes(indicators: &mut [Indicator], text: &str) {
    let chars: Vec<char> = text.chars().collect();
    for k in 1..indicators.len() {
        let (before, after) = indicators.split_at_mut(k);
        let (fig, ch) = (&before[k - 1], &mut after[0]);
        if !ch.kind.is_signed() || !is_figure(fig) || ch.of.is_some() {
            continue;
        }
        let (Some([fs, fe]), Some([_, ce])) = (fig.span, ch.span) else { continue };
        // The change's quote may start at its own label (土地面积比上年增加21万亩) or take
        // in the figure (总产量12.3万吨，减产1.8%): what counts is the text from the
        // figure's end to the change's own number, the last one in its quote.
        let Some(tail) = chars.get(fe..ce) else { continue };
        let Some(last) = tail.iter().rposition(|c| is_digit(*c)) else { continue };
        let start = tail[..last].iter().rposition(|c| !is_digit(*c) && !matches!(c, '.' | '．')).map_or(0, |p| p + 1);
        let gap = &tail[..start];
        if fs < fe && only_connectors(gap) {
            ch.of = Some(fig.id.clone());
        }
    }
}
