//! Formatting of dates and numbers for display.

use portal_domain::Timestamp;
use wasm_bindgen::JsValue;

/// A date and time such as "Dec 11, 2026, 3:00 PM" in the browser's time zone.
pub fn date_time(at: Timestamp) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(at.millis() as f64));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    date.to_locale_string("en-US", &options).into()
}

/// The current time from the browser's clock.
pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}
