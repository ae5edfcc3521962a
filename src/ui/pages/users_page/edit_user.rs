//! The Edit User dialog (flow D): the Zoom Workplace license and the Large
//! Meetings add-on of one user, saved together.

use crate::format;
use crate::state::use_app;
use crate::ui::components::dialog::{Dialog, DialogActions};
use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::{Account, BaseLicense, BillingPortal, Capacity, Command, Role, UserId};

/// Edit User: the Zoom Workplace license and the Large Meetings add-on.
#[component]
pub fn EditUserDialog(
    user: UserId,
    on_close: Callback<()>,
    on_saved: Callback<String>,
) -> impl IntoView {
    let state = use_app();
    let Some((account, can_bill, me)) =
        state.with_viewer(|account, me| (account.clone(), me.can_manage_billing(), me.id))
    else {
        return ().into_any();
    };
    let Some(target) = account.user(user).cloned() else {
        return ().into_any();
    };
    let account = StoredValue::new(account);
    let license = RwSignal::new(target.license);
    let role = RwSignal::new(target.role);
    // The owner stays owner, and nobody changes their own role.
    let role_note = if target.role == Role::Owner {
        Some("The account has one owner; their role cannot be changed.")
    } else if target.id == me {
        Some("You cannot change your own role; ask another admin or the owner.")
    } else {
        None
    };
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
        let command = Command::EditUser {
            user,
            role: role.get_untracked(),
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
            <div class="field">
                <label for="edit-role">"Role"</label>
                <select
                    id="edit-role"
                    disabled=role_note.is_some()
                    aria-describedby=role_note.map(|_| "edit-role-note")
                    prop:value=move || role.get().as_str()
                    on:change=move |ev| {
                        role.set(if event_target_value(&ev) == "Admin" { Role::Admin } else { Role::Member })
                    }
                >
                    {(target.role == Role::Owner).then(|| view! { <option value="Owner">"Owner"</option> })}
                    <option value="Admin">"Admin"</option>
                    <option value="Member">"Member"</option>
                </select>
                {role_note.map(|note| view! { <p id="edit-role-note" class="field-help">{note}</p> })}
            </div>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            {
                let confirm_text = confirm_text.clone();
                move || {
                    confirming
                        .get()
                        .then(|| view! { <p class="confirm" role="alert">{confirm_text.clone()}</p> })
                }
            }
            <DialogActions
                label=Signal::derive(move || if confirming.get() { "Remove and save" } else { "Save" })
                on_save=Callback::new(move |_| save())
                on_cancel=on_close
            />
        </Dialog>
    }
    .into_any()
}
