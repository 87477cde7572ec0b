//! The ranked priority list with ties ("="), bands and movement against the published
//! baseline.

use super::matrix_table::band_chip;
use super::shared::Shared;
use super::table_row::movement_words;
use super::LIST_LIMIT;
use crate::engine::{
    format_total, item_margin, movement, thousands, view_items, Baseline, Evaluation, Filter,
    Movement, Rank, SortKey, TableView,
};
use crate::model::{Band, Matrix, Thresholds};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PriorityListProps {
    pub matrix: Shared<Matrix>,
    pub evaluation: Shared<Evaluation>,
    pub baseline: Shared<Baseline>,
    /// The table's filter, which the list follows.
    pub filter: Filter,
    /// The thresholds in force, for each item's margin.
    pub thresholds: Thresholds,
}

#[derive(Properties, PartialEq)]
struct PriorityItemProps {
    name: AttrValue,
    rank: Rank,
    total: f64,
    band: Band,
    margin: AttrValue,
    moved: Option<Movement>,
}

/// One entry of the list, redrawn only when its own figures change.
#[function_component(PriorityItem)]
fn priority_item(props: &PriorityItemProps) -> Html {
    html! {
        <li class={classes!("priority", props.band.css())} data-item={props.name.clone()}>
            <span class="rank">{ props.rank.to_string() }</span>
            <span class="name">{ props.name.clone() }</span>
            <span class="points">{ format_total(props.total) }</span>
            { band_chip(props.band) }
            <span class="margin">{ props.margin.clone() }</span>
            <span class="movement">{ props.moved.map(movement_words) }</span>
        </li>
    }
}

#[function_component(PriorityList)]
pub fn priority_list(props: &PriorityListProps) -> Html {
    // Worked out here, so only when the list is drawn (after the frame with the table).
    let items = use_memo(
        (
            props.matrix.clone(),
            props.evaluation.clone(),
            props.baseline.clone(),
            props.thresholds,
            props.filter.clone(),
        ),
        |(m, e, b, t, f)| {
            let by_rank = TableView {
                sort: SortKey::Total,
                filter: f.clone(),
            };
            view_items(m, e, b, t, &by_rank)
        },
    );
    html! {
        <section class="priorities" aria-labelledby="priorities-heading">
            <h2 id="priorities-heading" tabindex="-1">{ "Ranked priorities" }</h2>
            <ol class="priority-list">
                { for items.iter().take(LIST_LIMIT).filter_map(|&index| {
                    let item = props.matrix.items.get(index)?;
                    let result = props.evaluation.items.get(index)?;
                    let moved = movement(&props.baseline, &props.evaluation, index);
                    Some(html! {
                        <PriorityItem name={AttrValue::from(item.name.clone())} rank={result.rank}
                            total={result.total} band={result.band}
                            margin={AttrValue::from(item_margin(result.total, &props.thresholds).describe())}
                            moved={moved.filter(|m| !m.is_unchanged())} />
                    })
                }) }
            </ol>
            if items.len() > LIST_LIMIT {
                <p class="hint">{ format!("The top {LIST_LIMIT} of {} items are listed; the table shows them all.", thousands(items.len())) }</p>
            }
            if items.len() < props.evaluation.ranking.len() {
                <p class="hint">{ format!("The filter above the table shows {} of {} items here too, in rank order.", thousands(items.len()), thousands(props.evaluation.ranking.len())) }</p>
            }
        </section>
    }
}
