//! What the chart shows besides the canvas: the tooltip (filled once per row, placed on
//! every move), the screen-reader table and the live region that reads the focused row.

use super::dom::{css, fill_tooltip, px, table_caption, table_end, table_row, table_style};
use super::state::State;
use crate::format::{self, Locale};
use crate::layout;
use crate::num::clamp;
use crate::render::Theme;
use crate::touch;
use crate::view::{self, Target};
use web_sys::Element;

/// The screen-reader table lists at most this many rows; a DOM table of 100,000 rows
/// would take seconds to build and help nobody.
const TABLE_MAX_ROWS: usize = 1000;

/// Widest tooltip, in CSS pixels (narrower on a narrow chart).
const TOOLTIP_MAX_WIDTH: f64 = 320.0;

/// What the tooltip and the live region say of a row.
struct Detail {
    label: String,
    value: String,
    /// The source sentence: before the figure, the figure's own words, after.
    sentence: Option<(String, String, String)>,
    section: String,
}

/// What the tooltip, the live region and the table say of a row's value: the figure
/// with its linked change; for a derived bar (the compare view), the derived value and
/// where it comes from.
fn row_value(ds: &crate::model::Dataset, r: &view::Row, i: usize, locale: Locale) -> String {
    match (r.tone, &r.note) {
        (view::Tone::Derived, Some(note)) => match locale {
            Locale::Zh => format!("{}（{note}）", r.value_text),
            Locale::En => format!("{} ({note})", r.value_text),
        },
        _ => format::stated_text(ds, i, locale),
    }
}

impl State {
    fn detail(&self, hit: usize) -> Option<Detail> {
        let (row, target) = self.row_target(hit)?;
        let r = self.spec.as_ref()?.rows().nth(row)?;
        let d = match target {
            Target::Indicator(i) => {
                let ind = self.ds.indicators().get(*i)?;
                Detail {
                    label: match r.tone {
                        view::Tone::Derived => format!("{} · {}", format::label(ind, self.opts.locale), r.label),
                        _ => r.label.clone(),
                    },
                    value: row_value(&self.ds, r, *i, self.opts.locale),
                    sentence: Some(self.ds.sentence(ind, 60)).filter(|_| !ind.quote.is_empty()),
                    section: view::section_title(&self.ds, &ind.section, self.opts.locale),
                }
            }
            Target::Section(_) => Detail {
                label: r.label.clone(),
                value: r.value_text.clone(),
                sentence: r.note.clone().filter(|n| !n.is_empty()).map(|n| (String::new(), n, String::new())),
                section: String::new(),
            },
        };
        Some(d)
    }

    /// Shows the tooltip for a row, pointing at `at` (the pointer) or at the bar's end.
    /// Its text is built and measured when the row changes; a move within the row only
    /// places it (two style writes, no layout read).
    pub(super) fn show_tooltip(&mut self, hit: usize, at: Option<(f64, f64)>) {
        if self.tip_row != Some(hit) {
            let Some(d) = self.detail(hit) else { return };
            self.fill_tooltip(&d);
            self.tip_size = self.measure_tooltip();
            self.tip_row = Some(hit);
        }
        self.place_tooltip(hit, at);
    }

    /// Shows the tooltip at the chart's corner and reads its size.
    fn measure_tooltip(&self) -> (f64, f64) {
        let Some(scene) = self.scene.as_ref() else { return (0.0, 0.0) };
        let max_w = clamp(scene.width - 16.0, 80.0, TOOLTIP_MAX_WIDTH);
        css(&self.el.tooltip, &[("display", "block"), ("max-width", &px(max_w)), ("left", "0px"), ("top", "0px")]);
        (self.el.tooltip.offset_width() as f64, self.el.tooltip.offset_height() as f64)
    }

    fn fill_tooltip(&self, d: &Detail) {
        let (quoted, (before, mid, after)) = match &d.sentence {
            Some((b, m, a)) => (true, (b.as_str(), m.as_str(), a.as_str())),
            None => (false, ("", "", "")),
        };
        fill_tooltip(&self.el.tooltip, &d.label, &d.value, quoted, before, mid, after, &d.section);
    }

    /// Places the tooltip measured for this row (`tip_size`, taken when its text was built;
    /// every render forgets it), so a pointer move reads no layout.
    fn place_tooltip(&self, hit: usize, at: Option<(f64, f64)>) {
        let Some(scene) = self.scene.as_ref() else { return };
        let size = self.tip_size;
        let anchor = at.or_else(|| scene.hit(hit).map(|h| h.anchor)).unwrap_or((0.0, 0.0));
        let (x, y) = if self.pinned == Some(hit) && self.hover.is_none() {
            // A finger's: above it (it covers what is below), on the part of the chart on screen.
            touch::place_detail(anchor, size, scene.width, self.on_screen())
        } else {
            layout::place_tooltip(anchor, size, (scene.width, self.size.1))
        };
        let (ox, oy) = match self.el.root {
            Some(_) => (0.0, 0.0),
            None => (self.el.canvas.offset_left() as f64, self.el.canvas.offset_top() as f64),
        };
        css(&self.el.tooltip, &[("display", "block"), ("left", &px(x + ox)), ("top", &px(y + oy))]);
    }

    /// The part of the chart on screen: its top and bottom in chart CSS px.
    fn on_screen(&self) -> (f64, f64) {
        let r = self.el.canvas.get_bounding_client_rect();
        let vh =
            web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(f64::INFINITY);
        let h = self.size.1;
        let scale = if r.height() > 0.0 { h / r.height() } else { 1.0 };
        let top = clamp(-r.top() * scale, 0.0, h);
        let bottom = clamp((vh - r.top()) * scale, top, h);
        (top, bottom)
    }

    /// Hides the tooltip.
    pub(super) fn hide_tooltip(&mut self) {
        css(&self.el.tooltip, &[("display", "none")]);
    }

    /// The tooltip goes back to the pinned detail or the focused row when the pointer has
    /// none, or goes.
    pub(super) fn tooltip_to_focus(&mut self) {
        match (self.pinned, self.focus) {
            (Some(p), _) => self.show_tooltip(p, self.pin_at),
            (None, Some(f)) => self.show_tooltip(f, None),
            (None, None) => self.hide_tooltip(),
        }
    }

    /// Moves the keyboard focus to a row, as arrow keys and `select(id)` do: highlight,
    /// tooltip at the bar, and the live region reads it.
    pub(super) fn focus_row(&mut self, hit: usize) {
        self.focus = Some(hit);
        self.hover = None;
        (self.pinned, self.pin_at) = (None, None);
        let _ = self.compose();
        self.show_tooltip(hit, None);
        self.announce(hit);
    }

    /// Clears the focus: no highlight, no tooltip.
    pub(super) fn clear_focus(&mut self) {
        self.focus = None;
        (self.pinned, self.pin_at) = (None, None);
        let _ = self.compose();
        self.hide_tooltip();
    }

    /// The live region reads a row: "第3项，共8项：…".
    pub(super) fn announce(&self, hit: usize) {
        let Some(d) = self.detail(hit) else { return };
        let n = self.scene.as_ref().map(|s| s.hit_count()).unwrap_or(0);
        let text = match self.opts.locale {
            Locale::Zh => format!("第{}项，共{n}项：{}，{}", hit + 1, d.label, d.value),
            Locale::En => format!("{} of {n}: {}, {}", hit + 1, d.label, d.value),
        };
        self.el.live.set_text_content(Some(&text));
    }

    /// The live region says the selection was cleared.
    pub(super) fn announce_cleared(&self) {
        let text = match self.opts.locale {
            Locale::Zh => "已清除选择",
            Locale::En => "Selection cleared",
        };
        self.el.live.set_text_content(Some(text));
    }

    /// The table of the rows: visually hidden for screen readers (the canvas's
    /// description), or shown under the chart with the `table` option.
    pub(super) fn fill_table(&self) {
        let t: &Element = self.el.table.as_ref();
        self.show_table(self.opts.table);
        let Some(spec) = self.spec.as_ref() else {
            table_caption(t, "", false);
            table_end(t, 0);
            return;
        };
        let zh = self.opts.locale == Locale::Zh;
        let total = spec.row_count();
        let more = match (total > TABLE_MAX_ROWS, zh) {
            (false, _) => String::new(),
            (true, true) => format!("（列出前{TABLE_MAX_ROWS}项，共{total}项；全部数据可导出 CSV）"),
            (true, false) => format!(" (first {TABLE_MAX_ROWS} of {total} rows; export CSV for all)"),
        };
        table_caption(t, &format!("{} — {}{more}", spec.title, spec.subtitle), self.opts.table);
        let head = if zh { ["指标", "数值", "原文"] } else { ["Indicator", "Value", "Source sentence"] };
        self.table_row(t, 0, head, "col");
        let mut n = 1;
        for r in spec.rows().take(TABLE_MAX_ROWS) {
            let (value, quote) = match &r.target {
                Target::Indicator(i) => match self.ds.indicators().get(*i) {
                    Some(ind) => (row_value(&self.ds, r, *i, self.opts.locale), ind.quote.clone()),
                    None => Default::default(),
                },
                Target::Section(_) => (r.value_text.clone(), r.note.clone().unwrap_or_default()),
            };
            self.table_row(t, n, [&r.label, &value, &quote], "row");
            n += 1;
        }
        table_end(t, n);
    }

    /// Shows the table under the chart or hides it for screen readers only. Shown, it is
    /// in the reading order, so the canvas no longer points at it (aria-describedby):
    /// a screen reader would read every row twice.
    fn show_table(&self, visible: bool) {
        let canvas = &self.el.canvas;
        table_style(&self.el.table, visible);
        let _ = if visible {
            canvas.remove_attribute("aria-describedby")
        } else {
            canvas.set_attribute("aria-describedby", &self.el.table.id())
        };
    }

    /// One row of the table (see `tableRow` in dom.js); the cells are styled only when
    /// the table is shown.
    fn table_row(&self, table: &Element, at: usize, cells: [&str; 3], scope: &str) {
        let line = if self.opts.table { format!("1px solid {}", Theme::css(self.theme().grid)) } else { String::new() };
        table_row(table, at, scope, &line, cells[0], cells[1], cells[2]);
    }
}
