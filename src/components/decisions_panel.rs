//! Board decisions: items the board put on or took off the priority list whatever their
//! band, with a reason and a date, shown beside the computed bands; add and remove.

use super::download::now_iso;
use super::matrix_table::band_chip;
use super::shared::Shared;
use crate::engine::{decision_line, Evaluation};
use crate::model::{BoardDecision, Matrix};
use crate::state::Action;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DecisionsPanelProps {
    pub matrix: Shared<Matrix>,
    pub evaluation: Shared<Evaluation>,
    pub decisions: Vec<BoardDecision>,
    pub on_action: Callback<Action>,
}

fn decision_row(props: &DecisionsPanelProps, index: usize, decision: &BoardDecision) -> Html {
    let bands = decision.items.iter().map(|name| {
        let band = props
            .matrix
            .item_index(name)
            .and_then(|i| props.evaluation.items.get(i))
            .map(|r| r.band);
        html! {
            <li>{ name }{ " " }{ band.map_or_else(|| html! { <em>{ "(not in this matrix)" }</em> }, band_chip) }</li>
        }
    });
    let remove = props
        .on_action
        .reform(move |_: MouseEvent| Action::DecisionRemoved(index));
    html! {
        <li class={classes!("decision", if decision.include { "include" } else { "exclude" })}>
            <p class="decision-line">{ decision_line(decision).trim_start_matches("- ").to_owned() }</p>
            <ul class="decision-items" aria-label={format!("{}: computed bands", decision.subject)}>{ for bands }</ul>
            <button type="button" onclick={remove} aria-label={format!("Remove the decision on {}", decision.subject)}>{ "Remove" }</button>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct DecisionFormProps {
    matrix: Shared<Matrix>,
    on_action: Callback<Action>,
}

/// The form that records a decision; it depends on the matrix's items only, so a change of
/// weights or scores does not redraw its list of items.
#[function_component(DecisionForm)]
fn decision_form(props: &DecisionFormProps) -> Html {
    let (item, direction, reason, date) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    let problem = use_state(|| None::<String>);
    let on_add = {
        let (item, direction, reason, date, problem) = (
            item.clone(),
            direction.clone(),
            reason.clone(),
            date.clone(),
            problem.clone(),
        );
        let on_action = props.on_action.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (Some(item), Some(direction), Some(reason), Some(date)) = (
                item.cast::<HtmlSelectElement>(),
                direction.cast::<HtmlSelectElement>(),
                reason.cast::<HtmlInputElement>(),
                date.cast::<HtmlInputElement>(),
            ) else {
                return;
            };
            if reason.value().trim().is_empty() {
                problem.set(Some(
                    "Write the board's reason for the decision.".to_owned(),
                ));
                let _ = reason.focus();
                return;
            }
            let name = item.value();
            on_action.emit(Action::DecisionAdded(BoardDecision {
                subject: name.clone(),
                items: vec![name],
                include: direction.value() == "add",
                reason: reason.value().trim().to_owned(),
                date: date.value(),
            }));
            reason.set_value("");
            problem.set(None);
        })
    };
    let today: String = now_iso().chars().take(10).collect();
    html! {
        <form class="decision-form" onsubmit={on_add}>
            <h3>{ "Record a decision" }</h3>
            <label for="decision-item">{ "Item decided on" }</label>
            <select id="decision-item" ref={item}>
                { for props.matrix.items.iter().take(2000).map(|i| html! { <option value={i.name.clone()}>{ &i.name }</option> }) }
            </select>
            <label for="decision-direction">{ "Decision" }</label>
            <select id="decision-direction" ref={direction}>
                <option value="add">{ "Add to the priorities" }</option>
                <option value="remove">{ "Take off the priorities" }</option>
            </select>
            <label for="decision-reason">{ "Reason" }</label>
            <input type="text" id="decision-reason" ref={reason} autocomplete="off" />
            <label for="decision-date">{ "Date of the decision" }</label>
            <input type="date" id="decision-date" ref={date} value={today} />
            <button type="submit">{ "Record decision" }</button>
            if let Some(message) = &*problem {
                <p class="problem" role="alert">{ message }</p>
            }
        </form>
    }
}

#[function_component(DecisionsPanel)]
pub fn decisions_panel(props: &DecisionsPanelProps) -> Html {
    html! {
        <section class="decisions-panel" aria-labelledby="decisions-heading">
            <h2 id="decisions-heading">{ "Board decisions" }</h2>
            <p class="hint">{ "The board may put an item on the priority list, or take it off, whatever its band. Decisions are kept apart from the computed bands, which they never change." }</p>
            if props.decisions.is_empty() {
                <p>{ "No board decisions." }</p>
            } else {
                <ul class="decisions">{ for props.decisions.iter().enumerate().map(|(i, d)| decision_row(props, i, d)) }</ul>
            }
            <DecisionForm matrix={props.matrix.clone()} on_action={props.on_action.clone()} />
        </section>
    }
}
