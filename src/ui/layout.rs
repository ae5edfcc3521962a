//! The portal shell: header, left navigation and the routed page.

use crate::i18n::*;
use crate::state::{use_app, use_signed_in, AppState, SignOutReason, SignedIn};
use crate::ui::app::Routed;
use crate::ui::areas::{self, NavEntry, Page};
use crate::ui::base::{app_path, href, router_base};
use crate::ui::components::footer::Footer;
use crate::ui::components::language::LanguageSwitch;
use crate::ui::components::storage_banner::StorageBanner;
use crate::ui::router::{redirect, use_router};
use leptos::ev;
use leptos::prelude::*;
use portal_domain::access;
use std::time::Duration;

/// Wraps every page of a signed-in person; sends everyone else to sign in.
#[component]
pub fn Shell() -> impl IntoView {
    let state = use_app();
    track_activity(state);
    let router = use_router();
    // Keyed on who is signed in only, so that changes to the portal's data
    // update the pages in place instead of rebuilding the shell.
    let signed_in = Memo::new(move |_| SignedIn::current(state));
    move || match signed_in.get() {
        Some(who) => {
            provide_context(who);
            view! { <SignedInShell /> }.into_any()
        }
        None => {
            redirect(&sign_in_address(state, &router.path_untracked()));
            ().into_any()
        }
    }
}

/// Where someone who is not signed in goes from the portal's path `here`
/// (without the base): Sign In, with the way back (`next`) to a deep link
/// or to the page of an expired session. After Sign Out the next person
/// starts afresh. The portal's own path, without the base (the router adds
/// it again).
pub fn sign_in_address(state: AppState, here: &str) -> String {
    let requested = matches!(
        state.signed_out.get_untracked(),
        Some(SignOutReason::Requested | SignOutReason::Reset)
    );
    if here == "/" || requested {
        "/sign-in".to_string()
    } else {
        format!("/sign-in?next={}", js_sys::encode_uri_component(here))
    }
}

/// Before the router starts: someone who is not signed in is sent to Sign
/// In at once (the address is replaced), so the first thing rendered is the
/// Sign In page rather than the shell, a redirect and then the page (a
/// render and a frame fewer: 0.14 s sooner on a slow phone, and the loading
/// view gives way to the page itself).
pub fn start_at_sign_in_if_signed_out(state: AppState) {
    if SignedIn::current(state).is_some() {
        return;
    }
    let window = window();
    let pathname = window.location().pathname().unwrap_or_default();
    if app_path(router_base(), &pathname) == "/sign-in" {
        return;
    }
    let here = app_path(router_base(), &pathname);
    let address = format!("{}{}", router_base(), sign_in_address(state, here));
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
    }
}

/// Keeps the session alive while the person works, and ends it after 8
/// idle hours even if the page stays open.
fn track_activity(state: AppState) {
    let router = use_router();
    Effect::new(move |_| {
        router.with_path(|_| ());
        state.touch();
    });
    let pointer = window_event_listener(ev::pointerdown, move |_| state.touch());
    let key = window_event_listener(ev::keydown, move |_| state.touch());
    let timer =
        set_interval_with_handle(move || state.check_expiry(), Duration::from_secs(30)).ok();
    on_cleanup(move || {
        pointer.remove();
        key.remove();
        if let Some(timer) = timer {
            timer.clear();
        }
    });
}

#[component]
fn SignedInShell() -> impl IntoView {
    let i18n = use_i18n();
    // On narrow screens the navigation hides behind the Menu button and
    // closes again after each navigation.
    let menu_open = RwSignal::new(false);
    let router = use_router();
    Effect::new(move |_| {
        router.with_path(|_| ());
        menu_open.set(false);
    });
    view! {
        <a class="skip-link" href="#main">
            {tr!(i18n, common.skip_to_main)}
        </a>
        <TopBar menu_open />
        <StorageBanner />
        {move || {
            // The window title names the page: "Users – Large Meetings portal".
            let locale = i18n.get_locale();
            let page = router.with_path(|path| page_title(locale, path));
            document().set_title(&format!("{page} – {}", td_string!(locale, common.brand)));
        }}
        <div class="shell">
            <Navigation menu_open />
            <div class="shell__content">
                <main id="main" class="main" tabindex="-1">
                    <Routed />
                </main>
                <Footer />
            </div>
        </div>
    }
}

/// The portal's name, who is signed in to which account, the language and
/// Sign Out; on narrow screens also the Menu button.
#[component]
fn TopBar(menu_open: RwSignal<bool>) -> impl IntoView {
    let state = use_app();
    let who = use_signed_in();
    let i18n = use_i18n();
    let account_name = who.memo(|account, _| account.name.clone());
    let user_name = who.memo(|_, user| user.full_name());
    let user_email = who.memo(|_, user| user.email.to_string());
    view! {
        <header class="topbar">
            <button
                type="button"
                class="button topbar__menu"
                aria-controls="portal-nav"
                aria-expanded=move || menu_open.get().to_string()
                on:click=move |_| menu_open.update(|open| *open = !*open)
            >
                {tr!(i18n, common.menu)}
            </button>
            <span class="topbar__brand">{tr!(i18n, common.brand)}</span>
            <span class="topbar__account">{account_name}</span>
            <span class="topbar__user">
                <span>{user_name}</span>
                <span class="topbar__email">{user_email}</span>
            </span>
            <LanguageSwitch id="language" />
            <button
                type="button"
                class="button button--quiet"
                on:click=move |_| state.sign_out(SignOutReason::Requested)
            >
                {tr!(i18n, common.sign_out)}
            </button>
        </header>
    }
}

/// The left navigation: the areas this person may open
/// ([`areas::NAVIGATION`]), worded at render so it follows a language switch.
#[component]
fn Navigation(menu_open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let visible = use_signed_in().memo(access::visible_areas);
    let router = use_router();
    let link = move |page: &'static Page| {
        let title = page.title;
        // The page shown is marked for assistive technology (and styled).
        let current = move || router.with_path(|path| path == page.path).then_some("page");
        view! {
            <li>
                <a href=href(page.path) aria-current=current>{move || title(i18n.get_locale())}</a>
            </li>
        }
    };
    let entry =
        move |entry: &'static NavEntry| {
            let links = move || entry.pages.iter().map(link).collect_view();
            move || {
                visible.with(|areas| areas.contains(&entry.area)).then(|| {
                    match entry.heading {
                Some(heading) => view! {
                    <li class="nav__group">
                        <span class="nav__group-title">{move || heading(i18n.get_locale())}</span>
                        <ul>{links()}</ul>
                    </li>
                }
                .into_any(),
                None => links().into_any(),
            }
                })
            }
        };
    view! {
        <nav
            id="portal-nav"
            class="nav"
            class:nav--open=move || menu_open.get()
            aria-label=move || t_string!(i18n, common.nav_label)
        >
            <ul>{areas::NAVIGATION.iter().map(entry).collect_view()}</ul>
        </nav>
    }
}

/// The name of the page at `path`, for the window title.
/// (Without the soft hyphens that mark where a long name may break.)
fn page_title(locale: Locale, path: &str) -> String {
    let title = match areas::at(path) {
        Some(page) => (page.title)(locale),
        None => td_string!(locale, common.not_found.title),
    };
    title.replace('\u{ad}', "")
}
