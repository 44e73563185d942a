//! The elements a chart adds to the page: their class names, their styles (inline and
//! `!important`, so host-page CSS cannot break them), building them, the error boxes, and
//! giving a mounted `<canvas>` back as it came.

use super::{err, role_description, PREFIX};
use crate::format::Locale;
use crate::render::SystemColors;
use plotters::style::RGBColor;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement};

/// The wrapper the chart builds inside a container.
pub(super) const CLASS_ROOT: &str = "ic-root";
/// The visible canvas.
pub(super) const CLASS_CANVAS: &str = "ic-canvas";
/// The floating detail of a bar.
pub(super) const CLASS_TOOLTIP: &str = "ic-tooltip";
/// The source sentence inside the tooltip.
pub(super) const CLASS_TOOLTIP_QUOTE: &str = "ic-tt-quote";
/// The polite live region that reads the focused bar.
pub(super) const CLASS_LIVE: &str = "ic-live";
/// The screen-reader table.
pub(super) const CLASS_TABLE: &str = "ic-table";
/// The error box of a live chart.
pub(super) const CLASS_ERROR: &str = "ic-error";
/// The error box of a mount that failed.
pub(super) const CLASS_MOUNT_ERROR: &str = "ic-mount-error";

/// How an error box looks, wherever it is.
const ERROR_STYLE: &[(&str, &str)] = &[
    ("padding", "12px"),
    ("border", "1px solid #d1242f"),
    ("color", "#d1242f"),
    ("background", "#fff5f5"),
    ("font", "14px/1.5 system-ui, sans-serif"),
    ("white-space", "pre-wrap"),
    ("direction", "ltr"),
];

/// Present to screen readers, invisible on screen.
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

const TOOLTIP_STYLE: &[(&str, &str)] = &[
    ("position", "absolute"),
    ("display", "none"),
    ("pointer-events", "none"),
    ("z-index", "10"),
    ("padding", "8px 10px"),
    ("border-radius", "6px"),
    ("box-shadow", "0 2px 10px rgba(0,0,0,.18)"),
    ("font", "13px/1.5 system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif"),
    ("white-space", "normal"),
    ("overflow-wrap", "anywhere"),
    ("direction", "ltr"),
    ("text-align", "left"),
    ("box-sizing", "border-box"),
];

const ROOT_STYLE: &[(&str, &str)] = &[
    ("position", "relative"),
    // The visually hidden table is 1 px wide, but a table's cells overflow it: unclipped,
    // they widened a phone's page to 480 px when the host's box did not clip them. The
    // tooltip always lies within the chart's width; `clip` leaves y alone.
    ("overflow-x", "clip"),
    ("display", "block"),
    ("width", "100%"),
    ("min-width", "0"),
    ("direction", "ltr"),
    ("text-align", "left"),
    ("box-sizing", "border-box"),
];

const CANVAS_STYLE: &[(&str, &str)] = &[
    ("display", "block"),
    ("direction", "ltr"),
    // A vertical swipe scrolls the page, a sideways slide is the chart's (it scrubs the
    // detail along the bars, see touch.rs), pinch still zooms; where `pinch-zoom` is not
    // understood (Safari) the declaration is dropped and `pan-y` stays.
    ("touch-action", "pan-y"),
    ("touch-action", "pan-y pinch-zoom"),
    ("outline-offset", "2px"),
    ("max-width", "100%"),
];

/// The attributes of a mounted `<canvas>` that the chart changes and gives back.
const CANVAS_ATTRS: [&str; 8] =
    ["tabindex", "role", "aria-label", "aria-describedby", "width", "height", "class", "style"];

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// Inline styles, `!important`: a host page's own `!important` rules (`canvas { width: 10px
/// !important }`) beat inline styles of normal priority, but not important inline ones.
pub(super) fn css(el: &HtmlElement, props: &[(&str, &str)]) {
    let s = el.style();
    for (k, v) in props {
        let _ = s.set_property_with_priority(k, v, "important");
    }
}

/// A new element with a class.
pub(super) fn create(doc: &Document, tag: &str, class: &str) -> Result<HtmlElement, JsValue> {
    let el: HtmlElement = doc.create_element(tag)?.dyn_into()?;
    el.set_class_name(class);
    Ok(el)
}

/// Removes every child.
pub(super) fn clear(el: &Element) {
    while let Some(c) = el.first_child() {
        let _ = el.remove_child(&c);
    }
}

/// Appends an element holding this text (as text, never HTML).
pub(super) fn append_text(doc: &Document, parent: &Element, tag: &str, text: &str) -> Result<HtmlElement, JsValue> {
    let el: HtmlElement = doc.create_element(tag)?.dyn_into()?;
    el.set_text_content(Some(text));
    parent.append_child(&el)?;
    Ok(el)
}

/// The canvas's role, read out by screen readers, in the reader's language.
pub(super) fn set_role_description(canvas: &HtmlCanvasElement, locale: Locale) {
    let _ = canvas.set_attribute("aria-roledescription", role_description(locale));
}

/// Messages from an earlier failed mount in this container are stale once it mounts again.
pub(super) fn remove_mount_errors(host: &Element) {
    if host.dyn_ref::<HtmlCanvasElement>().is_some() {
        return;
    }
    if let Ok(old) = host.query_selector_all(&format!(":scope > .{CLASS_MOUNT_ERROR}")) {
        for n in (0..old.length()).filter_map(|i| old.item(i)) {
            let _ = host.remove_child(&n);
        }
    }
}

/// A failed mount still tells the reader why, in the element itself.
pub(super) fn show_mount_error(doc: &Document, host: &Element, msg: &str) {
    let Ok(el) = create(doc, "div", CLASS_MOUNT_ERROR) else { return };
    let _ = el.set_attribute("role", "alert");
    el.set_text_content(Some(&format!("{PREFIX}: {msg}")));
    css(&el, ERROR_STYLE);
    if host.dyn_ref::<HtmlCanvasElement>().is_some() {
        if let Some(p) = host.parent_node() {
            let _ = p.insert_before(&el, host.next_sibling().as_ref());
        }
    } else {
        let _ = host.append_child(&el);
    }
    web_sys::console::error_1(&format!("{PREFIX}: {msg}").into());
}

/// A mounted `<canvas>`'s style and attributes before the chart changed them.
pub(super) struct SavedCanvas {
    css: String,
    attrs: Vec<(&'static str, Option<String>)>,
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
    /// What the chart added to the page, removed by `destroy()`.
    pub added: Vec<Element>,
    pub saved: Option<SavedCanvas>,
}

impl Parts {
    /// Builds the chart's elements in `host` (a container, or a `<canvas>` that gets its
    /// siblings right after it).
    pub(super) fn build(doc: &Document, host: &Element, locale: Locale) -> Result<Parts, JsValue> {
        let mut added: Vec<Element> = Vec::new();
        let (root, canvas, saved) = match host.dyn_ref::<HtmlCanvasElement>() {
            Some(c) => (None, c.clone(), Some(save_canvas(c))),
            None => {
                let root = create(doc, "div", CLASS_ROOT)?;
                css(&root, ROOT_STYLE);
                let canvas: HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;
                root.append_child(&canvas)?;
                host.append_child(&root)?;
                added.push(root.clone().into());
                (Some(root), canvas, None)
            }
        };
        dress_canvas(&canvas, root.is_some(), locale)?;
        let base: HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;
        let id = NEXT_ID.with(|n| n.replace(n.get() + 1));
        let [tooltip, live, table, error] = overlay_elements(doc, id, root.is_some())?;
        // Siblings of the canvas: inside our root, or right after a mounted <canvas>.
        let parent: Element = match &root {
            Some(r) => r.clone().into(),
            None => canvas.parent_element().ok_or_else(|| err("mount: the <canvas> must be in a parent element"))?,
        };
        let next = if root.is_some() { None } else { canvas.next_sibling() };
        for el in [&tooltip, &live, &table, &error] {
            parent.insert_before(el, next.as_ref())?;
            if root.is_none() {
                added.push(el.clone().into());
            }
        }
        canvas.set_attribute("aria-describedby", &table.id())?;
        Ok(Parts { root, canvas, base, tooltip, live, table, error, added, saved })
    }

    /// Takes the chart off the page: what it added goes, a mounted `<canvas>` gets its
    /// attributes and style back.
    pub(super) fn remove(&self) {
        for el in &self.added {
            el.remove();
        }
        if let Some(saved) = &self.saved {
            restore_canvas(&self.canvas, saved);
        }
    }
}

fn save_canvas(c: &HtmlCanvasElement) -> SavedCanvas {
    let saved = SavedCanvas {
        css: c.style().css_text(),
        attrs: CANVAS_ATTRS.iter().map(|&a| (a, c.get_attribute(a))).collect(),
    };
    if c.style().get_property_value("width").unwrap_or_default().is_empty() {
        css(c, &[("width", "100%")]);
    }
    saved
}

fn dress_canvas(canvas: &HtmlCanvasElement, in_root: bool, locale: Locale) -> Result<(), JsValue> {
    canvas.class_list().add_1(CLASS_CANVAS)?;
    css(canvas, CANVAS_STYLE);
    if in_root {
        css(canvas, &[("width", "100%")]);
    }
    canvas.set_attribute("tabindex", "0")?;
    canvas.set_attribute("role", "application")?;
    set_role_description(canvas, locale);
    Ok(())
}

/// Tooltip, live region, screen-reader table (id `ic-table-{id}`) and error box.
fn overlay_elements(doc: &Document, id: u32, in_root: bool) -> Result<[HtmlElement; 4], JsValue> {
    let tooltip = create(doc, "div", CLASS_TOOLTIP)?;
    tooltip.set_attribute("aria-hidden", "true")?;
    css(&tooltip, TOOLTIP_STYLE);
    let live = create(doc, "div", CLASS_LIVE)?;
    live.set_attribute("aria-live", "polite")?;
    live.set_attribute("aria-atomic", "true")?;
    css(&live, VISUALLY_HIDDEN);
    let table = create(doc, "table", CLASS_TABLE)?;
    css(&table, VISUALLY_HIDDEN);
    table.set_id(&format!("ic-table-{id}"));
    let error = create(doc, "div", CLASS_ERROR)?;
    error.set_attribute("role", "alert")?;
    css(&error, &[("display", "none"), ("position", if in_root { "absolute" } else { "relative" })]);
    css(&error, &[("left", "0"), ("right", "0"), ("top", "0"), ("z-index", "20")]);
    css(&error, ERROR_STYLE);
    Ok([tooltip, live, table, error])
}

/// The canvas goes back exactly as it came: attributes it lacked are removed, not left
/// empty. Style is restored through the CSSOM (a CSP without 'unsafe-inline' forbids
/// setting the style attribute).
fn restore_canvas(canvas: &HtmlCanvasElement, saved: &SavedCanvas) {
    canvas.style().set_css_text(&saved.css);
    let _ = canvas.remove_attribute("aria-roledescription");
    for (k, v) in &saved.attrs {
        let _ = match (*k, v) {
            ("style", Some(_)) => Ok(()),
            ("style", None) => {
                // Chromium writes CSSOM changes back to the attribute lazily; read it
                // first so the pending write cannot bring back an empty style="".
                let _ = canvas.get_attribute("style");
                canvas.remove_attribute("style")
            }
            (_, Some(v)) => canvas.set_attribute(k, v),
            (_, None) => canvas.remove_attribute(k),
        };
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
