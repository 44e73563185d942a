//! The foot: the source line and the note on approximate figures, small and muted below
//! everything else. Laid out first, so a fixed height keeps room for it; painted last.

use super::metrics::Metrics;
use super::scene::{HAlign, Paint, Role, VAlign};
use super::text::wrap_text;
use super::Ctx;
use crate::view::ChartSpec;

/// The foot's lines, already fitted to the width.
pub(super) struct Footer {
    lines: Vec<String>,
}

impl Footer {
    /// The foot of `spec`: on one line when everything fits, otherwise each of its lines
    /// wrapped (at most two rows each, the last cut with …).
    pub(super) fn new(cx: &Ctx, spec: &ChartSpec) -> Footer {
        let size = cx.mt.tick;
        let parts: Vec<&str> = spec.footer.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
        let joined = crate::format::join(&parts, " · ");
        if parts.is_empty() {
            return Footer { lines: Vec::new() };
        }
        let one = wrap_text(cx.m, &joined, size, false, cx.inner, 2);
        if one.len() == 1 {
            return Footer { lines: one };
        }
        let lines = parts.iter().flat_map(|p| wrap_text(cx.m, p, size, false, cx.inner, 2)).collect();
        Footer { lines }
    }

    /// No foot.
    pub(super) fn none() -> Footer {
        Footer { lines: Vec::new() }
    }

    /// The height the foot adds below the chart's body (its gap included), 0 when empty.
    pub(super) fn height(&self, cx: &Ctx) -> f64 {
        if self.lines.is_empty() {
            return 0.0;
        }
        Metrics::FOOTER_GAP + self.lines.len() as f64 * (cx.mt.tick + Metrics::LINE_GAP) - Metrics::LINE_GAP
    }

    /// Paints the lines from `y` (their top) down.
    pub(super) fn paint(self, cx: &Ctx, paints: &mut Vec<Paint>, mut y: f64) {
        let size = cx.mt.tick;
        for text in self.lines {
            paints.push(Paint::Text {
                x: cx.mt.pad,
                y,
                text,
                size,
                bold: false,
                role: Role::Muted,
                h: HAlign::Left,
                v: VAlign::Top,
            });
            y += size + Metrics::LINE_GAP;
        }
    }
}
