//! The app's effects as hooks: autosave after each change (flushed before the page
//! closes, with a warning when changes are not saved), the undo/redo keyboard shortcuts,
//! and a share link found in the address.

use super::download::now_iso;
use super::saved_panel::SaveStatus;
use crate::data::decode_link;
use crate::model::Scenario;
use crate::state::{Action, AppState};
use crate::storage;
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// How long after a change the save is written, so a dragged slider saves once.
const SAVE_DELAY_MS: u32 = 400;

/// A save waiting to be written: the state and its timer.
struct Pending {
    state: UseReducerHandle<AppState>,
    _timer: Timeout,
}

/// The matrices a state holds, by allocation: a workspace found too large stays too large
/// while they are the same, so it is not encoded again on every change.
fn matrices_of(state: &AppState) -> Vec<*const crate::model::Matrix> {
    state
        .matrices
        .iter()
        .flat_map(|m| [Rc::as_ptr(&m.published), Rc::as_ptr(&m.matrix)])
        .collect()
}

/// Writes a save and reports it; `unsaved` says whether the work is now only in memory, and
/// `too_large` remembers the matrices of a workspace too large to save.
fn write(
    state: &AppState,
    status: &UseStateHandle<SaveStatus>,
    unsaved: &Rc<RefCell<bool>>,
    too_large: &Rc<RefCell<Option<Vec<*const crate::model::Matrix>>>>,
) {
    let matrices = matrices_of(state);
    if too_large.borrow().as_ref() == Some(&matrices) {
        *unsaved.borrow_mut() = true;
        return;
    }
    let at = now_iso();
    let outcome = storage::save(state, &at);
    *unsaved.borrow_mut() = outcome.is_err();
    match outcome {
        Ok(()) => {
            *too_large.borrow_mut() = None;
            status.set(SaveStatus::Saved(at));
        }
        Err(failure) => {
            *too_large.borrow_mut() = failure.too_large.then_some(matrices);
            status.set(SaveStatus::Failed(failure.reason));
        }
    }
}

/// Saves the state a moment after each change; returns the save status and a callback that
/// clears the saved data (and drops a save still waiting to be written).
#[hook]
pub fn use_autosave(
    state: &UseReducerHandle<AppState>,
    initial: SaveStatus,
) -> (UseStateHandle<SaveStatus>, Callback<()>) {
    let unsaved: Rc<RefCell<bool>> = use_mut_ref(|| matches!(initial, SaveStatus::Failed(_)));
    let status = use_state(|| initial);
    let pending: Rc<RefCell<Option<Pending>>> = use_mut_ref(|| None);
    let too_large: Rc<RefCell<Option<Vec<*const crate::model::Matrix>>>> = use_mut_ref(|| None);
    let last: Rc<RefCell<*const AppState>> = use_mut_ref(|| std::ptr::from_ref::<AppState>(state));
    {
        // Every render: a new state (a new allocation) schedules a save.
        let now = std::ptr::from_ref::<AppState>(state);
        if *last.borrow() != now {
            *last.borrow_mut() = now;
            let (slot, status_now, unsaved_now, too_large_now) = (
                Rc::clone(&pending),
                status.clone(),
                Rc::clone(&unsaved),
                Rc::clone(&too_large),
            );
            let timer = Timeout::new(SAVE_DELAY_MS, move || {
                let waiting = slot.borrow_mut().take();
                if let Some(p) = waiting {
                    write(&p.state, &status_now, &unsaved_now, &too_large_now);
                }
            });
            *pending.borrow_mut() = Some(Pending {
                state: state.clone(),
                _timer: timer,
            });
        }
    }
    {
        let (pending, status, unsaved) = (Rc::clone(&pending), status.clone(), Rc::clone(&unsaved));
        use_effect_with((), move |()| {
            let options = EventListenerOptions::enable_prevent_default();
            let window = gloo::utils::window();
            let listener =
                EventListener::new_with_options(&window, "beforeunload", options, move |event| {
                    // Write a waiting save now; warn when the work is still not saved.
                    let waiting = pending.borrow_mut().take();
                    if let Some(p) = waiting {
                        write(&p.state, &status, &unsaved, &too_large);
                    }
                    if *unsaved.borrow() {
                        event.prevent_default();
                        if let Some(e) = event.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                            e.set_return_value("Your changes are not saved.");
                        }
                    }
                });
            move || drop(listener)
        });
    }
    let clear = {
        let (pending, status, unsaved) = (Rc::clone(&pending), status.clone(), Rc::clone(&unsaved));
        use_memo((), move |()| {
            Callback::from(move |()| {
                pending.borrow_mut().take();
                storage::clear();
                *unsaved.borrow_mut() = false;
                status.set(SaveStatus::Cleared);
            })
        })
    };
    (status, (*clear).clone())
}

/// Ctrl+Z (Cmd+Z) undoes; Ctrl+Y, Ctrl+Shift+Z (Cmd+Shift+Z) redo. In a text box the
/// browser's own text undo is left alone.
#[hook]
pub fn use_shortcuts(dispatcher: UseReducerDispatcher<AppState>) {
    use_effect_with((), move |()| {
        let document = gloo::utils::document();
        let listener = EventListener::new(&document, "keydown", move |event| {
            let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            if !(key.ctrl_key() || key.meta_key()) || key.alt_key() || in_text_box(key) {
                return;
            }
            let action = match (key.key().to_lowercase().as_str(), key.shift_key()) {
                ("z", false) => Action::Undone,
                ("z", true) | ("y", false) => Action::Redone,
                _ => return,
            };
            key.prevent_default();
            dispatcher.dispatch(action);
        });
        move || drop(listener)
    });
}

fn in_text_box(event: &KeyboardEvent) -> bool {
    let Some(target) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    match target.tag_name().as_str() {
        "TEXTAREA" => true,
        "INPUT" => {
            let kind = target.get_attribute("type").unwrap_or_default();
            matches!(kind.as_str(), "" | "text" | "number" | "search" | "date")
        }
        _ => false,
    }
}

/// A share link found in the address at start-up.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkOffer {
    /// A scenario for matrix `matrix` (titled `title`), to open if the user agrees.
    Scenario {
        matrix: usize,
        title: String,
        scenario: Scenario,
    },
    /// Why the link cannot be opened.
    Refused(String),
}

/// Reads a share link from the address once, and clears it from the address bar.
#[hook]
pub fn use_link(state: &UseReducerHandle<AppState>) -> UseStateHandle<Option<LinkOffer>> {
    let state = state.clone();
    use_state(move || {
        let location = web_sys::window()?.location();
        let hash = location.hash().ok()?;
        if !hash.starts_with(&format!("#{}", crate::data::link::PREFIX)) {
            return None;
        }
        let _ = location.set_hash("");
        let published = state.matrices.iter().map(|m| m.published.as_ref());
        Some(match decode_link(&hash, published) {
            Ok((matrix, scenario)) => LinkOffer::Scenario {
                matrix,
                title: state
                    .matrices
                    .get(matrix)
                    .map(|m| m.published.title.clone())
                    .unwrap_or_default(),
                scenario,
            },
            Err(why) => LinkOffer::Refused(why.to_string()),
        })
    })
}

/// True between the browser's `beforeprint` and `afterprint`: the board pack is drawn then.
#[hook]
pub fn use_printing() -> UseStateHandle<bool> {
    let printing = use_state(|| false);
    {
        let printing = printing.clone();
        use_effect_with((), move |()| {
            let window = gloo::utils::window();
            let on = printing.clone();
            let before = EventListener::new(&window, "beforeprint", move |_| on.set(true));
            let after = EventListener::new(&window, "afterprint", move |_| printing.set(false));
            move || drop((before, after))
        });
    }
    printing
}
