//! The data audit: rows whose printed scores disagree with their published totals, and
//! subtotals that disagree with their rows or were not printed.

use super::shared::{column_heads, Shared};
use crate::engine::{count_of, thousands};
use crate::engine::{Audit, SubtotalLevel};
use crate::model::Matrix;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AuditViewProps {
    pub matrix: Shared<Matrix>,
    pub audit: Shared<Audit>,
}

fn level(level: SubtotalLevel) -> &'static str {
    match level {
        SubtotalLevel::Category => "Category",
        SubtotalLevel::Group => "Group",
    }
}

#[function_component(AuditView)]
pub fn audit_view(props: &AuditViewProps) -> Html {
    let audit = &props.audit;
    let shortfall = audit.total_shortfall();
    let points = if shortfall.unsigned_abs() == 1 {
        "point"
    } else {
        "points"
    };
    let summary = format!(
        "{} of {}: printed scores disagree with the published total ({shortfall} {points} in all).",
        thousands(audit.row_findings.len()),
        count_of(audit.rows_checked, "row", "rows")
    );
    html! {
        <section class="audit" aria-labelledby="audit-heading">
            <h2 id="audit-heading">{ format!("Data audit: {}", props.matrix.title) }</h2>
            <p class="audit-summary">{ summary }</p>
            if props.matrix.has_unattributed() {
                <p>{ "By default the difference is held in the \"Unattributed\" column, so every published total and band is reproduced; the document does not say which criterion it belongs to." }</p>
            }
            if !audit.row_findings.is_empty() {
                <table class="audit-rows">
                    <caption>{ "Rows whose printed scores do not add up to the published total ('?' counted as 0)" }</caption>
                    <thead><tr>
                        { column_heads(&["Item", "Printed scores add up to", "Published total", "Difference"]) }
                    </tr></thead>
                    <tbody>
                    { for audit.row_findings.iter().take(super::LIST_LIMIT).map(|f| html! {
                        <tr><th scope="row">{ &f.item }</th><td>{ f.printed_sum }</td><td>{ f.published_total }</td>
                        <td>{ format!("{:+}", f.difference()) }</td></tr>
                    }) }
                    </tbody>
                </table>
                if audit.row_findings.len() > super::LIST_LIMIT {
                    <p class="hint">{ format!("The first {} of {} rows are shown.", super::LIST_LIMIT, thousands(audit.row_findings.len())) }</p>
                }
            }
            <table class="audit-subtotals">
                <caption>{ "Printed subtotals against the rows beneath them" }</caption>
                <thead><tr>
                    { column_heads(&["Category or group", "Printed subtotal", "Sum of published totals", "Sum of printed scores", "Finding"]) }
                </tr></thead>
                <tbody>
                { for audit.subtotals.iter().take(super::LIST_LIMIT).map(|s| {
                    let finding = match s.published {
                        None => "No subtotal printed".to_owned(),
                        Some(_) if !s.agrees_with_totals() => format!("Disagrees with its rows by {:+}", s.difference().unwrap_or(0)),
                        Some(_) if !s.agrees_with_scores() => "Agrees with the published totals, not with the printed scores".to_owned(),
                        Some(_) => "Agrees".to_owned(),
                    };
                    html! {
                        <tr class={classes!((s.published.is_some() && !s.agrees_with_totals()).then_some("disagrees"))}>
                            <th scope="row">{ format!("{}: {}", level(s.level), s.name) }</th>
                            <td>{ s.published.map_or_else(|| "none".to_owned(), |p| p.to_string()) }</td>
                            <td>{ s.sum_of_totals }</td><td>{ s.sum_of_scores }</td><td>{ finding }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            if audit.subtotals.len() > super::LIST_LIMIT {
                <p class="hint">{ format!("The first {} of {} subtotals are shown.", super::LIST_LIMIT, thousands(audit.subtotals.len())) }</p>
            }
        </section>
    }
}
