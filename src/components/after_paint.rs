//! `AfterPaint`, a part of the page (the ranked list and the sections below the table) drawn
//! just after the browser has drawn the rest, at start-up and after each change, so that the
//! table is on screen, and a change in it, within the frame. It says it is behind with
//! `aria-busy`.

use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[derive(Properties)]
pub struct AfterPaintProps {
    pub class: &'static str,
    pub children: Html,
}

/// Never equal: each new set of children is taken as a change and drawn a frame later
/// (comparing whole trees of views would cost time on every change, and 1.5 KB of the file).
/// When drawn, each child view still compares its own properties and is redrawn only if they
/// differ.
impl PartialEq for AfterPaintProps {
    fn eq(&self, _: &Self) -> bool {
        false
    }
}

/// Runs `then` once the next frame has been drawn: an animation frame callback runs just
/// before the browser draws, and a timer set in it runs after. (A timer alone often runs
/// before the frame is drawn, and so would only make the frame later.) A page that is not
/// shown draws no frames, and catches up when it is shown again.
fn after_next_paint(then: impl FnOnce() + 'static) {
    let later = Closure::once_into_js(move || Timeout::new(0, then).forget());
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(later.unchecked_ref());
    }
}

/// What the part is drawing and whether it is waiting for a frame to be drawn.
#[derive(Default)]
struct Drawn {
    children: Html,
    waiting: bool,
    due: bool,
}

/// Draws its children as they were last drawn (at first, nothing) until the frame after they
/// change; then as they are by then (a change made meanwhile is drawn with it, in one update).
#[function_component(AfterPaint)]
pub fn after_paint(props: &AfterPaintProps) -> Html {
    let drawn: Rc<RefCell<Drawn>> = use_mut_ref(Drawn::default);
    let redraw = use_force_update();
    let mut state = drawn.borrow_mut();
    let children = if state.due {
        props.children.clone()
    } else {
        // Asked for while drawing, once until it comes: all it does later is redraw.
        if !state.waiting {
            state.waiting = true;
            let drawn = Rc::clone(&drawn);
            after_next_paint(move || {
                // A task of its own: no draw holds the state now. Let go of it before asking
                // for the redraw, which reads it.
                let mut state = drawn.borrow_mut();
                (state.waiting, state.due) = (false, true);
                drop(state);
                redraw.force_update();
            });
        }
        state.children.clone()
    };
    state.due = false;
    state.children = children.clone();
    html! {
        <div class={props.class} aria-busy={state.waiting.then_some("true")}>{ children }</div>
    }
}
