//! Qualifying a label by the figure before it, so that two figures of one kind and unit
//! get labels a reader can tell apart: "受理…25.4万件、办结23.1万件" (the verb takes the
//! subject and object of the figure before), "查办食品案件54.4万件，罚没金额26.3亿元" (an
//! attribute takes the object it belongs to), "常住人口…，其中城镇人口…" (a part names
//! its whole).

use super::figure::Reading;
use super::labels::labels_overlap;
use super::scanner::{Found, Scanner};

/// Verbs of case handling that label a figure with the subject and object of the figure
/// before ("办结" after "法院受理各类案件" → "法院办结各类案件").
static CASE_VERBS: &[&str] = &[
    "受理", "办结", "审结", "执结", "结案", "立案", "新收", "收案", "破获", "侦破", "查处", "查办", "办理", "起诉",
    "批捕", "逮捕", "抓获", "处理", "审理",
];

/// Attributes of the cases the figure before counts ("罚没金额" of "查办食品案件").
static ATTRIBUTES: &[&str] =
    &["罚没金额", "罚没款", "涉案货值金额", "涉案货值", "货值金额", "涉案金额", "罚款金额", "挽回损失", "案值"];

/// Labels that say only which rate of a quantity: the figure before names the quantity.
static RATES_OF: &[&str] = &["增速", "增幅", "降幅", "比重", "占比", "增长率", "增长速度"];

/// The longest label of a whole that parts after 其中 name (longer ones are clauses).
const MAX_WHOLE: usize = 8;

/// The farthest the figure before may end from this clause's start, in chars.
const MAX_GAP: usize = 40;

impl Scanner<'_> {
    /// The label `text` qualified by the figure before, if it needs and has one.
    pub(super) fn qualified(&mut self, f: &Found, r: &Reading, text: &str) -> Option<String> {
        let doc = self.doc;
        // 其中: remember the whole the parts that follow belong to.
        let qizhong = (r.ps..r.core_start.max(r.ps)).find(|&k| doc.starts_with(k, "其中"));
        if let (Some(k), Some(l)) = (qizhong, self.last.as_ref()) {
            if l.end <= k && !doc.norm_str(l.end, k).contains(['。', '\n']) {
                self.sub = Some((l.label.clone(), k));
            }
        }
        if let Some((whole, k)) = &self.sub {
            let same_sentence = *k <= f.start && !doc.norm_str(*k, f.start).contains(['。', '\n', ';', '；']);
            if !same_sentence {
                self.sub = None;
            } else if whole.chars().count() <= MAX_WHOLE
                && !text.contains(whole.as_str())
                && !CASE_VERBS.iter().any(|v| text.contains(v))
                && labels_overlap(whole, text)
            {
                return Some(format!("{whole}中{text}"));
            }
        }
        let l = self.last.as_ref()?;
        if l.end > r.ps || r.ps - l.end > MAX_GAP || doc.norm_str(l.end, r.ps).contains(['。', '\n']) {
            return None;
        }
        let verb_in_before = CASE_VERBS.iter().filter_map(|v| l.label.find(v).map(|k| (k, *v))).min();
        // Only a figure in the unit of the one before counts the same things (抓获15人
        // after 查处案件12起 counts people, not cases).
        let unit = f.unit.as_ref().map(|u| u.text.as_str()).unwrap_or("");
        let same_unit = self.out.last().is_some_and(|p| p.unit == unit);
        if CASE_VERBS.contains(&text) && same_unit {
            let (k, v) = verb_in_before?;
            let mut q = l.label.clone();
            q.replace_range(k..k + v.len(), text);
            return (q != text).then_some(q);
        }
        // "果蔬产值57亿元，占种植业产值的33.9%": a share names what it is a share of, not
        // whose; the figure before says whose.
        // "第一产业增加值…，增速比上年提高1.5个百分点": whose 增速.
        if RATES_OF.contains(&text) && !l.label.is_empty() && !l.label.ends_with(text) {
            return Some(format!("{}{text}", l.label));
        }
        if text.starts_with('占') && !l.label.starts_with('占') && !l.label.is_empty() {
            return Some(format!("{}{text}", l.label));
        }
        if ATTRIBUTES.contains(&text) {
            let (k, v) = verb_in_before?;
            let object = &l.label[k + v.len()..];
            return (object.chars().count() >= 2).then(|| format!("{object}{text}"));
        }
        None
    }
}
