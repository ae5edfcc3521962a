//! The Users table: one page of users, sortable by each column, each row
//! with a checkbox, Remove and Edit.

use super::listing::Listing;
use super::{edit_button_id, remove_button_id, Dialogs, Open};
use crate::format;
use crate::i18n::*;
use crate::ui::components::table_scroll::TableScroll;
use crate::ui::labels;
use leptos::prelude::*;
use portal_domain::directory::{Sort, SortKey};
use portal_domain::{Account, User, UserId};

/// `aria-sort` of the header of `key` under `sort`.
fn aria_sort(sort: Sort, key: SortKey) -> Option<&'static str> {
    (sort.key == key).then_some(if sort.descending {
        "descending"
    } else {
        "ascending"
    })
}

/// The arrow beside the header of `key` under `sort`.
fn sort_mark(sort: Sort, key: SortKey) -> &'static str {
    match (sort.key == key, sort.descending) {
        (false, _) => "",
        (true, false) => "▲",
        (true, true) => "▼",
    }
}

/// A sortable column header: a button that says how it sorts.
#[component]
fn SortHeader(label: &'static str, key: SortKey, sort: RwSignal<Sort>) -> impl IntoView {
    view! {
        <th scope="col" aria-sort=move || aria_sort(sort.get(), key)>
            <button
                type="button"
                class="sort-button"
                on:click=move |_| sort.update(|s| *s = s.toggle(key))
            >
                {label}
                <span class="sort-button__mark" aria-hidden="true">
                    {move || sort_mark(sort.get(), key)}
                </span>
            </button>
        </th>
    }
}

/// One row as shown, worded in one language.
struct Row {
    id: UserId,
    name: String,
    email: String,
    role: &'static str,
    license: &'static str,
    large: String,
    /// "Groups: Events, Sales", or empty.
    groups: String,
}

impl Row {
    fn of(locale: Locale, a: &Account, u: &User) -> Self {
        let large = u.large_meetings.map(|c| format::participants_in(locale, c));
        // Where a group's rule gives it, the group is named.
        let from = u.membership.large_meetings_from.and_then(|g| a.group(g));
        let large = match (large, from) {
            (Some(large), Some(group)) => crate::ui::messages::fill(
                td_string!(locale, users.large_from_group),
                &[("capacity", &large), ("group", &group.name)],
            ),
            (large, _) => large.unwrap_or_else(|| "—".into()),
        };
        // Given for a time: until when.
        let large = match u.membership.until {
            Some(until) => crate::ui::messages::fill(
                td_string!(locale, users.large_until),
                &[
                    ("capacity", &large),
                    ("when", &format::date_time_in(locale, until)),
                ],
            ),
            None => large,
        };
        Row {
            id: u.id,
            name: u.full_name(),
            email: u.email.to_string(),
            role: labels::role(locale, u.role),
            license: labels::license(locale, u.license),
            large,
            groups: groups_note(locale, a, u),
        }
    }

    fn view(self, locale: Locale, list: Listing, dialogs: Dialogs) -> impl IntoView {
        let Row { id, name, .. } = self;
        let open = move |dialog: Open| move |_| dialogs.show(dialog);
        view! {
            <tr>
                <td>
                    <input
                        type="checkbox"
                        aria-label=crate::ui::messages::fill(td_string!(locale, users.select_user), &[("name", &&name)])
                        prop:checked=move || list.is_selected(id)
                        on:change=move |ev| list.select(id, event_target_checked(&ev))
                    />
                </td>
                <td>
                    <span class="users-table__text">{name}</span>
                    <span class="table__note">{self.groups}</span>
                </td>
                <td>
                    <span class="users-table__text">{self.email}</span>
                </td>
                <td class="users-table__word">{self.role}</td>
                <td class="users-table__word">{self.license}</td>
                <td class="users-table__word">{self.large}</td>
                <td class="table__actions">
                    <button
                        type="button"
                        class="button button--quiet"
                        id=remove_button_id(id)
                        on:click=open(Open::Remove(id))
                    >
                        {td_string!(locale, users.remove_button)}
                    </button>
                    <button
                        type="button"
                        class="button button--quiet"
                        id=edit_button_id(id)
                        on:click=open(Open::Edit(id))
                    >
                        {td_string!(locale, users.edit_button)}
                    </button>
                </td>
            </tr>
        }
    }
}

/// "Groups: Events, Sales" for a user in groups, empty otherwise.
fn groups_note(locale: Locale, a: &Account, u: &User) -> String {
    let names: Vec<&str> = u
        .membership
        .groups
        .iter()
        .filter_map(|g| a.group(*g).map(|g| g.name.as_str()))
        .collect();
    if names.is_empty() {
        return String::new();
    }
    crate::ui::messages::fill(
        td_string!(locale, users.edit.groups),
        &[("groups", &names.join(", "))],
    )
}

/// The table, worded once per language: a switch redraws it.
pub fn users_table(list: Listing, dialogs: Dialogs) -> impl IntoView {
    let i18n = use_i18n();
    let sort = list.sort;
    move || {
        let locale = i18n.get_locale();
        let header = move |label, key| view! { <SortHeader label key sort /> };
        view! {
            <TableScroll label=td_string!(locale, users.caption)>
                <table class="table users-table">
                    <caption class="visually-hidden">{td_string!(locale, users.caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">
                                <input
                                    type="checkbox"
                                    aria-label=td_string!(locale, users.select_all)
                                    prop:checked=move || list.all_shown_selected()
                                    on:change=move |ev| list.select_all_shown(event_target_checked(&ev))
                                />
                            </th>
                            {header(td_string!(locale, users.column.name), SortKey::Name)}
                            {header(td_string!(locale, users.column.email), SortKey::Email)}
                            {header(td_string!(locale, users.role_label), SortKey::Role)}
                            {header(td_string!(locale, users.zoom_workplace), SortKey::License)}
                            {header(td_string!(locale, users.large_meetings), SortKey::LargeMeetings)}
                            <th scope="col">
                                <span class="visually-hidden">{td_string!(locale, users.column.actions)}</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            list.on_page(|a, u| Row::of(locale, a, u))
                                .into_iter()
                                .map(|row| row.view(locale, list, dialogs))
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </TableScroll>
        }
    }
}
