//! JSON text checked without serde: the wasm build's half of reading a dataset from text.
//! The browser's `JSON.parse` builds the value (and the loader snippet reads it into
//! columns), but `JSON.parse` says nothing about where a fault is and keeps the last of two
//! equal keys; this scanner says both, in [`Dataset::from_json`]'s words: the record and
//! field, and the line and column of a syntax error (counted as serde_json counts them: a
//! line's first byte is column 1). It builds nothing, so it costs a few kB of wasm where
//! serde_json and serde_path_to_error cost about 40 kB. Its stack of open containers is on
//! the heap: no nesting overflows it (serde_json skips unknown fields the same way).
//!
//! [`Dataset::from_json`]: super::Dataset::from_json

use super::DataError;
use std::fmt::Write;

/// The refusal of a `\u` escape that leaves half a surrogate pair alone.
const LONE: &str = "text holds an invalid Unicode escape (a lone surrogate, \\uD800–\\uDFFF)";

/// What a JSON value is in the dataset, so duplicate keys of its records can be named.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Rec {
    Root,
    Source,
    Section,
    Indicator,
    /// The `sections` list.
    Sections,
    /// The `indicators` list.
    Indicators,
    Other,
}

impl Rec {
    /// The fields of a record (what serde would refuse to see twice).
    fn fields(self) -> &'static [&'static str] {
        match self {
            Rec::Root => &["title", "source", "sections", "indicators"],
            Rec::Source => &["title", "year", "text"],
            Rec::Section => &["id", "title", "title_en", "parent"],
            Rec::Indicator => &[
                "id",
                "section",
                "label",
                "label_en",
                "value",
                "unit",
                "kind",
                "approx",
                "quote",
                "span",
                "repeat_of",
                "of",
            ],
            _ => &[],
        }
    }

    /// What the value of field `key` of this record is.
    fn child(self, key: &[u8]) -> Rec {
        match (self, key) {
            (Rec::Root, b"source") => Rec::Source,
            (Rec::Root, b"sections") => Rec::Sections,
            (Rec::Root, b"indicators") => Rec::Indicators,
            _ => Rec::Other,
        }
    }
}

/// An open object or list: the length of the path before it, and for an object its
/// record kind and the fields seen (bit i: `fields()[i]`), for a list the kind of its
/// items and the index of the current one.
enum Frame {
    Obj { rec: Rec, len: usize, seen: u32 },
    Arr { item: Rec, len: usize, n: usize },
}

/// Where the scanner goes next.
enum Step {
    Value(Rec),
    After,
    Key,
    Done,
}

/// The empty, non-object and not-JSON-at-all refusals of [`super::Dataset::from_json`],
/// in its words; the text without a leading byte-order mark when it starts like an object.
pub fn json_prelude(text: &str) -> Result<&str, DataError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let body = text.trim_start();
    let got = match body.chars().next() {
        None => return Err(DataError::new("", "the dataset is empty (no JSON at all)")),
        Some('{') => return Ok(text),
        Some('[') => "a list",
        Some('"') => "text",
        Some('t' | 'f') => "true or false",
        Some('n') => "null",
        Some(c) if c == '-' || c.is_ascii_digit() => "a number",
        _ => {
            let (line, col) = line_col(text.as_bytes(), text.len() - body.len());
            return Err(DataError::new("", format!("not valid JSON: it does not start like JSON (line {line}, column {col}); is this an HTML page or an error message?")));
        }
    };
    Err(DataError::new(
        "",
        format!("expected an object (the dataset: {{ title, source, sections, indicators }}), got {got}"),
    ))
}

/// Checks dataset text the way [`super::Dataset::from_json`] reads it, up to the types of
/// the fields: the prelude's refusals, JSON syntax (with the field it is in, and the line
/// and column), a number no f64 holds, a lone surrogate
/// escape, a field of a dataset record written twice. `Ok` holds the text without a
/// byte-order mark, ready for `JSON.parse`.
pub fn check_json_text(text: &str) -> Result<&str, DataError> {
    let text = json_prelude(text)?;
    let mut s = Scan { b: text.as_bytes(), i: 0, path: String::new(), stack: Vec::new() };
    let mut step = Step::Value(Rec::Root);
    loop {
        step = match step {
            Step::Value(rec) => s.value(rec)?,
            Step::After => s.after()?,
            Step::Key => s.key()?,
            Step::Done => return Ok(text),
        };
    }
}

/// serde_json's line and column of byte `at`: lines from 1; the column counts bytes from
/// the line's start, the byte itself included (at the end: the last byte's column).
fn line_col(b: &[u8], at: usize) -> (usize, usize) {
    let at = at.min(b.len());
    let before = &b[..at];
    let line = 1 + before.iter().filter(|&&c| c == b'\n').count();
    let start = before.iter().rposition(|&c| c == b'\n').map_or(0, |p| p + 1);
    let col = if at == b.len() { at - start } else { at + 1 - start };
    (line, col)
}

/// The scanner: the text, where it is, the path of the value it is in, the open containers.
struct Scan<'a> {
    b: &'a [u8],
    i: usize,
    path: String,
    stack: Vec<Frame>,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            self.i += 1;
        }
    }

    /// A syntax error at byte `at`, in the field the scanner is in.
    fn fail(&self, at: usize, what: &str) -> DataError {
        let (line, col) = line_col(self.b, at);
        DataError::new(self.path.clone(), format!("not valid JSON: {what} (line {line}, column {col})"))
    }

    /// A value starting here; `rec` is what it is in the dataset.
    fn value(&mut self, rec: Rec) -> Result<Step, DataError> {
        self.ws();
        let Some(c) = self.peek() else { return Err(self.fail(self.i, "EOF while parsing a value")) };
        match c {
            b'{' | b'[' => {
                self.i += 1;
                let len = self.path.len();
                self.ws();
                if c == b'{' {
                    let rec = if rec.fields().is_empty() { Rec::Other } else { rec };
                    self.stack.push(Frame::Obj { rec, len, seen: 0 });
                    if self.peek() == Some(b'}') {
                        self.i += 1;
                        self.stack.pop();
                        return Ok(Step::After);
                    }
                    return Ok(Step::Key);
                }
                let item = match rec {
                    Rec::Sections => Rec::Section,
                    Rec::Indicators => Rec::Indicator,
                    _ => Rec::Other,
                };
                self.stack.push(Frame::Arr { item, len, n: 0 });
                if self.peek() == Some(b']') {
                    self.i += 1;
                    self.stack.pop();
                    return Ok(Step::After);
                }
                // Paths go as deep as the dataset's records (as serde's do), not into
                // the values they hold.
                if item != Rec::Other {
                    self.path.push_str("[0]");
                }
                Ok(Step::Value(item))
            }
            b'"' => self.string().map(|_| Step::After),
            b'-' | b'0'..=b'9' => self.number().map(|()| Step::After),
            b't' => self.ident(b"true"),
            b'f' => self.ident(b"false"),
            b'n' => self.ident(b"null"),
            _ => Err(self.fail(self.i, "expected value")),
        }
    }

    fn ident(&mut self, word: &[u8]) -> Result<Step, DataError> {
        for &w in word {
            match self.peek() {
                Some(c) if c == w => self.i += 1,
                None => return Err(self.fail(self.i, "EOF while parsing a value")),
                Some(_) => return Err(self.fail(self.i, "expected ident")),
            }
        }
        Ok(Step::After)
    }

    /// After a value: a comma and the next item or key, the end of its container, or the
    /// end of the text.
    fn after(&mut self) -> Result<Step, DataError> {
        self.ws();
        let c = self.peek();
        let Some(top) = self.stack.last_mut() else {
            return match c {
                None => Ok(Step::Done),
                Some(_) => {
                    let (line, col) = line_col(self.b, self.i);
                    Err(DataError::new(
                        "",
                        format!("not valid JSON: trailing characters after the dataset (line {line}, column {col})"),
                    ))
                }
            };
        };
        match top {
            Frame::Arr { item, len, n } => {
                let (item, len) = (*item, *len);
                self.path.truncate(len);
                match c {
                    Some(b',') => {
                        *n += 1;
                        if item != Rec::Other {
                            let _ = write!(self.path, "[{n}]");
                        }
                        self.i += 1;
                        self.ws();
                        if self.peek() == Some(b']') {
                            return Err(self.fail(self.i, "trailing comma"));
                        }
                        Ok(Step::Value(item))
                    }
                    Some(b']') => self.close(),
                    None => Err(self.fail(self.i, "EOF while parsing a list")),
                    Some(_) => Err(self.fail(self.i, "expected \",\" or \"]\"")),
                }
            }
            Frame::Obj { len, .. } => {
                self.path.truncate(*len);
                match c {
                    Some(b',') => {
                        self.i += 1;
                        self.ws();
                        if self.peek() == Some(b'}') {
                            return Err(self.fail(self.i, "trailing comma"));
                        }
                        Ok(Step::Key)
                    }
                    Some(b'}') => self.close(),
                    None => Err(self.fail(self.i, "EOF while parsing an object")),
                    Some(_) => Err(self.fail(self.i, "expected \",\" or \"}\"")),
                }
            }
        }
    }

    fn close(&mut self) -> Result<Step, DataError> {
        self.i += 1;
        self.stack.pop();
        Ok(Step::After)
    }

    /// A key, its colon, and the step to its value. A field of a dataset record seen
    /// twice is refused as serde refuses it.
    fn key(&mut self) -> Result<Step, DataError> {
        self.ws();
        match self.peek() {
            Some(b'"') => {}
            None => return Err(self.fail(self.i, "EOF while parsing an object")),
            Some(_) => return Err(self.fail(self.i, "key must be a string")),
        }
        let key = self.string()?;
        let b = self.b;
        let name = &b[key.0..key.1];
        let Some(Frame::Obj { rec, seen, .. }) = self.stack.last_mut() else {
            return Err(self.fail(self.i, "expected value"));
        };
        let rec = *rec;
        let field = rec.fields().iter().position(|f| f.as_bytes() == name);
        let twice = field.is_some_and(|f| *seen & (1 << f) != 0);
        if let Some(f) = field {
            *seen |= 1 << f;
        }
        let name_text = String::from_utf8_lossy(name);
        let with_key = |path: &str| if path.is_empty() { name_text.to_string() } else { format!("{path}.{name_text}") };
        if twice {
            let msg = format!("the field \"{name_text}\" appears twice");
            return Err(DataError::new(with_key(&self.path), msg));
        }
        self.ws();
        match self.peek() {
            Some(b':') => self.i += 1,
            None => return Err(self.fail(self.i, "EOF while parsing an object")),
            Some(_) => return Err(self.fail(self.i, "expected \":\"")),
        }
        if rec != Rec::Other {
            self.path = with_key(&self.path);
        }
        Ok(Step::Value(rec.child(name)))
    }

    /// A string; returns the byte range of its contents.
    fn string(&mut self) -> Result<(usize, usize), DataError> {
        self.i += 1;
        let start = self.i;
        loop {
            let Some(c) = self.peek() else { return Err(self.fail(self.i, "EOF while parsing a string")) };
            match c {
                b'"' => {
                    self.i += 1;
                    return Ok((start, self.i - 1));
                }
                b'\\' => self.escape()?,
                0..=0x1f => {
                    return Err(self.fail(self.i, "control character (\\u0000-\\u001F) found while parsing a string"))
                }
                _ => self.i += 1,
            }
        }
    }

    /// An escape after a backslash; `\u` escapes must not leave a surrogate alone.
    fn escape(&mut self) -> Result<(), DataError> {
        self.i += 1;
        match self.peek() {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                self.i += 1;
                Ok(())
            }
            Some(b'u') => {
                let u = self.hex4()?;
                if (0xDC00..0xE000).contains(&u) {
                    // serde_json points at the escape's last digit here.
                    return Err(self.fail(self.i - 1, LONE));
                }
                if (0xD800..0xDC00).contains(&u) {
                    if self.b.get(self.i..self.i + 2) != Some(b"\\u") {
                        return Err(self.lone_surrogate());
                    }
                    self.i += 1;
                    if !(0xDC00..0xE000).contains(&self.hex4()?) {
                        return Err(self.lone_surrogate());
                    }
                }
                Ok(())
            }
            None => Err(self.fail(self.i, "EOF while parsing a string")),
            Some(_) => Err(self.fail(self.i, "invalid escape")),
        }
    }

    fn lone_surrogate(&self) -> DataError {
        self.fail(self.i, LONE)
    }

    /// The four hex digits after `u` (the scanner is on the `u`).
    fn hex4(&mut self) -> Result<u32, DataError> {
        let mut u = 0;
        for _ in 0..4 {
            self.i += 1;
            let d = match self.peek() {
                Some(c) => (c as char).to_digit(16),
                None => return Err(self.fail(self.i, "EOF while parsing a string")),
            };
            let Some(d) = d else { return Err(self.fail(self.i, "invalid escape")) };
            u = u * 16 + d;
        }
        self.i += 1;
        Ok(u)
    }

    fn digits(&mut self) -> usize {
        let from = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        self.i - from
    }

    /// A number, by JSON's grammar; one that no f64 holds (past ±1.8e308) is refused
    /// with its field named.
    fn number(&mut self) -> Result<(), DataError> {
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let int = self.i;
        match self.digits() {
            0 => return Err(self.fail(self.i, "invalid number")),
            n if n > 1 && self.b[int] == b'0' => return Err(self.fail(int + 1, "invalid number")),
            _ => {}
        }
        let int_end = self.i;
        let mut frac = (self.i, self.i);
        if self.peek() == Some(b'.') {
            self.i += 1;
            let from = self.i;
            if self.digits() == 0 {
                return Err(self.fail(self.i, "invalid number"));
            }
            frac = (from, self.i);
        }
        let mut exp: i64 = 0;
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            let neg = match self.peek() {
                Some(b'-') => {
                    self.i += 1;
                    true
                }
                Some(b'+') => {
                    self.i += 1;
                    false
                }
                _ => false,
            };
            let from = self.i;
            if self.digits() == 0 {
                return Err(self.fail(self.i, "invalid number"));
            }
            for &d in &self.b[from..self.i] {
                exp = (exp * 10 + i64::from(d - b'0')).min(1 << 40);
            }
            if neg {
                exp = -exp;
            }
        }
        // The decimal exponent of the first significant digit, and the digits from it.
        let digits = self.b[int..int_end].iter().chain(&self.b[frac.0..frac.1]);
        let lead = digits.clone().take_while(|&&d| d == b'0').count();
        if digits.clone().nth(lead).is_none() {
            return Ok(());
        }
        let at = (int_end - int) as i64 - 1 - lead as i64 + exp;
        // f64::MAX is 1.7976931348623157e308; from halfway to the next power up, a
        // number rounds to infinity.
        let mut first = [b'0'; 20];
        for (slot, &d) in first.iter_mut().zip(digits.skip(lead)) {
            *slot = d;
        }
        if at > 308 || (at == 308 && &first >= b"17976931348623158079") {
            let (line, col) = line_col(self.b, self.i - 1);
            return Err(DataError::new(
                self.path.clone(),
                format!("the number is out of range: beyond ±1.8e308 (line {line}, column {col})"),
            ));
        }
        Ok(())
    }
}
