//! The board pack that Print (Ctrl+P) gives: for every matrix, the scenario and the
//! weighting in force, the priorities with bands, margins and movement, the band changes, the
//! board decisions, the data audit and the matrix in full. Drawn only while printing.

use super::audit_view::AuditView;
use super::charts::{counts_chart, heatmap, ChartsProps};
use super::shared::{column_heads, Shared};
use crate::engine::{
    audit, band_changes, baseline, change_line, changes_summary, decision_line, evaluate,
    format_total, item_margin, movement, thousands, weighting_sentence, Baseline, Evaluation,
    TableRow,
};
use crate::model::{Matrix, Settings};
use crate::state::MatrixState;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PrintPackProps {
    pub matrices: Vec<MatrixState>,
    /// When the pack was asked for (ISO date).
    pub date: String,
}

fn matrix_table(
    matrix: &Matrix,
    state: &MatrixState,
    evaluation: &Evaluation,
    base: &Baseline,
) -> Html {
    let rows = crate::engine::table_rows(evaluation);
    let columns = matrix.criteria.len() + 6;
    html! {
        <table class="print-matrix">
            <caption>{ format!("{}: every item, every column", matrix.title) }</caption>
            <thead><tr>
                <th scope="col">{ "Item" }</th>
                { for matrix.criteria.iter().map(|c| html! { <th scope="col">{ &c.name }</th> }) }
                { column_heads(&["Total", "Band", "Margin", "Rank", "Published total", "Against published"]) }
            </tr></thead>
            <tbody>
            { for rows.iter().map(|row| match *row {
                TableRow::Group(g) => evaluation.groups.get(g).map(|_| html! {
                    <tr class="print-group"><th scope="rowgroup" colspan={(columns + 1).to_string()}>{ evaluation.group_name(g).to_owned() }</th></tr>
                }).unwrap_or_default(),
                TableRow::Category(c) => evaluation.categories.get(c).map(|_| html! {
                    <tr class="print-category"><th scope="rowgroup" colspan={(columns + 1).to_string()}>{ evaluation.category_name(c).to_owned() }</th></tr>
                }).unwrap_or_default(),
                TableRow::Item(i) => {
                    let (Some(item), Some(result)) = (matrix.items.get(i), evaluation.items.get(i)) else { return html! {} };
                    let moved = movement(base, evaluation, i).map(|m| m.describe()).unwrap_or_default();
                    html! {
                        <tr>
                            <th scope="row">{ &item.name }</th>
                            { for item.scores.iter().map(|s| html! { <td>{ s.to_string() }</td> }) }
                            <td>{ format_total(result.total) }</td>
                            <td class={classes!("print-band", result.band.css())}>{ result.band.name() }</td>
                            <td>{ item_margin(result.total, &state.settings.thresholds).describe() }</td>
                            <td>{ result.rank.to_string() }</td>
                            <td>{ item.published_total.map(|t| t.to_string()).unwrap_or_default() }</td>
                            <td>{ moved }</td>
                        </tr>
                    }
                }
            }) }
            </tbody>
        </table>
    }
}

fn matrix_pack(state: &MatrixState, date: &str) -> Html {
    let matrix = &state.matrix;
    let evaluation = Rc::new(evaluate(matrix, &state.settings));
    let published = evaluate(&state.published, &Settings::published(&state.published));
    let changes = band_changes(&published, &evaluation);
    let base = baseline(&state.published);
    html! {
        <section class="print-matrix-pack">
            <h2>{ &matrix.title }</h2>
            <p class="print-meta">{ format!("Scenario: {}. Printed {date}. {}", state.scenario_name(), matrix.source) }</p>
            <p class="print-weighting"><strong>{ "Weighting in force: " }</strong>{ weighting_sentence(matrix, &state.settings) }</p>
            <h3>{ "Priorities" }</h3>
            <p>{ format!("Red {}, Amber {}, Green {}.", thousands(evaluation.counts.red), thousands(evaluation.counts.amber), thousands(evaluation.counts.green)) }</p>
            <table class="print-priorities">
                <thead><tr>{ column_heads(&["Rank", "Item", "Total", "Band", "Margin", "Against published"]) }</tr></thead>
                <tbody>
                { for evaluation.ranking.iter().filter_map(|&i| {
                    let (item, result) = (matrix.items.get(i)?, evaluation.items.get(i)?);
                    Some(html! {
                        <tr>
                            <td>{ result.rank.to_string() }</td><th scope="row">{ &item.name }</th>
                            <td>{ format_total(result.total) }</td>
                            <td class={classes!("print-band", result.band.css())}>{ result.band.name() }</td>
                            <td>{ item_margin(result.total, &state.settings.thresholds).describe() }</td>
                            <td>{ movement(&base, &evaluation, i).map(|m| m.describe()).unwrap_or_default() }</td>
                        </tr>
                    })
                }) }
                </tbody>
            </table>
            <h3>{ "Band changes against the published assessment" }</h3>
            <p>{ format!("{}.", changes_summary(&changes)) }</p>
            if !changes.is_empty() {
                <ul>{ for changes.up.iter().chain(&changes.down).map(|c| html! { <li>{ change_line(matrix, c) }</li> }) }</ul>
            }
            <h3>{ "Board decisions" }</h3>
            if state.decisions.is_empty() {
                <p>{ "None." }</p>
            } else {
                <ul>{ for state.decisions.iter().map(|d| html! { <li>{ decision_line(d).trim_start_matches("- ").to_owned() }</li> }) }</ul>
            }
            <AuditView matrix={Shared::from(Rc::clone(&state.published))} audit={Shared::from(Rc::new(audit(&state.published)))} />
            <h3>{ "The matrix in full" }</h3>
            { matrix_table(matrix, state, &evaluation, &base) }
            { charts(state, Rc::clone(&evaluation)) }
        </section>
    }
}

/// The charts for the pack: band counts as public concern's weight moves (or the first
/// criterion's), and the heatmap.
fn charts(state: &MatrixState, evaluation: Rc<Evaluation>) -> Html {
    let matrix = Shared::from(Rc::clone(&state.matrix));
    let props = ChartsProps {
        evaluation: Shared::from(evaluation),
        matrix: matrix.clone(),
        settings: state.settings.clone(),
        id_prefix: AttrValue::from(format!(
            "print-{}-",
            matrix
                .short_name
                .replace(|c: char| !c.is_alphanumeric(), "")
        )),
    };
    let column = matrix.public_concern_column();
    html! {
        <div class="print-charts">
            <h3>{ "Charts" }</h3>
            { counts_chart(&props, column) }
            { heatmap(&props) }
        </div>
    }
}

#[function_component(PrintPack)]
pub fn print_pack(props: &PrintPackProps) -> Html {
    html! {
        <div class="print-pack">
            <h1>{ "Strategic assessment matrix: board pack" }</h1>
            { for props.matrices.iter().map(|m| matrix_pack(m, &props.date)) }
        </div>
    }
}
