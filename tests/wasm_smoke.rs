//! Browser smoke tests (wasm-bindgen-test in headless Chromium): the app mounts, shows the
//! seed's published totals and bands, switches matrix and re-bands on a score edit.
#![cfg(target_arch = "wasm32")]

use matrix_explorer::components::App;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

fn mount() -> Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    yew::Renderer::<App>::with_root(root.clone()).render();
    root
}

fn element<T: JsCast>(root: &Element, selector: &str) -> T {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
        .unwrap_or_else(|| panic!("no element {selector}"))
}

fn cell(root: &Element, item: &str, class: &str) -> String {
    let selector = format!("tr.item-row[data-item=\"{item}\"] td.{class}");
    root.query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_else(|| panic!("no cell {selector}"))
}

#[wasm_bindgen_test]
async fn shows_published_totals_switches_matrix_and_rebands_on_edit() {
    let root = mount();
    settle().await;
    assert_eq!(cell(&root, "Possession Of Drugs", "total"), "18");
    assert_eq!(cell(&root, "Possession Of Drugs", "band"), "Red");
    assert_eq!(cell(&root, "Snatches", "band"), "Green");

    let asb_tab: HtmlElement = element(&root, "#tab-1");
    asb_tab.click();
    settle().await;
    assert_eq!(cell(&root, "Youth Nuisance", "total"), "15");
    assert_eq!(cell(&root, "Youth Nuisance", "band"), "Red");
    assert_eq!(cell(&root, "Street Drinking", "band"), "Red");

    // A click on the score cell opens its chooser; choosing 0 sets the score.
    let score: HtmlElement = element(
        &root,
        "tr.item-row[data-item=\"Street Drinking\"] [aria-colindex=\"6\"]",
    );
    score.click();
    settle().await;
    let select: HtmlSelectElement = element(&root, "#score-chooser");
    select.set_value("0");
    let init = EventInit::new();
    init.set_bubbles(true);
    let change = Event::new_with_event_init_dict("change", &init).expect("an event");
    select.dispatch_event(&change).expect("dispatched");
    settle().await;
    assert_eq!(cell(&root, "Street Drinking", "total"), "9");
    // The band, and under it the band it had as published.
    assert_eq!(cell(&root, "Street Drinking", "band"), "Amber▼ was Red");
    let counts = root
        .query_selector(".band-counts")
        .ok()
        .flatten()
        .and_then(|e| e.text_content());
    assert_eq!(counts.as_deref(), Some("Red 11, Amber 13, Green 5"));
}
