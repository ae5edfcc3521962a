//! Files the portal hands to the person: kept data, CSV exports.

use leptos::prelude::document;
use wasm_bindgen::{JsCast, JsValue};

/// An object URL for `text` as a file of type `mime`.
pub fn object_url(text: &str, mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Starts the download of `text` as a file called `name`.
pub fn save_file(text: &str, name: &str, mime: &str) -> Option<()> {
    let url = object_url(text, mime)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url).ok()
}
