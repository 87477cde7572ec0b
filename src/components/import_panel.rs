//! "Your own matrix": import from a file, a drop onto the page or cells pasted from Excel
//! (all or nothing, every problem with its row and column, with a progress bar while a large
//! file is checked), undo of an import, and the CSV downloads (results, matrix, template).

use super::download::offer_download;
use super::import_runner::{importer, read_file, use_page_drop, ImportInput, Pending, Status};
use super::shared::Shared;
use crate::data::{export_matrix, template, MAX_IMPORT_BYTES};
use crate::engine::thousands;
use crate::model::Matrix;
use crate::state::Action;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    pub matrix: Shared<Matrix>,
    /// The results file of what is on screen, written when asked for.
    pub results: Callback<(), String>,
    /// The tab on screen.
    pub active: usize,
    /// The tab and title of the matrix the last import replaced, while it can be undone.
    pub replaced: Option<(usize, String)>,
    pub on_action: Callback<Action>,
}

fn status_view(status: &Status, active: usize) -> Html {
    match status {
        Status::Imported { tab, .. } | Status::Refused { tab, .. } | Status::Undone { tab, .. }
            if *tab != active =>
        {
            html! {}
        }
        Status::Idle => html! {},
        Status::Reading(source) => {
            html! { <p class="import-status" role="status">{ format!("Reading {source}…") }</p> }
        }
        // Busy: screen readers wait for the outcome instead of reading out every step. The key
        // makes the outcome a new element, as it was when it followed "Reading".
        Status::Checking {
            source,
            done,
            total,
        } => html! {
            <div key="checking" class="import-status checking" role="status" aria-busy="true">
                <label for="import-progress">
                    { format!("Checking {source}: {} of {} rows", thousands(*done), thousands(*total)) }
                </label>
                { " " }
                <progress id="import-progress" max={total.to_string()} value={done.to_string()} />
            </div>
        },
        Status::Imported {
            source,
            title,
            items,
            notes,
            ..
        } => html! {
            <div class="import-status ok" role="status">
                <p>{ format!("Imported \"{title}\" from {source}: {} items.", thousands(*items)) }</p>
                { for notes.iter().map(|note| html! { <p class="note">{ note }</p> }) }
            </div>
        },
        Status::Undone { title, .. } => html! {
            <p class="import-status ok" role="status">{ format!("Import undone: \"{title}\" is back as it was.") }</p>
        },
        Status::Refused {
            source, problems, ..
        } => html! {
            <div class="import-status refused" role="alert">
                <p><strong>{ format!("Nothing was imported from {source}.") }</strong>{ " The matrix on screen is unchanged. Fix the following and try again:" }</p>
                <ul class="problems">{ for problems.iter().map(|p| html! { <li>{ p.to_string() }</li> }) }</ul>
            </div>
        },
    }
}

#[function_component(ImportPanel)]
pub fn import_panel(props: &ImportPanelProps) -> Html {
    let status = use_state(|| Status::Idle);
    let pending = use_mut_ref(Pending::default);
    pending.borrow_mut().active = props.active;
    let paste = use_node_ref();
    let import = importer(status.clone(), Rc::clone(&pending), props.on_action.clone());
    use_page_drop(Rc::clone(&import), Rc::clone(&pending), status.clone());

    let on_file = {
        let (pending, import, status) = (Rc::clone(&pending), Rc::clone(&import), status.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                read_file(file, &pending, Rc::clone(&import), status.clone());
            }
            input.set_value("");
        })
    };
    let on_paste_import = {
        let (paste, import, pending) = (paste.clone(), Rc::clone(&import), Rc::clone(&pending));
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = paste.cast::<HtmlTextAreaElement>() {
                pending.borrow_mut().cancel_import();
                import(
                    super::import_runner::PASTED.to_owned(),
                    ImportInput::Text(area.value()),
                );
            }
        })
    };
    let download = |file_name: String, text: Rc<dyn Fn() -> String>| {
        let pending = Rc::clone(&pending);
        Callback::from(move |_: MouseEvent| {
            pending.borrow_mut().download =
                offer_download(&file_name, "text/csv;charset=utf-8", &text());
        })
    };
    let stem = file_stem(&props.matrix.title);
    let on_results = {
        let results = props.results.clone();
        download(
            format!("{stem}-results.csv"),
            Rc::new(move || results.emit(())),
        )
    };
    let on_matrix = {
        let m = props.matrix.clone();
        download(format!("{stem}.csv"), Rc::new(move || export_matrix(&m)))
    };
    let on_template = download("matrix-template.csv".to_owned(), Rc::new(template));
    let on_undo = {
        let (on_action, status, pending) =
            (props.on_action.clone(), status.clone(), Rc::clone(&pending));
        let replaced = props.replaced.clone();
        Callback::from(move |_: MouseEvent| {
            pending.borrow_mut().cancel_import();
            if let Some((tab, title)) = replaced.clone() {
                status.set(Status::Undone { title, tab });
            }
            on_action.emit(Action::ImportUndone);
        })
    };

    html! {
        <section class="import-panel" aria-labelledby="import-heading">
            <h2 id="import-heading">{ "Your own matrix" }</h2>
            if let Some((_, previous)) = &props.replaced {
                <p class="undo-import">
                    { format!("\"{}\" replaced \"{previous}\". ", props.matrix.title) }
                    <button type="button" onclick={on_undo}>{ "Undo import" }</button>
                </p>
            }
            <p>{ format!("Import a CSV file (at most {} MB) to replace the matrix on screen, or drop one anywhere on this page. Start from the template if you are unsure of the format.", MAX_IMPORT_BYTES / 1_048_576) }</p>
            <div class="import-row">
                <label for="import-file">{ "Import a matrix from a CSV file" }</label>
                <input type="file" id="import-file" accept=".csv,.tsv,.txt,text/csv,text/plain" onchange={on_file} />
            </div>
            <div class="import-row">
                <label for="paste-box">{ "Paste cells copied from Excel (header row first)" }</label>
                <textarea id="paste-box" ref={paste} rows="4" spellcheck="false" />
                <button type="button" onclick={on_paste_import}>{ "Import pasted cells" }</button>
            </div>
            { status_view(&status, props.active) }
            <h3>{ "Download" }</h3>
            <div class="downloads">
                <button type="button" onclick={on_results}>{ "Download results (CSV)" }</button>
                <button type="button" onclick={on_matrix}>{ "Download this matrix (CSV)" }</button>
                <button type="button" onclick={on_template}>{ "Download a template (CSV)" }</button>
            </div>
        </section>
    }
}

/// A file name made from a title: letters and digits kept, the rest as single dashes.
fn file_stem(title: &str) -> String {
    let mut stem = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            stem.extend(c.to_lowercase());
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "matrix".to_owned()
    } else {
        stem.to_owned()
    }
}
