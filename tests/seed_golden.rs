//! Golden values from the seed document (K&C Crime and Community Safety Plan 2008-2011,
//! Appendix 1): every published total and band reproduced, and the audit findings.

use matrix_explorer::data::seed_matrices;
use matrix_explorer::engine::{audit, baseline, compare_priorities, evaluate, SubtotalLevel};
use matrix_explorer::model::{Band, CriterionKind, Matrix, Settings};

fn seeds() -> (Matrix, Matrix) {
    let mut all = seed_matrices().expect("the embedded seed matrices parse");
    let asb = all.pop().expect("two matrices");
    let crime = all.pop().expect("two matrices");
    (crime, asb)
}

/// (item, published total) for every crime row, in document order.
const CRIME_TOTALS: [(&str, u32); 37] = [
    ("Murder", 8),
    ("GBH", 9),
    ("ABH", 10),
    ("Common Assault", 6),
    ("Offensive Weapon", 7),
    ("Harassment", 11),
    ("Other violence", 4),
    ("Rape", 9),
    ("Other Sexual", 8),
    ("Robbery of Personal Property", 10),
    ("Robbery of Business Property", 7),
    ("Burglary in a Dwelling", 8),
    ("Burglary in Other Buildings", 5),
    ("Distraction Burglary", 6),
    ("Theft/Taking of M/V", 8),
    ("Theft from a Vehicle", 16),
    ("M/V Interference & Tampering", 9),
    ("Snatches", 5),
    ("Picking Pockets etc", 9),
    ("Theft from Shops", 11),
    ("Theft/Taking of Pedal Cycles", 8),
    ("Other Theft", 6),
    ("Handling Stolen Goods", 6),
    ("Criminal Damage To a Dwelling", 8),
    ("Criminal Damage To Other Bldg", 5),
    ("Criminal Damage To M/V", 8),
    ("Other Criminal Damage", 8),
    ("Drug Supply", 11),
    ("Possession Of Drugs", 18),
    ("Other Drug Offences", 7),
    ("Knife Crime", 8),
    ("Gun Crime", 11),
    ("Life Threatening Crime", 9),
    ("Race Crime", 10),
    ("Homophobic Crime", 8),
    ("Domestic Violence", 13),
    ("Terrorism", 11),
];

/// (item, published total) for every ASB row, in document order.
const ASB_TOTALS: [(&str, u32); 29] = [
    ("Abandoned Vehicles", 7),
    ("Begging", 15),
    ("Street Drinking", 11),
    ("Sex Work - Soliciting Cards in Phone Boxes", 17),
    ("Alarms", 7),
    ("Animals", 6),
    ("Barking dogs", 7),
    ("Construction/Machinery", 11),
    ("Music/Party", 8),
    ("People", 7),
    ("Rowdy/Inconsiderate Behaviour", 17),
    ("Rowdy/Inconsiderate Neighbours", 12),
    ("Neighbour Nuisance", 13),
    ("Youth Nuisance", 15),
    ("Malicious Calls to LFB", 4),
    ("Hoax Call to Emergency Service", 4),
    ("Inappropriate Use of Fireworks", 5),
    ("Vehicle Nuisance/Inappropriate use", 9),
    ("Trespass", 3),
    ("Animal Nuisance", 10),
    ("Malicious Communications", 10),
    ("Harasment", 11),
    ("Fly-tipping", 14),
    ("Fly-posting", 2),
    ("Rubbish", 11),
    ("Graffiti", 14),
    ("Vandalism", 10),
    ("Non Accidental Fires - Rubbish or Similar", 6),
    ("Deliberate Secondary Fires of Derelict Vehicles", 8),
];

fn published_band(total: u32) -> Band {
    match total {
        0..=5 => Band::Green,
        6..=10 => Band::Amber,
        _ => Band::Red,
    }
}

fn assert_reproduces(matrix: &Matrix, golden: &[(&str, u32)]) {
    assert_eq!(
        matrix.items.len(),
        golden.len(),
        "{} item count",
        matrix.title
    );
    let evaluation = evaluate(matrix, &Settings::published(matrix));
    for ((name, total), (item, result)) in golden
        .iter()
        .zip(matrix.items.iter().zip(&evaluation.items))
    {
        assert_eq!(item.name, *name);
        assert_eq!(item.published_total, Some(*total), "{name} published total");
        assert!(
            (result.total - f64::from(*total)).abs() < 1e-9,
            "{name}: {} != {total}",
            result.total
        );
        assert_eq!(result.band, published_band(*total), "{name} band");
    }
}

#[test]
fn crime_matrix_reproduces_every_published_total_and_band() {
    let (crime, _) = seeds();
    assert_eq!(crime.categories.len(), 11);
    assert!(crime.groups.is_empty());
    assert_reproduces(&crime, &CRIME_TOTALS);
}

#[test]
fn asb_matrix_reproduces_every_published_total_and_band() {
    let (_, asb) = seeds();
    assert_eq!(asb.groups.len(), 3);
    assert_eq!(asb.categories.len(), 8);
    assert_reproduces(&asb, &ASB_TOTALS);
}

#[test]
fn criteria_are_the_printed_columns_plus_one_unattributed_column() {
    let (crime, asb) = seeds();
    let names = |m: &Matrix| {
        m.criteria
            .iter()
            .map(|c| c.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(crime.criteria.len(), 6, "{:?}", names(&crime));
    assert_eq!(asb.criteria.len(), 7, "{:?}", names(&asb));
    for matrix in [&crime, &asb] {
        let unattributed: Vec<_> = matrix
            .criteria
            .iter()
            .filter(|c| c.kind == CriterionKind::Unattributed)
            .collect();
        assert_eq!(unattributed.len(), 1);
        assert_eq!(
            matrix.criteria.last().map(|c| c.kind),
            Some(CriterionKind::Unattributed)
        );
    }
    assert!(names(&asb).contains(&"Public concern".to_owned()));
}

#[test]
fn the_seed_counts_match_the_document() {
    let (crime, asb) = seeds();
    let crime_eval = evaluate(&crime, &Settings::published(&crime));
    let asb_eval = evaluate(&asb, &Settings::published(&asb));
    // Red = 11+, Amber = 6-10, Green = 0-5 over the published totals above.
    assert_eq!(
        (
            crime_eval.counts.red,
            crime_eval.counts.amber,
            crime_eval.counts.green
        ),
        (8, 25, 4)
    );
    assert_eq!(
        (
            asb_eval.counts.red,
            asb_eval.counts.amber,
            asb_eval.counts.green
        ),
        (12, 12, 5)
    );
}

#[test]
fn crime_audit_finds_the_rows_whose_printed_scores_fall_short() {
    let (crime, _) = seeds();
    let report = audit(&crime);
    assert_eq!(report.rows_checked, 37);
    let found: Vec<(&str, i64)> = report
        .row_findings
        .iter()
        .map(|f| (f.item.as_str(), f.difference()))
        .collect();
    // Rows whose five printed scores add up to their published total.
    let agreeing = [
        "Offensive Weapon",
        "Other violence",
        "Robbery of Business Property",
        "M/V Interference & Tampering",
        "Theft from Shops",
        "Other Theft",
        "Handling Stolen Goods",
    ];
    assert_eq!(found.len(), 37 - agreeing.len());
    for name in agreeing {
        assert!(
            !found.iter().any(|(n, _)| *n == name),
            "{name} should agree"
        );
    }
    assert!(found.contains(&("Possession Of Drugs", 3)));
    assert!(found.contains(&("Drug Supply", 4)));
    assert!(found.contains(&("Terrorism", 3)));
    assert!(found.contains(&("Murder", 1)));
    assert!(found.iter().all(|(_, d)| (1..=4).contains(d)));
    let shortfall: i64 = found.iter().map(|(_, d)| d).sum();
    // Summed from the printed table: 30 rows fall short by 56 points in all.
    assert_eq!(found.len(), 30);
    assert_eq!(shortfall, 56);
    assert_eq!(report.total_shortfall(), 56);
}

#[test]
fn crime_subtotals_agree_with_published_totals_but_not_with_printed_scores() {
    let (crime, _) = seeds();
    let report = audit(&crime);
    assert_eq!(report.subtotal_disagreements().count(), 0);
    let vap = report
        .subtotals
        .iter()
        .find(|s| s.name == "Violence Against the Person")
        .expect("VAP");
    assert_eq!(
        (vap.published, vap.sum_of_totals, vap.sum_of_scores),
        (Some(55), 55, 47)
    );
    let by_scores = report
        .subtotals
        .iter()
        .filter(|s| !s.agrees_with_scores())
        .count();
    // Every one of the 11 category subtotals exceeds the sum of its printed scores.
    assert_eq!(by_scores, 11);
}

#[test]
fn asb_audit_finds_vandalism_and_the_environmental_damage_subtotal() {
    let (_, asb) = seeds();
    let report = audit(&asb);
    let found: Vec<(&str, u32, u32)> = report
        .row_findings
        .iter()
        .map(|f| (f.item.as_str(), f.printed_sum, f.published_total))
        .collect();
    assert_eq!(found, vec![("Vandalism", 9, 10)]);
    let wrong: Vec<(SubtotalLevel, &str, Option<u32>, u32)> = report
        .subtotal_disagreements()
        .map(|s| (s.level, s.name.as_str(), s.published, s.sum_of_totals))
        .collect();
    assert_eq!(
        wrong,
        vec![(SubtotalLevel::Group, "ENVIRONMENTAL DAMAGE", Some(27), 65)]
    );
    let environmental = report
        .subtotal_disagreements()
        .next()
        .expect("one disagreement");
    assert_eq!(environmental.difference(), Some(-38));
    let missing: Vec<&str> = report
        .missing_subtotals()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(
        missing,
        vec!["Abandoned Vehicles", "MISUSE OF PUBLIC SPACE"]
    );
}

#[test]
fn published_priorities_beside_computed_bands() {
    let (crime, asb) = seeds();
    let crime_eval = evaluate(&crime, &Settings::published(&crime));
    let rows = compare_priorities(&crime, &crime_eval);
    let listed: Vec<(&str, Band, bool)> = rows
        .iter()
        .filter_map(|r| {
            r.published.map(|p| {
                (
                    crime.priorities[p].item.as_str(),
                    r.band,
                    crime.priorities[p].board_decision,
                )
            })
        })
        .collect();
    assert_eq!(
        listed,
        vec![
            ("Possession Of Drugs", Band::Red, false),
            ("Theft from a Vehicle", Band::Red, false),
            ("Domestic Violence", Band::Red, false),
            ("Terrorism", Band::Red, false),
            ("Burglary in a Dwelling", Band::Amber, true),
            ("Robbery of Personal Property", Band::Amber, true),
            ("Snatches", Band::Green, true),
        ]
    );
    let red_not_listed: Vec<&str> = rows
        .iter()
        .filter(|r| r.published.is_none())
        .map(|r| crime.items[r.item].name.as_str())
        .collect();
    assert_eq!(
        red_not_listed,
        vec!["Harassment", "Theft from Shops", "Drug Supply", "Gun Crime"]
    );

    let asb_eval = evaluate(&asb, &Settings::published(&asb));
    let asb_rows = compare_priorities(&asb, &asb_eval);
    assert_eq!(asb_rows.iter().filter(|r| r.published.is_some()).count(), 5);
    assert_eq!(
        asb_rows.iter().filter(|r| r.published.is_none()).count(),
        12 - 5
    );
}

#[test]
fn ties_are_ranked_as_the_document_writes_them() {
    let (crime, asb) = seeds();
    let asb_eval = evaluate(&asb, &Settings::published(&asb));
    let rank_of = |name: &str| {
        let index = asb.item_index(name).expect("item exists");
        asb_eval.items[index].rank.to_string()
    };
    // "1. Sex work (17) = Rowdy/inconsiderate behaviour (17) 3. Begging (15) = Youth nuisance (15)"
    assert_eq!(rank_of("Sex Work - Soliciting Cards in Phone Boxes"), "=1");
    assert_eq!(rank_of("Rowdy/Inconsiderate Behaviour"), "=1");
    assert_eq!(rank_of("Begging"), "=3");
    assert_eq!(rank_of("Youth Nuisance"), "=3");
    let crime_eval = evaluate(&crime, &Settings::published(&crime));
    let first = crime_eval.ranking[0];
    assert_eq!(crime.items[first].name, "Possession Of Drugs");
    assert_eq!(crime_eval.items[first].rank.to_string(), "1");
    let base = baseline(&crime);
    assert_eq!(
        base.items[first].map(|(t, b, r)| (t, b, r.position)),
        Some((18, Band::Red, 1))
    );
}

#[test]
fn unknown_scores_show_the_band_range_they_could_have() {
    let (_, asb) = seeds();
    let eval = evaluate(&asb, &Settings::published(&asb));
    let begging = &eval.items[asb.item_index("Begging").expect("Begging")];
    let range = begging.range.expect("Begging has a '?'");
    assert_eq!((range.min, range.max), (15.0, 19.0));
    let fly_posting = &eval.items[asb.item_index("Fly-posting").expect("Fly-posting")];
    assert_eq!(fly_posting.unknowns, 4);
    let range = fly_posting.range.expect("Fly-posting has '?'");
    assert_eq!(
        (range.min, range.max, range.min_band, range.max_band),
        (2.0, 18.0, Band::Green, Band::Red)
    );
    let youth = &eval.items[asb.item_index("Youth Nuisance").expect("Youth Nuisance")];
    assert!(youth.range.is_none());
}
