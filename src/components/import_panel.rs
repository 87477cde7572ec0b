//! "Your own matrix": import from a file, a drop onto the page or cells pasted from Excel
//! (all or nothing, every problem with its row and column, checked a few thousand rows at a
//! time with a progress bar so a large file does not freeze the page), undo of an import,
//! and the CSV downloads (results, matrix, template).

use super::download::{now_iso, offer_download};
use crate::data::{
    export_matrix, export_results, template, ImportJob, Problem, Progress, MAX_IMPORT_BYTES,
};
use crate::engine::Evaluation;
use crate::model::{Matrix, Settings};
use crate::state::Action;
use gloo::events::{EventListener, EventListenerOptions};
use gloo::file::callbacks::FileReader;
use gloo::file::{Blob, ObjectUrl};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Rows checked per step of an import: about 4 ms natively (see `benches/import.rs`), so a
/// step stays well inside a frame in the browser.
const STEP_ROWS: usize = 2_000;

/// What the last import attempt came to.
#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Reading(String),
    /// `done` rows of at most `total` checked so far.
    Checking {
        source: String,
        done: usize,
        total: usize,
    },
    /// The outcomes carry the tab they belong to: they are shown only on that tab.
    Imported {
        source: String,
        title: String,
        items: usize,
        notes: Vec<String>,
        tab: usize,
    },
    Refused {
        source: String,
        problems: Vec<Problem>,
        tab: usize,
    },
    Undone {
        title: String,
        tab: usize,
    },
}

#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    pub matrix: Rc<Matrix>,
    pub settings: Settings,
    pub evaluation: Rc<Evaluation>,
    pub changed: bool,
    /// The tab on screen.
    pub active: usize,
    /// The tab and title of the matrix the last import replaced, while it can be undone.
    pub replaced: Option<(usize, String)>,
    pub on_action: Callback<Action>,
}

/// Handles kept alive while a read, an import or a download is under way (dropping them
/// cancels it).
#[derive(Default)]
struct Pending {
    reader: Option<FileReader>,
    /// The next step of the import under way.
    timer: Option<Timeout>,
    download: Option<ObjectUrl>,
    /// The tab on screen, kept up to date on every render for callbacks that finish later.
    active: usize,
}

impl Pending {
    /// Stops any file read or import under way, when another import starts.
    fn cancel_import(&mut self) {
        self.reader = None;
        self.timer = None;
    }
}

type Importer = Rc<dyn Fn(String, ImportInput)>;

enum ImportInput {
    Bytes(Vec<u8>),
    Text(String),
}

/// Shows "Reading", then on the next turn of the event loop (so the message is painted
/// first) starts checking the input; see `Checker`.
fn importer(
    status: UseStateHandle<Status>,
    pending: Rc<RefCell<Pending>>,
    on_action: Callback<Action>,
) -> Importer {
    Rc::new(move |source: String, input: ImportInput| {
        status.set(Status::Reading(source.clone()));
        let checker = Checker {
            source,
            status: status.clone(),
            pending: Rc::clone(&pending),
            on_action: on_action.clone(),
        };
        let next = checker.clone();
        checker.later(move || next.start(input));
    })
}

/// Checks an import `STEP_ROWS` rows at a time, one step per turn of the event loop,
/// showing how far it has got; then imports the matrix or lists the problems.
#[derive(Clone)]
struct Checker {
    source: String,
    status: UseStateHandle<Status>,
    pending: Rc<RefCell<Pending>>,
    on_action: Callback<Action>,
}

impl Checker {
    /// Runs `then` on a later turn of the event loop. The timer is kept in `Pending`, where
    /// the next import's timer replaces it and so cancels this import.
    fn later(&self, then: impl FnOnce() + 'static) {
        let timer = Timeout::new(0, then);
        self.pending.borrow_mut().timer = Some(timer);
    }

    fn start(self, input: ImportInput) {
        let job = match input {
            ImportInput::Bytes(bytes) => ImportJob::from_bytes(&bytes),
            ImportInput::Text(text) => ImportJob::from_text(&text),
        };
        match job {
            Ok(job) => self.carry_on(job),
            Err(problems) => self.finish(Err(problems)),
        }
    }

    /// Shows how far `job` has got and checks the next rows on the next turn, so the
    /// page is painted and stays responsive in between; or shows the outcome.
    fn carry_on(self, job: ImportJob) {
        match job.progress() {
            Progress::Working { done, total } => {
                self.status.set(Status::Checking {
                    source: self.source.clone(),
                    done,
                    total,
                });
                let next = self.clone();
                self.later(move || next.step(job));
            }
            Progress::Finished => self.finish(job.finish().map(|i| (i.matrix, i.notes))),
        }
    }

    fn step(self, mut job: ImportJob) {
        job.step(STEP_ROWS);
        self.carry_on(job);
    }

    fn finish(self, outcome: Result<(Matrix, Vec<String>), Vec<Problem>>) {
        let source = self.source;
        let tab = self.pending.borrow().active;
        match outcome {
            Ok((matrix, notes)) => {
                let title = matrix.title.clone();
                let items = matrix.items.len();
                self.on_action.emit(Action::MatrixImported(matrix));
                self.status.set(Status::Imported {
                    source,
                    title,
                    items,
                    notes,
                    tab,
                });
            }
            Err(problems) => self.status.set(Status::Refused {
                source,
                problems,
                tab,
            }),
        }
    }
}

/// Reads a picked or dropped file and hands its bytes to `import`.
fn read_file(
    file: web_sys::File,
    pending: &Rc<RefCell<Pending>>,
    import: Importer,
    status: UseStateHandle<Status>,
) {
    pending.borrow_mut().cancel_import();
    let name = file.name();
    let size = file.size();
    if size > MAX_IMPORT_BYTES as f64 {
        let problem = Problem::file(format!(
            "The file is {:.1} MB; the most that can be imported is {} MB.",
            size / 1_048_576.0,
            MAX_IMPORT_BYTES / 1_048_576
        ));
        status.set(Status::Refused {
            source: name,
            problems: vec![problem],
            tab: pending.borrow().active,
        });
        return;
    }
    status.set(Status::Reading(name.clone()));
    let pending_now = Rc::clone(pending);
    let reader =
        gloo::file::callbacks::read_as_bytes(&Blob::from(file), move |result| match result {
            Ok(bytes) => import(name, ImportInput::Bytes(bytes)),
            Err(error) => status.set(Status::Refused {
                tab: pending_now.borrow().active,
                source: name,
                problems: vec![Problem::file(format!(
                    "The file could not be read: {error}"
                ))],
            }),
        });
    pending.borrow_mut().reader = Some(reader);
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
                <p>{ format!("Imported \"{title}\" from {source}: {items} items.") }</p>
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

/// Listens for files dropped anywhere on the page while the panel is mounted.
#[hook]
fn use_page_drop(import: Importer, pending: Rc<RefCell<Pending>>, status: UseStateHandle<Status>) {
    use_effect_with((), move |()| {
        let document = web_sys::window().and_then(|w| w.document());
        let listeners = document.map(|document| {
            let options = EventListenerOptions::enable_prevent_default();
            let over = EventListener::new_with_options(
                &document,
                "dragover",
                options,
                yew::Event::prevent_default,
            );
            let drop = EventListener::new_with_options(&document, "drop", options, move |e| {
                e.prevent_default();
                let file = e
                    .dyn_ref::<DragEvent>()
                    .and_then(DragEvent::data_transfer)
                    .and_then(|d| d.files())
                    .and_then(|f| f.get(0));
                if let Some(file) = file {
                    read_file(file, &pending, Rc::clone(&import), status.clone());
                }
            });
            (over, drop)
        });
        move || drop(listeners)
    });
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
                    "the pasted cells".to_owned(),
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
        let (m, s, e, changed) = (
            Rc::clone(&props.matrix),
            props.settings.clone(),
            Rc::clone(&props.evaluation),
            props.changed,
        );
        let scenario = if changed {
            "Working copy (with changes)"
        } else {
            "As published"
        };
        download(
            format!("{stem}-results.csv"),
            Rc::new(move || export_results(&m, &e, &s, scenario, &now_iso())),
        )
    };
    let on_matrix = {
        let m = Rc::clone(&props.matrix);
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

/// A count with its thousands separated by commas: 12000 is "12,000".
fn thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
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
