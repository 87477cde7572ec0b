//! The weighting in force as one sentence for the panel and the minutes, e.g. "Public concern
//! counts ×2, every other criterion ×1; thresholds Amber 6, Red 11; '?' counts as 0."

use super::scoring::{effective_multipliers, format_total};
use crate::model::{CriterionKind, Matrix, Settings, UnknownPolicy};

/// A multiplier as written in the app: "×2", "×0.857".
pub fn times(multiplier: f64) -> String {
    format!("×{}", format_total(multiplier))
}

/// The policy for '?' as a clause of the weighting sentence.
fn policy_clause(policy: UnknownPolicy) -> &'static str {
    match policy {
        UnknownPolicy::Zero => "'?' counts as 0",
        UnknownPolicy::ItemMean => "'?' counts as the mean of the item's known scores",
        UnknownPolicy::WorstCase => "'?' counts as 4",
    }
}

/// One scored criterion: its name, its weight and the multiplier in force.
struct Term<'m> {
    name: &'m str,
    weight: f64,
    multiplier: f64,
}

/// "×0.857 (weight 1)" when rescaled, "×2" otherwise.
fn figure(term: &Term, rescaled: bool) -> String {
    if rescaled {
        format!(
            "{} (weight {})",
            times(term.multiplier),
            format_total(term.weight)
        )
    } else {
        times(term.multiplier)
    }
}

/// The multiplier as written, shared by the most criteria (ties go to the one listed
/// first), and how many share it. Criteria are grouped by the figure a reader sees.
fn most_common(terms: &[Term]) -> Option<(String, usize)> {
    let mut best: Option<(String, usize)> = None;
    for term in terms {
        let key = times(term.multiplier);
        let count = terms.iter().filter(|t| times(t.multiplier) == key).count();
        if best.as_ref().is_none_or(|(_, n)| count > *n) {
            best = Some((key, count));
        }
    }
    best
}

/// The criteria clause: "Every criterion counts ×1 (as published)", "Public concern counts
/// ×2, every other criterion ×1" or, with nothing in common, each criterion in turn.
fn criteria_clause(terms: &[Term], rescaled: bool) -> String {
    let Some((common, shared_by)) = most_common(terms) else {
        return "There are no scored criteria".to_owned();
    };
    if shared_by == terms.len() {
        let as_published = if !rescaled && common == "×1" {
            " (as published)"
        } else {
            ""
        };
        return match terms.first() {
            Some(first) if rescaled => {
                format!("Every criterion counts {}", figure(first, true))
            }
            _ => format!("Every criterion counts {common}{as_published}"),
        };
    }
    let mut parts: Vec<String> = Vec::new();
    let mut others: Option<&Term> = None;
    for term in terms {
        if shared_by > 1 && times(term.multiplier) == common {
            others.get_or_insert(term);
            continue;
        }
        let figure = figure(term, rescaled);
        if parts.is_empty() {
            parts.push(format!("{} counts {figure}", term.name));
        } else {
            parts.push(format!("{} {figure}", term.name));
        }
    }
    if let Some(term) = others {
        parts.push(format!("every other criterion {}", figure(term, rescaled)));
    }
    parts.join(", ")
}

/// The weighting in force in one sentence that can be pasted into minutes: which criterion
/// counts how much, whether the weights are rescaled, the unattributed points when their
/// weight is not 1, the thresholds and how '?' counts.
pub fn weighting_sentence(matrix: &Matrix, settings: &Settings) -> String {
    let multipliers = effective_multipliers(settings, &matrix.criteria);
    let mut terms = Vec::new();
    let mut unattributed: Option<f64> = None;
    for (index, criterion) in matrix.criteria.iter().enumerate() {
        let multiplier = multipliers.get(index).copied().unwrap_or(0.0);
        match criterion.kind {
            CriterionKind::Scored => terms.push(Term {
                name: &criterion.name,
                weight: settings.weight(index).get(),
                multiplier,
            }),
            CriterionKind::Unattributed => unattributed = Some(multiplier),
        }
    }
    let all_zero = terms.iter().all(|t| t.weight == 0.0);
    let mut clauses = Vec::new();
    if settings.rescale && all_zero {
        clauses.push("Every criterion weight is 0, so the criteria add nothing".to_owned());
    } else if settings.rescale {
        clauses.push(format!(
            "Weights rescaled to keep the 0-{} scale: {}",
            matrix.scale_top(),
            lowercase_first(&criteria_clause(&terms, true))
        ));
    } else {
        clauses.push(criteria_clause(&terms, false));
    }
    if let Some(m) = unattributed.filter(|m| times(*m) != "×1") {
        clauses.push(format!("unattributed points count {}", times(m)));
    }
    clauses.push(format!(
        "thresholds Amber {}, Red {}",
        format_total(settings.thresholds.amber),
        format_total(settings.thresholds.red)
    ));
    clauses.push(policy_clause(settings.unknown_policy).to_owned());
    format!("{}.", clauses.join("; "))
}

/// "Every criterion" becomes "every criterion"; a criterion's own name is left alone.
fn lowercase_first(clause: &str) -> String {
    match clause.strip_prefix("Every ") {
        Some(rest) => format!("every {rest}"),
        None => clause.to_owned(),
    }
}

/// `count` with its noun, singular or plural, thousands separated: "1 point", "3 points",
/// "50,000 rows".
pub fn count_of(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", thousands(count))
    }
}

/// A size to one decimal place, with no trailing ".0": 2.46 is "2.5" and 3.01 is "3" (for
/// file sizes in messages).
pub fn tenths(value: f64) -> String {
    format_total((value * 10.0).round() / 10.0)
}

/// A count with its thousands separated by commas: 12000 is "12,000".
pub fn thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}
