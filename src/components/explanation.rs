//! "Why is this Red?": the selected item's total as a stacked bar against the Amber and Red
//! thresholds, each criterion's part in a table, its margin, flip points and flip scores,
//! and the sentence that says it.

use super::matrix_table::band_chip;
use super::shared::{column_heads, Shared};
use crate::chart::{stacked_bar, x_of};
use crate::engine::{explain, format_total, Evaluation, Explanation, FlipPoints};
use crate::model::{Matrix, Settings, Weight};
use crate::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExplanationProps {
    pub matrix: Shared<Matrix>,
    pub evaluation: Shared<Evaluation>,
    pub settings: Settings,
    pub item: usize,
    pub on_action: Callback<Action>,
}

const WIDTH: f64 = 640.0;
const BAR: f64 = 36.0;

fn bar(props: &ExplanationProps, explanation: &Explanation) -> Html {
    let t = props.settings.thresholds;
    let max = [explanation.total, t.red * 1.25, 1.0]
        .into_iter()
        .fold(0.0, f64::max);
    let segments = stacked_bar(&explanation.contributions, max, WIDTH, BAR);
    let line = |value: f64, label: String, class: &'static str| {
        let x = x_of(value, max, WIDTH);
        html! {
            <g class={classes!("threshold", class)}>
                <line x1={x.to_string()} x2={x.to_string()} y1="0" y2={(BAR + 14.0).to_string()} />
                <text x={x.to_string()} y={(BAR + 28.0).to_string()} text-anchor="middle">{ label }</text>
            </g>
        }
    };
    html! {
        <svg class="stacked-bar" viewBox={format!("0 0 {WIDTH} {}", BAR + 34.0)} role="img" aria-labelledby="why-bar-title why-bar-desc">
            <title id="why-bar-title">{ format!("{}: each criterion's points, against the thresholds", props.matrix.items.get(explanation.item).map_or("", |i| i.name.as_str())) }</title>
            <desc id="why-bar-desc">{ &explanation.sentence }</desc>
            <defs>
                <pattern id="hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                    <rect width="6" height="6" fill="#ffffff" />
                    <line x1="0" y1="0" x2="0" y2="6" stroke="#555555" stroke-width="3" />
                </pattern>
            </defs>
            <rect class="bar-track" x="0" y="0" width={WIDTH.to_string()} height={BAR.to_string()} />
            { for segments.iter().enumerate().map(|(i, s)| html! {
                <g class={classes!("segment", format!("seg-{}", i % 6), s.unattributed.then_some("unattributed"))}>
                    <rect x={s.rect.x.to_string()} y="0" width={s.rect.width.to_string()} height={BAR.to_string()}
                        fill={if s.unattributed { Some("url(#hatch)") } else { None }} />
                    if s.rect.width > 28.0 {
                        <text class="segment-label" x={(s.rect.x + s.rect.width / 2.0).to_string()} y={(BAR / 2.0 + 5.0).to_string()} text-anchor="middle">
                            { initials(props.matrix.criterion_name(s.criterion), s.rect.width) }
                        </text>
                    }
                    <title>{ format!("{}: {} points", props.matrix.criterion_name(s.criterion), format_total(explanation.contributions.get(s.criterion).map_or(0.0, |c| c.points))) }</title>
                </g>
            }) }
            { line(t.amber, format!("Amber {}", format_total(t.amber)), "amber") }
            { line(t.red, format!("Red {}", format_total(t.red)), "red") }
        </svg>
    }
}

/// A label that fits a segment: the criterion's name, or its initials when the segment is narrow.
fn initials(name: &str, width: f64) -> String {
    if name.len() as f64 * 7.5 < width {
        return name.to_owned();
    }
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_uppercase()
}

fn flip_row(props: &ExplanationProps, points: &FlipPoints) -> Html {
    let name = props.matrix.criterion_name(points.criterion);
    let now = props.settings.weight(points.criterion).get();
    let up = points.above.map_or_else(
        || format!("never up to {}", Weight::MAX),
        |(w, band)| format!("at {} it becomes {band}", format_total(w)),
    );
    let down = points.below.map_or_else(
        || "never down to 0".to_owned(),
        |(w, _)| {
            format!(
                "below {} it becomes {}",
                format_total(w),
                points.band_at(w - 1e-6)
            )
        },
    );
    html! {
        <tr>
            <th scope="row">{ name }</th>
            <td>{ format_total(now) }</td>
            <td>{ format!("{} to {}", format_total(points.keeps_band.0), format_total(points.keeps_band.1)) }</td>
            <td>{ up }</td>
            <td>{ down }</td>
        </tr>
    }
}

#[function_component(ExplanationPanel)]
pub fn explanation_panel(props: &ExplanationProps) -> Html {
    let explanation = use_memo(
        (
            props.matrix.clone(),
            props.evaluation.clone(),
            props.settings.clone(),
            props.item,
        ),
        |(m, e, s, item)| explain(m, s, e, *item),
    );
    let Some(explanation) = explanation.as_ref() else {
        return html! {};
    };
    let Some(item) = props.matrix.items.get(props.item) else {
        return html! {};
    };
    let close = props
        .on_action
        .reform(|_: MouseEvent| Action::ItemSelected(None));
    html! {
        <section class="explanation" aria-labelledby="why-heading">
            <div class="explanation-head">
                <h2 id="why-heading" tabindex="-1">{ format!("Why is {} {}?", item.name, explanation.band) }</h2>
                <button type="button" onclick={close}>{ "Close the explanation" }</button>
            </div>
            <p class="why-sentence">{ &explanation.sentence }</p>
            <p>{ "Total " }<strong>{ format_total(explanation.total) }</strong>{ " " }{ band_chip(explanation.band) }{ format!(" — {}.", explanation.margin.describe()) }</p>
            { bar(props, explanation) }
            <table class="why-parts">
                <caption>{ "Each column's part of the total" }</caption>
                <thead><tr>{ column_heads(&["Criterion", "Score", "Counts as", "Multiplier", "Points"]) }</tr></thead>
                <tbody>
                { for explanation.contributions.iter().map(|c| html! {
                    <tr class={classes!(c.unattributed.then_some("unattributed"))}>
                        <th scope="row">{ if c.unattributed { "Unattributed points (not a criterion)".to_owned() } else { props.matrix.criterion_name(c.criterion).to_owned() } }</th>
                        <td>{ c.score.to_string() }</td><td>{ format_total(c.value) }</td>
                        <td>{ format!("×{}", format_total(c.multiplier)) }</td><td>{ format_total(c.points) }</td>
                    </tr>
                }) }
                </tbody>
            </table>
            <table class="why-flips">
                <caption>{ "How far each weight can move before the band changes (the others as they are)" }</caption>
                <thead><tr>{ column_heads(&["Weight of", "Now", "Band holds for weights", "Going up", "Going down"]) }</tr></thead>
                <tbody>{ for explanation.flip_points.iter().map(|p| flip_row(props, p)) }</tbody>
            </table>
            <h3>{ "One score change" }</h3>
            if explanation.score_flips.is_empty() {
                <p>{ "No single score change of 1 (or '?' filled in) moves it: it is robust." }</p>
            } else {
                <ul class="why-score-flips">
                    { for explanation.score_flips.iter().map(|f| html! {
                        <li>{ format!("{} {} → {} makes it {}", props.matrix.criterion_name(f.criterion), f.from, f.to, f.band) }</li>
                    }) }
                </ul>
            }
        </section>
    }
}
