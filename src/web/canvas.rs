//! The canvas: its backing-store size, its 2D context, text measured by the canvas's own
//! font engine, and the plotters backend the renderer draws through.

use crate::layout::{self, Measure};
use crate::render::FONT_FAMILY;
use plotters_canvas::CanvasBackend;
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
            self.0.set_font(&format!("{} {}px {}", if bold { "bold" } else { "normal" }, px, FONT_FAMILY));
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

/// plotters' canvas backend with one shortcut: a run of filled rectangles of one colour
/// (the bars, above all in dense mode, where layout groups them by colour) sets the
/// canvas's fill colour once instead of formatting and parsing a CSS colour for every
/// rectangle. Everything else is plotters-canvas's own drawing.
pub(super) struct Canvas2d {
    inner: CanvasBackend,
    ctx: CanvasRenderingContext2d,
    /// The fill colour last set by `draw_rect`; any other call may change the canvas's
    /// fill, so it forgets it.
    fill: Option<((u8, u8, u8), f64)>,
}

impl Canvas2d {
    pub(super) fn new(canvas: &HtmlCanvasElement) -> Result<Canvas2d, String> {
        let ctx = context(canvas)?;
        let inner = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("the browser gave no 2D canvas context")?;
        Ok(Canvas2d { inner, ctx, fill: None })
    }
}

type CanvasResult =
    Result<(), plotters_backend::DrawingErrorKind<<CanvasBackend as plotters_backend::DrawingBackend>::ErrorType>>;

impl plotters_backend::DrawingBackend for Canvas2d {
    type ErrorType = <CanvasBackend as plotters_backend::DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }
    fn ensure_prepared(&mut self) -> CanvasResult {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> CanvasResult {
        self.inner.present()
    }
    fn draw_pixel(&mut self, p: plotters_backend::BackendCoord, c: plotters_backend::BackendColor) -> CanvasResult {
        self.fill = None;
        self.inner.draw_pixel(p, c)
    }
    fn draw_line<S: plotters_backend::BackendStyle>(
        &mut self,
        a: plotters_backend::BackendCoord,
        b: plotters_backend::BackendCoord,
        s: &S,
    ) -> CanvasResult {
        self.fill = None;
        self.inner.draw_line(a, b, s)
    }
    fn draw_rect<S: plotters_backend::BackendStyle>(
        &mut self,
        a: plotters_backend::BackendCoord,
        b: plotters_backend::BackendCoord,
        s: &S,
        fill: bool,
    ) -> CanvasResult {
        let c = s.color();
        if !fill || c.alpha == 0.0 {
            self.fill = None;
            return self.inner.draw_rect(a, b, s, fill);
        }
        if self.fill != Some((c.rgb, c.alpha)) {
            let (r, g, bl) = c.rgb;
            self.ctx.set_fill_style_str(&format!("rgba({r},{g},{bl},{})", c.alpha));
            self.fill = Some((c.rgb, c.alpha));
        }
        self.ctx.fill_rect(a.0 as f64, a.1 as f64, (b.0 - a.0) as f64, (b.1 - a.1) as f64);
        Ok(())
    }
    fn draw_path<S: plotters_backend::BackendStyle, I: IntoIterator<Item = plotters_backend::BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> CanvasResult {
        self.fill = None;
        self.inner.draw_path(path, s)
    }
    fn draw_circle<S: plotters_backend::BackendStyle>(
        &mut self,
        c: plotters_backend::BackendCoord,
        r: u32,
        s: &S,
        fill: bool,
    ) -> CanvasResult {
        self.fill = None;
        self.inner.draw_circle(c, r, s, fill)
    }
    fn fill_polygon<S: plotters_backend::BackendStyle, I: IntoIterator<Item = plotters_backend::BackendCoord>>(
        &mut self,
        v: I,
        s: &S,
    ) -> CanvasResult {
        self.fill = None;
        self.inner.fill_polygon(v, s)
    }
    fn draw_text<S: plotters_backend::BackendTextStyle>(
        &mut self,
        text: &str,
        s: &S,
        pos: plotters_backend::BackendCoord,
    ) -> CanvasResult {
        self.fill = None;
        self.inner.draw_text(text, s, pos)
    }
    fn estimate_text_size<S: plotters_backend::BackendTextStyle>(
        &self,
        text: &str,
        s: &S,
    ) -> Result<(u32, u32), plotters_backend::DrawingErrorKind<Self::ErrorType>> {
        self.inner.estimate_text_size(text, s)
    }
}
