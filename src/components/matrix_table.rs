//! The matrix as a real `<table>`: group and category rows with subtotals, one row per
//! item with a row header, an editable score per criterion, total, band and movement.

use crate::engine::{format_total, movement, Baseline, Evaluation, ItemResult, Subtotal};
use crate::model::{CriterionKind, Matrix, Score};
use crate::state::Action;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MatrixTableProps {
    pub matrix: Rc<Matrix>,
    pub published: Rc<Matrix>,
    pub evaluation: Rc<Evaluation>,
    pub baseline: Rc<Baseline>,
    pub on_action: Callback<Action>,
}

/// A band written as text on its colour.
pub fn band_chip(band: crate::model::Band) -> Html {
    html! { <span class={classes!("band-chip", band.css())}>{ band.name() }</span> }
}

fn score_cell(props: &MatrixTableProps, item: usize, criterion: usize) -> Html {
    let Some(row) = props.matrix.items.get(item) else {
        return html! {};
    };
    let score = row.score(criterion);
    let published = props.published.items.get(item).map(|p| p.score(criterion));
    let edited = published.is_some_and(|p| p != score);
    let criterion_name = props
        .matrix
        .criteria
        .get(criterion)
        .map_or("", |c| c.name.as_str());
    let on_action = props.on_action.clone();
    let onchange = Callback::from(move |e: Event| {
        let text = e.target_unchecked_into::<HtmlSelectElement>().value();
        if let Some(score) = Score::parse(&text) {
            on_action.emit(Action::ScoreEdited {
                item,
                criterion,
                score,
            });
        }
    });
    let title = match published {
        Some(p) if edited => format!("{}; published {p}", score.meaning()),
        _ => score.meaning().to_owned(),
    };
    html! {
        <td class={classes!("score", edited.then_some("edited"), (score == Score::Unknown).then_some("unknown"))}>
            <select class="score-select" aria-label={format!("{}, {} score", row.name, criterion_name)} {title} {onchange}>
                { for Score::ALL.into_iter().map(|option| html! {
                    <option value={option.to_string()} selected={option == score}>{ option.to_string() }</option>
                }) }
            </select>
            if edited { <span class="edited-mark" aria-hidden="true">{ "•" }</span> }
        </td>
    }
}

fn range_cell(result: &ItemResult) -> Html {
    match result.range {
        Some(range) if range.min_band == range.max_band => html! {
            <td class="range">{ format!("{}-{}: always {}", format_total(range.min), format_total(range.max), range.min_band) }</td>
        },
        Some(range) => html! {
            <td class="range">{ format!("{}-{}: {} to {}", format_total(range.min), format_total(range.max), range.min_band, range.max_band) }</td>
        },
        None => {
            html! { <td class="range"><span class="visually-hidden">{ "no unknown scores" }</span></td> }
        }
    }
}

fn item_row(props: &MatrixTableProps, index: usize) -> Html {
    let (Some(item), Some(result)) = (
        props.matrix.items.get(index),
        props.evaluation.items.get(index),
    ) else {
        return html! {};
    };
    let moved = movement(&props.baseline, &props.evaluation, index);
    html! {
        <tr class={classes!("item-row", result.band.css())} data-item={item.name.clone()} key={item.name.clone()}>
            <th scope="row" class="item-name">{ &item.name }</th>
            { for (0..props.matrix.criteria.len()).map(|c| score_cell(props, index, c)) }
            <td class="total">{ format_total(result.total) }</td>
            <td class="band">{ band_chip(result.band) }</td>
            { range_cell(result) }
            <td class="rank">{ result.rank.to_string() }</td>
            <td class="published">{ item.published_total.map(|t| t.to_string()).unwrap_or_default() }</td>
            <td class="movement">{ moved.map(|m| if m.is_unchanged() {
                html! { "as published" }
            } else {
                html! { <><span aria-hidden="true" class="arrow">{ m.arrow() }</span>{ " " }{ m.describe() }</> }
            }).unwrap_or_default() }</td>
            <td class="source">{ &item.data_source }</td>
        </tr>
    }
}

fn subtotal_text(subtotal: &Subtotal) -> String {
    match subtotal.published {
        Some(p) => format!("Subtotal {} (published {p})", format_total(subtotal.total)),
        None => format!("Subtotal {} (none published)", format_total(subtotal.total)),
    }
}

fn heading_row(class: &'static str, subtotal: &Subtotal, columns: usize) -> Html {
    html! {
        <tr class={class}>
            <th scope="rowgroup" colspan={columns.to_string()}>
                <span class="heading-name">{ &subtotal.name }</span>
                <span class="subtotal">{ subtotal_text(subtotal) }</span>
            </th>
        </tr>
    }
}

#[function_component(MatrixTable)]
pub fn matrix_table(props: &MatrixTableProps) -> Html {
    let matrix = &props.matrix;
    let evaluation = &props.evaluation;
    let columns = matrix.criteria.len() + 8;
    let mut seen_groups: Vec<&str> = Vec::new();
    let bodies: Html = if evaluation.categories.is_empty() {
        html! { <tbody>{ for (0..matrix.items.len()).map(|i| item_row(props, i)) }</tbody> }
    } else {
        evaluation
            .categories
            .iter()
            .map(|category| {
                let group_row = category
                    .group
                    .as_deref()
                    .filter(|g| !seen_groups.contains(g))
                    .map(|g| {
                        seen_groups.push(g);
                        evaluation
                            .groups
                            .iter()
                            .find(|s| s.name == g)
                            .map(|s| heading_row("group-row", s, columns))
                            .unwrap_or_default()
                    });
                html! {
                    <tbody key={format!("{:?}/{}", category.group, category.name)}>
                        { group_row.unwrap_or_default() }
                        { heading_row("category-row", category, columns) }
                        { for category.items.iter().map(|&i| item_row(props, i)) }
                    </tbody>
                }
            })
            .collect()
    };
    html! {
        <div class="table-scroll">
        <table class="matrix">
            <caption>{ format!("{}: scores 0-4 ('?' = no data), weighted total, band and movement against the published matrix", matrix.title) }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "Item" }</th>
                    { for matrix.criteria.iter().map(|c| html! {
                        <th scope="col" class={classes!("criterion", (c.kind == CriterionKind::Unattributed).then_some("unattributed"))} title={c.description.clone()}>{ &c.name }</th>
                    }) }
                    <th scope="col">{ "Total" }</th>
                    <th scope="col">{ "Band" }</th>
                    <th scope="col">{ "If '?' were 0 to 4" }</th>
                    <th scope="col">{ "Rank" }</th>
                    <th scope="col">{ "Published total" }</th>
                    <th scope="col">{ "Against published" }</th>
                    <th scope="col">{ "Data source" }</th>
                </tr>
            </thead>
            { bodies }
        </table>
        </div>
    }
}
