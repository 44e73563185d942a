//! Datasets from JavaScript: JSON text, or a plain object read by the loader snippet
//! (`src/web/loader.js`) into columns, with the JSON path behind it for everything the
//! snippet declines, so both give the same dataset or the same message.

use super::js_msg;
use crate::model::{DataError, Dataset};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/src/web/loader.js")]
extern "C" {
    #[wasm_bindgen(js_name = readDataset)]
    fn read_dataset_columns(input: &JsValue) -> JsValue;
}

/// Reads a dataset from JSON text or a plain JS object, validated.
///
/// Objects are read in JS (`src/web/loader.js`, one pass) and cross as columns: for
/// 100,000 indicators several times faster than walking the object field by field from
/// Rust. Anything the loader does not take goes through the browser's `JSON.stringify`
/// and serde_json, which names the fault.
pub(super) fn parse_dataset(v: &JsValue) -> Result<Dataset, DataError> {
    if let Some(s) = v.as_string() {
        return Dataset::from_json(&s);
    }
    check_object(v)?;
    if let Some(ds) = read_columns(v) {
        return ds;
    }
    parse_object_as_json(v)
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
            Ok(d) => format!("ok: {} indicators", d.indicators().len()).into(),
            Err(e) => format!("error: {e}").into(),
        }
    };
    let fast = read_columns(v);
    let slow = check_object(v).and_then(|()| parse_object_as_json(v));
    let same = match (&fast, &slow) {
        (Some(Ok(a)), Ok(b)) => a == b,
        (Some(Err(a)), Err(b)) => a == b,
        _ => false,
    };
    [fast.as_ref().map(show).unwrap_or(JsValue::NULL), show(&slow), same.into()].into_iter().collect()
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

/// A dataset object through the browser's `JSON.stringify` and serde_json. JSON has no
/// NaN or Infinity (stringify writes null), so an error about a null number is checked
/// against the original object to report what the data really held.
fn parse_object_as_json(v: &JsValue) -> Result<Dataset, DataError> {
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
fn non_finite_name(n: f64) -> Option<&'static str> {
    match n {
        _ if n.is_nan() => Some("NaN"),
        _ if n.is_finite() => None,
        _ if n > 0.0 => Some("Infinity"),
        _ => Some("-Infinity"),
    }
}

/// A dataset object read by the loader snippet into columns (see
/// [`Dataset::from_columns`]), validated; `None` when the loader or the decoder declines it.
fn read_columns(v: &JsValue) -> Option<Result<Dataset, DataError>> {
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

/// A property of a JS object; `undefined` for anything that is not an object.
pub(super) fn get(obj: &JsValue, key: &str) -> JsValue {
    if !obj.is_object() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}
