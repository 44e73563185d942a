//! The header (title and subtitle, wrapped), the message of a chart with no rows, and
//! the group titles both layout modes share.

use super::metrics::Metrics;
use super::scene::{HAlign, Paint, Role, Scene, VAlign};
use super::text::{fit_text, wrap_text};
use super::{Ctx, Pen};
use crate::view::ChartSpec;

/// Paints the title (up to two lines) and the subtitle (up to two, three on a phone)
/// and moves the pen below them.
pub(super) fn header(cx: &Ctx, spec: &ChartSpec, pen: &mut Pen) {
    let mt = &cx.mt;
    for line in wrap_text(cx.m, &spec.title, mt.title, true, cx.inner, 2) {
        pen.paints.push(Paint::Text {
            x: mt.pad,
            y: pen.y,
            text: line,
            size: mt.title,
            bold: true,
            role: Role::Text,
            h: HAlign::Left,
            v: VAlign::Top,
        });
        pen.y += mt.title + Metrics::LINE_GAP;
    }
    pen.y += Metrics::TITLE_GAP;
    for line in wrap_text(cx.m, &spec.subtitle, mt.subtitle, false, cx.inner, if mt.compact { 3 } else { 2 }) {
        pen.paints.push(Paint::Text {
            x: mt.pad,
            y: pen.y,
            text: line,
            size: mt.subtitle,
            bold: false,
            role: Role::Muted,
            h: HAlign::Left,
            v: VAlign::Top,
        });
        pen.y += mt.subtitle + Metrics::LINE_GAP;
    }
    pen.y += Metrics::HEADER_GAP;
}

/// The scene of a chart with no rows: the header and the view's "nothing to show"
/// message, centred in the space left.
pub(super) fn empty_scene(cx: &Ctx, spec: &ChartSpec, fixed: Option<f64>, mut pen: Pen) -> Scene {
    let (mt, y) = (&cx.mt, pen.y);
    let h = fixed.unwrap_or(y + Metrics::EMPTY).max(y + Metrics::MIN_EMPTY);
    // Centred in the space left, but never below a small fixed height's bottom edge.
    let my =
        (y + (h - y) / 2.0 - mt.pad).min(fixed.unwrap_or(f64::INFINITY) - mt.label / 2.0 - 2.0).max(mt.label / 2.0);
    pen.paints.push(Paint::Text {
        x: cx.width / 2.0,
        y: my,
        text: fit_text(cx.m, &spec.empty, mt.label, false, cx.inner),
        size: mt.label,
        bold: false,
        role: Role::Muted,
        h: HAlign::Center,
        v: VAlign::Middle,
    });
    Scene {
        width: cx.width,
        height: fixed.unwrap_or(h),
        paints: pen.paints,
        hits: Vec::new(),
        dense: Vec::new(),
        hidden_rows: 0,
    }
}

/// Paints a group's title and moves the pen below it.
pub(super) fn group_title(cx: &Ctx, pen: &mut Pen, title: &str) {
    let mt = &cx.mt;
    pen.paints.push(Paint::Text {
        x: mt.pad,
        y: pen.y + Metrics::GROUP_TITLE_INSET,
        text: fit_text(cx.m, title, mt.group, true, cx.inner),
        size: mt.group,
        bold: true,
        role: Role::Muted,
        h: HAlign::Left,
        v: VAlign::Top,
    });
    pen.y += Metrics::GROUP_TITLE;
}
