//! Running an import: reading a picked or dropped file, checking it a few thousand rows per
//! turn of the event loop (so a large file never freezes the page), and reporting the outcome
//! as a `Status`; and the handles that keep a read, a check or a download alive.

use crate::data::{ImportJob, Problem, Progress, DEFAULT_TITLE, MAX_IMPORT_BYTES};
use crate::engine::tenths;
use crate::model::Matrix;
use crate::state::Action;
use gloo::events::{EventListener, EventListenerOptions};
use gloo::file::callbacks::FileReader;
use gloo::file::{Blob, ObjectUrl};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::DragEvent;
use yew::prelude::*;

/// Rows checked per step of an import: about 4 ms natively (see `benches/import.rs`), so a
/// step stays well inside a frame in the browser.
const STEP_ROWS: usize = 2_000;

/// How long one turn of the event loop may go on checking steps of rows before the page is
/// shown the progress and painted: a turn per step spent about 40% of a 50,000-row import
/// waiting between steps (the browser holds back a timer set from a timer by at least 4 ms).
const SLICE_MS: f64 = 12.0;

/// What the last import attempt came to.
#[derive(Clone, PartialEq)]
pub(super) enum Status {
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

/// Handles kept alive while a read, an import or a download is under way (dropping them
/// cancels it).
#[derive(Default)]
pub(super) struct Pending {
    pub(super) reader: Option<FileReader>,
    /// The next step of the import under way.
    pub(super) timer: Option<Timeout>,
    pub(super) download: Option<ObjectUrl>,
    /// The tab on screen, kept up to date on every render for callbacks that finish later.
    pub(super) active: usize,
}

impl Pending {
    /// Stops any file read or import under way, when another import starts.
    pub(super) fn cancel_import(&mut self) {
        self.reader = None;
        self.timer = None;
    }
}

pub(super) type Importer = Rc<dyn Fn(String, ImportInput)>;

pub(super) enum ImportInput {
    Bytes(Vec<u8>),
    Text(String),
}

/// Shows "Reading", then on the next turn of the event loop (so the message is painted
/// first) starts checking the input; see `Checker`.
pub(super) fn importer(
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

/// Checks an import `STEP_ROWS` rows at a time, as many steps per turn of the event loop as
/// fit in `SLICE_MS`, showing how far it has got; then imports the matrix or lists the problems.
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

    /// Checks steps of rows until the job is done or has had `SLICE_MS` of this turn.
    fn step(self, mut job: ImportJob) {
        let started = js_sys::Date::now();
        loop {
            job.step(STEP_ROWS);
            let working = matches!(job.progress(), Progress::Working { .. });
            if !working || js_sys::Date::now() - started >= SLICE_MS {
                break;
            }
        }
        self.carry_on(job);
    }

    fn finish(self, outcome: Result<(Matrix, Vec<String>), Vec<Problem>>) {
        let source = self.source;
        let tab = self.pending.borrow().active;
        match outcome {
            Ok((mut matrix, notes)) => {
                // A file with no "# title" row is called by its name ("estate.csv": "estate").
                if matrix.title == DEFAULT_TITLE {
                    if let Some(stem) = file_title(&source) {
                        matrix.title.clone_from(&stem);
                        if matrix.short_name == DEFAULT_TITLE {
                            matrix.short_name = stem;
                        }
                    }
                }
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

/// The title a file's name gives a matrix: the name without its extension, or nothing for
/// pasted cells.
fn file_title(source: &str) -> Option<String> {
    if source == PASTED {
        return None;
    }
    let stem = source
        .rsplit_once('.')
        .map_or(source, |(stem, _)| stem)
        .trim();
    (!stem.is_empty()).then(|| stem.to_owned())
}

/// The source name of cells pasted into the page.
pub(super) const PASTED: &str = "the pasted cells";

/// Reads a picked or dropped file and hands its bytes to `import`.
pub(super) fn read_file(
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
            "The file is {} MB; the most that can be imported is {} MB.",
            tenths(size / 1_048_576.0),
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

/// Listens for files dropped anywhere on the page while the panel is mounted.
#[hook]
pub(super) fn use_page_drop(
    import: Importer,
    pending: Rc<RefCell<Pending>>,
    status: UseStateHandle<Status>,
) {
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
