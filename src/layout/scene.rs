//! The scene: what a layout hands to `render` (flat paint primitives in CSS pixels, the
//! rows' hit bands and dense bands), and the frame it was laid out for.

use crate::view::Tone;

/// The box to lay out in, and its device-pixel ratio (for snapping lines and bars
/// to whole device pixels so they stay crisp).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Width in CSS pixels.
    pub width: f64,
    /// A fixed height; `None` lets the chart take the height its rows need.
    pub height: Option<f64>,
    /// Device pixels per CSS pixel.
    pub dpr: f64,
}

/// Colour roles; the theme maps each to a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Labels, values and titles.
    Text,
    /// Subtitles, group titles, tick labels and notes.
    Muted,
    /// Grid lines at the ticks.
    Grid,
    /// The line at zero.
    Zero,
    /// The dashed reference line (100% in the rates view).
    Reference,
    /// A bar, coloured by its tone.
    Bar(Tone),
    /// The part of a rate bar beyond the 100% reference.
    Over,
    /// Dense mode: the pale part of an aggregated bar, from the shortest to the longest
    /// of the bars that share a device-pixel row.
    Range(Tone),
}

/// Where a text's x lies on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HAlign {
    /// x is the text's left edge.
    Left,
    /// x is the text's centre.
    Center,
    /// x is the text's right edge.
    Right,
}

/// Where a text's y lies on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VAlign {
    /// y is the text's top.
    Top,
    /// y is the text's middle.
    Middle,
    /// y is the text's bottom.
    Bottom,
}

/// One thing to paint, in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum Paint {
    /// A filled rectangle.
    Rect {
        /// Left edge.
        x0: f64,
        /// Top edge.
        y0: f64,
        /// Right edge.
        x1: f64,
        /// Bottom edge.
        y1: f64,
        /// Its colour role.
        role: Role,
    },
    /// A straight line, solid or dashed.
    Line {
        /// Start x.
        x0: f64,
        /// Start y.
        y0: f64,
        /// End x.
        x1: f64,
        /// End y.
        y1: f64,
        /// Its colour role.
        role: Role,
        /// Stroke width, CSS px.
        width: f64,
        /// Dashed (the reference line) or solid.
        dashed: bool,
    },
    /// One line of text, aligned on (x, y) by `h` and `v`.
    Text {
        /// Anchor x.
        x: f64,
        /// Anchor y.
        y: f64,
        /// The text, already fitted to its room.
        text: String,
        /// Font size, CSS px.
        size: f64,
        /// Bold or regular.
        bold: bool,
        /// Its colour role.
        role: Role,
        /// Where x lies on the text.
        h: HAlign,
        /// Where y lies on the text.
        v: VAlign,
    },
}

/// A row's place: its full-width band (pointer anywhere on the row, label included,
/// hits it), its bar, and where a tooltip should point.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index of the row in `spec.rows()` order.
    pub row: usize,
    /// Top of the row's band.
    pub y0: f64,
    /// Bottom of the row's band.
    pub y1: f64,
    /// The bar as [x0, y0, x1, y1], if the row has one.
    pub bar: Option<[f64; 4]>,
    /// Where a tooltip points: the bar's end, mid-row.
    pub anchor: (f64, f64),
}

/// A laid-out chart: its size, what to paint, and where each row is.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Width in CSS pixels.
    pub width: f64,
    /// Height in CSS pixels (the fixed height, or what the rows needed).
    pub height: f64,
    /// Painted in order.
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
    /// Top of the band's first row.
    pub y0: f64,
    /// Height of each row.
    pub pitch: f64,
    /// Where bars start (x, CSS px).
    pub base: f64,
    /// Where each row's bar ends (x, CSS px).
    pub ends: Vec<f32>,
    /// Whether the rows have bars (ranks do not).
    pub bars: bool,
}
