//! The label column: how wide the row labels on the left get (none on a phone, where
//! labels sit above their bars), measuring only the widest few labels.

use super::text::{ApproxMeasure, Measure};
use super::Ctx;
use crate::view::ChartSpec;

/// How many labels the font engine measures to size the label column: the widest by
/// [`ApproxMeasure`]. Charts with fewer rows have every label measured; with more, a
/// label the estimate ranks too low can come out a few pixels too wide and be cut with
/// "…" (its tooltip and the table still give it whole).
pub const MEASURED_LABELS: usize = 32;

/// The label column's width: as wide as the longest label, up to a third of the width;
/// 0 on a phone.
pub(super) fn label_column(cx: &Ctx, spec: &ChartSpec, total_rows: usize) -> f64 {
    let mt = &cx.mt;
    if mt.compact {
        return 0.0;
    }
    // At most ~500 labels, evenly sampled (100,000 rows need no more), ranked by the
    // estimate; the font engine measures the widest few of them.
    let step = (total_rows / 500).max(1);
    let mut labels: Vec<(f64, String)> = spec
        .rows()
        .step_by(step)
        .map(|r| {
            let s: String = r.label.chars().take(60).collect();
            (ApproxMeasure.text_width(&s, mt.label, false), s)
        })
        .collect();
    if labels.len() > MEASURED_LABELS {
        let cut = widest_cut(&labels);
        labels.retain(|(w, _)| *w >= cut);
        labels.truncate(MEASURED_LABELS);
    }
    let widest = labels.iter().map(|(_, s)| cx.m.text_width(s, mt.label, false)).fold(0.0, f64::max);
    widest.min(cx.inner * 0.36).max(40.0_f64.min(cx.inner * 0.3))
}

/// The cut-off: the MEASURED_LABELS-th widest estimate, kept in a small sorted array
/// (select_nth_unstable_by did the same and added 4 kB to the wasm).
fn widest_cut(labels: &[(f64, String)]) -> f64 {
    let mut top = [f64::NEG_INFINITY; MEASURED_LABELS];
    for &(mut w, _) in labels {
        // Insert w in order, each smaller width moving one place down; the last drops out.
        for t in top.iter_mut() {
            if w > *t {
                std::mem::swap(&mut w, t);
            }
        }
    }
    top[MEASURED_LABELS - 1]
}
