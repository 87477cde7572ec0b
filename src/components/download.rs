//! Saving text as a file on the user's machine, from memory (a blob URL and a download link),
//! and the page's own address and the time for file names and links. Nothing leaves the machine.

use gloo::file::{Blob, ObjectUrl};
use wasm_bindgen::JsCast;
use web_sys::HtmlAnchorElement;

/// Offers `text` for download as `file_name`. Returns the object URL, which must be kept
/// alive until the browser has taken the download (dropping it revokes the URL).
pub fn offer_download(file_name: &str, mime_type: &str, text: &str) -> Option<ObjectUrl> {
    let url = ObjectUrl::from(Blob::new_with_options(text, Some(mime_type)));
    let document = web_sys::window()?.document()?;
    let anchor: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document.body()?;
    body.append_child(&anchor).ok()?;
    anchor.click();
    let _ = body.remove_child(&anchor);
    Some(url)
}

/// Today's date and time as an ISO 8601 string, for export headers and file names.
pub fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

/// The page's own address without its `#` part: where this same file is opened from.
pub fn page_address() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .unwrap_or_default()
}
