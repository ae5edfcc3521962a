//! Removing a user: what returns to the account, and what happens to the
//! meetings they host (moved to another user, or cancelled) before anything
//! is removed.

use crate::format;
use crate::state::{use_account, use_app};
use crate::ui::components::dialog::{Dialog, DialogActions};
use leptos::prelude::*;
use portal_domain::{Command, Email, MeetingHandling, UserId};

/// How many users the new-host field suggests at a time.
const SUGGESTIONS: usize = 20;

#[component]
pub fn RemoveUserDialog(
    user: UserId,
    on_close: Callback<()>,
    on_saved: Callback<String>,
) -> impl IntoView {
    let state = use_app();
    let account = use_account();
    let Some((target, meetings)) = account.with_untracked(|a| {
        let a = a.as_ref()?;
        let target = a.user(user)?.clone();
        let meetings: Vec<(String, String)> = a
            .meetings_hosted_by(user)
            .into_iter()
            .map(|m| (m.topic.clone(), format::date_time(m.start)))
            .collect();
        Some((target, meetings))
    }) else {
        return ().into_any();
    };
    let name = target.full_name();
    let hosts_meetings = !meetings.is_empty();
    // "move" or "cancel"; nothing is chosen for the admin.
    let handling = RwSignal::new(None::<&'static str>);
    // The new host's email as typed; suggestions come from the account.
    let new_host = RwSignal::new(String::new());
    let suggestions = move || {
        let typed = new_host.get().trim().to_lowercase();
        account.with(|a| {
            let Some(a) = a else { return Vec::new() };
            a.users
                .iter()
                .filter(|u| u.id != user)
                .filter(|u| {
                    typed.is_empty()
                        || u.email.as_str().contains(&typed)
                        || u.full_name().to_lowercase().contains(&typed)
                })
                .take(SUGGESTIONS)
                .map(|u| (u.email.to_string(), u.full_name()))
                .collect::<Vec<_>>()
        })
    };
    let error = RwSignal::new(None::<String>);
    let returns = match target.large_meetings {
        Some(capacity) => format!(
            "Their {} seat and their Large Meetings {} license return to the account.",
            target.license.as_str(),
            format::participants(capacity)
        ),
        None => format!(
            "Their {} seat returns to the account.",
            target.license.as_str()
        ),
    };
    let save_name = name.clone();
    let save = move || {
        let meetings = if hosts_meetings {
            match handling.get_untracked() {
                Some("move") => {
                    let typed = new_host.get_untracked();
                    if typed.trim().is_empty() {
                        error.set(Some(
                            "Enter the email of the user who hosts the meetings from now on."
                                .into(),
                        ));
                        return;
                    }
                    let found = Email::parse(&typed).ok().and_then(|email| {
                        account.with_untracked(|a| a.as_ref()?.user_by_email(&email).map(|u| u.id))
                    });
                    match found {
                        Some(host) => Some(MeetingHandling::TransferTo(host)),
                        None => {
                            error.set(Some(format!(
                                "No user with the email \u{201c}{}\u{201d} is in your account.",
                                typed.trim()
                            )));
                            return;
                        }
                    }
                }
                Some(_) => Some(MeetingHandling::Cancel),
                None => {
                    error.set(Some(
                        "Choose what happens to their meetings: move them to another user or cancel them."
                            .into(),
                    ));
                    return;
                }
            }
        } else {
            None
        };
        match state.dispatch(Command::RemoveUser { user, meetings }) {
            Ok(_) => on_saved.run(format!("{save_name} was removed.")),
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let meetings_part = hosts_meetings.then(|| {
        let count = meetings.len();
        view! {
            <h3 class="dialog__section">
                {if count == 1 {
                    "They host 1 scheduled meeting".to_string()
                } else {
                    format!("They host {count} scheduled meetings")
                }}
            </h3>
            <ul class="name-list">
                {meetings
                    .into_iter()
                    .map(|(topic, starts)| view! { <li>{topic} " — " {starts}</li> })
                    .collect_view()}
            </ul>
            <fieldset class="fieldset">
                <legend>"Their meetings"</legend>
                <div class="choice">
                    <input
                        type="radio"
                        name="remove-meetings"
                        id="remove-meetings-move"
                        on:change=move |_| handling.set(Some("move"))
                    />
                    <label for="remove-meetings-move">"Move them to another user"</label>
                </div>
                <div class="field field--nested">
                    <label for="remove-new-host">"New host's email"</label>
                    <input
                        id="remove-new-host"
                        type="email"
                        list="remove-new-host-list"
                        autocomplete="off"
                        disabled=move || handling.get() != Some("move")
                        prop:value=move || new_host.get()
                        on:input=move |ev| new_host.set(event_target_value(&ev))
                    />
                    <datalist id="remove-new-host-list">
                        {move || {
                            suggestions()
                                .into_iter()
                                .map(|(email, name)| view! { <option value=email>{name}</option> })
                                .collect_view()
                        }}
                    </datalist>
                </div>
                <div class="choice">
                    <input
                        type="radio"
                        name="remove-meetings"
                        id="remove-meetings-cancel"
                        on:change=move |_| handling.set(Some("cancel"))
                    />
                    <label for="remove-meetings-cancel">"Cancel them"</label>
                </div>
            </fieldset>
        }
    });
    view! {
        <Dialog labelled_by="remove-user-title" on_close>
            <h2 id="remove-user-title">"Remove User"</h2>
            <p class="dialog__subtitle">{format!("{name} ({})", target.email)}</p>
            <p>{returns} " They can no longer sign in."</p>
            {meetings_part}
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            <DialogActions
                label="Remove user"
                danger=true
                on_save=Callback::new(move |_| save())
                on_cancel=on_close
            />
        </Dialog>
    }
    .into_any()
}
