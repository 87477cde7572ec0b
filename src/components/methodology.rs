//! The methodology panel: the seed's criteria definitions, the scale and the thresholds.

use super::shared::Shared;
use crate::engine::format_total;
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
            <p>{ format!("Now in use: {}; Amber from {}, Red from {}.",
                props.settings.unknown_policy.describe(), format_total(props.settings.thresholds.amber), format_total(props.settings.thresholds.red)) }</p>
            <p class="source">{ format!("Source: {}. The matrix was adapted from that used by the Safer Islington Partnership.", props.matrix.source) }</p>
        </section>
    }
}
