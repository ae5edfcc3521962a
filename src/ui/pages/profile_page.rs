//! The signed-in person's profile and their account's settings.

use crate::format;
use crate::i18n::*;
use crate::state::{use_signed_in, ActionError};
use crate::ui::components::reset_demo::ResetDemoData;
use crate::ui::{labels, messages};
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use portal_domain::{Command, DomainError, Secret};
use std::time::Duration;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    // The facts follow the account; the password form stays as it is (with
    // its status) when the account changes.
    let facts = move || {
        let locale = i18n.get_locale();
        who.with(|account, user| {
            let capacity = format::count_in(locale, account.meeting_capacity_of(user));
            Some(view! {
                <dl class="facts">
                    <dt>{tr!(i18n, common.profile.name)}</dt>
                    <dd>{user.full_name()}</dd>
                    <dt>{tr!(i18n, common.profile.email)}</dt>
                    <dd>{user.email.to_string()}</dd>
                    <dt>{tr!(i18n, common.profile.role)}</dt>
                    <dd>{labels::role(locale, user.role)}</dd>
                    <dt>"Zoom Workplace"</dt>
                    <dd>{labels::license(locale, user.license)}</dd>
                    <dt>{tr!(i18n, common.profile.meeting_capacity)}</dt>
                    <dd>{crate::ui::messages::fill(td_string!(locale, common.participants), &[("count", &capacity)])}</dd>
                </dl>
                <h2>{tr!(i18n, common.profile.account)}</h2>
                <dl class="facts">
                    <dt>{tr!(i18n, common.profile.account_name)}</dt>
                    <dd>{account.name.clone()}</dd>
                    <dt>{tr!(i18n, common.profile.base_plan)}</dt>
                    <dd>{account.base_plan.name.clone()}</dd>
                    <dt>{tr!(i18n, common.profile.billing_portal)}</dt>
                    <dd>{labels::billing_portal(locale, account.billing_portal)}</dd>
                </dl>
            })
        })
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{tr!(i18n, common.profile.title)}</h1>
            {facts}
            <ChangePassword />
            <ResetDemoData />
        </section>
    }
}

/// Sixteen random bytes from the browser's cryptographic generator: the salt
/// of a new password hash.
fn random_salt() -> Option<[u8; 16]> {
    let mut salt = [0u8; 16];
    window()
        .crypto()
        .ok()?
        .get_random_values_with_u8_array(&mut salt)
        .ok()?;
    Some(salt)
}

/// Change Password: the current password, the new one twice (at least 12
/// characters). Nothing changes unless all three are right.
#[component]
fn ChangePassword() -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    let current = NodeRef::<html::Input>::new();
    let new = NodeRef::<html::Input>::new();
    let repeat = NodeRef::<html::Input>::new();
    let (error, set_error) = signal(None::<ActionError>);
    let (done, set_done) = signal(false);
    let (busy, set_busy) = signal(false);

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (Some(current), Some(new), Some(repeat)) = (current.get(), new.get(), repeat.get())
        else {
            return;
        };
        set_error.set(None);
        set_done.set(false);
        set_busy.set(true);
        // Let the browser paint "Changing…" before the deliberately slow hashing.
        set_timeout(
            move || {
                let result = match random_salt() {
                    Some(salt) => who.dispatch(Command::ChangePassword {
                        current: Secret::new(current.value()),
                        new: Secret::new(new.value()),
                        repeat: Secret::new(repeat.value()),
                        salt,
                    }),
                    None => Err(ActionError::Domain(DomainError::PasswordNotHashed)),
                };
                set_busy.set(false);
                match result {
                    Ok(_) => {
                        for input in [&current, &new, &repeat] {
                            input.set_value("");
                        }
                        set_done.set(true);
                    }
                    Err(e) => {
                        let field = match &e {
                            ActionError::Domain(
                                DomainError::CurrentPasswordMissing
                                | DomainError::WrongCurrentPassword,
                            ) => &current,
                            ActionError::Domain(DomainError::PasswordsDiffer) => &repeat,
                            _ => &new,
                        };
                        let _ = field.focus();
                        set_error.set(Some(e));
                    }
                }
            },
            Duration::from_millis(20),
        );
    };

    view! {
        <h2 id="change-password">{tr!(i18n, common.profile.change_password)}</h2>
        <form class="form" on:submit=on_submit novalidate aria-labelledby="change-password">
            // Lets password managers tie the new password to the account.
            <input type="text" name="username" autocomplete="username" hidden value=move || {
                who.with(|_, user| user.email.to_string())
            } />
            <div class="field">
                <label for="current-password">{tr!(i18n, common.profile.current_password)}</label>
                <input id="current-password" type="password" autocomplete="current-password" node_ref=current />
            </div>
            <div class="field">
                <label for="new-password">{tr!(i18n, common.profile.new_password)}</label>
                <input
                    id="new-password"
                    type="password"
                    autocomplete="new-password"
                    aria-describedby="new-password-hint"
                    node_ref=new
                />
                <p id="new-password-hint" class="field__hint">{tr!(i18n, common.profile.password_hint)}</p>
            </div>
            <div class="field">
                <label for="repeat-password">{tr!(i18n, common.profile.repeat_password)}</label>
                <input id="repeat-password" type="password" autocomplete="new-password" node_ref=repeat />
            </div>
            {move || {
                error
                    .get()
                    .map(|e| {
                        let text = messages::action_error(i18n.get_locale(), &e);
                        view! { <p class="form-error" role="alert">{text}</p> }
                    })
            }}
            <p role="status" class="form-status">
                {move || done.get().then(|| t_string!(i18n, common.profile.password_changed))}
            </p>
            <button type="submit" class="button button--primary" aria-disabled=move || busy.get().to_string()>
                {move || {
                    if busy.get() {
                        t_string!(i18n, common.profile.changing_password)
                    } else {
                        t_string!(i18n, common.profile.change_password)
                    }
                }}
            </button>
        </form>
    }
}
