//! Datasets from JavaScript: JSON text or a plain object, both read by the loader snippet
//! (`src/web/loader.js`) into columns — text after the wasm's own syntax check
//! ([`check_json_text`]) and the browser's `JSON.parse` — so the wasm carries no JSON
//! parser, and messages name the record and field as [`Dataset::from_json`] does.

use super::js_msg;
use crate::model::{check_json_text, DataError, Dataset};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/src/web/loader.js")]
extern "C" {
    #[wasm_bindgen(js_name = readDataset)]
    fn read_dataset_columns(input: &JsValue, other: bool) -> JsValue;
    #[wasm_bindgen(js_name = parseJson, catch)]
    fn parse_json(text: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = viaJson, catch)]
    fn via_json(v: &JsValue) -> Result<JsValue, JsValue>;
}

/// Reads a dataset from JSON text or a plain JS object, validated.
///
/// Objects are read in JS (`src/web/loader.js`, one pass) and cross as columns: for
/// 100,000 indicators several times faster than walking the object field by field from
/// Rust. Text is checked here (syntax, with line and column; duplicate fields; numbers
/// past f64), then parsed by the browser and read the same way.
pub(super) fn parse_dataset(v: &JsValue) -> Result<Dataset, DataError> {
    if let Some(s) = v.as_string() {
        check_json_text(&s)?;
        let parsed = parse_json(v).map_err(|e| DataError::new("", format!("not valid JSON: {}", js_msg(&e))))?;
        return read(&parsed);
    }
    check_object(v)?;
    read(v)
}

/// A dataset object through the loader; what it declines (a toJSON method, a BigInt, a
/// getter that throws) is read as JSON sees it: `JSON.parse(JSON.stringify(v))`.
fn read(v: &JsValue) -> Result<Dataset, DataError> {
    match read_columns(v) {
        Some(r) => r,
        None => {
            let j = via_json(v).map_err(|e| {
                DataError::new("", format!("the dataset object cannot be turned into JSON: {}", js_msg(&e)))
            })?;
            if j.is_undefined() {
                return Err(DataError::new("", "the dataset object cannot be turned into JSON (it has none)"));
            }
            read_columns(&j).unwrap_or_else(|| Err(DataError::new("", "the dataset cannot be read")))
        }
    }
}

/// Reads a dataset object both ways — the loader's and serde_json's (the JSON text of
/// `JSON.stringify`) — so tests can check that the two never disagree: `[loader, serde,
/// same]`, each outcome as `"ok: N indicators"` or `"error: …"`, `same` true when both
/// gave equal datasets or errors at the same record and field. Not part of the API.
#[cfg(feature = "test-hooks")]
#[doc(hidden)]
#[wasm_bindgen(js_name = __datasetPathsForTest)]
pub fn dataset_paths_for_test(v: &JsValue) -> js_sys::Array {
    let show = |r: &Result<Dataset, DataError>| -> JsValue {
        match r {
            Ok(d) => format!("ok: {} indicators", d.indicators().len()).into(),
            Err(e) => format!("error: {e}").into(),
        }
    };
    let fast = parse_dataset(v);
    let slow = if v.is_string() { Dataset::from_json(&v.as_string().unwrap_or_default()) } else { serde_path(v) };
    let same = match (&fast, &slow) {
        (Ok(a), Ok(b)) => a == b,
        // A duplicate field: serde names the record it is in, the scanner the field too.
        (Err(a), Err(b)) => a.path == b.path || (a.message == b.message && a.path.starts_with(&b.path)),
        _ => false,
    };
    [show(&fast), show(&slow), same.into()].into_iter().collect()
}

/// A dataset object through the browser's `JSON.stringify` and serde_json (the host
/// page's build keeps serde_json for this comparison). JSON has no NaN or Infinity
/// (stringify writes null), so an error about a null number is checked against the
/// original object to report what the data really held.
#[cfg(feature = "test-hooks")]
fn serde_path(v: &JsValue) -> Result<Dataset, DataError> {
    check_object(v)?;
    let text = js_sys::JSON::stringify(v)
        .map_err(|e| DataError::new("", format!("the dataset object cannot be turned into JSON: {}", js_msg(&e))))?;
    Dataset::from_json(&String::from(text)).map_err(|mut e| {
        if e.message.contains("got null") {
            if let Some(got) = lookup(v, &e.path).as_f64().and_then(non_finite_name) {
                e.message = format!("expected a finite number, got {got}");
            }
        }
        e
    })
}

/// "NaN", "Infinity" or "-Infinity"; `None` for a finite number.
#[cfg(feature = "test-hooks")]
fn non_finite_name(n: f64) -> Option<&'static str> {
    match n {
        _ if n.is_nan() => Some("NaN"),
        _ if n.is_finite() => None,
        _ if n > 0.0 => Some("Infinity"),
        _ => Some("-Infinity"),
    }
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

/// A dataset object read by the loader snippet into columns (see
/// [`Dataset::from_columns`]), validated, or the loader's message for a field of the wrong
/// type; `None` when the loader declines it (read it as JSON instead).
fn read_columns(v: &JsValue) -> Option<Result<Dataset, DataError>> {
    let mut other = false;
    loop {
        let cols = read_dataset_columns(v, other);
        if cols.is_null() {
            return None;
        }
        let cols: js_sys::Array = cols.dyn_into().ok()?;
        let strings = cols.get(0).as_string()?;
        if let Some(message) = cols.get(1).as_string() {
            return Some(Err(DataError::new(strings, message)));
        }
        let nums = js_sys::Float64Array::new(&cols.get(1)).to_vec();
        let sep = cols.get(2).as_string().and_then(|s| s.chars().next()).unwrap_or('\0');
        match Dataset::from_columns_split(&strings, &nums, sep) {
            Some(r) => return Some(r),
            // A string held the separator: once more with one no string holds.
            None if !other => other = true,
            None => return Some(Err(DataError::new("", "the dataset cannot be read"))),
        }
    }
}

/// Follows a path like `indicators[12].value` into a JS object.
#[cfg(feature = "test-hooks")]
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

/// A property of a JS object; `undefined` for anything that is not an object.
pub(super) fn get(obj: &JsValue, key: &str) -> JsValue {
    if !obj.is_object() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}
