//! User Management > Users: the account's users, finding them, and the
//! Edit User dialog (Zoom Workplace license and Large Meetings).

use crate::format;
use crate::state::{use_account, use_app};
use crate::ui::components::dialog::{focus_by_id, Dialog};
use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::{
    Account, BaseLicense, BillingPortal, Capacity, Command, DomainError, User, UserId,
};
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
    fn options() -> Vec<(String, &'static str)> {
        let mut options = vec![
            ("all".to_string(), "All licenses"),
            ("basic".to_string(), "Basic"),
            ("licensed".to_string(), "Licensed"),
            ("lm".to_string(), "Large Meetings (any)"),
        ];
        for (capacity, label) in Capacity::ALL.into_iter().zip([
            "Large Meetings 500",
            "Large Meetings 1,000",
            "Large Meetings 3,000",
            "Large Meetings 5,000",
        ]) {
            options.push((format!("lm{}", capacity.participants()), label));
        }
        options
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

fn matches_search(user: &User, needle: &str) -> bool {
    needle.is_empty()
        || user.email.as_str().contains(needle)
        || user.full_name().to_lowercase().contains(needle)
}

fn edit_button_id(user: UserId) -> String {
    format!("edit-user-{user}")
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let account = use_account();
    let search = RwSignal::new(String::new());
    let filter = RwSignal::new(LicenseFilter::All);
    let page = RwSignal::new(0usize);
    let editing = RwSignal::new(None::<UserId>);
    let status = RwSignal::new(None::<String>);
    // Kept while searching, filtering and paging.
    let selected = RwSignal::new(BTreeSet::<UserId>::new());
    let bulk = RwSignal::new(None::<BulkAction>);

    // The ids of the matching users, sorted by last name, then first name.
    let matching = Memo::new(move |_| {
        let needle = search.get().trim().to_lowercase();
        let filter = filter.get();
        account.with(|a| {
            let Some(a) = a else { return Vec::new() };
            let mut users: Vec<&User> = a
                .users
                .iter()
                .filter(|u| filter.matches(u) && matches_search(u, &needle))
                .collect();
            users.sort_by(|x, y| {
                (x.last_name.to_lowercase(), x.first_name.to_lowercase())
                    .cmp(&(y.last_name.to_lowercase(), y.first_name.to_lowercase()))
            });
            users.into_iter().map(|u| u.id).collect::<Vec<_>>()
        })
    });
    let pages = move || matching.with(|m| m.len().div_ceil(PAGE_SIZE).max(1));
    // A new search or filter starts at the first page.
    let on_search = move |value: String| {
        search.set(value);
        page.set(0);
    };
    let page_ids = move || {
        let start = page.get().min(pages() - 1) * PAGE_SIZE;
        matching.with(|m| {
            m.iter()
                .skip(start)
                .take(PAGE_SIZE)
                .copied()
                .collect::<Vec<UserId>>()
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
    let rows = move || {
        let start = page.get().min(pages() - 1) * PAGE_SIZE;
        let ids: Vec<UserId> =
            matching.with(|m| m.iter().skip(start).take(PAGE_SIZE).copied().collect());
        account.with(|a| {
            let Some(a) = a else { return Vec::new() };
            ids.iter()
                .filter_map(|id| a.user(*id))
                .map(|u| {
                    (
                        u.id,
                        u.full_name(),
                        u.email.to_string(),
                        u.role.as_str(),
                        u.license.as_str(),
                        u.large_meetings
                            .map(format::participants)
                            .unwrap_or_else(|| "—".into()),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let showing = move || {
        let total = matching.with(Vec::len);
        if total == 0 {
            return "No users match.".to_string();
        }
        let start = page.get().min(pages() - 1) * PAGE_SIZE;
        format!(
            "Showing {}–{} of {} users",
            format::count(start as u32 + 1),
            format::count((start + PAGE_SIZE).min(total) as u32),
            format::count(total as u32)
        )
    };
    let summary = move || {
        account.with(|a| {
            let a = a.as_ref()?;
            let mut lines = vec![format!(
                "Zoom Workplace seats: {} of {} in use",
                format::count(a.seats_in_use()),
                format::count(a.base_plan.seats)
            )];
            for line in &a.large_meetings {
                let seats = a.seats(line.capacity);
                lines.push(format!(
                    "Large Meetings {}: {} of {} assigned, {} available",
                    format::participants(line.capacity),
                    format::count(seats.assigned),
                    format::count(seats.purchased),
                    format::count(seats.available())
                ));
            }
            Some(
                lines
                    .into_iter()
                    .map(|l| view! { <li>{l}</li> })
                    .collect_view(),
            )
        })
    };
    let close = move || {
        if let Some(user) = editing.get_untracked() {
            editing.set(None);
            focus_by_id(&edit_button_id(user));
        }
    };
    view! {
        <section class="page page--wide" aria-labelledby="page-title">
            <p class="page__trail">"User Management"</p>
            <h1 id="page-title">"Users"</h1>
            <ul class="seat-summary" aria-label="Seats">{summary}</ul>
            <p class="form-status" role="status">{move || status.get()}</p>
            <div class="toolbar">
                <div class="field field--inline">
                    <label for="user-search">"Search"</label>
                    <input
                        id="user-search"
                        type="search"
                        placeholder="Name or email"
                        prop:value=move || search.get()
                        on:input=move |ev| on_search(event_target_value(&ev))
                    />
                </div>
                <div class="field field--inline">
                    <label for="user-filter">"License"</label>
                    <select
                        id="user-filter"
                        on:change=move |ev| {
                            filter.set(LicenseFilter::parse(&event_target_value(&ev)));
                            page.set(0);
                        }
                    >
                        {LicenseFilter::options()
                            .into_iter()
                            .map(|(value, label)| view! { <option value=value>{label}</option> })
                            .collect_view()}
                    </select>
                </div>
            </div>
            <p class="page__lead" aria-live="polite">{showing}</p>
            <Show when=move || selected.with(|s| !s.is_empty())>
                <div class="selection-bar" role="region" aria-label="Selected users">
                    <span>
                        {move || {
                            let n = selected.with(BTreeSet::len);
                            if n == 1 { "1 user selected".to_string() } else { format!("{n} users selected") }
                        }}
                    </span>
                    <div class="field field--inline">
                        <label for="change-licenses">"Change Licenses"</label>
                        <select
                            id="change-licenses"
                            prop:value=move || {
                                // Back to "Choose a change" whenever the pop-up opens or closes.
                                bulk.track();
                                ""
                            }
                            on:change=move |ev| {
                                let action = match event_target_value(&ev).as_str() {
                                    "add" => Some(BulkAction::AddLargeMeetings),
                                    "remove" => Some(BulkAction::RemoveLargeMeetings),
                                    _ => None,
                                };
                                status.set(None);
                                bulk.set(action);
                            }
                        >
                            <option value="">"Choose a change"</option>
                            <option value="add">"Large Meetings"</option>
                            <option value="remove">"Remove Large Meetings"</option>
                        </select>
                    </div>
                    <button type="button" class="button" on:click=move |_| selected.set(BTreeSet::new())>
                        "Clear selection"
                    </button>
                </div>
            </Show>
            <table class="table">
                <caption class="visually-hidden">"Users of your account"</caption>
                <thead>
                    <tr>
                        <th scope="col">
                            <input
                                type="checkbox"
                                aria-label="Select all users shown"
                                prop:checked=all_shown_selected
                                on:change=move |ev| toggle_all_shown(event_target_checked(&ev))
                            />
                        </th>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Email"</th>
                        <th scope="col">"Role"</th>
                        <th scope="col">"Zoom Workplace"</th>
                        <th scope="col">"Large Meetings"</th>
                        <th scope="col">
                            <span class="visually-hidden">"Actions"</span>
                        </th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        rows()
                            .into_iter()
                            .map(|(id, name, email, role, license, large)| {
                                view! {
                                    <tr>
                                        <td>
                                            <input
                                                type="checkbox"
                                                aria-label=format!("Select {name}")
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
                                        <td>
                                            <button
                                                type="button"
                                                class="button button--quiet"
                                                id=edit_button_id(id)
                                                on:click=move |_| {
                                                    status.set(None);
                                                    editing.set(Some(id));
                                                }
                                            >
                                                "Edit"
                                            </button>
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            <nav class="pager" aria-label="Pages">
                <button
                    type="button"
                    class="button"
                    disabled=move || page.get() == 0
                    on:click=move |_| page.update(|p| *p = p.saturating_sub(1))
                >
                    "Previous page"
                </button>
                <span>{move || format!("Page {} of {}", page.get().min(pages() - 1) + 1, pages())}</span>
                <button
                    type="button"
                    class="button"
                    disabled=move || page.get() + 1 >= pages()
                    on:click=move |_| page.update(|p| *p += 1)
                >
                    "Next page"
                </button>
            </nav>
            {move || {
                bulk.get()
                    .map(|action| {
                        view! {
                            <ChangeLicensesDialog
                                action
                                users=selected.get_untracked().into_iter().collect()
                                on_close=Callback::new(move |_| {
                                    bulk.set(None);
                                    focus_by_id("change-licenses");
                                })
                                on_saved=Callback::new(move |message| {
                                    bulk.set(None);
                                    selected.set(BTreeSet::new());
                                    status.set(Some(message));
                                })
                            />
                        }
                    })
            }}
            {move || {
                editing
                    .get()
                    .map(|user| {
                        view! {
                            <EditUserDialog
                                user
                                on_close=Callback::new(move |_| close())
                                on_saved=Callback::new(move |message| {
                                    status.set(Some(message));
                                    close();
                                })
                            />
                        }
                    })
            }}
        </section>
    }
}

/// Edit User: the Zoom Workplace license and the Large Meetings add-on.
#[component]
fn EditUserDialog(
    user: UserId,
    on_close: Callback<()>,
    on_saved: Callback<String>,
) -> impl IntoView {
    let state = use_app();
    let viewer = state.viewer();
    let (account, can_bill) = match viewer {
        Some(v) => (v.account.clone(), v.user.can_manage_billing()),
        None => return ().into_any(),
    };
    let Some(target) = account.user(user).cloned() else {
        return ().into_any();
    };
    let account = StoredValue::new(account);
    let license = RwSignal::new(target.license);
    let large_on = RwSignal::new(target.large_meetings.is_some());
    let capacity = RwSignal::new(target.large_meetings);
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let owned: Vec<Capacity> =
        account.with_value(|a| a.large_meetings.iter().map(|l| l.capacity).collect());
    let owned = StoredValue::new(owned);
    let is_basic = move || license.get() == BaseLicense::Basic;
    let seats_available = account.with_value(Account::seats_available);
    let base_open = target.license == BaseLicense::Licensed || seats_available > 0;
    let plan_name = account.with_value(|a| a.base_plan.name.clone());
    let buy_href = match account.with_value(|a| a.billing_portal) {
        BillingPortal::PlansAndBilling => "/plan-management",
        BillingPortal::AccountManagement => "/billing",
    };
    let name = target.full_name();
    let current_large = target.large_meetings;

    let on_license = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let chosen = if value == "Licensed" {
            BaseLicense::Licensed
        } else {
            BaseLicense::Basic
        };
        license.set(chosen);
        confirming.set(false);
        if chosen == BaseLicense::Basic {
            large_on.set(false);
        }
    };
    let on_large = move |ev: leptos::ev::Event| {
        let checked = event_target_checked(&ev);
        large_on.set(checked);
        if checked && capacity.get_untracked().is_none() {
            // With only one capacity owned, it is chosen for the admin.
            owned.with_value(|o| {
                if let [only] = o.as_slice() {
                    capacity.set(Some(*only));
                }
            });
        }
    };
    let save_name = name.clone();
    let save = move || {
        let chosen_license = license.get_untracked();
        let large = if large_on.get_untracked() {
            capacity.get_untracked()
        } else {
            None
        };
        if large_on.get_untracked() && large.is_none() {
            error.set(Some(
                "Choose the number of participants for Large Meetings.".into(),
            ));
            return;
        }
        if chosen_license == BaseLicense::Basic
            && current_large.is_some()
            && !confirming.get_untracked()
        {
            confirming.set(true);
            return;
        }
        let command = Command::UpdateUserLicenses {
            user,
            license: chosen_license,
            large_meetings: large,
        };
        match state.dispatch(command) {
            Ok(_) => on_saved.run(format!("Changes saved for {save_name}.")),
            Err(e) => {
                confirming.set(false);
                error.set(Some(e.to_string()));
            }
        }
    };
    let radios = move || {
        owned.with_value(|o| {
            o.iter()
                .map(|c| {
                    let c = *c;
                    let available = account.with_value(|a| a.seats(c).available());
                    let blocked = available == 0 && current_large != Some(c);
                    let id = format!("edit-lm-{}", c.participants());
                    let label = if blocked {
                        format!("{} (none available)", format::participants(c))
                    } else {
                        format!(
                            "{} ({} available)",
                            format::participants(c),
                            format::count(available)
                        )
                    };
                    view! {
                        <div class="choice">
                            <input
                                type="radio"
                                name="edit-lm-capacity"
                                id=id.clone()
                                disabled=blocked
                                prop:checked=move || capacity.get() == Some(c)
                                on:change=move |_| capacity.set(Some(c))
                            />
                            <label for=id>{label}</label>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let confirm_text = current_large
        .map(|c| {
            format!(
                "Making {name} Basic also removes their Large Meetings {} license.",
                format::participants(c)
            )
        })
        .unwrap_or_default();
    view! {
        <Dialog labelled_by="edit-user-title" on_close>
            <h2 id="edit-user-title">"Edit User"</h2>
            <p class="dialog__subtitle">{format!("{} ({})", target.full_name(), target.email)}</p>
            <div class="field">
                <label for="edit-zoom-workplace">"Zoom Workplace"</label>
                <select
                    id="edit-zoom-workplace"
                    on:change=on_license
                    prop:value=move || license.get().as_str()
                >
                    <option value="Basic">"Basic"</option>
                    <option value="Licensed" disabled=!base_open>
                        {format!("{plan_name} ({} available)", format::count(seats_available))}
                    </option>
                </select>
                {(!base_open)
                    .then(|| {
                        view! {
                            <p class="field-help">
                                "No Zoom Workplace licenses are available. "
                                {if can_bill {
                                    view! { <A href=buy_href>"Buy more licenses"</A> }.into_any()
                                } else {
                                    "Ask the account owner to buy more.".into_any()
                                }}
                            </p>
                        }
                    })}
            </div>
            <fieldset class="fieldset">
                <legend>"Licenses and add-ons"</legend>
                <div class="choice">
                    <input
                        type="checkbox"
                        id="edit-large-meetings"
                        disabled=is_basic
                        prop:checked=move || large_on.get()
                        on:change=on_large
                        aria-describedby="edit-large-meetings-note"
                    />
                    <label for="edit-large-meetings">"Large Meetings"</label>
                </div>
                <p id="edit-large-meetings-note" class="field-help">
                    {move || is_basic().then_some("Only paid users can enable this feature.")}
                </p>
                {move || {
                    (large_on.get() && !is_basic())
                        .then(|| {
                            if owned.with_value(Vec::is_empty) {
                                view! {
                                    <p class="field-help">
                                        "Your account has no Large Meetings licenses yet. "
                                        {can_bill.then(|| view! { <A href=buy_href>"Buy Large Meetings"</A> })}
                                    </p>
                                }
                                    .into_any()
                            } else {
                                view! {
                                    <fieldset class="fieldset fieldset--nested">
                                        <legend>"Participants"</legend>
                                        {radios()}
                                    </fieldset>
                                }
                                    .into_any()
                            }
                        })
                }}
            </fieldset>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            {
                let confirm_text = confirm_text.clone();
                move || {
                    confirming
                        .get()
                        .then(|| view! { <p class="confirm" role="alert">{confirm_text.clone()}</p> })
                }
            }
            <div class="form-actions">
                <button type="button" class="button button--primary" on:click=move |_| save()>
                    {move || if confirming.get() { "Remove and save" } else { "Save" }}
                </button>
                <button type="button" class="button" on:click=move |_| on_close.run(())>
                    "Cancel"
                </button>
            </div>
        </Dialog>
    }
    .into_any()
}

/// The pop-up of Change Licenses: who will change, the participant count,
/// and Save. All selected users change, or none.
#[component]
fn ChangeLicensesDialog(
    action: BulkAction,
    users: Vec<UserId>,
    on_close: Callback<()>,
    on_saved: Callback<String>,
) -> impl IntoView {
    let state = use_app();
    let Some(account) = state.viewer().map(|v| v.account) else {
        return ().into_any();
    };
    let names: Vec<String> = users
        .iter()
        .filter_map(|id| account.user(*id))
        .map(|u| format!("{} ({})", u.full_name(), u.email))
        .collect();
    let owned: Vec<(Capacity, u32)> = account
        .large_meetings
        .iter()
        .map(|l| (l.capacity, account.seats(l.capacity).available()))
        .collect();
    let capacity = RwSignal::new(match owned.as_slice() {
        [(only, _)] => Some(*only),
        _ => None,
    });
    let add = RwSignal::new(true);
    let error = RwSignal::new(None::<(String, Vec<String>)>);
    let count = users.len();
    let users = StoredValue::new(users);
    let heading = match action {
        BulkAction::AddLargeMeetings => format!(
            "Large Meetings will be added for {}:",
            if count == 1 {
                "1 user".to_string()
            } else {
                format!("{count} users")
            }
        ),
        BulkAction::RemoveLargeMeetings => format!(
            "Large Meetings will be removed from {}:",
            if count == 1 {
                "1 user".to_string()
            } else {
                format!("{count} users")
            }
        ),
    };
    let save = move || {
        let users = users.get_value();
        let command = match action {
            BulkAction::AddLargeMeetings => {
                if !add.get_untracked() {
                    error.set(Some(("Tick Large Meetings to add it.".into(), Vec::new())));
                    return;
                }
                let Some(capacity) = capacity.get_untracked() else {
                    error.set(Some((
                        "Choose the number of participants.".into(),
                        Vec::new(),
                    )));
                    return;
                };
                Command::BulkAssignLargeMeetings { users, capacity }
            }
            BulkAction::RemoveLargeMeetings => Command::BulkRemoveLargeMeetings { users },
        };
        match state.dispatch(command) {
            Ok(_) => {
                let message = match (action, capacity.get_untracked()) {
                    (BulkAction::AddLargeMeetings, Some(c)) => format!(
                        "Large Meetings {} added for {count} user(s).",
                        format::participants(c)
                    ),
                    _ => format!("Large Meetings removed from {count} user(s)."),
                };
                on_saved.run(message);
            }
            Err(crate::state::ActionError::Domain(DomainError::OnlyPaidUsers { users })) => {
                let who = users.iter().map(|e| e.to_string()).collect();
                error.set(Some((
                    "Only paid users can enable this feature.".into(),
                    who,
                )));
            }
            Err(crate::state::ActionError::Domain(DomainError::BulkRefused(problems))) => {
                let who = problems.iter().map(|p| p.error.to_string()).collect();
                error.set(Some(("Nobody was changed:".into(), who)));
            }
            Err(e) => error.set(Some((e.to_string(), Vec::new()))),
        }
    };
    view! {
        <Dialog labelled_by="change-licenses-title" on_close>
            <h2 id="change-licenses-title">"Change Licenses"</h2>
            <p>{heading}</p>
            <ul class="name-list">{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            {(action == BulkAction::AddLargeMeetings)
                .then(|| {
                    view! {
                        <div class="choice">
                            <input
                                type="checkbox"
                                id="bulk-large-meetings"
                                prop:checked=move || add.get()
                                on:change=move |ev| add.set(event_target_checked(&ev))
                            />
                            <label for="bulk-large-meetings">"Large Meetings"</label>
                        </div>
                        <fieldset class="fieldset fieldset--nested">
                            <legend>"Participants"</legend>
                            {owned
                                .iter()
                                .map(|(c, available)| {
                                    let c = *c;
                                    let id = format!("bulk-lm-{}", c.participants());
                                    view! {
                                        <div class="choice">
                                            <input
                                                type="radio"
                                                name="bulk-lm-capacity"
                                                id=id.clone()
                                                prop:checked=move || capacity.get() == Some(c)
                                                on:change=move |_| capacity.set(Some(c))
                                            />
                                            <label for=id>
                                                {format!(
                                                    "{} ({} available)",
                                                    format::participants(c),
                                                    format::count(*available),
                                                )}
                                            </label>
                                        </div>
                                    }
                                })
                                .collect_view()}
                            {owned.is_empty().then_some(view! {
                                <p class="field-help">"Your account has no Large Meetings licenses yet."</p>
                            })}
                        </fieldset>
                    }
                })}
            {move || {
                error
                    .get()
                    .map(|(message, who)| {
                        view! {
                            <div class="form-error" role="alert">
                                <p>{message}</p>
                                <ul>{who.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                            </div>
                        }
                    })
            }}
            <div class="form-actions">
                <button type="button" class="button button--primary" on:click=move |_| save()>
                    "Save"
                </button>
                <button type="button" class="button" on:click=move |_| on_close.run(())>
                    "Cancel"
                </button>
            </div>
        </Dialog>
    }
    .into_any()
}
