//! The Users page's toolbar: Add Users, Import Users and Export beside the
//! heading, and the search and license filter above the table.

use super::filter::LicenseFilter;
use super::listing::Listing;
use super::status::{Said, Status};
use super::{Dialogs, Open};
use crate::i18n::*;
use crate::state::use_signed_in;
use crate::ui::components::download::save_file;
use leptos::prelude::*;

/// Add Users, Import Users and Export, one group at the end of the heading.
pub fn user_actions(dialogs: Dialogs) -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    // Every user of the account, in the import's columns.
    let export = move |_| {
        let exported = who.with_untracked(|a, _| {
            Some((
                portal_domain::import::export(&a.users),
                a.users.len() as u32,
            ))
        });
        if let Some((text, count)) = exported {
            if save_file(&text, "users.csv", "text/csv;charset=utf-8").is_some() {
                // An export changes nothing: nothing for its Undo to take back.
                who.app().last_change.set(None);
                dialogs
                    .status
                    .set(Some(Said::new(Status::Exported { count })));
            }
        }
    };
    view! {
        <div class="page__actions">
            <button
                type="button"
                id="add-users"
                class="button button--primary"
                on:click=move |_| dialogs.show(Open::Add)
            >
                {tr!(i18n, users.add_users)}
            </button>
            <button
                type="button"
                id="import-users"
                class="button"
                on:click=move |_| dialogs.show(Open::Import)
            >
                {tr!(i18n, users.import_users)}
            </button>
            <button type="button" class="button" on:click=export>
                {tr!(i18n, users.export_users)}
            </button>
        </div>
    }
}

/// The search box, the license filter and the group filter; any of them
/// starts again at page 1.
pub fn search_and_filter(list: Listing) -> impl IntoView {
    let i18n = use_i18n();
    let groups = list.who.memo(|a, _| {
        a.groups
            .iter()
            .map(|g| (g.id, g.name.clone()))
            .collect::<Vec<_>>()
    });
    let group_options = move || {
        groups
            .get()
            .into_iter()
            .map(|(id, name)| view! { <option value=id.to_string()>{name}</option> })
            .collect_view()
    };
    view! {
        <div class="toolbar">
            <div class="field field--inline">
                <label for="user-search">{tr!(i18n, users.search)}</label>
                <input
                    id="user-search"
                    type="search"
                    placeholder=move || t_string!(i18n, users.search_placeholder)
                    prop:value=move || list.search.get()
                    on:input=move |ev| list.set_search(event_target_value(&ev))
                />
            </div>
            <div class="field field--inline">
                <label for="user-filter">{tr!(i18n, users.license_filter)}</label>
                <select
                    id="user-filter"
                    on:change=move |ev| list.set_filter(LicenseFilter::parse(&event_target_value(&ev)))
                >
                    {LicenseFilter::options()
                        .into_iter()
                        .map(|option| {
                            view! {
                                <option value=option.value()>
                                    {move || option.label(i18n.get_locale())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field field--inline">
                <label for="user-group-filter">{tr!(i18n, users.group_filter)}</label>
                <select
                    id="user-group-filter"
                    prop:value=move || {
                        let shown = list.group.get().filter(|g| groups.with(|all| all.iter().any(|(id, _)| id == g)));
                        shown.map(|g| g.to_string()).unwrap_or_default()
                    }
                    on:change=move |ev| {
                        list.set_group(event_target_value(&ev).parse().ok().map(portal_domain::GroupId))
                    }
                >
                    <option value="">{tr!(i18n, users.all_groups)}</option>
                    {group_options}
                </select>
            </div>
        </div>
    }
}
