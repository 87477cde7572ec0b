//! If the program ever panics, the page says so in plain words with a way to reload, instead
//! of freezing silently. The last save is untouched: saves are written only from complete
//! states, never from inside a panic.

use super::download::page_address;
use std::fmt::Write as _;

/// The id of the message shown after a panic.
pub const FATAL_ID: &str = "fatal-error";

/// Installs the panic hook that shows the message.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let mut details = String::new();
        let _ = write!(details, "{info}");
        show_fault(&details);
    }));
}

/// Puts the fault message at the top of the page (once), with `details` for whoever fixes it.
pub fn show_fault(details: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(FATAL_ID).is_some() {
        return;
    }
    let (Some(body), Ok(panel)) = (document.body(), document.create_element("div")) else {
        return;
    };
    let reload = page_address();
    panel.set_id(FATAL_ID);
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("class", "fatal-error");
    let parts = [
        ("h2", "Matrix Explorer has stopped"),
        ("p", "A fault in the program stopped the app. Your work up to your last change is saved in this browser: reload the page to carry on."),
    ];
    for (tag, text) in parts {
        if let Ok(element) = document.create_element(tag) {
            element.set_text_content(Some(text));
            let _ = panel.append_child(&element);
        }
    }
    if let Ok(link) = document.create_element("a") {
        let _ = link.set_attribute("href", &reload);
        let _ = link.set_attribute("class", "reload");
        link.set_text_content(Some("Reload the page"));
        let _ = panel.append_child(&link);
    }
    if let Ok(more) = document.create_element("details") {
        more.set_inner_html("<summary>Technical details</summary><pre></pre>");
        if let Ok(Some(pre)) = more.query_selector("pre") {
            pre.set_text_content(Some(details));
        }
        let _ = panel.append_child(&more);
    }
    let _ = body.prepend_with_node_1(&panel);
}
