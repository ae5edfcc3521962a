//! The Zoom Workplace license of the user: Basic, or a seat of the base
//! plan while one is free (the free seats are said under the choice).

use super::EditForm;
use crate::format;
use crate::i18n::*;
use crate::state::use_signed_in;
use crate::ui::base::href;
use crate::ui::labels;
use leptos::prelude::*;
use portal_domain::BaseLicense;

pub fn license_choice(
    form: EditForm,
    // The user holds a seat already (so Licensed stays open to them).
    holds_license: bool,
    // Where the admin buys more, if they may.
    buy: Option<&'static str>,
) -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    // Free seats of the base plan, all of them, and the plan's name, as
    // the dialog opened (Save checks the seats again).
    let (free, total, plan) = who.with_untracked(|a, _| {
        (
            a.seats_available(),
            a.base_plan.seats,
            a.base_plan.name.clone(),
        )
    });
    let open = holds_license || free > 0;
    let on_change = move |ev| {
        // A value that names no license changes nothing.
        if let Ok(chosen) = event_target_value(&ev).parse::<BaseLicense>() {
            form.license.set(chosen);
            form.confirming.set(false);
            if chosen == BaseLicense::Basic {
                form.large_on.set(false);
            }
        }
    };
    let licensed = move || {
        let locale = i18n.get_locale();
        let available = format::count_in(locale, free);
        if free == 1 {
            crate::ui::messages::fill(
                td_string!(locale, users.edit.plan_available_one),
                &[("plan", &&plan), ("available", &available)],
            )
        } else {
            crate::ui::messages::fill(
                td_string!(locale, users.edit.plan_available),
                &[("plan", &&plan), ("available", &available)],
            )
        }
    };
    // The free seats stay readable when a narrow screen cuts the option's text.
    let free = move || {
        let locale = i18n.get_locale();
        let (available, total) = (
            format::count_in(locale, free),
            format::count_in(locale, total),
        );
        if free == 1 {
            crate::ui::messages::fill(
                td_string!(locale, users.edit.seats_free_one),
                &[("available", &available), ("total", &total)],
            )
        } else {
            crate::ui::messages::fill(
                td_string!(locale, users.edit.seats_free_many),
                &[("available", &available), ("total", &total)],
            )
        }
    };
    let none_free = (!open).then(|| {
        let buy = match buy {
            Some(path) => {
                view! { <a href=href(path)>{tr!(i18n, users.edit.buy_more)}</a> }.into_any()
            }
            None => tr!(i18n, users.edit.ask_owner).into_any(),
        };
        view! { <p class="field-help">{tr!(i18n, users.edit.no_base_seats)} " " {buy}</p> }
    });
    view! {
        <div class="field">
            <label for="edit-zoom-workplace">{tr!(i18n, users.zoom_workplace)}</label>
            <select
                id="edit-zoom-workplace"
                aria-describedby="edit-zoom-workplace-seats"
                on:change=on_change
                prop:value=move || form.license.get().as_str()
            >
                <option value=BaseLicense::Basic.as_str()>
                    {move || labels::license(i18n.get_locale(), BaseLicense::Basic)}
                </option>
                <option value=BaseLicense::Licensed.as_str() disabled=!open>
                    {licensed}
                </option>
            </select>
            <p id="edit-zoom-workplace-seats" class="field-help">{free}</p>
            {none_free}
        </div>
    }
}
