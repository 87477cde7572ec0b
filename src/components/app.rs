//! The root component: holds the one reducer, derives the evaluation, lays out the views.

use super::audit_view::AuditView;
use super::import_panel::ImportPanel;
use super::matrix_table::MatrixTable;
use super::methodology::Methodology;
use super::priority_list::PriorityList;
use super::published_priorities::PublishedPriorities;
use super::shared::Shared;
use super::switcher::Switcher;
use super::weights_panel::WeightsPanel;
use crate::data::seed_matrices;
use crate::engine::{audit, baseline, evaluate};
use crate::engine::{Audit, Baseline, Evaluation};
use crate::model::{Matrix, Settings};
use crate::state::{Action, AppState};
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
    matrices: Rc<Vec<crate::model::Matrix>>,
}

#[function_component(Explorer)]
fn explorer(props: &ExplorerProps) -> Html {
    let matrices = Rc::clone(&props.matrices);
    let state = use_reducer(move || AppState::new((*matrices).clone()));
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let Some(current) = state.current().cloned() else {
        return html! { <main><p role="alert">{ "No matrix is loaded." }</p></main> };
    };
    let names: Vec<String> = state
        .matrices
        .iter()
        .map(|m| m.matrix.short_name.clone())
        .collect();
    let replaced = state
        .replaced
        .as_ref()
        .map(|r| (r.index, r.previous.matrix.title.clone()));
    html! {
        <>
        <header class="app-header">
            <h1>{ "Matrix Explorer" }</h1>
            <p class="source">{ &current.published.source }</p>
        </header>
        <Switcher names={names} active={state.active} on_select={dispatch.reform(Action::MatrixSelected)} />
        <Workspace
            matrix={Shared::from(Rc::clone(&current.matrix))}
            published={Shared::from(Rc::clone(&current.published))}
            settings={current.settings.clone()}
            changed={current.is_changed()}
            active={state.active}
            {replaced}
            {dispatch} />
        <footer class="app-footer">
            <p>{ "Runs entirely in this browser window: nothing you do here is sent anywhere." }</p>
        </footer>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct WorkspaceProps {
    matrix: Shared<Matrix>,
    published: Shared<Matrix>,
    settings: Settings,
    changed: bool,
    active: usize,
    replaced: Option<(usize, String)>,
    dispatch: Callback<Action>,
}

/// The matrix on screen: derives its evaluation, baseline and audit (memoised on their
/// inputs, compared by allocation) and lays out the views that show them.
#[function_component(Workspace)]
fn workspace(props: &WorkspaceProps) -> Html {
    let dispatch = &props.dispatch;
    let (matrix, published) = (&props.matrix, &props.published);
    let evaluation: Shared<Evaluation> =
        use_memo((matrix.clone(), props.settings.clone()), |(m, s)| {
            evaluate(m, s)
        })
        .into();
    let base: Shared<Baseline> = use_memo(published.clone(), |m| baseline(m)).into();
    let findings: Shared<Audit> = use_memo(published.clone(), |m| audit(m)).into();
    html! {
        <>
        <main id="matrix-panel" class="layout" role="tabpanel" aria-labelledby={format!("tab-{}", props.active)}>
            <WeightsPanel
                matrix={matrix.clone()}
                settings={props.settings.clone()}
                multipliers={Rc::new(evaluation.multipliers.clone())}
                max_total={evaluation.max_total}
                scored_max={evaluation.scored_max}
                changed={props.changed}
                on_action={dispatch.clone()} />
            <section class="matrix-section" aria-labelledby="matrix-heading">
                <h2 id="matrix-heading">{ &matrix.title }</h2>
                <MatrixTable
                    matrix={matrix.clone()}
                    published={published.clone()}
                    evaluation={evaluation.clone()}
                    baseline={base.clone()}
                    on_action={dispatch.clone()} />
            </section>
            <PriorityList matrix={matrix.clone()} evaluation={evaluation.clone()} baseline={base} />
        </main>
        <div class="lower">
            <ImportPanel
                matrix={matrix.clone()}
                settings={props.settings.clone()}
                evaluation={evaluation.clone()}
                changed={props.changed}
                active={props.active}
                replaced={props.replaced.clone()}
                on_action={dispatch.clone()} />
            <PublishedPriorities matrix={matrix.clone()} evaluation={evaluation} />
            <AuditView matrix={published.clone()} audit={findings} />
            <Methodology matrix={published.clone()} settings={props.settings.clone()} />
        </div>
        </>
    }
}
