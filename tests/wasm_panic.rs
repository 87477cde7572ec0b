//! A panic in the app shows the plain-words fault message with a reload link (wasm in
//! headless Chromium): the hook is installed, a panic happens in a later task, and the
//! message is on the page.
#![cfg(target_arch = "wasm32")]

use matrix_explorer::components::{install_panic_hook, FATAL_ID};
use std::time::Duration;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_panic_shows_the_fault_message() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    assert!(
        document.get_element_by_id(FATAL_ID).is_none(),
        "no message before"
    );
    install_panic_hook();
    // The panic happens in a timer task of its own, as a panic in an event handler would.
    let timer = gloo::timers::callback::Timeout::new(0, || panic!("a fault forced by the test"));
    timer.forget();
    yew::platform::time::sleep(Duration::from_millis(100)).await;
    let message = document
        .get_element_by_id(FATAL_ID)
        .expect("the fault message");
    let text = message.text_content().unwrap_or_default();
    assert!(text.contains("Matrix Explorer has stopped"), "{text}");
    assert!(
        text.contains("Your work up to your last change is saved"),
        "{text}"
    );
    assert!(text.contains("a fault forced by the test"), "{text}");
    let reload = message
        .query_selector("a.reload")
        .ok()
        .flatten()
        .expect("a reload link");
    assert_eq!(reload.text_content().as_deref(), Some("Reload the page"));
    assert_eq!(message.get_attribute("role").as_deref(), Some("alert"));
}
