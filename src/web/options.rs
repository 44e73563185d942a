//! The options object of `mount`, `setView` and `setOptions`: what each field may hold,
//! each list of valid values kept in one table that both parsing and the error messages
//! read.

use super::err;
use super::input::get;
use crate::format::{plain, Locale};
use crate::view::{Scale, Sort, ViewKind, ViewOptions};
use wasm_bindgen::JsValue;

/// Light or dark colours, or the reader's system setting.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum ThemeChoice {
    Auto,
    Light,
    Dark,
}

/// How tall the chart is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum HeightMode {
    /// As tall as the rows need.
    Auto,
    /// The container's own height.
    Container,
    Fixed(f64),
}

/// Everything a page can set.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Options {
    pub view: ViewOptions,
    pub locale: Locale,
    pub theme: ThemeChoice,
    pub height: HeightMode,
    /// The source line at the chart's foot (`source: false` hides it).
    pub source: bool,
    /// The author's description: the lead of the canvas's accessible name and the SVG's
    /// `<desc>`, instead of the generated one.
    pub description: Option<String>,
    /// The rows as a visible table under the chart.
    pub table: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            view: ViewOptions::default(),
            locale: Locale::Zh,
            theme: ThemeChoice::Auto,
            height: HeightMode::Auto,
            source: true,
            description: None,
            table: false,
        }
    }
}

/// The names each option takes, in the order messages list them.
const THEMES: [(&str, ThemeChoice); 3] =
    [("auto", ThemeChoice::Auto), ("light", ThemeChoice::Light), ("dark", ThemeChoice::Dark)];
const SORTS: [Sort; 2] = [Sort::Report, Sort::Value];
const LOCALES: [Locale; 2] = [Locale::Zh, Locale::En];
/// The events `on()` accepts.
pub(super) const EVENTS: [&str; 3] = ["select", "hover", "render"];
/// Heights in pixels the chart accepts.
const HEIGHT_RANGE: (f64, f64) = (40.0, 100_000.0);

/// "a, b or c".
fn one_of<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let names: Vec<&str> = names.into_iter().collect();
    match names.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", crate::format::join(rest, ", ")),
        None => String::new(),
    }
}

/// A view name, or a message listing the views.
pub(super) fn parse_view(v: &str) -> Result<ViewKind, String> {
    ViewKind::parse(v)
        .ok_or_else(|| format!("unknown view \"{v}\" (expected {})", one_of(ViewKind::ALL.map(ViewKind::as_str))))
}

/// An event name `on()` knows, or a message listing them.
pub(super) fn parse_event(e: &str) -> Result<&'static str, String> {
    EVENTS.into_iter().find(|&k| k == e).ok_or_else(|| format!("unknown event \"{e}\" (expected {})", one_of(EVENTS)))
}

/// An optional text field of a JS object.
pub(super) fn opt_str(obj: &JsValue, key: &str) -> Result<Option<String>, String> {
    let v = get(obj, key);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string()
        .map(Some)
        .ok_or_else(|| format!("options.{key}: expected text, got {}", v.js_typeof().as_string().unwrap_or_default()))
}

/// Applies the fields present in a JS options object; absent fields keep their value.
pub(super) fn apply_options(o: &mut Options, js: &JsValue) -> Result<(), JsValue> {
    if js.is_undefined() || js.is_null() {
        return Ok(());
    }
    if !js.is_object() {
        return Err(err("options: expected an object such as { view: 'headline', locale: 'zh' }"));
    }
    apply_fields(o, js).map_err(err)
}

fn apply_fields(o: &mut Options, js: &JsValue) -> Result<(), String> {
    if let Some(v) = opt_str(js, "view")? {
        o.view.kind = parse_view(&v).map_err(|m| format!("options.view: {m}"))?;
    }
    if get(js, "section").is_null() {
        o.view.section = None;
    } else if let Some(s) = opt_str(js, "section")? {
        o.view.section = if s.is_empty() || s == "all" { None } else { Some(s) };
    }
    if let Some(v) = opt_str(js, "sort")? {
        let names = SORTS.map(Sort::as_str);
        o.view.sort = Sort::parse(&v)
            .ok_or_else(|| format!("options.sort: unknown order \"{v}\" (expected {})", one_of(names)))?;
    }
    if let Some(scale) = parse_log(&get(js, "log"))? {
        o.view.scale = scale;
    }
    if let Some(v) = opt_str(js, "locale")? {
        let names = LOCALES.map(Locale::as_str);
        o.locale = Locale::parse(&v)
            .ok_or_else(|| format!("options.locale: unknown locale \"{v}\" (expected {})", one_of(names)))?;
    }
    if let Some(v) = opt_str(js, "theme")? {
        o.theme = THEMES.iter().find(|(n, _)| *n == v).map(|&(_, t)| t).ok_or_else(|| {
            format!("options.theme: unknown theme \"{v}\" (expected {})", one_of(THEMES.map(|(n, _)| n)))
        })?;
    }
    if let Some(h) = parse_height(&get(js, "height"))? {
        o.height = h;
    }
    if let Some(b) = opt_bool(js, "source")? {
        o.source = b;
    }
    if let Some(b) = opt_bool(js, "table")? {
        o.table = b;
    }
    if get(js, "description").is_null() {
        o.description = None;
    } else if let Some(d) = opt_str(js, "description")? {
        let d = d.trim();
        o.description = if d.is_empty() { None } else { Some(d.chars().take(2000).collect()) };
    }
    Ok(())
}

/// An optional true/false field of a JS object.
fn opt_bool(obj: &JsValue, key: &str) -> Result<Option<bool>, String> {
    let v = get(obj, key);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_bool().map(Some).ok_or_else(|| {
        format!("options.{key}: expected true or false, got {}", v.js_typeof().as_string().unwrap_or_default())
    })
}

/// `log`: true, false or "auto"; `None` when absent.
fn parse_log(log: &JsValue) -> Result<Option<Scale>, String> {
    if let Some(b) = log.as_bool() {
        return Ok(Some(if b { Scale::Log } else { Scale::Linear }));
    }
    if log.as_string().as_deref() == Some("auto") {
        return Ok(Some(Scale::Auto));
    }
    if log.is_undefined() || log.is_null() {
        return Ok(None);
    }
    Err("options.log: expected true, false or \"auto\"".into())
}

/// `height`: pixels, "auto" or "container"; `None` when absent.
fn parse_height(h: &JsValue) -> Result<Option<HeightMode>, String> {
    const EXPECTED: &str = "expected a number of pixels, \"auto\" or \"container\"";
    if let Some(n) = h.as_f64() {
        let (lo, hi) = HEIGHT_RANGE;
        if !(n.is_finite() && (lo..=hi).contains(&n)) {
            return Err(format!(
                "options.height: {} is not a usable height in pixels ({} to {})",
                plain(n),
                plain(lo),
                plain(hi)
            ));
        }
        return Ok(Some(HeightMode::Fixed(n)));
    }
    match h.as_string().as_deref() {
        Some("auto") => Ok(Some(HeightMode::Auto)),
        Some("container") => Ok(Some(HeightMode::Container)),
        Some(s) => Err(format!("options.height: {EXPECTED}, got \"{s}\"")),
        None if h.is_undefined() || h.is_null() => Ok(None),
        None => Err(format!("options.height: {EXPECTED}")),
    }
}

/// The options of `extractIndicators`: `title` and `year`.
#[cfg(feature = "extract-js")]
pub(super) fn extract_options(options: &JsValue) -> Result<crate::extract::ExtractOptions, String> {
    let mut opts = crate::extract::ExtractOptions::default();
    if options.is_undefined() || options.is_null() {
        return Ok(opts);
    }
    if !options.is_object() || options.is_function() {
        let ty = options.js_typeof().as_string().unwrap_or_default();
        return Err(format!("extractIndicators: options must be an object, got a {ty}"));
    }
    opts.title = opt_str(options, "title")?;
    let year = get(options, "year");
    if !(year.is_undefined() || year.is_null()) {
        match year.as_f64() {
            Some(y) if y.fract() == 0.0 && (0.0..=9999.0).contains(&y) => opts.year = Some(y as i32),
            _ => {
                let got = year.as_string().map(|s| format!("\"{s}\"")).unwrap_or_else(|| format!("{year:?}"));
                return Err(format!("options.year: expected a whole number (a year like 2022), got {got}"));
            }
        }
    }
    Ok(opts)
}
