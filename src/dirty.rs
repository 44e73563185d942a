//! What a chart must redo before it shows the truth again, gathered as one value: each
//! change marks what it invalidates, and the shell does the work in one place (the render
//! for the view and layout; the task after the frame for the hover layer and the
//! screen-reader table).

/// A set of pending kinds of work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Dirty(u8);

impl Dirty {
    /// Nothing to redo.
    pub const NONE: Dirty = Dirty(0);
    /// The rows must be built again from the data and the options (then laid out and painted).
    pub const VIEW: Dirty = Dirty(1);
    /// The scene must be laid out and painted again (a size, dpr or theme change).
    pub const LAYOUT: Dirty = Dirty(2);
    /// The hover base layer is behind the visible canvas.
    pub const BASE: Dirty = Dirty(4);
    /// The screen-reader table no longer matches the rows.
    pub const TABLE: Dirty = Dirty(8);
    /// The work that can wait until the chart is on screen.
    pub const DEFERRED: Dirty = Dirty(Self::BASE.0 | Self::TABLE.0);

    /// Marks `d` and what it implies: new rows need a new layout and a new table.
    pub fn mark(&mut self, d: Dirty) {
        let mut bits = d.0;
        if bits & Self::VIEW.0 != 0 {
            bits |= Self::LAYOUT.0 | Self::TABLE.0;
        }
        self.0 |= bits;
    }

    /// Is any of `d` pending?
    pub fn has(self, d: Dirty) -> bool {
        self.0 & d.0 != 0
    }

    /// Takes `d` off the list (the work is done); returns whether any of it was pending.
    pub fn take(&mut self, d: Dirty) -> bool {
        let had = self.has(d);
        self.0 &= !d.0;
        had
    }

    /// Is there work for after the frame?
    pub fn deferred(self) -> bool {
        self.has(Self::DEFERRED)
    }
}

/// Both sets of work.
impl std::ops::BitOr for Dirty {
    type Output = Dirty;
    fn bitor(self, other: Dirty) -> Dirty {
        Dirty(self.0 | other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Dirty;

    #[test]
    fn new_rows_imply_a_layout_and_a_table() {
        let mut d = Dirty::NONE;
        d.mark(Dirty::VIEW);
        assert!(d.has(Dirty::LAYOUT) && d.has(Dirty::TABLE) && !d.has(Dirty::BASE));
        assert!(d.deferred(), "the table waits for after the frame");
    }

    #[test]
    fn a_layout_alone_leaves_the_table() {
        let mut d = Dirty::NONE;
        d.mark(Dirty::LAYOUT);
        assert!(!d.has(Dirty::TABLE) && !d.has(Dirty::VIEW) && !d.deferred());
    }

    #[test]
    fn take_clears_only_what_it_names() {
        let mut d = Dirty::NONE;
        d.mark(Dirty::VIEW);
        d.mark(Dirty::BASE);
        assert!(d.take(Dirty::VIEW | Dirty::LAYOUT));
        assert!(!d.has(Dirty::VIEW) && !d.has(Dirty::LAYOUT));
        assert!(d.has(Dirty::BASE) && d.has(Dirty::TABLE));
        assert!(d.take(Dirty::DEFERRED));
        assert_eq!(d, Dirty::NONE);
        assert!(!d.take(Dirty::BASE), "nothing left to take");
    }
}
