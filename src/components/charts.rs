//! Charts as SVG in the page, each with a text alternative: how many items are Red, Amber
//! and Green as one weight goes from 0 to its largest, and a heatmap of the scores.

use super::shared::{column_heads, on_toggle, Shared};
use crate::chart::{count_columns, score_shade, x_of};
use crate::engine::{band_count_steps, format_total, red_set_interval, Evaluation};
use crate::model::{Matrix, Score, Settings, Weight};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartsProps {
    pub matrix: Shared<Matrix>,
    pub evaluation: Shared<Evaluation>,
    pub settings: Settings,
    /// Makes the charts' ids unique when several are on one page ("" on screen).
    #[prop_or_default]
    pub id_prefix: AttrValue,
}

const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 180.0;
/// The heatmap is drawn for matrices up to this many items.
const HEATMAP_ITEMS: usize = 200;

/// The band counts as column `column`'s weight moves, with its table.
pub fn counts_chart(props: &ChartsProps, column: usize) -> Html {
    let steps = band_count_steps(&props.matrix, &props.settings, column);
    let items = props.matrix.items.len();
    let columns = count_columns(&steps, Weight::MAX, items, WIDTH, HEIGHT);
    let now = x_of(props.settings.weight(column).get(), Weight::MAX, WIDTH);
    let name = props.matrix.criterion_name(column);
    let (from, to) = red_set_interval(&props.matrix, &props.settings, column);
    let id = |name: &str| format!("{}{name}", props.id_prefix);
    let description = steps
        .iter()
        .map(|s| {
            format!(
                "weights {} to {}: Red {}, Amber {}, Green {}",
                format_total(s.from),
                format_total(s.to),
                s.counts.red,
                s.counts.amber,
                s.counts.green
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    html! {
        <figure class="counts-chart">
            <svg viewBox={format!("-4 -4 {} {}", WIDTH + 8.0, HEIGHT + 30.0)} role="img" aria-labelledby={format!("{} {}", id("counts-title"), id("counts-desc"))}>
                <title id={id("counts-title")}>{ format!("Red, Amber and Green items as the {name} weight goes from 0 to {}", Weight::MAX) }</title>
                <desc id={id("counts-desc")}>{ description }</desc>
                <defs>
                    <pattern id={id("red-hatch")} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                        <rect width="6" height="6" class="red-fill" />
                        <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2" />
                    </pattern>
                </defs>
                { for columns.iter().map(|c| html! {
                    <g>
                        <rect class="count green-fill" x={c.green.x.to_string()} y={c.green.y.to_string()} width={c.green.width.to_string()} height={c.green.height.to_string()} />
                        <rect class="count amber-fill" x={c.amber.x.to_string()} y={c.amber.y.to_string()} width={c.amber.width.to_string()} height={c.amber.height.to_string()} />
                        <rect class="count" fill={format!("url(#{})", id("red-hatch"))} x={c.red.x.to_string()} y={c.red.y.to_string()} width={c.red.width.to_string()} height={c.red.height.to_string()} />
                    </g>
                }) }
                { for steps.iter().skip(1).map(|s| {
                    let x = x_of(s.from, Weight::MAX, WIDTH);
                    html! { <line class="flip-tick" x1={x.to_string()} x2={x.to_string()} y1={HEIGHT.to_string()} y2={(HEIGHT + 8.0).to_string()} /> }
                }) }
                <line class="current-weight" x1={now.to_string()} x2={now.to_string()} y1="0" y2={HEIGHT.to_string()} />
                <text class="axis" x="0" y={(HEIGHT + 22.0).to_string()}>{ "0" }</text>
                <text class="axis" x={WIDTH.to_string()} y={(HEIGHT + 22.0).to_string()} text-anchor="end">{ format!("weight {}", Weight::MAX) }</text>
                <text class="axis" x={now.to_string()} y={(HEIGHT + 22.0).to_string()} text-anchor="middle">{ format!("now {}", format_total(props.settings.weight(column).get())) }</text>
            </svg>
            <figcaption>{ "Bottom to top: Green (plain), Amber (shaded), Red (hatched). The upright line is the weight now; ticks mark where an item changes band." }</figcaption>
            <p class="red-set">{ format!("The same items stay Red for {name} weights from {} to {}; outside that range the Red list changes.", format_total(from), format_total(to)) }</p>
            <table class="chart-table">
                <caption>{ format!("The same as a table: items in each band for {name} weights", ) }</caption>
                <thead><tr>{ column_heads(&["Weights", "Red", "Amber", "Green"]) }</tr></thead>
                <tbody>{ for steps.iter().map(|s| html! {
                    <tr><th scope="row">{ format!("{} to {}", format_total(s.from), format_total(s.to)) }</th>
                    <td>{ s.counts.red }</td><td>{ s.counts.amber }</td><td>{ s.counts.green }</td></tr>
                }) }</tbody>
            </table>
        </figure>
    }
}

/// The heatmap of the scores (for matrices small enough to read one).
pub fn heatmap(props: &ChartsProps) -> Html {
    if props.matrix.items.len() > HEATMAP_ITEMS {
        return html! {};
    }
    let matrix = &props.matrix;
    let id = |name: &str| format!("{}{name}", props.id_prefix);
    let (cell_w, cell_h, label_w, band_w) = (44.0, 18.0, 260.0, 70.0);
    let columns = matrix.criteria.len() as f64;
    let rows = matrix.items.len().min(HEATMAP_ITEMS);
    let width = label_w + columns * cell_w + band_w;
    let height = rows as f64 * cell_h + 24.0;
    html! {
        <figure class="heatmap">
            <svg viewBox={format!("0 0 {width} {height}")} role="img" aria-labelledby={format!("{} {}", id("heat-title"), id("heat-desc"))}>
                <title id={id("heat-title")}>{ format!("Heatmap of the {}: items by criteria, darker for higher scores, band at the end of each row", matrix.title) }</title>
                <desc id={id("heat-desc")}>{ "The matrix table above holds the same scores and bands as text." }</desc>
                <pattern id={id("unknown-hatch")} patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">
                    <rect width="5" height="5" fill="#ffffff" />
                    <line x1="0" y1="0" x2="0" y2="5" stroke="#888888" stroke-width="1.5" />
                </pattern>
                { for matrix.criteria.iter().enumerate().map(|(c, criterion)| html! {
                    <text class="heat-head" x={(label_w + c as f64 * cell_w + cell_w / 2.0).to_string()} y="14" text-anchor="middle">
                        { criterion.name.chars().take(6).collect::<String>() }
                    </text>
                }) }
                { for matrix.items.iter().take(rows).enumerate().map(|(r, item)| {
                    let y = 20.0 + r as f64 * cell_h;
                    let band = props.evaluation.items.get(r).map(|i| i.band);
                    html! {
                        <g>
                            <text class="heat-label" x={(label_w - 6.0).to_string()} y={(y + cell_h - 5.0).to_string()} text-anchor="end">{ &item.name }</text>
                            { for item.scores.iter().enumerate().map(|(c, s)| {
                                let fill = match s { Score::Known(v) => score_shade(*v), Score::Unknown => "" };
                                let fill = if fill.is_empty() { format!("url(#{})", id("unknown-hatch")) } else { fill.to_owned() };
                                html! { <rect x={(label_w + c as f64 * cell_w).to_string()} y={y.to_string()} width={cell_w.to_string()} height={cell_h.to_string()} {fill} class="heat-cell" /> }
                            }) }
                            <text class={classes!("heat-band", band.map(crate::model::Band::css))} x={(label_w + columns * cell_w + 6.0).to_string()} y={(y + cell_h - 5.0).to_string()}>
                                { band.map_or("", |b| b.name()) }
                            </text>
                        </g>
                    }
                }) }
            </svg>
            <figcaption>{ "Scores shaded from 0 (lightest) to 4 (darkest); hatched cells are '?'." }</figcaption>
        </figure>
    }
}

#[function_component(Charts)]
pub fn charts(props: &ChartsProps) -> Html {
    let column = use_state(|| 0usize);
    let open = use_state(|| false);
    let on_pick = {
        let column = column.clone();
        Callback::from(move |e: Event| {
            if let Ok(c) = e
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse()
            {
                column.set(c);
            }
        })
    };
    let ontoggle = on_toggle(&open);
    let chosen = (*column).min(props.matrix.criteria.len().saturating_sub(1));
    html! {
        <section class="charts" aria-labelledby="charts-heading">
            <details {ontoggle}>
                <summary><h2 id="charts-heading">{ "Charts: how the bands depend on one weight, and the scores at a glance" }</h2></summary>
                if *open {
                    <label for="chart-criterion">{ "Weight to vary" }</label>
                    <select id="chart-criterion" onchange={on_pick}>
                        { for props.matrix.criteria.iter().enumerate().map(|(i, c)| html! {
                            <option value={i.to_string()} selected={i == chosen}>{ &c.name }</option>
                        }) }
                    </select>
                    { counts_chart(props, chosen) }
                    { heatmap(props) }
                }
            </details>
        </section>
    }
}
