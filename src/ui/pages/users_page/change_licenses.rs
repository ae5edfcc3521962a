//! Change Licenses for several users at once (flow E): all or nobody.

use super::BulkAction;
use crate::format;
use crate::state::{use_app, ActionError};
use crate::ui::components::dialog::{Dialog, DialogActions};
use leptos::prelude::*;
use portal_domain::{Capacity, Command, DomainError, UserId};

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
    let Some(account) = state.account() else {
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
            Err(ActionError::Domain(DomainError::OnlyPaidUsers { users })) => {
                let who = users.iter().map(|e| e.to_string()).collect();
                error.set(Some((
                    "Only paid users can enable this feature.".into(),
                    who,
                )));
            }
            Err(ActionError::Domain(DomainError::BulkRefused(problems))) => {
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
            <DialogActions label="Save" on_save=Callback::new(move |_| save()) on_cancel=on_close />
        </Dialog>
    }
    .into_any()
}
