//! The chart's wiring: a short list of registrations, each handler a `State` method that
//! returns the events to send to the page. Everything registered here is held in
//! [`Listeners`] and removed when it is dropped (at `destroy()`).

use super::dom::css;
use super::options::ThemeChoice;
use super::state::{dispatch, Calls, Shared, State};
use crate::dirty::Dirty;
use crate::keys::{key_action, KeyAction};
use crate::render::Theme;
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, KeyboardEvent, MouseEvent, ResizeObserver};

/// A chart's listeners and its resize observer; dropping it removes them all.
pub(super) struct Listeners {
    _listeners: Vec<EventListener>,
    _resize: ResizeGuard,
}

/// A ResizeObserver that disconnects when dropped.
struct ResizeGuard {
    observer: ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for ResizeGuard {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// A handler: the state and the event in, the page's events out.
type Handler = fn(&mut State, &Event) -> Calls;

/// Runs `f` on the state if the chart is alive, then dispatches the events it returns.
fn with_events(shared: &Shared, f: impl FnOnce(&mut State) -> Calls) {
    let calls = match shared.try_borrow_mut() {
        Ok(mut g) => match g.as_mut() {
            Some(st) => f(st),
            None => return,
        },
        Err(_) => return,
    };
    dispatch(calls);
}

/// Wires a mounted chart: pointer, keyboard, focus, scroll, theme and size.
pub(super) fn wire(shared: &Shared) -> Result<(), JsValue> {
    let mut g = shared.try_borrow_mut().map_err(|_| super::err("mount: the chart is busy"))?;
    let Some(st) = g.as_mut() else { return Ok(()) };
    let canvas: web_sys::EventTarget = st.el.canvas.clone().into();
    let doc: web_sys::EventTarget = st.doc.clone().into();
    let on = |target: &web_sys::EventTarget, name: &'static str, f: Handler, opts: EventListenerOptions| {
        let weak = Rc::downgrade(shared);
        EventListener::new_with_options(target, name, opts, move |e| {
            if let Some(s) = weak.upgrade() {
                with_events(&s, |st| f(st, e));
            }
        })
    };
    let passive = EventListenerOptions::default();
    let active = EventListenerOptions::enable_prevent_default();
    let capture = EventListenerOptions { phase: EventListenerPhase::Capture, passive: true };
    let mut listeners = vec![
        on(&canvas, "pointerdown", State::on_pointer_down, passive),
        on(&canvas, "pointermove", State::on_pointer_move, passive),
        on(&canvas, "pointerup", State::on_pointer_end, passive),
        on(&canvas, "pointercancel", State::on_pointer_end, passive),
        on(&canvas, "pointerleave", State::on_pointer_leave, passive),
        on(&canvas, "click", State::on_click, passive),
        on(&canvas, "keydown", State::on_key, active),
        on(&canvas, "focus", State::on_focus, passive),
        on(&canvas, "blur", State::on_blur, passive),
        // A tap anywhere else on the page takes a pinned detail away (see touch.rs).
        on(&doc, "pointerdown", State::on_page_pointer_down, capture),
        on(&doc, "pointerup", State::on_page_pointer_up, capture),
        on(&doc, "pointercancel", State::on_page_pointer_cancel, capture),
    ];
    if let Some(q) = &st.dark_query {
        listeners.push(on(&q.clone().into(), "change", State::on_theme_change, passive));
    }
    if let Some(q) = &st.forced_query {
        listeners.push(on(&q.clone().into(), "change", State::on_forced_colors_change, passive));
    }
    let resize = observe_size(st, shared)?;
    st.listeners = Some(Listeners { _listeners: listeners, _resize: resize });
    Ok(())
}

/// Follows the container's size; renders are coalesced to one per frame.
fn observe_size(st: &State, shared: &Shared) -> Result<ResizeGuard, JsValue> {
    let weak = Rc::downgrade(shared);
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        if let Some(s) = weak.upgrade() {
            schedule_render(&s);
        }
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref())?;
    match &st.el.root {
        Some(r) => observer.observe(r),
        None => observer.observe(&st.el.canvas),
    }
    Ok(ResizeGuard { observer, _callback: callback })
}

/// Draws again at the next frame if the box changed size (one render per frame however
/// many resizes come).
fn schedule_render(shared: &Shared) {
    let weak = Rc::downgrade(shared);
    let Ok(mut g) = shared.try_borrow_mut() else { return };
    let Some(st) = g.as_mut() else { return };
    if st.frame.is_some() {
        return;
    }
    st.frame = Some(gloo::render::request_animation_frame(move |_| {
        let Some(shared) = weak.upgrade() else { return };
        with_events(&shared, |st| {
            st.frame = None;
            if st.size_changed() {
                st.dirty.mark(Dirty::LAYOUT);
            }
            st.redraw_if_dirty()
        });
    }));
}

impl State {
    /// Renders when something is pending; sends `render` when drawn.
    fn redraw_if_dirty(&mut self) -> Calls {
        if !self.dirty.has(Dirty::VIEW | Dirty::LAYOUT) {
            return Vec::new();
        }
        match self.render() {
            Ok(true) => self.calls("render", None),
            Ok(false) => Vec::new(),
            Err(e) => {
                self.show_error(&format!("{}: {e}", super::PREFIX));
                Vec::new()
            }
        }
    }

    /// Pointer position in CSS pixels of the chart, correct under zoom and transforms.
    /// The canvas's rectangle is read afresh each time, before the handler writes to the
    /// page, so the read finds the layout clean (a cached rectangle went stale when the page
    /// scrolled and a pointer move arrived before the scroll event did).
    fn pointer(&self, e: &MouseEvent) -> Option<(f64, f64)> {
        let scene = self.scene.as_ref()?;
        let r = self.el.canvas.get_bounding_client_rect();
        if r.width() <= 0.0 || r.height() <= 0.0 {
            return None;
        }
        let x = (e.client_x() as f64 - r.left()) * scene.width / r.width();
        let y = (e.client_y() as f64 - r.top()) * scene.height / r.height();
        Some((x, y))
    }

    /// The row under the pointer of `e`, with the pointer's position.
    pub(super) fn hit_at(&mut self, e: &Event) -> Option<(Option<usize>, (f64, f64))> {
        let p = self.pointer(e.dyn_ref::<MouseEvent>()?)?;
        Some((self.scene.as_ref().and_then(|sc| sc.hit_test(p.0, p.1)), p))
    }

    fn on_pointer_move(&mut self, e: &Event) -> Calls {
        if let Some(calls) = self.on_finger_move(e) {
            return calls;
        }
        let Some((hit, p)) = self.hit_at(e) else { return Vec::new() };
        let changed = hit != self.hover;
        self.hover = hit;
        if changed {
            let _ = self.compose();
        }
        match hit {
            Some(h) => self.show_tooltip(h, Some(p)),
            None => self.tooltip_to_focus(),
        }
        if changed {
            self.calls("hover", hit)
        } else {
            Vec::new()
        }
    }

    fn on_pointer_leave(&mut self, _: &Event) -> Calls {
        if self.hover.is_none() {
            return Vec::new();
        }
        self.hover = None;
        let _ = self.compose();
        self.tooltip_to_focus();
        self.calls("hover", None)
    }

    fn on_click(&mut self, e: &Event) -> Calls {
        if let Some(calls) = self.on_tap(e) {
            return calls;
        }
        let Some((Some(hit), _)) = self.hit_at(e) else { return Vec::new() };
        self.focus = Some(hit);
        let _ = self.compose();
        self.announce(hit);
        self.calls("select", Some(hit))
    }

    fn on_key(&mut self, e: &Event) -> Calls {
        let Some(ke) = e.dyn_ref::<KeyboardEvent>() else { return Vec::new() };
        if ke.alt_key() || ke.ctrl_key() || ke.meta_key() {
            return Vec::new();
        }
        let rows = self.scene.as_ref().map(|sc| sc.hit_count()).unwrap_or(0);
        let action = key_action(&ke.key(), self.focus.or(self.hover).or(self.pinned), rows);
        if action != KeyAction::Ignore {
            e.prevent_default();
        }
        match action {
            KeyAction::Move(next) => {
                self.focus_row(next);
                self.calls("hover", Some(next))
            }
            KeyAction::Select(row) => {
                self.focus = Some(row);
                self.calls("select", Some(row))
            }
            KeyAction::Clear => {
                self.hover = None;
                self.clear_focus();
                self.announce_cleared();
                let mut calls = self.calls("hover", None);
                calls.extend(self.calls("select", None));
                calls
            }
            KeyAction::Swallow | KeyAction::Ignore => Vec::new(),
        }
    }

    fn on_focus(&mut self, _: &Event) -> Calls {
        if self.el.canvas.matches(":focus-visible").unwrap_or(true) {
            let ring = Theme::css(if self.theme().dark { Theme::DARK.decrease } else { Theme::LIGHT.decrease });
            css(&self.el.canvas, &[("outline", &format!("3px solid {ring}"))]);
        }
        Vec::new()
    }

    fn on_blur(&mut self, _: &Event) -> Calls {
        let _ = self.el.canvas.style().remove_property("outline");
        if self.hover.is_none() && self.pinned.is_none() {
            self.hide_tooltip();
        }
        Vec::new()
    }

    fn on_forced_colors_change(&mut self, _: &Event) -> Calls {
        self.dirty.mark(Dirty::LAYOUT);
        self.redraw_if_dirty()
    }

    fn on_theme_change(&mut self, _: &Event) -> Calls {
        if self.opts.theme != ThemeChoice::Auto {
            return Vec::new();
        }
        self.dirty.mark(Dirty::LAYOUT);
        self.redraw_if_dirty()
    }
}
