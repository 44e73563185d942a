//! The browser shell, and the only part of the crate that touches the DOM: `mount()` and
//! the `Chart` handle JavaScript sees (named as ECharts and Chart.js users expect).
//! Everything it decides is asked of the pure core (`model`, `view`, `layout`, `render`,
//! `export`, `keys`, `dirty`); the shell is split by concern:
//!
//! - [`input`]: datasets from JavaScript (JSON text, objects through the loader snippet);
//! - [`options`]: the options object, checked against one table of valid values;
//! - [`canvas`]: text measuring, canvas sizing and the plotters backend;
//! - [`dom`]: the elements the chart adds, their class names and styles;
//! - [`overlay`]: tooltip, screen-reader table and live region;
//! - [`state`]: one chart's state, drawing and the work after a frame;
//! - [`events`]: pointer, keyboard, theme and resize wiring.
//!
//! Re-entrancy: page callbacks may call back into the chart (a `select` handler that
//! switches the view). State is therefore never borrowed while page code runs: every
//! entry point collects the events to send, releases the state, then dispatches.

mod canvas;
mod dom;
mod events;
mod heap;
mod input;
mod options;
mod overlay;
mod state;
mod touch;

use crate::dirty::Dirty;
use crate::export;
use crate::format::Locale;
use crate::view::{self, Scale, Target};
use options::{apply_options, Options};
use state::{dispatch, Shared, State};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

#[cfg(feature = "test-hooks")]
pub use input::dataset_paths_for_test;

/// The prefix of every message the widget writes to the console, an error box or an `Error`.
const PREFIX: &str = "indicator-chart";

thread_local! {
    /// Error areas of live charts, so a panic (a bug) still shows where the reader looks.
    static ERROR_AREAS: RefCell<Vec<web_sys::HtmlElement>> = const { RefCell::new(Vec::new()) };
}

/// Runs when the wasm module starts: a panic (a bug) is reported on the console and in
/// every live chart's error area instead of failing silently.
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
#[cfg(feature = "test-hooks")]
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicForTest)]
pub fn panic_for_test(message: &str) {
    panic!("{message}")
}

/// The crate version, for bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// A JavaScript `Error` with the widget's prefix.
fn err(msg: impl AsRef<str>) -> JsValue {
    js_sys::Error::new(&format!("{PREFIX}: {}", msg.as_ref())).into()
}

/// The message of a thrown JavaScript value.
fn js_msg(v: &JsValue) -> String {
    if let Some(e) = v.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    v.as_string()
        .or_else(|| js_sys::JSON::stringify(v).ok().map(String::from))
        .unwrap_or_else(|| "an unknown error".into())
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
        let got = if v.is_null() { "null".to_string() } else { v.js_typeof().as_string().unwrap_or_default() };
        err(format!("mount: expected a DOM element (a container or a <canvas>), got {got}"))
    })?;
    let doc = host.owner_document().ok_or_else(|| err("mount: the element belongs to no document"))?;
    let mut opts = Options::default();
    apply_options(&mut opts, &options)?;
    dom::remove_mount_errors(&host);
    let fail = |msg: String| {
        dom::show_mount_error(&host, &msg);
        err(msg)
    };
    let ds = input::parse_dataset(&dataset).map_err(|e| fail(format!("invalid dataset: {e}")))?;
    // Options that name something the data lacks fail here, like setView would; the
    // view built to find out is the one drawn.
    let spec = view::build(&ds, &opts.view, opts.locale).map_err(|e| fail(format!("options: {e}")))?;
    let shared: Shared = Rc::new(RefCell::new(None));
    let st = State::new(&doc, &host, ds, opts, &shared)?;
    *shared.borrow_mut() = Some(st);
    events::wire(&shared)?;
    let chart = Chart { shared };
    chart.with(|st| {
        st.set_spec(spec);
        if let Err(e) = st.render() {
            st.show_error(&format!("{PREFIX}: {e}"));
        }
    })?;
    Ok(chart)
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
        let calls = self.with(|st| {
            let r = if rebuild { st.rebuild() } else { Ok(()) }.and_then(|_| st.render());
            match r {
                Ok(drawn) => {
                    st.hide_error();
                    st.hide_tooltip();
                    (st.pinned, st.pin_at) = (None, None);
                    Ok(if drawn { st.calls("render", None) } else { Vec::new() })
                }
                Err(e) => {
                    st.show_error(&format!("{PREFIX}: {e}"));
                    Err(err(e))
                }
            }
        })??;
        dispatch(calls);
        Ok(())
    }

    /// Builds the view for new options once; options that name something absent throw
    /// and leave the chart as it was.
    fn switch_to(&self, opts: Options) -> Result<(), JsValue> {
        self.with(|st| {
            let spec = view::build(&st.ds, &opts.view, opts.locale).map_err(|e| err(e.to_string()))?;
            if st.opts.locale != opts.locale {
                dom::set_role_description(&st.el.canvas, opts.locale);
            }
            st.opts = opts;
            st.set_spec(spec);
            Ok::<(), JsValue>(())
        })??;
        self.rerender(false)
    }
}

#[wasm_bindgen]
impl Chart {
    /// Switches the view: `setView('section', { section: 's3' })`. Options: section,
    /// sort ('report' | 'value'), log (true | false | 'auto').
    #[wasm_bindgen(js_name = setView)]
    pub fn set_view(&self, view: &str, options: JsValue) -> Result<(), JsValue> {
        let kind = options::parse_view(view).map_err(|m| err(format!("setView: {m}")))?;
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

    /// Replaces the data. Invalid data leaves the old chart, shows the message in the
    /// widget and throws.
    pub fn update(&self, dataset: JsValue) -> Result<(), JsValue> {
        match input::parse_dataset(&dataset) {
            Ok(ds) => {
                // The same data again (an app that polls, or re-sends what it has): the chart
                // already shows it, so nothing is rebuilt or drawn; the message of an earlier
                // refusal goes, and 'render' is sent as after any update.
                let calls = self.with(|st| {
                    let same = st.ds == ds && st.scene.is_some() && !st.dirty.has(Dirty::VIEW | Dirty::LAYOUT);
                    if same {
                        st.hide_error();
                        return Some(st.calls("render", None));
                    }
                    st.replace_data(ds);
                    None
                })?;
                match calls {
                    Some(calls) => {
                        dispatch(calls);
                        Ok(())
                    }
                    None => self.rerender(true),
                }
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
        let event = options::parse_event(event).map_err(|m| err(format!("on: {m}")))?;
        self.with(|st| st.handlers.push((event.to_string(), f)))
    }

    /// Removes a handler, or every handler of the event when none is given.
    pub fn off(&self, event: &str, handler: JsValue) -> Result<(), JsValue> {
        let all = handler.is_undefined() || handler.is_null();
        self.with(|st| st.handlers.retain(|(e, f)| !(e == event && (all || JsValue::from(f.clone()) == handler))))
    }

    /// Highlights the bar of an indicator id (or a section id in the overview), as the
    /// keyboard would, without sending `select`. Returns false when the current view
    /// does not show it. `null` clears.
    pub fn select(&self, id: JsValue) -> Result<bool, JsValue> {
        let id = id.as_string();
        self.with(|st| {
            let Some(id) = id else {
                st.clear_focus();
                return false;
            };
            let (Some(spec), Some(scene)) = (st.spec.as_ref(), st.scene.as_ref()) else { return false };
            let row = spec.rows().position(|r| match &r.target {
                Target::Indicator(i) => st.ds.indicators().get(*i).is_some_and(|ind| ind.id == id),
                Target::Section(s) => *s == id,
            });
            match row.and_then(|r| scene.hit_for_row(r)) {
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
            let [x, y, x1, y1] = h.bar.unwrap_or([h.anchor.0, h.y0, h.anchor.0, h.y1]);
            object(&[("x", x.into()), ("y", y.into()), ("width", (x1 - x).into()), ("height", (y1 - y).into())])
        })
    }

    /// The current state: { view, section, sectionShown, sort, log, locale, theme, rows,
    /// bars, width, height, dpr, focus, pinned }. `section` is the section filter (null for all);
    /// `sectionShown` the section the chart shows, which the section view picks by itself
    /// when no filter is set.
    #[wasm_bindgen(js_name = getState)]
    pub fn get_state(&self) -> Result<JsValue, JsValue> {
        self.with(|st| {
            let v = &st.opts.view;
            let log: JsValue = match v.scale {
                Scale::Auto => "auto".into(),
                Scale::Log => true.into(),
                Scale::Linear => false.into(),
            };
            let count = |n: Option<usize>| JsValue::from(n.unwrap_or(0) as f64);
            object(&[
                ("view", v.kind.as_str().into()),
                ("section", v.section.as_deref().map_or(JsValue::NULL, JsValue::from)),
                (
                    "sectionShown",
                    st.spec.as_ref().and_then(|s| s.section.as_deref()).map_or(JsValue::NULL, JsValue::from),
                ),
                ("sort", v.sort.as_str().into()),
                ("log", log),
                ("locale", st.opts.locale.as_str().into()),
                ("theme", (if st.theme().dark { "dark" } else { "light" }).into()),
                ("rows", count(st.scene.as_ref().map(|s| s.hit_count()))),
                ("bars", count(st.scene.as_ref().map(|s| s.bar_count()))),
                ("width", st.size.0.into()),
                ("height", st.size.1.into()),
                ("dpr", st.dpr.into()),
                ("focus", st.focus.map_or(JsValue::NULL, |f| JsValue::from(f as f64))),
                ("pinned", st.pinned.map_or(JsValue::NULL, |f| JsValue::from(f as f64))),
            ])
        })
    }

    /// The current view as a PNG data URL (without hover highlight).
    #[wasm_bindgen(js_name = toPng)]
    pub fn to_png(&self) -> Result<String, JsValue> {
        self.with(|st| {
            st.sync_base().map_err(|e| err(format!("toPng: {e}")))?;
            st.el.base.to_data_url_with_type("image/png")
        })?
    }

    /// The current view as a standalone SVG document (text stays text, with `<title>` and
    /// `<desc>`), drawn from the same layout as the canvas, without hover highlight.
    #[wasm_bindgen(js_name = toSvg)]
    pub fn to_svg(&self) -> Result<String, JsValue> {
        self.with(|st| {
            let (Some(spec), Some(scene)) = (st.spec.as_ref(), st.scene.as_ref()) else {
                return Err(err("toSvg: nothing is drawn yet (the chart has no size)"));
            };
            let desc = st.opts.description.as_deref().unwrap_or(&spec.description);
            Ok(crate::svg::to_svg(scene, &st.theme(), 1.0, &spec.title, desc))
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
        st.teardown();
    }

    /// True until `destroy()`.
    #[wasm_bindgen(getter, js_name = isAlive)]
    pub fn is_alive(&self) -> bool {
        self.shared.try_borrow().map(|g| g.is_some()).unwrap_or(true)
    }
}

/// A plain JavaScript object of these fields.
pub(super) fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
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
    use crate::extract::{extract, ExtractError};
    use serde::Serialize;
    let fail = |code: &str, msg: String| -> JsValue {
        let e = err(msg);
        let _ = js_sys::Reflect::set(&e, &JsValue::from_str("code"), &JsValue::from_str(code));
        e
    };
    let opts = options::extract_options(&options).map_err(|m| fail("options", m))?;
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

/// The locale's name for the canvas's role, read out by screen readers.
fn role_description(locale: Locale) -> &'static str {
    match locale {
        Locale::Zh => "交互式图表",
        Locale::En => "interactive chart",
    }
}
