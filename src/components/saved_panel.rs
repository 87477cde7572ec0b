//! "Your work": whether it is saved in this browser and where that is, clearing it, and the
//! workspace file (download, and open all or nothing).

use super::download::{now_iso, offer_download};
use crate::data::{decode_workspace, encode_workspace};
use crate::state::{Action, AppState};
use gloo::file::callbacks::FileReader;
use gloo::file::File;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Whether the workspace is saved in this browser.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    /// Saved at this time (ISO).
    Saved(String),
    /// Saved data was cleared; the next change saves again.
    Cleared,
    /// The last save failed: why.
    Failed(String),
}

#[derive(Properties, PartialEq)]
pub struct SavedPanelProps {
    /// The whole state, for the workspace file.
    pub workspace: Callback<(), AppState>,
    pub status: SaveStatus,
    /// Said once at start-up: what was restored, or why saved data could not be read.
    pub boot_note: Option<String>,
    /// True when unreadable saved data was set aside and can be downloaded.
    pub unreadable: bool,
    pub on_clear: Callback<()>,
    pub on_action: Callback<Action>,
}

fn status_line(status: &SaveStatus) -> Html {
    match status {
        SaveStatus::Saved(at) if at.is_empty() => html! {
            <p class="save-status saved" role="status">{ "Changes are saved in this browser as you make them." }</p>
        },
        SaveStatus::Saved(at) => html! {
            <p class="save-status saved" role="status">{ format!("Saved in this browser ({} UTC).", at.get(11..16).unwrap_or(at)) }</p>
        },
        SaveStatus::Cleared => html! {
            <p class="save-status" role="status">{ "Saved data cleared from this browser. Your next change is saved again." }</p>
        },
        SaveStatus::Failed(why) => html! {
            <p class="save-status failed" role="alert">
                { format!("Not saved: {why}. Your work is kept in this window; download the workspace file to keep it.") }
            </p>
        },
    }
}

#[function_component(SavedPanel)]
pub fn saved_panel(props: &SavedPanelProps) -> Html {
    let reader = use_mut_ref(|| None::<FileReader>);
    let download_url = use_mut_ref(|| None::<gloo::file::ObjectUrl>);
    let problem = use_state(|| None::<String>);
    let on_download = {
        let (workspace, url) = (props.workspace.clone(), Rc::clone(&download_url));
        let problem = problem.clone();
        Callback::from(move |_: MouseEvent| {
            match encode_workspace(&workspace.emit(()), &now_iso()) {
                Ok(text) => {
                    *url.borrow_mut() =
                        offer_download("matrix-explorer-workspace.json", "application/json", &text);
                }
                Err(why) => problem.set(Some(why.to_string())),
            }
        })
    };
    let on_unreadable = {
        let url = Rc::clone(&download_url);
        Callback::from(move |_: MouseEvent| {
            if let Some(text) = crate::storage::unreadable() {
                *url.borrow_mut() = offer_download(
                    "matrix-explorer-unreadable-save.json",
                    "application/json",
                    &text,
                );
            }
        })
    };
    let on_open = {
        let (reader, problem, on_action) =
            (Rc::clone(&reader), problem.clone(), props.on_action.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            open_file(&File::from(file), &reader, &problem, &on_action);
        })
    };
    let on_clear = props.on_clear.reform(|_: MouseEvent| ());
    html! {
        <section class="saved-panel" aria-labelledby="saved-heading">
            <h2 id="saved-heading">{ "Your work" }</h2>
            { status_line(&props.status) }
            if let Some(note) = &props.boot_note {
                <p class="boot-note" role="alert">{ note }</p>
            }
            if props.unreadable {
                <button type="button" onclick={on_unreadable}>{ "Download the saved data that could not be read" }</button>
            }
            <p class="hint">{ "Every change is saved in this browser profile on this computer, never sent anywhere. In Chrome and Edge every HTML file opened from this computer shares that store; in Firefox moving or renaming this file starts afresh. To take your work elsewhere, download the workspace file." }</p>
            <div class="downloads">
                <button type="button" onclick={on_download}>{ "Download workspace file (JSON)" }</button>
                <label for="workspace-file">{ "Open a workspace file" }</label>
                <input type="file" id="workspace-file" accept=".json,application/json" onchange={on_open} />
                <button type="button" class="danger" onclick={on_clear}>{ "Clear saved data" }</button>
            </div>
            if let Some(message) = &*problem {
                <p class="problem" role="alert">{ message }</p>
            }
        </section>
    }
}

/// Reads a workspace file and loads it whole, or says why not; nothing changes on a problem.
fn open_file(
    file: &File,
    reader: &Rc<RefCell<Option<FileReader>>>,
    problem: &UseStateHandle<Option<String>>,
    on_action: &Callback<Action>,
) {
    let (problem, on_action) = (problem.clone(), on_action.clone());
    let name = file.name();
    let task = gloo::file::callbacks::read_as_text(file, move |text| match text {
        Err(_) => problem.set(Some(format!("\"{name}\" could not be read."))),
        Ok(text) => match decode_workspace(&text) {
            Ok(loaded) => {
                problem.set(Some(format!("Opened \"{name}\".")));
                on_action.emit(Action::WorkspaceLoaded(Box::new(loaded.state)));
            }
            Err(why) => problem.set(Some(format!(
                "\"{name}\" was not opened: {why} Nothing was changed."
            ))),
        },
    });
    *reader.borrow_mut() = Some(task);
}
