//! Touch: a tap on a bar pins its detail (and selects it), a sideways slide scrubs the
//! detail along the bars, a tap elsewhere (on the chart or anywhere on the page), a second
//! tap on the bar, or Escape takes it away. The decisions are `crate::touch`'s; these
//! handlers read the pointer events and carry them out. Mouse and pen keep hover.

use super::state::{Calls, State};
use crate::touch::{is_tap, slide, tap_action, Slide, TapAction};
use wasm_bindgen::JsCast;
use web_sys::{Event, Node, PointerEvent};

/// A finger on the canvas: its pointer, where it went down (client CSS px), its slide.
pub(super) struct Finger {
    id: i32,
    start: (f64, f64),
    slide: Slide,
}

/// The pointer event of `e` if a finger made it.
fn finger_event(e: &Event) -> Option<&PointerEvent> {
    e.dyn_ref::<PointerEvent>().filter(|p| p.pointer_type() == "touch")
}

fn client(p: &PointerEvent) -> (f64, f64) {
    (p.client_x() as f64, p.client_y() as f64)
}

impl State {
    /// A pointer went down on the canvas: a finger is followed (its click will be a tap);
    /// a mouse or pen is not.
    pub(super) fn on_pointer_down(&mut self, e: &Event) -> Calls {
        self.finger = finger_event(e).map(|p| Finger { id: p.pointer_id(), start: client(p), slide: Slide::Undecided });
        self.tapped = self.finger.is_some();
        Vec::new()
    }

    /// A finger moved on the canvas: once its slide is the chart's, the detail follows it.
    /// Returns None when `e` is not a finger's (the mouse's hover handles it).
    pub(super) fn on_finger_move(&mut self, e: &Event) -> Option<Calls> {
        let p = finger_event(e)?;
        let Some(f) = self.finger.as_mut().filter(|f| f.id == p.pointer_id()) else { return Some(Vec::new()) };
        f.slide = slide(f.start, client(p), f.slide);
        if f.slide != Slide::Scrub {
            return Some(Vec::new());
        }
        // A slide is not a tap: no click follows it.
        self.tapped = false;
        // Off the bars (between groups, or past the chart's edge) the last bar's detail stays.
        let Some((Some(hit), at)) = self.hit_at(e) else { return Some(Vec::new()) };
        Some(self.pin(hit, at))
    }

    /// A finger lifted or the browser took it (to scroll): it is no longer followed.
    pub(super) fn on_pointer_end(&mut self, e: &Event) -> Calls {
        if let Some(p) = e.dyn_ref::<PointerEvent>() {
            if self.finger.as_ref().is_some_and(|f| f.id == p.pointer_id()) {
                self.finger = None;
            }
            if e.type_() == "pointercancel" {
                self.tapped = false;
            }
        }
        Vec::new()
    }

    /// The click of a tap: pins, moves or unpins the detail; a pin selects its row.
    /// Returns None when the click was not a finger's.
    pub(super) fn on_tap(&mut self, e: &Event) -> Option<Calls> {
        if !std::mem::take(&mut self.tapped) {
            return None;
        }
        let Some((hit, at)) = self.hit_at(e) else { return Some(Vec::new()) };
        Some(match tap_action(hit, self.pinned) {
            TapAction::Pin(r) => {
                self.focus = Some(r);
                let mut calls = self.pin(r, at);
                self.announce(r);
                calls.extend(self.calls("select", Some(r)));
                calls
            }
            TapAction::Unpin => self.unpin(),
            TapAction::Nothing => Vec::new(),
        })
    }

    /// Pins row `hit`'s detail above the finger at `at` (chart CSS px); sends `hover` when
    /// the row changes.
    fn pin(&mut self, hit: usize, at: (f64, f64)) -> Calls {
        let changed = self.pinned != Some(hit);
        self.pinned = Some(hit);
        self.pin_at = Some(at);
        if changed {
            let _ = self.compose();
        }
        self.show_tooltip(hit, Some(at));
        if changed {
            self.calls("hover", Some(hit))
        } else {
            Vec::new()
        }
    }

    /// Takes the pinned detail away (the selection stays); sends `hover` with no row.
    pub(super) fn unpin(&mut self) -> Calls {
        if self.pinned.take().is_none() {
            return Vec::new();
        }
        self.pin_at = None;
        let _ = self.compose();
        if self.hover.is_none() {
            self.hide_tooltip();
        }
        self.calls("hover", None)
    }

    /// Is `e`'s target the canvas (or inside it)?
    fn on_canvas(&self, e: &Event) -> bool {
        let target = e.target().and_then(|t| t.dyn_into::<Node>().ok());
        self.el.canvas.contains(target.as_ref())
    }

    /// A pointer went down anywhere on the page: off the chart, with a detail pinned, it
    /// may be a tap that takes the detail away (decided when it lifts).
    pub(super) fn on_page_pointer_down(&mut self, e: &Event) -> Calls {
        self.outside = None;
        if self.pinned.is_none() || self.on_canvas(e) {
            return Vec::new();
        }
        if let Some(p) = e.dyn_ref::<PointerEvent>() {
            self.outside = Some((p.pointer_id(), client(p)));
        }
        Vec::new()
    }

    /// A pointer lifted anywhere on the page: a tap off the chart unpins the detail; a
    /// swipe (the page scrolling: the browser cancels it) does not.
    pub(super) fn on_page_pointer_up(&mut self, e: &Event) -> Calls {
        let (Some((id, start)), Some(p)) = (self.outside.take(), e.dyn_ref::<PointerEvent>()) else {
            return Vec::new();
        };
        if p.pointer_id() == id && is_tap(start, client(p)) {
            self.unpin()
        } else {
            Vec::new()
        }
    }

    /// The browser took a pointer (to scroll or zoom): it is no tap.
    pub(super) fn on_page_pointer_cancel(&mut self, _: &Event) -> Calls {
        self.outside = None;
        Vec::new()
    }
}
