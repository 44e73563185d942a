//! Rows one by one (the normal mode): the row plan (row height, bar thickness, the
//! bottom limit of a fixed height), each group's title, rows (label, bar, value label,
//! note) and axis, and the note counting rows that did not fit.

use super::axis::{axis_shown, finish_group, grid, make_axis, snap, Axis};
use super::header::group_title;
use super::metrics::Metrics;
use super::scene::{HAlign, Hit, Paint, Role, Scene, VAlign};
use super::text::fit_text;
use super::{Ctx, Pen, Plot};
use crate::format::Locale;
use crate::view::{ChartSpec, Group, Row, Tone};

/// How tall rows are and how far they may go.
pub(super) struct RowPlan {
    /// A row's height: natural, or squeezed to fit a fixed height (down to a legible
    /// minimum).
    row_h: f64,
    /// A bar's thickness, thinner in squeezed rows.
    bar_h: f64,
    /// The fixed height, if any.
    fixed: Option<f64>,
    /// The lowest y a row may reach in a fixed height.
    limit: Option<f64>,
}

impl RowPlan {
    /// The plan for `total_rows` rows below `y`, with `overhead` taken by the groups'
    /// titles, axes and gaps and the bottom padding.
    pub(super) fn new(cx: &Ctx, fixed: Option<f64>, y: f64, overhead: f64, total_rows: usize) -> RowPlan {
        let mt = &cx.mt;
        let mut row_h = mt.row;
        if let Some(h) = fixed {
            let avail = h - y - overhead;
            if avail < row_h * total_rows as f64 {
                row_h = (avail / total_rows as f64).max(mt.min_row).min(mt.row);
            }
        }
        let mut bar_h = crate::num::clamp(mt.bar * row_h / mt.row, 3.0, mt.bar).min(row_h - 2.0);
        if mt.compact {
            // Below its label, a squeezed row's bar keeps a pixel to its band's bottom, so
            // snapping to device pixels cannot push it out of the band.
            let room = row_h - Metrics::ROW_INSET - mt.label - Metrics::LABEL_BAR_GAP - 1.0;
            bar_h = bar_h.min(room).max(3.0);
        }
        RowPlan { row_h, bar_h, fixed, limit: fixed.map(|h| h - mt.pad) }
    }
}

/// The rows laid out so far.
struct Rows {
    pen: Pen,
    hits: Vec<Hit>,
    /// Rows that did not fit.
    hidden: usize,
    /// Flat index of the next row.
    flat: usize,
}

/// One group being laid out: the group, its value axis, and the chart's plot and plan.
struct GroupRows<'a> {
    g: &'a Group,
    axis: Axis,
    plot: &'a Plot,
    plan: &'a RowPlan,
}

/// Lays out every group row by row below the header.
pub(super) fn rows_layout(cx: &Ctx, spec: &ChartSpec, pen: Pen, plot: &Plot, plan: &RowPlan) -> Scene {
    let mut st = Rows { pen, hits: Vec::new(), hidden: 0, flat: 0 };
    for g in &spec.groups {
        group(cx, &mut st, g, plot, plan);
    }
    if st.hidden > 0 {
        hidden_note(cx, &mut st, plan);
    }
    let height = plan.fixed.unwrap_or((st.pen.y - Metrics::GROUP_GAP + cx.mt.pad).ceil());
    Scene { width: cx.width, height, paints: st.pen.paints, hits: st.hits, dense: Vec::new(), hidden_rows: st.hidden }
}

/// One group: its title (or nothing at all when not even that fits), the rows that
/// fit, and its axis.
fn group(cx: &Ctx, st: &mut Rows, g: &Group, plot: &Plot, plan: &RowPlan) {
    if let Some(t) = &g.title {
        if plan.limit.is_some_and(|l| st.pen.y + Metrics::GROUP_TITLE + plan.row_h > l) {
            st.hidden += g.rows.len();
            st.flat += g.rows.len();
            return;
        }
        group_title(cx, &mut st.pen, t);
    }
    let gr = GroupRows { g, axis: value_axis(cx, g, plot), plot, plan };
    let shown = shown_rows(g, plan, st.pen.y);
    let rows_top = st.pen.y;
    let rows_bottom = rows_top + plan.row_h * shown as f64;
    if axis_shown(g) && shown > 0 {
        grid(&mut st.pen.paints, &gr.axis, rows_top, rows_bottom, cx.dpr);
    }
    for r in g.rows.iter().take(shown) {
        row(cx, st, &gr, r);
    }
    st.hidden += g.rows.len() - shown;
    st.flat += g.rows.len() - shown;
    if shown > 0 {
        st.pen.y += finish_group(cx, &mut st.pen.paints, g, &gr.axis, (rows_top, rows_bottom));
    }
    st.pen.y += Metrics::GROUP_GAP;
}

/// The group's value axis, leaving room beside it for the widest value labels on
/// either side (and for notes after the values, when rows have them).
fn value_axis(cx: &Ctx, g: &Group, plot: &Plot) -> Axis {
    let mt = &cx.mt;
    let vw = |neg: bool| -> f64 {
        g.rows
            .iter()
            .filter(|r| (r.value < 0.0) == neg)
            .map(|r| cx.m.text_width(&r.value_text, mt.value, false))
            .fold(0.0, f64::max)
    };
    let (vw_neg, vw_pos) = (vw(true), vw(false));
    let has_notes = g.rows.iter().any(|r| r.note.is_some());
    let a = plot.x0 + if vw_neg > 0.0 { vw_neg + Metrics::VALUE_ROOM } else { 0.0 };
    let mut b = plot.x1 - if vw_pos > 0.0 { vw_pos + Metrics::VALUE_ROOM } else { 0.0 };
    if has_notes {
        // Leave room for the telling figures after the value.
        b = a + ((plot.x1 - a) * 0.3).max(24.0).min(b - a);
    }
    let b = b.max(a + 1.0);
    make_axis(g, a, b)
}

/// How many of the group's rows, from `top`, fit above the limit (with the group's
/// axis below them).
fn shown_rows(g: &Group, plan: &RowPlan, top: f64) -> usize {
    let Some(l) = plan.limit else {
        return g.rows.len();
    };
    let fits = |y: f64| y + plan.row_h <= l - if axis_shown(g) { Metrics::AXIS } else { 0.0 };
    let mut y = top;
    g.rows
        .iter()
        .take_while(|_| {
            let ok = fits(y);
            y += plan.row_h;
            ok
        })
        .count()
}

/// One row: its label, bar, value label and note, and its hit band.
fn row(cx: &Ctx, st: &mut Rows, gr: &GroupRows, r: &Row) {
    let (mt, y, row_h) = (&cx.mt, st.pen.y, gr.plan.row_h);
    let (label_y, cy) = if mt.compact {
        (y + Metrics::ROW_INSET, y + Metrics::ROW_INSET + mt.label + Metrics::LABEL_BAR_GAP + gr.plan.bar_h / 2.0)
    } else {
        (y + row_h / 2.0, y + row_h / 2.0)
    };
    row_label(cx, &mut st.pen.paints, gr, r, label_y);
    let (bar, end) = if gr.g.bars { bar(cx, &mut st.pen.paints, gr, r, cy) } else { (None, gr.axis.a) };
    let value_size = mt.value.min(row_h - 2.0).max(8.0);
    let vx = value_label(cx, &mut st.pen.paints, gr, r, (end, cy));
    if let Some(note) = &r.note {
        let nx = vx + cx.m.text_width(&r.value_text, value_size, false) + Metrics::NOTE_GAP;
        let t = note_text(cx, note, value_size, gr.plot.x1 - nx);
        if !t.is_empty() {
            st.pen.paints.push(Paint::Text {
                x: nx,
                y: cy,
                text: t,
                size: value_size,
                bold: false,
                role: Role::Muted,
                h: HAlign::Left,
                v: VAlign::Middle,
            });
        }
    }
    st.hits.push(Hit { row: st.flat, y0: y, y1: y + row_h, bar, anchor: (end.max(gr.plot.x0), cy) });
    st.flat += 1;
    st.pen.y += row_h;
}

/// A row's label: above the bar on a phone, else right-aligned in the label column
/// (left out when rows are squeezed too thin for it).
fn row_label(cx: &Ctx, paints: &mut Vec<Paint>, gr: &GroupRows, r: &Row, label_y: f64) {
    let (mt, row_h) = (&cx.mt, gr.plan.row_h);
    if mt.compact {
        paints.push(Paint::Text {
            x: mt.pad,
            y: label_y,
            text: fit_text(cx.m, &r.label, mt.label, false, cx.inner),
            size: mt.label,
            bold: false,
            role: Role::Text,
            h: HAlign::Left,
            v: VAlign::Top,
        });
    } else if row_h >= 12.0 {
        let size = mt.label.min(row_h - 2.0);
        paints.push(Paint::Text {
            x: mt.pad + gr.plot.label_w,
            y: label_y,
            text: fit_text(cx.m, &r.label, size, false, gr.plot.label_w),
            size,
            bold: false,
            role: Role::Text,
            h: HAlign::Right,
            v: VAlign::Middle,
        });
    }
}

/// A row's bar centred on `cy`, at least one device pixel long when its value is not
/// zero, with the part past the reference painted as "over". Returns the bar and where
/// it ends.
fn bar(cx: &Ctx, paints: &mut Vec<Paint>, gr: &GroupRows, r: &Row, cy: f64) -> (Option<[f64; 4]>, f64) {
    let (dpr, axis, bar_h) = (cx.dpr, &gr.axis, gr.plan.bar_h);
    let (by0, by1) = (snap(cy - bar_h / 2.0, dpr), snap(cy + bar_h / 2.0, dpr));
    let base = snap(axis.base(), dpr);
    let mut xv = snap(axis.x(r.value), dpr);
    if r.value != 0.0 && (xv - base).abs() < 1.0 / dpr {
        xv = base + if r.value < 0.0 { -1.0 / dpr } else { 1.0 / dpr };
    }
    let (x0, x1) = (base.min(xv), base.max(xv));
    match gr.g.reference {
        Some(rf) if r.value > rf => {
            let xr = snap(axis.x(rf), dpr);
            paints.push(Paint::Rect { x0, y0: by0, x1: xr, y1: by1, role: Role::Bar(r.tone) });
            paints.push(Paint::Rect { x0: xr, y0: by0, x1, y1: by1, role: Role::Over });
        }
        _ => paints.push(Paint::Rect { x0, y0: by0, x1, y1: by1, role: Role::Bar(r.tone) }),
    }
    if r.tone == Tone::Derived {
        derived_outline(paints, [x0, by0, x1, by1], dpr);
    }
    (Some([x0, by0, x1, by1]), xv)
}

/// A dashed outline in the stated bars' colour around a derived bar (the compare view's
/// last-year value, worked out from the stated change): its pale fill alone is under 3:1
/// against the background, the outline is not, and dashes read as "estimated".
fn derived_outline(paints: &mut Vec<Paint>, [x0, y0, x1, y1]: [f64; 4], dpr: f64) {
    let w: f64 = 1.0;
    let h = (w / 2.0).max(0.5 / dpr);
    let (l, r, t, b) = (x0 + h, x1 - h, y0 + h, y1 - h);
    if r <= l || b <= t {
        return;
    }
    for (xa, ya, xb, yb) in [(l, t, r, t), (r, t, r, b), (r, b, l, b), (l, b, l, t)] {
        paints.push(Paint::Line {
            x0: xa,
            y0: ya,
            x1: xb,
            y1: yb,
            role: Role::Bar(Tone::Neutral),
            width: w,
            dashed: true,
        });
    }
}

/// A row's value label beside its bar's end (left of it for a negative bar), moved
/// clear of the reference line. Returns where it starts or ends (its x).
fn value_label(cx: &Ctx, paints: &mut Vec<Paint>, gr: &GroupRows, r: &Row, (end, cy): (f64, f64)) -> f64 {
    let (mt, g, row_h) = (&cx.mt, gr.g, gr.plan.row_h);
    let value_size = mt.value.min(row_h - 2.0).max(8.0);
    let (mut vx, h) = if r.value < 0.0 && g.bars {
        (end - Metrics::VALUE_GAP, HAlign::Right)
    } else {
        (end + Metrics::VALUE_GAP, HAlign::Left)
    };
    if let (Some(rf), true) = (g.reference, g.bars) {
        // Keep the label clear of the dashed reference line.
        let xr = gr.axis.x(rf);
        let w = cx.m.text_width(&r.value_text, value_size, false);
        if r.value <= rf && vx < xr + 3.0 && vx + w > xr - 3.0 {
            vx = xr + Metrics::VALUE_GAP;
        }
    }
    if row_h >= 10.0 {
        paints.push(Paint::Text {
            x: vx,
            y: cy,
            text: fit_text(cx.m, &r.value_text, value_size, false, cx.inner * 0.5),
            size: value_size,
            bold: false,
            role: Role::Text,
            h,
            v: VAlign::Middle,
        });
    }
    vx
}

/// As many whole items of a row's note (separated by "；" or ";") as fit in `room`:
/// a figure cut in the middle ("1.0…") reads as a wrong figure.
fn note_text(cx: &Ctx, note: &str, size: f64, room: f64) -> String {
    let mut t = String::new();
    for item in note.split(['；', ';']).map(str::trim).filter(|i| !i.is_empty()) {
        let sep = if t.is_empty() {
            ""
        } else if cx.locale == Locale::Zh {
            "；"
        } else {
            "; "
        };
        let next = format!("{t}{sep}{item}");
        if cx.m.text_width(&next, size, false) > room {
            break;
        }
        t = next;
    }
    t
}

/// The note saying how many rows did not fit, at the bottom of a fixed height.
fn hidden_note(cx: &Ctx, st: &mut Rows, plan: &RowPlan) {
    let (mt, hidden) = (&cx.mt, st.hidden);
    let text = match cx.locale {
        Locale::Zh => format!("另有{hidden}项未能显示，请增加图表高度"),
        Locale::En => format!("{hidden} more not shown: make the chart taller"),
    };
    let ty = plan.limit.map(|l| l - 2.0).unwrap_or(st.pen.y);
    st.pen.paints.push(Paint::Text {
        x: mt.pad,
        y: ty,
        text: fit_text(cx.m, &text, mt.tick, false, cx.inner),
        size: mt.tick,
        bold: false,
        role: Role::Muted,
        h: HAlign::Left,
        v: VAlign::Bottom,
    });
}
