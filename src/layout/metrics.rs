//! Metrics: the font sizes and every spacing number of a chart, in CSS pixels, in one
//! place, and the one rule for the height a group takes besides its rows.

use super::axis::axis_shown;
use crate::view::Group;

/// Font sizes and spacing, in CSS pixels: the sizes that depend on the width in fields,
/// the fixed spacing in associated constants. Each spacing number lives here once.
pub(super) struct Metrics {
    /// Padding around the chart.
    pub pad: f64,
    /// Font sizes: title, subtitle, row label, value label, tick label, group title.
    pub title: f64,
    pub subtitle: f64,
    pub label: f64,
    pub value: f64,
    pub tick: f64,
    pub group: f64,
    /// A row's natural height, and the least it may be squeezed to.
    pub row: f64,
    pub min_row: f64,
    /// A bar's natural thickness.
    pub bar: f64,
    /// Phone width: labels above their bars instead of in a column on the left.
    pub compact: bool,
}

impl Metrics {
    /// Below each line of the title and the subtitle.
    pub const LINE_GAP: f64 = 5.0;
    /// Between the title and the subtitle.
    pub const TITLE_GAP: f64 = 2.0;
    /// Below the subtitle, above the first group.
    pub const HEADER_GAP: f64 = 10.0;
    /// The height a group title takes.
    pub const GROUP_TITLE: f64 = 22.0;
    /// How far a group title's text sits below the group's top.
    pub const GROUP_TITLE_INSET: f64 = 2.0;
    /// The height of a group's tick labels, below its rows.
    pub const AXIS: f64 = 20.0;
    /// From the rows' bottom to the top of the tick labels.
    pub const TICK_GAP: f64 = 5.0;
    /// Below each group.
    pub const GROUP_GAP: f64 = 12.0;
    /// Between the label column and the plot.
    pub const LABEL_GAP: f64 = 10.0;
    /// Compact rows: above the label.
    pub const ROW_INSET: f64 = 3.0;
    /// Compact rows: between the label and the bar.
    pub const LABEL_BAR_GAP: f64 = 4.0;
    /// From a bar's end to its value label.
    pub const VALUE_GAP: f64 = 5.0;
    /// Kept beside the axis for the widest value label, besides its width.
    pub const VALUE_ROOM: f64 = 6.0;
    /// From a value label to the note after it.
    pub const NOTE_GAP: f64 = 12.0;
    /// Above the foot (source line), below the chart's body.
    pub const FOOTER_GAP: f64 = 10.0;
    /// The least height the body keeps in a fixed height; below it the foot is dropped.
    pub const MIN_BODY: f64 = 80.0;
    /// An empty chart's plot area: its natural height.
    pub const EMPTY: f64 = 90.0;
    /// An empty chart's plot area: the least height it takes.
    pub const MIN_EMPTY: f64 = 40.0;

    /// The metrics for a chart `w` CSS pixels wide.
    pub fn for_width(w: f64) -> Metrics {
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

    /// The height group `g` takes besides its rows: its title, its axis when it has one
    /// ([`axis_shown`]), and the gap below it. Both layout modes size their rows by
    /// this, so what they reserve and what they draw agree.
    pub fn group_overhead(&self, g: &Group) -> f64 {
        let title = if g.title.is_some() { Metrics::GROUP_TITLE } else { 0.0 };
        let ticks = if axis_shown(g) { Metrics::AXIS } else { 0.0 };
        title + ticks + Metrics::GROUP_GAP
    }

    /// [`Metrics::group_overhead`] summed over `groups`.
    pub fn groups_overhead(&self, groups: &[Group]) -> f64 {
        groups.iter().map(|g| self.group_overhead(g)).sum()
    }
}
