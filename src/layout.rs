//! Layout: where everything of a chart goes, in CSS pixels, as a flat list of
//! [`Paint`] primitives plus the rows' hit bands. Hit-testing (which bar is under the
//! pointer) and tooltip placement live here too, so all geometry is plain Rust that
//! tests natively; `render` only paints what this module decided.
//!
//! Bars are horizontal: Chinese labels are long and read best on the left, and a list
//! of rows stays usable on a 360 px phone, where labels move above their bars.

use crate::format::{self, Locale};
use crate::view::{ChartSpec, Group, Tone};

/// Measures text; the browser uses the canvas's own `measureText`, native code an
/// estimate. Widths in CSS pixels.
pub trait Measure {
    fn text_width(&self, text: &str, px: f64, bold: bool) -> f64;
}

/// How many labels the font engine measures to size the label column: the widest by
/// [`ApproxMeasure`]. Charts with fewer rows have every label measured; with more, a
/// label the estimate ranks too low can come out a few pixels too wide and be cut with
/// "…" (its tooltip and the table still give it whole).
pub const MEASURED_LABELS: usize = 32;

/// An estimate good enough for tests and for server-side rendering: CJK and
/// full-width characters are one em, Latin about half.
pub struct ApproxMeasure;

impl Measure for ApproxMeasure {
    fn text_width(&self, text: &str, px: f64, bold: bool) -> f64 {
        let em: f64 = text.chars().map(char_em).sum();
        em * px * if bold { 1.05 } else { 1.0 }
    }
}

fn char_em(c: char) -> f64 {
    match c as u32 {
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 => 1.0,
        0x20 => 0.28,
        0x30..=0x39 => 0.56,
        0x41..=0x5A => 0.64,
        _ => 0.52,
    }
}

/// The box to lay out in, and its device-pixel ratio (for snapping lines and bars
/// to whole device pixels so they stay crisp).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: f64,
    /// A fixed height; `None` lets the chart take the height its rows need.
    pub height: Option<f64>,
    pub dpr: f64,
}

/// Colour roles; the theme maps each to a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Text,
    Muted,
    Grid,
    Zero,
    Reference,
    Bar(Tone),
    /// The part of a rate bar beyond the 100% reference.
    Over,
    /// Dense mode: the pale part of an aggregated bar, from the shortest to the longest
    /// of the bars that share a device-pixel row.
    Range(Tone),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HAlign {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VAlign {
    Top,
    Middle,
    Bottom,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Paint {
    Rect { x0: f64, y0: f64, x1: f64, y1: f64, role: Role },
    Line { x0: f64, y0: f64, x1: f64, y1: f64, role: Role, width: f64, dashed: bool },
    Text { x: f64, y: f64, text: String, size: f64, bold: bool, role: Role, h: HAlign, v: VAlign },
}

/// A row's place: its full-width band (pointer anywhere on the row, label included,
/// hits it), its bar, and where a tooltip should point.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index of the row in `spec.rows()` order.
    pub row: usize,
    pub y0: f64,
    pub y1: f64,
    pub bar: Option<[f64; 4]>,
    pub anchor: (f64, f64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub paints: Vec<Paint>,
    /// Sorted by `y0`, not overlapping. Empty in dense mode: use [`Scene::hit`].
    pub hits: Vec<Hit>,
    /// Dense mode: rows too thin to label one by one, one band per group.
    pub dense: Vec<DenseBand>,
    /// Rows that did not fit a fixed height.
    pub hidden_rows: usize,
}

/// A group's rows in dense mode: evenly pitched, each row's bar from `base` to its end.
/// Hits are computed from this on demand, so 100,000 rows cost 4 bytes each.
#[derive(Debug, Clone, PartialEq)]
pub struct DenseBand {
    /// Flat row index of the band's first row.
    pub first_row: usize,
    /// Hit index of the band's first row.
    pub first_hit: usize,
    pub y0: f64,
    pub pitch: f64,
    pub base: f64,
    /// Where each row's bar ends (x, CSS px).
    pub ends: Vec<f32>,
    pub bars: bool,
}

impl DenseBand {
    fn len(&self) -> usize {
        self.ends.len()
    }
    fn hit(&self, k: usize) -> Option<Hit> {
        let end = *self.ends.get(k)? as f64;
        let y0 = self.y0 + k as f64 * self.pitch;
        let y1 = y0 + self.pitch;
        Some(Hit {
            row: self.first_row + k,
            y0,
            y1,
            bar: self.bars.then(|| [self.base.min(end), y0, self.base.max(end), y1]),
            anchor: (end, (y0 + y1) / 2.0),
        })
    }
}

impl Scene {
    /// The hit index under CSS-pixel point (x, y), if any: a binary search over the row
    /// bands, or arithmetic in dense mode. O(log n) either way.
    pub fn hit_test(&self, x: f64, y: f64) -> Option<usize> {
        if !(x.is_finite() && y.is_finite()) || x < 0.0 || x > self.width || y < 0.0 {
            return None;
        }
        if !self.dense.is_empty() {
            let b = self.dense.partition_point(|d| d.y0 <= y);
            let d = self.dense.get(b.checked_sub(1)?)?;
            let k = ((y - d.y0) / d.pitch).floor();
            return (k >= 0.0 && (k as usize) < d.len()).then(|| d.first_hit + k as usize);
        }
        let i = self.hits.partition_point(|h| h.y0 <= y);
        if i == 0 {
            return None;
        }
        let h = &self.hits[i - 1];
        (y < h.y1).then_some(i - 1)
    }

    /// How many rows can be hit (the rows shown).
    pub fn hit_count(&self) -> usize {
        self.hits.len() + self.dense.iter().map(|d| d.len()).sum::<usize>()
    }

    /// The place of hit `i`, in either mode.
    pub fn hit(&self, i: usize) -> Option<Hit> {
        if let Some(h) = self.hits.get(i) {
            return Some(h.clone());
        }
        let mut k = i - self.hits.len();
        for d in &self.dense {
            if k < d.len() {
                return d.hit(k);
            }
            k -= d.len();
        }
        None
    }

    /// The hit whose row is `row` (rows and hits differ only when rows were hidden).
    pub fn hit_for_row(&self, row: usize) -> Option<usize> {
        if let Some(d) = self.dense.iter().find(|d| row >= d.first_row && row < d.first_row + d.len()) {
            return Some(d.first_hit + row - d.first_row);
        }
        self.hits.iter().position(|h| h.row == row)
    }

    pub fn bar_count(&self) -> usize {
        self.hits.iter().filter(|h| h.bar.is_some()).count()
            + self.dense.iter().filter(|d| d.bars).map(|d| d.len()).sum::<usize>()
    }
}

/// Font sizes and spacing, in CSS pixels.
struct Metrics {
    pad: f64,
    title: f64,
    subtitle: f64,
    label: f64,
    value: f64,
    tick: f64,
    group: f64,
    row: f64,
    min_row: f64,
    bar: f64,
    compact: bool,
}

impl Metrics {
    fn for_width(w: f64) -> Metrics {
        let compact = w < 480.0;
        Metrics {
            pad: if compact { 10.0 } else { 16.0 },
            title: if compact { 15.0 } else { 17.0 },
            subtitle: 12.0,
            label: if compact { 12.0 } else { 13.0 },
            value: 12.0,
            tick: 11.0,
            group: 12.5,
            row: if compact { 38.0 } else { 26.0 },
            min_row: if compact { 30.0 } else { 14.0 },
            bar: if compact { 14.0 } else { 16.0 },
            compact,
        }
    }
}

/// Characters that may reach the canvas: no control characters, and no invisible
/// formatting (bidi overrides and isolates, zero-width characters), which in data would
/// let a label reorder or hide what the reader sees.
pub fn drawable(c: char) -> bool {
    !c.is_control()
        && !matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// Cuts `text` to fit `max` pixels, ending in "…". Very long input is cut to a few
/// hundred characters before measuring, so a 10 kB label costs no more than a short one.
pub fn fit_text(m: &dyn Measure, text: &str, px: f64, bold: bool, max: f64) -> String {
    let text: String = text.chars().filter(|c| drawable(*c)).take(300).collect();
    if max <= 0.0 {
        return String::new();
    }
    if m.text_width(&text, px, bold) <= max {
        return text;
    }
    let chars: Vec<char> = text.chars().collect();
    let (mut lo, mut hi) = (0usize, chars.len());
    while lo < hi {
        let mid = (lo + hi + 1) / 2;
        let s: String = chars[..mid].iter().collect::<String>() + "…";
        if m.text_width(&s, px, bold) <= max {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo == 0 {
        return String::new();
    }
    chars[..lo].iter().collect::<String>() + "…"
}

/// Splits `text` into at most `max_lines` lines no wider than `max` (the last one cut
/// with …). Latin text breaks at spaces; Chinese between any two characters.
pub fn wrap_text(m: &dyn Measure, text: &str, px: f64, bold: bool, max: f64, max_lines: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().filter(|c| drawable(*c)).take(2000).collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let mut trial = cur.clone();
        trial.push(c);
        if !cur.is_empty() && m.text_width(&trial, px, bold) > max {
            if lines.len() + 1 == max_lines {
                let rest: String = cur.chars().chain(chars[i..].iter().copied()).collect();
                lines.push(fit_text(m, &rest, px, bold, max));
                return lines;
            }
            // Inside a Latin word: move the word to the next line when there is a space.
            if c.is_ascii_alphanumeric() {
                if let Some(sp) = cur.rfind(' ') {
                    let tail: String = cur[sp + 1..].to_string();
                    cur.truncate(sp);
                    lines.push(std::mem::take(&mut cur));
                    cur = tail;
                    continue;
                }
            }
            lines.push(std::mem::take(&mut cur).trim_end().to_string());
            if c == ' ' {
                i += 1;
            }
            continue;
        }
        cur = trial;
        i += 1;
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Round-number ticks covering [lo, hi]: 1, 2 or 5 × 10^k apart, about `target` of them.
pub fn nice_ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo {
        return vec![lo];
    }
    let raw = (hi - lo) / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|k| k * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag);
    let start = (lo / step).floor() * step;
    let mut out = Vec::new();
    let mut k = 0;
    loop {
        let v = start + step * k as f64;
        out.push(if v.abs() < step * 1e-9 { 0.0 } else { v });
        if v >= hi - step * 1e-9 || k > 1000 {
            break;
        }
        k += 1;
    }
    out
}

/// How values map to x within one group.
struct Axis {
    lo: f64,
    hi: f64,
    a: f64,
    b: f64,
    log: bool,
    ticks: Vec<f64>,
}

impl Axis {
    fn x(&self, v: f64) -> f64 {
        let t = if self.log {
            if v <= 0.0 {
                return self.a;
            }
            (v.log10() - self.lo.log10()) / (self.hi.log10() - self.lo.log10())
        } else {
            (v - self.lo) / (self.hi - self.lo)
        };
        self.a + t.clamp(0.0, 1.0) * (self.b - self.a)
    }
    /// Where bars start: zero, or the left edge on a log axis.
    fn base(&self) -> f64 {
        if self.log {
            self.a
        } else {
            self.x(0.0)
        }
    }
}

fn make_axis(g: &Group, a: f64, b: f64) -> Axis {
    let vals = g.rows.iter().map(|r| r.value);
    if g.log {
        let pos: Vec<f64> = vals.filter(|v| *v > 0.0).collect();
        let mn = pos.iter().cloned().fold(f64::INFINITY, f64::min);
        let mx = pos.iter().cloned().fold(0.0, f64::max);
        let mut lo = 10f64.powf(mn.log10().floor());
        let mut hi = 10f64.powf(mx.log10().ceil());
        if !(lo.is_finite() && hi.is_finite()) || lo <= 0.0 {
            lo = 1.0;
            hi = 10.0;
        }
        // At most 30 decades on one axis: tinier values sit at its start. (A subnormal
        // minimum would otherwise underflow to a zero start and billions of ticks.)
        lo = lo.max(hi / 1e30).max(1e-300);
        if hi <= lo {
            hi = lo * 10.0;
        }
        // Start the axis one decade below the smallest value so the smallest bar shows.
        lo /= 10.0;
        if hi <= lo {
            hi = lo * 10.0;
        }
        let decades = (hi.log10() - lo.log10()).round() as i32;
        let every = ((decades as f64) / 6.0).ceil().max(1.0) as i32;
        // Counts of things start at 1: a "0.1" tick would only puzzle.
        let ticks = (0..=decades)
            .filter(|d| d % every == 0)
            .map(|d| lo * 10f64.powi(d))
            .filter(|t| mn < 1.0 || *t >= 1.0 - 1e-9)
            .collect();
        return Axis { lo, hi, a, b, log: true, ticks };
    }
    let mut lo = 0.0f64;
    let mut hi = 0.0f64;
    for v in vals {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if let Some(r) = g.reference {
        hi = hi.max(r);
        lo = lo.min(r);
    }
    if hi == lo {
        hi = lo + 1.0;
    }
    let target = (((b - a) / 90.0).floor() as usize).clamp(2, 8);
    // The axis ends at a round tick unless that would waste over a fifth of the width;
    // then it ends at the data and the ticks past it are dropped.
    let mut ticks = nice_ticks(lo, hi, target);
    let (t0, t1) = (ticks.first().copied().unwrap_or(lo), ticks.last().copied().unwrap_or(hi));
    let span = hi - lo;
    let (mut lo, mut hi) = (if lo - t0 <= span * 0.2 { t0 } else { lo }, if t1 - hi <= span * 0.2 { t1 } else { hi });
    let inside = |t: &f64, lo: f64, hi: f64| *t >= lo - span * 1e-9 && *t <= hi + span * 1e-9;
    if ticks.iter().filter(|t| inside(t, lo, hi)).count() < 3 {
        // Too few ticks left to read the axis by: end at the round ticks after all.
        lo = lo.min(t0);
        hi = hi.max(t1);
    }
    ticks.retain(|t| inside(t, lo, hi));
    Axis { lo, hi, a, b, log: false, ticks }
}

/// A group's value axis (grid and ticks) is drawn when it has bars to compare: a lone
/// bar reads from its value label alone.
fn axis_shown(g: &Group) -> bool {
    g.bars && (g.rows.len() > 1 || g.reference.is_some())
}

/// Vertical grid lines at the ticks (not at zero, which gets its own line). Painted
/// before the bars, so bars cover them.
fn grid(paints: &mut Vec<Paint>, axis: &Axis, top: f64, bottom: f64, dpr: f64) {
    for &tv in &axis.ticks {
        if !axis.log && tv == 0.0 {
            continue;
        }
        let x = snap(axis.x(tv), dpr);
        paints.push(Paint::Line { x0: x, y0: top, x1: x, y1: bottom, role: Role::Grid, width: 1.0, dashed: false });
    }
}

/// The solid vertical line at zero, a little taller than the rows it spans.
fn zero_line(paints: &mut Vec<Paint>, axis: &Axis, top: f64, bottom: f64, dpr: f64) {
    let x = snap(axis.x(0.0), dpr);
    paints.push(Paint::Line {
        x0: x,
        y0: top - 3.0,
        x1: x,
        y1: bottom + 3.0,
        role: Role::Zero,
        width: 1.0,
        dashed: false,
    });
}

/// The zero line, the reference line and the tick labels of a group, painted after
/// its bars. Tick labels that would collide are thinned out.
#[allow(clippy::too_many_arguments)]
fn decorate(
    paints: &mut Vec<Paint>,
    g: &Group,
    axis: &Axis,
    (top, bottom, width): (f64, f64, f64),
    dpr: f64,
    locale: Locale,
    m: &dyn Measure,
    tick_px: f64,
) {
    if !axis.log && axis.lo <= 0.0 && axis.hi >= 0.0 {
        zero_line(paints, axis, top, bottom, dpr);
    }
    if let Some(rf) = g.reference {
        let x = snap(axis.x(rf), dpr);
        paints.push(Paint::Line {
            x0: x,
            y0: top - 4.0,
            x1: x,
            y1: bottom + 4.0,
            role: Role::Reference,
            width: 1.5,
            dashed: true,
        });
    }
    let labels: Vec<(f64, String)> =
        axis.ticks.iter().map(|&tv| (axis.x(tv), format::tick(tv, locale, g.percent))).collect();
    let widest = labels.iter().map(|(_, s)| m.text_width(s, tick_px, false)).fold(0.0, f64::max);
    let gap = if labels.len() > 1 { (labels[1].0 - labels[0].0).abs() } else { f64::INFINITY };
    let every = if gap > 0.0 { ((widest + 8.0) / gap).ceil().max(1.0) as usize } else { 1 };
    for (k, (x, s)) in labels.into_iter().enumerate() {
        if k % every == 0 {
            // Keep the label whole inside the chart: the first and last ticks can sit at
            // the padding on a phone, where a centred label would spill off.
            let half = m.text_width(&s, tick_px, false) / 2.0;
            let x = x.max(half + 1.0).min(width - half - 1.0);
            paints.push(Paint::Text {
                x,
                y: bottom + 5.0,
                text: s,
                size: tick_px,
                bold: false,
                role: Role::Muted,
                h: HAlign::Center,
                v: VAlign::Top,
            });
        }
    }
}

fn snap(v: f64, dpr: f64) -> f64 {
    (v * dpr).round() / dpr
}

/// Places a chart. `locale` formats tick labels.
pub fn layout(spec: &ChartSpec, frame: Frame, locale: Locale, m: &dyn Measure) -> Scene {
    let width = if frame.width.is_finite() { frame.width.clamp(1.0, 100_000.0) } else { 300.0 };
    let dpr = if frame.dpr.is_finite() && frame.dpr > 0.0 { frame.dpr.clamp(0.25, 8.0) } else { 1.0 };
    let frame =
        Frame { height: frame.height.filter(|h| h.is_finite() && *h > 0.0).map(|h| h.min(1_000_000.0)), ..frame };
    let mt = Metrics::for_width(width);
    let pad = mt.pad;
    let inner = (width - 2.0 * pad).max(1.0);
    let mut paints = Vec::new();
    let mut hits = Vec::new();
    let mut y = pad;

    for line in wrap_text(m, &spec.title, mt.title, true, inner, 2) {
        paints.push(Paint::Text {
            x: pad,
            y,
            text: line,
            size: mt.title,
            bold: true,
            role: Role::Text,
            h: HAlign::Left,
            v: VAlign::Top,
        });
        y += mt.title + 5.0;
    }
    y += 2.0;
    for line in wrap_text(m, &spec.subtitle, mt.subtitle, false, inner, if mt.compact { 3 } else { 2 }) {
        paints.push(Paint::Text {
            x: pad,
            y,
            text: line,
            size: mt.subtitle,
            bold: false,
            role: Role::Muted,
            h: HAlign::Left,
            v: VAlign::Top,
        });
        y += mt.subtitle + 5.0;
    }
    y += 10.0;

    let total_rows = spec.row_count();
    if total_rows == 0 {
        let h = frame.height.unwrap_or(y + 90.0).max(y + 40.0);
        // Centred in the space left, but never below a small fixed height's bottom edge.
        let my = (y + (h - y) / 2.0 - pad)
            .min(frame.height.unwrap_or(f64::INFINITY) - mt.label / 2.0 - 2.0)
            .max(mt.label / 2.0);
        paints.push(Paint::Text {
            x: width / 2.0,
            y: my,
            text: fit_text(m, &spec.empty, mt.label, false, inner),
            size: mt.label,
            bold: false,
            role: Role::Muted,
            h: HAlign::Center,
            v: VAlign::Middle,
        });
        return Scene { width, height: frame.height.unwrap_or(h), paints, hits, dense: Vec::new(), hidden_rows: 0 };
    }

    // Row height: natural, or squeezed to fit a fixed height (down to a legible minimum).
    let per_group = |g: &Group| -> f64 {
        let title = if g.title.is_some() { 22.0 } else { 0.0 };
        let ticks = if axis_shown(g) { 20.0 } else { 0.0 };
        title + ticks + 12.0
    };
    let overhead: f64 = spec.groups.iter().map(per_group).sum::<f64>() + pad;
    let mut row_h = mt.row;
    if let Some(h) = frame.height {
        let avail = h - y - overhead;
        if avail < row_h * total_rows as f64 {
            row_h = (avail / total_rows as f64).max(mt.min_row).min(mt.row);
        }
    }
    let bar_h = (mt.bar * row_h / mt.row).clamp(3.0, mt.bar).min(row_h - 2.0);
    let limit = frame.height.map(|h| h - pad);

    // Label column: as wide as the longest label, up to a third of the width.
    let label_w = if mt.compact {
        0.0
    } else {
        // At most ~500 labels, evenly sampled (100,000 rows need no more), ranked by the
        // estimate; the font engine measures the widest few of them.
        let step = (total_rows / 500).max(1);
        let mut labels: Vec<(f64, String)> = spec
            .rows()
            .step_by(step)
            .map(|r| {
                let s: String = r.label.chars().take(60).collect();
                (ApproxMeasure.text_width(&s, mt.label, false), s)
            })
            .collect();
        if labels.len() > MEASURED_LABELS {
            // The cut-off: the MEASURED_LABELS-th widest estimate, kept in a small sorted
            // array (select_nth_unstable_by did the same and added 4 kB to the wasm).
            let mut top = [f64::NEG_INFINITY; MEASURED_LABELS];
            for (w, _) in &labels {
                if *w > top[MEASURED_LABELS - 1] {
                    let at = top.iter().position(|t| w > t).unwrap_or(MEASURED_LABELS - 1);
                    top.copy_within(at..MEASURED_LABELS - 1, at + 1);
                    top[at] = *w;
                }
            }
            let cut = top[MEASURED_LABELS - 1];
            labels.retain(|(w, _)| *w >= cut);
            labels.truncate(MEASURED_LABELS);
        }
        let widest = labels.iter().map(|(_, s)| m.text_width(s, mt.label, false)).fold(0.0, f64::max);
        widest.min(inner * 0.36).max(40.0_f64.min(inner * 0.3))
    };
    let plot_x0 = if mt.compact { pad } else { pad + label_w + 10.0 };
    let plot_x1 = width - pad;

    // Too many rows to label one by one: dense mode (thin rows, sampled labels, bars
    // thinner than a device pixel aggregated). An auto-height chart with that many rows
    // gets a fixed height rather than a canvas taller than browsers allow.
    // Dense only when rows would be under half the legible minimum, and only when the
    // groups' own titles and axes still fit; otherwise rows that do not fit are hidden
    // (and counted in a note).
    let groups_fit = |h: f64| h - y - overhead >= 2.0 * spec.groups.len() as f64;
    let dense_height = match frame.height {
        Some(h) if (h - y - overhead) / (total_rows as f64) < mt.min_row / 2.0 && groups_fit(h) => Some(h),
        None if total_rows > MAX_AUTO_ROWS => Some(DENSE_HEIGHT),
        _ => None,
    };
    if let Some(h) = dense_height {
        return dense_layout(
            spec,
            paints,
            y,
            DenseFrame { width, height: h, dpr, label_w, plot_x0, plot_x1 },
            locale,
            m,
            &mt,
        );
    }

    let mut hidden = 0usize;
    let mut flat = 0usize;
    for g in &spec.groups {
        if let Some(t) = &g.title {
            if limit.is_some_and(|l| y + 22.0 + row_h > l) {
                hidden += g.rows.len();
                flat += g.rows.len();
                continue;
            }
            paints.push(Paint::Text {
                x: pad,
                y: y + 2.0,
                text: fit_text(m, t, mt.group, true, inner),
                size: mt.group,
                bold: true,
                role: Role::Muted,
                h: HAlign::Left,
                v: VAlign::Top,
            });
            y += 22.0;
        }
        let vw = |neg: bool| -> f64 {
            g.rows
                .iter()
                .filter(|r| (r.value < 0.0) == neg)
                .map(|r| m.text_width(&r.value_text, mt.value, false))
                .fold(0.0, f64::max)
        };
        let (vw_neg, vw_pos) = (vw(true), vw(false));
        let has_notes = g.rows.iter().any(|r| r.note.is_some());
        let a = plot_x0 + if vw_neg > 0.0 { vw_neg + 6.0 } else { 0.0 };
        let mut b = plot_x1 - if vw_pos > 0.0 { vw_pos + 6.0 } else { 0.0 };
        if has_notes {
            // Leave room for the telling figures after the value.
            b = a + ((plot_x1 - a) * 0.3).max(24.0).min(b - a);
        }
        let b = b.max(a + 1.0);
        let axis = make_axis(g, a, b);
        let fits = |y: f64| limit.is_none_or(|l| y + row_h <= l - if axis_shown(g) { 20.0 } else { 0.0 });
        let shown = g
            .rows
            .iter()
            .take_while({
                let mut yy = y;
                move |_| {
                    let ok = fits(yy);
                    yy += row_h;
                    ok
                }
            })
            .count();
        let rows_top = y;
        let rows_bottom = y + row_h * shown as f64;
        if axis_shown(g) && shown > 0 {
            grid(&mut paints, &axis, rows_top, rows_bottom, dpr);
        }
        for (k, r) in g.rows.iter().enumerate() {
            if k >= shown {
                hidden += 1;
                flat += 1;
                continue;
            }
            let (label_y, cy) = if mt.compact {
                (y + 3.0, y + 3.0 + mt.label + 4.0 + bar_h / 2.0)
            } else {
                (y + row_h / 2.0, y + row_h / 2.0)
            };
            if mt.compact {
                paints.push(Paint::Text {
                    x: pad,
                    y: label_y,
                    text: fit_text(m, &r.label, mt.label, false, inner),
                    size: mt.label,
                    bold: false,
                    role: Role::Text,
                    h: HAlign::Left,
                    v: VAlign::Top,
                });
            } else if row_h >= 12.0 {
                let size = mt.label.min(row_h - 2.0);
                paints.push(Paint::Text {
                    x: pad + label_w,
                    y: label_y,
                    text: fit_text(m, &r.label, size, false, label_w),
                    size,
                    bold: false,
                    role: Role::Text,
                    h: HAlign::Right,
                    v: VAlign::Middle,
                });
            }
            let (by0, by1) = (snap(cy - bar_h / 2.0, dpr), snap(cy + bar_h / 2.0, dpr));
            let mut bar = None;
            let mut end = axis.a;
            if g.bars {
                let base = snap(axis.base(), dpr);
                let mut xv = snap(axis.x(r.value), dpr);
                if r.value != 0.0 && (xv - base).abs() < 1.0 / dpr {
                    xv = base + if r.value < 0.0 { -1.0 / dpr } else { 1.0 / dpr };
                }
                let (x0, x1) = (base.min(xv), base.max(xv));
                match g.reference {
                    Some(rf) if r.value > rf => {
                        let xr = snap(axis.x(rf), dpr);
                        paints.push(Paint::Rect { x0, y0: by0, x1: xr, y1: by1, role: Role::Bar(r.tone) });
                        paints.push(Paint::Rect { x0: xr, y0: by0, x1, y1: by1, role: Role::Over });
                    }
                    _ => paints.push(Paint::Rect { x0, y0: by0, x1, y1: by1, role: Role::Bar(r.tone) }),
                }
                bar = Some([x0, by0, x1, by1]);
                end = xv;
            }
            let value_size = mt.value.min(row_h - 2.0).max(8.0);
            let (mut vx, h) =
                if r.value < 0.0 && g.bars { (end - 5.0, HAlign::Right) } else { (end + 5.0, HAlign::Left) };
            if let (Some(rf), true) = (g.reference, g.bars) {
                // Keep the label clear of the dashed reference line.
                let xr = axis.x(rf);
                let w = m.text_width(&r.value_text, value_size, false);
                if r.value <= rf && vx < xr + 3.0 && vx + w > xr - 3.0 {
                    vx = xr + 5.0;
                }
            }
            if row_h >= 10.0 {
                paints.push(Paint::Text {
                    x: vx,
                    y: cy,
                    text: fit_text(m, &r.value_text, value_size, false, inner * 0.5),
                    size: value_size,
                    bold: false,
                    role: Role::Text,
                    h,
                    v: VAlign::Middle,
                });
            }
            if let Some(note) = &r.note {
                let nx = vx + m.text_width(&r.value_text, value_size, false) + 12.0;
                let room = plot_x1 - nx;
                // Whole items only: a figure cut in the middle ("1.0…") reads as a wrong figure.
                let mut t = String::new();
                for item in note.split(['；', ';']).map(str::trim).filter(|i| !i.is_empty()) {
                    let sep = if t.is_empty() {
                        ""
                    } else if locale == Locale::Zh {
                        "；"
                    } else {
                        "; "
                    };
                    let next = format!("{t}{sep}{item}");
                    if m.text_width(&next, value_size, false) > room {
                        break;
                    }
                    t = next;
                }
                if !t.is_empty() {
                    paints.push(Paint::Text {
                        x: nx,
                        y: cy,
                        text: t,
                        size: value_size,
                        bold: false,
                        role: Role::Muted,
                        h: HAlign::Left,
                        v: VAlign::Middle,
                    });
                }
            }
            hits.push(Hit { row: flat, y0: y, y1: y + row_h, bar, anchor: (end.max(plot_x0), cy) });
            flat += 1;
            y += row_h;
        }
        if axis_shown(g) && shown > 0 {
            decorate(&mut paints, g, &axis, (rows_top, rows_bottom, width), dpr, locale, m, mt.tick);
            y += 20.0;
        } else if g.bars && shown > 0 && !axis.log && axis.lo < 0.0 {
            // A lone signed bar still gets its zero line.
            zero_line(&mut paints, &axis, rows_top, rows_bottom, dpr);
        }
        y += 12.0;
    }
    if hidden > 0 {
        let text = match locale {
            Locale::Zh => format!("另有{hidden}项未能显示，请增加图表高度"),
            Locale::En => format!("{hidden} more not shown: make the chart taller"),
        };
        let ty = limit.map(|l| l - 2.0).unwrap_or(y);
        paints.push(Paint::Text {
            x: pad,
            y: ty,
            text: fit_text(m, &text, mt.tick, false, inner),
            size: mt.tick,
            bold: false,
            role: Role::Muted,
            h: HAlign::Left,
            v: VAlign::Bottom,
        });
    }
    let height = frame.height.unwrap_or((y - 12.0 + pad).ceil());
    Scene { width, height, paints, hits, dense: Vec::new(), hidden_rows: hidden }
}

/// Auto height stops here; past it a chart switches to dense mode.
pub const MAX_AUTO_ROWS: usize = 400;
/// The height a dense auto-height chart takes.
pub const DENSE_HEIGHT: f64 = 640.0;

struct DenseFrame {
    width: f64,
    height: f64,
    dpr: f64,
    label_w: f64,
    plot_x0: f64,
    plot_x1: f64,
}

/// Dense mode: every group gets a share of the height in proportion to its rows.
/// Rows at least two device pixels tall get a bar each; thinner rows are aggregated into
/// one bar per device-pixel row spanning the extremes of the rows in it (so 100,000 bars
/// draw as the ~1,000 the screen can show, and no extreme is lost). Labels are sampled
/// so they never overlap; every row still hit-tests exactly.
fn dense_layout(
    spec: &ChartSpec,
    mut paints: Vec<Paint>,
    mut y: f64,
    f: DenseFrame,
    locale: Locale,
    m: &dyn Measure,
    mt: &Metrics,
) -> Scene {
    let dpr = f.dpr;
    let total = spec.row_count().max(1) as f64;
    let overhead: f64 = spec
        .groups
        .iter()
        .map(|g| if g.title.is_some() { 22.0 } else { 0.0 } + if g.bars { 20.0 } else { 0.0 } + 12.0)
        .sum();
    let avail = (f.height - mt.pad - y - overhead + 12.0).max(1.0);
    let mut dense = Vec::new();
    let (mut flat, mut first_hit) = (0usize, 0usize);
    let inner = (f.width - 2.0 * mt.pad).max(1.0);
    for g in &spec.groups {
        let n = g.rows.len();
        if n == 0 {
            continue;
        }
        if let Some(t) = &g.title {
            paints.push(Paint::Text {
                x: mt.pad,
                y: y + 2.0,
                text: fit_text(m, t, mt.group, true, inner),
                size: mt.group,
                bold: true,
                role: Role::Muted,
                h: HAlign::Left,
                v: VAlign::Top,
            });
            y += 22.0;
        }
        let share = avail * n as f64 / total;
        let pitch = share / n as f64;
        let (top, bottom) = (y, y + share);
        let axis = make_axis(g, f.plot_x0, f.plot_x1.max(f.plot_x0 + 1.0));
        let base = snap(axis.base(), dpr);
        let ends: Vec<f32> = g.rows.iter().map(|r| axis.x(r.value) as f32).collect();
        let px = 1.0 / dpr;
        let bar = |paints: &mut Vec<Paint>, y0: f64, y1: f64, lo: f64, hi: f64, tone| {
            let (mut x0, mut x1) = (snap(base.min(lo), dpr), snap(base.max(hi), dpr));
            if x1 - x0 < px {
                if lo < base {
                    x0 = x1 - px
                } else {
                    x1 = x0 + px
                }
            }
            paints.push(Paint::Rect { x0, y0, x1, y1, role: Role::Bar(tone) });
        };
        if g.bars {
            grid(&mut paints, &axis, top, bottom, dpr);
            if pitch * dpr >= 2.0 {
                let thick = (pitch * 0.75).max(px);
                for (k, r) in g.rows.iter().enumerate() {
                    let cy = top + (k as f64 + 0.5) * pitch;
                    let y0 = snap(cy - thick / 2.0, dpr);
                    let y1 = snap(cy + thick / 2.0, dpr).max(y0 + px);
                    let e = ends[k] as f64;
                    bar(&mut paints, y0, y1, e, e, r.tone);
                }
            } else {
                let first_paint = paints.len();
                // (device row, leftmost end, rightmost end, tone of the longer side)
                let mut cur: Option<(i64, f64, f64, crate::view::Tone, crate::view::Tone)> = None;
                let flush = |paints: &mut Vec<Paint>, c: (i64, f64, f64, crate::view::Tone, crate::view::Tone)| {
                    let (d, lo, hi, tlo, thi) = c;
                    let (y0, y1) = (d as f64 / dpr, (d + 1) as f64 / dpr);
                    if lo >= base {
                        // All bars of this pixel row point right: solid to the shortest, pale to the longest.
                        bar(paints, y0, y1, lo, lo, tlo);
                        if snap(hi, dpr) > snap(lo, dpr) {
                            paints.push(Paint::Rect {
                                x0: snap(lo, dpr),
                                y0,
                                x1: snap(hi, dpr),
                                y1,
                                role: Role::Range(thi),
                            });
                        }
                    } else if hi <= base {
                        bar(paints, y0, y1, hi, hi, thi);
                        if snap(lo, dpr) < snap(hi, dpr) {
                            paints.push(Paint::Rect {
                                x0: snap(lo, dpr),
                                y0,
                                x1: snap(hi, dpr),
                                y1,
                                role: Role::Range(tlo),
                            });
                        }
                    } else {
                        // Both signs in one pixel row: each side to its extreme.
                        bar(paints, y0, y1, lo, lo, tlo);
                        bar(paints, y0, y1, hi, hi, thi);
                    }
                };
                for (k, r) in g.rows.iter().enumerate() {
                    let dev = ((top + (k as f64 + 0.5) * pitch) * dpr).floor() as i64;
                    let e = ends[k] as f64;
                    match cur.as_mut() {
                        Some(c) if c.0 == dev => {
                            if e < c.1 {
                                c.1 = e;
                                c.3 = r.tone;
                            }
                            if e > c.2 {
                                c.2 = e;
                                c.4 = r.tone;
                            }
                        }
                        _ => {
                            if let Some(c) = cur.take() {
                                flush(&mut paints, c);
                            }
                            cur = Some((dev, e, e, r.tone, r.tone));
                        }
                    }
                }
                if let Some(c) = cur {
                    flush(&mut paints, c);
                }
                // One colour after another: no two of these rectangles overlap, so the
                // order is free, and a canvas then changes its fill colour a few times
                // instead of with every pixel row.
                let mut by_colour: [Vec<Paint>; 9] = Default::default();
                for p in paints.drain(first_paint..) {
                    let k = match &p {
                        Paint::Rect { role: Role::Bar(t), .. } => *t as usize,
                        Paint::Rect { role: Role::Range(t), .. } => 4 + *t as usize,
                        _ => 8,
                    };
                    by_colour[k].push(p);
                }
                paints.extend(by_colour.into_iter().flatten());
            }
        }
        if !mt.compact && f.label_w > 0.0 {
            let size = mt.label.min(12.0);
            let step = (size * 1.4 / pitch).ceil().max(1.0) as usize;
            for k in (0..n).step_by(step) {
                let cy = top + (k as f64 + 0.5) * pitch;
                let text = fit_text(m, &g.rows[k].label, size, false, f.label_w);
                paints.push(Paint::Text {
                    x: mt.pad + f.label_w,
                    y: cy,
                    text,
                    size,
                    bold: false,
                    role: Role::Text,
                    h: HAlign::Right,
                    v: VAlign::Middle,
                });
            }
        }
        dense.push(DenseBand { first_row: flat, first_hit, y0: top, pitch, base, ends, bars: g.bars });
        flat += n;
        first_hit += n;
        y = bottom;
        if g.bars {
            decorate(&mut paints, g, &axis, (top, bottom, f.width), dpr, locale, m, mt.tick);
            y += 20.0;
        }
        y += 12.0;
    }
    Scene { width: f.width, height: f.height, paints, hits: Vec::new(), dense, hidden_rows: 0 }
}

/// Where a tooltip of `size` goes so that it points at `anchor` and stays inside
/// `bounds` (both in CSS px): right of and below the anchor when it fits, else
/// flipped left/up, and always clamped inside the box.
pub fn place_tooltip(anchor: (f64, f64), size: (f64, f64), bounds: (f64, f64)) -> (f64, f64) {
    let gap = 12.0;
    let (ax, ay) = anchor;
    let (w, h) = size;
    let (bw, bh) = bounds;
    let mut x = ax + gap;
    if x + w > bw {
        x = ax - gap - w;
    }
    let mut y = ay + gap;
    if y + h > bh {
        y = ay - gap - h;
    }
    let x = x.min(bw - w).max(0.0);
    let y = y.min(bh - h).max(0.0);
    (x, y)
}
