//! The matrix as a spreadsheet grid (the WAI-ARIA grid pattern): one tab stop, arrow keys,
//! Home/End and Ctrl+Home/End move the active cell, typing 0-4 or '?' sets a score, Enter or
//! F2 opens a chooser, Esc cancels, Delete sets '?'. Large matrices are drawn as one
//! virtualised table: only the rows in view are in the page.

use super::shared::Shared;
use super::table_row::{cell_id, CellEvent, ItemRow};
use crate::engine::{
    format_total, item_margin, movement, Baseline, Evaluation, Subtotal, TableRow, TableView,
};
use crate::model::{Band, CriterionKind, Matrix, Score, Thresholds};
use crate::state::Action;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// Rows of a table this long or longer are virtualised.
pub const VIRTUAL_FROM: usize = 300;
/// The height of every row of a virtualised table, in CSS pixels (see `.virtual` in the CSS).
const ROW_PX: f64 = 36.0;
/// Rows drawn beyond the visible ones, above and below.
const OVERSCAN: usize = 12;
/// Rows a Page Up or Page Down moves.
const PAGE_ROWS: usize = 10;

#[derive(Properties, PartialEq)]
pub struct MatrixTableProps {
    pub matrix: Shared<Matrix>,
    pub published: Shared<Matrix>,
    pub evaluation: Shared<Evaluation>,
    pub baseline: Shared<Baseline>,
    /// The rows to show, in order (headings and items, or items only when sorted or filtered).
    pub rows: Shared<Vec<TableRow>>,
    /// The sort and filter: when they change, the table goes back to its top.
    pub view: TableView,
    /// The thresholds in force, for each item's margin.
    pub thresholds: Thresholds,
    pub on_action: Callback<Action>,
}

/// A band written as text on its colour.
pub fn band_chip(band: Band) -> Html {
    html! { <span class={classes!("band-chip", band.css())}>{ band.name() }</span> }
}

fn subtotal_text(subtotal: &Subtotal) -> String {
    match subtotal.published {
        Some(p) => format!("Subtotal {} (published {p})", format_total(subtotal.total)),
        None => format!("Subtotal {} (none published)", format_total(subtotal.total)),
    }
}

/// A group's or a category's heading row, keyed `key` among the rows (every row has a key,
/// so that rows entering and leaving a scrolled window are moved, not redrawn in place).
fn heading_row(
    key: String,
    class: &'static str,
    name: &str,
    subtotal: &Subtotal,
    columns: usize,
    row_index: usize,
) -> Html {
    html! {
        <tr {key} class={class} aria-rowindex={row_index.to_string()}>
            <th scope="rowgroup" role="rowheader" colspan={columns.to_string()} aria-colspan={columns.to_string()}>
                <span class="heading-name">{ name.to_owned() }</span>
                <span class="subtotal">{ subtotal_text(subtotal) }</span>
            </th>
        </tr>
    }
}

/// The items of the table's rows in display order, and where each item is: its place among
/// the rows (headings included) and its position among the items. Looked up by item number
/// in flat lists (built in one pass; hashing 50,000 items took about 3 ms on each sort or
/// filter).
struct RowOrder {
    items: Vec<usize>,
    places: Vec<u32>,
    positions: Vec<u32>,
}

impl RowOrder {
    /// Not shown.
    const NONE: u32 = u32::MAX;

    fn new(rows: &[TableRow]) -> Self {
        let items: Vec<usize> = rows
            .iter()
            .filter_map(|r| match r {
                TableRow::Item(i) => Some(*i),
                _ => None,
            })
            .collect();
        let size = items.iter().max().map_or(0, |&i| i + 1);
        let (mut places, mut positions) = (vec![Self::NONE; size], vec![Self::NONE; size]);
        let mut position = 0u32;
        for (place, row) in rows.iter().enumerate() {
            if let TableRow::Item(i) = row {
                if let Some(slot) = places.get_mut(*i) {
                    *slot = u32::try_from(place).unwrap_or(Self::NONE);
                }
                if let Some(slot) = positions.get_mut(*i) {
                    *slot = position;
                }
                position += 1;
            }
        }
        Self {
            items,
            places,
            positions,
        }
    }

    fn found(list: &[u32], item: usize) -> Option<usize> {
        list.get(item)
            .filter(|&&n| n != Self::NONE)
            .and_then(|&n| usize::try_from(n).ok())
    }

    /// The item's place among the rows, headings included.
    fn place(&self, item: usize) -> Option<usize> {
        Self::found(&self.places, item)
    }

    /// The item's position among the items shown.
    fn position(&self, item: usize) -> Option<usize> {
        Self::found(&self.positions, item)
    }
}

/// The state the stable cell callback reads: the latest props and setters.
struct Latest {
    on_action: Callback<Action>,
    active: UseStateSetter<Option<(usize, usize)>>,
    editing: UseStateSetter<Option<(usize, usize)>>,
    last_edit: UseStateSetter<Option<(usize, usize)>>,
    focus_pending: Rc<RefCell<bool>>,
    criteria: usize,
}

fn on_cell_event(latest: &Latest, event: CellEvent) {
    match event {
        CellEvent::Clicked { item, column } => {
            latest.active.set(Some((item, column)));
            if column == 0 {
                latest.on_action.emit(Action::ItemSelected(Some(item)));
            }
            if (1..=latest.criteria).contains(&column) {
                latest.editing.set(Some((item, column - 1)));
            }
            *latest.focus_pending.borrow_mut() = true;
        }
        CellEvent::Chosen {
            item,
            criterion,
            score,
        } => {
            latest.editing.set(None);
            latest.last_edit.set(Some((item, criterion)));
            *latest.focus_pending.borrow_mut() = true;
            latest.on_action.emit(Action::ScoreEdited {
                item,
                criterion,
                score,
            });
        }
        CellEvent::Cancelled => latest.editing.set(None),
    }
}

/// Where the arrow, Home/End and Page keys move the active cell, if they are such keys.
fn moved(
    key: &KeyboardEvent,
    at: (usize, usize),
    items: &[usize],
    last_column: usize,
) -> Option<(usize, usize)> {
    let (position, column) = at;
    let last_row = items.len().checked_sub(1)?;
    let ctrl = key.ctrl_key() || key.meta_key();
    let (position, column) = match key.key().as_str() {
        "ArrowUp" => (position.saturating_sub(1), column),
        "ArrowDown" => ((position + 1).min(last_row), column),
        "ArrowLeft" => (position, column.saturating_sub(1)),
        "ArrowRight" => (position, (column + 1).min(last_column)),
        "PageUp" => (position.saturating_sub(PAGE_ROWS), column),
        "PageDown" => ((position + PAGE_ROWS).min(last_row), column),
        "Home" if ctrl => (0, 0),
        "End" if ctrl => (last_row, last_column),
        "Home" => (position, 0),
        "End" => (position, last_column),
        _ => return None,
    };
    Some((*items.get(position)?, column))
}

/// What typing `key` on a score cell sets it to.
fn typed_score(key: &str) -> Option<Score> {
    match key {
        "Delete" | "Backspace" => Some(Score::Unknown),
        _ => Score::parse(key),
    }
}

#[function_component(MatrixTable)]
#[allow(clippy::too_many_lines)] // one grid: keys, focus, the virtual window and the rows
pub fn matrix_table(props: &MatrixTableProps) -> Html {
    let matrix = &props.matrix;
    let criteria = matrix.criteria.len();
    let last_column = criteria + 8;
    let columns = criteria + 9;
    let active = use_state(|| None::<(usize, usize)>);
    let editing = use_state(|| None::<(usize, usize)>);
    let last_edit = use_state(|| None::<(usize, usize)>);
    let scroll_row = use_state(|| 0usize);
    // The rows the table's box shows, from its height once it has scrolled or the window has
    // been resized; until then enough for a box 1,440 px high.
    let shown_rows = use_state(|| 40usize);
    let focus_pending = use_mut_ref(|| false);
    let scroller = use_node_ref();
    let rows = &props.rows;
    // Items in display order, and each item's place among the rows.
    let order = use_memo(rows.clone(), |rows| RowOrder::new(rows));
    let latest = use_mut_ref(|| None::<Latest>);
    *latest.borrow_mut() = Some(Latest {
        on_action: props.on_action.clone(),
        active: active.setter(),
        editing: editing.setter(),
        last_edit: last_edit.setter(),
        focus_pending: Rc::clone(&focus_pending),
        criteria,
    });
    let on_cell = use_memo((), {
        let latest = Rc::clone(&latest);
        move |()| {
            Callback::from(move |event: CellEvent| {
                if let Some(latest) = latest.borrow().as_ref() {
                    on_cell_event(latest, event);
                }
            })
        }
    });
    let virtual_mode = rows.len() >= VIRTUAL_FROM;
    {
        let (scroller, scroll_row) = (scroller.clone(), scroll_row.clone());
        use_effect_with(props.view.clone(), move |_| {
            if let Some(container) = scroller.cast::<HtmlElement>() {
                container.set_scroll_top(0);
            }
            scroll_row.set(0);
        });
    }
    // The active cell, or the first item's name when none is (the grid's one tab stop).
    let first_item = order.items.first().copied();
    let current = (*active)
        .filter(|(item, _)| order.position(*item).is_some())
        .or(first_item.map(|i| (i, 0)));

    // Scroll the active row into view (virtual tables), then focus the active cell.
    {
        let (focus_pending, editing, scroller, order, scroll_row) = (
            Rc::clone(&focus_pending),
            *editing,
            scroller.clone(),
            order.clone(),
            scroll_row.clone(),
        );
        use_effect(move || {
            if !std::mem::take(&mut *focus_pending.borrow_mut()) {
                return;
            }
            let Some(document) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            let target = if editing.is_some() {
                document.get_element_by_id("score-chooser")
            } else {
                current
                    .and_then(|(item, column)| document.get_element_by_id(&cell_id(item, column)))
            };
            if let Some(element) = target.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                let _ = element.focus();
                reveal(&element, &scroller, !virtual_mode);
            } else if virtual_mode {
                // Not drawn yet (a key moved past the rows drawn, or an edit moved its row
                // away in a sort): bring it in, and focus it once it is drawn.
                if let Some(place) = current.and_then(|(item, _)| order.place(item)) {
                    scroll_into_view(&scroller, place, &scroll_row);
                }
                *focus_pending.borrow_mut() = true;
            }
        });
    }

    let onkeydown = {
        let (active, editing, last_edit, focus_pending) = (
            active.clone(),
            editing.clone(),
            last_edit.clone(),
            Rc::clone(&focus_pending),
        );
        let (order, on_action, scroller, scroll_row) = (
            order.clone(),
            props.on_action.clone(),
            scroller.clone(),
            scroll_row.clone(),
        );
        Callback::from(move |key: KeyboardEvent| {
            if editing.is_some() {
                if key.key() == "Escape" {
                    key.prevent_default();
                    editing.set(None);
                    *focus_pending.borrow_mut() = true;
                }
                return;
            }
            // The cell the key was pressed in (the focused one), else the active one.
            let Some((item, column)) = cell_of(key.target()).or(current) else {
                return;
            };
            let Some(position) = order.position(item) else {
                return;
            };
            if let Some(next) = moved(&key, (position, column), &order.items, last_column) {
                key.prevent_default();
                active.set(Some(next));
                *focus_pending.borrow_mut() = true;
                if virtual_mode {
                    scroll_into_view(&scroller, order.place(next.0).unwrap_or(0), &scroll_row);
                }
                return;
            }
            if column == 0 && key.key() == "Enter" {
                key.prevent_default();
                on_action.emit(Action::ItemSelected(Some(item)));
                return;
            }
            if !(1..=criteria).contains(&column)
                || key.ctrl_key()
                || key.meta_key()
                || key.alt_key()
            {
                return;
            }
            let criterion = column - 1;
            match key.key().as_str() {
                "Enter" | "F2" => {
                    key.prevent_default();
                    editing.set(Some((item, criterion)));
                    *focus_pending.borrow_mut() = true;
                }
                typed => {
                    if let Some(score) = typed_score(typed) {
                        key.prevent_default();
                        last_edit.set(Some((item, criterion)));
                        // The cell keeps the focus when the edit moves its row (in a sort by
                        // total or band, say), where moving the row's elements drops it.
                        active.set(Some((item, column)));
                        *focus_pending.borrow_mut() = true;
                        on_action.emit(Action::ScoreEdited {
                            item,
                            criterion,
                            score,
                        });
                    }
                }
            }
        })
    };
    let onfocusin = {
        let active = active.clone();
        Callback::from(move |e: FocusEvent| {
            if let Some(cell) = cell_of(e.target()) {
                if *active != Some(cell) {
                    active.set(Some(cell));
                }
            }
        })
    };
    let onscroll = {
        let (scroller, scroll_row, shown_rows) =
            (scroller.clone(), scroll_row.clone(), shown_rows.clone());
        Callback::from(move |_: Event| {
            if let Some(container) = scroller.cast::<HtmlElement>() {
                let row = row_at(f64::from(container.scroll_top()));
                if row != *scroll_row {
                    scroll_row.set(row);
                }
                let shown = rows_shown(&container);
                if shown != *shown_rows {
                    shown_rows.set(shown);
                }
            }
        })
    };
    // A box made taller without a scroll (the window resized) draws the rows it now shows.
    {
        let (scroller, shown_rows) = (scroller.clone(), shown_rows.setter());
        use_effect_with(virtual_mode, move |virtual_mode| {
            let listener = web_sys::window().filter(|_| *virtual_mode).map(|window| {
                gloo::events::EventListener::new(&window, "resize", move |_| {
                    if let Some(container) = scroller.cast::<HtmlElement>() {
                        shown_rows.set(rows_shown(&container));
                    }
                })
            });
            move || drop(listener)
        });
    }

    // The rows to draw: all of them, or the window around the scroll position.
    let (first, last) = if virtual_mode {
        let first = scroll_row.saturating_sub(OVERSCAN);
        (
            first,
            (*scroll_row + *shown_rows + OVERSCAN).min(rows.len()),
        )
    } else {
        (0, rows.len())
    };
    let evaluation = &props.evaluation;
    let draw = |place: usize, row: TableRow| -> Html {
        let row_index = place + 2;
        match row {
            TableRow::Group(g) => evaluation
                .groups
                .get(g)
                .map(|s| {
                    let name = evaluation.group_name(g);
                    heading_row(format!("g{g}"), "group-row", name, s, columns, row_index)
                })
                .unwrap_or_default(),
            TableRow::Category(c) => evaluation
                .categories
                .get(c)
                .map(|s| {
                    let name = evaluation.category_name(c);
                    heading_row(format!("c{c}"), "category-row", name, s, columns, row_index)
                })
                .unwrap_or_default(),
            TableRow::Item(i) => item_row(props, i, row_index, current, *editing, &on_cell),
        }
    };
    // The rows drawn, as one list of their own: every row in it has a key, so a row that
    // stays in a scrolled window or moves in a sort keeps its elements (the spacers beside
    // the list have none, and in one list with them the rows would be matched by position).
    let body: Html = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(last - first)
        .map(|(place, row)| draw(place, *row))
        .collect();
    let announcement = announcement(props, *last_edit);
    html! {
        <>
        <p class="visually-hidden" aria-live="polite">{ announcement }</p>
        <div class={classes!("table-scroll", virtual_mode.then_some("virtual"))} ref={scroller} onscroll={virtual_mode.then_some(onscroll)}>
        <table class="matrix" role="grid" aria-rowcount={(rows.len() + 1).to_string()} aria-colcount={columns.to_string()}
            aria-describedby="grid-help" {onkeydown} {onfocusin}>
            <caption class="visually-hidden">{ format!("{}: scores 0-4 ('?' = no data), weighted total, band and movement against the published matrix", matrix.title) }</caption>
            <thead>
                <tr aria-rowindex="1">
                    <th scope="col" role="columnheader">{ "Item" }</th>
                    { for matrix.criteria.iter().map(|c| html! {
                        <th scope="col" role="columnheader" class={classes!("criterion", (c.kind == CriterionKind::Unattributed).then_some("unattributed"))} title={c.description.clone()}>{ &c.name }</th>
                    }) }
                    <th scope="col" role="columnheader" class="total-head">{ "Total" }</th>
                    <th scope="col" role="columnheader" class="band-head">{ "Band" }</th>
                    <th scope="col" role="columnheader">{ "Margin to the nearest threshold" }</th>
                    <th scope="col" role="columnheader">{ "If '?' were 0 to 4" }</th>
                    <th scope="col" role="columnheader">{ "Rank" }</th>
                    <th scope="col" role="columnheader">{ "Published total" }</th>
                    <th scope="col" role="columnheader">{ "Against published" }</th>
                    <th scope="col" role="columnheader">{ "Data source" }</th>
                </tr>
            </thead>
            <tbody>
                if first > 0 {
                    <tr class="spacer" aria-hidden="true" style={format!("height: {}px", first as f64 * ROW_PX)}><td colspan={columns.to_string()}></td></tr>
                }
                { body }
                if last < rows.len() {
                    <tr class="spacer" aria-hidden="true" style={format!("height: {}px", (rows.len() - last) as f64 * ROW_PX)}><td colspan={columns.to_string()}></td></tr>
                }
            </tbody>
        </table>
        </div>
        if rows.is_empty() {
            <p class="hint">{ "No item matches the filter." }</p>
        }
        <p class="hint grid-help" id="grid-help">{ "Keys in the table: arrow keys move between cells; type 0-4 or ? to set a score, Enter or F2 to choose one, Delete for '?'. Moving never changes a score." }</p>
        </>
    }
}

/// The (item, column) of the grid cell an event happened in, from its id.
fn cell_of(target: Option<web_sys::EventTarget>) -> Option<(usize, usize)> {
    let id = target?.dyn_into::<web_sys::Element>().ok()?.id();
    let mut parts = id.strip_prefix("cell-")?.split('-');
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

/// The row under a scroll offset.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn row_at(scroll_top: f64) -> usize {
    (scroll_top / ROW_PX).max(0.0) as usize
}

/// The rows the table's box shows at its height now, one part-row at each edge counted in.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn rows_shown(container: &HtmlElement) -> usize {
    (f64::from(container.client_height()) / ROW_PX)
        .max(0.0)
        .ceil() as usize
        + 1
}

/// Scrolls a virtual table so that row `place` is in view.
fn scroll_into_view(scroller: &NodeRef, place: usize, scroll_row: &UseStateHandle<usize>) {
    let Some(container) = scroller.cast::<HtmlElement>() else {
        return;
    };
    let top = f64::from(container.scroll_top());
    let height = f64::from(container.client_height());
    let row_top = place as f64 * ROW_PX;
    // The header row sits over the first row's space.
    let target = if row_top < top + ROW_PX {
        Some((row_top - ROW_PX).max(0.0))
    } else if row_top + 2.0 * ROW_PX > top + height {
        Some(row_top + 2.0 * ROW_PX - height)
    } else {
        None
    };
    if let Some(target) = target {
        #[allow(clippy::cast_possible_truncation)]
        container.set_scroll_top(target as i32);
        scroll_row.set(row_at(target));
    }
}

/// Scrolls the table's box so a focused cell is clear of what is pinned over it: the item
/// column on the left, the total and band on the right and (with `below_header`) the header
/// row. The browser's own scrolling on focus does not allow for pinned cells.
#[allow(clippy::cast_possible_truncation)]
fn reveal(cell: &HtmlElement, scroller: &NodeRef, below_header: bool) {
    let Some(container) = scroller.cast::<HtmlElement>() else {
        return;
    };
    let Some(row) = cell.parent_element() else {
        return;
    };
    let rect_of = |selector: &str| {
        row.query_selector(selector)
            .ok()
            .flatten()
            .map(|e| e.get_bounding_client_rect())
    };
    let (c, b) = (
        cell.get_bounding_client_rect(),
        container.get_bounding_client_rect(),
    );
    let pinned = cell.class_list().contains("total") || cell.class_list().contains("band");
    let left_pin = if cell.tag_name() == "TH" {
        0.0
    } else {
        rect_of("th.item-name").map_or(0.0, |r| r.width())
    };
    // The total and band can cover the cells that come before them.
    let column_of = |e: &web_sys::Element| {
        e.get_attribute("aria-colindex")
            .and_then(|c| c.parse::<usize>().ok())
    };
    let total_column = row
        .query_selector("td.total")
        .ok()
        .flatten()
        .and_then(|t| column_of(&t));
    let before_total = matches!((column_of(cell), total_column), (Some(a), Some(t)) if a < t);
    let right_pin = match (
        pinned || !before_total,
        rect_of("td.total"),
        rect_of("td.band"),
    ) {
        (false, Some(total), Some(band)) => total.width() + band.width(),
        _ => 0.0,
    };
    let (visible_left, visible_right) = (b.left() + left_pin, b.right() - right_pin);
    let shift = if c.left() < visible_left {
        c.left() - visible_left
    } else if c.right() > visible_right {
        (c.right() - visible_right).min(c.left() - visible_left)
    } else {
        0.0
    };
    // The item column is pinned, but what is pinned on the right can reach over it once the
    // box is scrolled far enough: at the item column the box goes back to its start.
    if cell.tag_name() == "TH" {
        container.set_scroll_left(0);
    } else if shift.abs() >= 1.0 {
        container.set_scroll_left(container.scroll_left() + shift.round() as i32);
    }
    if below_header {
        let header = container
            .query_selector("thead")
            .ok()
            .flatten()
            .map_or(0.0, |h| h.get_bounding_client_rect().height());
        let lift = if c.top() < b.top() + header {
            c.top() - b.top() - header
        } else if c.bottom() > b.bottom() {
            c.bottom() - b.bottom()
        } else {
            0.0
        };
        if lift.abs() >= 1.0 {
            container.set_scroll_top(container.scroll_top() + lift.round() as i32);
        }
    }
}

/// What a screen reader hears after an edit: the item, the criterion, the score, the new
/// total and band.
fn announcement(props: &MatrixTableProps, last_edit: Option<(usize, usize)>) -> String {
    let Some((item, criterion)) = last_edit else {
        return String::new();
    };
    let (Some(row), Some(result), Some(c)) = (
        props.matrix.items.get(item),
        props.evaluation.items.get(item),
        props.matrix.criteria.get(criterion),
    ) else {
        return String::new();
    };
    format!(
        "{}, {}: {}. Total {}, {}.",
        row.name,
        c.name,
        row.score(criterion),
        format_total(result.total),
        result.band
    )
}

fn item_row(
    props: &MatrixTableProps,
    index: usize,
    row_index: usize,
    current: Option<(usize, usize)>,
    editing: Option<(usize, usize)>,
    on_cell: &Callback<CellEvent>,
) -> Html {
    let (Some(item), Some(result)) = (
        props.matrix.items.get(index),
        props.evaluation.items.get(index),
    ) else {
        return html! {};
    };
    let published_row = props.published.items.get(index);
    let published: Vec<Option<Score>> = item
        .scores
        .iter()
        .enumerate()
        .map(|(c, s)| published_row.map(|p| p.score(c)).filter(|p| p != s))
        .collect();
    html! {
        <ItemRow key={index}
            item={index}
            {row_index}
            name={AttrValue::from(item.name.clone())}
            scores={item.scores.clone()}
            {published}
            result={result.clone()}
            moved={movement(&props.baseline, &props.evaluation, index)}
            published_total={item.published_total}
            data_source={AttrValue::from(item.data_source.clone())}
            margin={AttrValue::from(item_margin(result.total, &props.thresholds).describe())}
            active_column={current.filter(|(i, _)| *i == index).map(|(_, c)| c)}
            editing={editing.filter(|(i, _)| *i == index).map(|(_, c)| c)}
            on_cell={on_cell.clone()} />
    }
}
