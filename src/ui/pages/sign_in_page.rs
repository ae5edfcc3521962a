//! The page the portal opens on: email and password.

use crate::i18n::*;
use crate::state::{use_app, SignOutReason};
use crate::ui::components::footer::Footer;
use crate::ui::components::language::LanguageSwitch;
use crate::ui::components::reset_demo::ResetDemoData;
use crate::ui::messages;
use crate::ui::router::{redirect, use_router};
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use portal_domain::access::return_address;
use portal_domain::SignInError;
use std::time::Duration;

#[component]
pub fn SignInPage() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    if state.session.get_untracked().is_some() {
        redirect("/");
        return ().into_any();
    }
    Effect::new(move |_| {
        document().set_title(&format!(
            "{} – {}",
            t_string!(i18n, common.sign_in.title),
            t_string!(i18n, common.brand)
        ));
    });
    let farewell = move || {
        state
            .signed_out
            .get()
            .map(|reason| signed_out_text(i18n.get_locale(), reason))
    };
    view! {
        <main id="main" class="sign-in">
            <div class="sign-in__card">
                <div class="sign-in__top">
                    <p class="sign-in__brand">{tr!(i18n, common.brand)}</p>
                    <LanguageSwitch id="sign-in-language" />
                </div>
                <h1>{tr!(i18n, common.sign_in.title)}</h1>
                <p role="status" class="sign-in__status">
                    {farewell}
                </p>
                <SignInForm />
                <DemoSignIns />
                <Footer />
            </div>
        </main>
    }
    .into_any()
}

/// Why the last session ended, as the page says it.
fn signed_out_text(locale: Locale, reason: SignOutReason) -> &'static str {
    match reason {
        SignOutReason::Requested => td_string!(locale, common.sign_in.signed_out),
        SignOutReason::OtherTab => td_string!(locale, common.sign_in.signed_out_other_tab),
        SignOutReason::Removed => td_string!(locale, common.sign_in.removed),
        SignOutReason::Expired => td_string!(locale, common.sign_in.expired),
        SignOutReason::Reset => td_string!(locale, common.sign_in.reset_done),
    }
}

/// The words before (`true`) or after the demo password in its sentence.
fn password_part(locale: Locale, before: bool) -> &'static str {
    let text = td_string!(locale, common.sign_in.demo_password);
    let (head, tail) = text.split_once("{password}").unwrap_or((text, ""));
    if before {
        head
    } else {
        tail
    }
}

/// The demo's sign-ins and their password, and Reset demo data.
#[component]
fn DemoSignIns() -> impl IntoView {
    let i18n = use_i18n();
    let demo = |email: &'static str, who: fn(Locale) -> &'static str| {
        view! { <li><code>{email}</code> " — " {move || who(i18n.get_locale())}</li> }
    };
    view! {
        <details class="sign-in__demo">
            <summary>{tr!(i18n, common.sign_in.demo_title)}</summary>
            <p>
                {move || password_part(i18n.get_locale(), true)}
                <code>"Demo!2026"</code>
                {move || password_part(i18n.get_locale(), false)}
            </p>
            <ul>
                {demo("owner@acme.example", |l| td_string!(l, common.sign_in.demo_acme_owner))}
                {demo("admin@acme.example", |l| td_string!(l, common.sign_in.demo_acme_admin))}
                {demo("member@acme.example", |l| td_string!(l, common.sign_in.demo_acme_member))}
                {demo("owner@globex.example", |l| td_string!(l, common.sign_in.demo_globex_owner))}
                {demo("admin@globex.example", |l| td_string!(l, common.sign_in.demo_globex_admin))}
                {demo("member@globex.example", |l| td_string!(l, common.sign_in.demo_globex_member))}
            </ul>
            <ResetDemoData compact=true />
        </details>
    }
}

/// Email, password and Sign In; on success goes to `next` (or the start).
#[component]
fn SignInForm() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let router = use_router();
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
        let next = return_address(router.query_untracked("next").as_deref()).to_string();
        // Let the browser paint "Signing in…" before the deliberately slow
        // password check runs.
        set_timeout(
            move || {
                let result = state.sign_in(&email_input.value(), &password_input.value());
                set_busy.set(false);
                match result {
                    Ok(()) => router.navigate(&next, Default::default()),
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

    view! {
        <form on:submit=on_submit novalidate>
            <div class="field">
                <label for="sign-in-email">{tr!(i18n, common.sign_in.email)}</label>
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
                <label for="sign-in-password">{tr!(i18n, common.sign_in.password)}</label>
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
                    .map(|e| {
                        let text = messages::sign_in_error(i18n.get_locale(), &e);
                        view! { <p class="form-error" role="alert">{text}</p> }
                    })
            }}
            <button type="submit" class="button button--primary" aria-disabled=move || busy.get().to_string()>
                {move || {
                    if busy.get() {
                        t_string!(i18n, common.sign_in.signing_in)
                    } else {
                        t_string!(i18n, common.sign_in.title)
                    }
                }}
            </button>
        </form>
    }
}
