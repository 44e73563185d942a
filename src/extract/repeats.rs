//! Repeats: a figure stated again later in the report (same value, unit and kind, a
//! similar label) is marked as the repeat of its first statement.

use super::labels::labels_overlap;
use crate::model::{Indicator, Kind};
use std::collections::HashMap;

/// How many first statements of one value, kind and unit are kept to compare with: a
/// bound on the work per figure, so the pass stays linear in the text.
const MAX_SAME_KEY: usize = 16;

/// Marks a figure stated again (same value, unit, kind; a similar label; elsewhere) as
/// the repeat of its first statement.
pub(super) fn mark_repeated(inds: &mut [Indicator]) {
    let mut seen: HashMap<(u64, Kind, String), Vec<usize>> = HashMap::new();
    for i in 0..inds.len() {
        let Some(cur) = inds.get(i) else { continue };
        let key = (cur.value.to_bits(), cur.kind, cur.unit.clone());
        let found = seen.get(&key).and_then(|prev| first_statement(inds, prev, cur));
        if let Some(id) = found {
            if let Some(cur) = inds.get_mut(i) {
                cur.repeat_of = Some(id);
            }
        } else {
            let list = seen.entry(key).or_default();
            if list.len() < MAX_SAME_KEY {
                list.push(i);
            }
        }
    }
}

/// The id of the first of `prev` (earlier figures with `cur`'s value, kind and unit) that
/// `cur` repeats: not itself a repeat, a quote apart from `cur`'s, a similar label.
fn first_statement(inds: &[Indicator], prev: &[usize], cur: &Indicator) -> Option<String> {
    let [s0, s1] = cur.span.unwrap_or([0, 0]);
    prev.iter().filter_map(|&p| inds.get(p)).find_map(|e| {
        let [e0, e1] = e.span.unwrap_or([0, 0]);
        let disjoint = e1 <= s0 || s1 <= e0;
        (e.repeat_of.is_none() && disjoint && labels_overlap(&e.label, &cur.label)).then(|| e.id.clone())
    })
}
