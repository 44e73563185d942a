//! One chart's state: its data, options and elements, the view and scene it shows, and
//! the drawing — the render (view and layout, painted on the canvas), the hover layer, and
//! the work put off until the chart is on screen.

use super::canvas::{context, size_canvas, Canvas2d, CanvasMeasure};
use super::dom::{css, px, Parts};
use super::events::Listeners;
use super::options::{HeightMode, Options, ThemeChoice};
use super::touch::Finger;
use super::{js_msg, object, ERROR_AREAS, PREFIX};
use crate::dirty::Dirty;
use crate::format::Locale;
use crate::layout::{self, Frame, Scene};
use crate::model::{Dataset, Indicator, Section};
use crate::render::{self, Theme};
use crate::view::{self, ChartSpec, Target};
use plotters::prelude::IntoDrawingArea;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, MediaQueryList};

/// The device ratio a chart is drawn at for print: 3 backing-store pixels per CSS pixel is
/// 288 dpi on paper (a CSS pixel is 1/96 in), sharp at a printer's resolution.
const PRINT_DPR: f64 = 3.0;
/// The longest canvas side drawn for print: Chromium refuses canvases over 32,767 pixels a side.
const PRINT_MAX_SIDE: f64 = 32_000.0;

/// A chart's state, shared by its handle and its listeners; `None` once destroyed.
pub(super) type Shared = Rc<RefCell<Option<State>>>;

/// Page callbacks to call, with their argument, once the state is released.
pub(super) type Calls = Vec<(js_sys::Function, JsValue)>;

/// Calls page callbacks; one that throws is reported and does not stop the others.
pub(super) fn dispatch(calls: Calls) {
    for (f, arg) in calls {
        if let Err(e) = f.call1(&JsValue::NULL, &arg) {
            web_sys::console::error_2(&format!("{PREFIX}: an event handler threw:").into(), &e);
        }
    }
}

/// An indicator as page callbacks receive it: the fields of the dataset's schema, in its
/// order, as `serde_wasm_bindgen` wrote them (`repeat_of` only when set). Built with
/// `Reflect::set` rather than serde: serde's serializer cost the widget's wasm about 9 kB.
fn indicator_js(ind: &Indicator) -> JsValue {
    let span = ind
        .span
        .map_or(JsValue::NULL, |[a, b]| js_sys::Array::of2(&JsValue::from(a as f64), &JsValue::from(b as f64)).into());
    let o = object(&[
        ("id", ind.id.as_str().into()),
        ("section", ind.section.as_str().into()),
        ("label", ind.label.as_str().into()),
        ("label_en", ind.label_en.as_str().into()),
        ("value", ind.value.into()),
        ("unit", ind.unit.as_str().into()),
        ("kind", ind.kind.as_str().into()),
        ("approx", ind.approx.into()),
        ("quote", ind.quote.as_str().into()),
        ("span", span),
    ]);
    if let Some(r) = &ind.repeat_of {
        let _ = js_sys::Reflect::set(&o, &"repeat_of".into(), &r.as_str().into());
    }
    o
}

/// A section as page callbacks receive it (`title_en` only when it has one).
fn section_js(s: &Section) -> JsValue {
    let o = object(&[("id", s.id.as_str().into()), ("title", s.title.as_str().into())]);
    if !s.title_en.is_empty() {
        let _ = js_sys::Reflect::set(&o, &"title_en".into(), &s.title_en.as_str().into());
    }
    let _ = js_sys::Reflect::set(&o, &"parent".into(), &s.parent.as_deref().map_or(JsValue::NULL, JsValue::from));
    o
}

/// A pending job: waiting for the next animation frame, then for its task. Dropping it
/// cancels it.
#[allow(dead_code)]
pub(super) enum AfterPaint {
    Frame(gloo::render::AnimationFrame),
    Task(gloo::timers::callback::Timeout),
}

/// One chart.
pub(super) struct State {
    pub doc: Document,
    pub host: Element,
    /// The chart's elements.
    pub el: Parts,
    pub ds: Dataset,
    pub opts: Options,
    pub spec: Option<ChartSpec>,
    pub scene: Option<Scene>,
    pub dpr: f64,
    /// The chart's size in CSS pixels, as last drawn.
    pub size: (f64, f64),
    pub hover: Option<usize>,
    pub focus: Option<usize>,
    /// The row whose detail a touch pinned (see `touch.rs`), and where the finger was.
    pub pinned: Option<usize>,
    pub pin_at: Option<(f64, f64)>,
    /// The finger on the canvas now, followed for a tap or a scrub.
    pub finger: Option<Finger>,
    /// The last pointer down on the canvas was a finger: the click that follows is a tap.
    pub tapped: bool,
    /// A pointer down off the chart while a detail is pinned: its id and where (client px).
    pub outside: Option<(i32, (f64, f64))>,
    /// The row the tooltip holds now (filled once per row, placed on every move).
    pub tip_row: Option<usize>,
    /// The tooltip's size for `tip_row`, measured once when it was filled.
    pub tip_size: (f64, f64),
    pub handlers: Vec<(String, js_sys::Function)>,
    pub listeners: Option<Listeners>,
    pub frame: Option<gloo::render::AnimationFrame>,
    pub dark_query: Option<MediaQueryList>,
    /// Matches while the reader has forced colours on (Windows high contrast).
    pub forced_query: Option<MediaQueryList>,
    /// `(print)`: true while the page is laid out for printing.
    pub print_query: Option<MediaQueryList>,
    /// Printing: drawn at a print device ratio, in light colours (see `events::State::on_print`).
    pub printing: bool,
    warned: bool,
    pub dirty: Dirty,
    /// The pending work after a render (see `schedule_after_paint`).
    after_paint: Option<AfterPaint>,
    /// This state's own cell, for jobs that run later.
    pub me: Weak<RefCell<Option<State>>>,
}

impl State {
    /// A chart's state with its elements built in `host`; nothing drawn yet.
    pub(super) fn new(
        doc: &Document,
        host: &Element,
        ds: Dataset,
        opts: Options,
        shared: &Shared,
    ) -> Result<State, JsValue> {
        let window = web_sys::window().ok_or_else(|| super::err("mount: no window (is this a browser?)"))?;
        let p = Parts::build(host, opts.locale)?;
        ERROR_AREAS.with(|a| a.borrow_mut().push(p.error.clone()));
        let mut dirty = Dirty::NONE;
        dirty.mark(Dirty::VIEW);
        Ok(State {
            doc: doc.clone(),
            host: host.clone(),
            el: p,
            ds,
            opts,
            spec: None,
            scene: None,
            dpr: 1.0,
            size: (0.0, 0.0),
            hover: None,
            focus: None,
            pinned: None,
            pin_at: None,
            finger: None,
            tapped: false,
            outside: None,
            tip_row: None,
            tip_size: (0.0, 0.0),
            handlers: Vec::new(),
            listeners: None,
            frame: None,
            dark_query: window.match_media("(prefers-color-scheme: dark)").ok().flatten(),
            forced_query: window.match_media("(forced-colors: active)").ok().flatten(),
            print_query: window.match_media("print").ok().flatten(),
            printing: false,
            warned: false,
            dirty,
            after_paint: None,
            me: Rc::downgrade(shared),
        })
    }

    /// The colours in force: the reader's forced colours (high contrast) above all, then
    /// light on paper, then the option, or the reader's light or dark setting.
    pub(super) fn theme(&self) -> Theme {
        if self.forced_query.as_ref().is_some_and(|q| q.matches()) {
            if let Some(c) = super::dom::system_colors(&self.el.live) {
                return Theme::forced(c);
            }
        }
        if self.printing {
            return Theme::LIGHT;
        }
        let dark = match self.opts.theme {
            ThemeChoice::Light => false,
            ThemeChoice::Dark => true,
            ThemeChoice::Auto => self.dark_query.as_ref().is_some_and(|q| q.matches()),
        };
        if dark {
            Theme::DARK
        } else {
            Theme::LIGHT
        }
    }

    /// The highlighted row: under the mouse, else the pinned detail's, else the focused one.
    pub(super) fn active_row(&self) -> Option<usize> {
        self.hover.or(self.pinned).or(self.focus)
    }

    /// Builds the view again from the data and options.
    pub(super) fn rebuild(&mut self) -> Result<(), String> {
        let spec = view::build(&self.ds, &self.opts.view, self.opts.locale).map_err(|e| e.to_string())?;
        self.set_spec(spec);
        Ok(())
    }

    /// A new chart: forget the highlighted row, and the table must follow.
    pub(super) fn set_spec(&mut self, mut spec: ChartSpec) {
        if !self.opts.source {
            spec.footer.clear();
        }
        self.spec = Some(spec);
        self.hover = None;
        self.focus = None;
        (self.pinned, self.pin_at) = (None, None);
        self.tip_row = None;
        self.dirty.take(Dirty::VIEW);
        self.dirty.mark(Dirty::LAYOUT | Dirty::TABLE);
    }

    /// New data; a section filter the new data lacks is dropped. The view is built at the
    /// next render.
    pub(super) fn replace_data(&mut self, ds: Dataset) {
        if self.opts.view.section.as_ref().is_some_and(|s| ds.section(s).is_none()) {
            self.opts.view.section = None;
        }
        self.ds = ds;
        self.dirty.mark(Dirty::VIEW);
    }

    /// The box the chart fills, in CSS pixels: width, and a fixed height if any.
    pub(super) fn measure_box(&self) -> (f64, Option<f64>) {
        let target: &Element = match &self.el.root {
            Some(r) => r.as_ref(),
            None => self.el.canvas.as_ref(),
        };
        // Chromium and Firefox scale client rects by CSS zoom and say by how much in
        // currentCSSZoom; WebKit (2.50) neither scales them nor has currentCSSZoom. Under
        // `zoom: 1.5` at dpr 2 a 837.33 px box then measured 1256 px, and offsetWidth's
        // whole 837 px drew a 1674 px backing store where WebKit drew 1675.
        let zoom = js_sys::Reflect::get(target, &JsValue::from_str("currentCSSZoom"))
            .ok()
            .and_then(|z| z.as_f64())
            .filter(|z| z.is_finite() && *z > 0.0)
            .unwrap_or(1.0);
        let mut w = target.get_bounding_client_rect().width() / zoom;
        // Under transforms, client rects are scaled; offsetWidth is not.
        if let Some(h) = target.dyn_ref::<HtmlElement>() {
            let ow = h.offset_width() as f64;
            if ow > 0.0 && (ow - w).abs() > 1.0 {
                w = ow;
            }
        }
        let fixed = match self.opts.height {
            HeightMode::Auto => None,
            HeightMode::Fixed(h) => Some(h),
            HeightMode::Container => Some(self.host.client_height() as f64).filter(|&h| h > 0.0),
        };
        (w, fixed)
    }

    /// The device pixel ratio, kept within 1/8…8; while printing at least [`PRINT_DPR`], as
    /// far as the canvas's longer side stays within [`PRINT_MAX_SIDE`] backing-store pixels.
    pub(super) fn device_ratio(&self) -> f64 {
        let d = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0);
        let d = if d.is_finite() && d > 0.0 { d.min(8.0) } else { 1.0 };
        if !self.printing {
            return d;
        }
        let side = self.size.0.max(self.size.1).max(1.0);
        d.max(PRINT_DPR.min(PRINT_MAX_SIDE / side))
    }

    /// Does the chart need drawing again at its box's current size?
    pub(super) fn size_changed(&self) -> bool {
        let (w, fixed) = self.measure_box();
        (w - self.size.0).abs() > 0.5
            || self.device_ratio() != self.dpr
            || self.scene.is_none()
            || fixed.is_some_and(|h| (h - self.size.1).abs() > 0.5)
    }

    /// Lays out and paints: the pending view first, then the scene, on the visible canvas
    /// (or the base layer and composed, when a row is highlighted). Returns false when the
    /// element has no size yet (hidden or detached): the chart draws once it has one.
    pub(super) fn render(&mut self) -> Result<bool, String> {
        if self.dirty.has(Dirty::VIEW) || self.spec.is_none() {
            self.rebuild()?;
        }
        let (w, fixed) = self.measure_box();
        if w.is_nan() || w < 1.0 {
            self.warn_no_width();
            return Ok(false);
        }
        let dpr = self.device_ratio();
        let measure = CanvasMeasure::new(context(&self.el.base)?);
        let Some(spec) = self.spec.as_ref() else { return Ok(false) };
        let scene = layout::layout(spec, Frame { width: w, height: fixed, dpr }, self.opts.locale, &measure);
        let label = aria_label(self.opts.description.as_deref().unwrap_or(&spec.description), self.opts.locale);
        let h = scene.height.max(1.0);
        let (bw, bh) = ((w * dpr).round().max(1.0) as u32, (h * dpr).round().max(1.0) as u32);
        size_canvas(&self.el.canvas, bw, bh);
        // On paper the canvas keeps its proportions at whatever width the print layout gives
        // it, even one the chart could not measure before the page was printed.
        let css_h = if self.printing { "auto".to_string() } else { px(h) };
        css(&self.el.canvas, &[("height", &css_h)]);
        let rows = scene.hit_count();
        self.hover = self.hover.filter(|&i| i < rows);
        self.focus = self.focus.filter(|&i| i < rows);
        self.pinned = self.pinned.filter(|&i| i < rows);
        // With no row highlighted the chart is painted straight onto the visible canvas,
        // and the base layer when a highlight first needs it (see sync_base): a first render
        // or an update then costs one paint and no canvas copy.
        let highlighted = self.active_row().is_some();
        if highlighted {
            size_canvas(&self.el.base, bw, bh);
        }
        let theme = self.theme();
        let area = Canvas2d::new(if highlighted { &self.el.base } else { &self.el.canvas })?.into_drawing_area();
        render::paint(&area, &scene, &theme, dpr).map_err(|e| format!("drawing failed: {e}"))?;
        self.dirty.take(Dirty::LAYOUT);
        if highlighted {
            self.dirty.take(Dirty::BASE);
        } else {
            self.dirty.mark(Dirty::BASE);
        }
        (self.dpr, self.size, self.tip_row) = (dpr, (w, h), None);
        let _ = self.el.canvas.set_attribute("aria-label", &label);
        self.scene = Some(scene);
        self.style_dom(&theme);
        if highlighted {
            self.compose()?;
        }
        if self.dirty.has(Dirty::TABLE) {
            self.schedule_after_paint();
        }
        Ok(true)
    }

    fn warn_no_width(&mut self) {
        if !self.warned {
            self.warned = true;
            let msg = format!(
                "{PREFIX}: the element has no width yet (hidden, display:none or not in the page); \
                 the chart will draw when it gets one"
            );
            web_sys::console::warn_1(&msg.into());
        }
    }

    /// Makes the base layer hold the chart without highlight. A render with no row
    /// highlighted paints the visible canvas only; the base layer is painted from the
    /// same scene here, when a highlight or toPng first needs it. Never copied from the visible canvas: what
    /// shows there is the widget's only while nobody else draws on it.
    pub(super) fn sync_base(&mut self) -> Result<(), String> {
        if !self.dirty.has(Dirty::BASE) {
            return Ok(());
        }
        let Some(scene) = self.scene.as_ref() else { return Ok(()) };
        size_canvas(&self.el.base, self.el.canvas.width(), self.el.canvas.height());
        let area = Canvas2d::new(&self.el.base)?.into_drawing_area();
        render::paint(&area, scene, &self.theme(), self.dpr).map_err(|e| format!("drawing failed: {e}"))?;
        self.dirty.take(Dirty::BASE);
        Ok(())
    }

    /// Work that can wait until the chart just drawn is on screen, done in a task queued
    /// from the next animation frame: filling the screen-reader table (up to a thousand
    /// rows of hidden text cost a style and layout pass as long as the chart's own
    /// drawing: at 10,000 bars, about half of a first render). A screen reader finds the table a frame later. Several renders before
    /// then do the work once; a destroyed chart drops the pending job with its state.
    fn schedule_after_paint(&mut self) {
        if self.after_paint.is_some() {
            return;
        }
        let weak = self.me.clone();
        self.after_paint = Some(AfterPaint::Frame(gloo::render::request_animation_frame(move |_| {
            with_state(&weak, |st| {
                let weak = st.me.clone();
                let task = gloo::timers::callback::Timeout::new(0, move || with_state(&weak, State::run_deferred));
                st.after_paint = Some(AfterPaint::Task(task));
            });
        })));
    }

    /// The deferred work: the table. The base layer is painted when a highlight first
    /// needs it (`compose`), not after every render: data that changes faster than anyone
    /// hovers (updates in a row) then costs one paint per update, not two — measured at
    /// 10,000 bars, the base layer's paint was as long as the chart's own.
    fn run_deferred(&mut self) {
        self.after_paint = None;
        if self.dirty.take(Dirty::TABLE) {
            self.fill_table();
        }
    }

    /// The visible canvas: the base layer copied over, and the active row's highlight.
    /// Hover costs one image copy and one highlight, never a re-layout.
    pub(super) fn compose(&mut self) -> Result<(), String> {
        self.sync_base()?;
        let ctx = context(&self.el.canvas)?;
        ctx.set_global_composite_operation("copy").map_err(|e| js_msg(&e))?;
        ctx.draw_image_with_html_canvas_element(&self.el.base, 0.0, 0.0).map_err(|e| js_msg(&e))?;
        ctx.set_global_composite_operation("source-over").map_err(|e| js_msg(&e))?;
        if let (Some(i), Some(scene)) = (self.active_row(), self.scene.as_ref()) {
            let area = Canvas2d::new(&self.el.canvas)?.into_drawing_area();
            render::paint_highlight(&area, scene, i, &self.theme(), self.dpr)
                .map_err(|e| format!("drawing failed: {e}"))?;
        }
        Ok(())
    }

    fn style_dom(&self, theme: &Theme) {
        let bg = Theme::css(theme.background);
        let fg = Theme::css(theme.text);
        let border = Theme::css(theme.grid);
        css(&self.el.tooltip, &[("background", &bg), ("color", &fg), ("border", &format!("1px solid {border}"))]);
        if let Some(root) = &self.el.root {
            css(root, &[("background", &bg), ("color", &fg)]);
        }
    }

    /// The row of a hit region and what it points at.
    pub(super) fn row_target(&self, hit: usize) -> Option<(usize, &Target)> {
        let row = self.scene.as_ref()?.hit(hit)?.row;
        self.spec.as_ref()?.rows().nth(row).map(|r| (row, &r.target))
    }

    /// What page callbacks receive: `{ type, view, index, indicator, section }`, the last
    /// three null when no row is meant.
    fn payload(&self, kind: &str, hit: Option<usize>) -> JsValue {
        let (mut index, mut indicator, mut section) = (None, None, None);
        if let Some((row, target)) = hit.and_then(|h| self.row_target(h)) {
            index = Some(row);
            match target {
                Target::Indicator(i) => {
                    indicator = self.ds.indicators().get(*i);
                    section = indicator.and_then(|ind| self.ds.section(&ind.section));
                }
                Target::Section(s) => section = self.ds.section(s),
            }
        }
        object(&[
            ("type", kind.into()),
            ("view", self.opts.view.kind.as_str().into()),
            ("index", index.map_or(JsValue::NULL, |i| JsValue::from(i as f64))),
            ("indicator", indicator.map_or(JsValue::NULL, indicator_js)),
            ("section", section.map_or(JsValue::NULL, section_js)),
        ])
    }

    /// The page's handlers of `event`, each with the payload for the row of `hit`.
    pub(super) fn calls(&self, event: &str, hit: Option<usize>) -> Calls {
        let fns: Vec<js_sys::Function> =
            self.handlers.iter().filter(|(e, _)| e == event).map(|(_, f)| f.clone()).collect();
        if fns.is_empty() {
            return Vec::new();
        }
        let p = self.payload(event, hit);
        fns.into_iter().map(|f| (f, p.clone())).collect()
    }

    /// Shows a message in the chart's error box.
    pub(super) fn show_error(&self, msg: &str) {
        self.el.error.set_text_content(Some(msg));
        css(&self.el.error, &[("display", "block")]);
    }

    /// Hides the error box.
    pub(super) fn hide_error(&self) {
        css(&self.el.error, &[("display", "none")]);
        self.el.error.set_text_content(None);
    }

    /// Takes the chart off the page (`destroy()`): listeners and observer go with the
    /// state, elements the chart added are removed, a mounted canvas is given back.
    pub(super) fn teardown(mut self) {
        self.listeners = None;
        ERROR_AREAS.with(|a| a.borrow_mut().retain(|e| e != &self.el.error));
        self.el.remove();
    }
}

/// Runs `f` on a chart's state from a job that runs later, if the chart is still alive
/// and not busy.
pub(super) fn with_state(weak: &Weak<RefCell<Option<State>>>, f: impl FnOnce(&mut State)) {
    let Some(shared) = weak.upgrade() else { return };
    let Ok(mut g) = shared.try_borrow_mut() else { return };
    if let Some(st) = g.as_mut() {
        f(st);
    }
}

/// The canvas's accessible name: what the chart shows, and how to use the keyboard.
fn aria_label(description: &str, locale: Locale) -> String {
    match locale {
        Locale::Zh => format!("{description}。按方向键逐项浏览，回车选中，Esc 清除。"),
        Locale::En => {
            format!("{description}. Use the arrow keys to move between bars, Enter to select, Escape to clear.")
        }
    }
}
