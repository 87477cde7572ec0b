//! The what-if panel: a slider and number box per criterion weight, scale keeping,
//! the thresholds, the unknown-score policy and "Reset to published".

use super::shared::Shared;
use crate::engine::{format_total, times, weighting_sentence};
use crate::model::{Criterion, CriterionKind, Matrix, Settings, UnknownPolicy, Weight};
use crate::state::Action;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WeightsPanelProps {
    pub matrix: Shared<Matrix>,
    pub settings: Settings,
    pub multipliers: Rc<Vec<f64>>,
    pub unattributed_max: f64,
    pub scored_max: f64,
    pub changed: bool,
    pub on_action: Callback<Action>,
}

fn weight_row(
    index: usize,
    criterion: &Criterion,
    weight: Weight,
    multiplier: f64,
    on_action: &Callback<Action>,
) -> Html {
    let id = format!("weight-{index}");
    let name = match criterion.kind {
        CriterionKind::Scored => criterion.name.clone(),
        CriterionKind::Unattributed => "Unattributed points".to_owned(),
    };
    let emit = {
        let on_action = on_action.clone();
        move |weight: Weight| {
            on_action.emit(Action::WeightChanged {
                criterion: index,
                weight,
            });
        }
    };
    let on_slide = {
        let emit = emit.clone();
        Callback::from(move |e: InputEvent| {
            if let Ok(value) = e
                .target_unchecked_into::<HtmlInputElement>()
                .value()
                .parse::<f64>()
            {
                emit(Weight::clamped(value));
            }
        })
    };
    let value = format!("{}", weight.get());
    // Every keystroke that leaves a valid weight in the box applies it at once; anything
    // else (empty, "1.", 7) applies nothing, and leaving the box shows the weight in force.
    let on_type = {
        let emit = emit.clone();
        Callback::from(move |e: InputEvent| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(weight) = typed_weight(&input.value()) {
                emit(weight);
            }
        })
    };
    let on_leave = {
        let shown = value.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            match typed_weight(&input.value()) {
                Some(weight) => emit(weight),
                None => input.set_value(&shown),
            }
        })
    };
    let unattributed_note = (criterion.kind == CriterionKind::Unattributed).then(|| html! {
        <span class="hint">{ "Not a criterion: the published total minus the printed scores. It keeps its own weight and is never rescaled." }</span>
    });
    html! {
        <div class={classes!("weight-row", (criterion.kind == CriterionKind::Unattributed).then_some("unattributed"))}>
            <label for={id.clone()}>{ format!("{name} weight") }</label>
            <div class="weight-inputs">
                <input type="range" id={id} min="0" max={Weight::MAX.to_string()} step="0.1"
                    value={value.clone()} oninput={on_slide} />
                <input type="number" class="weight-number" min="0" max={Weight::MAX.to_string()} step="any"
                    aria-label={format!("{name} weight, exact value")} value={value} oninput={on_type} onchange={on_leave} />
            </div>
            <span class="multiplier">{ format!("counts {}", times(multiplier)) }</span>
            { for unattributed_note }
        </div>
    }
}

/// A weight typed in a box, if it is a number from 0 to the largest weight.
fn typed_weight(text: &str) -> Option<Weight> {
    text.trim().parse::<f64>().ok().and_then(Weight::new)
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

/// What the highest possible total is under the weights in force, in words.
fn scale_hint(props: &WeightsPanelProps) -> String {
    let matrix = &props.matrix;
    let scored_max = format_total(props.scored_max);
    let extra = props.unattributed_max;
    let unattributed = if matrix.has_unattributed() && extra > 0.0 {
        format!(", plus up to {} unattributed points", format_total(extra))
    } else {
        String::new()
    };
    if props.scored_max <= 0.0 {
        return format!(
            "Every criterion weight is 0, so the criteria add nothing to any total{unattributed}."
        );
    }
    let how = if props.settings.rescale {
        "Weights are rescaled so the criteria's multipliers average 1"
    } else {
        "Each score is multiplied by its criterion's weight"
    };
    format!(
        "{how}: the highest possible total is {scored_max} ({} criteria × 4 as published gives {}){unattributed}. The thresholds stay where they are.",
        matrix.scored_criteria(),
        matrix.scale_top()
    )
}

#[function_component(WeightsPanel)]
pub fn weights_panel(props: &WeightsPanelProps) -> Html {
    let settings = &props.settings;
    let on_rescale = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            on_action.emit(Action::RescaleToggled(
                e.target_unchecked_into::<HtmlInputElement>().checked(),
            ));
        })
    };
    let on_reset = props
        .on_action
        .reform(|_: MouseEvent| Action::ResetToPublished);
    let sentence = weighting_sentence(&props.matrix, settings);
    html! {
        <aside class="weights-panel" aria-labelledby="weights-heading">
            <h2 id="weights-heading">{ "What if?" }</h2>
            <p class="status" aria-live="polite">{
                if props.changed { "Showing your changes, not the published matrix." } else { "Showing the published matrix." }
            }</p>
            <p class="weighting" id="weighting-sentence"><span class="weighting-label">{ "In force: " }</span>{ sentence }</p>
            <button type="button" class="reset" onclick={on_reset} disabled={!props.changed}>{ "Reset to published" }</button>
            <fieldset class="weights">
                <legend>{ "Criterion weights" }</legend>
                { for props.matrix.criteria.iter().enumerate().map(|(i, c)| {
                    weight_row(i, c, settings.weight(i), props.multipliers.get(i).copied().unwrap_or(0.0), &props.on_action)
                }) }
                <div class="rescale">
                    <input type="checkbox" id="rescale" checked={settings.rescale} onchange={on_rescale} />
                    <label for="rescale">{ format!("Rescale weights so totals stay on the 0-{} scale", props.matrix.scale_top()) }</label>
                </div>
                <p class="hint">{ scale_hint(props) }</p>
            </fieldset>
            { thresholds(settings, &props.on_action) }
            { unknown_policy(settings, &props.on_action) }
        </aside>
    }
}
