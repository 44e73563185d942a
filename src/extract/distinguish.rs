//! Telling apart figures whose labels still collide: two figures of one section, label,
//! kind and unit with different values are two bars a reader cannot tell apart, so each
//! takes a qualifier from its own sentence — the part of the year it is of ("（一季度）"),
//! the words its clause starts with before the label ("（基层法院）"), or the clause
//! before it ("（严重暴力犯罪）") — the first of these that tells every one of them apart.

use super::leading::{period_at_start, strip_leading};
use super::scanner::Cand;
use super::text::{is_boundary, Doc};
use super::trailing::strip_trailing;

/// The longest qualifier taken whole, in chars; a longer one keeps what follows its last
/// 等 or its last this many chars.
const MAX_QUALIFIER: usize = 12;

/// How far back from a label its sentence is searched for words, in chars.
const MAX_BACK: usize = 60;

/// Gives the figures of each group that collides a qualifier that tells them apart.
pub(super) fn distinguish(doc: &Doc, cands: &mut [Cand]) {
    // The crate's one hash-map type (see RawDataset::validated).
    let mut groups: rustc_hash::FxHashMap<(usize, &str, crate::model::Kind, &str), Vec<usize>> =
        rustc_hash::FxHashMap::default();
    for (i, c) in cands.iter().enumerate() {
        groups.entry((c.section, c.label.as_str(), c.kind, c.unit.as_str())).or_default().push(i);
    }
    let colliding: Vec<Vec<usize>> = groups.into_values().filter(|g| has_two_values(cands, g)).collect();
    for group in colliding {
        let finders: [fn(&Doc, &Cand) -> Option<String>; 3] = [period_of, lead_of, clause_before];
        for find in finders {
            let quals: Vec<Option<String>> = group.iter().map(|&i| cands.get(i).and_then(|c| find(doc, c))).collect();
            if tells_apart(cands, &group, &quals) {
                for (&i, q) in group.iter().zip(quals) {
                    if let (Some(c), Some(q)) = (cands.get_mut(i), q) {
                        c.label = format!("{}（{q}）", c.label);
                    }
                }
                break;
            }
        }
    }
}

/// Two of the group's figures differ in value.
fn has_two_values(cands: &[Cand], group: &[usize]) -> bool {
    let first = group.first().and_then(|&i| cands.get(i)).map(|c| c.value);
    group.iter().filter_map(|&i| cands.get(i)).any(|c| Some(c.value) != first)
}

/// Every two figures of different values get different qualifiers (at most one none). One
/// pass with a map from qualifier to value: a group may be large.
fn tells_apart(cands: &[Cand], group: &[usize], quals: &[Option<String>]) -> bool {
    let mut value_of: rustc_hash::FxHashMap<Option<&str>, u64> = rustc_hash::FxHashMap::default();
    for (&i, q) in group.iter().zip(quals) {
        let Some(c) = cands.get(i) else { continue };
        let v = c.value.to_bits();
        if *value_of.entry(q.as_deref()).or_insert(v) != v {
            return false;
        }
    }
    true
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
fn period_of(doc: &Doc, c: &Cand) -> Option<String> {
    let floor = c.qs.saturating_sub(MAX_BACK);
    let mut p = c.qs.min(doc.len());
    while p > floor && !matches!(doc.before(p), '。' | '\n' | ';') {
        p -= 1;
    }
    (p..c.qe).rev().find_map(|k| period_at_start(doc, k, c.qe))
}

/// The words the figure's clause starts with before its label ("基层法院" of
/// "基层法院受理案件…" when the label is 受理案件), peeled of fillers.
fn lead_of(doc: &Doc, c: &Cand) -> Option<String> {
    let a = clause_start(doc, c.qs);
    let t = strip_trailing(doc, a, c.qs, 0);
    let s = strip_leading(doc, a, t.core_end).min(t.core_end);
    short(doc.raw_str(s, t.core_end).trim())
}

/// The clause before the figure's ("严惩严重暴力犯罪" of "…严重暴力犯罪，办结案件691件"), up
/// to its own figure if it has one.
fn clause_before(doc: &Doc, c: &Cand) -> Option<String> {
    let a = clause_start(doc, c.qs);
    if a == 0 || matches!(doc.before(a), '。' | '\n' | '\r') {
        return None;
    }
    let s = clause_start(doc, a - 1);
    // "乙烯45万吨，产量增长8.7%": the words before the clause's own figure.
    let b = (s..a - 1).find(|&k| doc.c(k).is_ascii_digit()).unwrap_or(a - 1);
    let t = strip_trailing(doc, s, b, 0);
    let s = strip_leading(doc, s, t.core_end).min(t.core_end);
    short(doc.raw_str(s, t.core_end).trim())
}

/// `words` as a qualifier: none when empty, one char or holding a digit; a long one cut
/// to what follows its last 等, else to its end.
fn short(words: &str) -> Option<String> {
    let n = words.chars().count();
    if n < 2 || words.chars().any(|c| c.is_ascii_digit()) {
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
