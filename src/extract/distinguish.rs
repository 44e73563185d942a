//! Telling apart figures whose labels still collide: two figures of one section, label,
//! kind and unit with different values are two bars a reader cannot tell apart, so each
//! takes a qualifier from its own sentence — the part of the year it is of ("（一季度）"),
//! the base a change is on ("（比2019年）"), the whole a part after 其中 belongs to,
//! the words its clause starts with before the label ("（基层法院）"), the clause before
//! it ("（严重暴力犯罪）"), the qualifier of a figure before it in its sentence, the
//! sentence's first clause, or the first clause of the sentence before — the first of these that tells every one of them apart, else
//! the one that tells the most apart, and the next round goes on with the rest.

use super::leading::{period_at_start, strip_leading};
use super::qualify::MEASURE_NOUNS;
use super::scanner::Cand;
use super::text::{is_boundary, Doc};
use super::trailing::strip_trailing;

/// The longest qualifier taken whole, in chars; a longer one keeps what follows its last
/// 等 or its last this many chars.
const MAX_QUALIFIER: usize = 12;

/// Words of a reporter's or of the method, not of what was measured ("记者从会议上了解到",
/// "经初步核算").
const REPORTING: [&str; 7] = ["了解到", "获悉", "据悉", "记者", "据介绍", "核算", "计算"];

/// How far back from a label its sentence is searched for words, in chars.
const MAX_BACK: usize = 60;

/// How many times the figures are grouped again: a qualifier may split a group only in
/// part, or give a figure a label another one has.
const MAX_ROUNDS: usize = 3;

/// What a finder reads: the text, the figures, the qualifiers given so far, and the
/// figure asked about.
type Finder = fn(&Doc, &[Cand], &[Option<String>], usize) -> Option<String>;

/// The finders, in the order they are tried: the first that tells a group apart wins.
const FINDERS: [Finder; 8] =
    [period_of, base_of, whole_of, lead_of, clause_before, mate_of, sentence_lead, sentence_before];

/// Gives the figures of each group that collides a qualifier that tells them apart.
pub(super) fn distinguish(doc: &Doc, cands: &mut [Cand]) {
    let mut given: Vec<Option<String>> = vec![None; cands.len()];
    for _ in 0..MAX_ROUNDS {
        let mut changed = false;
        for group in colliding(cands) {
            changed |= tell_apart(doc, cands, &mut given, &group);
        }
        if !changed {
            break;
        }
    }
}

/// The groups of figures of one section, label, kind and unit with two values or more,
/// each in text order, the groups in the order of their first figure.
fn colliding(cands: &[Cand]) -> Vec<Vec<usize>> {
    // The crate's one hash-map type (see RawDataset::validated).
    let mut groups: rustc_hash::FxHashMap<(usize, &str, crate::model::Kind, &str), Vec<usize>> =
        rustc_hash::FxHashMap::default();
    for (i, c) in cands.iter().enumerate() {
        groups.entry((c.section, c.label.as_str(), c.kind, c.unit.as_str())).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().filter(|g| has_two_values(cands, g)).collect();
    out.sort_unstable_by_key(|g| g.first().copied());
    out
}

/// Qualifies one group's figures with the first finder that tells them all apart, else
/// with the one that leaves the fewest of them colliding (the next round goes on from
/// there). Whether any label changed.
fn tell_apart(doc: &Doc, cands: &mut [Cand], given: &mut [Option<String>], group: &[usize]) -> bool {
    let mut best: Option<(usize, Vec<Option<String>>)> = None;
    for find in FINDERS {
        let quals: Vec<Option<String>> = group
            .iter()
            .map(|&i| {
                find(doc, cands, given, i)
                    .filter(|q| balanced(q) && cands.get(i).is_some_and(|c| !c.label.contains(q.as_str())))
            })
            .collect();
        let left = still_colliding(cands, group, &quals);
        if best.as_ref().is_none_or(|(n, _)| left < *n) {
            best = Some((left, quals));
        }
        if left == 0 {
            break;
        }
    }
    let Some((left, quals)) = best else { return false };
    if left >= group.len() {
        return false;
    }
    for (&i, q) in group.iter().zip(quals) {
        let Some(g) = given.get_mut(i) else { continue };
        if let (Some(c), Some(q)) = (cands.get_mut(i), q) {
            // A second qualifier joins the first: 办结案件（一季度，严惩盗窃）.
            match (g.is_some(), c.label.strip_suffix('）')) {
                (true, Some(head)) => c.label = format!("{head}，{q}）"),
                _ => c.label = format!("{}（{q}）", c.label),
            }
            *g = Some(q);
        }
    }
    true
}

/// A qualifier that closes every quotation mark and bracket it opens ("侦破“环球" does not).
fn balanced(q: &str) -> bool {
    let count = |c: char| q.chars().filter(|&x| x == c).count();
    [('“', '”'), ('(', ')'), ('（', '）'), ('《', '》')].iter().all(|&(a, b)| count(a) == count(b))
}

/// Two of the group's figures differ in value.
fn has_two_values(cands: &[Cand], group: &[usize]) -> bool {
    let first = group.first().and_then(|&i| cands.get(i)).map(|c| c.value);
    group.iter().filter_map(|&i| cands.get(i)).any(|c| Some(c.value) != first)
}

/// How many of the group's figures would still share their qualifier (or its lack) with
/// a figure of another value. One pass with a map from qualifier to its values: a group
/// may be large.
fn still_colliding(cands: &[Cand], group: &[usize], quals: &[Option<String>]) -> usize {
    // Per qualifier: its first value, whether a second value came, and how many figures.
    let mut by_qual: rustc_hash::FxHashMap<Option<&str>, (u64, bool, usize)> = rustc_hash::FxHashMap::default();
    for (&i, q) in group.iter().zip(quals) {
        let Some(c) = cands.get(i) else { continue };
        let v = c.value.to_bits();
        let e = by_qual.entry(q.as_deref()).or_insert((v, false, 0));
        e.1 |= e.0 != v;
        e.2 += 1;
    }
    by_qual.values().filter(|e| e.1).map(|e| e.2).sum()
}

/// Where the clause holding `pos` starts (after the boundary before it).
fn clause_start(doc: &Doc, pos: usize) -> usize {
    let floor = pos.saturating_sub(MAX_BACK);
    let mut p = pos;
    while p > floor && !(is_boundary(doc.before(p)) && doc.before(p) != '、') {
        p -= 1;
    }
    p
}

/// A part of the year the figure's sentence names before it ("一季度", "1-9月").
fn period_of(doc: &Doc, cands: &[Cand], _: &[Option<String>], i: usize) -> Option<String> {
    let c = cands.get(i)?;
    let floor = c.qs.saturating_sub(MAX_BACK);
    let mut p = c.qs.min(doc.len());
    while p > floor && !matches!(doc.before(p), '。' | '\n' | ';') {
        p -= 1;
    }
    (p..c.qe).rev().find_map(|k| period_at_start(doc, k, c.qe))
}

/// The words the figure's clause starts with before its label ("基层法院" of
/// "基层法院受理案件…" when the label is 受理案件), peeled of fillers.
fn lead_of(doc: &Doc, cands: &[Cand], _: &[Option<String>], i: usize) -> Option<String> {
    let c = cands.get(i)?;
    let a = clause_start(doc, c.qs);
    let t = strip_trailing(doc, a, c.qs, 0);
    let s = strip_leading(doc, a, t.core_end).min(t.core_end);
    short(doc.raw_str(s, t.core_end).trim())
}

/// The clause before the figure's ("严惩严重暴力犯罪" of "…严重暴力犯罪，办结案件691件"), up
/// to its own figure if it has one.
fn clause_before(doc: &Doc, cands: &[Cand], _: &[Option<String>], i: usize) -> Option<String> {
    let a = clause_start(doc, cands.get(i)?.qs);
    if a == 0 || matches!(doc.before(a), '。' | '\n' | '\r') {
        return None;
    }
    words_of_clause(doc, clause_start(doc, a - 1), a - 1)
}

/// The qualifier given to a figure before this one in its sentence ("开展集中执行行动3次，
/// 执结案件1200件，执行到位金额3.4亿元": the amount is of the campaign, as the cases were).
fn mate_of(doc: &Doc, cands: &[Cand], given: &[Option<String>], i: usize) -> Option<String> {
    let start = sentence_start(doc, cands.get(i)?.qs);
    (0..i)
        .rev()
        .take_while(|&k| cands.get(k).is_some_and(|m| m.qs >= start))
        .find_map(|k| given.get(k).cloned().flatten())
}

/// The first clause of the figure's sentence, up to its figure, when that is not the
/// figure's own clause ("开展集中执行行动3次，…，执行到位金额3.4亿元").
fn sentence_lead(doc: &Doc, cands: &[Cand], _: &[Option<String>], i: usize) -> Option<String> {
    let c = cands.get(i)?;
    let s = sentence_start(doc, c.qs);
    let own = clause_start(doc, c.qs);
    if s >= own {
        return None;
    }
    let e = (s..own).find(|&k| is_boundary(doc.c(k)))?;
    words_of_clause(doc, s, e)
}

/// The whole a part after 其中 belongs to ("民营经济增加值238821万元。其中：第一产业增加值
/// 13748万元": 民营经济): the subject of the figure before 其中 in the part's unit.
fn whole_of(doc: &Doc, cands: &[Cand], _: &[Option<String>], i: usize) -> Option<String> {
    let c = cands.get(i)?;
    let floor = c.qs.saturating_sub(MAX_PARTS);
    let k = (floor..c.qs).rev().find(|&k| doc.starts_with(k, QIZHONG))?;
    if (k..c.qs).any(|p| matches!(doc.c(p), '。' | '\n')) {
        return None;
    }
    let same = |w: &&Cand| w.qe <= k && w.unit == c.unit && w.kind == c.kind;
    // Back only as far as a whole may stand: a group may be large.
    let near = |w: &&Cand| w.qe + MAX_BACK >= k;
    let whole = (0..i).rev().filter_map(|j| cands.get(j)).take_while(near).find(same)?;
    if k.saturating_sub(whole.qe) > MAX_BACK {
        return None;
    }
    // The industries of the economy as a whole are read so by default.
    if ECONOMY.iter().any(|t| whole.label.ends_with(t)) {
        return None;
    }
    let subject = MEASURE_NOUNS.iter().find_map(|m| whole.label.strip_suffix(m)).filter(|s| s.chars().count() >= 2);
    short(subject.unwrap_or(&whole.label))
}

/// The totals of the whole economy, whose parts need no qualifier.
const ECONOMY: [&str; 2] = ["生产总值", "GDP"];

/// How far the parts after 其中 may run, in chars.
const MAX_PARTS: usize = 200;

/// The word that opens the parts of a whole.
const QIZHONG: &str = "其中";

/// The base a change is on, when its clause names one ("与去年相比降低0.09个百分点，比2019年
/// 降低0.33个百分点": 与去年相比, 比2019年).
fn base_of(doc: &Doc, cands: &[Cand], _: &[Option<String>], i: usize) -> Option<String> {
    let c = cands.get(i)?;
    if !matches!(c.kind, crate::model::Kind::Change | crate::model::Kind::YoyChange) {
        return None;
    }
    let e = c.qe.min(doc.len());
    let a = clause_start(doc, e.saturating_sub(1));
    let k = (a..e).find(|&k| matches!(doc.c(k), '比' | '较' | '与' | '同'))?;
    let end = if matches!(doc.c(k), '与' | '同') {
        (k..e.min(k + MAX_BASE)).find(|&p| doc.starts_with(p, "相比")).map(|p| p + 2)?
    } else {
        (k + 1..e.min(k + MAX_BASE)).find(|&p| BASE_ENDS.contains(&doc.c(p)))?
    };
    let base = doc.raw_str(k, end);
    (base.chars().count() >= 2).then_some(base)
}

/// The longest base read, in chars.
const MAX_BASE: usize = 10;

/// Chars that end a base after 比/较: the direction or size of the change.
const BASE_ENDS: [char; 12] = ['增', '减', '下', '上', '提', '降', '回', '高', '低', '多', '少', '扩'];

/// The first clause of the sentence before, when the figure's opens its sentence
/// ("化工行业运行平稳。产量80万吨…"): what the paragraph is about.
fn sentence_before(doc: &Doc, cands: &[Cand], _: &[Option<String>], i: usize) -> Option<String> {
    let c = cands.get(i)?;
    let s = sentence_start(doc, c.qs);
    // "。其中：第一产业增加值…": words that only lead in still open the sentence.
    let own = clause_start(doc, c.qs);
    if s == 0 || own > s && strip_leading(doc, s, own) < own.saturating_sub(1) {
        return None;
    }
    let b = sentence_start(doc, s - 1);
    let e = (b..s).find(|&k| is_boundary(doc.c(k)) || matches!(doc.c(k), '。' | '\n') || doc.c(k).is_ascii_digit())?;
    // Its words as they stand: "稳步回升" says what it is about, not a change of a figure.
    short(doc.raw_str(strip_leading(doc, b, e).min(e), e).trim())
}

/// Where the sentence holding `pos` starts (after 。；, a line break, or `MAX_BACK` chars).
fn sentence_start(doc: &Doc, pos: usize) -> usize {
    let floor = pos.saturating_sub(MAX_BACK);
    let mut p = pos.min(doc.len());
    while p > floor && !matches!(doc.before(p), '。' | '\n' | '\r' | '；' | ';' | '！' | '？') {
        p -= 1;
    }
    p
}

/// The words of the clause `[s, e)` before its own figure, peeled, as a qualifier.
fn words_of_clause(doc: &Doc, s: usize, e: usize) -> Option<String> {
    // "乙烯45万吨，产量增长8.7%": the words before the clause's own figure.
    let b = (s..e).find(|&k| doc.c(k).is_ascii_digit()).unwrap_or(e);
    let t = strip_trailing(doc, s, b, 0);
    let s = strip_leading(doc, s, t.core_end).min(t.core_end);
    short(doc.raw_str(s, t.core_end).trim())
}

/// `words` as a qualifier: none when empty, one char or holding a digit; a long one cut
/// to what follows its last 等, else to its end.
fn short(words: &str) -> Option<String> {
    let n = words.chars().count();
    if n < 2 || words.chars().any(|c| c.is_ascii_digit()) || REPORTING.iter().any(|w| words.contains(w)) {
        return None;
    }
    if n <= MAX_QUALIFIER {
        return Some(words.to_string());
    }
    let after_deng = words.rsplit('等').next().unwrap_or("");
    if (2..=MAX_QUALIFIER).contains(&after_deng.chars().count()) {
        return Some(after_deng.to_string());
    }
    Some(words.chars().skip(n - MAX_QUALIFIER).collect())
}
