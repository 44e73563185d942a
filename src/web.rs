//! The browser shell, and the only module that touches the DOM: `mount()` and the
//! `Chart` handle JavaScript sees (named as ECharts and Chart.js users expect), the
//! canvases, the tooltip, the screen-reader table and live region, the pointer,
//! keyboard and resize wiring, and events out to the page. Everything it decides is
//! asked of the pure core (`model`, `view`, `layout`, `render`, `export`).
//!
//! Re-entrancy: page callbacks may call back into the chart (a `select` handler that
//! switches the view). State is therefore never borrowed while page code runs: every
//! entry point collects the events to send, releases the state, then dispatches.

use crate::export;
use crate::format::{self, Locale};
use crate::layout::{self, Frame, Measure, Scene};
use crate::model::{DataError, Dataset, Indicator, Section};
use crate::render::{self, Theme, FONT_FAMILY};
use crate::view::{self, ChartSpec, Scale, Sort, Target, ViewKind, ViewOptions};
use gloo::events::{EventListener, EventListenerOptions};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use serde::Serialize;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CanvasRenderingContext2d, Document, Element, HtmlCanvasElement, HtmlElement, KeyboardEvent, MediaQueryList,
    MouseEvent, ResizeObserver,
};

const PREFIX: &str = "indicator-chart";
/// The screen-reader table lists at most this many rows; a DOM table of 100,000 rows
/// would take seconds to build and help nobody.
const TABLE_MAX_ROWS: usize = 1000;

thread_local! {
    /// Error areas of live charts, so a panic (a bug) still shows where the reader looks.
    static ERROR_AREAS: RefCell<Vec<HtmlElement>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let msg = format!("{PREFIX}: internal error (a bug, please report it): {info}");
        web_sys::console::error_1(&msg.as_str().into());
        ERROR_AREAS.with(|areas| {
            for a in areas.borrow().iter() {
                a.set_text_content(Some(&msg));
                let _ = a.style().set_property("display", "block");
            }
        });
    }));
}

/// Panics on purpose, so tests can check that a panic reaches the console and every
/// chart's error area. Not part of the API.
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicForTest)]
pub fn panic_for_test(message: &str) {
    panic!("{message}")
}

/// Reads a dataset object both ways — the fast column path and the JSON path — so tests
/// can check that the two never disagree: `[fast, json, same]`, each outcome as
/// `"ok: N indicators"` or `"error: …"` (`fast` is `null` when that path declines the
/// object), `same` true when both gave equal datasets or equal errors. Not part of the API.
#[doc(hidden)]
#[wasm_bindgen(js_name = __datasetPathsForTest)]
pub fn dataset_paths_for_test(v: &JsValue) -> js_sys::Array {
    let show = |r: &Result<Dataset, DataError>| -> JsValue {
        match r {
            Ok(d) => format!("ok: {} indicators", d.indicators.len()).into(),
            Err(e) => format!("error: {e}").into(),
        }
    };
    let fast = read_columns(v).map(Dataset::validated);
    let slow = check_object(v).and_then(|()| parse_object_as_json(v));
    let same = match (&fast, &slow) {
        (Some(Ok(a)), Ok(b)) => a == b,
        (Some(Err(a)), Err(b)) => a == b,
        _ => false,
    };
    [fast.as_ref().map(show).unwrap_or(JsValue::NULL), show(&slow), same.into()].into_iter().collect()
}

/// The crate version, for bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn err(msg: impl AsRef<str>) -> JsValue {
    js_sys::Error::new(&format!("{PREFIX}: {}", msg.as_ref())).into()
}

fn js_msg(v: &JsValue) -> String {
    if let Some(e) = v.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    v.as_string().unwrap_or_else(|| format!("{v:?}"))
}

/// Reads a dataset from JSON text or a plain JS object, validated.
///
/// Objects go through the browser's `JSON.stringify` and serde_json: for 100,000
/// indicators that is several times faster than walking the object field by field.
/// JSON has no NaN or Infinity (stringify writes null), so an error about a null
/// number is checked against the original object to report what the data really held.
fn parse_dataset(v: &JsValue) -> Result<Dataset, DataError> {
    if let Some(s) = v.as_string() {
        return Dataset::from_json(&s);
    }
    check_object(v)?;
    // The fast path: the object's fields are read in JS (src/web_loader.js) and cross
    // as three columns. Anything it does not take goes the JSON way, which names the
    // fault.
    if let Some(ds) = read_columns(v) {
        return ds.validated();
    }
    parse_object_as_json(v)
}

/// What is neither text nor an object is refused here.
fn check_object(v: &JsValue) -> Result<(), DataError> {
    if v.is_null() || v.is_undefined() {
        return Err(DataError::new("", "no dataset was given (got null or undefined)"));
    }
    if !v.is_object() || v.is_function() {
        let ty = v.js_typeof().as_string().unwrap_or_default();
        return Err(DataError::new("", format!("expected a dataset object or JSON text, got a {ty}")));
    }
    Ok(())
}

/// A dataset object through the browser's `JSON.stringify` and serde_json.
fn parse_object_as_json(v: &JsValue) -> Result<Dataset, DataError> {
    let text = js_sys::JSON::stringify(v)
        .map_err(|e| DataError::new("", format!("the dataset object cannot be turned into JSON: {}", js_msg(&e))))?;
    let text = String::from(text);
    Dataset::from_json(&text).map_err(|mut e| {
        if e.message.contains("got null") {
            if let Some(n) = lookup(v, &e.path).as_f64() {
                if !n.is_finite() {
                    let got = if n.is_nan() {
                        "NaN".to_string()
                    } else if n > 0.0 {
                        "Infinity".to_string()
                    } else {
                        "-Infinity".to_string()
                    };
                    e.message = format!("expected a finite number, got {got}");
                }
            }
        }
        e
    })
}

#[wasm_bindgen(module = "/src/web_loader.js")]
extern "C" {
    #[wasm_bindgen(js_name = readDataset)]
    fn read_dataset_columns(input: &JsValue) -> JsValue;
}

/// A dataset object read by `src/web_loader.js` into columns (see
/// [`Dataset::from_columns`]); `None` when the loader or the decoder declines it.
fn read_columns(v: &JsValue) -> Option<Dataset> {
    let cols = read_dataset_columns(v);
    if cols.is_null() {
        return None;
    }
    let cols: js_sys::Array = cols.dyn_into().ok()?;
    let strings = cols.get(0).as_string()?;
    let nums = js_sys::Float64Array::new(&cols.get(1)).to_vec();
    Dataset::from_columns(&strings, &nums)
}

/// Follows a path like `indicators[12].value` into a JS object.
fn lookup(root: &JsValue, path: &str) -> JsValue {
    let mut cur = root.clone();
    for part in path.split('.') {
        let (name, rest) = part.split_once('[').unwrap_or((part, ""));
        if !name.is_empty() {
            cur = get(&cur, name);
        }
        for idx in rest.split('[').map(|s| s.trim_end_matches(']')).filter(|s| !s.is_empty()) {
            cur = match idx.parse::<u32>() {
                Ok(i) if cur.is_object() => js_sys::Reflect::get_u32(&cur, i).unwrap_or(JsValue::UNDEFINED),
                _ => JsValue::UNDEFINED,
            };
        }
    }
    cur
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    if !obj.is_object() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn opt_str(obj: &JsValue, key: &str) -> Result<Option<String>, JsValue> {
    let v = get(obj, key);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string().map(Some).ok_or_else(|| {
        err(format!("options.{key}: expected text, got {}", v.js_typeof().as_string().unwrap_or_default()))
    })
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum ThemeChoice {
    Auto,
    Light,
    Dark,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum HeightMode {
    /// As tall as the rows need.
    Auto,
    /// The container's own height.
    Container,
    Fixed(f64),
}

#[derive(Debug, Clone, PartialEq)]
struct Options {
    view: ViewOptions,
    locale: Locale,
    theme: ThemeChoice,
    height: HeightMode,
}

impl Default for Options {
    fn default() -> Self {
        Options { view: ViewOptions::default(), locale: Locale::Zh, theme: ThemeChoice::Auto, height: HeightMode::Auto }
    }
}

/// Applies the fields present in a JS options object; absent fields keep their value.
fn apply_options(o: &mut Options, js: &JsValue) -> Result<(), JsValue> {
    if js.is_undefined() || js.is_null() {
        return Ok(());
    }
    if !js.is_object() {
        return Err(err("options: expected an object such as { view: 'headline', locale: 'zh' }"));
    }
    if let Some(v) = opt_str(js, "view")? {
        o.view.kind = ViewKind::parse(&v).ok_or_else(|| {
            err(format!("options.view: unknown view \"{v}\" (expected headline, rates, section, overview or money)"))
        })?;
    }
    let sec = get(js, "section");
    if sec.is_null() {
        o.view.section = None;
    } else if let Some(s) = opt_str(js, "section")? {
        o.view.section = if s.is_empty() || s == "all" { None } else { Some(s) };
    }
    if let Some(v) = opt_str(js, "sort")? {
        o.view.sort = Sort::parse(&v)
            .ok_or_else(|| err(format!("options.sort: unknown order \"{v}\" (expected report or value)")))?;
    }
    let log = get(js, "log");
    if let Some(b) = log.as_bool() {
        o.view.scale = if b { Scale::Log } else { Scale::Linear };
    } else if log.as_string().as_deref() == Some("auto") {
        o.view.scale = Scale::Auto;
    } else if !log.is_undefined() && !log.is_null() {
        return Err(err("options.log: expected true, false or \"auto\""));
    }
    if let Some(v) = opt_str(js, "locale")? {
        o.locale = Locale::parse(&v)
            .ok_or_else(|| err(format!("options.locale: unknown locale \"{v}\" (expected zh or en)")))?;
    }
    if let Some(v) = opt_str(js, "theme")? {
        o.theme = match v.as_str() {
            "auto" => ThemeChoice::Auto,
            "light" => ThemeChoice::Light,
            "dark" => ThemeChoice::Dark,
            _ => return Err(err(format!("options.theme: unknown theme \"{v}\" (expected auto, light or dark)"))),
        };
    }
    let h = get(js, "height");
    if let Some(n) = h.as_f64() {
        if !(n.is_finite() && n >= 40.0 && n <= 100_000.0) {
            return Err(err(format!("options.height: {n} is not a usable height in pixels (40 to 100000)")));
        }
        o.height = HeightMode::Fixed(n);
    } else if let Some(s) = h.as_string() {
        o.height = match s.as_str() {
            "auto" => HeightMode::Auto,
            "container" => HeightMode::Container,
            _ => {
                return Err(err(format!(
                    "options.height: expected a number of pixels, \"auto\" or \"container\", got \"{s}\""
                )))
            }
        };
    } else if !h.is_undefined() && !h.is_null() {
        return Err(err("options.height: expected a number of pixels, \"auto\" or \"container\""));
    }
    Ok(())
}

/// What page callbacks receive.
#[derive(Serialize)]
struct Payload<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    view: &'a str,
    /// Position of the row in the current view, or null.
    index: Option<usize>,
    indicator: Option<&'a Indicator>,
    section: Option<&'a Section>,
}

type Calls = Vec<(js_sys::Function, JsValue)>;

fn dispatch(calls: Calls) {
    for (f, arg) in calls {
        if let Err(e) = f.call1(&JsValue::NULL, &arg) {
            web_sys::console::error_2(&format!("{PREFIX}: an event handler threw:").into(), &e);
        }
    }
}

/// Text width from the canvas's own font engine, so labels fit exactly. The font is set
/// only when it changes (the canvas parses it each time).
struct CanvasMeasure(CanvasRenderingContext2d, Cell<(f64, bool)>);

impl CanvasMeasure {
    fn new(ctx: CanvasRenderingContext2d) -> Self {
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

struct SavedCanvas {
    css: String,
    attrs: Vec<(String, Option<String>)>,
}

struct State {
    doc: Document,
    host: Element,
    root: Option<HtmlElement>,
    canvas: HtmlCanvasElement,
    base: HtmlCanvasElement,
    tooltip: HtmlElement,
    live: HtmlElement,
    table: HtmlElement,
    error: HtmlElement,
    added: Vec<Element>,
    saved: Option<SavedCanvas>,
    ds: Dataset,
    opts: Options,
    spec: Option<ChartSpec>,
    scene: Option<Scene>,
    dpr: f64,
    size: (f64, f64),
    hover: Option<usize>,
    focus: Option<usize>,
    handlers: Vec<(String, js_sys::Function)>,
    listeners: Vec<EventListener>,
    observer: Option<(ResizeObserver, Closure<dyn FnMut(js_sys::Array)>)>,
    frame: Option<gloo::render::AnimationFrame>,
    dark_query: Option<MediaQueryList>,
    warned: bool,
    /// The screen-reader table no longer matches the view.
    table_stale: bool,
    /// The base layer is behind the visible canvas (see `sync_base`).
    base_stale: bool,
    /// The pending work after a render (see `schedule_after_paint`).
    after_paint: Option<AfterPaint>,
    /// This state's own cell, for jobs that run later.
    me: std::rc::Weak<RefCell<Option<State>>>,
}

type Shared = Rc<RefCell<Option<State>>>;

/// A pending job: waiting for the next animation frame, then for its task. Dropping it
/// cancels it.
#[allow(dead_code)]
enum AfterPaint {
    Frame(gloo::render::AnimationFrame),
    Task(gloo::timers::callback::Timeout),
}

/// Inline styles, `!important`: a host page's own `!important` rules (`canvas { width: 10px
/// !important }`) beat inline styles of normal priority, but not important inline ones.
fn css(el: &HtmlElement, props: &[(&str, &str)]) {
    let s = el.style();
    for (k, v) in props {
        let _ = s.set_property_with_priority(k, v, "important");
    }
}

const VISUALLY_HIDDEN: &[(&str, &str)] = &[
    ("position", "absolute"),
    ("width", "1px"),
    ("height", "1px"),
    ("margin", "-1px"),
    ("padding", "0"),
    ("border", "0"),
    ("overflow", "hidden"),
    ("clip", "rect(0 0 0 0)"),
    ("clip-path", "inset(50%)"),
    ("white-space", "nowrap"),
];

fn create(doc: &Document, tag: &str, class: &str) -> Result<HtmlElement, JsValue> {
    let el: HtmlElement = doc.create_element(tag)?.dyn_into()?;
    el.set_class_name(class);
    Ok(el)
}

fn clear(el: &Element) {
    while let Some(c) = el.first_child() {
        let _ = el.remove_child(&c);
    }
}

fn append_text(doc: &Document, parent: &Element, tag: &str, text: &str) -> Result<HtmlElement, JsValue> {
    let el: HtmlElement = doc.create_element(tag)?.dyn_into()?;
    el.set_text_content(Some(text));
    parent.append_child(&el)?;
    Ok(el)
}

impl State {
    fn theme(&self) -> Theme {
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

    fn rebuild(&mut self) -> Result<(), String> {
        let spec = view::build(&self.ds, &self.opts.view, self.opts.locale).map_err(|e| e.to_string())?;
        self.set_spec(spec);
        Ok(())
    }

    /// A new chart: forget the highlighted row, and the table must follow.
    fn set_spec(&mut self, spec: ChartSpec) {
        self.spec = Some(spec);
        self.hover = None;
        self.focus = None;
        self.table_stale = true;
    }

    /// The box the chart fills, in CSS pixels: width, and a fixed height if any.
    fn measure_box(&self) -> (f64, Option<f64>) {
        let target: &Element = match &self.root {
            Some(r) => r.as_ref(),
            None => self.canvas.as_ref(),
        };
        let mut w = target.get_bounding_client_rect().width();
        // Under CSS zoom or transforms, client rects are scaled; offsetWidth is not.
        if let Some(h) = target.dyn_ref::<HtmlElement>() {
            let ow = h.offset_width() as f64;
            if ow > 0.0 && (ow - w).abs() > 1.0 {
                w = ow;
            }
        }
        let fixed = match self.opts.height {
            HeightMode::Auto => None,
            HeightMode::Fixed(h) => Some(h),
            HeightMode::Container => {
                let h = self.host.client_height() as f64;
                if h > 0.0 {
                    Some(h)
                } else {
                    None
                }
            }
        };
        (w, fixed)
    }

    fn device_ratio(&self) -> f64 {
        let d = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0);
        if d.is_finite() && d > 0.0 {
            d.min(8.0)
        } else {
            1.0
        }
    }

    /// Lays out and paints the base layer, then composes. Returns false when the
    /// element has no size yet (hidden or detached): the chart draws once it has one.
    fn render(&mut self) -> Result<bool, String> {
        if self.spec.is_none() {
            self.rebuild()?;
        }
        let (w, fixed) = self.measure_box();
        if !(w >= 1.0) {
            if !self.warned {
                self.warned = true;
                web_sys::console::warn_1(&format!("{PREFIX}: the element has no width yet (hidden, display:none or not in the page); the chart will draw when it gets one").into());
            }
            return Ok(false);
        }
        let dpr = self.device_ratio();
        let ctx = context(&self.base)?;
        let measure = CanvasMeasure::new(ctx);
        let Some(spec) = self.spec.as_ref() else { return Ok(false) };
        let scene = layout::layout(spec, Frame { width: w, height: fixed, dpr }, self.opts.locale, &measure);
        let h = scene.height.max(1.0);
        let (bw, bh) = ((w * dpr).round().max(1.0) as u32, (h * dpr).round().max(1.0) as u32);
        size_canvas(&self.canvas, bw, bh);
        css(&self.canvas, &[("height", &format!("{h}px"))]);
        if self.hover.is_some_and(|i| i >= scene.hit_count()) {
            self.hover = None;
        }
        if self.focus.is_some_and(|i| i >= scene.hit_count()) {
            self.focus = None;
        }
        // With no row highlighted the chart is painted straight onto the visible canvas,
        // and the base layer after the frame (see sync_base): a first render or an update
        // then costs no canvas copy.
        let highlighted = self.hover.or(self.focus).is_some();
        if highlighted {
            size_canvas(&self.base, bw, bh);
        }
        let backend = Canvas2d::new(if highlighted { &self.base } else { &self.canvas })?;
        let area = backend.into_drawing_area();
        let theme = self.theme();
        render::paint(&area, &scene, &theme, dpr).map_err(|e| format!("drawing failed: {e:?}"))?;
        self.base_stale = !highlighted;
        self.dpr = dpr;
        self.size = (w, h);
        let label = match self.opts.locale {
            Locale::Zh => format!("{}。按方向键逐项浏览，回车选中，Esc 清除。", spec.description),
            Locale::En => format!(
                "{}. Use the arrow keys to move between bars, Enter to select, Escape to clear.",
                spec.description
            ),
        };
        let _ = self.canvas.set_attribute("aria-label", &label);
        self.scene = Some(scene);
        self.style_dom(&theme);
        if highlighted {
            self.compose()?;
        }
        if self.table_stale || self.base_stale {
            self.schedule_after_paint();
        }
        Ok(true)
    }

    /// Makes the base layer hold the chart without highlight. A render with no row
    /// highlighted paints the visible canvas only; the base layer is painted from the
    /// same scene after the frame (see `schedule_after_paint`), or here, at once, when a
    /// highlight or toPng needs it sooner. Never copied from the visible canvas: what
    /// shows there is the widget's only while nobody else draws on it.
    fn sync_base(&mut self) -> Result<(), String> {
        if !self.base_stale {
            return Ok(());
        }
        let Some(scene) = self.scene.as_ref() else { return Ok(()) };
        size_canvas(&self.base, self.canvas.width(), self.canvas.height());
        let area = Canvas2d::new(&self.base)?.into_drawing_area();
        render::paint(&area, scene, &self.theme(), self.dpr).map_err(|e| format!("drawing failed: {e:?}"))?;
        self.base_stale = false;
        Ok(())
    }

    /// Work that can wait until the chart just drawn is on screen, done in a task queued
    /// from the next animation frame: filling the screen-reader table (up to a thousand
    /// rows of hidden text cost a style and layout pass as long as the chart's own
    /// drawing: at 10,000 bars, about half of a first render) and painting the base layer
    /// for hover. A screen reader finds the table a frame later. Several renders before
    /// then do the work once; a destroyed chart drops the pending job with its state.
    fn schedule_after_paint(&mut self) {
        if self.after_paint.is_some() {
            return;
        }
        let weak = self.me.clone();
        self.after_paint = Some(AfterPaint::Frame(gloo::render::request_animation_frame(move |_| {
            let Some(shared) = weak.upgrade() else { return };
            let Ok(mut g) = shared.try_borrow_mut() else { return };
            let Some(st) = g.as_mut() else { return };
            let weak = st.me.clone();
            st.after_paint = Some(AfterPaint::Task(gloo::timers::callback::Timeout::new(0, move || {
                let Some(shared) = weak.upgrade() else { return };
                let Ok(mut g) = shared.try_borrow_mut() else { return };
                let Some(st) = g.as_mut() else { return };
                st.after_paint = None;
                if let Err(e) = st.sync_base() {
                    st.show_error(&format!("{PREFIX}: {e}"));
                }
                if st.table_stale {
                    st.table_stale = false;
                    st.fill_table();
                }
            })));
        })));
    }

    /// The visible canvas: the base layer copied over, and the active row's highlight.
    /// Hover costs one image copy and one highlight, never a re-layout.
    fn compose(&mut self) -> Result<(), String> {
        self.sync_base()?;
        let ctx = context(&self.canvas)?;
        ctx.set_global_composite_operation("copy").map_err(|e| js_msg(&e))?;
        ctx.draw_image_with_html_canvas_element(&self.base, 0.0, 0.0).map_err(|e| js_msg(&e))?;
        ctx.set_global_composite_operation("source-over").map_err(|e| js_msg(&e))?;
        if let (Some(i), Some(scene)) = (self.hover.or(self.focus), self.scene.as_ref()) {
            let backend = Canvas2d::new(&self.canvas)?;
            let area = backend.into_drawing_area();
            render::paint_highlight(&area, scene, i, &self.theme(), self.dpr)
                .map_err(|e| format!("drawing failed: {e:?}"))?;
        }
        Ok(())
    }

    fn style_dom(&self, theme: &Theme) {
        let bg = Theme::css(theme.background);
        let fg = Theme::css(theme.text);
        let border = Theme::css(theme.grid);
        css(&self.tooltip, &[("background", &bg), ("color", &fg), ("border", &format!("1px solid {border}"))]);
        if let Some(root) = &self.root {
            css(root, &[("background", &bg), ("color", &fg)]);
        }
    }

    fn row_target(&self, hit: usize) -> Option<(usize, &Target)> {
        let scene = self.scene.as_ref()?;
        let row = scene.hit(hit)?.row;
        let spec = self.spec.as_ref()?;
        spec.rows().nth(row).map(|r| (row, &r.target))
    }

    fn payload(&self, kind: &str, hit: Option<usize>) -> JsValue {
        let mut p = Payload { kind, view: self.opts.view.kind.as_str(), index: None, indicator: None, section: None };
        if let Some((row, target)) = hit.and_then(|h| self.row_target(h)) {
            p.index = Some(row);
            match target {
                Target::Indicator(i) => {
                    p.indicator = self.ds.indicators.get(*i);
                    p.section = p.indicator.and_then(|ind| self.ds.section(&ind.section));
                }
                Target::Section(s) => p.section = self.ds.section(s),
            }
        }
        let ser = serde_wasm_bindgen::Serializer::json_compatible();
        p.serialize(&ser).unwrap_or(JsValue::NULL)
    }

    fn calls(&self, event: &str, hit: Option<usize>) -> Calls {
        let fns: Vec<js_sys::Function> =
            self.handlers.iter().filter(|(e, _)| e == event).map(|(_, f)| f.clone()).collect();
        if fns.is_empty() {
            return Vec::new();
        }
        let p = self.payload(event, hit);
        fns.into_iter().map(|f| (f, p.clone())).collect()
    }

    fn row_detail(&self, hit: usize) -> Option<(String, String, String, String)> {
        let (row, target) = self.row_target(hit)?;
        let spec = self.spec.as_ref()?;
        let r = spec.rows().nth(row)?;
        let (quote, section) = match target {
            Target::Indicator(i) => {
                let ind = self.ds.indicators.get(*i)?;
                (ind.quote.clone(), view::section_title(&self.ds, &ind.section, self.opts.locale))
            }
            Target::Section(_) => (r.note.clone().unwrap_or_default(), String::new()),
        };
        let value = match target {
            Target::Indicator(i) => format::value_text(self.ds.indicators.get(*i)?, self.opts.locale, true),
            Target::Section(_) => r.value_text.clone(),
        };
        Some((r.label.clone(), value, quote, section))
    }

    /// Shows the tooltip for a row, pointing at `at` (the pointer) or at the bar's end.
    fn show_tooltip(&self, hit: usize, at: Option<(f64, f64)>) {
        let Some((label, value, quote, section)) = self.row_detail(hit) else { return };
        let Some(scene) = self.scene.as_ref() else { return };
        let tip: &Element = self.tooltip.as_ref();
        clear(tip);
        let _ = append_text(&self.doc, tip, "strong", &label)
            .map(|e| css(&e, &[("display", "block"), ("font-weight", "bold")]));
        let _ = append_text(&self.doc, tip, "div", &value)
            .map(|e| css(&e, &[("display", "block"), ("font-size", "15px"), ("margin", "2px 0 4px")]));
        if !quote.is_empty() {
            // The whole sentence, the figure's own words in bold.
            if let Ok(q) = create(&self.doc, "div", "ic-tt-quote") {
                css(&q, &[("display", "block"), ("opacity", "0.85"), ("font-size", "12.5px")]);
                let sentence = match self.row_target(hit) {
                    Some((_, Target::Indicator(i))) => self.ds.indicators.get(*i).map(|ind| self.ds.sentence(ind, 60)),
                    _ => None,
                };
                let (before, mid, after) = sentence.unwrap_or((String::new(), quote.clone(), String::new()));
                let _ = q.append_with_str_1(&before);
                let _ = append_text(&self.doc, &q, "b", &mid).map(|e| css(&e, &[("font-weight", "bold")]));
                let _ = q.append_with_str_1(&after);
                let _ = tip.append_child(&q);
            }
        }
        if !section.is_empty() {
            let _ = append_text(&self.doc, tip, "div", &section).map(|e| {
                css(&e, &[("display", "block"), ("opacity", "0.65"), ("font-size", "12px"), ("margin-top", "4px")])
            });
        }
        let max_w = (scene.width - 16.0).clamp(80.0, 320.0);
        css(
            &self.tooltip,
            &[("display", "block"), ("max-width", &format!("{max_w}px")), ("left", "0px"), ("top", "0px")],
        );
        let size = (self.tooltip.offset_width() as f64, self.tooltip.offset_height() as f64);
        let anchor = at.or_else(|| scene.hit(hit).map(|h| h.anchor)).unwrap_or((0.0, 0.0));
        let (x, y) = layout::place_tooltip(anchor, size, (scene.width, self.size.1));
        let (ox, oy) = if self.root.is_some() {
            (0.0, 0.0)
        } else {
            (self.canvas.offset_left() as f64, self.canvas.offset_top() as f64)
        };
        css(&self.tooltip, &[("left", &format!("{}px", x + ox)), ("top", &format!("{}px", y + oy))]);
    }

    /// Moves the keyboard focus to a row, as arrow keys and `select(id)` do: highlight,
    /// tooltip at the bar, and the live region reads it.
    fn focus_row(&mut self, hit: usize) {
        self.focus = Some(hit);
        self.hover = None;
        let _ = self.compose();
        self.show_tooltip(hit, None);
        self.announce(hit);
    }

    fn hide_tooltip(&self) {
        css(&self.tooltip, &[("display", "none")]);
    }

    fn announce(&self, hit: usize) {
        let Some((label, value, _, _)) = self.row_detail(hit) else { return };
        let n = self.scene.as_ref().map(|s| s.hit_count()).unwrap_or(0);
        let text = match self.opts.locale {
            Locale::Zh => format!("第{}项，共{n}项：{label}，{value}", hit + 1),
            Locale::En => format!("{} of {n}: {label}, {value}", hit + 1),
        };
        self.live.set_text_content(Some(&text));
    }

    /// The visually hidden table a screen reader reads instead of the canvas.
    fn fill_table(&self) {
        let t: &Element = self.table.as_ref();
        clear(t);
        let Some(spec) = self.spec.as_ref() else { return };
        let zh = self.opts.locale == Locale::Zh;
        let total = spec.row_count();
        let more = if total > TABLE_MAX_ROWS {
            if zh {
                format!("（列出前{TABLE_MAX_ROWS}项，共{total}项；全部数据可导出 CSV）")
            } else {
                format!(" (first {TABLE_MAX_ROWS} of {total} rows; export CSV for all)")
            }
        } else {
            String::new()
        };
        let _ = append_text(&self.doc, t, "caption", &format!("{} — {}{more}", spec.title, spec.subtitle));
        if let Ok(head) = self.doc.create_element("tr") {
            for h in if zh { ["指标", "数值", "原文"] } else { ["Indicator", "Value", "Source sentence"] } {
                let _ = append_text(&self.doc, &head, "th", h).map(|e| e.set_attribute("scope", "col"));
            }
            let _ = t.append_child(&head);
        }
        for r in spec.rows().take(TABLE_MAX_ROWS) {
            let Ok(tr) = self.doc.create_element("tr") else { continue };
            let _ = append_text(&self.doc, &tr, "th", &r.label).map(|e| e.set_attribute("scope", "row"));
            let value = match &r.target {
                Target::Indicator(i) => self
                    .ds
                    .indicators
                    .get(*i)
                    .map(|ind| format::value_text(ind, self.opts.locale, true))
                    .unwrap_or_default(),
                Target::Section(_) => r.value_text.clone(),
            };
            let _ = append_text(&self.doc, &tr, "td", &value);
            let quote = match &r.target {
                Target::Indicator(i) => self.ds.indicators.get(*i).map(|ind| ind.quote.clone()).unwrap_or_default(),
                Target::Section(_) => r.note.clone().unwrap_or_default(),
            };
            let _ = append_text(&self.doc, &tr, "td", &quote);
            let _ = t.append_child(&tr);
        }
    }

    fn show_error(&self, msg: &str) {
        self.error.set_text_content(Some(msg));
        css(&self.error, &[("display", "block")]);
    }

    fn hide_error(&self) {
        css(&self.error, &[("display", "none")]);
        self.error.set_text_content(None);
    }

    /// Pointer position in CSS pixels of the chart, correct under zoom and transforms.
    fn pointer(&self, e: &MouseEvent) -> Option<(f64, f64)> {
        let scene = self.scene.as_ref()?;
        let r = self.canvas.get_bounding_client_rect();
        if r.width() <= 0.0 || r.height() <= 0.0 {
            return None;
        }
        let x = (e.client_x() as f64 - r.left()) * scene.width / r.width();
        let y = (e.client_y() as f64 - r.top()) * scene.height / r.height();
        Some((x, y))
    }
}

/// Gives a canvas this backing-store size (setting a size clears the canvas, even the same
/// size, so only on a change).
fn size_canvas(c: &HtmlCanvasElement, w: u32, h: u32) {
    if c.width() != w {
        c.set_width(w);
    }
    if c.height() != h {
        c.set_height(h);
    }
}

fn context(c: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, String> {
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
struct Canvas2d {
    inner: CanvasBackend,
    ctx: CanvasRenderingContext2d,
    /// The fill colour last set by `draw_rect`; any other call may change the canvas's
    /// fill, so it forgets it.
    fill: Option<((u8, u8, u8), f64)>,
}

impl Canvas2d {
    fn new(canvas: &HtmlCanvasElement) -> Result<Canvas2d, String> {
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

/// A chart on the page. Methods throw `Error`s with clear messages; after
/// `destroy()` every method throws.
#[wasm_bindgen]
pub struct Chart {
    shared: Shared,
}

/// Mounts a chart into `element` (a container, which the chart fills in width, or a
/// `<canvas>`). `dataset` is the dataset object or its JSON text; `options` may set
/// `view`, `section`, `sort`, `log`, `locale`, `theme` and `height`.
#[wasm_bindgen]
pub fn mount(element: JsValue, dataset: JsValue, options: JsValue) -> Result<Chart, JsValue> {
    let host: Element = element.dyn_into::<Element>().map_err(|v| {
        err(format!(
            "mount: expected a DOM element (a container or a <canvas>), got {}",
            if v.is_null() { "null".to_string() } else { v.js_typeof().as_string().unwrap_or_default() }
        ))
    })?;
    let doc = host.owner_document().ok_or_else(|| err("mount: the element belongs to no document"))?;
    let mut opts = Options::default();
    apply_options(&mut opts, &options)?;
    // Messages from an earlier failed mount in this container are stale now.
    if host.dyn_ref::<HtmlCanvasElement>().is_none() {
        if let Ok(old) = host.query_selector_all(":scope > .ic-mount-error") {
            for i in 0..old.length() {
                if let Some(n) = old.item(i) {
                    let _ = host.remove_child(&n);
                }
            }
        }
    }
    let ds = match parse_dataset(&dataset) {
        Ok(d) => d,
        Err(e) => {
            let msg = format!("invalid dataset: {e}");
            show_mount_error(&doc, &host, &msg);
            return Err(err(msg));
        }
    };
    // Options that name something the data lacks fail here, like setView would; the
    // view built to find out is the one drawn.
    let spec = match view::build(&ds, &opts.view, opts.locale) {
        Ok(spec) => spec,
        Err(e) => {
            let msg = format!("options: {e}");
            show_mount_error(&doc, &host, &msg);
            return Err(err(msg));
        }
    };
    let shared: Shared = Rc::new(RefCell::new(None));
    let st = build_dom(&doc, &host, ds, opts, &shared)?;
    *shared.borrow_mut() = Some(st);
    let chart = Chart { shared };
    let result = chart.with(|st| {
        st.set_spec(spec);
        st.render().map(|_| ())
    })?;
    if let Err(e) = result {
        chart.with(|st| st.show_error(&format!("{PREFIX}: {e}")))?;
    }
    Ok(chart)
}

/// A failed mount still tells the reader why, in the element itself.
fn show_mount_error(doc: &Document, host: &Element, msg: &str) {
    let Ok(el) = create(doc, "div", "ic-mount-error") else { return };
    let _ = el.set_attribute("role", "alert");
    el.set_text_content(Some(&format!("{PREFIX}: {msg}")));
    css(
        &el,
        &[
            ("padding", "12px"),
            ("border", "1px solid #d1242f"),
            ("color", "#d1242f"),
            ("background", "#fff5f5"),
            ("font", "14px/1.5 system-ui, sans-serif"),
            ("white-space", "pre-wrap"),
            ("direction", "ltr"),
        ],
    );
    if host.dyn_ref::<HtmlCanvasElement>().is_some() {
        if let Some(p) = host.parent_node() {
            let _ = p.insert_before(&el, host.next_sibling().as_ref());
        }
    } else {
        let _ = host.append_child(&el);
    }
    web_sys::console::error_1(&format!("{PREFIX}: {msg}").into());
}

fn build_dom(doc: &Document, host: &Element, ds: Dataset, opts: Options, shared: &Shared) -> Result<State, JsValue> {
    let id = NEXT_ID.with(|n| {
        let v = n.get();
        n.set(v + 1);
        v
    });
    let mut added: Vec<Element> = Vec::new();
    let (root, canvas, saved) = match host.dyn_ref::<HtmlCanvasElement>() {
        Some(c) => {
            let keep = ["tabindex", "role", "aria-label", "aria-describedby", "width", "height", "class", "style"];
            let saved = SavedCanvas {
                css: c.style().css_text(),
                attrs: keep.iter().map(|a| (a.to_string(), c.get_attribute(a))).collect(),
            };
            if c.style().get_property_value("width").unwrap_or_default().is_empty() {
                css(c, &[("width", "100%")]);
            }
            (None, c.clone(), Some(saved))
        }
        None => {
            let root = create(doc, "div", "ic-root")?;
            css(
                &root,
                &[
                    ("position", "relative"),
                    ("display", "block"),
                    ("width", "100%"),
                    ("min-width", "0"),
                    ("direction", "ltr"),
                    ("text-align", "left"),
                    ("box-sizing", "border-box"),
                ],
            );
            let canvas: HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;
            root.append_child(&canvas)?;
            host.append_child(&root)?;
            added.push(root.clone().into());
            (Some(root), canvas, None)
        }
    };
    canvas.class_list().add_1("ic-canvas")?;
    css(
        &canvas,
        &[
            ("display", "block"),
            ("direction", "ltr"),
            ("touch-action", "pan-x pan-y"),
            ("outline-offset", "2px"),
            ("max-width", "100%"),
        ],
    );
    if root.is_some() {
        css(&canvas, &[("width", "100%")]);
    }
    canvas.set_attribute("tabindex", "0")?;
    canvas.set_attribute("role", "application")?;
    canvas.set_attribute(
        "aria-roledescription",
        if opts.locale == Locale::Zh { "交互式图表" } else { "interactive chart" },
    )?;
    let base: HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;

    // Siblings of the canvas: inside our root, or right after a mounted <canvas>.
    let parent: Element = match &root {
        Some(r) => r.clone().into(),
        None => canvas.parent_element().ok_or_else(|| err("mount: the <canvas> must be in a parent element"))?,
    };
    let next = canvas.next_sibling();
    let place = |el: &HtmlElement| -> Result<(), JsValue> {
        match &root {
            Some(_) => parent.append_child(el).map(|_| ()),
            None => parent.insert_before(el, next.as_ref()).map(|_| ()),
        }
    };
    let tooltip = create(doc, "div", "ic-tooltip")?;
    tooltip.set_attribute("aria-hidden", "true")?;
    css(
        &tooltip,
        &[
            ("position", "absolute"),
            ("display", "none"),
            ("pointer-events", "none"),
            ("z-index", "10"),
            ("padding", "8px 10px"),
            ("border-radius", "6px"),
            ("box-shadow", "0 2px 10px rgba(0,0,0,.18)"),
            (
                "font",
                "13px/1.5 system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif",
            ),
            ("white-space", "normal"),
            ("overflow-wrap", "anywhere"),
            ("direction", "ltr"),
            ("text-align", "left"),
            ("box-sizing", "border-box"),
        ],
    );
    let live = create(doc, "div", "ic-live")?;
    live.set_attribute("aria-live", "polite")?;
    live.set_attribute("aria-atomic", "true")?;
    css(&live, VISUALLY_HIDDEN);
    let table = create(doc, "table", "ic-table")?;
    css(&table, VISUALLY_HIDDEN);
    table.set_id(&format!("ic-table-{id}"));
    let error = create(doc, "div", "ic-error")?;
    error.set_attribute("role", "alert")?;
    css(
        &error,
        &[
            ("display", "none"),
            ("position", if root.is_some() { "absolute" } else { "relative" }),
            ("left", "0"),
            ("right", "0"),
            ("top", "0"),
            ("padding", "12px"),
            ("border", "1px solid #d1242f"),
            ("color", "#d1242f"),
            ("background", "#fff5f5"),
            ("font", "14px/1.5 system-ui, sans-serif"),
            ("white-space", "pre-wrap"),
            ("z-index", "20"),
            ("direction", "ltr"),
        ],
    );
    for el in [&tooltip, &live, &table, &error] {
        place(el)?;
        if root.is_none() {
            added.push(el.clone().into());
        }
    }
    canvas.set_attribute("aria-describedby", &format!("ic-table-{id}"))?;
    ERROR_AREAS.with(|a| a.borrow_mut().push(error.clone()));

    let window = web_sys::window().ok_or_else(|| err("mount: no window (is this a browser?)"))?;
    let dark_query = window.match_media("(prefers-color-scheme: dark)").ok().flatten();

    let mut st = State {
        doc: doc.clone(),
        host: host.clone(),
        root,
        canvas,
        base,
        tooltip,
        live,
        table,
        error,
        added,
        saved,
        ds,
        opts,
        spec: None,
        scene: None,
        dpr: 1.0,
        size: (0.0, 0.0),
        hover: None,
        focus: None,
        handlers: Vec::new(),
        listeners: Vec::new(),
        observer: None,
        frame: None,
        dark_query,
        warned: false,
        table_stale: true,
        base_stale: false,
        after_paint: None,
        me: Rc::downgrade(shared),
    };
    wire(&mut st, shared)?;
    Ok(st)
}

/// Runs `f` on the state if the chart is alive, then dispatches the events it returns.
fn with_events(shared: &Shared, f: impl FnOnce(&mut State) -> Calls) {
    let calls = match shared.try_borrow_mut() {
        Ok(mut g) => match g.as_mut() {
            Some(st) => f(st),
            None => return,
        },
        Err(_) => return,
    };
    dispatch(calls);
}

fn schedule_render(shared: &Shared) {
    let weak = Rc::downgrade(shared);
    let Ok(mut g) = shared.try_borrow_mut() else { return };
    let Some(st) = g.as_mut() else { return };
    if st.frame.is_some() {
        return;
    }
    st.frame = Some(gloo::render::request_animation_frame(move |_| {
        let Some(shared) = weak.upgrade() else { return };
        with_events(&shared, |st| {
            st.frame = None;
            let (w, fixed) = st.measure_box();
            let dpr = st.device_ratio();
            let changed = (w - st.size.0).abs() > 0.5
                || dpr != st.dpr
                || st.scene.is_none()
                || fixed.is_some_and(|h| (h - st.size.1).abs() > 0.5);
            if !changed {
                return Vec::new();
            }
            match st.render() {
                Ok(true) => st.calls("render", None),
                Ok(false) => Vec::new(),
                Err(e) => {
                    st.show_error(&format!("{PREFIX}: {e}"));
                    Vec::new()
                }
            }
        });
    }));
}

fn wire(st: &mut State, shared: &Shared) -> Result<(), JsValue> {
    let target: web_sys::EventTarget = st.canvas.clone().into();
    let weak = Rc::downgrade(shared);
    let on = |name: &'static str, f: Box<dyn Fn(&Shared, &web_sys::Event)>, passive: bool| {
        let weak = weak.clone();
        let opts =
            if passive { EventListenerOptions::default() } else { EventListenerOptions::enable_prevent_default() };
        EventListener::new_with_options(&target, name, opts, move |e| {
            if let Some(s) = weak.upgrade() {
                f(&s, e)
            }
        })
    };
    st.listeners.push(on(
        "pointermove",
        Box::new(|s, e| {
            let Some(me) = e.dyn_ref::<MouseEvent>() else { return };
            with_events(s, |st| {
                let Some(p) = st.pointer(me) else { return Vec::new() };
                let hit = st.scene.as_ref().and_then(|sc| sc.hit_test(p.0, p.1));
                let changed = hit != st.hover;
                st.hover = hit;
                if changed {
                    let _ = st.compose();
                }
                match hit {
                    Some(h) => st.show_tooltip(h, Some(p)),
                    None => match st.focus {
                        Some(f) => st.show_tooltip(f, None),
                        None => st.hide_tooltip(),
                    },
                }
                if changed {
                    st.calls("hover", hit)
                } else {
                    Vec::new()
                }
            })
        }),
        true,
    ));
    st.listeners.push(on(
        "pointerleave",
        Box::new(|s, _| {
            with_events(s, |st| {
                if st.hover.is_none() {
                    return Vec::new();
                }
                st.hover = None;
                let _ = st.compose();
                match st.focus {
                    Some(f) => st.show_tooltip(f, None),
                    None => st.hide_tooltip(),
                }
                st.calls("hover", None)
            })
        }),
        true,
    ));
    st.listeners.push(on(
        "click",
        Box::new(|s, e| {
            let Some(me) = e.dyn_ref::<MouseEvent>() else { return };
            with_events(s, |st| {
                let Some(p) = st.pointer(me) else { return Vec::new() };
                let Some(hit) = st.scene.as_ref().and_then(|sc| sc.hit_test(p.0, p.1)) else { return Vec::new() };
                st.focus = Some(hit);
                let _ = st.compose();
                st.announce(hit);
                st.calls("select", Some(hit))
            })
        }),
        true,
    ));
    st.listeners.push(on(
        "keydown",
        Box::new(|s, e| {
            let Some(ke) = e.dyn_ref::<KeyboardEvent>() else { return };
            if ke.alt_key() || ke.ctrl_key() || ke.meta_key() {
                return;
            }
            let key = ke.key();
            with_events(s, |st| {
                let n = st.scene.as_ref().map(|sc| sc.hit_count()).unwrap_or(0);
                let cur = st.focus.or(st.hover);
                let next = match key.as_str() {
                    "ArrowDown" | "ArrowRight" => Some(cur.map(|c| (c + 1).min(n.saturating_sub(1))).unwrap_or(0)),
                    "ArrowUp" | "ArrowLeft" => Some(cur.map(|c| c.saturating_sub(1)).unwrap_or(0)),
                    "Home" => Some(0),
                    "End" => Some(n.saturating_sub(1)),
                    "PageDown" => Some(cur.map(|c| (c + 10).min(n.saturating_sub(1))).unwrap_or(0)),
                    "PageUp" => Some(cur.map(|c| c.saturating_sub(10)).unwrap_or(0)),
                    "Enter" | " " => {
                        e.prevent_default();
                        return match cur {
                            Some(c) => {
                                st.focus = Some(c);
                                st.calls("select", Some(c))
                            }
                            None => Vec::new(),
                        };
                    }
                    "Escape" => {
                        if cur.is_none() {
                            return Vec::new();
                        }
                        e.prevent_default();
                        st.focus = None;
                        st.hover = None;
                        let _ = st.compose();
                        st.hide_tooltip();
                        st.live.set_text_content(Some(if st.opts.locale == Locale::Zh {
                            "已清除选择"
                        } else {
                            "Selection cleared"
                        }));
                        let mut c = st.calls("hover", None);
                        c.extend(st.calls("select", None));
                        return c;
                    }
                    _ => None,
                };
                let Some(next) = next else { return Vec::new() };
                e.prevent_default();
                if n == 0 {
                    return Vec::new();
                }
                st.focus_row(next);
                st.calls("hover", Some(next))
            })
        }),
        false,
    ));
    st.listeners.push(on(
        "focus",
        Box::new(|s, _| {
            with_events(s, |st| {
                let visible = st.canvas.matches(":focus-visible").unwrap_or(true);
                if visible {
                    let ring = Theme::css(if st.theme().dark { Theme::DARK.decrease } else { Theme::LIGHT.decrease });
                    css(&st.canvas, &[("outline", &format!("3px solid {ring}"))]);
                }
                Vec::new()
            })
        }),
        true,
    ));
    st.listeners.push(on(
        "blur",
        Box::new(|s, _| {
            with_events(s, |st| {
                let _ = st.canvas.style().remove_property("outline");
                if st.hover.is_none() {
                    st.hide_tooltip();
                }
                Vec::new()
            })
        }),
        true,
    ));
    if let Some(q) = &st.dark_query {
        let weak = weak.clone();
        st.listeners.push(EventListener::new(q, "change", move |_| {
            if let Some(s) = weak.upgrade() {
                with_events(&s, |st| {
                    if st.opts.theme != ThemeChoice::Auto {
                        return Vec::new();
                    }
                    let _ = st.render();
                    st.calls("render", None)
                });
            }
        }));
    }
    // Follow the container's size; renders are coalesced to one per frame.
    let weak_ro = weak.clone();
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        if let Some(s) = weak_ro.upgrade() {
            schedule_render(&s);
        }
    });
    let ro = ResizeObserver::new(cb.as_ref().unchecked_ref())?;
    match &st.root {
        Some(r) => ro.observe(r),
        None => ro.observe(&st.canvas),
    }
    st.observer = Some((ro, cb));
    Ok(())
}

impl Chart {
    fn with<R>(&self, f: impl FnOnce(&mut State) -> R) -> Result<R, JsValue> {
        let mut g =
            self.shared.try_borrow_mut().map_err(|_| err("the chart is busy (called from inside its own drawing)"))?;
        let st = g.as_mut().ok_or_else(|| err("this chart was destroyed; mount a new one"))?;
        Ok(f(st))
    }

    /// Re-renders after an options change and sends `render`; errors become the
    /// widget's visible message and a thrown Error.
    fn rerender(&self, rebuild: bool) -> Result<(), JsValue> {
        let out = self.with(|st| {
            let r = if rebuild { st.rebuild() } else { Ok(()) }.and_then(|_| st.render());
            match r {
                Ok(drawn) => {
                    st.hide_error();
                    st.hide_tooltip();
                    Ok(if drawn { st.calls("render", None) } else { Vec::new() })
                }
                Err(e) => {
                    st.show_error(&format!("{PREFIX}: {e}"));
                    Err(e)
                }
            }
        })?;
        match out {
            Ok(calls) => {
                dispatch(calls);
                Ok(())
            }
            Err(e) => Err(err(e)),
        }
    }
}

#[wasm_bindgen]
impl Chart {
    /// Switches the view: `setView('section', { section: 's3' })`. Options: section,
    /// sort ('report' | 'value'), log (true | false | 'auto').
    #[wasm_bindgen(js_name = setView)]
    pub fn set_view(&self, view: &str, options: JsValue) -> Result<(), JsValue> {
        let kind = ViewKind::parse(view).ok_or_else(|| {
            err(format!("setView: unknown view \"{view}\" (expected headline, rates, section, overview or money)"))
        })?;
        let mut opts = self.with(|st| st.opts.clone())?;
        opts.view.kind = kind;
        apply_options(&mut opts, &options)?;
        self.switch_to(opts)
    }

    /// Changes any option: view, section, sort, log, locale, theme, height.
    #[wasm_bindgen(js_name = setOptions)]
    pub fn set_options(&self, options: JsValue) -> Result<(), JsValue> {
        let mut opts = self.with(|st| st.opts.clone())?;
        apply_options(&mut opts, &options)?;
        self.switch_to(opts)
    }

    /// Builds the view for new options once; options that name something absent throw
    /// and leave the chart as it was.
    fn switch_to(&self, opts: Options) -> Result<(), JsValue> {
        self.with(|st| {
            let spec = view::build(&st.ds, &opts.view, opts.locale).map_err(|e| err(e.to_string()))?;
            if st.opts.locale != opts.locale {
                let _ = st.canvas.set_attribute(
                    "aria-roledescription",
                    if opts.locale == Locale::Zh { "交互式图表" } else { "interactive chart" },
                );
            }
            st.opts = opts;
            st.set_spec(spec);
            Ok::<(), JsValue>(())
        })??;
        self.rerender(false)
    }

    /// Replaces the data. Invalid data leaves the old chart, shows the message in the
    /// widget and throws.
    pub fn update(&self, dataset: JsValue) -> Result<(), JsValue> {
        match parse_dataset(&dataset) {
            Ok(ds) => {
                self.with(|st| {
                    if let Some(s) = &st.opts.view.section {
                        if ds.section(s).is_none() {
                            st.opts.view.section = None;
                        }
                    }
                    st.ds = ds;
                })?;
                self.rerender(true)
            }
            Err(e) => {
                let msg = format!("invalid dataset: {e}");
                self.with(|st| st.show_error(&format!("{PREFIX}: {msg}")))?;
                Err(err(msg))
            }
        }
    }

    /// Re-measures the container and redraws (the chart also follows its container by itself).
    pub fn resize(&self) -> Result<(), JsValue> {
        self.rerender(false)
    }

    /// Adds a handler: 'select' (click, tap, Enter; Escape sends null fields),
    /// 'hover' (pointer or arrow keys), 'render'.
    pub fn on(&self, event: &str, handler: JsValue) -> Result<(), JsValue> {
        let f: js_sys::Function =
            handler.dyn_into().map_err(|_| err(format!("on('{event}', …): the handler must be a function")))?;
        if !matches!(event, "select" | "hover" | "render") {
            return Err(err(format!("on: unknown event \"{event}\" (expected select, hover or render)")));
        }
        self.with(|st| st.handlers.push((event.to_string(), f)))
    }

    /// Removes a handler, or every handler of the event when none is given.
    pub fn off(&self, event: &str, handler: JsValue) -> Result<(), JsValue> {
        self.with(|st| {
            st.handlers.retain(|(e, f)| {
                !(e == event && (handler.is_undefined() || handler.is_null() || JsValue::from(f.clone()) == handler))
            })
        })
    }

    /// Highlights the bar of an indicator id (or a section id in the overview), as the
    /// keyboard would, without sending `select`. Returns false when the current view
    /// does not show it. `null` clears.
    pub fn select(&self, id: JsValue) -> Result<bool, JsValue> {
        let id = id.as_string();
        self.with(|st| {
            let Some(id) = id else {
                st.focus = None;
                let _ = st.compose();
                st.hide_tooltip();
                return false;
            };
            let (Some(spec), Some(scene)) = (st.spec.as_ref(), st.scene.as_ref()) else { return false };
            let row = spec.rows().position(|r| match &r.target {
                Target::Indicator(i) => st.ds.indicators.get(*i).is_some_and(|ind| ind.id == id),
                Target::Section(s) => *s == id,
            });
            let hit = row.and_then(|r| scene.hit_for_row(r));
            match hit {
                Some(h) => {
                    st.focus_row(h);
                    true
                }
                None => false,
            }
        })
    }

    /// Where a bar is, in CSS pixels relative to the chart's canvas: {x, y, width, height},
    /// or null. Lets a page scroll a selected bar into view.
    #[wasm_bindgen(js_name = barRect)]
    pub fn bar_rect(&self, index: usize) -> Result<JsValue, JsValue> {
        self.with(|st| {
            let Some(h) = st.scene.as_ref().and_then(|s| s.hit(index)) else { return JsValue::NULL };
            let o = js_sys::Object::new();
            let set = |k: &str, v: f64| {
                let _ = js_sys::Reflect::set(&o, &k.into(), &v.into());
            };
            match h.bar {
                Some([x0, y0, x1, y1]) => {
                    set("x", x0);
                    set("y", y0);
                    set("width", x1 - x0);
                    set("height", y1 - y0);
                }
                None => {
                    set("x", h.anchor.0);
                    set("y", h.y0);
                    set("width", 0.0);
                    set("height", h.y1 - h.y0);
                }
            }
            o.into()
        })
    }

    /// The current state: { view, section, sort, log, locale, theme, rows, width, height, dpr }.
    #[wasm_bindgen(js_name = getState)]
    pub fn get_state(&self) -> Result<JsValue, JsValue> {
        self.with(|st| {
            let o = js_sys::Object::new();
            let set = |k: &str, v: JsValue| {
                let _ = js_sys::Reflect::set(&o, &k.into(), &v);
            };
            set("view", st.opts.view.kind.as_str().into());
            set(
                "section",
                st.spec.as_ref().and_then(|s| s.section.clone()).map(JsValue::from).unwrap_or(JsValue::NULL),
            );
            set("sort", st.opts.view.sort.as_str().into());
            set(
                "log",
                match st.opts.view.scale {
                    Scale::Auto => "auto".into(),
                    Scale::Log => true.into(),
                    Scale::Linear => false.into(),
                },
            );
            set("locale", st.opts.locale.as_str().into());
            set("theme", (if st.theme().dark { "dark" } else { "light" }).into());
            set("rows", (st.scene.as_ref().map(|s| s.hit_count()).unwrap_or(0) as f64).into());
            set("bars", (st.scene.as_ref().map(|s| s.bar_count()).unwrap_or(0) as f64).into());
            set("width", st.size.0.into());
            set("height", st.size.1.into());
            set("dpr", st.dpr.into());
            set("focus", st.focus.map(|f| JsValue::from(f as f64)).unwrap_or(JsValue::NULL));
            o.into()
        })
    }

    /// The current view as a PNG data URL (without hover highlight).
    #[wasm_bindgen(js_name = toPng)]
    pub fn to_png(&self) -> Result<String, JsValue> {
        self.with(|st| {
            st.sync_base().map_err(|e| err(format!("toPng: {e}")))?;
            st.base.to_data_url_with_type("image/png")
        })?
    }

    /// The shown rows as CSV text (UTF-8 with BOM, CRLF).
    #[wasm_bindgen(js_name = toCsv)]
    pub fn to_csv(&self) -> Result<String, JsValue> {
        self.with(|st| match &st.spec {
            Some(spec) => Ok(export::csv(&st.ds, spec, st.opts.locale)),
            None => Err(err("nothing is drawn yet")),
        })?
    }

    /// Removes every listener, observer and element the chart added; a `<canvas>`
    /// gets its attributes and style back. Safe to call twice.
    pub fn destroy(&self) {
        let Ok(mut g) = self.shared.try_borrow_mut() else { return };
        let Some(st) = g.take() else { return };
        drop(g);
        if let Some((ro, _cb)) = &st.observer {
            ro.disconnect();
        }
        ERROR_AREAS.with(|a| a.borrow_mut().retain(|e| e != &st.error));
        for el in &st.added {
            el.remove();
        }
        if let Some(saved) = &st.saved {
            // The canvas goes back exactly as it came: attributes it lacked are removed,
            // not left empty. Style is restored through the CSSOM (a CSP without
            // 'unsafe-inline' forbids setting the style attribute).
            st.canvas.style().set_css_text(&saved.css);
            let _ = st.canvas.remove_attribute("aria-roledescription");
            for (k, v) in &saved.attrs {
                let _ = match (k.as_str(), v) {
                    ("style", Some(_)) => Ok(()),
                    ("style", None) => {
                        // Chromium writes CSSOM changes back to the attribute lazily; read it
                        // first so the pending write cannot bring back an empty style="".
                        let _ = st.canvas.get_attribute("style");
                        st.canvas.remove_attribute("style")
                    }
                    (_, Some(v)) => st.canvas.set_attribute(k, v),
                    (_, None) => st.canvas.remove_attribute(k),
                };
            }
        }
        drop(st);
    }

    /// True until `destroy()`.
    #[wasm_bindgen(getter, js_name = isAlive)]
    pub fn is_alive(&self) -> bool {
        self.shared.try_borrow().map(|g| g.is_some()).unwrap_or(true)
    }
}

/// `extractIndicators(text, options?)`: the extractor in the browser. Reads Chinese report
/// prose and returns the dataset it states, as a plain object ready for `mount()` or
/// `chart.update()` (`source.text` is `text`, so every quote sits at its span).
///
/// Options: `title` (the dataset's title), `year` (the report's year; default the first
/// 19xx/20xx年 in the text). Throws an `Error` whose `code` says why: `'empty'` (no text),
/// `'no-indicators'` (the text states no figure the extractor recognises), `'options'`
/// (a bad option) or `'invalid'` (an extractor bug).
#[cfg(feature = "extract-js")]
#[wasm_bindgen(js_name = extractIndicators)]
pub fn extract_indicators(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    use crate::extract::{extract, ExtractError, ExtractOptions};
    let fail = |code: &str, msg: String| -> JsValue {
        let e = err(msg);
        let _ = js_sys::Reflect::set(&e, &JsValue::from_str("code"), &JsValue::from_str(code));
        e
    };
    let mut opts = ExtractOptions::default();
    if !(options.is_undefined() || options.is_null()) {
        if !options.is_object() || options.is_function() {
            let ty = options.js_typeof().as_string().unwrap_or_default();
            return Err(fail("options", format!("extractIndicators: options must be an object, got a {ty}")));
        }
        opts.title = opt_str(&options, "title").map_err(|e| fail("options", js_msg(&e)))?;
        let year = get(&options, "year");
        if !(year.is_undefined() || year.is_null()) {
            match year.as_f64() {
                Some(y) if y.fract() == 0.0 && (0.0..=9999.0).contains(&y) => opts.year = Some(y as i32),
                _ => {
                    let got = year.as_string().map(|s| format!("\"{s}\"")).unwrap_or_else(|| format!("{year:?}"));
                    return Err(fail(
                        "options",
                        format!("options.year: expected a whole number (a year like 2022), got {got}"),
                    ));
                }
            }
        }
    }
    if text.trim().is_empty() {
        return Err(fail("empty", "extractIndicators: the text is empty; paste the report's text".into()));
    }
    match extract(text, &opts) {
        Ok(ds) => ds
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| fail("invalid", format!("extractIndicators: cannot pass the dataset to JavaScript: {e}"))),
        Err(ExtractError::NoIndicators) => Err(fail(
            "no-indicators",
            "extractIndicators: no indicators found in the text (no figure such as 破获案件212起 or 同比下降11.8%)"
                .into(),
        )),
        Err(e) => Err(fail("invalid", format!("extractIndicators: {e}"))),
    }
}
