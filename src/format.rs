//! Formatting of dates and numbers for display.

use portal_domain::{Capacity, Day, Money, Timestamp};
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

/// A calendar day such as "Dec 27, 2026" (the day is UTC, as the domain counts it).
pub fn day(day: Day) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(day.start().millis() as f64));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeZone".into(), &"UTC".into());
    date.to_locale_date_string("en-US", &options).into()
}

/// An amount such as "$1,234.50".
pub fn money(amount: Money) -> String {
    amount.to_string()
}

/// A whole number with thousands separators: "1,000".
pub fn count(n: u32) -> String {
    portal_domain::money::group_thousands(n.into())
}

/// "1,000 participants".
pub fn participants(capacity: Capacity) -> String {
    format!("{} participants", count(capacity.participants()))
}
