//! The canvas: its backing-store size, its 2D context, text measured by the canvas's own
//! font engine, and the plotters backend the renderer draws through.

use crate::format::trim_decimals;
use crate::layout::{self, Measure};
use crate::render::FONT_FAMILY;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontTransform,
};
use std::cell::Cell;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Text width from the canvas's own font engine, so labels fit exactly. The font is set
/// only when it changes (the canvas parses it each time).
pub(super) struct CanvasMeasure(CanvasRenderingContext2d, Cell<(f64, bool)>);

impl CanvasMeasure {
    pub(super) fn new(ctx: CanvasRenderingContext2d) -> Self {
        CanvasMeasure(ctx, Cell::new((f64::NAN, false)))
    }
}

impl Measure for CanvasMeasure {
    fn text_width(&self, text: &str, px: f64, bold: bool) -> f64 {
        if self.1.get() != (px, bold) {
            self.0.set_font(&format!(
                "{} {}px {}",
                if bold { "bold" } else { "normal" },
                trim_decimals(px, 4),
                FONT_FAMILY
            ));
            self.1.set((px, bold));
        }
        match self.0.measure_text(text) {
            Ok(m) => m.width(),
            Err(_) => layout::ApproxMeasure.text_width(text, px, bold),
        }
    }
}

/// Gives a canvas this backing-store size (setting a size clears the canvas, even the same
/// size, so only on a change).
pub(super) fn size_canvas(c: &HtmlCanvasElement, w: u32, h: u32) {
    if c.width() != w {
        c.set_width(w);
    }
    if c.height() != h {
        c.set_height(h);
    }
}

/// The canvas's 2D context, or a message when the browser gives none.
pub(super) fn context(c: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, String> {
    c.get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| "the browser gave no 2D canvas context".to_string())
}

/// The plotters backend on a canvas's 2D context (what plotters-canvas did, in fewer
/// bytes: colours and fonts are written without core's float formatting), with one
/// shortcut: a run of filled rectangles of one colour (the bars, above all in dense mode,
/// where layout groups them by colour) sets the canvas's fill colour once instead of
/// formatting and parsing a CSS colour for every rectangle.
pub(super) struct Canvas2d {
    canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    /// The fill colour last set; any other call may change the canvas's fill, so it
    /// forgets it.
    fill: Option<((u8, u8, u8), f64)>,
}

impl Canvas2d {
    pub(super) fn new(canvas: &HtmlCanvasElement) -> Result<Canvas2d, String> {
        let ctx = context(canvas)?;
        Ok(Canvas2d { canvas: canvas.clone(), ctx, fill: None })
    }

    fn set_fill(&mut self, c: BackendColor) {
        if self.fill != Some((c.rgb, c.alpha)) {
            self.ctx.set_fill_style_str(&css_color(c));
            self.fill = Some((c.rgb, c.alpha));
        }
    }

    fn set_stroke<S: BackendStyle>(&mut self, s: &S) {
        self.ctx.set_stroke_style_str(&css_color(s.color()));
        self.ctx.set_line_width(f64::from(s.stroke_width()));
    }

    /// A path through `points`, begun and (for polygons) closed.
    fn path(&self, points: impl IntoIterator<Item = BackendCoord>, close: bool) {
        self.ctx.begin_path();
        let mut points = points.into_iter();
        if let Some(p) = points.next() {
            self.ctx.move_to(f64::from(p.0), f64::from(p.1));
            for p in points {
                self.ctx.line_to(f64::from(p.0), f64::from(p.1));
            }
            if close {
                self.ctx.close_path();
            }
        }
    }
}

/// `rgba(r,g,b,a)` for the canvas.
fn css_color(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    format!("rgba({r},{g},{b},{})", trim_decimals(c.alpha, 4))
}

/// A canvas call that failed (the browser threw), for plotters.
#[derive(Debug)]
pub(super) struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanvasError {}

fn canvas_error(e: wasm_bindgen::JsValue) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError(super::js_msg(&e)))
}

type CanvasResult = Result<(), DrawingErrorKind<CanvasError>>;

impl DrawingBackend for Canvas2d {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        (self.canvas.width(), self.canvas.height())
    }
    fn ensure_prepared(&mut self) -> CanvasResult {
        Ok(())
    }
    fn present(&mut self) -> CanvasResult {
        Ok(())
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> CanvasResult {
        if c.alpha > 0.0 {
            self.set_fill(c);
            self.ctx.fill_rect(f64::from(p.0), f64::from(p.1), 1.0, 1.0);
        }
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, s: &S) -> CanvasResult {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        // Vertical and horizontal lines on the half pixel, so they are not blurred (as
        // plotters-canvas placed them).
        let (mut a, mut b) = ((f64::from(a.0), f64::from(a.1)), (f64::from(b.0), f64::from(b.1)));
        if a.0 == b.0 {
            a.0 -= 0.5;
            b.0 -= 0.5;
        }
        if a.1 == b.1 {
            a.1 -= 0.5;
            b.1 -= 0.5;
        }
        self.set_stroke(s);
        self.ctx.begin_path();
        self.ctx.move_to(a.0, a.1);
        self.ctx.line_to(b.0, b.1);
        self.ctx.stroke();
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, s: &S, fill: bool) -> CanvasResult {
        let c = s.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let (x, y, w, h) = (f64::from(a.0), f64::from(a.1), f64::from(b.0 - a.0), f64::from(b.1 - a.1));
        if fill {
            self.set_fill(c);
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.set_stroke(s);
            self.ctx.stroke_rect(x, y, w, h);
        }
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, s: &S) -> CanvasResult {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        self.set_stroke(s);
        self.path(path, false);
        self.ctx.stroke();
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, s: &S, fill: bool) -> CanvasResult {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        if fill {
            self.set_fill(s.color());
        } else {
            self.set_stroke(s);
        }
        self.ctx.begin_path();
        self.ctx.arc(f64::from(c.0), f64::from(c.1), f64::from(r), 0.0, std::f64::consts::TAU).map_err(canvas_error)?;
        if fill {
            self.ctx.fill();
        } else {
            self.ctx.stroke();
        }
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, v: I, s: &S) -> CanvasResult {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        self.set_fill(s.color());
        self.path(v, true);
        self.ctx.fill();
        Ok(())
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, s: &S, pos: BackendCoord) -> CanvasResult {
        let color = s.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let turn = match s.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 0.25,
            FontTransform::Rotate180 => 0.5,
            FontTransform::Rotate270 => 0.75,
        };
        let (mut x, mut y) = (f64::from(pos.0), f64::from(pos.1));
        if turn != 0.0 {
            self.ctx.save();
            self.ctx.translate(x, y).map_err(canvas_error)?;
            self.ctx.rotate(turn * std::f64::consts::TAU).map_err(canvas_error)?;
            (x, y) = (0.0, 0.0);
        }
        self.ctx.set_text_baseline(match s.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        self.ctx.set_text_align(match s.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        });
        self.set_fill(color);
        self.ctx.set_font(&format!("{} {}px {}", s.style().as_str(), trim_decimals(s.size(), 4), s.family().as_str()));
        self.ctx.fill_text(text, x, y).map_err(canvas_error)?;
        if turn != 0.0 {
            self.ctx.restore();
            // restore() gives back the fill colour of before save().
            self.fill = None;
        }
        Ok(())
    }
}
