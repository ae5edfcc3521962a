//! The Large Meetings add-on: ticked only for a paid user, and then one of
//! the capacities the account owns, offered as Change Licenses offers them.

use super::super::capacity_offer::capacity_offer;
use super::super::until::until_field;
use super::EditForm;
use crate::i18n::*;
use crate::state::use_signed_in;
use crate::ui::base::href;
use crate::ui::pages::help_page::RequirementsLink;
use leptos::prelude::*;
use portal_domain::Capacity;

pub fn large_meetings_choice(
    form: EditForm,
    // The capacity the user holds now, if any: they keep it whatever the
    // line's state.
    holds: Option<Capacity>,
    // Where the admin buys Large Meetings, if they may.
    buy: Option<&'static str>,
) -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    let owned: Vec<Capacity> =
        who.with_untracked(|a, _| a.large_meetings.iter().map(|l| l.capacity).collect());
    let owned = StoredValue::new(owned);
    let on_large = move |ev| {
        let checked = event_target_checked(&ev);
        form.large_on.set(checked);
        if checked && form.capacity.get_untracked().is_none() {
            // With only one capacity owned, it is chosen for the admin.
            owned.with_value(|o| {
                if let [only] = o.as_slice() {
                    form.capacity.set(Some(*only));
                }
            });
        }
    };
    // The same offer as Change Licenses: free seats are what Save accepts,
    // and a capacity that cannot be given says why.
    let radios = move || {
        let locale = i18n.get_locale();
        who.with(|a, _| {
            owned
                .get_value()
                .into_iter()
                .map(|c| {
                    let offer = capacity_offer(locale, a, c, holds == Some(c));
                    let id = format!("edit-lm-{}", c.participants());
                    view! {
                        <div class="choice">
                            <input
                                type="radio"
                                name="edit-lm-capacity"
                                id=id.clone()
                                disabled=!offer.enabled
                                prop:checked=move || form.capacity.get() == Some(c)
                                on:change=move |_| form.capacity.set(Some(c))
                            />
                            <label for=id>{offer.label}</label>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let none_owned = move || {
        let buy = buy.map(|path| {
            view! { <a href=href(path)>{tr!(i18n, users.edit.buy_large_meetings)}</a> }
        });
        view! { <p class="field-help">{tr!(i18n, users.no_large_meetings_yet)} " " {buy}</p> }
    };
    let capacities = move || {
        (form.large_on.get() && !form.is_basic()).then(|| {
            if owned.with_value(Vec::is_empty) {
                none_owned().into_any()
            } else {
                view! {
                    <fieldset class="fieldset fieldset--nested">
                        <legend>{tr!(i18n, users.participants_legend)}</legend>
                        {radios}
                    </fieldset>
                    {until_field("edit-lm-until", form.until)}
                }
                .into_any()
            }
        })
    };
    view! {
        <fieldset class="fieldset">
            <legend>{tr!(i18n, users.edit.licenses_and_add_ons)}</legend>
            <div class="choice">
                <input
                    type="checkbox"
                    id="edit-large-meetings"
                    disabled=move || form.is_basic()
                    prop:checked=move || form.large_on.get()
                    on:change=on_large
                    aria-describedby="edit-large-meetings-note"
                />
                <label for="edit-large-meetings">{tr!(i18n, users.large_meetings)}</label>
            </div>
            <p id="edit-large-meetings-note" class="field-help">
                {move || form.is_basic().then(|| t_string!(i18n, users.only_paid))}
            </p>
            <p class="field-help"><RequirementsLink /></p>
            {capacities}
        </fieldset>
    }
}
