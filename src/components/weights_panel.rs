//! The what-if panel: a slider and number box per criterion weight, scale keeping,
//! the thresholds, the unknown-score policy and "Reset to published".

use super::shared::Shared;
use crate::engine::format_total;
use crate::model::{Matrix, Settings, UnknownPolicy, Weight};
use crate::state::Action;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WeightsPanelProps {
    pub matrix: Shared<Matrix>,
    pub settings: Settings,
    pub multipliers: Rc<Vec<f64>>,
    pub max_total: f64,
    pub changed: bool,
    pub on_action: Callback<Action>,
}

fn weight_row(
    index: usize,
    name: &str,
    weight: Weight,
    multiplier: f64,
    on_action: &Callback<Action>,
) -> Html {
    let id = format!("weight-{index}");
    let emit = {
        let on_action = on_action.clone();
        move |text: String| {
            if let Ok(value) = text.trim().parse::<f64>() {
                on_action.emit(Action::WeightChanged {
                    criterion: index,
                    weight: Weight::clamped(value),
                });
            }
        }
    };
    let on_slide = {
        let emit = emit.clone();
        Callback::from(move |e: InputEvent| {
            emit(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let value = format!("{}", weight.get());
    let on_type = {
        let shown = value.clone();
        Callback::from(move |e: Event| {
            // The box always ends up showing the weight in force: a value out of range is
            // shown clamped, and an empty or unreadable one goes back to the current weight.
            let input = e.target_unchecked_into::<HtmlInputElement>();
            match input.value().trim().parse::<f64>() {
                Ok(typed) => {
                    input.set_value(&Weight::clamped(typed).get().to_string());
                    emit(input.value());
                }
                Err(_) => input.set_value(&shown),
            }
        })
    };
    html! {
        <div class="weight-row">
            <label for={id.clone()}>{ format!("{name} weight") }</label>
            <div class="weight-inputs">
                <input type="range" id={id} min="0" max={Weight::MAX.to_string()} step="0.1"
                    value={value.clone()} oninput={on_slide} />
                <input type="number" class="weight-number" min="0" max={Weight::MAX.to_string()} step="0.1"
                    aria-label={format!("{name} weight, exact value")} value={value} onchange={on_type} />
            </div>
            <span class="multiplier">{ format!("counts × {}", format_total(multiplier)) }</span>
        </div>
    }
}

fn thresholds(settings: &Settings, on_action: &Callback<Action>) -> Html {
    let field = |id: &str, label: &str, value: f64, make: fn(f64) -> Action| {
        let on_action = on_action.clone();
        let shown = format_total(value);
        let onchange = Callback::from(move |e: Event| {
            // A threshold must be a number of 0 or more; anything else puts the box back.
            let input = e.target_unchecked_into::<HtmlInputElement>();
            match input.value().trim().parse::<f64>() {
                Ok(v) if v.is_finite() && v >= 0.0 => on_action.emit(make(v)),
                _ => input.set_value(&shown),
            }
        });
        html! {
            <div class="threshold-row">
                <label for={id.to_owned()}>{ label }</label>
                <input type="number" id={id.to_owned()} min="0" step="0.5" value={format_total(value)} {onchange} />
            </div>
        }
    };
    html! {
        <fieldset class="thresholds">
            <legend>{ "Band thresholds" }</legend>
            { field("threshold-amber", "Amber threshold (lowest Amber total)", settings.thresholds.amber, Action::AmberThresholdChanged) }
            { field("threshold-red", "Red threshold (lowest Red total)", settings.thresholds.red, Action::RedThresholdChanged) }
            <p class="hint">{ format!(
                "Green below {a}, Amber from {a}, Red from {r}: a total of exactly {r} is Red.",
                a = format_total(settings.thresholds.amber), r = format_total(settings.thresholds.red)) }</p>
        </fieldset>
    }
}

fn unknown_policy(settings: &Settings, on_action: &Callback<Action>) -> Html {
    html! {
        <fieldset class="policy">
            <legend>{ "Unknown scores ('?')" }</legend>
            { for UnknownPolicy::ALL.into_iter().map(|policy| {
                let on_action = on_action.clone();
                let onchange = Callback::from(move |_: Event| on_action.emit(Action::UnknownPolicyChanged(policy)));
                let id = format!("policy-{}", policy.token());
                html! {
                    <div class="policy-row">
                        <input type="radio" name="unknown-policy" id={id.clone()} value={policy.token()}
                            checked={settings.unknown_policy == policy} {onchange} />
                        <label for={id}>{ policy.describe() }</label>
                    </div>
                }
            }) }
        </fieldset>
    }
}

#[function_component(WeightsPanel)]
pub fn weights_panel(props: &WeightsPanelProps) -> Html {
    let settings = &props.settings;
    let on_keep = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            on_action.emit(Action::KeepScaleToggled(
                e.target_unchecked_into::<HtmlInputElement>().checked(),
            ));
        })
    };
    let on_reset = props
        .on_action
        .reform(|_: MouseEvent| Action::ResetToPublished);
    let max_total = props.max_total;
    html! {
        <aside class="weights-panel" aria-labelledby="weights-heading">
            <h2 id="weights-heading">{ "What if?" }</h2>
            <p class="status" aria-live="polite">{
                if props.changed { "Showing your changes, not the published matrix." } else { "Showing the published matrix." }
            }</p>
            <button type="button" class="reset" onclick={on_reset} disabled={!props.changed}>{ "Reset to published" }</button>
            <fieldset class="weights">
                <legend>{ "Criterion weights" }</legend>
                { for props.matrix.criteria.iter().enumerate().map(|(i, c)| {
                    weight_row(i, &c.name, settings.weight(i), props.multipliers.get(i).copied().unwrap_or(0.0), &props.on_action)
                }) }
                <div class="keep-scale">
                    <input type="checkbox" id="keep-scale" checked={settings.keep_scale} onchange={on_keep} />
                    <label for="keep-scale">{ "Keep the 0-24 scale" }</label>
                </div>
                <p class="hint">{
                    if max_total <= 0.0 {
                        "Every weight is 0, so every total is 0 and every item is Green.".to_owned()
                    } else if settings.keep_scale {
                        format!("Weights are scaled so they average 1: totals stay on the published scale (highest possible {}) and the thresholds keep their meaning.", format_total(max_total))
                    } else {
                        format!("Scores are multiplied by the weights as set (highest possible total {}).", format_total(max_total))
                    }
                }</p>
            </fieldset>
            { thresholds(settings, &props.on_action) }
            { unknown_policy(settings, &props.on_action) }
        </aside>
    }
}
