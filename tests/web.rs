//! Component tests in headless Chromium (wasm-bindgen-test).
//!
//! make test runs them with:
//! cargo test -p meetings-portal --target wasm32-unknown-unknown --test web
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos_router::components::Router;
use meetings_portal::state::AppState;
use meetings_portal::storage::{SESSION_KEY, STATE_KEY};
use meetings_portal::ui::pages::SignInPage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Mounts the sign-in page on fresh storage and returns its host element.
fn mount_sign_in() -> (Element, impl Drop) {
    local_storage().clear().unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), || {
        provide_context(AppState::load());
        view! {
            <Router>
                <SignInPage />
            </Router>
        }
    });
    (host, handle)
}

fn input(host: &Element, selector: &str) -> HtmlInputElement {
    host.query_selector(selector)
        .unwrap()
        .unwrap()
        .unchecked_into()
}

fn submit(host: &Element, email: &str, password: &str) {
    input(host, "#sign-in-email").set_value(email);
    input(host, "#sign-in-password").set_value(password);
    host.query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
}

/// Waits (up to 10 s) until the page shows an alert, and returns every alert's text.
async fn alerts(host: &Element) -> Vec<String> {
    for _ in 0..200 {
        let found = host.query_selector_all("[role=alert]").unwrap();
        if found.length() > 0 {
            return (0..found.length())
                .filter_map(|i| found.item(i)?.text_content())
                .collect();
        }
        sleep(50).await;
    }
    Vec::new()
}

#[wasm_bindgen_test]
async fn a_wrong_password_shows_one_alert_and_starts_no_session() {
    let (host, handle) = mount_sign_in();
    assert!(
        local_storage().get_item(STATE_KEY).unwrap().is_some(),
        "the demo data is seeded on first start"
    );
    submit(&host, "owner@acme.example", "not-the-password");
    assert_eq!(alerts(&host).await, ["Incorrect email or password."]);
    assert_eq!(
        input(&host, "#sign-in-password").value(),
        "",
        "the password is cleared"
    );
    assert_eq!(input(&host, "#sign-in-email").value(), "owner@acme.example");
    assert!(local_storage().get_item(SESSION_KEY).unwrap().is_none());
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn an_unknown_email_gets_the_same_message_as_a_wrong_password() {
    let (host, handle) = mount_sign_in();
    submit(&host, "nobody@acme.example", "Demo!2026");
    assert_eq!(alerts(&host).await, ["Incorrect email or password."]);
    assert!(local_storage().get_item(SESSION_KEY).unwrap().is_none());
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn the_right_password_starts_a_session_without_any_alert() {
    let (host, handle) = mount_sign_in();
    submit(&host, "member@globex.example", "Demo!2026");
    for _ in 0..200 {
        if local_storage().get_item(SESSION_KEY).unwrap().is_some() {
            break;
        }
        sleep(50).await;
    }
    let session = local_storage().get_item(SESSION_KEY).unwrap();
    assert!(session.is_some(), "a session is stored");
    assert!(!session.unwrap().contains("Demo!2026"));
    assert_eq!(host.query_selector_all("[role=alert]").unwrap().length(), 0);
    drop(handle);
    host.remove();
}
