//! A stable sort that every caller shares, so the wasm holds one copy of the standard
//! library's sort instead of one per element type and comparison.
//!
//! `slice::sort_by` is generic over both the element and the closure: each call site with
//! its own closure got its own copy of the driftsort and quicksort code, about 4.5 kB of
//! the widget's wasm each (three of them: 13.7 kB). Here only positions are sorted, always
//! with the same comparison type (`&dyn Fn`), and the elements are then moved into place.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal elements in their order, as `v.sort_by(cmp)` does.
/// O(n log n) comparisons and O(n) moves.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    {
        let items = &*v;
        sort_positions(&mut order, &|a: &usize, b: &usize| match (items.get(*a), items.get(*b)) {
            (Some(a), Some(b)) => cmp(a, b),
            _ => Ordering::Equal,
        });
    }
    // order[i] is where the element that belongs at i is now. Follow each cycle once,
    // marking each position done by pointing it at itself.
    for start in 0..order.len() {
        let mut cur = start;
        loop {
            let next = order[cur];
            order[cur] = cur;
            if next == start || next == cur {
                break;
            }
            v.swap(cur, next);
            cur = next;
        }
    }
}

/// The one instance of the standard library's stable sort.
fn sort_positions(order: &mut [usize], cmp: &dyn Fn(&usize, &usize) -> Ordering) {
    order.sort_by(cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_as_the_standard_library_does() {
        // A small generator, so the test needs no crate: many equal keys, and every order.
        let mut seed = 12345u64;
        for n in [0usize, 1, 2, 3, 7, 20, 100, 1000] {
            let v: Vec<(u64, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 33) % 10, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = v.clone();
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "n = {n}");
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut std = v;
            std.sort_by_key(|a| std::cmp::Reverse(a.0));
            assert_eq!(ours, std, "descending, n = {n}");
        }
    }

    #[test]
    fn moves_strings_without_losing_any() {
        let mut v: Vec<String> = ["d", "a", "c", "b", "a"].iter().map(|s| s.to_string()).collect();
        sort_by(&mut v, |a, b| a.cmp(b));
        assert_eq!(v, ["a", "a", "b", "c", "d"]);
    }
}
