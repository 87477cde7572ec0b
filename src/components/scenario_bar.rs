//! The scenarios panel: which scenario is on screen (or the published assessment), save as,
//! rename, duplicate, delete, compare with, and "Copy link to this scenario".

use super::clipboard::copy_text;
use super::download::page_address;
use crate::state::{Action, Compare};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScenarioBarProps {
    /// The saved scenarios' names.
    pub names: Vec<String>,
    /// The scenario on screen, if any.
    pub scenario: Option<usize>,
    /// What the name of what is on screen is ("Unsaved what-if" when nothing is saved).
    pub showing: String,
    pub compare: Compare,
    /// Builds the share link's fragment for what is on screen.
    pub link: Callback<(), String>,
    pub on_action: Callback<Action>,
}

const PUBLISHED: &str = "published";

fn choice(value: &str) -> Option<usize> {
    value.strip_prefix("scenario-")?.parse().ok()
}

#[function_component(ScenarioBar)]
pub fn scenario_bar(props: &ScenarioBarProps) -> Html {
    let name_box = use_node_ref();
    let link_status = use_state(|| None::<String>);
    let link_text = use_state(String::new);
    let on_action = &props.on_action;
    let on_switch = on_action.reform(|e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        choice(&value).map_or(Action::PublishedSelected, Action::ScenarioSelected)
    });
    let on_compare = on_action.reform(|e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::CompareChosen(choice(&value).map_or(Compare::Published, Compare::Scenario))
    });
    let take_name = {
        let name_box = name_box.clone();
        move || {
            let input = name_box.cast::<HtmlInputElement>()?;
            let name = input.value();
            if name.trim().is_empty() {
                let _ = input.focus();
                return None;
            }
            input.set_value("");
            Some(name)
        }
    };
    let on_save = {
        let (on_action, take_name) = (on_action.clone(), take_name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(name) = take_name() {
                on_action.emit(Action::ScenarioSaved(name));
            }
        })
    };
    let on_rename = {
        let (on_action, scenario) = (on_action.clone(), props.scenario);
        Callback::from(move |_: MouseEvent| {
            if let (Some(scenario), Some(name)) = (scenario, take_name()) {
                on_action.emit(Action::ScenarioRenamed { scenario, name });
            }
        })
    };
    let on_copy_link = {
        let (link, status, shown) = (props.link.clone(), link_status.clone(), link_text.clone());
        Callback::from(move |_: MouseEvent| {
            let fragment = link.emit(());
            let url = page_address();
            let status = status.clone();
            let full = format!("{url}#{fragment}");
            shown.set(full.clone());
            copy_text(
                &full,
                Rc::new(move |outcome: Result<(), String>| {
                    status.set(Some(match outcome {
                        Ok(()) => "Link copied. It opens this scenario wherever this same file can be opened; the scenario travels after the # and is never sent anywhere.".to_owned(),
                        Err(why) => format!("The link was not copied ({why})."),
                    }));
                }),
            );
        })
    };
    let selected = |index: usize| props.scenario == Some(index);
    let scenario_action = |make: fn(usize) -> Action| {
        let (on_action, scenario) = (on_action.clone(), props.scenario);
        Callback::from(move |_: MouseEvent| {
            if let Some(index) = scenario {
                on_action.emit(make(index));
            }
        })
    };
    html! {
        <section class="scenario-bar" aria-labelledby="scenario-heading">
            <h2 id="scenario-heading">{ "Scenarios" }</h2>
            <div class="scenario-row">
                <label for="scenario-select">{ "Scenario shown" }</label>
                <select id="scenario-select" onchange={on_switch}>
                    <option value={PUBLISHED} selected={props.scenario.is_none()}>
                        { if props.scenario.is_none() { props.showing.clone() } else { "Published assessment".to_owned() } }
                    </option>
                    { for props.names.iter().enumerate().map(|(i, name)| html! {
                        <option value={format!("scenario-{i}")} selected={selected(i)}>{ name }</option>
                    }) }
                </select>
                <label for="compare-select">{ "Compare with" }</label>
                <select id="compare-select" onchange={on_compare}>
                    <option value={PUBLISHED} selected={props.compare == Compare::Published}>{ "The published assessment" }</option>
                    { for props.names.iter().enumerate().filter(|(i, _)| !selected(*i)).map(|(i, name)| html! {
                        <option value={format!("scenario-{i}")} selected={props.compare == Compare::Scenario(i)}>{ name }</option>
                    }) }
                </select>
                <button type="button" onclick={on_copy_link}>{ "Copy link to this scenario" }</button>
            </div>
            <form class="scenario-row" onsubmit={on_save}>
                <label for="scenario-name">{ "Scenario name" }</label>
                <input type="text" id="scenario-name" ref={name_box} maxlength="80" autocomplete="off" />
                <button type="submit">{ "Save as new scenario" }</button>
                <button type="button" onclick={on_rename} disabled={props.scenario.is_none()}>{ "Rename scenario" }</button>
                <button type="button" onclick={scenario_action(Action::ScenarioDuplicated)} disabled={props.scenario.is_none()}>{ "Duplicate scenario" }</button>
                <button type="button" onclick={scenario_action(Action::ScenarioDeleted)} disabled={props.scenario.is_none()}>{ "Delete scenario" }</button>
            </form>
            if let Some(message) = &*link_status {
                <p class="hint" role="status">{ message }</p>
                <div class="scenario-row">
                    <label for="scenario-link">{ "Link to this scenario" }</label>
                    <input type="text" id="scenario-link" readonly=true value={(*link_text).clone()} />
                </div>
            }
        </section>
    }
}
