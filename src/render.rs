//! Painting a laid-out [`Scene`] onto any plotters [`DrawingBackend`]: the canvas in
//! the browser, SVG or a bitmap in native tests. Owns the themes (colours by role)
//! and the hover/focus highlight. Coordinates arrive in CSS pixels and are scaled by
//! the device-pixel ratio here, so text and lines stay sharp on every screen.

use crate::layout::{HAlign, Paint, Role, Scene, VAlign};
use crate::view::Tone;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Fonts that carry Chinese on every major system, then the generic fallback.
pub const FONT_FAMILY: &str =
    "system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";

/// Colours by role. Bars use the Okabe–Ito palette (blue for decreases, vermillion
/// for increases, bluish green for money), which stays distinguishable with the
/// common colour-vision deficiencies; every bar colour has at least 3:1 contrast
/// against its background.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// A dark background (light text).
    pub dark: bool,
    /// The chart's background.
    pub background: RGBColor,
    /// Titles, labels and values.
    pub text: RGBColor,
    /// Subtitles, notes and tick labels.
    pub muted: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// The zero line.
    pub zero: RGBColor,
    /// A reference line (100% in the rates view).
    pub reference: RGBColor,
    /// Bars of decreases.
    pub decrease: RGBColor,
    /// Bars of increases.
    pub increase: RGBColor,
    /// Bars that are neither (counts, rates).
    pub neutral: RGBColor,
    /// Bars of amounts of money.
    pub money: RGBColor,
    /// The part of a rate past its reference (over 100%).
    pub over: RGBColor,
}

impl Theme {
    /// Colours on a light background.
    pub const LIGHT: Theme = Theme {
        dark: false,
        background: RGBColor(255, 255, 255),
        text: RGBColor(31, 35, 40),
        muted: RGBColor(87, 96, 106),
        grid: RGBColor(230, 232, 235),
        zero: RGBColor(110, 118, 129),
        reference: RGBColor(87, 96, 106),
        decrease: RGBColor(0, 114, 178),
        increase: RGBColor(213, 94, 0),
        neutral: RGBColor(0, 114, 178),
        money: RGBColor(0, 133, 98),
        over: RGBColor(213, 94, 0),
    };
    /// Colours on a dark background.
    pub const DARK: Theme = Theme {
        dark: true,
        background: RGBColor(22, 24, 29),
        text: RGBColor(230, 237, 243),
        muted: RGBColor(157, 167, 179),
        grid: RGBColor(45, 51, 59),
        zero: RGBColor(139, 148, 158),
        reference: RGBColor(157, 167, 179),
        decrease: RGBColor(86, 180, 233),
        increase: RGBColor(230, 159, 0),
        neutral: RGBColor(86, 180, 233),
        money: RGBColor(0, 158, 115),
        over: RGBColor(230, 159, 0),
    };

    /// The colour of a paint role.
    pub fn color(&self, role: Role) -> RGBColor {
        match role {
            Role::Text => self.text,
            Role::Muted => self.muted,
            Role::Grid => self.grid,
            Role::Zero => self.zero,
            Role::Reference => self.reference,
            Role::Over => self.over,
            Role::Bar(Tone::Decrease) => self.decrease,
            Role::Bar(Tone::Increase) => self.increase,
            Role::Bar(Tone::Neutral) => self.neutral,
            Role::Bar(Tone::Money) => self.money,
            // Pale: a derived value, not one the report states (the compare view).
            Role::Bar(Tone::Derived) => mix(self.neutral, self.background, 0.45),
            Role::Range(t) => mix(self.color(Role::Bar(t)), self.background, 0.5),
        }
    }

    /// CSS colour strings for the DOM parts (tooltip, focus ring).
    pub fn css(c: RGBColor) -> String {
        format!("rgb({},{},{})", c.0, c.1, c.2)
    }
}

/// The system colours of a forced-colours mode (Windows high contrast), as the browser
/// resolves them: the only colours such a reader has chosen to see.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SystemColors {
    /// `Canvas`: the background.
    pub canvas: RGBColor,
    /// `CanvasText`: text on it.
    pub canvas_text: RGBColor,
    /// `Highlight`: the selection colour.
    pub highlight: RGBColor,
    /// `GrayText`: disabled text, used here for grid lines only.
    pub gray_text: RGBColor,
}

impl Theme {
    /// A theme in the reader's system colours. Text stays `CanvasText` (GrayText is too
    /// faint for reading in some high-contrast themes); decreases and other bars are
    /// `Highlight`, increases and the part past 100% `CanvasText`, so the two directions
    /// still differ without hue; grid lines are `GrayText`.
    pub fn forced(c: SystemColors) -> Theme {
        let luma = |x: RGBColor| 0.2126 * x.0 as f64 + 0.7152 * x.1 as f64 + 0.0722 * x.2 as f64;
        Theme {
            dark: luma(c.canvas) < 128.0,
            background: c.canvas,
            text: c.canvas_text,
            muted: c.canvas_text,
            grid: c.gray_text,
            zero: c.canvas_text,
            reference: c.canvas_text,
            decrease: c.highlight,
            increase: c.canvas_text,
            neutral: c.highlight,
            money: c.highlight,
            over: c.canvas_text,
        }
    }
}

/// `a` blended over `b`: `t` = 1 gives `a`.
fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let m = |x: u8, y: u8| (x as f64 * t + y as f64 * (1.0 - t)).round() as u8;
    RGBColor(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

fn px(v: f64, dpr: f64) -> i32 {
    let d = (v * dpr).round();
    d.clamp(-1e7, 1e7) as i32
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Paints the whole scene: background, then every primitive in order.
pub fn paint<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scene: &Scene,
    theme: &Theme,
    dpr: f64,
) -> DrawResult<DB> {
    area.fill(&theme.background)?;
    for p in &scene.paints {
        paint_one(area, p, theme, dpr)?;
    }
    Ok(())
}

fn paint_one<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, p: &Paint, theme: &Theme, dpr: f64) -> DrawResult<DB> {
    match p {
        Paint::Rect { x0, y0, x1, y1, role } => {
            let c = theme.color(*role);
            area.draw(&Rectangle::new([(px(*x0, dpr), px(*y0, dpr)), (px(*x1, dpr), px(*y1, dpr))], c.filled()))
        }
        Paint::Line { x0, y0, x1, y1, role, width, dashed } => {
            let c = theme.color(*role);
            let w = ((width * dpr).round() as u32).max(1);
            let style = ShapeStyle { color: c.to_rgba(), filled: false, stroke_width: w };
            let pts = vec![(px(*x0, dpr), px(*y0, dpr)), (px(*x1, dpr), px(*y1, dpr))];
            if *dashed {
                let dash = px(4.0, dpr).max(1);
                area.draw(&DashedPathElement::new(pts, dash, dash, style))
            } else {
                area.draw(&PathElement::new(pts, style))
            }
        }
        Paint::Text { x, y, text, size, bold, role, h, v } => {
            if text.is_empty() {
                return Ok(());
            }
            let c = theme.color(*role);
            let style = if *bold { FontStyle::Bold } else { FontStyle::Normal };
            let font = FontDesc::new(FontFamily::Name(FONT_FAMILY), size * dpr, style);
            let hp = match h {
                HAlign::Left => HPos::Left,
                HAlign::Center => HPos::Center,
                HAlign::Right => HPos::Right,
            };
            let vp = match v {
                VAlign::Top => VPos::Top,
                VAlign::Middle => VPos::Center,
                VAlign::Bottom => VPos::Bottom,
            };
            let ts = TextStyle::from(font).color(&c).pos(Pos::new(hp, vp));
            area.draw(&Text::new(text.as_str(), (px(*x, dpr), px(*y, dpr)), ts))
        }
    }
}

/// Paints the highlight of one row over an already painted scene: a faint band across
/// the row and a 2-pixel outline around its bar (or a marker where there is no bar).
pub fn paint_highlight<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scene: &Scene,
    hit: usize,
    theme: &Theme,
    dpr: f64,
) -> DrawResult<DB> {
    let Some(mut h) = scene.hit(hit) else { return Ok(()) };
    // Dense rows can be thinner than a pixel: highlight at least 4 px around the row.
    if h.y1 - h.y0 < 4.0 {
        let c = (h.y0 + h.y1) / 2.0;
        h.y0 = c - 2.0;
        h.y1 = c + 2.0;
        if let Some(b) = h.bar.as_mut() {
            b[1] = h.y0;
            b[3] = h.y1;
        }
    }
    let band = theme.text.mix(if theme.dark { 0.10 } else { 0.06 });
    area.draw(&Rectangle::new([(0, px(h.y0, dpr)), (px(scene.width, dpr), px(h.y1, dpr))], band.filled()))?;
    let w = ((2.0 * dpr).round() as u32).max(1);
    let outline = ShapeStyle { color: theme.text.to_rgba(), filled: false, stroke_width: w };
    match h.bar {
        Some([x0, y0, x1, y1]) => {
            let o = 1.0;
            area.draw(&Rectangle::new(
                [(px(x0 - o, dpr), px(y0 - o, dpr)), (px(x1 + o, dpr), px(y1 + o, dpr))],
                outline,
            ))
        }
        None => {
            let (ax, ay) = h.anchor;
            area.draw(&Rectangle::new(
                [(px(ax - 2.0, dpr), px(ay - 7.0, dpr)), (px(ax, dpr), px(ay + 7.0, dpr))],
                theme.text.filled(),
            ))
        }
    }
}
