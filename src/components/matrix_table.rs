//! The matrix as a real `<table>`: group and category rows with subtotals, one row per
//! item with a row header, an editable score per criterion, total, band and movement.

use super::shared::Shared;
use crate::engine::{
    format_total, movement, page_of, table_rows, Baseline, Evaluation, ItemResult, Movement, Page,
    Subtotal, TableRow,
};
use crate::model::{CriterionKind, Matrix, Score};
use crate::state::Action;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MatrixTableProps {
    pub matrix: Shared<Matrix>,
    pub published: Shared<Matrix>,
    pub evaluation: Shared<Evaluation>,
    pub baseline: Shared<Baseline>,
    pub on_action: Callback<Action>,
}

/// A band written as text on its colour.
pub fn band_chip(band: crate::model::Band) -> Html {
    html! { <span class={classes!("band-chip", band.css())}>{ band.name() }</span> }
}

/// A movement as the engine words it, after an arrow for a band change (hidden from screen
/// readers, which hear the words): "▼ Amber → Green, down a band; rank 12 → 14".
pub fn movement_words(movement: Movement) -> Html {
    let arrow = movement.arrow();
    let direction = match movement.band_steps() {
        n if n > 0 => Some("band-up"),
        n if n < 0 => Some("band-down"),
        _ => None,
    };
    html! {
        <span class={classes!("movement-words", direction)}>
            if !arrow.is_empty() { <span aria-hidden="true" class="arrow">{ arrow }</span>{ " " } }
            { movement.describe() }
        </span>
    }
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
            <td class="movement">{ moved.map(movement_words).unwrap_or_default() }</td>
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

/// How many items the table draws at once; larger matrices are shown a page at a time.
pub const ROWS_PER_PAGE: usize = 200;

fn table_row(props: &MatrixTableProps, row: TableRow, columns: usize) -> Html {
    let evaluation = &props.evaluation;
    match row {
        TableRow::Group(g) => evaluation
            .groups
            .get(g)
            .map(|s| heading_row("group-row", s, columns))
            .unwrap_or_default(),
        TableRow::Category(c) => evaluation
            .categories
            .get(c)
            .map(|s| heading_row("category-row", s, columns))
            .unwrap_or_default(),
        TableRow::Item(i) => item_row(props, i),
    }
}

/// Splits rows into `<tbody>` groups, one per category (with its group heading, if any).
fn row_groups(rows: &[TableRow]) -> Vec<&[TableRow]> {
    let mut groups = Vec::new();
    let mut start = 0;
    for (index, row) in rows.iter().enumerate() {
        let opens = match row {
            TableRow::Group(_) => true,
            TableRow::Category(_) => index == 0 || !matches!(rows[index - 1], TableRow::Group(_)),
            TableRow::Item(_) => false,
        };
        if opens && index > start {
            groups.push(&rows[start..index]);
            start = index;
        }
    }
    if start < rows.len() {
        groups.push(&rows[start..]);
    }
    groups
}

fn pager(page: &Page, on_page: &Callback<usize>) -> Html {
    if page.pages <= 1 {
        return html! {};
    }
    let previous = on_page.reform({
        let p = page.page;
        move |_: MouseEvent| p.saturating_sub(1)
    });
    let next = on_page.reform({
        let p = page.page;
        move |_: MouseEvent| p + 1
    });
    html! {
        <nav class="pager" aria-label="Matrix rows">
            <button type="button" onclick={previous} disabled={page.page == 0}>{ "Previous rows" }</button>
            <span class="pager-position" aria-live="polite">{ format!(
                "Items {}-{} of {} (page {} of {})",
                page.first_item + 1, page.first_item + page.items_shown, page.items_total, page.page + 1, page.pages) }</span>
            <button type="button" onclick={next} disabled={page.page + 1 >= page.pages}>{ "Next rows" }</button>
        </nav>
    }
}

#[function_component(MatrixTable)]
pub fn matrix_table(props: &MatrixTableProps) -> Html {
    let matrix = &props.matrix;
    let columns = matrix.criteria.len() + 8;
    let page_number = use_state(|| 0usize);
    let rows = use_memo(props.evaluation.clone(), |e| table_rows(e));
    let page = page_of(&rows, *page_number, ROWS_PER_PAGE);
    let on_page = {
        let page_number = page_number.clone();
        Callback::from(move |p: usize| page_number.set(p))
    };
    html! {
        <>
        { pager(&page, &on_page) }
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
            { for row_groups(&page.rows).into_iter().map(|rows| html! {
                <tbody>{ for rows.iter().map(|&row| table_row(props, row, columns)) }</tbody>
            }) }
        </table>
        </div>
        </>
    }
}
