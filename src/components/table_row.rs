//! One row of the matrix grid, memoised on its own values: the item's name as the row
//! header, a cheap text cell per score (a chooser only in the cell being edited), then
//! total, band, the '?' range, rank, published total, movement and data source.

use super::matrix_table::band_chip;
use crate::engine::{format_total, ItemResult, Movement};
use crate::model::Score;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Something done to a cell with the mouse or in its chooser.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CellEvent {
    /// The cell was clicked.
    Clicked { item: usize, column: usize },
    /// A score was chosen in the cell's chooser.
    Chosen {
        item: usize,
        criterion: usize,
        score: Score,
    },
    /// The chooser was left without choosing.
    Cancelled,
}

/// The id of a cell, for focus.
pub fn cell_id(item: usize, column: usize) -> String {
    format!("cell-{item}-{column}")
}

#[derive(Properties, PartialEq)]
pub struct ItemRowProps {
    pub item: usize,
    /// 1-based row number among all rows, for `aria-rowindex` (the header row is 1).
    pub row_index: usize,
    pub name: AttrValue,
    pub scores: Vec<Score>,
    /// The published score where it differs from the score now.
    pub published: Vec<Option<Score>>,
    pub result: ItemResult,
    pub moved: Option<Movement>,
    pub published_total: Option<u32>,
    pub data_source: AttrValue,
    /// The distance to the nearest threshold, in words.
    pub margin: AttrValue,
    /// The active cell's column, when it is in this row.
    pub active_column: Option<usize>,
    /// The criterion whose chooser is open, when it is in this row.
    pub editing: Option<usize>,
    pub on_cell: Callback<CellEvent>,
}

fn range_text(result: &ItemResult) -> String {
    match result.range {
        Some(range) if range.min_band == range.max_band => format!(
            "{}-{}: always {}",
            format_total(range.min),
            format_total(range.max),
            range.min_band
        ),
        Some(range) => format!(
            "{}-{}: {} to {}",
            format_total(range.min),
            format_total(range.max),
            range.min_band,
            range.max_band
        ),
        None => String::new(),
    }
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

fn chooser(props: &ScoreCellsProps, criterion: usize, score: Score) -> Html {
    let (item, on_cell) = (props.item, props.on_cell.clone());
    let onchange = Callback::from(move |e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        if let Some(score) = Score::parse(&value) {
            on_cell.emit(CellEvent::Chosen {
                item,
                criterion,
                score,
            });
        }
    });
    let on_cell = props.on_cell.clone();
    let onblur = Callback::from(move |_: FocusEvent| on_cell.emit(CellEvent::Cancelled));
    html! {
        <select class="score-chooser" id="score-chooser" aria-label={format!("{}: choose a score", props.name)} {onchange} {onblur}>
            { for Score::ALL.into_iter().map(|option| html! {
                <option value={option.to_string()} selected={option == score}>{ format!("{option}: {}", option.meaning()) }</option>
            }) }
        </select>
    }
}

fn score_cell(props: &ScoreCellsProps, criterion: usize, score: Score) -> Html {
    let column = criterion + 1;
    let published = props.published.get(criterion).copied().flatten();
    let active = props.active_column == Some(column);
    let class = classes!(
        "score",
        published.is_some().then_some("edited"),
        (score == Score::Unknown).then_some("unknown"),
        active.then_some("active")
    );
    html! {
        <td role="gridcell" id={cell_id(props.item, column)} {class} tabindex={if active { "0" } else { "-1" }}
            aria-colindex={(column + 1).to_string()}>
            if props.editing == Some(criterion) {
                { chooser(props, criterion, score) }
            } else {
                { score.to_string() }
                if let Some(p) = published {
                    <span class="visually-hidden">{ format!(" (edited; published {p})") }</span>
                    <span class="edited-mark" aria-hidden="true">{ "•" }</span>
                }
            }
        </td>
    }
}

/// A plain cell of the grid at `column`.
fn cell(props: &ItemRowProps, column: usize, class: &'static str, content: Html) -> Html {
    let active = props.active_column == Some(column);
    html! {
        <td role="gridcell" id={cell_id(props.item, column)} class={classes!(class, active.then_some("active"))}
            tabindex={if active { "0" } else { "-1" }} aria-colindex={(column + 1).to_string()}>{ content }</td>
    }
}

/// The scores of one row, redrawn only when a score, the active cell or the chooser in them
/// changes (not when a weight or threshold moves the total).
#[derive(Properties, PartialEq)]
struct ScoreCellsProps {
    item: usize,
    name: AttrValue,
    scores: Vec<Score>,
    published: Vec<Option<Score>>,
    /// The active cell's column, when it is one of these.
    active_column: Option<usize>,
    editing: Option<usize>,
    on_cell: Callback<CellEvent>,
}

#[function_component(ScoreCells)]
fn score_cells(props: &ScoreCellsProps) -> Html {
    html! {
        <>{ for props.scores.iter().enumerate().map(|(c, s)| score_cell(props, c, *s)) }</>
    }
}

/// The grid column of a click in a row: that of the cell it is in (`aria-colindex` less one).
fn clicked_column(e: &MouseEvent) -> Option<usize> {
    let target: web_sys::Element = e.target_dyn_into()?;
    let cell = target.closest("[aria-colindex]").ok()??;
    cell.get_attribute("aria-colindex")?
        .parse::<usize>()
        .ok()?
        .checked_sub(1)
}

/// The band, and under it the published band when it differs, so the change stays in view
/// with the pinned band column: "Red" over "▲ was Amber".
fn band_cell(band: crate::model::Band, moved: Option<Movement>) -> Html {
    match moved.filter(|m| m.from != m.to) {
        Some(m) => html! {
            <>
                { band_chip(band) }
                <span class="band-was"><span aria-hidden="true">{ m.arrow() }{ " " }</span>{ format!("was {}", m.from) }</span>
            </>
        },
        None => band_chip(band),
    }
}

#[function_component(ItemRow)]
pub fn item_row(props: &ItemRowProps) -> Html {
    let result = &props.result;
    let criteria = props.scores.len();
    let name_active = props.active_column == Some(0);
    // One handler for the row: the cell clicked says its column.
    let onclick = {
        let (item, on_cell) = (props.item, props.on_cell.clone());
        Callback::from(move |e: MouseEvent| {
            if let Some(column) = clicked_column(&e) {
                on_cell.emit(CellEvent::Clicked { item, column });
            }
        })
    };
    let score_active = props.active_column.filter(|c| (1..=criteria).contains(c));
    let movement = match props.moved {
        Some(m) => movement_words(m),
        None => html! {},
    };
    html! {
        <tr class={classes!("item-row", result.band.css())} data-item={props.name.clone()} aria-rowindex={props.row_index.to_string()} {onclick}>
            <th scope="row" role="rowheader" class={classes!("item-name", name_active.then_some("active"))} id={cell_id(props.item, 0)}
                tabindex={if name_active { "0" } else { "-1" }} aria-colindex="1">{ props.name.clone() }</th>
            <ScoreCells item={props.item} name={props.name.clone()} scores={props.scores.clone()}
                published={props.published.clone()} active_column={score_active}
                editing={props.editing} on_cell={props.on_cell.clone()} />
            { cell(props, criteria + 1, "total", html! { format_total(result.total) }) }
            { cell(props, criteria + 2, "band", band_cell(result.band, props.moved)) }
            { cell(props, criteria + 3, "margin", html! { props.margin.clone() }) }
            { cell(props, criteria + 4, "range", html! { range_text(result) }) }
            { cell(props, criteria + 5, "rank", html! { result.rank.to_string() }) }
            { cell(props, criteria + 6, "published", html! { props.published_total.map(|t| t.to_string()).unwrap_or_default() }) }
            { cell(props, criteria + 7, "movement", movement) }
            { cell(props, criteria + 8, "source", html! { props.data_source.clone() }) }
        </tr>
    }
}
