//! Datasets as JSON text: reading (serde_json, with messages in a data author's words that
//! name the record and field, and the line and column of a syntax error) and writing (the
//! repository's stable pretty form).

use super::{DataError, Dataset, RawDataset};

impl Dataset {
    /// The dataset as the JSON files in this repository are written: pretty-printed with
    /// two-space indents, UTF-8 (no `\u` escapes but for control characters), arrays of
    /// numbers on one line (`"span": [98, 114]`), whole numbers without a fraction, and a
    /// trailing newline. The same dataset always gives the same bytes.
    pub fn to_json_pretty(&self) -> Result<String, DataError> {
        // Plain structs and string keys: serde_json has nothing to refuse here, but a
        // library does not assume that.
        let pretty = serde_json::to_string_pretty(self)
            .map_err(|e| DataError::new("", format!("cannot write the dataset as JSON: {e}")))?;
        let mut out = String::with_capacity(pretty.len());
        let lines: Vec<&str> = pretty.lines().collect();
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i];
            // A line ending in `[` opens an array (a string value cannot end a line with
            // `[`: raw newlines are always escaped inside JSON strings). When every line
            // up to the closing `]` is a number, write the array on one line.
            if line.ends_with('[') {
                let mut items = Vec::new();
                let mut j = i + 1;
                while j < lines.len() {
                    let t = lines[j].trim();
                    let item = t.strip_suffix(',').unwrap_or(t);
                    if item.is_empty() || !item.bytes().all(|b| b.is_ascii_digit() || b"-+.eE".contains(&b)) {
                        break;
                    }
                    items.push(item);
                    j += 1;
                }
                let close = lines.get(j).map(|l| l.trim());
                if !items.is_empty() && matches!(close, Some("]") | Some("],")) {
                    out.push_str(line);
                    out.push_str(&crate::format::join(&items, ", "));
                    out.push_str(close.unwrap_or("]"));
                    out.push('\n');
                    i = j + 1;
                    continue;
                }
            }
            out.push_str(line);
            out.push('\n');
            i += 1;
        }
        Ok(out)
    }

    /// Parses and validates a dataset from JSON text. A leading byte-order mark is allowed.
    pub fn from_json(text: &str) -> Result<Dataset, DataError> {
        let text = super::scan::json_prelude(text)?;
        let mut de = serde_json::Deserializer::from_str(text);
        let raw: RawDataset = match serde_path_to_error::deserialize(&mut de) {
            Ok(v) => v,
            Err(e) => {
                let path = e.path().to_string();
                let inner = e.into_inner();
                if inner.to_string().starts_with("number out of range") {
                    // Valid JSON, but a number no f64 holds (1e400): name the field.
                    return Err(DataError::new(
                        path,
                        format!(
                            "the number is out of range: beyond ±1.8e308 (line {}, column {})",
                            inner.line(),
                            inner.column()
                        ),
                    ));
                }
                if inner.is_syntax() || inner.is_eof() {
                    // Inside a record, say which field the bad JSON is in.
                    // serde_path_to_error writes `?` for a key it had not read yet.
                    let at = path.trim_end_matches(".?").trim_end_matches('?').trim_end_matches('.');
                    let at = if at.is_empty() { String::new() } else { at.to_string() };
                    return Err(DataError::new(
                        at,
                        format!(
                            "not valid JSON: {} (line {}, column {})",
                            humanize_serde_message(&inner.to_string()),
                            inner.line(),
                            inner.column()
                        ),
                    ));
                }
                return Err(path_error(path, &inner.to_string()));
            }
        };
        de.end().map_err(|e| {
            DataError::new(
                "",
                format!(
                    "not valid JSON: trailing characters after the dataset (line {}, column {})",
                    e.line(),
                    e.column()
                ),
            )
        })?;
        raw.validated()
    }
}

/// Turns serde's wording ("invalid type: string \"abc\", expected f64") into a reader's
/// ("expected a number, got \"abc\"").
fn humanize_serde_message(msg: &str) -> String {
    let msg = msg.split(" at line ").next().unwrap_or(msg);
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        if let Some((got, expected)) = rest.split_once(", expected ") {
            return format!("expected {}, got {}", expected_words(expected), got_words(got));
        }
    }
    if let Some(rest) = msg.strip_prefix("invalid value: ") {
        if let Some((got, expected)) = rest.split_once(", expected ") {
            return format!("expected {}, got {}", expected_words(expected), got_words(got));
        }
    }
    if let Some(rest) = msg.strip_prefix("invalid length ") {
        if let Some((n, expected)) = rest.split_once(", expected ") {
            return format!("expected {}, got {n} item(s)", expected_words(expected));
        }
    }
    if msg.contains("hex escape") || msg.contains("surrogate") {
        return format!("text holds an invalid Unicode escape (a lone surrogate, \\uD800–\\uDFFF): {msg}");
    }
    if let Some(rest) = msg.strip_prefix("duplicate field `").and_then(|r| r.strip_suffix('`')) {
        return format!("the field \"{rest}\" appears twice");
    }
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return format!("missing field {rest}");
    }
    msg.to_string()
}

/// serde's name for what it wanted, in a data author's words.
fn expected_words(expected: &str) -> String {
    match expected {
        "f64" | "f32" => "a number".into(),
        "i32" | "i64" => "a number (a whole one)".into(),
        "u32" | "u64" | "usize" => "a number (whole, 0 or more)".into(),
        "a string" => "text (a string)".into(),
        "a boolean" => "true or false".into(),
        "a sequence" => "a list".into(),
        "an array of length 2" => "a list of two numbers, [start, end]".into(),
        e if e.starts_with("struct ") || e == "a map" => "an object".into(),
        e => e.replace('`', ""),
    }
}

/// serde's description of what it found (`boolean \`true\``, `map`, `string "x"`), as
/// the value a data author would recognise.
fn got_words(got: &str) -> String {
    let tick = |s: &str| s.trim_matches('`').to_string();
    if let Some(v) = got.strip_prefix("string ") {
        return v.to_string();
    }
    for p in ["boolean ", "integer ", "floating point ", "character "] {
        if let Some(v) = got.strip_prefix(p) {
            return tick(v);
        }
    }
    match got {
        "map" => "an object".into(),
        "sequence" => "a list".into(),
        "unit value" | "null" => "null".into(),
        g => g.replace('`', ""),
    }
}

fn path_error(path: String, inner: &str) -> DataError {
    let message = humanize_serde_message(inner);
    // A missing field is reported at the object that lacks it: name the field in the path.
    if let Some(field) = message.strip_prefix("missing field `").and_then(|r| r.strip_suffix('`')) {
        let path = if path == "." { field.to_string() } else { format!("{path}.{field}") };
        return DataError::new(path, "missing field");
    }
    DataError::new(if path == "." { String::new() } else { path }, message)
}
