//! Sorting and filtering the table and the ranked list: the order, a name search, "band
//! changed only" and "band not certain only".

use crate::engine::{thousands, SortKey, TableView};
use crate::state::Action;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TableControlsProps {
    pub view: TableView,
    /// How many items are shown, and of how many.
    pub shown: usize,
    pub total: usize,
    pub on_action: Callback<Action>,
}

#[function_component(TableControls)]
pub fn table_controls(props: &TableControlsProps) -> Html {
    let change = |update: fn(&mut TableView, &Event)| {
        let (view, on_action) = (props.view.clone(), props.on_action.clone());
        Callback::from(move |e: Event| {
            let mut next = view.clone();
            update(&mut next, &e);
            on_action.emit(Action::ViewChanged(next));
        })
    };
    let on_sort = change(|view, e| {
        let token = e.target_unchecked_into::<HtmlSelectElement>().value();
        view.sort = SortKey::ALL
            .into_iter()
            .find(|k| k.token() == token)
            .unwrap_or_default();
    });
    let on_search = {
        let (view, on_action) = (props.view.clone(), props.on_action.clone());
        Callback::from(move |e: InputEvent| {
            let mut next = view.clone();
            next.filter.text = e.target_unchecked_into::<HtmlInputElement>().value();
            on_action.emit(Action::ViewChanged(next));
        })
    };
    let on_changed = change(|view, e| {
        view.filter.band_changed = e.target_unchecked_into::<HtmlInputElement>().checked();
    });
    let on_uncertain = change(|view, e| {
        view.filter.uncertain = e.target_unchecked_into::<HtmlInputElement>().checked();
    });
    let filter = &props.view.filter;
    html! {
        <div class="table-controls" role="group" aria-label="Sort and filter the matrix and the ranked list">
            <label for="table-sort">{ "Sort the table by" }</label>
            <select id="table-sort" onchange={on_sort}>
                { for SortKey::ALL.into_iter().map(|key| html! {
                    <option value={key.token()} selected={props.view.sort == key}>{ key.label() }</option>
                }) }
            </select>
            <label for="table-search">{ "Find items by name" }</label>
            <input type="search" id="table-search" value={filter.text.clone()} oninput={on_search} autocomplete="off" />
            <span class="check">
                <input type="checkbox" id="filter-changed" checked={filter.band_changed} onchange={on_changed} />
                <label for="filter-changed">{ "Only items whose band changed" }</label>
            </span>
            <span class="check">
                <input type="checkbox" id="filter-uncertain" checked={filter.uncertain} onchange={on_uncertain} />
                <label for="filter-uncertain">{ "Only items whose band is not certain ('?')" }</label>
            </span>
            <span class="shown" aria-live="polite">{ format!("Showing {} of {} items", thousands(props.shown), thousands(props.total)) }</span>
        </div>
    }
}
