//! Two scenarios side by side (or a scenario and the published assessment): every item's
//! total and band in each, its band change between them, and the board decisions that differ.

use super::matrix_table::band_chip;
use super::shared::{on_toggle, Shared};
use super::LIST_LIMIT;
use crate::engine::{
    band_change_words, decision_differences, decision_line, format_total, thousands, Evaluation,
};
use crate::model::{BoardDecision, Matrix};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    pub matrix: Shared<Matrix>,
    /// What is compared with, evaluated.
    pub before: Shared<Evaluation>,
    /// What is on screen, evaluated.
    pub after: Shared<Evaluation>,
    pub before_name: String,
    pub after_name: String,
    /// The board decisions of each.
    pub before_decisions: Vec<BoardDecision>,
    pub after_decisions: Vec<BoardDecision>,
}

fn decisions_view(props: &ComparisonProps) -> Html {
    let (only_before, only_after) =
        decision_differences(&props.before_decisions, &props.after_decisions);
    if only_before.is_empty() && only_after.is_empty() {
        return html! { <p>{ "Both have the same board decisions." }</p> };
    }
    let list = |name: &str, decisions: &[BoardDecision], indices: &[usize]| {
        if indices.is_empty() {
            return html! {};
        }
        html! {
            <>
            <h3>{ format!("Board decisions only in {name}") }</h3>
            <ul>{ for indices.iter().filter_map(|&i| decisions.get(i)).map(|d| html! {
                <li>{ decision_line(d).trim_start_matches("- ").to_owned() }</li>
            }) }</ul>
            </>
        }
    };
    html! {
        <>
        { list(&props.before_name, &props.before_decisions, &only_before) }
        { list(&props.after_name, &props.after_decisions, &only_after) }
        </>
    }
}

#[function_component(Comparison)]
pub fn comparison(props: &ComparisonProps) -> Html {
    // The table is drawn only while the section is open, so a closed one costs nothing on
    // each change.
    let open = use_state(|| false);
    let ontoggle = on_toggle(&open);
    let rows = props.after.ranking.iter().take(if *open { LIST_LIMIT } else { 0 }).filter_map(|&index| {
        let item = props.matrix.items.get(index)?;
        let (was, now) = (props.before.items.get(index)?, props.after.items.get(index)?);
        let change = band_change_words(was.band, now.band);
        Some(html! {
            <tr key={item.name.clone()} class={classes!((was.band != now.band).then_some("band-changed"))}>
                <th scope="row">{ &item.name }</th>
                <td class="total">{ format_total(was.total) }</td>
                <td>{ band_chip(was.band) }</td>
                <td class="total">{ format_total(now.total) }</td>
                <td>{ band_chip(now.band) }</td>
                <td>{ change }</td>
            </tr>
        })
    });
    html! {
        <section class="comparison" aria-labelledby="comparison-heading">
            <details {ontoggle}>
                <summary><h2 id="comparison-heading">{
                    if props.before_name == props.after_name {
                        format!("Side by side: {} (change a weight or a score, or save scenarios, to compare)", props.after_name)
                    } else {
                        format!("Side by side: {} and {}", props.before_name, props.after_name)
                    }
                }</h2></summary>
                if *open {
                <table class="comparison-table">
                    <caption>{ format!("Every item's total and band in {} and in {}, highest total first", props.before_name, props.after_name) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Item" }</th>
                            <th scope="col">{ format!("Total: {}", props.before_name) }</th>
                            <th scope="col">{ format!("Band: {}", props.before_name) }</th>
                            <th scope="col">{ format!("Total: {}", props.after_name) }</th>
                            <th scope="col">{ format!("Band: {}", props.after_name) }</th>
                            <th scope="col">{ "Band change" }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
                { decisions_view(props) }
                }
                if props.after.ranking.len() > LIST_LIMIT {
                    <p class="hint">{ format!("The top {LIST_LIMIT} of {} items are listed.", thousands(props.after.ranking.len())) }</p>
                }
            </details>
        </section>
    }
}
