//! Touch over a chart's rows: what a tap does given the row whose detail is pinned, when a
//! finger's slide is the chart's (scrubbing along the bars) rather than the page's
//! (scrolling), and where the pinned detail goes so the finger does not cover it. The
//! browser shell only reads the pointer events and carries these decisions out.
//!
//! The gesture: the canvas has `touch-action: pan-y`, so a vertical swipe over the chart
//! scrolls the page (the browser takes it and sends `pointercancel`), while a slide that
//! starts sideways is left to the page's script: once it has gone [`SLOP`] px more
//! sideways than up or down, the detail follows the finger over the rows, up and down
//! too, until the finger lifts.

/// How far (CSS px) a finger may move and still make a tap, and how far sideways a slide
/// must go before it scrubs. Chromium's own touch slop is about 15 px at dpr 3 (5 dp); 10 px
/// keeps a tap a tap and starts scrubbing without a long slide.
pub const SLOP: f64 = 10.0;

/// Space (CSS px) between the finger and the detail placed above it.
pub const GAP_ABOVE: f64 = 12.0;

/// Space (CSS px) between the finger and the detail placed below it: a fingertip covers
/// about 40 px around the point it touches, mostly below it.
pub const GAP_BELOW: f64 = 36.0;

/// What a tap on the chart asks of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TapAction {
    /// Pin this row's detail (and select the row): a tap on a row with nothing pinned,
    /// or on another row than the pinned one (the detail moves there).
    Pin(usize),
    /// Take the pinned detail away: a second tap on the pinned row, or a tap off the bars.
    Unpin,
    /// Nothing to do: a tap off the bars with nothing pinned.
    Nothing,
}

/// The action of a tap on `hit` (the row under the finger, if any) while `pinned` (the
/// row whose detail is pinned, if any).
pub fn tap_action(hit: Option<usize>, pinned: Option<usize>) -> TapAction {
    match (hit, pinned) {
        (Some(r), Some(p)) if r == p => TapAction::Unpin,
        (Some(r), _) => TapAction::Pin(r),
        (None, Some(_)) => TapAction::Unpin,
        (None, None) => TapAction::Nothing,
    }
}

/// What a finger's slide so far is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slide {
    /// Still within [`SLOP`]: a tap, if it ends here.
    Undecided,
    /// The chart's: the detail follows the finger.
    Scrub,
    /// The page's (a vertical swipe, which the browser scrolls): the chart does nothing.
    Page,
}

/// The slide from `start` to `now` (client CSS px), given what it was so far: a decided
/// slide stays as it is; an undecided one scrubs once it has gone more than [`SLOP`]
/// sideways and further sideways than up or down, and is the page's once it has gone
/// more than [`SLOP`] up or down first.
pub fn slide(start: (f64, f64), now: (f64, f64), was: Slide) -> Slide {
    if was != Slide::Undecided {
        return was;
    }
    let (dx, dy) = ((now.0 - start.0).abs(), (now.1 - start.1).abs());
    if !(dx.is_finite() && dy.is_finite()) {
        return Slide::Page;
    }
    if dx > SLOP && dx > dy {
        Slide::Scrub
    } else if dy > SLOP {
        Slide::Page
    } else {
        Slide::Undecided
    }
}

/// Did a pointer that went down at `start` and up at `end` tap (move at most [`SLOP`])?
pub fn is_tap(start: (f64, f64), end: (f64, f64)) -> bool {
    let (dx, dy) = (end.0 - start.0, end.1 - start.1);
    dx.is_finite() && dy.is_finite() && dx.hypot(dy) <= SLOP
}

/// Where the detail of a touched row goes (its top-left corner, chart CSS px): centred on
/// the finger's x and kept inside the chart's width `width`; above the finger when it fits
/// in the part of the chart on screen (`visible`: top and bottom, chart CSS px), else below
/// it past the fingertip, else on the side with more room, kept on screen as far as it can.
/// `size` is the detail's width and height.
pub fn place_detail(anchor: (f64, f64), size: (f64, f64), width: f64, visible: (f64, f64)) -> (f64, f64) {
    let finite = |v: f64, or: f64| if v.is_finite() { v } else { or };
    let (w, h) = (finite(size.0, 0.0).max(0.0), finite(size.1, 0.0).max(0.0));
    let width = finite(width, 0.0).max(0.0);
    let (ax, ay) = (finite(anchor.0, 0.0), finite(anchor.1, 0.0));
    let (top, bottom) = (finite(visible.0, 0.0), finite(visible.1, 0.0));
    let x = (ax - w / 2.0).min(width - w).max(0.0);
    let above = ay - GAP_ABOVE - h;
    let below = ay + GAP_BELOW;
    let y = if above >= top {
        above
    } else if below + h <= bottom {
        below
    } else if ay - top >= bottom - ay {
        // Neither fits: the larger side, its far edge on screen.
        above.max(top)
    } else {
        below.min(bottom - h).max(top)
    };
    (x, y.max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taps_pin_move_and_unpin() {
        assert_eq!(tap_action(Some(3), None), TapAction::Pin(3), "a tap on a bar pins it");
        assert_eq!(tap_action(Some(3), Some(3)), TapAction::Unpin, "a second tap on it unpins");
        assert_eq!(tap_action(Some(4), Some(3)), TapAction::Pin(4), "a tap on another bar moves the detail");
        assert_eq!(tap_action(None, Some(3)), TapAction::Unpin, "a tap off the bars unpins");
        assert_eq!(tap_action(None, None), TapAction::Nothing);
        assert_eq!(tap_action(Some(0), Some(1)), TapAction::Pin(0), "row 0 is a row like any other");
    }

    #[test]
    fn a_sideways_slide_scrubs_and_a_vertical_one_is_the_pages() {
        let s = (100.0, 100.0);
        assert_eq!(slide(s, (105.0, 104.0), Slide::Undecided), Slide::Undecided, "within the slop");
        assert_eq!(slide(s, (112.0, 103.0), Slide::Undecided), Slide::Scrub, "sideways past the slop");
        assert_eq!(slide(s, (88.0, 95.0), Slide::Undecided), Slide::Scrub, "to the left too");
        assert_eq!(slide(s, (103.0, 120.0), Slide::Undecided), Slide::Page, "down past the slop");
        assert_eq!(slide(s, (112.0, 80.0), Slide::Undecided), Slide::Page, "more up than sideways");
        // Once decided, it stays: a scrub may then go up and down over the rows.
        assert_eq!(slide(s, (100.0, 300.0), Slide::Scrub), Slide::Scrub);
        assert_eq!(slide(s, (300.0, 100.0), Slide::Page), Slide::Page);
        assert_eq!(slide(s, (f64::NAN, 100.0), Slide::Undecided), Slide::Page, "garbage is not ours");
    }

    #[test]
    fn taps_are_short_moves() {
        assert!(is_tap((10.0, 10.0), (10.0, 10.0)));
        assert!(is_tap((10.0, 10.0), (16.0, 18.0)), "10 px away is still a tap");
        assert!(!is_tap((10.0, 10.0), (10.0, 21.0)));
        assert!(!is_tap((10.0, 10.0), (f64::INFINITY, 10.0)));
    }

    #[test]
    fn the_detail_goes_above_the_finger_when_it_fits() {
        // A 343 px chart, 300 px of it on screen from y=100; a 280×120 detail.
        let (x, y) = place_detail((300.0, 300.0), (280.0, 120.0), 343.0, (100.0, 400.0));
        assert_eq!(y, 300.0 - GAP_ABOVE - 120.0);
        assert_eq!(x, 343.0 - 280.0, "pushed left to stay in the chart");
        let (x, _) = place_detail((20.0, 300.0), (280.0, 120.0), 343.0, (100.0, 400.0));
        assert_eq!(x, 0.0, "pushed right to stay in the chart");
        let (x, _) = place_detail((170.0, 300.0), (100.0, 120.0), 343.0, (100.0, 400.0));
        assert_eq!(x, 120.0, "centred on the finger");
    }

    #[test]
    fn the_detail_goes_below_the_fingertip_near_the_top_of_the_screen() {
        let (_, y) = place_detail((200.0, 150.0), (280.0, 120.0), 343.0, (100.0, 800.0));
        assert_eq!(y, 150.0 + GAP_BELOW);
        // The chart's own top: nothing above 0 is on screen.
        let (_, y) = place_detail((200.0, 30.0), (280.0, 120.0), 343.0, (0.0, 700.0));
        assert_eq!(y, 30.0 + GAP_BELOW);
    }

    #[test]
    fn a_detail_too_tall_for_either_side_stays_on_screen() {
        // 200 px on screen, a 180 px detail, finger in the middle.
        let (_, y) = place_detail((100.0, 210.0), (200.0, 180.0), 320.0, (100.0, 300.0));
        assert_eq!(y, 100.0, "a little more room above: its top at the screen's top");
        let (_, y) = place_detail((100.0, 280.0), (200.0, 180.0), 320.0, (100.0, 300.0));
        assert_eq!(y, 100.0, "more room above: its top at the screen's top");
        let (_, y) = place_detail((100.0, 120.0), (200.0, 180.0), 320.0, (100.0, 300.0));
        assert_eq!(y, 120.0, "more room below: as far down as the screen lets it");
    }

    #[test]
    fn bad_numbers_do_not_escape_the_chart() {
        let (x, y) = place_detail((f64::NAN, f64::INFINITY), (f64::NAN, 50.0), f64::NAN, (f64::NAN, 10.0));
        assert!(x.is_finite() && y.is_finite() && x >= 0.0 && y >= 0.0, "({x}, {y})");
        let (x, _) = place_detail((10.0, 10.0), (500.0, 50.0), 300.0, (0.0, 600.0));
        assert_eq!(x, 0.0, "wider than the chart: from its left edge");
    }
}
