//! Change Licenses for several users at once (flow E): all or nobody.

use super::capacity_offer::{can_offer, capacity_offer};
use super::BulkAction;
use crate::format;
use crate::i18n::*;
use crate::state::{use_app, ActionError};
use crate::ui::components::dialog::{Dialog, DialogActions};
use crate::ui::messages::{action_error, domain_error};
use leptos::prelude::*;
use portal_domain::{BaseLicense, Capacity, Command, DomainError, UserId};

/// The pop-up of Change Licenses: who will change, the participant count,
/// and Save. All selected users change, or none.
#[component]
pub fn ChangeLicensesDialog(
    action: BulkAction,
    users: Vec<UserId>,
    on_close: Callback<()>,
    on_saved: Callback<String>,
) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let Some(account) = state.account() else {
        return ().into_any();
    };
    let names: Vec<String> = users
        .iter()
        .filter_map(|id| account.user(*id))
        .map(|u| format!("{} ({})", u.full_name(), u.email))
        .collect();
    // Basic users cannot get the add-on: said when the pop-up opens, not
    // only after Save (Save refuses them all the same).
    let basic: Vec<String> = match action {
        BulkAction::AddLargeMeetings => users
            .iter()
            .filter_map(|id| account.user(*id))
            .filter(|u| u.license == BaseLicense::Basic)
            .map(|u| u.email.to_string())
            .collect(),
        BulkAction::RemoveLargeMeetings => Vec::new(),
    };
    let owned: Vec<Capacity> = account.large_meetings.iter().map(|l| l.capacity).collect();
    // Offered as Edit User offers them: a capacity nobody more can get is
    // disabled and says why.
    let account = StoredValue::new(account);
    let offer = move |locale, c| account.with_value(|a| capacity_offer(locale, a, c, false));
    let can_choose = move |c| account.with_value(|a| can_offer(a, c, false));
    let open: Vec<Capacity> = owned.iter().copied().filter(|c| can_choose(*c)).collect();
    let capacity = RwSignal::new(match (owned.as_slice(), open.as_slice()) {
        ([_], [only]) => Some(*only),
        _ => None,
    });
    let add = RwSignal::new(true);
    // The headline, and the users it is about.
    let error = RwSignal::new((!basic.is_empty()).then(|| {
        let locale = i18n.get_locale_untracked();
        (td_string!(locale, users.only_paid).to_string(), basic)
    }));
    let count = users.len();
    let users = StoredValue::new(users);
    let heading = move || {
        let locale = i18n.get_locale();
        let n = format::count_in(locale, count as u32);
        match (action, count == 1) {
            (BulkAction::AddLargeMeetings, true) => {
                td_string!(locale, users.bulk.add_one).to_string()
            }
            (BulkAction::AddLargeMeetings, false) => {
                td_string!(locale, users.bulk.add_many, count = n)
            }
            (BulkAction::RemoveLargeMeetings, true) => {
                td_string!(locale, users.bulk.remove_one).to_string()
            }
            (BulkAction::RemoveLargeMeetings, false) => {
                td_string!(locale, users.bulk.remove_many, count = n)
            }
        }
    };
    let save = move || {
        let locale = i18n.get_locale_untracked();
        let users = users.get_value();
        let command = match action {
            BulkAction::AddLargeMeetings => {
                if !add.get_untracked() {
                    error.set(Some((
                        td_string!(locale, users.bulk.tick_to_add).to_string(),
                        Vec::new(),
                    )));
                    return;
                }
                let Some(capacity) = capacity.get_untracked() else {
                    error.set(Some((
                        td_string!(locale, users.bulk.choose_participants).to_string(),
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
                let n = format::count_in(locale, count as u32);
                let one = count == 1;
                let message = match (action, capacity.get_untracked()) {
                    (BulkAction::AddLargeMeetings, Some(c)) => {
                        let capacity = format::participants_in(locale, c);
                        if one {
                            td_string!(locale, users.bulk.added_one, capacity, count = n)
                        } else {
                            td_string!(locale, users.bulk.added, capacity, count = n)
                        }
                    }
                    _ if one => td_string!(locale, users.bulk.removed_one, count = n),
                    _ => td_string!(locale, users.bulk.removed, count = n),
                };
                on_saved.run(message);
            }
            Err(ActionError::Domain(DomainError::OnlyPaidUsers { users })) => {
                let who = users.iter().map(|e| e.to_string()).collect();
                error.set(Some((td_string!(locale, users.only_paid).to_string(), who)));
            }
            Err(ActionError::Domain(DomainError::BulkRefused(problems))) => {
                let who = problems
                    .iter()
                    .map(|p| domain_error(locale, &p.error))
                    .collect();
                error.set(Some((
                    td_string!(locale, users.bulk.nobody_changed).to_string(),
                    who,
                )));
            }
            Err(e) => error.set(Some((action_error(locale, &e), Vec::new()))),
        }
    };
    view! {
        <Dialog labelled_by="change-licenses-title" on_close>
            <h2 id="change-licenses-title">{t!(i18n, users.change_licenses)}</h2>
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
                            <label for="bulk-large-meetings">{t!(i18n, users.large_meetings)}</label>
                        </div>
                        <fieldset class="fieldset fieldset--nested">
                            <legend>{t!(i18n, users.participants_legend)}</legend>
                            {owned
                                .iter()
                                .map(|c| {
                                    let c = *c;
                                    let id = format!("bulk-lm-{}", c.participants());
                                    view! {
                                        <div class="choice">
                                            <input
                                                type="radio"
                                                name="bulk-lm-capacity"
                                                id=id.clone()
                                                disabled=!can_choose(c)
                                                prop:checked=move || capacity.get() == Some(c)
                                                on:change=move |_| capacity.set(Some(c))
                                            />
                                            <label for=id>{move || offer(i18n.get_locale(), c).label}</label>
                                        </div>
                                    }
                                })
                                .collect_view()}
                            {owned.is_empty().then_some(view! {
                                <p class="field-help">{t!(i18n, users.no_large_meetings_yet)}</p>
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
            <DialogActions
                label=Signal::derive(move || t_string!(i18n, common.save))
                on_save=Callback::new(move |_| save()) on_cancel=on_close />
        </Dialog>
    }
    .into_any()
}
