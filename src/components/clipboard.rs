//! Copying text to the clipboard, with a plain-words outcome; nothing leaves the machine.

use std::rc::Rc;
use wasm_bindgen_futures::JsFuture;

/// Puts `text` on the clipboard and tells `done` whether it worked (and why not).
pub fn copy_text(text: &str, done: Rc<dyn Fn(Result<(), String>)>) {
    let Some(window) = web_sys::window() else {
        done(Err("no browser window".to_owned()));
        return;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        let outcome = JsFuture::from(promise)
            .await
            .map(|_| ())
            .map_err(|_| "the browser did not allow it".to_owned());
        done(outcome);
    });
}
