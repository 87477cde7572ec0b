//! Sorting and filtering the table and the ranked list on the seed ASB matrix.

use matrix_explorer::data::seed_matrices;
use matrix_explorer::engine::{
    baseline, contains_any_case, evaluate, grouped, view_items, view_rows, Filter, SortKey,
    TableRow, TableView,
};
use matrix_explorer::model::{Settings, Weight};
use proptest::prelude::*;

#[test]
fn sorts_and_filters_cover_every_item_as_asked() {
    let asb = seed_matrices().expect("seed parses").remove(1);
    let mut settings = Settings::published(&asb);
    settings.weights[4] = Weight::new(2.0).expect("valid");
    let evaluation = evaluate(&asb, &settings);
    let base = baseline(&asb);
    let t = settings.thresholds;
    let names = |view: &TableView| -> Vec<String> {
        view_items(&asb, &evaluation, &base, &t, view)
            .iter()
            .map(|&i| asb.items[i].name.clone())
            .collect()
    };
    let by = |sort| TableView {
        sort,
        filter: Filter::default(),
    };
    // Document order with no filter keeps the headings.
    let rows = view_rows(&asb, &evaluation, &base, &t, &TableView::default());
    assert!(matches!(rows[0], TableRow::Group(_)));
    assert_eq!(names(&by(SortKey::Document)).len(), 29);
    // By total: the ranking itself.
    let total: Vec<String> = evaluation
        .ranking
        .iter()
        .map(|&i| asb.items[i].name.clone())
        .collect();
    assert_eq!(names(&by(SortKey::Total)), total);
    // By band: Red first, each band highest total first.
    let band = names(&by(SortKey::Band));
    assert_eq!(band.len(), 29);
    assert_eq!(band[0], total[0]);
    let bands: Vec<_> = band
        .iter()
        .map(|n| evaluation.items[asb.item_index(n).expect("item")].band)
        .collect();
    assert!(bands.windows(2).all(|w| w[0] >= w[1]));
    // By name: alphabetical, ignoring case.
    let name = names(&by(SortKey::Name));
    assert_eq!(name.first().map(String::as_str), Some("Abandoned Vehicles"));
    assert!(name
        .windows(2)
        .all(|w| w[0].to_lowercase() <= w[1].to_lowercase()));
    // By margin: the four items on a line first, in document order (worked out by hand:
    // Animals 6 and Non Accidental Fires 6 on the Amber line, Construction/Machinery 11 and
    // Vandalism 10 + 1 = 11 on the Red line).
    let margin = names(&by(SortKey::Margin));
    assert_eq!(
        margin[..4],
        [
            "Animals",
            "Construction/Machinery",
            "Vandalism",
            "Non Accidental Fires - Rubbish or Similar"
        ]
    );
    // Filters: band changed (public concern x2 moves Vandalism only), a name search, '?'.
    let changed = TableView {
        sort: SortKey::Document,
        filter: Filter {
            band_changed: true,
            ..Filter::default()
        },
    };
    assert_eq!(names(&changed), ["Vandalism"]);
    let search = TableView {
        sort: SortKey::Total,
        filter: Filter {
            text: "NUISANCE".into(),
            ..Filter::default()
        },
    };
    assert_eq!(
        names(&search),
        [
            "Youth Nuisance",
            "Neighbour Nuisance",
            "Animal Nuisance",
            "Vehicle Nuisance/Inappropriate use"
        ],
        "any case, in rank order: 19, 16, 10, 9"
    );
    let uncertain = TableView {
        sort: SortKey::Document,
        filter: Filter {
            uncertain: true,
            ..Filter::default()
        },
    };
    // With public concern doubled a '?' there can add 8: Animals and Non Accidental Fires
    // (6 to 14) join the 13 that could change band as published.
    assert_eq!(names(&uncertain).len(), 15);
}

/// The name search as it read before: a lower-case copy of the name searched for the
/// lower-case text.
fn contains_lowered(name: &str, text: &str) -> bool {
    name.to_lowercase().contains(&text.to_lowercase())
}

#[test]
fn the_name_search_ignores_case_as_before() {
    for (name, text) in [
        ("Rowdy/Inconsiderate Behaviour", "rowdy"),
        ("Rowdy/Inconsiderate Behaviour", "BEHAVIOUR"),
        ("Rowdy/Inconsiderate Behaviour", "iour "),
        ("Fly-tipping", "y-t"),
        ("Fly-tipping", ""),
        ("", "a"),
        ("Café nuisance", "CAFÉ"),
        ("Café nuisance", "cafe"),
        ("ÉCOLE", "école"),
        ("Straße", "STRASSE"),
    ] {
        assert_eq!(
            contains_any_case(name, &text.to_lowercase()),
            contains_lowered(name, text),
            "{name:?} / {text:?}"
        );
    }
}

proptest! {
    #[test]
    fn the_name_search_agrees_with_a_lower_case_copy(
        name in "[a-zA-Z0-9 /éÉ-]{0,24}",
        text in "[a-zA-Z /éÉ-]{0,4}",
    ) {
        prop_assert_eq!(
            contains_any_case(&name, &text.to_lowercase()),
            contains_lowered(&name, &text)
        );
    }
}

#[test]
fn the_rows_have_headings_exactly_when_the_view_is_grouped() {
    let asb = seed_matrices().expect("seed parses").remove(1);
    let settings = Settings::published(&asb);
    let evaluation = evaluate(&asb, &settings);
    let base = baseline(&asb);
    let view = |sort, text: &str| TableView {
        sort,
        filter: Filter {
            text: text.to_owned(),
            ..Filter::default()
        },
    };
    for view in [
        view(SortKey::Document, ""),
        view(SortKey::Document, "   "),
        view(SortKey::Document, "noise"),
        view(SortKey::Total, ""),
        view(SortKey::Name, "   "),
    ] {
        let rows = view_rows(&asb, &evaluation, &base, &settings.thresholds, &view);
        let items = rows
            .iter()
            .filter(|r| matches!(r, TableRow::Item(_)))
            .count();
        // The count the table shows: every item when grouped, else one per row.
        let shown = if grouped(&view) {
            asb.items.len()
        } else {
            rows.len()
        };
        assert_eq!(shown, items, "{view:?}");
        assert_eq!(grouped(&view), rows.len() > items, "{view:?}");
    }
}
