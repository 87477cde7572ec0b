//! "What changed": the items whose band differs from the published assessment (or the
//! scenario compared with), grouped by direction, and "Copy for the minutes".

use super::clipboard::copy_text;
use super::shared::{on_toggle, Shared};
use crate::engine::{change_line, changes_summary, thousands, BandChanges};
use crate::model::Matrix;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChangesPanelProps {
    pub matrix: Shared<Matrix>,
    pub changes: Shared<BandChanges>,
    /// "the published assessment" or the compared scenario's name.
    pub compared_with: String,
    /// Builds the minutes text when asked (it is not needed on every render).
    pub minutes: Callback<(), String>,
}

#[function_component(ChangesPanel)]
pub fn changes_panel(props: &ChangesPanelProps) -> Html {
    let copied = use_state(|| None::<String>);
    let shown = use_state(|| false);
    let ontoggle = on_toggle(&shown);
    let on_copy = {
        let (minutes, copied) = (props.minutes.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let text = minutes.emit(());
            let copied = copied.clone();
            copy_text(
                &text,
                Rc::new(move |outcome: Result<(), String>| {
                    copied.set(Some(match outcome {
                        Ok(()) => "Copied: paste it into the minutes.".to_owned(),
                        Err(why) => {
                            format!("Not copied ({why}): select the text below and copy it.")
                        }
                    }));
                }),
            );
        })
    };
    let changes = &props.changes;
    let group = |heading: &str, list: &[crate::engine::BandChange], class: &'static str| {
        if list.is_empty() {
            return html! {};
        }
        html! {
            <>
            <h3 class={classes!("changes-heading", class)}>{ format!("{heading} ({})", thousands(list.len())) }</h3>
            <ul class={classes!("changes-list", class)}>
                { for list.iter().take(super::LIST_LIMIT).map(|c| html! {
                    <li data-item={props.matrix.items.get(c.item).map(|i| i.name.clone())}>
                        <span aria-hidden="true" class="arrow">{ if class == "up" { "▲ " } else { "▼ " } }</span>
                        { change_line(&props.matrix, c) }
                    </li>
                }) }
            </ul>
            if list.len() > super::LIST_LIMIT {
                <p class="hint">{ format!("The first {} of {} are listed; the text for the minutes has them all.", super::LIST_LIMIT, thousands(list.len())) }</p>
            }
            </>
        }
    };
    // The text is built only while it is shown (and when it is copied).
    let minutes_text = if *shown {
        props.minutes.emit(())
    } else {
        String::new()
    };
    html! {
        <section class="changes-panel" aria-labelledby="changes-heading">
            <h2 id="changes-heading">{ "What changed" }</h2>
            <p class="changes-summary" aria-live="polite">
                { format!("{} against {}.", changes_summary(changes), props.compared_with) }
            </p>
            { group("Up a band", &changes.up, "up") }
            { group("Down a band", &changes.down, "down") }
            <button type="button" class="copy-minutes" onclick={on_copy}>{ "Copy for the minutes" }</button>
            if let Some(message) = &*copied {
                <p class="hint" role="status">{ message }</p>
            }
            <details class="minutes-text" {ontoggle}>
                <summary>{ "Show the text for the minutes" }</summary>
                <label for="minutes-text">{ "Text for the minutes" }</label>
                if *shown {
                    <textarea id="minutes-text" readonly=true rows="8" value={minutes_text} />
                }
            </details>
        </section>
    }
}
