//! The Edit User dialog (flow D): the Zoom Workplace license and the Large
//! Meetings add-on of one user, saved together.

use super::capacity_offer::capacity_offer;
use crate::format;
use crate::i18n::*;
use crate::state::use_app;
use crate::ui::base::href;
use crate::ui::components::dialog::{Dialog, DialogActions};
use crate::ui::labels;
use crate::ui::messages::action_error;
use crate::ui::pages::help_page::RequirementsLink;
use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::{Account, BaseLicense, BillingPortal, Capacity, Command, Role, UserId};

/// Why the role of the user cannot be changed here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RoleLock {
    /// The account's one owner stays owner.
    Owner,
    /// Nobody changes their own role.
    OwnRole,
}

/// Edit User: the Zoom Workplace license and the Large Meetings add-on.
#[component]
pub fn EditUserDialog(
    user: UserId,
    on_close: Callback<()>,
    on_saved: Callback<String>,
) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
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
        Some(RoleLock::Owner)
    } else if target.id == me {
        Some(RoleLock::OwnRole)
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
    let seats_total = account.with_value(|a| a.base_plan.seats);
    let base_open = target.license == BaseLicense::Licensed || seats_available > 0;
    let plan_name = account.with_value(|a| a.base_plan.name.clone());
    let buy_path = match account.with_value(|a| a.billing_portal) {
        BillingPortal::PlansAndBilling => "/plan-management",
        BillingPortal::AccountManagement => "/billing",
    };
    let name = target.full_name();
    let current_large = target.large_meetings;
    // What the dialog was opened on: if another tab changes the user before
    // Save, the dialog shows the change instead of saving over it.
    let opened_on = StoredValue::new((target.role, target.license, target.large_meetings));

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
        let locale = i18n.get_locale_untracked();
        // A new try: the last message no longer applies.
        error.set(None);
        state.take_in_other_tabs_changes();
        let now = state
            .with_viewer_untracked(|account, _| {
                account
                    .user(user)
                    .map(|u| (u.role, u.license, u.large_meetings))
            })
            .flatten();
        if let Some(now @ (now_role, now_license, now_large)) = now {
            if now != opened_on.get_value() {
                opened_on.set_value(now);
                role.set(now_role);
                license.set(now_license);
                large_on.set(now_large.is_some());
                capacity.set(now_large);
                confirming.set(false);
                error.set(Some(
                    td_string!(locale, users.edit.changed_elsewhere, name = &save_name).to_string(),
                ));
                return;
            }
        }
        let chosen_license = license.get_untracked();
        let large = if large_on.get_untracked() {
            capacity.get_untracked()
        } else {
            None
        };
        if large_on.get_untracked() && large.is_none() {
            error.set(Some(
                td_string!(locale, users.edit.choose_participants).to_string(),
            ));
            return;
        }
        if chosen_license == BaseLicense::Basic
            && opened_on.with_value(|(_, _, large)| large.is_some())
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
            Ok(_) => on_saved.run(td_string!(locale, users.edit.saved, name = &save_name)),
            Err(e) => {
                confirming.set(false);
                error.set(Some(action_error(locale, &e)));
            }
        }
    };
    let radios = move || {
        let locale = i18n.get_locale();
        owned.with_value(|o| {
            o.iter()
                .map(|c| {
                    let c = *c;
                    // The same offer as Change Licenses: free seats are what
                    // Save accepts, and a capacity that cannot be given says why.
                    let offer = account
                        .with_value(|a| capacity_offer(locale, a, c, current_large == Some(c)));
                    let (blocked, label) = (!offer.enabled, offer.label);
                    let id = format!("edit-lm-{}", c.participants());
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
    let confirm_name = name.clone();
    let confirm_text = move || {
        let locale = i18n.get_locale();
        opened_on
            .with_value(|(_, _, large)| *large)
            .map(|c| {
                td_string!(
                    locale,
                    users.edit.confirm_basic,
                    name = &confirm_name,
                    capacity = format::participants_in(locale, c)
                )
            })
            .unwrap_or_default()
    };
    view! {
        <Dialog labelled_by="edit-user-title" on_close>
            <h2 id="edit-user-title">{t!(i18n, users.edit.title)}</h2>
            <p class="dialog__subtitle">{format!("{} ({})", target.full_name(), target.email)}</p>
            <div class="field">
                <label for="edit-zoom-workplace">{t!(i18n, users.zoom_workplace)}</label>
                <select
                    id="edit-zoom-workplace"
                    aria-describedby="edit-zoom-workplace-seats"
                    on:change=on_license
                    prop:value=move || license.get().as_str()
                >
                    <option value="Basic">
                        {move || labels::license(i18n.get_locale(), BaseLicense::Basic)}
                    </option>
                    <option value="Licensed" disabled=!base_open>
                        {move || {
                            let locale = i18n.get_locale();
                            let available = format::count_in(locale, seats_available);
                            if seats_available == 1 {
                                td_string!(locale, users.edit.plan_available_one, plan = &plan_name, available)
                            } else {
                                td_string!(locale, users.edit.plan_available, plan = &plan_name, available)
                            }
                        }}
                    </option>
                </select>
                // The free seats stay readable when a narrow screen cuts the
                // option's text.
                <p id="edit-zoom-workplace-seats" class="field-help">
                    {move || {
                        let locale = i18n.get_locale();
                        let available = format::count_in(locale, seats_available);
                        let total = format::count_in(locale, seats_total);
                        if seats_available == 1 {
                            td_string!(locale, users.edit.seats_free_one, available = available, total = total)
                        } else {
                            td_string!(locale, users.edit.seats_free_many, available = available, total = total)
                        }
                    }}
                </p>
                {(!base_open)
                    .then(|| {
                        view! {
                            <p class="field-help">
                                {t!(i18n, users.edit.no_base_seats)}
                                " "
                                {if can_bill {
                                    view! { <A href=href(buy_path)>{t!(i18n, users.edit.buy_more)}</A> }
                                        .into_any()
                                } else {
                                    t!(i18n, users.edit.ask_owner).into_any()
                                }}
                            </p>
                        }
                    })}
            </div>
            <fieldset class="fieldset">
                <legend>{t!(i18n, users.edit.licenses_and_add_ons)}</legend>
                <div class="choice">
                    <input
                        type="checkbox"
                        id="edit-large-meetings"
                        disabled=is_basic
                        prop:checked=move || large_on.get()
                        on:change=on_large
                        aria-describedby="edit-large-meetings-note"
                    />
                    <label for="edit-large-meetings">{t!(i18n, users.large_meetings)}</label>
                </div>
                <p id="edit-large-meetings-note" class="field-help">
                    {move || is_basic().then(|| t_string!(i18n, users.only_paid))}
                </p>
                <p class="field-help"><RequirementsLink /></p>
                {move || {
                    (large_on.get() && !is_basic())
                        .then(|| {
                            if owned.with_value(Vec::is_empty) {
                                view! {
                                    <p class="field-help">
                                        {t!(i18n, users.no_large_meetings_yet)}
                                        " "
                                        {can_bill
                                            .then(|| {
                                                view! {
                                                    <A href=href(buy_path)>
                                                        {t!(i18n, users.edit.buy_large_meetings)}
                                                    </A>
                                                }
                                            })}
                                    </p>
                                }
                                    .into_any()
                            } else {
                                view! {
                                    <fieldset class="fieldset fieldset--nested">
                                        <legend>{t!(i18n, users.participants_legend)}</legend>
                                        {radios()}
                                    </fieldset>
                                }
                                    .into_any()
                            }
                        })
                }}
            </fieldset>
            <div class="field">
                <label for="edit-role">{t!(i18n, users.role_label)}</label>
                <select
                    id="edit-role"
                    disabled=role_note.is_some()
                    aria-describedby=role_note.map(|_| "edit-role-note")
                    prop:value=move || role.get().as_str()
                    on:change=move |ev| {
                        role.set(if event_target_value(&ev) == "Admin" { Role::Admin } else { Role::Member })
                    }
                >
                    {(target.role == Role::Owner)
                        .then(|| {
                            view! {
                                <option value="Owner">
                                    {move || labels::role(i18n.get_locale(), Role::Owner)}
                                </option>
                            }
                        })}
                    <option value="Admin">{move || labels::role(i18n.get_locale(), Role::Admin)}</option>
                    <option value="Member">{move || labels::role(i18n.get_locale(), Role::Member)}</option>
                </select>
                {role_note
                    .map(|note| {
                        view! {
                            <p id="edit-role-note" class="field-help">
                                {move || match note {
                                    RoleLock::Owner => t_string!(i18n, users.edit.owner_role_note),
                                    RoleLock::OwnRole => t_string!(i18n, users.edit.own_role_note),
                                }}
                            </p>
                        }
                    })}
            </div>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            {move || {
                confirming
                    .get()
                    .then(|| view! { <p class="confirm" role="alert">{confirm_text()}</p> })
            }}
            <DialogActions
                label=Signal::derive(move || {
                    if confirming.get() {
                        t_string!(i18n, users.edit.remove_and_save)
                    } else {
                        t_string!(i18n, common.save)
                    }
                })
                on_save=Callback::new(move |_| save())
                on_cancel=on_close
            />
        </Dialog>
    }
    .into_any()
}
