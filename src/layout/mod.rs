//! Layout: where everything of a chart goes, in CSS pixels, as a flat list of
//! [`Paint`] primitives plus the rows' hit bands. Hit-testing (which bar is under the
//! pointer) and tooltip placement live here too, so all geometry is plain Rust that
//! tests natively; `render` only paints what this module decided.
//!
//! Bars are horizontal: Chinese labels are long and read best on the left, and a list
//! of rows stays usable on a 360 px phone, where labels move above their bars.
//!
//! [`layout`] runs in phases, each in its own module: the header (`header`: title,
//! subtitle, or the empty-chart message), the label column (`labels`), then the rows
//! one by one (`rows`) or, when there are too many to label, dense bands (`dense`).
//! The foot (`footer`: the source line) is measured first, so a fixed height keeps
//! room for it, and painted last. Spacing lives in `metrics`, value axes in `axis`, text fitting in `text`, the
//! scene's types in `scene` and hit-testing in `hit`.

mod axis;
mod dense;
mod footer;
mod header;
mod hit;
mod labels;
mod metrics;
mod rows;
mod scene;
mod text;

pub use axis::nice_ticks;
pub use dense::{DENSE_HEIGHT, MAX_AUTO_ROWS};
pub use hit::place_tooltip;
pub use labels::MEASURED_LABELS;
pub use scene::{DenseBand, Frame, HAlign, Hit, Paint, Role, Scene, VAlign};
pub use text::{drawable, fit_text, wrap_text, ApproxMeasure, Measure};

use crate::format::Locale;
use crate::view::ChartSpec;
use metrics::Metrics;

/// What every phase of one layout reads: how to measure text, the metrics for the
/// width, the locale of tick labels, and the frame's sanitized width and ratio.
struct Ctx<'a> {
    m: &'a dyn Measure,
    mt: Metrics,
    locale: Locale,
    /// Width in CSS px, finite and at least 1.
    width: f64,
    /// Device-pixel ratio, finite and positive.
    dpr: f64,
    /// Width inside the padding, at least 1.
    inner: f64,
}

/// The paints so far and where the next thing goes (y, CSS px).
struct Pen {
    paints: Vec<Paint>,
    y: f64,
}

/// The plot's horizontal extent: the label column's width (0 on a phone, where labels
/// sit above their bars) and where bars may go.
struct Plot {
    label_w: f64,
    x0: f64,
    x1: f64,
}

/// Places a chart. `locale` formats tick labels.
pub fn layout(spec: &ChartSpec, frame: Frame, locale: Locale, m: &dyn Measure) -> Scene {
    let frame = sanitize(frame);
    let mt = Metrics::for_width(frame.width);
    let inner = (frame.width - 2.0 * mt.pad).max(1.0);
    let cx = Ctx { m, mt, locale, width: frame.width, dpr: frame.dpr, inner };
    let mut foot = footer::Footer::new(&cx, spec);
    let mut fh = foot.height(&cx);
    // A fixed height too small for a body and a foot keeps the body.
    if frame.height.is_some_and(|h| h - fh < Metrics::MIN_BODY) {
        foot = footer::Footer::none();
        fh = 0.0;
    }
    // The body is laid out in the height left above the foot; the foot then sits in the
    // body's bottom padding and below it, and the padding moves under the foot.
    let body_height = frame.height.map(|h| (h - fh).max(1.0));
    let mut scene = body(&cx, spec, body_height);
    if fh > 0.0 {
        let top = scene.height - cx.mt.pad + Metrics::FOOTER_GAP;
        foot.paint(&cx, &mut scene.paints, top);
        scene.height += fh;
    }
    scene
}

/// The chart without its foot, in a fixed height if given.
fn body(cx: &Ctx, spec: &ChartSpec, fixed: Option<f64>) -> Scene {
    let mut pen = Pen { paints: Vec::new(), y: cx.mt.pad };
    header::header(cx, spec, &mut pen);
    let total_rows = spec.row_count();
    if total_rows == 0 {
        return header::empty_scene(cx, spec, fixed, pen);
    }
    let overhead = cx.mt.groups_overhead(&spec.groups) + cx.mt.pad;
    let label_w = labels::label_column(cx, spec, total_rows);
    let plot = Plot {
        label_w,
        x0: if cx.mt.compact { cx.mt.pad } else { cx.mt.pad + label_w + Metrics::LABEL_GAP },
        x1: cx.width - cx.mt.pad,
    };
    match dense::dense_height(cx, spec, fixed, pen.y, overhead) {
        Some(h) => dense::dense_layout(cx, spec, pen, &plot, h),
        None => {
            let plan = rows::RowPlan::new(cx, fixed, pen.y, overhead, total_rows);
            rows::rows_layout(cx, spec, pen, &plot, &plan)
        }
    }
}

/// The frame with a finite width in 1..=100,000, a ratio in 0.25..=8 (else 1), and a
/// fixed height only when it is finite and positive (at most 1,000,000).
fn sanitize(frame: Frame) -> Frame {
    Frame {
        width: if frame.width.is_finite() { crate::num::clamp(frame.width, 1.0, 100_000.0) } else { 300.0 },
        height: frame.height.filter(|h| h.is_finite() && *h > 0.0).map(|h| h.min(1_000_000.0)),
        dpr: if frame.dpr.is_finite() && frame.dpr > 0.0 { crate::num::clamp(frame.dpr, 0.25, 8.0) } else { 1.0 },
    }
}
