//! Presentation mode for ward panels: full screen, large type, high contrast, driven by the
//! keyboard (arrows, space, Esc to leave), walking through the method as the document
//! describes it, then a live what-if.

use super::shared::Shared;
use crate::engine::{
    band_changes, change_line, decision_line, evaluate, format_total, thousands, Evaluation,
};
use crate::model::{BoardDecision, CriterionKind, Matrix, Score, Settings, Weight};
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PresentationProps {
    pub matrix: Shared<Matrix>,
    pub settings: Settings,
    pub decisions: Vec<BoardDecision>,
    pub on_close: Callback<()>,
}

/// The slides, in order.
const SLIDES: usize = 8;

fn slide_criteria(matrix: &Matrix) -> Html {
    html! {
        <>
        <h2>{ "How the priorities are chosen" }</h2>
        <p>{ "Every type of crime and antisocial behaviour is scored against the same criteria:" }</p>
        <ul class="big-list">
            { for matrix.criteria.iter().filter(|c| c.kind == CriterionKind::Scored).map(|c| html! {
                <li><strong>{ &c.name }</strong>{ ": " }{ c.description.split(" - ").nth(1).unwrap_or(&c.description) }</li>
            }) }
        </ul>
        </>
    }
}

fn slide_scale() -> Html {
    html! {
        <>
        <h2>{ "Each criterion is scored 0 to 4" }</h2>
        <ul class="big-list scale">
            { for Score::ALL.into_iter().rev().map(|s| html! { <li><strong>{ s.to_string() }</strong>{ format!(" = {}", s.meaning()) }</li> }) }
        </ul>
        <p>{ "'?' means there was no data. The published matrix counted '?' as 0." }</p>
        </>
    }
}

fn slide_item(props: &PresentationProps, evaluation: &Evaluation, item: usize) -> Html {
    let (Some(row), Some(result)) = (props.matrix.items.get(item), evaluation.items.get(item))
    else {
        return html! {};
    };
    html! {
        <>
        <h2>{ format!("One item scored: {}", row.name) }</h2>
        <table class="big-table">
            <tbody>
            { for props.matrix.criteria.iter().enumerate().map(|(c, criterion)| html! {
                <tr><th scope="row">{ if criterion.kind == CriterionKind::Unattributed { "Unattributed points" } else { criterion.name.as_str() } }</th>
                <td>{ row.score(c).to_string() }</td></tr>
            }) }
            <tr class="big-total"><th scope="row">{ "Total" }</th><td>{ format_total(result.total) }</td></tr>
            </tbody>
        </table>
        <p>{ format!("{} points: {}.", format_total(result.total), result.band) }</p>
        </>
    }
}

fn slide_totals(props: &PresentationProps, evaluation: &Evaluation) -> Html {
    html! {
        <>
        <h2>{ "The scores are added up" }</h2>
        <ol class="big-list columns">
            { for evaluation.ranking.iter().take(12).filter_map(|&i| {
                let (row, result) = (props.matrix.items.get(i)?, evaluation.items.get(i)?);
                Some(html! { <li>{ format!("{}: {}", row.name, format_total(result.total)) }</li> })
            }) }
        </ol>
        </>
    }
}

fn slide_bands(props: &PresentationProps, evaluation: &Evaluation) -> Html {
    let t = props.settings.thresholds;
    let counts = evaluation.counts;
    html! {
        <>
        <h2>{ "Totals are banded" }</h2>
        <ul class="big-list bands">
            <li class="band-line red">{ format!("Red: high priority, {} or more ({} items)", format_total(t.red), thousands(counts.red)) }</li>
            <li class="band-line amber">{ format!("Amber: medium priority, {} to under {} ({} items)", format_total(t.amber), format_total(t.red), thousands(counts.amber)) }</li>
            <li class="band-line green">{ format!("Green: low priority, under {} ({} items)", format_total(t.amber), thousands(counts.green)) }</li>
        </ul>
        </>
    }
}

fn slide_priorities(props: &PresentationProps, evaluation: &Evaluation) -> Html {
    html! {
        <>
        <h2>{ "The resulting priorities: every Red item" }</h2>
        <ol class="big-list columns">
            { for evaluation.ranking.iter().filter_map(|&i| {
                let (row, result) = (props.matrix.items.get(i)?, evaluation.items.get(i)?);
                (result.band == crate::model::Band::Red).then(|| html! { <li>{ format!("{} ({})", row.name, format_total(result.total)) }</li> })
            }) }
        </ol>
        </>
    }
}

fn slide_decisions(props: &PresentationProps) -> Html {
    html! {
        <>
        <h2>{ "The board decides the final priorities" }</h2>
        if props.decisions.is_empty() {
            <p>{ "No board decisions are recorded for this matrix." }</p>
        } else {
            <ul class="big-list">{ for props.decisions.iter().map(|d| html! { <li>{ decision_line(d).trim_start_matches("- ").to_owned() }</li> }) }</ul>
        }
        </>
    }
}

fn slide_what_if(props: &PresentationProps, evaluation: &Evaluation) -> Html {
    let matrix = &props.matrix;
    let concern = matrix.public_concern_column();
    let mut doubled = props.settings.clone();
    if let (Some(slot), Some(two)) = (doubled.weights.get_mut(concern), Weight::new(2.0)) {
        *slot = two;
    }
    let after = evaluate(matrix, &doubled);
    let changes = band_changes(evaluation, &after);
    let name = matrix.criteria.get(concern).map_or("", |c| c.name.as_str());
    html! {
        <>
        <h2>{ format!("What if {} counted double?", name.to_lowercase()) }</h2>
        if changes.is_empty() {
            <p>{ "No item would change band." }</p>
        } else {
            <ul class="big-list">
                { for changes.up.iter().chain(&changes.down).map(|c| html! { <li>{ change_line(matrix, c) }</li> }) }
            </ul>
        }
        <p>{ format!("Red {} → {}, Amber {} → {}, Green {} → {}.", thousands(evaluation.counts.red), thousands(after.counts.red),
            thousands(evaluation.counts.amber), thousands(after.counts.amber),
            thousands(evaluation.counts.green), thousands(after.counts.green)) }</p>
        </>
    }
}

fn slide_method() -> Html {
    html! {
        <>
        <h2>{ "The method in plain words" }</h2>
        <ul class="big-list">
            <li>{ "Police and partner data from April 2006 to September 2007, and residents' surveys for public concern, gave each type a score on each criterion." }</li>
            <li>{ "Where there was no data the score is '?', counted as 0: some totals could be higher once it is known." }</li>
            <li>{ "Some printed scores do not add up to the published totals; the difference is shown as unattributed points." }</li>
            <li>{ "The totals set the bands; the board then decided the final priorities." }</li>
        </ul>
        </>
    }
}

#[function_component(Presentation)]
pub fn presentation(props: &PresentationProps) -> Html {
    let slide = use_state(|| 0usize);
    let root = use_node_ref();
    {
        let (slide, on_close, root) = (slide.clone(), props.on_close.clone(), root.clone());
        use_effect_with((), move |()| {
            if let Some(element) = root.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
                let _ = element.request_fullscreen();
            }
            let document = gloo::utils::document();
            let listener = EventListener::new(&document, "keydown", move |event| {
                let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let now = *slide;
                let next = match key.key().as_str() {
                    "ArrowRight" | "ArrowDown" | " " | "PageDown" => (now + 1).min(SLIDES - 1),
                    "ArrowLeft" | "ArrowUp" | "PageUp" => now.saturating_sub(1),
                    "Home" => 0,
                    "End" => SLIDES - 1,
                    "Escape" => {
                        on_close.emit(());
                        return;
                    }
                    _ => return,
                };
                key.prevent_default();
                slide.set(next);
            });
            move || {
                drop(listener);
                if gloo::utils::document().fullscreen_element().is_some() {
                    gloo::utils::document().exit_fullscreen();
                }
            }
        });
    }
    let evaluation = use_memo((props.matrix.clone(), props.settings.clone()), |(m, s)| {
        evaluate(m, s)
    });
    let evaluation = &*evaluation;
    // The item scored live: the top item, as the method's worked example.
    let example = evaluation.ranking.first().copied().unwrap_or(0);
    let content = match *slide {
        0 => slide_criteria(&props.matrix),
        1 => slide_scale(),
        2 => slide_item(props, evaluation, example),
        3 => slide_totals(props, evaluation),
        4 => slide_bands(props, evaluation),
        5 => slide_priorities(props, evaluation),
        6 => slide_decisions(props),
        _ => html! { <>{ slide_what_if(props, evaluation) }{ slide_method() }</> },
    };
    let close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="presentation" ref={root} tabindex="-1" role="dialog" aria-modal="true" aria-labelledby="presentation-title">
            <p class="presentation-title" id="presentation-title">{ format!("{}: slide {} of {SLIDES}", props.matrix.title, *slide + 1) }</p>
            <div class="slide" aria-live="polite">{ content }</div>
            <p class="presentation-help">{ "→ or space: next · ← : back · Esc: leave" }
                <button type="button" onclick={close}>{ "Leave the presentation" }</button></p>
        </div>
    }
}
