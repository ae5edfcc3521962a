//! Formatting of dates, amounts and numbers in the chosen language.

use crate::i18n::Locale;
use portal_domain::{Capacity, Day, Money, Timestamp};
use wasm_bindgen::JsValue;

/// The current time from the browser's clock.
pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// The BCP 47 tag the browser's Intl formats use for `locale`.
pub fn bcp47(locale: Locale) -> &'static str {
    match locale {
        Locale::en => "en-US",
        Locale::sv => "sv-SE",
    }
}

fn intl_options(pairs: &[(&str, &str)]) -> js_sys::Object {
    let options = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&options, &(*key).into(), &(*value).into());
    }
    options
}

/// A date and time in the browser's time zone: "Dec 11, 2026, 3:00 PM" or
/// "11 dec. 2026 15:00".
pub fn date_time_in(locale: Locale, at: Timestamp) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(at.millis() as f64));
    let options = intl_options(&[("dateStyle", "medium"), ("timeStyle", "short")]);
    date.to_locale_string(bcp47(locale), &options).into()
}

/// A `datetime-local` value that is not a date and time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAMoment;

/// The moment a `datetime-local` field's value names, in the browser's time
/// zone: `Ok(None)` for an empty field.
pub fn moment_of(local: &str) -> Result<Option<Timestamp>, NotAMoment> {
    if local.is_empty() {
        return Ok(None);
    }
    let ms = js_sys::Date::new(&JsValue::from_str(local)).get_time();
    match ms.is_nan() {
        true => Err(NotAMoment),
        false => Ok(Some(Timestamp(ms as i64))),
    }
}

/// The `datetime-local` value of `at` in the browser's time zone
/// ("2026-12-24T18:00").
pub fn local_moment(at: Timestamp) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(at.millis() as f64));
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// A calendar day (UTC, as the domain counts days): "Dec 27, 2026" or
/// "27 dec. 2026", as the browser's medium date style writes it (a browser
/// test holds the two together). Written by the portal from the locale
/// files rather than by `Intl`: the first `Intl` date format of a page
/// loads the browser's date data, 0.1 s on a slow phone, and the sign-in
/// page's footer shows a day.
pub fn day_in(locale: Locale, day: Day) -> String {
    let (year, month, date) = day.ymd();
    let month = match month {
        1 => td_string!(locale, common.months.jan),
        2 => td_string!(locale, common.months.feb),
        3 => td_string!(locale, common.months.mar),
        4 => td_string!(locale, common.months.apr),
        5 => td_string!(locale, common.months.may),
        6 => td_string!(locale, common.months.jun),
        7 => td_string!(locale, common.months.jul),
        8 => td_string!(locale, common.months.aug),
        9 => td_string!(locale, common.months.sep),
        10 => td_string!(locale, common.months.oct),
        11 => td_string!(locale, common.months.nov),
        _ => td_string!(locale, common.months.dec),
    };
    crate::ui::messages::fill(
        td_string!(locale, common.date.medium),
        &[("month", &month), ("day", &date), ("year", &year)],
    )
    .to_string()
}

/// An amount in US dollars: "$1,234.50" or "1 234,50 US$".
pub fn money_in(locale: Locale, amount: Money) -> String {
    let options = intl_options(&[("style", "currency"), ("currency", "USD")]);
    let format =
        js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&bcp47(locale).into()), &options);
    let value = JsValue::from_f64(amount.cents() as f64 / 100.0);
    format
        .format()
        .call1(&JsValue::UNDEFINED, &value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| amount.to_string())
}

/// A whole number with the language's grouping: "1,000" or "1 000".
pub fn count_in(locale: Locale, n: u32) -> String {
    let digits = portal_domain::money::group_thousands(n.into());
    match locale {
        Locale::en => digits,
        // Swedish groups with a no-break space.
        Locale::sv => digits.replace(',', "\u{a0}"),
    }
}

/// How the chosen language writes whole numbers, for reading them back
/// from number fields.
pub fn number_style(locale: Locale) -> portal_domain::NumberStyle {
    match locale {
        Locale::en => portal_domain::NumberStyle::English,
        Locale::sv => portal_domain::NumberStyle::Swedish,
    }
}

/// "1,000 participants" or "1 000 deltagare".
pub fn participants_in(locale: Locale, capacity: Capacity) -> String {
    crate::ui::messages::fill(
        td_string!(locale, common.participants),
        &[("count", &count_in(locale, capacity.participants()))],
    )
}
