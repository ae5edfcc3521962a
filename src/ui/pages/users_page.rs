//! User Management > Users: the account's users, finding, sorting and
//! selecting them, and the dialogs that change them.

mod add_user;
mod capacity_offer;
mod change_licenses;
mod edit_user;
mod import_users;
mod remove_user;

use crate::format;
use crate::i18n::*;
use crate::state::{use_account, use_app};
use crate::ui::components::dialog::focus_by_id;
use crate::ui::components::download::save_file;
use crate::ui::components::table_scroll::TableScroll;
use crate::ui::labels;
use add_user::AddUserDialog;
use change_licenses::ChangeLicensesDialog;
use edit_user::EditUserDialog;
use import_users::ImportUsersDialog;
use leptos::prelude::*;
use portal_domain::directory::{Sort, SortKey, UserIndex};
use portal_domain::{AccountId, BaseLicense, Capacity, User, UserId};
use remove_user::RemoveUserDialog;
use std::collections::BTreeSet;

/// What Change Licenses does to the selected users.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BulkAction {
    AddLargeMeetings,
    RemoveLargeMeetings,
}

/// Rows per page: the table never holds more than this many rows.
const PAGE_SIZE: usize = 50;

/// The license filter above the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LicenseFilter {
    All,
    Basic,
    Licensed,
    AnyLargeMeetings,
    LargeMeetings(Capacity),
}

impl LicenseFilter {
    /// Every choice of the filter, in the order shown.
    fn options() -> Vec<Self> {
        let mut options = vec![
            Self::All,
            Self::Basic,
            Self::Licensed,
            Self::AnyLargeMeetings,
        ];
        options.extend(Capacity::ALL.into_iter().map(Self::LargeMeetings));
        options
    }

    /// The `<option>` value that `parse` reads back.
    fn value(self) -> String {
        match self {
            Self::All => "all".to_string(),
            Self::Basic => "basic".to_string(),
            Self::Licensed => "licensed".to_string(),
            Self::AnyLargeMeetings => "lm".to_string(),
            Self::LargeMeetings(c) => format!("lm{}", c.participants()),
        }
    }

    /// What the option says in `locale`: "Large Meetings 1,000", "Stora möten 1 000".
    fn label(self, locale: Locale) -> String {
        match self {
            Self::All => td_string!(locale, users.filter.all).to_string(),
            Self::Basic => labels::license(locale, BaseLicense::Basic).to_string(),
            Self::Licensed => labels::license(locale, BaseLicense::Licensed).to_string(),
            Self::AnyLargeMeetings => {
                td_string!(locale, users.filter.any_large_meetings).to_string()
            }
            Self::LargeMeetings(c) => td_string!(
                locale,
                users.filter.large_meetings,
                count = format::count_in(locale, c.participants())
            ),
        }
    }

    fn parse(value: &str) -> Self {
        match value {
            "basic" => Self::Basic,
            "licensed" => Self::Licensed,
            "lm" => Self::AnyLargeMeetings,
            other => other
                .strip_prefix("lm")
                .and_then(|n| n.parse().ok())
                .and_then(|n| Capacity::from_participants(n).ok())
                .map_or(Self::All, Self::LargeMeetings),
        }
    }

    fn matches(self, user: &User) -> bool {
        match self {
            Self::All => true,
            Self::Basic => user.license == BaseLicense::Basic,
            Self::Licensed => user.license == BaseLicense::Licensed,
            Self::AnyLargeMeetings => user.large_meetings.is_some(),
            Self::LargeMeetings(c) => user.large_meetings == Some(c),
        }
    }
}

/// `aria-sort` of a column header under `sort`.
trait AriaSort {
    fn aria(self, key: SortKey) -> Option<&'static str>;
}

impl AriaSort for Sort {
    fn aria(self, key: SortKey) -> Option<&'static str> {
        (self.key == key).then_some(if self.descending {
            "descending"
        } else {
            "ascending"
        })
    }
}

fn edit_button_id(user: UserId) -> String {
    format!("edit-user-{user}")
}

/// A sortable column header: a button that says how it sorts.
#[component]
fn SortHeader(label: &'static str, key: SortKey, sort: RwSignal<Sort>) -> impl IntoView {
    view! {
        <th scope="col" aria-sort=move || sort.get().aria(key)>
            <button
                type="button"
                class="sort-button"
                on:click=move |_| sort.update(|s| *s = s.toggle(key))
            >
                {label}
                <span class="sort-button__mark" aria-hidden="true">
                    {move || match sort.get().aria(key) {
                        Some("ascending") => "▲",
                        Some(_) => "▼",
                        None => "",
                    }}
                </span>
            </button>
        </th>
    }
}

/// Which dialog of the Users page is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    Edit(UserId),
    Remove(UserId),
    Add,
    Import,
    Bulk(BulkAction),
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let i18n = use_i18n();
    let search = RwSignal::new(String::new());
    let filter = RwSignal::new(LicenseFilter::All);
    let sort = RwSignal::new(Sort::BY_NAME);
    let page = RwSignal::new(0usize);
    let open = RwSignal::new(None::<Open>);
    let status = RwSignal::new(None::<String>);
    // Kept while searching, filtering, sorting and paging.
    let selected = RwSignal::new(BTreeSet::<UserId>::new());

    // Every user in table order with the text a search looks at, made once
    // per change of the account or the sort, not per keystroke.
    // Updated from the previous index of the same account (ids are unique
    // within an account only).
    let ordered = Memo::new(move |previous: Option<&(AccountId, UserIndex)>| {
        let sort = sort.get();
        account.with(|a| {
            let Some(a) = a else {
                return (AccountId(0), UserIndex::default());
            };
            let previous = previous
                .filter(|(id, _)| *id == a.id)
                .map(|(_, index)| index);
            (a.id, UserIndex::update(previous, &a.users, sort))
        })
    });
    // Positions (in the account's user list) of the users shown, in order.
    let matching = Memo::new(move |_| {
        let filter = filter.get();
        account.with(|a| {
            let Some(a) = a else { return Vec::new() };
            search.with(|query| {
                ordered.with(|(_, index)| index.search(&a.users, query, |u| filter.matches(u)))
            })
        })
    });
    let pages = move || matching.with(|m| m.len().div_ceil(PAGE_SIZE).max(1));
    let first_shown = move || page.get().min(pages() - 1) * PAGE_SIZE;
    // A new search or filter starts at the first page.
    let on_search = move |value: String| {
        search.set(value);
        page.set(0);
    };
    let page_ids = move || {
        let start = first_shown();
        account.with(|a| {
            let Some(a) = a else { return Vec::new() };
            matching.with(|m| {
                m.iter()
                    .skip(start)
                    .take(PAGE_SIZE)
                    .map(|i| a.users[*i].id)
                    .collect::<Vec<UserId>>()
            })
        })
    };
    let all_shown_selected = move || {
        let ids = page_ids();
        !ids.is_empty() && selected.with(|s| ids.iter().all(|id| s.contains(id)))
    };
    let toggle_all_shown = move |on: bool| {
        let ids = page_ids();
        selected.update(|s| {
            for id in ids {
                if on {
                    s.insert(id);
                } else {
                    s.remove(&id);
                }
            }
        });
    };
    // The rows of the current page, worded in `locale`.
    let rows = move |locale: Locale| {
        let start = first_shown();
        account.with(|a| {
            let Some(a) = a else { return Vec::new() };
            matching.with(|m| {
                m.iter()
                    .skip(start)
                    .take(PAGE_SIZE)
                    .map(|i| {
                        let u = &a.users[*i];
                        (
                            u.id,
                            u.full_name(),
                            u.email.to_string(),
                            labels::role(locale, u.role),
                            labels::license(locale, u.license),
                            u.large_meetings
                                .map(|c| format::participants_in(locale, c))
                                .unwrap_or_else(|| "—".into()),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let showing = move || {
        let locale = i18n.get_locale();
        let total = matching.with(Vec::len);
        if total == 0 {
            return td_string!(locale, users.no_match).to_string();
        }
        let start = first_shown();
        td_string!(
            locale,
            users.showing,
            start = format::count_in(locale, start as u32 + 1),
            end = format::count_in(locale, (start + PAGE_SIZE).min(total) as u32),
            total = format::count_in(locale, total as u32)
        )
    };
    let summary = move || {
        let locale = i18n.get_locale();
        account.with(|a| {
            let a = a.as_ref()?;
            let mut lines = vec![td_string!(
                locale,
                users.seats_base,
                used = format::count_in(locale, a.seats_in_use()),
                total = format::count_in(locale, a.base_plan.seats)
            )];
            for line in &a.large_meetings {
                let seats = a.seats(line.capacity);
                let (capacity, assigned, purchased, available) = (
                    format::participants_in(locale, line.capacity),
                    format::count_in(locale, seats.assigned),
                    format::count_in(locale, seats.purchased),
                    format::count_in(locale, seats.available()),
                );
                let mut text = if seats.available() == 1 {
                    td_string!(
                        locale,
                        users.seats_large_one_available,
                        capacity,
                        assigned,
                        purchased,
                        available
                    )
                } else {
                    td_string!(
                        locale,
                        users.seats_large,
                        capacity,
                        assigned,
                        purchased,
                        available
                    )
                };
                // Unassigned seats of a line being cancelled or reduced are
                // not free: say why fewer are available than unassigned.
                if let Some(note) = capacity_offer::pending_note(locale, a, line.capacity) {
                    text = td_string!(
                        locale,
                        users.seats_large_with_note,
                        seats = text,
                        note = note
                    );
                }
                lines.push(text);
            }
            Some(
                lines
                    .into_iter()
                    .map(|l| view! { <li>{l}</li> })
                    .collect_view(),
            )
        })
    };
    // Closes the open dialog and puts focus back where the person was.
    let close = move |saved: Option<String>| {
        let Some(was) = open.get_untracked() else {
            return;
        };
        open.set(None);
        let saved_any = saved.is_some();
        if let Some(message) = saved {
            status.set(Some(message));
        }
        match was {
            Open::Edit(user) => focus_by_id(&edit_button_id(user)),
            Open::Remove(user) => {
                // The row is gone once the user is removed.
                if account.with_untracked(|a| a.as_ref().and_then(|a| a.user(user)).is_some()) {
                    focus_by_id(&format!("remove-user-{user}"));
                } else {
                    selected.update(|s| {
                        s.remove(&user);
                    });
                    focus_by_id("user-search");
                }
            }
            Open::Add => focus_by_id("add-users"),
            Open::Import => focus_by_id("import-users"),
            // A saved bulk change clears the selection, and with it the
            // selection bar: focus goes to the confirmation once it is shown.
            Open::Bulk(_) if saved_any => {
                request_animation_frame(|| focus_by_id("users-status"));
            }
            Open::Bulk(_) => focus_by_id("change-licenses"),
        }
    };
    let on_close = Callback::new(move |_: ()| close(None));
    // Every user of the account, in the import's columns.
    let export = move || {
        let locale = i18n.get_locale_untracked();
        let exported = app.with_viewer_untracked(|a, _| {
            (
                portal_domain::import::export(&a.users),
                a.users.len() as u32,
            )
        });
        if let Some((text, count)) = exported {
            if save_file(&text, "users.csv", "text/csv;charset=utf-8").is_some() {
                let shown = format::count_in(locale, count);
                status.set(Some(if count == 1 {
                    td_string!(locale, users.exported_one, count = shown)
                } else {
                    td_string!(locale, users.exported_many, count = shown)
                }));
            }
        }
    };
    let on_saved = Callback::new(move |message: String| close(Some(message)));
    view! {
        <section class="page page--wide" aria-labelledby="page-title">
            <p class="page__trail">{t!(i18n, users.trail)}</p>
            <div class="page__heading">
                <h1 id="page-title">{t!(i18n, users.title)}</h1>
                <button
                    type="button"
                    id="add-users"
                    class="button button--primary"
                    on:click=move |_| {
                        status.set(None);
                        open.set(Some(Open::Add));
                    }
                >
                    {t!(i18n, users.add_users)}
                </button>
                <button
                    type="button"
                    id="import-users"
                    class="button"
                    on:click=move |_| {
                        status.set(None);
                        open.set(Some(Open::Import));
                    }
                >
                    {t!(i18n, users.import_users)}
                </button>
                <button type="button" class="button" on:click=move |_| export()>
                    {t!(i18n, users.export_users)}
                </button>
            </div>
            <ul class="seat-summary" aria-label=move || t_string!(i18n, users.seats_label)>
                {summary}
            </ul>
            <p id="users-status" class="form-status" role="status" tabindex="-1">{move || status.get()}</p>
            <div class="toolbar">
                <div class="field field--inline">
                    <label for="user-search">{t!(i18n, users.search)}</label>
                    <input
                        id="user-search"
                        type="search"
                        placeholder=move || t_string!(i18n, users.search_placeholder)
                        prop:value=move || search.get()
                        on:input=move |ev| on_search(event_target_value(&ev))
                    />
                </div>
                <div class="field field--inline">
                    <label for="user-filter">{t!(i18n, users.license_filter)}</label>
                    <select
                        id="user-filter"
                        on:change=move |ev| {
                            filter.set(LicenseFilter::parse(&event_target_value(&ev)));
                            page.set(0);
                        }
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
            </div>
            <p class="page__lead" aria-live="polite">{showing}</p>
            <Show when=move || selected.with(|s| !s.is_empty())>
                <div
                    class="selection-bar"
                    role="region"
                    aria-label=move || t_string!(i18n, users.selected_region)
                >
                    <span>
                        {move || {
                            let locale = i18n.get_locale();
                            let n = selected.with(BTreeSet::len);
                            if n == 1 {
                                td_string!(locale, users.one_user_selected).to_string()
                            } else {
                                td_string!(
                                    locale,
                                    users.users_selected,
                                    count = format::count_in(locale, n as u32)
                                )
                            }
                        }}
                    </span>
                    <div class="field field--inline">
                        <label for="change-licenses">{t!(i18n, users.change_licenses)}</label>
                        <select
                            id="change-licenses"
                            prop:value=move || {
                                // Back to "Choose a change" whenever a pop-up opens or closes.
                                open.track();
                                ""
                            }
                            on:change=move |ev| {
                                let action = match event_target_value(&ev).as_str() {
                                    "add" => Some(BulkAction::AddLargeMeetings),
                                    "remove" => Some(BulkAction::RemoveLargeMeetings),
                                    _ => None,
                                };
                                status.set(None);
                                open.set(action.map(Open::Bulk));
                            }
                        >
                            <option value="">{t!(i18n, users.choose_change)}</option>
                            <option value="add">{t!(i18n, users.large_meetings)}</option>
                            <option value="remove">{t!(i18n, users.remove_large_meetings)}</option>
                        </select>
                    </div>
                    <button type="button" class="button" on:click=move |_| selected.set(BTreeSet::new())>
                        {t!(i18n, users.clear_selection)}
                    </button>
                </div>
            </Show>
            // The table is worded once per language: a switch redraws it.
            {move || {
                let locale = i18n.get_locale();
                let remove_label = td_string!(locale, users.remove_button);
                let edit_label = td_string!(locale, users.edit_button);
                view! {
                    <TableScroll label=td_string!(locale, users.caption)>
                    <table class="table">
                        <caption class="visually-hidden">{td_string!(locale, users.caption)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">
                                    <input
                                        type="checkbox"
                                        aria-label=td_string!(locale, users.select_all)
                                        prop:checked=all_shown_selected
                                        on:change=move |ev| toggle_all_shown(event_target_checked(&ev))
                                    />
                                </th>
                                <SortHeader label=td_string!(locale, users.column.name) key=SortKey::Name sort />
                                <SortHeader label=td_string!(locale, users.column.email) key=SortKey::Email sort />
                                <SortHeader label=td_string!(locale, users.role_label) key=SortKey::Role sort />
                                <SortHeader label=td_string!(locale, users.zoom_workplace) key=SortKey::License sort />
                                <SortHeader label=td_string!(locale, users.large_meetings) key=SortKey::LargeMeetings sort />
                                <th scope="col">
                                    <span class="visually-hidden">{td_string!(locale, users.column.actions)}</span>
                                </th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                rows(locale)
                                    .into_iter()
                                    .map(|(id, name, email, role, license, large)| {
                                        let select_label = td_string!(locale, users.select_user, name = &name);
                                        view! {
                                            <tr>
                                                <td>
                                                    <input
                                                        type="checkbox"
                                                        aria-label=select_label
                                                        prop:checked=move || selected.with(|s| s.contains(&id))
                                                        on:change=move |ev| {
                                                            let on = event_target_checked(&ev);
                                                            selected.update(|s| {
                                                                if on { s.insert(id); } else { s.remove(&id); }
                                                            });
                                                        }
                                                    />
                                                </td>
                                                <td>{name}</td>
                                                <td>{email}</td>
                                                <td>{role}</td>
                                                <td>{license}</td>
                                                <td>{large}</td>
                                                <td class="table__actions">
                                                    <button
                                                        type="button"
                                                        class="button button--quiet"
                                                        id=format!("remove-user-{id}")
                                                        on:click=move |_| {
                                                            status.set(None);
                                                            open.set(Some(Open::Remove(id)));
                                                        }
                                                    >
                                                        {remove_label}
                                                    </button>
                                                    <button
                                                        type="button"
                                                        class="button button--quiet"
                                                        id=edit_button_id(id)
                                                        on:click=move |_| {
                                                            status.set(None);
                                                            open.set(Some(Open::Edit(id)));
                                                        }
                                                    >
                                                        {edit_label}
                                                    </button>
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                    </TableScroll>
                }
            }}
            <nav class="pager" aria-label=move || t_string!(i18n, users.pages_label)>
                <button
                    type="button"
                    class="button"
                    disabled=move || page.get() == 0
                    on:click=move |_| page.update(|p| *p = p.saturating_sub(1))
                >
                    {t!(i18n, users.previous_page)}
                </button>
                <span>
                    {move || {
                        let locale = i18n.get_locale();
                        td_string!(
                            locale,
                            users.page_of,
                            page = format::count_in(locale, (page.get().min(pages() - 1) + 1) as u32),
                            pages = format::count_in(locale, pages() as u32)
                        )
                    }}
                </span>
                <button
                    type="button"
                    class="button"
                    disabled=move || { page.get() + 1 >= pages() }
                    on:click=move |_| page.update(|p| *p += 1)
                >
                    {t!(i18n, users.next_page)}
                </button>
            </nav>
            {move || match open.get()? {
                Open::Edit(user) => Some(view! { <EditUserDialog user on_close on_saved /> }.into_any()),
                Open::Remove(user) => {
                    Some(view! { <RemoveUserDialog user on_close on_saved /> }.into_any())
                }
                Open::Add => Some(view! { <AddUserDialog on_close on_saved /> }.into_any()),
                Open::Import => Some(view! { <ImportUsersDialog on_close on_saved /> }.into_any()),
                Open::Bulk(action) => {
                    let users = selected.get_untracked().into_iter().collect();
                    let on_bulk_saved = Callback::new(move |message: String| {
                        selected.set(BTreeSet::new());
                        close(Some(message));
                    });
                    Some(
                        view! { <ChangeLicensesDialog action users on_close on_saved=on_bulk_saved /> }
                            .into_any(),
                    )
                }
            }}
        </section>
    }
}
