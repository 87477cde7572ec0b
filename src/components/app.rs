//! The root component: holds the one reducer, restores and autosaves it, takes the keyboard
//! shortcuts and share links, and lays out the views.

use super::download::now_iso;
use super::presentation::Presentation;
use super::print_pack::PrintPack;
use super::saved_panel::SaveStatus;
use super::session::use_printing;
use super::session::{use_autosave, use_link, use_shortcuts, LinkOffer};
use super::shared::{use_latest_callback, Shared};
use super::switcher::Switcher;
use super::workspace_view::WorkspaceView;
use crate::data::seed_matrices;
use crate::model::Matrix;
use crate::state::{Action, AppState};
use crate::storage::{self, Boot};
use std::rc::Rc;
use yew::prelude::*;

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(AppState::reduce(&self, action))
    }
}

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let seed = use_memo((), |()| seed_matrices());
    match &*seed {
        Ok(matrices) => html! { <Explorer matrices={Rc::new(matrices.clone())} /> },
        Err(error) => {
            html! { <main class="fatal"><h1>{ "Matrix Explorer" }</h1><p role="alert">{ error.to_string() }</p></main> }
        }
    }
}

#[derive(Properties, PartialEq)]
struct ExplorerProps {
    matrices: Rc<Vec<Matrix>>,
}

/// What start-up found, in words for the "Your work" panel.
fn boot_note(boot: &Boot) -> Option<String> {
    match boot {
        Boot::Fresh => None,
        Boot::Restored(loaded) => Some(format!(
            "Your work saved in this browser ({}) was restored.",
            loaded.saved_at.get(..16).unwrap_or(&loaded.saved_at).replace('T', " ")
        )),
        Boot::Unreadable { reason, kept } => Some(format!(
            "Your saved work could not be read, so the app started on the published matrices. {reason} {}",
            if *kept {
                "The saved text is kept as it was: download it below."
            } else {
                "There was no room to keep a copy of it."
            }
        )),
        Boot::Unavailable(reason) => Some(format!(
            "Your work cannot be saved in this browser: {reason}. Download the workspace file to keep it."
        )),
    }
}

#[function_component(Explorer)]
fn explorer(props: &ExplorerProps) -> Html {
    let boot = use_memo((), |()| storage::load());
    let state = {
        let (boot, matrices) = (Rc::clone(&boot), Rc::clone(&props.matrices));
        use_reducer(move || match &*boot {
            Boot::Restored(loaded) => loaded.state.clone(),
            _ => AppState::new((*matrices).clone()),
        })
    };
    let note = use_memo((), |()| boot_note(&boot));
    let unreadable = matches!(&*boot, Boot::Unreadable { kept: true, .. });
    let initial = match &*boot {
        Boot::Unavailable(reason) => SaveStatus::Failed(reason.clone()),
        _ => SaveStatus::Saved(String::new()),
    };
    let (status, on_clear) = use_autosave(&state, initial);
    use_shortcuts(state.dispatcher());
    let offer = use_link(&state);
    // One allocation for the life of the app, so views are redrawn for their data alone.
    let dispatch = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |()| {
            Callback::from(move |action: Action| dispatcher.dispatch(action))
        }))
        .clone()
    };
    let on_select = (*use_memo(dispatch.clone(), |d| d.reform(Action::MatrixSelected))).clone();
    let workspace = {
        let state = state.clone();
        use_latest_callback(move |()| (*state).clone())
    };
    let Some(current) = state.current() else {
        return html! { <main><p role="alert">{ "No matrix is loaded." }</p></main> };
    };
    let names: Vec<String> = state
        .matrices
        .iter()
        .map(|m| m.matrix.short_name.clone())
        .collect();
    // Focus moves without changing the address (the part after # is for links).
    let skip = skip_to("#priorities-heading");
    let skip_grid = skip_to("table.matrix [tabindex=\"0\"]");
    let printing = use_printing();
    let on_print = {
        let printing = printing.clone();
        Callback::from(move |_: MouseEvent| {
            // Draw the pack first, then open the browser's print dialog.
            printing.set(true);
            gloo::timers::callback::Timeout::new(50, || {
                if let Some(window) = web_sys::window() {
                    let _ = window.print();
                }
            })
            .forget();
        })
    };
    let presenting = use_state(|| false);
    let on_present = {
        let presenting = presenting.clone();
        Callback::from(move |_: MouseEvent| presenting.set(true))
    };
    let on_leave = {
        let presenting = presenting.clone();
        Callback::from(move |()| presenting.set(false))
    };
    html! {
        <>
        if *presenting {
            <Presentation matrix={Shared::from(Rc::clone(&current.matrix))} settings={current.settings.clone()}
                decisions={current.decisions.clone()} on_close={on_leave} />
        }
        <div class="screen" hidden={*presenting}>
        <a class="skip-link" href="#priorities-heading" onclick={skip}>{ "Skip to ranked priorities" }</a>
        <a class="skip-link" href="#matrix-heading" onclick={skip_grid}>{ "Skip to the matrix" }</a>
        <header class="app-header">
            <div class="app-title">
                <h1>{ "Matrix Explorer" }</h1>
                <div class="header-actions">
                    <button type="button" onclick={dispatch.reform(|_: MouseEvent| Action::Undone)} disabled={!state.can_undo()}
                        aria-keyshortcuts="Control+Z">{ "Undo" }</button>
                    <button type="button" onclick={dispatch.reform(|_: MouseEvent| Action::Redone)} disabled={!state.can_redo()}
                        aria-keyshortcuts="Control+Y">{ "Redo" }</button>
                    <button type="button" class="present-button" onclick={on_present}>{ "Present to a ward panel" }</button>
                    <button type="button" class="print-button" onclick={on_print}>{ "Print the board pack" }</button>
                </div>
            </div>
            <p class="source">{ &current.published.source }</p>
        </header>
        { link_banner(&offer, &dispatch) }
        <Switcher names={names} active={state.active} {on_select} />
        <WorkspaceView
            current={current.clone()}
            active={state.active}
            replaced={state.replaced.as_ref().map(|r| (r.index, r.previous.matrix.title.clone()))}
            status={(*status).clone()}
            boot_note={(*note).clone()}
            {unreadable}
            {workspace}
            {on_clear}
            dispatch={dispatch.clone()} />
        <footer class="app-footer">
            <p>{ "Runs entirely in this browser window: nothing you do here is sent anywhere." }</p>
        </footer>
        </div>
        if *printing {
            <PrintPack matrices={state.matrices.clone()} date={now_iso().chars().take(10).collect::<String>()} />
        }
        </>
    }
}

/// A skip link's handler: focus the first element matching `selector`.
fn skip_to(selector: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        if let Some(target) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(selector).ok().flatten())
            .and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok())
        {
            let _ = target.focus();
        }
    })
}

/// The question a share link asks before it changes anything, or why it cannot be opened.
fn link_banner(offer: &UseStateHandle<Option<LinkOffer>>, dispatch: &Callback<Action>) -> Html {
    let Some(current) = &**offer else {
        return html! {};
    };
    let dismiss = {
        let offer = offer.clone();
        Callback::from(move |_: MouseEvent| offer.set(None))
    };
    match current {
        LinkOffer::Refused(message) => html! {
            <div class="link-banner" role="alert">
                <p>{ format!("The link could not be opened. {message}") }</p>
                <button type="button" onclick={dismiss}>{ "Close" }</button>
            </div>
        },
        LinkOffer::Scenario {
            matrix,
            title,
            scenario,
        } => {
            let open = {
                let (offer, dispatch, matrix, scenario) =
                    (offer.clone(), dispatch.clone(), *matrix, scenario.clone());
                Callback::from(move |_: MouseEvent| {
                    dispatch.emit(Action::MatrixSelected(matrix));
                    dispatch.emit(Action::ScenarioOpened(scenario.clone()));
                    offer.set(None);
                })
            };
            html! {
                <div class="link-banner" role="alert">
                    <p>{ format!("This link holds the scenario \"{}\" for the {title}. Open it? It is added to your scenarios; nothing else changes.", scenario.name) }</p>
                    <button type="button" onclick={open}>{ "Open the linked scenario" }</button>
                    <button type="button" onclick={dismiss}>{ "Ignore the link" }</button>
                </div>
            }
        }
    }
}
