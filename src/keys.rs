//! Keyboard navigation over a chart's rows: which key does what, given the current row
//! and the number of rows. The browser shell only reads the key and carries it out.

/// How many rows PageUp and PageDown move.
pub const PAGE: usize = 10;

/// What a key press asks of the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAction {
    /// Move the focus to this row (and show its detail).
    Move(usize),
    /// Select this row (the `select` event).
    Select(usize),
    /// Clear the focus and the selection.
    Clear,
    /// The key is the chart's, but there is nothing to do (no rows, or nothing focused):
    /// the page must not act on it either.
    Swallow,
    /// Not the chart's key: the page may act on it (scroll, tab away).
    Ignore,
}

/// The action of `key` (a `KeyboardEvent.key`) with `current` focused among `rows` rows.
/// Arrows move one row (Down and Right forward), PageUp/PageDown ten, Home/End to the ends;
/// from no focus every move starts at the first row. Enter and Space select the current
/// row; Escape clears.
pub fn key_action(key: &str, current: Option<usize>, rows: usize) -> KeyAction {
    let last = rows.saturating_sub(1);
    let step = |forward: bool, by: usize| match current {
        None => 0,
        Some(c) if forward => (c + by).min(last),
        Some(c) => c.saturating_sub(by),
    };
    let target = match key {
        "ArrowDown" | "ArrowRight" => step(true, 1),
        "ArrowUp" | "ArrowLeft" => step(false, 1),
        "PageDown" => step(true, PAGE),
        "PageUp" => step(false, PAGE),
        "Home" => 0,
        "End" => last,
        "Enter" | " " => return current.map_or(KeyAction::Swallow, KeyAction::Select),
        "Escape" => return if current.is_some() { KeyAction::Clear } else { KeyAction::Ignore },
        _ => return KeyAction::Ignore,
    };
    if rows == 0 {
        KeyAction::Swallow
    } else {
        KeyAction::Move(target)
    }
}

#[cfg(test)]
mod tests {
    use super::{key_action, KeyAction::*, PAGE};

    #[test]
    fn moves_stay_inside_the_rows() {
        assert_eq!(key_action("ArrowDown", Some(4), 5), Move(4));
        assert_eq!(key_action("ArrowRight", Some(1), 5), Move(2));
        assert_eq!(key_action("ArrowUp", Some(0), 5), Move(0));
        assert_eq!(key_action("PageDown", Some(3), 30), Move(3 + PAGE));
        assert_eq!(key_action("PageDown", Some(25), 30), Move(29));
        assert_eq!(key_action("PageUp", Some(3), 30), Move(0));
        assert_eq!(key_action("Home", Some(7), 30), Move(0));
        assert_eq!(key_action("End", None, 30), Move(29));
    }

    #[test]
    fn the_first_move_starts_at_the_top() {
        for k in ["ArrowDown", "ArrowUp", "PageDown", "PageUp", "ArrowLeft"] {
            assert_eq!(key_action(k, None, 9), Move(0), "{k}");
        }
    }

    #[test]
    fn select_clear_and_keys_that_are_not_the_charts() {
        assert_eq!(key_action("Enter", Some(2), 5), Select(2));
        assert_eq!(key_action(" ", None, 5), Swallow);
        assert_eq!(key_action("Escape", Some(2), 5), Clear);
        assert_eq!(key_action("Escape", None, 5), Ignore, "Escape with nothing focused is the page's");
        assert_eq!(key_action("Tab", Some(2), 5), Ignore);
        assert_eq!(key_action("a", Some(2), 5), Ignore);
    }

    #[test]
    fn no_rows_swallows_moves() {
        assert_eq!(key_action("ArrowDown", None, 0), Swallow);
        assert_eq!(key_action("End", Some(0), 0), Swallow);
    }
}
