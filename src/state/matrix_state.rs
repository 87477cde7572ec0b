//! `MatrixState`: one matrix being explored (published original, score edits, settings,
//! board decisions, named scenarios and the comparison chosen) and its `Snapshot` for undo.

use crate::engine::TableView;
use crate::model::{BoardDecision, Edits, Matrix, Scenario, Settings};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// What the "what changed" list and the comparison set the current what-if against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Compare {
    /// The published assessment.
    #[default]
    Published,
    /// A saved scenario, by index.
    Scenario(usize),
}

/// One matrix being explored.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "MatrixStateData", into = "MatrixStateData")]
pub struct MatrixState {
    /// The matrix as loaded, kept for "Reset to published" and the baseline.
    pub published: Rc<Matrix>,
    /// The matrix with the user's score edits: `edits` applied to `published`.
    pub matrix: Rc<Matrix>,
    /// The scores changed from the published ones.
    pub edits: Edits,
    /// The user's weights, rescaling, thresholds and unknown-score policy.
    pub settings: Settings,
    /// The board decisions in force (the published ones to start with).
    pub decisions: Vec<BoardDecision>,
    /// Saved named scenarios.
    pub scenarios: Vec<Scenario>,
    /// The scenario being edited, if any: edits go to it as they are made.
    pub scenario: Option<usize>,
    /// What the current what-if is compared with.
    pub compare: Compare,
    /// How the table and the ranked list are sorted and filtered.
    pub view: TableView,
    /// The item whose explanation is open, if any.
    pub selected: Option<usize>,
}

/// Equal in value; matrices held in the same allocation are equal without being compared
/// item by item (a matrix is not `Eq`, so `Rc`'s own comparison would always walk them).
impl PartialEq for MatrixState {
    fn eq(&self, other: &Self) -> bool {
        let same = |a: &Rc<Matrix>, b: &Rc<Matrix>| Rc::ptr_eq(a, b) || **a == **b;
        same(&self.published, &other.published)
            && same(&self.matrix, &other.matrix)
            && self.edits == other.edits
            && self.settings == other.settings
            && self.decisions == other.decisions
            && self.scenarios == other.scenarios
            && self.scenario == other.scenario
            && self.compare == other.compare
            && self.view == other.view
            && self.selected == other.selected
    }
}

/// The user's part of a `MatrixState`: everything but the matrices, for undo and saving.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Score edits.
    pub edits: Edits,
    /// Settings.
    pub settings: Settings,
    /// Board decisions.
    pub decisions: Vec<BoardDecision>,
    /// Saved scenarios.
    pub scenarios: Vec<Scenario>,
    /// The scenario being edited.
    pub scenario: Option<usize>,
    /// The comparison chosen.
    pub compare: Compare,
}

impl MatrixState {
    /// A fresh state for `matrix`, scored as published, with its published decisions.
    pub fn new(matrix: Matrix) -> Self {
        let settings = Settings::published(&matrix);
        let decisions = matrix.decisions.clone();
        let matrix = Rc::new(matrix);
        Self {
            published: Rc::clone(&matrix),
            matrix,
            edits: Edits::new(),
            settings,
            decisions,
            scenarios: Vec::new(),
            scenario: None,
            compare: Compare::Published,
            view: TableView::default(),
            selected: None,
        }
    }

    /// True when scores, settings or decisions differ from the published ones.
    pub fn is_changed(&self) -> bool {
        !self.edits.is_empty()
            || self.settings != Settings::published(&self.published)
            || self.decisions != self.published.decisions
    }

    /// The name of what is on screen: the scenario's, or "Unsaved what-if" / "Published
    /// assessment".
    pub fn scenario_name(&self) -> String {
        match self.scenario.and_then(|i| self.scenarios.get(i)) {
            Some(scenario) => scenario.name.clone(),
            None if self.is_changed() => "Unsaved what-if".to_owned(),
            None => "Published assessment".to_owned(),
        }
    }

    /// The current what-if as a scenario called `name`.
    pub fn as_scenario(&self, name: String) -> Scenario {
        Scenario {
            name,
            settings: self.settings.clone(),
            edits: self.edits.clone(),
            decisions: self.decisions.clone(),
        }
    }

    /// Makes `scenario` the current what-if (its edits applied to the published matrix).
    pub fn load(&mut self, scenario: &Scenario) {
        self.settings = scenario.settings.clone();
        self.decisions.clone_from(&scenario.decisions);
        self.set_edits(scenario.edits.clone());
    }

    /// Replaces the score edits and rebuilds the edited matrix.
    pub fn set_edits(&mut self, edits: Edits) {
        self.matrix = if edits.is_empty() {
            Rc::clone(&self.published)
        } else {
            Rc::new(edits.apply(&self.published))
        };
        self.edits = edits;
    }

    /// The user's part, for undo.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            edits: self.edits.clone(),
            settings: self.settings.clone(),
            decisions: self.decisions.clone(),
            scenarios: self.scenarios.clone(),
            scenario: self.scenario,
            compare: self.compare,
        }
    }

    /// Puts back a snapshot taken of this matrix.
    pub fn restore(&mut self, snapshot: Snapshot) {
        if snapshot.edits != self.edits {
            self.set_edits(snapshot.edits);
        }
        self.settings = snapshot.settings;
        self.decisions = snapshot.decisions;
        self.scenarios = snapshot.scenarios;
        self.scenario = snapshot.scenario;
        self.compare = snapshot.compare;
    }

    /// Copies the current what-if into the scenario being edited, if any.
    pub(super) fn sync_scenario(&mut self) {
        let current = self
            .scenario
            .and_then(|i| self.scenarios.get(i).map(|s| s.name.clone()));
        if let (Some(index), Some(name)) = (self.scenario, current) {
            let updated = self.as_scenario(name);
            if let Some(slot) = self.scenarios.get_mut(index) {
                *slot = updated;
            }
        }
    }
}

/// The saved form of a `MatrixState`: the edited matrix is rebuilt from the edits.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct MatrixStateData {
    published: Rc<Matrix>,
    #[serde(default)]
    edits: Edits,
    settings: Settings,
    #[serde(default)]
    decisions: Vec<BoardDecision>,
    #[serde(default)]
    scenarios: Vec<Scenario>,
    #[serde(default)]
    scenario: Option<usize>,
    #[serde(default)]
    compare: Compare,
    #[serde(default)]
    view: TableView,
    #[serde(default)]
    selected: Option<usize>,
}

impl From<MatrixState> for MatrixStateData {
    fn from(state: MatrixState) -> Self {
        Self {
            published: state.published,
            edits: state.edits,
            settings: state.settings,
            decisions: state.decisions,
            scenarios: state.scenarios,
            scenario: state.scenario,
            compare: state.compare,
            view: state.view,
            selected: state.selected,
        }
    }
}

impl TryFrom<MatrixStateData> for MatrixState {
    type Error = String;

    /// Checks what a saved state says against its own matrix before taking it.
    fn try_from(data: MatrixStateData) -> Result<Self, String> {
        let published = data.published;
        let title = &published.title;
        if data.settings.weights.len() != published.criteria.len() {
            return Err(format!(
                "the saved weights for \"{title}\" are {} for {} columns",
                data.settings.weights.len(),
                published.criteria.len()
            ));
        }
        if !data.edits.fit(&published) {
            return Err(format!("the saved score edits do not fit \"{title}\""));
        }
        if let Some(bad) = data.scenarios.iter().find(|s| {
            !s.edits.fit(&published) || s.settings.weights.len() != published.criteria.len()
        }) {
            return Err(format!(
                "the saved scenario \"{}\" does not fit \"{title}\"",
                bad.name
            ));
        }
        let count = data.scenarios.len();
        let item_count = published.items.len();
        let mut state = MatrixState {
            matrix: Rc::clone(&published),
            published,
            edits: Edits::new(),
            settings: data.settings,
            decisions: data.decisions,
            scenarios: data.scenarios,
            scenario: data.scenario.filter(|i| *i < count),
            compare: match data.compare {
                Compare::Scenario(i) if i >= count => Compare::Published,
                other => other,
            },
            view: data.view,
            selected: data.selected.filter(|i| *i < item_count),
        };
        state.set_edits(data.edits);
        Ok(state)
    }
}
