//! The elements a chart adds to the page: built, taken off again (a mounted `<canvas>` given
//! back as it came) and the error boxes in `dom.js`; here the Rust side of those, the inline
//! `!important` styles the shell sets later (so host-page CSS cannot break them), and the
//! reader's system colours.

use super::{role_description, PREFIX};
use crate::format::Locale;
use crate::render::SystemColors;
use plotters::style::RGBColor;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement, HtmlElement};

// Building the elements is JavaScript (dom.js, folded into the glue): one line of JS per DOM
// call instead of Rust code and a glue shim per web-sys method. Measured on the package
// (./build.sh package, gzip -9, 2026-12-01): see the commit that moved it.
#[wasm_bindgen(module = "/src/web/dom.js")]
extern "C" {
    #[wasm_bindgen(js_name = buildParts, catch)]
    fn build_parts(host: &Element, role_description: &str) -> Result<js_sys::Array, JsValue>;
    #[wasm_bindgen(js_name = removeParts)]
    fn remove_parts(canvas: &HtmlCanvasElement, added: &JsValue, saved: &JsValue);
    #[wasm_bindgen(js_name = clearMountErrors)]
    fn clear_mount_errors(host: &Element);
    #[wasm_bindgen(js_name = showMountError)]
    fn show_mount_error_js(host: &Element, text: &str);
    #[wasm_bindgen(js_name = tableStyle)]
    fn table_style_js(table: &HtmlElement, visible: bool);
    /// The tooltip's text for a row (see `fillTooltip` in dom.js).
    #[allow(clippy::too_many_arguments)]
    #[wasm_bindgen(js_name = fillTooltip)]
    pub(super) fn fill_tooltip(
        tip: &HtmlElement,
        label: &str,
        value: &str,
        quoted: bool,
        before: &str,
        mid: &str,
        after: &str,
        section: &str,
    );
    /// Row `at` of the rows' table, reused when it has the same shape (see `tableRow` in
    /// dom.js).
    #[wasm_bindgen(js_name = tableRow)]
    pub(super) fn table_row(table: &Element, at: usize, scope: &str, line: &str, a: &str, b: &str, c: &str);
    /// The table's caption (see `tableCaption` in dom.js).
    #[wasm_bindgen(js_name = tableCaption)]
    pub(super) fn table_caption(table: &Element, text: &str, shown: bool);
    /// Removes the table's rows from index `count` on.
    #[wasm_bindgen(js_name = tableEnd)]
    pub(super) fn table_end(table: &Element, count: usize);
}

/// Shows the rows' table under the chart, or hides it for all but screen readers.
pub(super) fn table_style(table: &HtmlElement, visible: bool) {
    table_style_js(table, visible);
}

/// Inline styles, `!important`: a host page's own `!important` rules (`canvas { width: 10px
/// !important }`) beat inline styles of normal priority, but not important inline ones.
pub(super) fn css(el: &HtmlElement, props: &[(&str, &str)]) {
    let s = el.style();
    for (k, v) in props {
        let _ = s.set_property_with_priority(k, v, "important");
    }
}

/// The canvas's role, read out by screen readers, in the reader's language.
pub(super) fn set_role_description(canvas: &HtmlCanvasElement, locale: Locale) {
    let _ = canvas.set_attribute("aria-roledescription", role_description(locale));
}

/// Messages from an earlier failed mount in this container are stale once it mounts again.
pub(super) fn remove_mount_errors(host: &Element) {
    clear_mount_errors(host);
}

/// A failed mount still tells the reader why, in the element itself (and on the console).
pub(super) fn show_mount_error(host: &Element, msg: &str) {
    show_mount_error_js(host, &format!("{PREFIX}: {msg}"));
}

/// Every element of one chart.
pub(super) struct Parts {
    /// The wrapper, when mounted in a container (none on a `<canvas>`).
    pub root: Option<HtmlElement>,
    pub canvas: HtmlCanvasElement,
    /// The offscreen layer hover copies from.
    pub base: HtmlCanvasElement,
    pub tooltip: HtmlElement,
    pub live: HtmlElement,
    pub table: HtmlElement,
    pub error: HtmlElement,
    /// What the chart added to the page (a JS array), removed by `destroy()`.
    added: JsValue,
    /// A mounted `<canvas>`'s style and attributes before the chart changed them (or null).
    saved: JsValue,
}

impl Parts {
    /// Builds the chart's elements in `host` (a container, or a `<canvas>` that gets its
    /// siblings right after it).
    pub(super) fn build(host: &Element, locale: Locale) -> Result<Parts, JsValue> {
        let a = build_parts(host, role_description(locale))?;
        let root = a.get(0);
        Ok(Parts {
            root: if root.is_null() { None } else { Some(root.unchecked_into()) },
            canvas: a.get(1).unchecked_into(),
            base: a.get(2).unchecked_into(),
            tooltip: a.get(3).unchecked_into(),
            live: a.get(4).unchecked_into(),
            table: a.get(5).unchecked_into(),
            error: a.get(6).unchecked_into(),
            added: a.get(7),
            saved: a.get(8),
        })
    }

    /// Takes the chart off the page: what it added goes, a mounted `<canvas>` gets its
    /// attributes and style back.
    pub(super) fn remove(&self) {
        remove_parts(&self.canvas, &self.added, &self.saved);
    }
}

/// The reader's system colours in a forced-colours mode, resolved by the browser on
/// `probe` (an element in the page; its colour is set and restored). A canvas cannot
/// paint `CanvasText` itself: it needs the RGB the keyword stands for.
pub(super) fn system_colors(probe: &HtmlElement) -> Option<SystemColors> {
    let window = web_sys::window()?;
    let style = probe.style();
    let saved = (style.get_property_value("color").ok()?, style.get_property_value("forced-color-adjust").ok()?);
    // With forced-color-adjust: none the browser keeps the keyword instead of forcing
    // the element's colour to CanvasText.
    let _ = style.set_property("forced-color-adjust", "none");
    let resolve = |keyword: &str| -> Option<RGBColor> {
        style.set_property("color", keyword).ok()?;
        parse_rgb(&window.get_computed_style(probe).ok()??.get_property_value("color").ok()?)
    };
    let colors = (|| {
        Some(SystemColors {
            canvas: resolve("Canvas")?,
            canvas_text: resolve("CanvasText")?,
            highlight: resolve("Highlight")?,
            gray_text: resolve("GrayText")?,
        })
    })();
    let _ = style.set_property("color", &saved.0);
    let _ = style.set_property("forced-color-adjust", &saved.1);
    colors
}

/// `rgb(1, 2, 3)` or `rgba(1, 2, 3, 1)` as the browser writes a computed colour.
fn parse_rgb(css: &str) -> Option<RGBColor> {
    let inner = css.trim().strip_prefix("rgba(").or_else(|| css.trim().strip_prefix("rgb("))?.strip_suffix(')')?;
    // Whole numbers only: system colours resolve to them, and parsing floats would pull
    // core's float parser (several kB) into the wasm.
    let mut parts = inner.split(',').map(|p| p.trim().parse::<u8>().ok());
    Some(RGBColor(parts.next()??, parts.next()??, parts.next()??))
}

/// A CSS length in pixels (`12.5px`), to three decimals, without core's float formatting.
pub(super) fn px(v: f64) -> String {
    let mut s = crate::format::trim_decimals(v, 3);
    s.push_str("px");
    s
}
