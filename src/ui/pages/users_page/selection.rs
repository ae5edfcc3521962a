//! The selection bar: how many users are selected, Change Licenses and
//! Add to Group for them, and Clear selection. Shown only while some are selected.

use super::listing::Listing;
use super::{BulkAction, Dialogs, Open};
use crate::format;
use crate::i18n::*;
use leptos::prelude::*;
use std::collections::BTreeSet;

pub fn selection_bar(list: Listing, dialogs: Dialogs) -> impl IntoView {
    let i18n = use_i18n();
    let selected = list.selected;
    let count = move || {
        let locale = i18n.get_locale();
        let n = selected.with(BTreeSet::len);
        if n == 1 {
            td_string!(locale, users.one_user_selected).to_string()
        } else {
            crate::ui::messages::fill(
                td_string!(locale, users.users_selected),
                &[("count", &format::count_in(locale, n as u32))],
            )
        }
    };
    // The bar comes and goes with the first and last selected user only.
    let any = Memo::new(move |_| selected.with(|s| !s.is_empty()));
    view! {
        {move || any.get().then(|| view! {
            <div
                class="selection-bar"
                role="region"
                aria-label=move || t_string!(i18n, users.selected_region)
            >
                <span>{count}</span>
                <div class="field field--inline">
                    <label for="change-licenses">{tr!(i18n, users.change_licenses)}</label>
                    <select
                        id="change-licenses"
                        prop:value=move || {
                            // Back to "Choose a change" whenever a pop-up opens or closes.
                            dialogs.open.track();
                            ""
                        }
                        on:change=move |ev| {
                            let action = match event_target_value(&ev).as_str() {
                                "add" => Some(BulkAction::AddLargeMeetings),
                                "remove" => Some(BulkAction::RemoveLargeMeetings),
                                _ => None,
                            };
                            dialogs.choose(action.map(Open::Bulk));
                        }
                    >
                        <option value="">{tr!(i18n, users.choose_change)}</option>
                        <option value="add">{tr!(i18n, users.large_meetings)}</option>
                        <option value="remove">{tr!(i18n, users.remove_large_meetings)}</option>
                    </select>
                </div>
                <button
                    type="button"
                    id="add-to-group"
                    class="button"
                    on:click=move |_| dialogs.show(Open::AddToGroup)
                >
                    {tr!(i18n, users.add_to_group)}
                </button>
                <button type="button" class="button" on:click=move |_| selected.set(BTreeSet::new())>
                    {tr!(i18n, users.clear_selection)}
                </button>
            </div>
        })}
    }
}
