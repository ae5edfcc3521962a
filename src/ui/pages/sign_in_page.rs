//! The page the portal opens on: email and password.

use crate::state::{use_app, SignOutReason};
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::{use_navigate, use_query_map};
use portal_domain::access::return_address;
use portal_domain::SignInError;
use std::time::Duration;

#[component]
pub fn SignInPage() -> impl IntoView {
    let state = use_app();
    if state.session.get_untracked().is_some() {
        return view! { <Redirect path="/" /> }.into_any();
    }
    let query = use_query_map();
    let navigate = use_navigate();
    let email = NodeRef::<html::Input>::new();
    let password = NodeRef::<html::Input>::new();
    let (error, set_error) = signal(None::<SignInError>);
    let (busy, set_busy) = signal(false);

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (Some(email_input), Some(password_input)) = (email.get(), password.get()) else {
            return;
        };
        set_error.set(None);
        set_busy.set(true);
        let navigate = navigate.clone();
        let next = return_address(query.with_untracked(|q| q.get("next")).as_deref()).to_string();
        // Let the browser paint "Signing in…" before the deliberately slow
        // password check runs.
        set_timeout(
            move || {
                let result = state.sign_in(&email_input.value(), &password_input.value());
                set_busy.set(false);
                match result {
                    Ok(()) => navigate(&next, Default::default()),
                    Err(e) => {
                        password_input.set_value("");
                        let field = if e == SignInError::MissingEmail {
                            &email_input
                        } else {
                            &password_input
                        };
                        let _ = field.focus();
                        set_error.set(Some(e));
                    }
                }
            },
            Duration::from_millis(20),
        );
    };

    let farewell = move || {
        state.signed_out.get().map(|reason| match reason {
            SignOutReason::Requested => "You have signed out.",
            SignOutReason::OtherTab => "You signed out in another tab.",
            SignOutReason::Removed => {
                "Your user is no longer part of the account. Ask an admin if you need access."
            }
            SignOutReason::Expired => {
                "Your session ended after 8 hours without activity. Sign in again to continue."
            }
        })
    };

    view! {
        <main id="main" class="sign-in">
            <div class="sign-in__card">
                <p class="sign-in__brand">"Large Meetings portal"</p>
                <h1>"Sign In"</h1>
                <p role="status" class="sign-in__status">
                    {farewell}
                </p>
                <form on:submit=on_submit novalidate>
                    <div class="field">
                        <label for="sign-in-email">"Email"</label>
                        <input
                            id="sign-in-email"
                            name="email"
                            type="email"
                            autocomplete="username"
                            required
                            node_ref=email
                        />
                    </div>
                    <div class="field">
                        <label for="sign-in-password">"Password"</label>
                        <input
                            id="sign-in-password"
                            name="password"
                            type="password"
                            autocomplete="current-password"
                            required
                            node_ref=password
                        />
                    </div>
                    {move || {
                        error
                            .get()
                            .map(|e| view! { <p class="form-error" role="alert">{e.to_string()}</p> })
                    }}
                    <button type="submit" class="button button--primary" aria-disabled=move || busy.get().to_string()>
                        {move || if busy.get() { "Signing in…" } else { "Sign In" }}
                    </button>
                </form>
                <details class="sign-in__demo">
                    <summary>"Demo sign-ins"</summary>
                    <p>"Every demo user has the password " <code>"Demo!2026"</code> "."</p>
                    <ul>
                        <li><code>"owner@acme.example"</code> " — owner, Acme Inc. (Plans and Billing)"</li>
                        <li><code>"admin@acme.example"</code> " — admin with billing privilege, Acme Inc."</li>
                        <li><code>"member@acme.example"</code> " — member, Acme Inc."</li>
                        <li><code>"owner@globex.example"</code> " — owner, Globex AB (Account Management > Billing)"</li>
                        <li><code>"admin@globex.example"</code> " — admin with billing privilege, Globex AB"</li>
                        <li><code>"member@globex.example"</code> " — member, Globex AB"</li>
                    </ul>
                </details>
            </div>
        </main>
    }
    .into_any()
}
