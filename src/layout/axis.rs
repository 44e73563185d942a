//! Value axes: round-number ticks, how a group's values map to x, and what is drawn
//! around a group's rows (grid, zero line, reference line, tick labels). The rule for
//! when a group has an axis, [`axis_shown`], lives here and is the one both layout
//! modes follow.

use super::metrics::Metrics;
use super::scene::{HAlign, Paint, Role, VAlign};
use super::Ctx;
use crate::format;
use crate::view::Group;

/// Round-number ticks covering [lo, hi]: 1, 2 or 5 × 10^k apart, about `target` of them.
pub fn nice_ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo {
        return vec![lo];
    }
    let raw = (hi - lo) / target.max(1) as f64;
    let mag = crate::num::pow10(raw.log10().floor() as i32);
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|k| k * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag);
    let start = (lo / step).floor() * step;
    let mut out = Vec::new();
    let mut k = 0;
    loop {
        let v = start + step * k as f64;
        out.push(if v.abs() < step * 1e-9 { 0.0 } else { v });
        if v >= hi - step * 1e-9 || k > 1000 {
            break;
        }
        k += 1;
    }
    out
}

/// How values map to x within one group.
pub(super) struct Axis {
    /// The value at the axis's start.
    lo: f64,
    /// The value at the axis's end.
    hi: f64,
    /// Where the axis starts (x, CSS px).
    pub(super) a: f64,
    /// Where the axis ends (x, CSS px).
    b: f64,
    log: bool,
    ticks: Vec<f64>,
}

impl Axis {
    /// Where value `v` lies (x, CSS px), clamped to the axis.
    pub(super) fn x(&self, v: f64) -> f64 {
        let t = if self.log {
            if v <= 0.0 {
                return self.a;
            }
            (v.log10() - self.lo.log10()) / (self.hi.log10() - self.lo.log10())
        } else {
            (v - self.lo) / (self.hi - self.lo)
        };
        self.a + crate::num::clamp(t, 0.0, 1.0) * (self.b - self.a)
    }
    /// Where bars start: zero, or the left edge on a log axis.
    pub(super) fn base(&self) -> f64 {
        if self.log {
            self.a
        } else {
            self.x(0.0)
        }
    }
}

/// The axis of group `g` from x = `a` to x = `b`.
pub(super) fn make_axis(g: &Group, a: f64, b: f64) -> Axis {
    if g.log {
        log_axis(g, a, b)
    } else {
        linear_axis(g, a, b)
    }
}

/// A log axis over whole decades, from one decade below the smallest positive value.
fn log_axis(g: &Group, a: f64, b: f64) -> Axis {
    let pos: Vec<f64> = g.rows.iter().map(|r| r.value).filter(|v| *v > 0.0).collect();
    let mn = pos.iter().cloned().fold(f64::INFINITY, f64::min);
    let mx = pos.iter().cloned().fold(0.0, f64::max);
    let mut lo = crate::num::pow10(mn.log10().floor() as i32);
    let mut hi = crate::num::pow10(mx.log10().ceil() as i32);
    if !(lo.is_finite() && hi.is_finite()) || lo <= 0.0 {
        lo = 1.0;
        hi = 10.0;
    }
    // At most 30 decades on one axis: tinier values sit at its start. (A subnormal
    // minimum would otherwise underflow to a zero start and billions of ticks.)
    lo = lo.max(hi / 1e30).max(1e-300);
    if hi <= lo {
        hi = lo * 10.0;
    }
    // Start the axis one decade below the smallest value so the smallest bar shows.
    lo /= 10.0;
    if hi <= lo {
        hi = lo * 10.0;
    }
    let decades = (hi.log10() - lo.log10()).round() as i32;
    let every = (((decades as f64) / 6.0).ceil() as i32).max(1);
    // Counts of things start at 1: a "0.1" tick would only puzzle.
    let ticks = (0..=decades)
        .filter(|d| d % every == 0)
        .map(|d| lo * 10f64.powi(d))
        .filter(|t| mn < 1.0 || *t >= 1.0 - 1e-9)
        .collect();
    Axis { lo, hi, a, b, log: true, ticks }
}

/// A linear axis over the values, zero and the reference, ending at round ticks when
/// that wastes little width.
fn linear_axis(g: &Group, a: f64, b: f64) -> Axis {
    let mut lo = 0.0f64;
    let mut hi = 0.0f64;
    for v in g.rows.iter().map(|r| r.value) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if let Some(r) = g.reference {
        hi = hi.max(r);
        lo = lo.min(r);
    }
    if hi == lo {
        hi = lo + 1.0;
    }
    let target = (((b - a) / 90.0).floor() as usize).clamp(2, 8);
    // The axis ends at a round tick unless that would waste over a fifth of the width;
    // then it ends at the data and the ticks past it are dropped.
    let mut ticks = nice_ticks(lo, hi, target);
    let (t0, t1) = (ticks.first().copied().unwrap_or(lo), ticks.last().copied().unwrap_or(hi));
    let span = hi - lo;
    let (mut lo, mut hi) = (if lo - t0 <= span * 0.2 { t0 } else { lo }, if t1 - hi <= span * 0.2 { t1 } else { hi });
    let inside = |t: &f64, lo: f64, hi: f64| *t >= lo - span * 1e-9 && *t <= hi + span * 1e-9;
    if ticks.iter().filter(|t| inside(t, lo, hi)).count() < 3 {
        // Too few ticks left to read the axis by: end at the round ticks after all.
        lo = lo.min(t0);
        hi = hi.max(t1);
    }
    ticks.retain(|t| inside(t, lo, hi));
    Axis { lo, hi, a, b, log: false, ticks }
}

/// A group's value axis (grid and ticks) is drawn when it has bars to compare: a lone
/// bar reads from its value label alone (or, in dense mode, its tooltip). Both layout
/// modes ask this, and size groups by it through `metrics::group_overhead`.
pub(super) fn axis_shown(g: &Group) -> bool {
    g.bars && (g.rows.len() > 1 || g.reference.is_some())
}

/// Vertical grid lines at the ticks (not at zero, which gets its own line). Painted
/// before the bars, so bars cover them.
pub(super) fn grid(paints: &mut Vec<Paint>, axis: &Axis, top: f64, bottom: f64, dpr: f64) {
    for &tv in &axis.ticks {
        if !axis.log && tv == 0.0 {
            continue;
        }
        let x = snap(axis.x(tv), dpr);
        paints.push(Paint::Line { x0: x, y0: top, x1: x, y1: bottom, role: Role::Grid, width: 1.0, dashed: false });
    }
}

/// The solid vertical line at zero, a little taller than the rows it spans.
fn zero_line(paints: &mut Vec<Paint>, axis: &Axis, top: f64, bottom: f64, dpr: f64) {
    let x = snap(axis.x(0.0), dpr);
    paints.push(Paint::Line {
        x0: x,
        y0: top - 3.0,
        x1: x,
        y1: bottom + 3.0,
        role: Role::Zero,
        width: 1.0,
        dashed: false,
    });
}

/// What follows a group's rows (spanning `top`..`bottom`): its axis when
/// [`axis_shown`], else the zero line of a lone signed bar. Returns the height it
/// takes below the rows. Both layout modes end a group with this.
pub(super) fn finish_group(
    cx: &Ctx,
    paints: &mut Vec<Paint>,
    g: &Group,
    axis: &Axis,
    (top, bottom): (f64, f64),
) -> f64 {
    if axis_shown(g) {
        decorate(cx, paints, g, axis, (top, bottom));
        Metrics::AXIS
    } else {
        if g.bars && !axis.log && axis.lo < 0.0 {
            // A lone signed bar still gets its zero line.
            zero_line(paints, axis, top, bottom, cx.dpr);
        }
        0.0
    }
}

/// The zero line, the reference line and the tick labels of a group, painted after
/// its bars. Tick labels that would collide are thinned out.
fn decorate(cx: &Ctx, paints: &mut Vec<Paint>, g: &Group, axis: &Axis, (top, bottom): (f64, f64)) {
    let (dpr, m, tick_px) = (cx.dpr, cx.m, cx.mt.tick);
    if !axis.log && axis.lo <= 0.0 && axis.hi >= 0.0 {
        zero_line(paints, axis, top, bottom, dpr);
    }
    if let Some(rf) = g.reference {
        let x = snap(axis.x(rf), dpr);
        paints.push(Paint::Line {
            x0: x,
            y0: top - 4.0,
            x1: x,
            y1: bottom + 4.0,
            role: Role::Reference,
            width: 1.5,
            dashed: true,
        });
    }
    let labels: Vec<(f64, String)> =
        axis.ticks.iter().map(|&tv| (axis.x(tv), format::tick(tv, cx.locale, g.percent))).collect();
    let widest = labels.iter().map(|(_, s)| m.text_width(s, tick_px, false)).fold(0.0, f64::max);
    let gap = match labels.as_slice() {
        [(x0, _), (x1, _), ..] => (x1 - x0).abs(),
        _ => f64::INFINITY,
    };
    let every = if gap > 0.0 { (((widest + 8.0) / gap).ceil() as usize).max(1) } else { 1 };
    for (k, (x, s)) in labels.into_iter().enumerate() {
        if k % every == 0 {
            // Keep the label whole inside the chart: the first and last ticks can sit at
            // the padding on a phone, where a centred label would spill off.
            let half = m.text_width(&s, tick_px, false) / 2.0;
            let x = x.max(half + 1.0).min(cx.width - half - 1.0);
            paints.push(Paint::Text {
                x,
                y: bottom + Metrics::TICK_GAP,
                text: s,
                size: tick_px,
                bold: false,
                role: Role::Muted,
                h: HAlign::Center,
                v: VAlign::Top,
            });
        }
    }
}

/// `v` rounded to whole device pixels.
pub(super) fn snap(v: f64, dpr: f64) -> f64 {
    (v * dpr).round() / dpr
}
