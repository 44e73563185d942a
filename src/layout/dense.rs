//! Dense mode: when rows are too many to label one by one, every group gets a share of
//! the height in proportion to its rows. Rows at least two device pixels tall get a bar
//! each; thinner rows are aggregated into one bar per device-pixel row spanning the
//! extremes of the rows in it (so 100,000 bars draw as the ~1,000 the screen can show,
//! and no extreme is lost). Labels are sampled so they never overlap; every row still
//! hit-tests exactly, through its group's [`DenseBand`].

use super::axis::{axis_shown, finish_group, grid, make_axis, snap};
use super::header::group_title;
use super::metrics::Metrics;
use super::scene::{DenseBand, HAlign, Paint, Role, Scene, VAlign};
use super::text::fit_text;
use super::{Ctx, Pen, Plot};
use crate::view::{ChartSpec, Group, Tone};

/// Auto height stops here; past it a chart switches to dense mode.
pub const MAX_AUTO_ROWS: usize = 400;
/// The height a dense auto-height chart takes.
pub const DENSE_HEIGHT: f64 = 640.0;

/// The height to lay out densely in, or `None` for rows one by one.
///
/// Too many rows to label one by one: dense mode (thin rows, sampled labels, bars
/// thinner than a device pixel aggregated). An auto-height chart with that many rows
/// gets a fixed height rather than a canvas taller than browsers allow. Dense only when
/// rows would be under half the legible minimum, and only when the groups' own titles
/// and axes still fit; otherwise rows that do not fit are hidden (and counted in a
/// note). `overhead` is the groups' overhead plus the bottom padding.
pub(super) fn dense_height(cx: &Ctx, spec: &ChartSpec, fixed: Option<f64>, y: f64, overhead: f64) -> Option<f64> {
    let total_rows = spec.row_count();
    let groups_fit = |h: f64| h - y - overhead >= 2.0 * spec.groups.len() as f64;
    match fixed {
        Some(h) if (h - y - overhead) / (total_rows as f64) < cx.mt.min_row / 2.0 && groups_fit(h) => Some(h),
        None if total_rows > MAX_AUTO_ROWS => Some(DENSE_HEIGHT),
        _ => None,
    }
}

/// The bands laid out so far.
struct Dense {
    pen: Pen,
    bands: Vec<DenseBand>,
    /// Flat index (and hit index) of the next group's first row.
    flat: usize,
}

/// Lays out every group densely in `height` below the header.
pub(super) fn dense_layout(cx: &Ctx, spec: &ChartSpec, pen: Pen, plot: &Plot, height: f64) -> Scene {
    let mt = &cx.mt;
    let total = spec.row_count().max(1) as f64;
    let avail = (height - mt.pad - pen.y - mt.groups_overhead(&spec.groups) + Metrics::GROUP_GAP).max(1.0);
    let mut st = Dense { pen, bands: Vec::new(), flat: 0 };
    for g in spec.groups.iter().filter(|g| !g.rows.is_empty()) {
        dense_group(cx, &mut st, g, plot, avail * g.rows.len() as f64 / total);
    }
    Scene { width: cx.width, height, paints: st.pen.paints, hits: Vec::new(), dense: st.bands, hidden_rows: 0 }
}

/// One group in `share` pixels of height: title, grid, bars, sampled labels, axis.
fn dense_group(cx: &Ctx, st: &mut Dense, g: &Group, plot: &Plot, share: f64) {
    if let Some(t) = &g.title {
        group_title(cx, &mut st.pen, t);
    }
    let n = g.rows.len();
    let (top, bottom) = (st.pen.y, st.pen.y + share);
    let axis = make_axis(g, plot.x0, plot.x1.max(plot.x0 + 1.0));
    let band = Band { top, pitch: share / n as f64, base: snap(axis.base(), cx.dpr), dpr: cx.dpr };
    let ends: Vec<f32> = g.rows.iter().map(|r| axis.x(r.value) as f32).collect();
    let paints = &mut st.pen.paints;
    if axis_shown(g) {
        grid(paints, &axis, top, bottom, cx.dpr);
    }
    if g.bars {
        if band.pitch * cx.dpr >= 2.0 {
            band.each_bar(paints, g, &ends);
        } else {
            band.aggregated_bars(paints, g, &ends);
        }
    }
    if !cx.mt.compact && plot.label_w > 0.0 {
        band.sampled_labels(cx, paints, g, plot.label_w);
    }
    st.bands.push(DenseBand {
        first_row: st.flat,
        first_hit: st.flat,
        y0: top,
        pitch: band.pitch,
        base: band.base,
        ends,
        bars: g.bars,
    });
    st.flat += n;
    st.pen.y = bottom;
    st.pen.y += finish_group(cx, &mut st.pen.paints, g, &axis, (top, bottom));
    st.pen.y += Metrics::GROUP_GAP;
}

/// A group's rows in dense mode, evenly pitched from `top`, bars starting at `base`.
struct Band {
    top: f64,
    pitch: f64,
    base: f64,
    dpr: f64,
}

/// The rows sharing one device-pixel row: the shortest and longest bar ends, and the
/// tone of the bar reaching each.
struct PixelRow {
    dev: i64,
    lo: f64,
    hi: f64,
    tone_lo: Tone,
    tone_hi: Tone,
}

impl Band {
    /// The middle of row `k` (y, CSS px).
    fn row_middle(&self, k: usize) -> f64 {
        self.top + (k as f64 + 0.5) * self.pitch
    }

    /// A bar from the base to `end` across `y0`..`y1`, at least a device pixel long.
    fn bar(&self, paints: &mut Vec<Paint>, (y0, y1): (f64, f64), end: f64, tone: Tone) {
        let (base, dpr) = (self.base, self.dpr);
        let px = 1.0 / dpr;
        let (mut x0, mut x1) = (snap(base.min(end), dpr), snap(base.max(end), dpr));
        if x1 - x0 < px {
            if end < base {
                x0 = x1 - px
            } else {
                x1 = x0 + px
            }
        }
        paints.push(Paint::Rect { x0, y0, x1, y1, role: Role::Bar(tone) });
    }

    /// Rows two device pixels tall or more: a bar each, three quarters of the row.
    fn each_bar(&self, paints: &mut Vec<Paint>, g: &Group, ends: &[f32]) {
        let dpr = self.dpr;
        let px = 1.0 / dpr;
        let thick = (self.pitch * 0.75).max(px);
        for (k, (r, &end)) in g.rows.iter().zip(ends).enumerate() {
            let cy = self.row_middle(k);
            let y0 = snap(cy - thick / 2.0, dpr);
            let y1 = snap(cy + thick / 2.0, dpr).max(y0 + px);
            self.bar(paints, (y0, y1), end as f64, r.tone);
        }
    }

    /// Thinner rows: one bar per device-pixel row, to the extremes of the rows in it.
    fn aggregated_bars(&self, paints: &mut Vec<Paint>, g: &Group, ends: &[f32]) {
        let mut rects = Vec::new();
        let mut cur: Option<PixelRow> = None;
        for (k, (r, &end)) in g.rows.iter().zip(ends).enumerate() {
            let dev = (self.row_middle(k) * self.dpr).floor() as i64;
            let e = end as f64;
            match cur.as_mut() {
                Some(c) if c.dev == dev => {
                    if e < c.lo {
                        c.lo = e;
                        c.tone_lo = r.tone;
                    }
                    if e > c.hi {
                        c.hi = e;
                        c.tone_hi = r.tone;
                    }
                }
                _ => {
                    if let Some(c) = cur.take() {
                        self.pixel_row(&mut rects, c);
                    }
                    cur = Some(PixelRow { dev, lo: e, hi: e, tone_lo: r.tone, tone_hi: r.tone });
                }
            }
        }
        if let Some(c) = cur {
            self.pixel_row(&mut rects, c);
        }
        // One colour after another: no two of these rectangles overlap, so the order is
        // free, and a canvas then changes its fill colour a few times instead of with
        // every pixel row.
        let mut by_colour: [Vec<Paint>; 9] = Default::default();
        for p in rects {
            let k = match &p {
                Paint::Rect { role: Role::Bar(t), .. } => *t as usize,
                Paint::Rect { role: Role::Range(t), .. } => 4 + *t as usize,
                _ => 8,
            };
            by_colour[k].push(p);
        }
        paints.extend(by_colour.into_iter().flatten());
    }

    /// The bars of one device-pixel row.
    fn pixel_row(&self, paints: &mut Vec<Paint>, c: PixelRow) {
        let (dpr, base) = (self.dpr, self.base);
        let (y0, y1) = (c.dev as f64 / dpr, (c.dev + 1) as f64 / dpr);
        let (lo, hi) = (snap(c.lo, dpr), snap(c.hi, dpr));
        if c.lo >= base {
            // All bars of this pixel row point right: solid to the shortest, pale to the longest.
            self.bar(paints, (y0, y1), c.lo, c.tone_lo);
            if hi > lo {
                paints.push(Paint::Rect { x0: lo, y0, x1: hi, y1, role: Role::Range(c.tone_hi) });
            }
        } else if c.hi <= base {
            self.bar(paints, (y0, y1), c.hi, c.tone_hi);
            if lo < hi {
                paints.push(Paint::Rect { x0: lo, y0, x1: hi, y1, role: Role::Range(c.tone_lo) });
            }
        } else {
            // Both signs in one pixel row: each side to its extreme.
            self.bar(paints, (y0, y1), c.lo, c.tone_lo);
            self.bar(paints, (y0, y1), c.hi, c.tone_hi);
        }
    }

    /// Row labels in the label column, every so many rows so that they never overlap.
    fn sampled_labels(&self, cx: &Ctx, paints: &mut Vec<Paint>, g: &Group, label_w: f64) {
        let size = cx.mt.label.min(12.0);
        let step = (size * 1.4 / self.pitch).ceil().max(1.0) as usize;
        for (k, r) in g.rows.iter().enumerate().step_by(step) {
            paints.push(Paint::Text {
                x: cx.mt.pad + label_w,
                y: self.row_middle(k),
                text: fit_text(cx.m, &r.label, size, false, label_w),
                size,
                bold: false,
                role: Role::Text,
                h: HAlign::Right,
                v: VAlign::Middle,
            });
        }
    }
}
