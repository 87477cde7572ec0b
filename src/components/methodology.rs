//! The methodology panel: the seed's criteria definitions, the scale and the thresholds.

use super::shared::Shared;
use crate::engine::weighting_sentence;
use crate::model::{Matrix, Score, Settings};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MethodologyProps {
    pub matrix: Shared<Matrix>,
    pub settings: Settings,
}

#[function_component(Methodology)]
pub fn methodology(props: &MethodologyProps) -> Html {
    html! {
        <section class="methodology" aria-labelledby="method-heading">
            <h2 id="method-heading">{ "Methodology" }</h2>
            <MethodText matrix={props.matrix.clone()} />
            <p>{ format!("Now in use: {}", weighting_sentence(&props.matrix, &props.settings)) }</p>
            <p class="source">{ format!("Source: {}. The matrix was adapted from that used by the Safer Islington Partnership.", props.matrix.source) }</p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct MethodTextProps {
    matrix: Shared<Matrix>,
}

/// What the document says of its method, which no weight or score changes.
#[function_component(MethodText)]
fn method_text(props: &MethodTextProps) -> Html {
    html! {
        <>
            <p>{ "Each crime and antisocial behaviour type is scored against common criteria. The document defines them as:" }</p>
            <dl class="criteria">
                { for props.matrix.criteria.iter().map(|c| html! {
                    <><dt>{ &c.name }</dt><dd>{ &c.description }</dd></>
                }) }
            </dl>
            <h3>{ "The scale" }</h3>
            <ul class="scale">
                { for Score::ALL.into_iter().rev().map(|s| html! { <li>{ format!("{s} = {}", s.meaning()) }</li> }) }
            </ul>
            <h3>{ "Bands" }</h3>
            <blockquote>
                <p>{ "The total scores for each crime/ASB type were added up and assigned a colour-code to determine their priority:" }</p>
                <ul>
                    <li>{ "Green = Low priority (total score: 0-5)" }</li>
                    <li>{ "Amber = Medium priority (total score: 6-10)" }</li>
                    <li>{ "Red = High priority (total score: 11+)" }</li>
                </ul>
            </blockquote>
            <h3>{ "Weights" }</h3>
            <p>{ "The document adds the scores with every criterion counting once. Here a weight is a plain multiplier: a weight of 2 counts that criterion's scores twice and leaves every other criterion as it is, and the thresholds stay where they are, so a total can pass the published top of the scale." }</p>
            <p>{ format!(
                "\"{}\" divides the criteria's weights by their mean instead, so the multipliers average 1 and no total can pass {}; a heavier criterion then makes every other criterion count for less. Only the {} scored criteria enter that mean.",
                format!("Rescale weights so totals stay on the 0-{} scale", props.matrix.scale_top()),
                props.matrix.scale_top(),
                props.matrix.scored_criteria()) }</p>
            if props.matrix.has_unattributed() {
                <p>{ "Where a row's printed scores add up to less than its published total, the difference is kept as \"unattributed\" points so the published totals are reproduced. They are not a criterion: they keep their own weight (1 unless you change it) and are never rescaled." }</p>
            }
        </>
    }
}
