//! Lists: the names a 分别 list hands out one per figure (A、B分别增长…), the items a 均
//! figure holds for, the levels a list of changes pairs with, the shares of a group of
//! figures, and the head noun, subject or verb the items of a list share.

use super::clause::MAX_LABEL_BACK;
use super::figure::Reading;
use super::leading::strip_leading;
use super::naming::{is_percent_change, Label, RANKING, SHARE, SHARE_WORD};
use super::qualify::{verb_prefix, CASE_VERBS, KIND_HEADS};
use super::scanner::{Cand, Found, Scanner};
use super::text::Doc;

impl Scanner<'_> {
    /// The quote's first bounds, and the list the figure's words name: 分别 hands out
    /// names one per figure ("A、B分别增长", or the group of figures just before), 均
    /// gives every item the figure. The label itself is still empty.
    pub(super) fn lists(&self, f: &Found, r: &Reading) -> Label {
        let doc = self.doc;
        let qs = if r.core.is_empty() { r.core_end.min(f.start) } else { r.core_start };
        let mut label = Label {
            text: String::new(),
            qs,
            qe: f.end,
            run_names: None,
            run_alt: Vec::new(),
            all_items: Vec::new(),
            plain: None,
        };
        if let Some(names) = self.shares_of_group(f, r) {
            label.run_names = Some(names);
            return label;
        }
        if let Some(names) = self.ranks_shared_out(f, r) {
            // "油茶面积87万亩、茶叶面积55.5万亩,分居全省第2、第3位": one rank each.
            label.run_names = Some(names);
            return label;
        }
        if let Some(items) = self.ranked_indicators(f, r) {
            // "固定资产投资增长11.6%,规上工业增加值增长11.5%,两项指标稳居全市第一".
            label.all_items = items;
            return label;
        }
        if !(r.flags.each || r.all) && self.pairs_with_group_before(f, r) {
            // "A、B和C分别实现增加值63.46亿元、17.77亿元和67.07亿元，增长36.9%、24.5%和
            // 12.3%": a list of changes right after a list of levels, one for each.
            let (names, qs) = self.group_labels();
            label.run_names = Some(names);
            label.qs = qs.unwrap_or(label.qs);
            return label;
        }
        if !(r.flags.each || r.all) {
            // "302个省大中型项目、146个市重点工程分别完成年度投资计划的115%、129%": the
            // figures before, each with the verb after 分别.
            if let Some((ls, names)) = self.group_then_verb(r) {
                label.qs = ls;
                label.run_names = Some(names);
                return label;
            }
            // "A、B与C试点分别发放贷款671亿元、86亿元": 分别 then a verb, before the figures.
            if let Some((ls, names, alt)) = self.each_then_verb(r) {
                label.qs = ls;
                label.run_names = Some(names);
                label.run_alt = alt;
            }
            return label;
        }
        let starts_run = r.flags.each && !r.cont;
        let (ls, items) = self.list_items(r.ps, r.core_end);
        let mut names: Vec<String> = items.iter().map(|&(a, b)| doc.raw_str(a, b).trim().to_string()).collect();
        share_head(&mut names);
        if r.all && names.len() >= 2 {
            label.all_items = names.clone();
            label.qs = ls;
        } else if r.all && f.rank && self.group_just_before(r.ps) && ["", "数量"].contains(&r.core.trim()) {
            // "蓝莓面积7万亩、瓜蒌面积6万亩,均居全省第1位": a rank of each figure just before.
            let (names, qs) = self.group_labels();
            label.all_items = names;
            label.qs = qs.unwrap_or(label.qs);
        }
        if starts_run && names.len() == 1 {
            // "城乡居民人均可支配收入分别达到68745元和41236元": a paired word names two;
            // "10月、11月立案数同比分别下降…": a list of months names one each.
            let months = months_before(doc, r.ps);
            if let Some(pair) = names.first().and_then(|n| split_pair(n)) {
                names = pair;
            } else if months.len() >= 2 {
                names = months.iter().map(|m| format!("{m}{}", names[0])).collect();
            }
        }
        if starts_run {
            if names.len() >= 2 {
                label.qs = ls;
                label.run_names = Some(names);
                let s = strip_leading(doc, ls, r.core_end);
                let mut alt: Vec<String> = doc
                    .raw_str(s, r.core_end)
                    .split('、')
                    .map(|n| n.trim().to_string())
                    .filter(|n| !n.is_empty())
                    .collect();
                share_head(&mut alt);
                label.run_alt = alt;
            } else if r.core.is_empty() && self.group_just_before(r.ps) {
                // "58起、死亡49人，同比分别下降17.1%、12.5%": the names of the figures just before.
                label.run_names = Some(self.group_figures().map(|c| c.label.clone()).collect());
            } else if r.core.is_empty() {
                if let Some((s, names)) = self.names_in_clause_before(r.ps) {
                    label.qs = label.qs.min(s);
                    label.run_names = Some(names);
                }
            }
        }
        label
    }

    /// The figures of the 、- or comma-joined group just before, in order.
    fn group_figures(&self) -> impl Iterator<Item = &Cand> + '_ {
        self.group.iter().filter_map(|&g| self.out.get(g))
    }

    /// The labels of the group's figures, and where the first one's quote starts.
    fn group_labels(&self) -> (Vec<String>, Option<usize>) {
        let names = self.group_figures().map(|c| c.label.clone()).collect();
        (names, self.group_figures().map(|c| c.qs).min())
    }

    /// The names a 分别 right after a list of figures hands out ("302个省大中型项目、146个
    /// 市重点工程分别完成…"): each figure's label with the verb after 分别.
    fn group_then_verb(&self, r: &Reading) -> Option<(usize, Vec<String>)> {
        let doc = self.doc;
        if r.cont {
            return None;
        }
        let k = (r.core_start..r.core_end).find(|&k| doc.c(k) == '分' && doc.c(k + 1) == '别')?;
        // The list's figures, last first: each quote ends where the next item's 、 is.
        let mut end = k;
        let mut items = Vec::new();
        for c in self.out.iter().rev().take(MAX_LIST_FIGURES) {
            let gap = if c.qe <= end { doc.norm_str(c.qe, end) } else { break };
            let gap = gap.trim();
            if !(items.is_empty() && gap.is_empty() || !items.is_empty() && ["、", "和", "及"].contains(&gap)) {
                break;
            }
            items.push(c);
            end = c.qs;
        }
        let verb = doc.raw_str(k + 2, r.core_end).trim().to_string();
        if items.len() < 2 || verb.is_empty() {
            return None;
        }
        Some((end, items.iter().rev().map(|c| format!("{}{verb}", c.label)).collect()))
    }

    /// "A、B分别发放贷款671亿元、86亿元": the names a 分别 inside the words hands out
    /// (each item with the verb after 分别), the same split at 、 only, and where the list
    /// starts.
    fn each_then_verb(&self, r: &Reading) -> Option<(usize, Vec<String>, Vec<String>)> {
        let doc = self.doc;
        if r.cont {
            return None;
        }
        let k = (r.core_start..r.core_end).find(|&k| doc.starts_with(k, "分别"))?;
        let verb = doc.raw_str(k + 2, r.core_end).trim().to_string();
        let (ls, items) = self.list_items(r.ps, k);
        if verb.is_empty() || items.len() < 2 {
            return None;
        }
        let with_verb = |n: &str| format!("{}{verb}", n.trim());
        let mut names: Vec<String> = items.iter().map(|&(a, b)| doc.raw_str(a, b)).collect();
        share_head(&mut names);
        let names = names.iter().map(|n| with_verb(n)).collect();
        let s = strip_leading(doc, ls, k);
        let alt = doc.raw_str(s, k).split('、').filter(|n| !n.trim().is_empty()).map(with_verb).collect();
        Some((ls, names, alt))
    }

    /// A group of two or more figures ends right before `ps` (one char between at most).
    /// "三次产业结构比为7.9:60.2:31.9，分别较上年下降0.8、提高2.3…": the terms of the ratio
    /// before; "其中工业、建筑业、商贸贡献突出，分别为61.4%、11.1%…": the list before, its
    /// predicate dropped, with what the figure before measured (对经济增长的贡献率).
    fn names_in_clause_before(&self, ps: usize) -> Option<(usize, Vec<String>)> {
        let doc = self.doc;
        if ps < 2 || doc.before(ps) != ',' {
            return None;
        }
        // The ratio's colons are boundaries to back_scan: read back to a comma or a stop.
        let from = (ps.saturating_sub(MAX_LABEL_BACK)..ps - 1)
            .rev()
            .find(|&k| matches!(doc.c(k), ',' | '。' | ';' | '\n'))
            .map_or(ps.saturating_sub(MAX_LABEL_BACK), |k| k + 1);
        let clause = doc.norm_str(from, ps - 1);
        let is_ratio = clause.matches(':').count() >= 2 && ["结构", "构成"].iter().any(|w| clause.contains(w));
        if is_ratio && clause.contains(THREE_INDUSTRIES) {
            return Some((from, INDUSTRIES.iter().map(|i| format!("{i}{SHARE}")).collect()));
        }
        let s = self.back_scan(ps - 1, false, MAX_LABEL_BACK);
        let (ls, items) = self.list_items(s, ps - 1);
        let mut names: Vec<String> = items.iter().map(|&(a, b)| doc.raw_str(a, b).trim().to_string()).collect();
        if names.len() < 2 {
            return None;
        }
        if let Some(last) = names.last_mut().and_then(|l| PREDICATE_ADJECTIVES.iter().find_map(|a| l.strip_suffix(a))) {
            let last = last.to_string();
            return self.measures_of_predicate(names, &last).map(|n| (ls, n));
        }
        // "破获案件数、抓获作案成员数、追赃挽损数,同比分别上升…": a list of measures, the clause
        // before the comma, names the figures one by one.
        let measures = !clause.chars().any(|c| c.is_ascii_digit())
            && names.iter().all(|n| (2..=MAX_NAMED_ITEM).contains(&n.chars().count()));
        share_head(&mut names);
        measures.then_some((ls, names))
    }

    /// "其中工业、建筑业、商贸贡献突出，分别为…": the list's items, each with what the figure
    /// before measures (`last` is the last item without its adjective).
    fn measures_of_predicate(&self, mut names: Vec<String>, last: &str) -> Option<Vec<String>> {
        let (subject, noun) = PREDICATE_NOUNS.iter().find_map(|n| last.strip_suffix(n).map(|s| (s, *n)))?;
        *names.last_mut()? = subject.to_string();
        // 第三产业对经济增长的贡献率 → 对经济增长的贡献率: what each of them measures.
        let measure = self.last.as_ref().and_then(|l| l.label.find('对').map(|k| l.label[k..].to_string()));
        let measure = measure.filter(|m| m.contains(noun)).unwrap_or_default();
        let plain = names.iter().all(|n| (1..=MAX_MODIFIER).contains(&n.chars().count()));
        plain.then(|| names.iter().map(|n| format!("{n}{measure}")).collect())
    }

    /// The names 分居/分列 hands out to the figures just before, one rank each, with the
    /// ranks' scope (油茶面积全省排名, 茶叶面积全省排名).
    fn ranks_shared_out(&self, f: &Found, r: &Reading) -> Option<Vec<String>> {
        let doc = self.doc;
        if !f.rank || r.cont || !r.core.trim().is_empty() || !self.group_just_before(r.ps) {
            return None;
        }
        let words = doc.norm_str(f.pre_end, f.start);
        let scope = ["分居", "分列"].iter().find_map(|v| words.strip_prefix(v))?.trim();
        Some(self.group_figures().map(|c| format!("{}{scope}{RANKING}", c.label)).collect())
    }

    /// The labels of the N figures before a rank of "N项指标" (two to five), in their sentence.
    fn ranked_indicators(&self, f: &Found, r: &Reading) -> Option<Vec<String>> {
        let doc = self.doc;
        if !f.rank || r.core.trim() != super::figure::RANKED || r.core_start < 2 || doc.before(r.core_start) != '项' {
            return None;
        }
        let n = match doc.c(r.core_start - 2) {
            '两' | '二' | '2' => 2,
            '三' | '3' => 3,
            '四' | '4' => 4,
            '五' | '5' => 5,
            _ => return None,
        };
        let figures: Vec<_> = self.out.iter().rev().take(n).collect();
        let same_sentence = figures.last().is_some_and(|c| !doc.norm_str(c.qe, f.start).contains(['。', '\n']));
        (figures.len() == n && same_sentence).then(|| figures.iter().rev().map(|c| c.label.clone()).collect())
    }

    /// How many per-cent figures the clause from `start` lists ("42.1%、43.9%、46%" → 3).
    fn percents_in_clause(&self, start: usize) -> usize {
        let doc = self.doc;
        let end =
            (start..(start + MAX_PERCENT_LIST).min(doc.len())).find(|&k| matches!(doc.c(k), ',' | '。' | ';' | '\n'));
        (start..end.unwrap_or(start)).filter(|&k| doc.c(k) == '%').count()
    }

    /// The figure starts a list of per-cent changes (增长36.9%、24.5%…) right after a list of
    /// levels in one unit, with no words of its own.
    fn pairs_with_group_before(&self, f: &Found, r: &Reading) -> bool {
        let doc = self.doc;
        let starts_list = matches!(doc.c(f.end), '、' | '和') && doc.c(f.end + 1).is_ascii_digit();
        let units: Vec<&str> = self.group_figures().map(|c| c.unit.as_str()).collect();
        // "城乡火灾17435起、死亡69人、直接财产损失1.27亿元,同比下降42.1%、43.9%、46%": levels in
        // several units pair up when there are as many changes as levels.
        let one_each = || self.percents_in_clause(f.start) == units.len();
        let levels = units.first().is_some_and(|u| *u != "%" && (units.iter().all(|x| x == u) || one_each()));
        starts_list && levels && r.core.is_empty() && !r.cont && is_percent_change(f, r) && self.group_just_before(r.ps)
    }

    /// "第一产业51.55万人,…第三产业54.79万人,占比分别为:39.3%、…": the shares of the
    /// group of figures just before, one each.
    fn shares_of_group(&self, f: &Found, r: &Reading) -> Option<Vec<String>> {
        let l = self.last.as_ref().filter(|l| self.group.len() >= 2 && l.end <= f.start && !r.cont)?;
        let gap = self.doc.norm_str(l.end, f.start);
        let said = [SHARE_WORD, SHARE].iter().any(|w| gap.contains(w)) && gap.contains("分别");
        let near = said && gap.chars().count() <= MAX_SHARE_GAP && !gap.contains(['。', ';', '\n']);
        let percent = f.unit.as_ref().is_some_and(|u| u.text == "%");
        if !(near && percent && r.core.is_empty()) {
            return None;
        }
        let names = self.group_figures().map(|c| format!("{}{SHARE_WORD}", c.label));
        Some(names.collect())
    }

    fn group_just_before(&self, ps: usize) -> bool {
        self.group.len() >= 2 && self.last.as_ref().is_some_and(|l| l.end + 1 >= ps && l.end <= ps)
    }
}

/// The longest list of per-cent figures read, in chars.
const MAX_PERCENT_LIST: usize = 48;

/// The most figures of a list a 分别 after it hands names to.
const MAX_LIST_FIGURES: usize = 8;

/// The longest gap between a group of figures and the shares of them that follow, in chars.
const MAX_SHARE_GAP: usize = 8;

/// The three industries of a statistics bulletin, named together and one by one.
const THREE_INDUSTRIES: &str = "三次产业";
const INDUSTRIES: [&str; 3] = ["第一产业", "第二产业", "第三产业"];

/// The longest list item taken for a bare modifier of the head noun the last item carries.
const MAX_MODIFIER: usize = 6;

/// "较大事故起数和死亡人数": a bare measure after the first item is of the first item's
/// subject (较大事故死亡人数).
fn share_subject(names: &mut [String]) {
    let Some(first) = names.first() else { return };
    let Some(subject) = MEASURES.iter().find_map(|m| first.strip_suffix(m)).filter(|s| s.chars().count() >= 2) else {
        return;
    };
    let subject = subject.to_string();
    for m in names.iter_mut().skip(1) {
        if MEASURES.contains(&m.as_str()) {
            m.insert_str(0, &subject);
        }
    }
}

/// "10月、11月" right before `ps`: the months of a list, in order (none when the words
/// before are not such a list).
fn months_before(doc: &Doc, ps: usize) -> Vec<String> {
    let is_part = |c: char| c.is_ascii_digit() || matches!(c, '月' | '、' | '和');
    let from = (ps.saturating_sub(MAX_MONTH_LIST)..ps).rev().take_while(|&k| is_part(doc.c(k))).last();
    let Some(from) = from else { return Vec::new() };
    let words = doc.raw_str(from, ps);
    let months: Vec<String> = words.split(['、', '和']).map(str::to_string).collect();
    let is_month = |m: &String| {
        let n = m.strip_suffix('月').unwrap_or_default();
        !n.is_empty() && n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit())
    };
    if months.iter().all(is_month) {
        months
    } else {
        Vec::new()
    }
}

/// The longest list of months read before a 分别 list's name, in chars.
const MAX_MONTH_LIST: usize = 24;

/// Words that pair two things, and the two ("城乡" → 城镇, 农村), in their order.
const PAIRS: [(&str, [&str; 2]); 4] = [
    ("城乡", ["城镇", "农村"]),
    ("中小学", ["中学", "小学"]),
    ("男女", ["男性", "女性"]),
    // "破结案率分别提高30.8、16.5个百分点": the clearance and the closing rate.
    ("破结案", ["破案", "结案"]),
];

/// "城乡居民人均可支配收入" → 城镇居民人均可支配收入, 农村居民人均可支配收入: a label whose
/// paired word a 分别 splits in two.
fn split_pair(name: &str) -> Option<Vec<String>> {
    // 城乡居民收入比: one figure of both, not two.
    if name.ends_with('比') || name.ends_with("差距") {
        return None;
    }
    // "三次产业对经济增长的贡献率分别为…": the three industries, in order.
    if name.contains(THREE_INDUSTRIES) {
        return Some(INDUSTRIES.iter().map(|i| name.replacen(THREE_INDUSTRIES, i, 1)).collect());
    }
    let (word, [a, b]) = PAIRS.iter().find(|(w, _)| name.contains(w))?;
    Some(vec![name.replacen(word, a, 1), name.replacen(word, b, 1)])
}

/// Measures named bare in a list after the first item's subject.
const MEASURES: [&str; 11] =
    ["起数", "死亡人数", "受伤人数", "人数", "件数", "金额", "户数", "数量", "发案数", "破案数", "案损额"];

/// "城镇和农村居民人均可支配收入分别增长": the last item carries the head noun the
/// others share (农村 + 居民人均可支配收入); each other item gets it. The head is what
/// the last item has beyond the length of the item before it, and is taken only when
/// every other item is a short modifier that does not already contain it.
fn share_head(names: &mut [String]) {
    share_subject(names);
    share_verb(names);
    share_scale(names);
    let n = names.len();
    let Some(last) = names.last().filter(|_| n >= 2) else { return };
    let last: Vec<char> = last.chars().collect();
    let prev_len = names.get(n - 2).map(|p| p.chars().count()).unwrap_or(0);
    // "蔬菜及食用菌、瓜果产量", "金属制品业、农副食品加工业…专用设备制造业增加值": a head
    // noun named is every item's; else what the last has beyond the item before's length.
    let text: String = last.iter().collect();
    let named = HEAD_NOUNS.iter().find(|h| text.ends_with(*h) && text.len() > h.len()).map(|h| h.to_string());
    let by_length = || (prev_len > 0 && last.len() >= prev_len + 2).then(|| last.iter().skip(prev_len).collect());
    // An item shorter than the last by the head's length at least, unless the head is named.
    let (head, room, longest): (String, usize, usize) = match named {
        Some(h) => (h, 0, MAX_NAMED_ITEM),
        None => match by_length() {
            Some(h) => (h, 2, MAX_MODIFIER),
            None => return,
        },
    };
    // What the last item names before the head (侵财案件 of 侵财案件破案数).
    let stem: String = text.strip_suffix(head.as_str()).unwrap_or_default().to_string();
    let short = names[..n - 1].iter().all(|m| {
        let k = m.chars().count();
        // "破案数、抓获犯罪嫌疑人数": an item that ends as the last does is a whole name.
        // "侦破刑事案件、行政案件和刑事打击处理人员数量": an item that ends in a kind of
        // events is a whole name too, unless the last item's stem ends in the same kind
        // ("刑事案件、侵财案件破案数": 破案数 is of both).
        let events = KIND_HEADS.iter().any(|h| m.ends_with(h) && !stem.ends_with(h));
        let whole = m.chars().last() == last.last().copied() || events;
        k <= longest && (room == 0 || k + room <= last.len()) && !m.contains(head.as_str()) && !whole
    });
    if !short || head.chars().count() < 2 {
        return;
    }
    for m in names.iter_mut().take(n - 1) {
        m.push_str(&head);
    }
}

/// "规上电气机械制造业、金属制品业和纺织行业": the size threshold the first item opens with
/// is every item's (规上金属制品业).
fn share_scale(names: &mut [String]) {
    let Some(scale) = names.first().and_then(|m| SCALES.iter().find(|s| m.starts_with(*s) && m.len() > s.len())) else {
        return;
    };
    for m in names.iter_mut().skip(1) {
        if !SCALES.iter().any(|s| m.starts_with(s)) && m.chars().count() >= 2 {
            m.insert_str(0, scale);
        }
    }
}

/// Size thresholds of enterprises that open a name (规模以上工业, 限上批零业).
const SCALES: [&str; 4] = ["规模以上", "规上", "限额以上", "限上"];

/// "侦破刑事案件、行政案件…": the case verb of the first item is that of every item
/// that names a kind of events without a verb of its own.
fn share_verb(names: &mut [String]) {
    let Some(verb) = names.first().map(|m| verb_prefix(m).to_string()).filter(|v| !v.is_empty()) else { return };
    for m in names.iter_mut().skip(1) {
        let events = KIND_HEADS.iter().any(|h| m.ends_with(h));
        if events && !CASE_VERBS.iter().any(|v| m.contains(v)) {
            m.insert_str(0, &verb);
        }
    }
}

/// What a list's predicate says of its items (贡献突出, 增长较快), without a figure.
const PREDICATE_ADJECTIVES: [&str; 6] = ["突出", "较快", "明显", "显著", "强劲", "领先"];
/// The noun of such a predicate, what the figures after it measure.
const PREDICATE_NOUNS: [&str; 4] = ["贡献", "增长", "增速", "表现"];

/// The longest item that takes a head noun the last item names (农副食品加工业), in chars.
const MAX_NAMED_ITEM: usize = 12;

/// Head nouns a list's last item names for all of them ("蔬菜及食用菌、瓜果产量", "新生儿、婴儿和5岁以下
/// 儿童死亡率").
pub(super) const HEAD_NOUNS: [&str; 7] = ["产量", "产值", "增加值", "播种面积", "营业收入", "利润总额", "死亡率"];
