//! The matrix on screen: derives its evaluation, the one it is compared with, the band
//! changes, baseline and audit (memoised on their inputs, compared by allocation) and lays
//! out the views that show them.

use super::after_paint::AfterPaint;
use super::audit_view::AuditView;
use super::changes_panel::ChangesPanel;
use super::charts::Charts;
use super::comparison::Comparison;
use super::decisions_panel::DecisionsPanel;
use super::download::now_iso;
use super::explanation::ExplanationPanel;
use super::import_panel::ImportPanel;
use super::matrix_table::MatrixTable;
use super::methodology::Methodology;
use super::priority_list::PriorityList;
use super::published_priorities::PublishedPriorities;
use super::saved_panel::{SaveStatus, SavedPanel};
use super::scenario_bar::ScenarioBar;
use super::shared::{use_latest_callback, Shared};
use super::table_controls::TableControls;
use super::weights_panel::WeightsPanel;
use crate::data::{encode_link, export_results};
use crate::engine::{
    announcement, audit, band_changes, baseline, evaluate, evaluate_with, grouped, thousands,
    uncertainty, view_rows, weighting_sentence, Audit, BandChanges, Baseline, Evaluation, Layout,
    Minutes, TableRow,
};
use crate::model::{BoardDecision, Matrix, Settings};
use crate::state::{Action, AppState, Compare, MatrixState};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WorkspaceViewProps {
    pub current: MatrixState,
    pub active: usize,
    pub replaced: Option<(usize, String)>,
    pub status: SaveStatus,
    pub boot_note: Option<String>,
    pub unreadable: bool,
    pub workspace: Callback<(), AppState>,
    pub on_clear: Callback<()>,
    pub dispatch: Callback<Action>,
}

/// What the current what-if is compared with: its matrix, settings, decisions and name.
fn compared(current: &MatrixState) -> (Rc<Matrix>, Settings, Vec<BoardDecision>, String) {
    match current.compare {
        Compare::Scenario(i) => match current.scenarios.get(i) {
            Some(scenario) => (
                Rc::new(scenario.edits.apply(&current.published)),
                scenario.settings.clone(),
                scenario.decisions.clone(),
                format!("\"{}\"", scenario.name),
            ),
            None => published_as_is(current),
        },
        Compare::Published => published_as_is(current),
    }
}

fn published_as_is(current: &MatrixState) -> (Rc<Matrix>, Settings, Vec<BoardDecision>, String) {
    (
        Rc::clone(&current.published),
        Settings::published(&current.published),
        current.published.decisions.clone(),
        "the published assessment".to_owned(),
    )
}

/// What a screen reader hears after a change that moves items between bands, once per
/// change, naming the first few and counting the rest (`engine::announcement`): "Vandalism
/// now Red; Animals now Green."
#[hook]
fn use_band_announcement(matrix: &Shared<Matrix>, evaluation: &Shared<Evaluation>) -> String {
    let last: Rc<std::cell::RefCell<(Option<Shared<Evaluation>>, String)>> =
        use_mut_ref(|| (None, String::new()));
    let previous = last.borrow().0.clone();
    let text = match previous {
        Some(before) if before != *evaluation && before.items.len() == evaluation.items.len() => {
            announcement(matrix, &band_changes(&before, evaluation))
        }
        Some(_) => last.borrow().1.clone(),
        None => String::new(),
    };
    {
        let (last, evaluation, text) = (Rc::clone(&last), evaluation.clone(), text.clone());
        use_effect_with(evaluation.clone(), move |_| {
            *last.borrow_mut() = (Some(evaluation), text);
        });
    }
    text
}

#[function_component(WorkspaceView)]
pub fn workspace_view(props: &WorkspaceViewProps) -> Html {
    let dispatch = &props.dispatch;
    let current = &props.current;
    let matrix: Shared<Matrix> = Shared::from(Rc::clone(&current.matrix));
    let published: Shared<Matrix> = Shared::from(Rc::clone(&current.published));
    // Laid out once per matrix (and so once per score edit), so that a change of weights,
    // thresholds or '?' policy only re-bands.
    let layout: Rc<Layout> = use_memo(matrix.clone(), |m| Layout::new(m));
    let evaluation: Shared<Evaluation> =
        use_memo((matrix.clone(), current.settings.clone()), move |(_, s)| {
            evaluate_with(&layout, s)
        })
        .into();
    let compare_key = (
        published.clone(),
        current.compare,
        match current.compare {
            Compare::Scenario(i) => current.scenarios.get(i).cloned(),
            Compare::Published => None,
        },
    );
    let before = use_memo(compare_key, |_| {
        let (m, s, decisions, name) = compared(current);
        (Shared::from(Rc::new(evaluate(&m, &s))), name, decisions)
    });
    let (before_eval, before_name, before_decisions) =
        (before.0.clone(), before.1.clone(), before.2.clone());
    let changes: Shared<BandChanges> =
        use_memo((before_eval.clone(), evaluation.clone()), |(b, a)| {
            band_changes(b, a)
        })
        .into();
    let base: Shared<Baseline> = use_memo(published.clone(), |m| baseline(m)).into();
    let announcement = use_band_announcement(&matrix, &evaluation);
    let uncertain = use_memo(evaluation.clone(), |e| uncertainty(e).sentence());
    // The document's grouped order depends on the matrix alone, so a weight or threshold
    // change keeps the same rows (and the table keeps its lookups); a sort or filter follows
    // the figures.
    let grouped_rows = grouped(&current.view);
    let rows_now = {
        let (matrix, evaluation, base, thresholds, view) = (
            matrix.clone(),
            evaluation.clone(),
            base.clone(),
            current.settings.thresholds,
            current.view.clone(),
        );
        move || view_rows(&matrix, &evaluation, &base, &thresholds, &view)
    };
    let rows: Shared<Vec<TableRow>> = use_memo(
        (
            matrix.clone(),
            current.view.clone(),
            (!grouped_rows).then(|| (evaluation.clone(), current.settings.thresholds)),
        ),
        move |_| rows_now(),
    )
    .into();
    // Every row is an item's unless the document's grouped order shows its headings too.
    let shown = if grouped_rows {
        matrix.items.len()
    } else {
        rows.len()
    };
    let counts = evaluation.counts;
    let findings: Shared<Audit> = use_memo(published.clone(), |m| audit(m)).into();
    let showing = current.scenario_name();
    let showing_in_text = match current.scenario {
        Some(_) => format!("\"{showing}\""),
        None => format!("the {}", showing.to_lowercase()),
    };
    let minutes = {
        let (matrix, settings, changes, decisions) = (
            matrix.clone(),
            current.settings.clone(),
            changes.clone(),
            current.decisions.clone(),
        );
        let (showing, compared_with) = (showing.clone(), before_name.clone());
        use_latest_callback(move |()| {
            Minutes {
                matrix: &matrix,
                scenario: &showing,
                compared_with: &compared_with,
                weighting: &weighting_sentence(&matrix, &settings),
                changes: &changes,
                decisions: &decisions,
            }
            .text()
        })
    };
    let link = {
        let (published, scenario) = (published.clone(), current.as_scenario(showing.clone()));
        use_latest_callback(move |()| encode_link(&published, &scenario))
    };
    let results = {
        let (m, s, e, scenario, d) = (
            matrix.clone(),
            current.settings.clone(),
            evaluation.clone(),
            showing.clone(),
            current.decisions.clone(),
        );
        use_latest_callback(move |()| export_results(&m, &e, &s, &d, &scenario, &now_iso()))
    };
    html! {
        <>
        <main class="workspace">
        <p class="visually-hidden" aria-live="polite">{ announcement }</p>
        <div id="matrix-panel" class="layout" role="tabpanel" aria-labelledby={format!("tab-{}", props.active)}>
            <div class="controls-column">
            <WeightsPanel
                matrix={matrix.clone()}
                settings={current.settings.clone()}
                multipliers={Rc::new(evaluation.multipliers.clone())}
                unattributed_max={evaluation.unattributed_max()}
                scored_max={evaluation.scored_max}
                changed={current.is_changed()}
                on_action={dispatch.clone()} />
            <ScenarioBar
                names={current.scenarios.iter().map(|s| s.name.clone()).collect::<Vec<_>>()}
                scenario={current.scenario}
                showing={showing.clone()}
                compare={current.compare}
                {link}
                on_action={dispatch.clone()} />
            </div>
            <section class="matrix-section" aria-labelledby="matrix-heading">
                <h2 id="matrix-heading">{ &matrix.title }</h2>
                <p class="band-counts" aria-live="polite">
                    <span class="count red">{ format!("Red {}", thousands(counts.red)) }</span>{ ", " }
                    <span class="count amber">{ format!("Amber {}", thousands(counts.amber)) }</span>{ ", " }
                    <span class="count green">{ format!("Green {}", thousands(counts.green)) }</span>
                </p>
                <p class="uncertainty">{ (*uncertain).clone() }</p>
                <TableControls view={current.view.clone()} {shown} total={matrix.items.len()} on_action={dispatch.clone()} />
                <MatrixTable
                    matrix={matrix.clone()}
                    published={published.clone()}
                    evaluation={evaluation.clone()}
                    baseline={base.clone()}
                    {rows}
                    view={current.view.clone()}
                    thresholds={current.settings.thresholds}
                    on_action={dispatch.clone()} />
                if let Some(item) = current.selected {
                    <ExplanationPanel matrix={matrix.clone()} evaluation={evaluation.clone()}
                        settings={current.settings.clone()} {item} on_action={dispatch.clone()} />
                }
            </section>
            <AfterPaint class="side-column">
                <ChangesPanel matrix={matrix.clone()} changes={changes} compared_with={before_name.clone()} {minutes} />
                <PriorityList matrix={matrix.clone()} evaluation={evaluation.clone()} baseline={base}
                    filter={current.view.filter.clone()} thresholds={current.settings.thresholds} />
            </AfterPaint>
        </div>
        <AfterPaint class="lower">
            <Charts matrix={matrix.clone()} evaluation={evaluation.clone()} settings={current.settings.clone()} />
            <Comparison matrix={matrix.clone()} before={before_eval} after={evaluation.clone()}
                before_name={before_name} after_name={showing_in_text}
                {before_decisions} after_decisions={current.decisions.clone()} />
            <DecisionsPanel matrix={matrix.clone()} evaluation={evaluation.clone()}
                decisions={current.decisions.clone()} on_action={dispatch.clone()} />
            <SavedPanel workspace={props.workspace.clone()} status={props.status.clone()}
                boot_note={props.boot_note.clone()} unreadable={props.unreadable}
                on_clear={props.on_clear.clone()} on_action={dispatch.clone()} />
            <ImportPanel
                matrix={matrix.clone()}
                {results}
                active={props.active}
                replaced={props.replaced.clone()}
                on_action={dispatch.clone()} />
            <PublishedPriorities matrix={matrix.clone()} evaluation={evaluation} />
            <AuditView matrix={published.clone()} audit={findings} />
            <Methodology matrix={published} settings={current.settings.clone()} />
        </AfterPaint>
        </main>
        </>
    }
}
