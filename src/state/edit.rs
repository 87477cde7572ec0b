//! The edits of one matrix: settings, scores, decisions and scenarios, each applied to its
//! `MatrixState`; anything out of range changes nothing.

use super::matrix_state::{Compare, MatrixState};
use super::Action;
use crate::model::{Scenario, Settings};
use std::rc::Rc;

/// The longest scenario name kept.
const NAME_LIMIT: usize = 80;

/// Edits of one control in a row share an undo step: the control, for those that are
/// dragged or typed into.
pub(super) fn run_key(action: &Action) -> Option<String> {
    match action {
        Action::WeightChanged { criterion, .. } => Some(format!("weight {criterion}")),
        Action::AmberThresholdChanged(_) => Some("amber".to_owned()),
        Action::RedThresholdChanged(_) => Some("red".to_owned()),
        _ => None,
    }
}

/// Applies `action` to `current`.
pub(super) fn apply(current: &mut MatrixState, action: &Action) {
    match action {
        Action::WeightChanged { criterion, weight } => {
            if let Some(slot) = current.settings.weights.get_mut(*criterion) {
                *slot = *weight;
            }
        }
        Action::RescaleToggled(on) => current.settings.rescale = *on,
        Action::AmberThresholdChanged(value) => {
            current.settings.thresholds = current.settings.thresholds.with_amber(*value);
        }
        Action::RedThresholdChanged(value) => {
            current.settings.thresholds = current.settings.thresholds.with_red(*value);
        }
        Action::UnknownPolicyChanged(policy) => current.settings.unknown_policy = *policy,
        Action::ScoreEdited {
            item,
            criterion,
            score,
        } => edit_score(current, *item, *criterion, *score),
        Action::ResetToPublished => {
            current.set_edits(crate::model::Edits::new());
            current.settings = Settings::published(&current.published);
            current.decisions = current.published.decisions.clone();
        }
        Action::DecisionAdded(decision) => current.decisions.push(decision.clone()),
        Action::ViewChanged(view) => current.view = view.clone(),
        Action::ItemSelected(item) => {
            current.selected = item.filter(|i| *i < current.matrix.items.len());
        }
        Action::DecisionRemoved(index) => {
            if *index < current.decisions.len() {
                current.decisions.remove(*index);
            }
        }
        Action::CompareChosen(compare) => {
            let fits = match compare {
                Compare::Published => true,
                Compare::Scenario(i) => *i < current.scenarios.len(),
            };
            if fits {
                current.compare = *compare;
            }
        }
        scenario_action => scenarios(current, scenario_action),
    }
}

fn edit_score(
    current: &mut MatrixState,
    item: usize,
    criterion: usize,
    score: crate::model::Score,
) {
    let Some(published) = current
        .published
        .items
        .get(item)
        .and_then(|row| row.scores.get(criterion))
        .copied()
    else {
        return;
    };
    current.edits.set(item, criterion, score, published);
    if let Some(slot) = Rc::make_mut(&mut current.matrix)
        .items
        .get_mut(item)
        .and_then(|row| row.scores.get_mut(criterion))
    {
        *slot = score;
    }
}

/// A trimmed, shortened name that no other scenario has ("Name (2)" when taken).
fn unique_name(scenarios: &[Scenario], wanted: &str, except: Option<usize>) -> Option<String> {
    let base: String = wanted.trim().chars().take(NAME_LIMIT).collect();
    if base.is_empty() {
        return None;
    }
    let taken = |name: &str| {
        scenarios
            .iter()
            .enumerate()
            .any(|(i, s)| Some(i) != except && s.name == name)
    };
    if !taken(&base) {
        return Some(base);
    }
    // At most `scenarios.len()` names are taken, so one of the first that many + 2 is free.
    (2..=scenarios.len() + 2)
        .map(|n| format!("{base} ({n})"))
        .find(|name| !taken(name))
}

fn scenarios(current: &mut MatrixState, action: &Action) {
    match action {
        Action::ScenarioSaved(name) => {
            if let Some(name) = unique_name(&current.scenarios, name, None) {
                let scenario = current.as_scenario(name);
                current.scenarios.push(scenario);
                current.scenario = Some(current.scenarios.len() - 1);
            }
        }
        Action::ScenarioOpened(scenario) => {
            let fits = scenario.edits.fit(&current.published)
                && scenario.settings.weights.len() == current.published.criteria.len();
            if let (true, Some(name)) =
                (fits, unique_name(&current.scenarios, &scenario.name, None))
            {
                let opened = Scenario {
                    name,
                    ..scenario.clone()
                };
                current.load(&opened);
                current.scenarios.push(opened);
                current.scenario = Some(current.scenarios.len() - 1);
            }
        }
        Action::ScenarioSelected(index) => {
            if let Some(scenario) = current.scenarios.get(*index).cloned() {
                current.load(&scenario);
                current.scenario = Some(*index);
                if current.compare == Compare::Scenario(*index) {
                    current.compare = Compare::Published;
                }
            }
        }
        Action::PublishedSelected => {
            apply(current, &Action::ResetToPublished);
            current.scenario = None;
        }
        Action::ScenarioRenamed { scenario, name } => {
            let unique = unique_name(&current.scenarios, name, Some(*scenario));
            if let (Some(slot), Some(name)) = (current.scenarios.get_mut(*scenario), unique) {
                slot.name = name;
            }
        }
        Action::ScenarioDuplicated(index) => {
            if let Some(original) = current.scenarios.get(*index) {
                let wanted = format!("{} (copy)", original.name);
                if let Some(name) = unique_name(&current.scenarios, &wanted, None) {
                    let copy = Scenario {
                        name,
                        ..original.clone()
                    };
                    current.scenarios.push(copy);
                }
            }
        }
        Action::ScenarioDeleted(index) => delete_scenario(current, *index),
        _ => {}
    }
}

/// Deletes scenario `index`; the what-if on screen stays, unsaved if it was that scenario.
fn delete_scenario(current: &mut MatrixState, index: usize) {
    if index >= current.scenarios.len() {
        return;
    }
    current.scenarios.remove(index);
    let shift = |i: usize| if i > index { Some(i - 1) } else { Some(i) };
    current.scenario = match current.scenario {
        Some(i) if i == index => None,
        Some(i) => shift(i),
        None => None,
    };
    current.compare = match current.compare {
        Compare::Scenario(i) if i == index => Compare::Published,
        Compare::Scenario(i) => shift(i).map_or(Compare::Published, Compare::Scenario),
        Compare::Published => Compare::Published,
    };
}
