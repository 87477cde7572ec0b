//! Every printed score, total and subtotal of both seed matrices, typed from the seed document.

use matrix_explorer::data::seed_matrices;
use matrix_explorer::model::{CriterionKind, Matrix};

/// One printed row: the item's name, its printed score cells, its printed total.
type Row<const N: usize> = (&'static str, [&'static str; N], u32);

/// A printed column header: the label used in messages, and words the seed's
/// criterion name must contain (lower case).
type Header = (&'static str, &'static [&'static str]);

/// A printed category: its group (if any), its name, its printed subtotal and its rows.
struct Category<const N: usize> {
    group: Option<&'static str>,
    name: &'static str,
    subtotal: Option<u32>,
    rows: &'static [Row<N>],
}

/// One printed matrix table.
struct Printed<const N: usize> {
    headers: [Header; N],
    groups: &'static [(&'static str, Option<u32>)],
    categories: &'static [Category<N>],
}

const CRIME: Printed<5> = Printed {
    headers: [
        ("Volume", &["volume"]),
        ("Performance", &["performance"]),
        ("Trends", &["trends"]),
        (
            "Risk to quality of / Public concern",
            &["risk to quality of", "public concern"],
        ),
        ("Generator", &["generator"]),
    ],
    groups: &[],
    categories: &[
        Category {
            group: None,
            name: "Violence Against the Person",
            subtotal: Some(55),
            rows: &[
                ("Murder", ["0", "2", "1", "4", "0"], 8),
                ("GBH", ["0", "2", "3", "3", "0"], 9),
                ("ABH", ["2", "2", "3", "1", "0"], 10),
                ("Common Assault", ["1", "0", "1", "2", "0"], 6),
                ("Offensive Weapon", ["0", "3", "2", "2", "0"], 7),
                ("Harassment", ["2", "2", "4", "1", "0"], 11),
                ("Other violence", ["0", "1", "2", "1", "0"], 4),
            ],
        },
        Category {
            group: None,
            name: "Sexual Offences",
            subtotal: Some(17),
            rows: &[
                ("Rape", ["0", "1", "2", "4", "0"], 9),
                ("Other Sexual", ["0", "1", "2", "3", "0"], 8),
            ],
        },
        Category {
            group: None,
            name: "Robbery",
            subtotal: Some(17),
            rows: &[
                (
                    "Robbery of Personal Property",
                    ["0", "1", "1", "3", "3"],
                    10,
                ),
                ("Robbery of Business Property", ["0", "2", "2", "3", "0"], 7),
            ],
        },
        Category {
            group: None,
            name: "Burglary",
            subtotal: Some(19),
            rows: &[
                ("Burglary in a Dwelling", ["1", "1", "1", "2", "2"], 8),
                ("Burglary in Other Buildings", ["0", "1", "2", "1", "0"], 5),
                ("Distraction Burglary", ["0", "1", "1", "3", "0"], 6),
            ],
        },
        Category {
            group: None,
            name: "Motor Vehicle Crime",
            subtotal: Some(33),
            rows: &[
                ("Theft/Taking of M/V", ["1", "0", "1", "2", "2"], 8),
                ("Theft from a Vehicle", ["4", "3", "2", "2", "4"], 16),
                ("M/V Interference & Tampering", ["0", "3", "2", "1", "3"], 9),
            ],
        },
        Category {
            group: None,
            name: "Theft (Excluding Vehicles)",
            subtotal: Some(45),
            rows: &[
                ("Snatches", ["0", "1", "1", "2", "0"], 5),
                ("Picking Pockets etc", ["2", "2", "1", "1", "1"], 9),
                ("Theft from Shops", ["3", "4", "2", "0", "2"], 11),
                ("Theft/Taking of Pedal Cycles", ["1", "3", "2", "1", "0"], 8),
                ("Other Theft", ["4", "1", "0", "1", "0"], 6),
                ("Handling Stolen Goods", ["1", "3", "2", "0", "0"], 6),
            ],
        },
        Category {
            group: None,
            name: "Criminal Damage",
            subtotal: Some(29),
            rows: &[
                (
                    "Criminal Damage To a Dwelling",
                    ["0", "2", "1", "1", "2"],
                    8,
                ),
                (
                    "Criminal Damage To Other Bldg",
                    ["0", "2", "1", "0", "0"],
                    5,
                ),
                ("Criminal Damage To M/V", ["1", "1", "1", "1", "2"], 8),
                ("Other Criminal Damage", ["0", "3", "3", "0", "0"], 8),
            ],
        },
        Category {
            group: None,
            name: "Drugs",
            subtotal: Some(36),
            rows: &[
                ("Drug Supply", ["0", "1", "1", "2", "3"], 11),
                ("Possession Of Drugs", ["3", "4", "3", "2", "3"], 18),
                ("Other Drug Offences", ["0", "2", "2", "1", "0"], 7),
            ],
        },
        Category {
            group: None,
            name: "Life Threatening and Gun Crime",
            subtotal: Some(28),
            rows: &[
                ("Knife Crime", ["0", "1", "2", "3", "0"], 8),
                ("Gun Crime", ["0", "3", "2", "4", "0"], 11),
                ("Life Threatening Crime", ["0", "2", "2", "3", "0"], 9),
            ],
        },
        Category {
            group: None,
            name: "Hate Crime",
            subtotal: Some(31),
            rows: &[
                ("Race Crime", ["0", "2", "2", "2", "2"], 10),
                ("Homophobic Crime", ["0", "2", "2", "2", "0"], 8),
                ("Domestic Violence", ["1", "3", "3", "2", "2"], 13),
            ],
        },
        Category {
            group: None,
            name: "Terrorism",
            subtotal: Some(11),
            rows: &[("Terrorism", ["0", "0", "0", "4", "4"], 11)],
        },
    ],
};

const MISUSE: Option<&str> = Some("MISUSE OF PUBLIC SPACE");
const PEOPLE: Option<&str> = Some("ACTS DIRECTED AT PEOPLE");
const ENVIRONMENT: Option<&str> = Some("ENVIRONMENTAL DAMAGE");

const ASB: Printed<6> = Printed {
    headers: [
        ("Volume", &["volume"]),
        ("Performance", &["performance"]),
        ("Trends", &["trends"]),
        ("Risk to quality of life", &["risk to quality of life"]),
        ("Public concern", &["public concern"]),
        ("Generator", &["generator"]),
    ],
    groups: &[
        ("MISUSE OF PUBLIC SPACE", None),
        ("ACTS DIRECTED AT PEOPLE", Some(21)),
        ("ENVIRONMENTAL DAMAGE", Some(27)),
    ],
    categories: &[
        Category {
            group: MISUSE,
            name: "Abandoned Vehicles",
            subtotal: None,
            rows: &[("Abandoned Vehicles", ["1", "1", "0", "2", "1", "2"], 7)],
        },
        Category {
            group: MISUSE,
            name: "Street Population",
            subtotal: Some(43),
            rows: &[
                ("Begging", ["2", "4", "4", "2", "?", "3"], 15),
                ("Street Drinking", ["2", "1", "1", "2", "2", "3"], 11),
                (
                    "Sex Work - Soliciting Cards in Phone Boxes",
                    ["3", "2", "2", "3", "3", "4"],
                    17,
                ),
            ],
        },
        Category {
            group: MISUSE,
            name: "Noise",
            subtotal: Some(46),
            rows: &[
                ("Alarms", ["3", "1", "1", "1", "?", "1"], 7),
                ("Animals", ["0", "2", "2", "1", "?", "1"], 6),
                ("Barking dogs", ["0", "3", "2", "1", "?", "1"], 7),
                ("Construction/Machinery", ["3", "3", "3", "1", "?", "1"], 11),
                ("Music/Party", ["4", "1", "0", "2", "?", "1"], 8),
                ("People", ["2", "1", "1", "2", "?", "1"], 7),
            ],
        },
        Category {
            group: MISUSE,
            name: "Rowdy Behaviour",
            subtotal: Some(57),
            rows: &[
                (
                    "Rowdy/Inconsiderate Behaviour",
                    ["4", "3", "3", "3", "3", "1"],
                    17,
                ),
                (
                    "Rowdy/Inconsiderate Neighbours",
                    ["2", "1", "1", "3", "3", "2"],
                    12,
                ),
                ("Neighbour Nuisance", ["0", "3", "3", "2", "3", "2"], 13),
                ("Youth Nuisance", ["0", "3", "3", "2", "4", "3"], 15),
            ],
        },
        Category {
            group: MISUSE,
            name: "Nuisance Behaviour",
            subtotal: Some(35),
            rows: &[
                ("Malicious Calls to LFB", ["0", "2", "2", "0", "?", "0"], 4),
                (
                    "Hoax Call to Emergency Service",
                    ["0", "2", "2", "0", "?", "0"],
                    4,
                ),
                (
                    "Inappropriate Use of Fireworks",
                    ["1", "1", "1", "1", "?", "1"],
                    5,
                ),
                (
                    "Vehicle Nuisance/Inappropriate use",
                    ["1", "3", "3", "1", "?", "1"],
                    9,
                ),
                ("Trespass", ["1", "1", "1", "0", "?", "0"], 3),
                ("Animal Nuisance", ["1", "3", "3", "2", "?", "1"], 10),
            ],
        },
        Category {
            group: PEOPLE,
            name: "Intimidation/Harrasment",
            subtotal: Some(21),
            rows: &[
                (
                    "Malicious Communications",
                    ["2", "2", "2", "3", "?", "1"],
                    10,
                ),
                ("Harasment", ["0", "2", "2", "3", "2", "2"], 11),
            ],
        },
        Category {
            group: ENVIRONMENT,
            name: "Litter/Rubbish",
            subtotal: Some(27),
            rows: &[
                ("Fly-tipping", ["4", "2", "4", "2", "?", "2"], 14),
                ("Fly-posting", ["?", "?", "?", "1", "?", "1"], 2),
                ("Rubbish", ["0", "2", "2", "2", "4", "1"], 11),
            ],
        },
        Category {
            group: ENVIRONMENT,
            name: "Criminal Damage/Vandalism",
            subtotal: Some(38),
            rows: &[
                ("Graffiti", ["4", "3", "3", "1", "2", "1"], 14),
                ("Vandalism", ["0", "2", "2", "3", "1", "1"], 10),
                (
                    "Non Accidental Fires - Rubbish or Similar",
                    ["0", "1", "2", "2", "?", "1"],
                    6,
                ),
                (
                    "Deliberate Secondary Fires of Derelict Vehicles",
                    ["0", "2", "2", "2", "?", "2"],
                    8,
                ),
            ],
        },
    ],
};

fn seeds() -> (Matrix, Matrix) {
    let mut all = seed_matrices().expect("the embedded seed matrices parse");
    assert_eq!(all.len(), 2, "the seed holds the crime and ASB matrices");
    let asb = all.pop().expect("two matrices");
    let crime = all.pop().expect("two matrices");
    (crime, asb)
}

/// Positions of the scored criteria (the derived unattributed column excluded), in order.
fn scored_columns(matrix: &Matrix) -> Vec<usize> {
    matrix
        .criteria
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == CriterionKind::Scored)
        .map(|(index, _)| index)
        .collect()
}

fn show(value: Option<u32>) -> String {
    value.map_or_else(|| "none".to_owned(), |v| v.to_string())
}

/// Everything in `matrix` that differs from the printed table, one message per difference.
fn mismatches<const N: usize>(matrix: &Matrix, printed: &Printed<N>) -> Vec<String> {
    let scored = scored_columns(matrix);
    let mut found = Vec::new();
    header_mismatches(matrix, &scored, printed, &mut found);
    group_mismatches(matrix, printed, &mut found);
    category_mismatches(matrix, printed, &mut found);
    item_mismatches(matrix, &scored, printed, &mut found);
    found
}

fn header_mismatches<const N: usize>(
    matrix: &Matrix,
    scored: &[usize],
    printed: &Printed<N>,
    found: &mut Vec<String>,
) {
    if scored.len() != N {
        found.push(format!(
            "scored criteria: expected {N}, seed has {}",
            scored.len()
        ));
    }
    for (position, ((label, words), &index)) in printed.headers.iter().zip(scored).enumerate() {
        let name = &matrix.criteria[index].name;
        let lower = name.to_lowercase();
        if !words.iter().all(|word| lower.contains(word)) {
            found.push(format!(
                "scored column {}: expected the printed header {label:?}, seed has {name:?}",
                position + 1
            ));
        }
    }
}

fn group_mismatches<const N: usize>(
    matrix: &Matrix,
    printed: &Printed<N>,
    found: &mut Vec<String>,
) {
    if matrix.groups.len() != printed.groups.len() {
        found.push(format!(
            "groups: expected {}, seed has {}",
            printed.groups.len(),
            matrix.groups.len()
        ));
    }
    for (&(name, subtotal), group) in printed.groups.iter().zip(&matrix.groups) {
        if group.name != name {
            found.push(format!(
                "group: expected {name:?}, seed has {:?}",
                group.name
            ));
        }
        if group.published_subtotal != subtotal {
            found.push(format!(
                "group {name}, subtotal: expected {}, seed has {}",
                show(subtotal),
                show(group.published_subtotal)
            ));
        }
    }
}

fn category_mismatches<const N: usize>(
    matrix: &Matrix,
    printed: &Printed<N>,
    found: &mut Vec<String>,
) {
    if matrix.categories.len() != printed.categories.len() {
        found.push(format!(
            "categories: expected {}, seed has {}",
            printed.categories.len(),
            matrix.categories.len()
        ));
    }
    for (expected, category) in printed.categories.iter().zip(&matrix.categories) {
        let name = expected.name;
        if category.name != name {
            found.push(format!(
                "category: expected {name:?}, seed has {:?}",
                category.name
            ));
        }
        if category.group.as_deref() != expected.group {
            found.push(format!(
                "category {name}, group: expected {:?}, seed has {:?}",
                expected.group, category.group
            ));
        }
        if category.published_subtotal != expected.subtotal {
            found.push(format!(
                "category {name}, subtotal: expected {}, seed has {}",
                show(expected.subtotal),
                show(category.published_subtotal)
            ));
        }
    }
}

fn item_mismatches<const N: usize>(
    matrix: &Matrix,
    scored: &[usize],
    printed: &Printed<N>,
    found: &mut Vec<String>,
) {
    let rows: Vec<(&Category<N>, &Row<N>)> = printed
        .categories
        .iter()
        .flat_map(|category| category.rows.iter().map(move |row| (category, row)))
        .collect();
    if matrix.items.len() != rows.len() {
        found.push(format!(
            "items: expected {}, seed has {}",
            rows.len(),
            matrix.items.len()
        ));
    }
    for (position, ((category, (name, cells, total)), item)) in
        rows.iter().zip(&matrix.items).enumerate()
    {
        if item.name != *name {
            found.push(format!(
                "row {}: expected {name:?}, seed has {:?}",
                position + 1,
                item.name
            ));
        }
        if item.category.as_deref() != Some(category.name) {
            found.push(format!(
                "{name}, category: expected {:?}, seed has {:?}",
                category.name, item.category
            ));
        }
        if item.group.as_deref() != category.group {
            found.push(format!(
                "{name}, group: expected {:?}, seed has {:?}",
                category.group, item.group
            ));
        }
        for (((label, _), expected), &index) in printed.headers.iter().zip(cells).zip(scored) {
            let actual = item.score(index).to_string();
            if actual != *expected {
                found.push(format!(
                    "{name}, {label}: expected {expected}, seed has {actual}"
                ));
            }
        }
        if item.published_total != Some(*total) {
            found.push(format!(
                "{name}, Total: expected {total}, seed has {}",
                show(item.published_total)
            ));
        }
    }
}

fn pinned_scores<const N: usize>(printed: &Printed<N>) -> usize {
    printed
        .categories
        .iter()
        .map(|category| category.rows.len() * N)
        .sum()
}

#[test]
fn the_typed_tables_have_the_printed_shape() {
    let crime_rows: usize = CRIME.categories.iter().map(|c| c.rows.len()).sum();
    let asb_rows: usize = ASB.categories.iter().map(|c| c.rows.len()).sum();
    assert_eq!(crime_rows, 37);
    assert_eq!(asb_rows, 29);
    assert_eq!(pinned_scores(&CRIME) + pinned_scores(&ASB), 37 * 5 + 29 * 6);
}

#[test]
fn crime_seed_matches_the_printed_table() {
    let (crime, _) = seeds();
    assert_eq!(scored_columns(&crime).len(), 5, "crime scored criteria");
    let found = mismatches(&crime, &CRIME);
    assert!(
        found.is_empty(),
        "the crime seed differs from the printed table:\n{}",
        found.join("\n")
    );
}

#[test]
fn asb_seed_matches_the_printed_table() {
    let (_, asb) = seeds();
    assert_eq!(scored_columns(&asb).len(), 6, "ASB scored criteria");
    let found = mismatches(&asb, &ASB);
    assert!(
        found.is_empty(),
        "the ASB seed differs from the printed table:\n{}",
        found.join("\n")
    );
}

#[test]
fn swapping_risk_to_quality_of_life_and_public_concern_is_caught() {
    let (_, asb) = seeds();
    let scored = scored_columns(&asb);
    let (risk, concern) = (scored[3], scored[4]);
    let mut swapped = asb.clone();
    for item in &mut swapped.items {
        item.scores.swap(risk, concern);
    }
    let found = mismatches(&swapped, &ASB);
    assert!(
        !found.is_empty(),
        "a swap of two ASB columns went unnoticed"
    );
    assert!(
        found.contains(&"Begging, Public concern: expected ?, seed has 2".to_owned()),
        "the swap is reported by item and column:\n{}",
        found.join("\n")
    );
}

#[test]
fn swapping_performance_and_trends_in_one_crime_row_is_caught() {
    let (crime, _) = seeds();
    let scored = scored_columns(&crime);
    let mut swapped = crime.clone();
    let row = swapped
        .item_index("Theft from a Vehicle")
        .expect("the row is in the seed");
    swapped.items[row].scores.swap(scored[1], scored[2]);
    let found = mismatches(&swapped, &CRIME);
    assert_eq!(
        found,
        [
            "Theft from a Vehicle, Performance: expected 3, seed has 2",
            "Theft from a Vehicle, Trends: expected 2, seed has 3",
        ],
        "only the swapped cells of that row are reported"
    );
}

#[test]
fn each_seed_matrix_names_its_criteria_and_finds_its_public_concern_column() {
    let matrices = seed_matrices().expect("the seed loads");
    for matrix in &matrices {
        let column = matrix.public_concern_column();
        // ASB prints its own column; crime prints risk to quality of life and public concern
        // as one merged column.
        assert!(
            matrix.criterion_name(column).contains("Public concern"),
            "{}: {}",
            matrix.title,
            matrix.criterion_name(column)
        );
        assert_eq!(matrix.criterion_name(0), matrix.criteria[0].name);
        assert_eq!(matrix.criterion_name(matrix.criteria.len()), "");
    }
}
