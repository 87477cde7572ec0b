//! The document's published priority list beside the bands computed now, and the Red
//! items the published list leaves out.

use super::matrix_table::band_chip;
use super::shared::{column_heads, Shared};
use crate::engine::{compare_priorities, format_total, thousands, Evaluation};
use crate::model::Matrix;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PublishedPrioritiesProps {
    pub matrix: Shared<Matrix>,
    pub evaluation: Shared<Evaluation>,
}

#[function_component(PublishedPriorities)]
pub fn published_priorities(props: &PublishedPrioritiesProps) -> Html {
    let matrix = &props.matrix;
    let rows = compare_priorities(matrix, &props.evaluation);
    if rows.is_empty() {
        return html! {};
    }
    html! {
        <section class="published-priorities" aria-labelledby="published-heading">
            <h2 id="published-heading">{ "Published priorities beside computed bands" }</h2>
            <p>{ "The document's top priorities are not simply every Red item: the board added items by decision, and some Red items were not listed." }</p>
            <table class="comparison">
                <thead><tr>
                    { column_heads(&["Item", "Published list", "Total now", "Band now", "Rank now"]) }
                </tr></thead>
                <tbody>
                { for rows.iter().take(super::LIST_LIMIT).filter_map(|row| {
                    let item = matrix.items.get(row.item)?;
                    let result = props.evaluation.items.get(row.item)?;
                    let listed = row.published.and_then(|p| matrix.priorities.get(p)).map_or_else(
                        || "Not listed".to_owned(),
                        |p| match (p.position, p.points) {
                            (Some(pos), Some(points)) => format!("{pos}. {} ({points} points)", p.listed_as),
                            (Some(pos), None) => format!("{pos}. {}", p.listed_as),
                            _ if p.board_decision => format!("{}: added by board decision", p.listed_as),
                            _ => p.listed_as.clone(),
                        });
                    Some(html! {
                        <tr key={row.item} class={classes!(row.published.is_none().then_some("not-listed"))}>
                            <th scope="row">{ &item.name }</th>
                            <td>{ listed }</td>
                            <td class="total">{ format_total(result.total) }</td>
                            <td class="band">{ band_chip(result.band) }</td>
                            <td>{ result.rank.to_string() }</td>
                        </tr>
                    })
                }) }
                </tbody>
            </table>
            if rows.len() > super::LIST_LIMIT {
                <p class="hint">{ format!("The first {} of {} rows are shown.", super::LIST_LIMIT, thousands(rows.len())) }</p>
            }
        </section>
    }
}
