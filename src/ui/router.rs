//! The portal's router: which page the address shows, and moving between
//! pages without reloading.
//!
//! The portal's pages are a fixed table of static addresses
//! ([`crate::ui::areas`]), so a router here is the address in two signals,
//! `history.pushState`, the browser's Back and Forward (`popstate`) and
//! same-site link clicks turned into navigations. leptos_router did the same
//! for these needs with a general matcher of nested, parameterised routes
//! whose generic code was about 20 KB of the gzipped download (measured:
//! `docs/benchmarks/README.md`, "Size").
//!
//! Links are plain `<a href=href("/users")>`: a click on one inside the
//! portal's base path (left button, no modifier key, no `target`,
//! `download` or `rel="external"`) navigates here; any other goes to the
//! browser. A link to `#id` on the same page moves the focus to that element
//! (the skip link), whatever the document's `<base>`.

use crate::ui::base::{app_path, router_base};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The address the portal shows, without the base path: `path` is
/// `"/users"`, `search` is the query without its `?` (`"cart=review"`).
#[derive(Clone, Copy)]
pub struct Router {
    path: RwSignal<String>,
    search: RwSignal<String>,
}

/// How [`Router::navigate`] changes the browser's history.
#[derive(Clone, Copy, Default)]
pub struct Navigation {
    /// Replaces the current history entry instead of adding one.
    pub replace: bool,
    /// Keeps the scroll position (a step within a page) instead of going to
    /// the top of the new page.
    pub keep_scroll: bool,
}

impl Router {
    /// The router of the address bar, given to the views below as context;
    /// follows Back, Forward and link clicks until the owner is cleaned up.
    pub fn provide() -> Self {
        let router = Self {
            path: RwSignal::new(String::new()),
            search: RwSignal::new(String::new()),
        };
        router.take_in_address_bar();
        provide_context(router);
        let back_and_forward =
            window_event_listener(ev::popstate, move |_| router.take_in_address_bar());
        let links = window_event_listener(ev::click, move |ev| router.follow_link(&ev));
        // The root's router lives as long as the page; one made for a test
        // stops listening when the test's view is unmounted.
        on_cleanup(move || {
            back_and_forward.remove();
            links.remove();
        });
        router
    }

    /// The portal's path now ("/users"), tracked.
    pub fn path(&self) -> String {
        self.path.get()
    }

    /// The portal's path now, untracked.
    pub fn path_untracked(&self) -> String {
        self.path.get_untracked()
    }

    /// Runs `f` on the portal's path (tracked).
    pub fn with_path<T>(&self, f: impl FnOnce(&str) -> T) -> T {
        self.path.with(|path| f(path))
    }

    /// The value of `name` in the address's query, decoded (tracked).
    pub fn query(&self, name: &str) -> Option<String> {
        self.search.with(|search| query_value(search, name))
    }

    /// The value of `name` in the address's query, untracked.
    pub fn query_untracked(&self, name: &str) -> Option<String> {
        self.search
            .with_untracked(|search| query_value(search, name))
    }

    /// Goes to `to`, one of the portal's own addresses without the base
    /// ("/sign-in?next=%2Fusers"): the address bar shows it and the page
    /// follows.
    pub fn navigate(&self, to: &str, how: Navigation) {
        let address = format!("{}{to}", router_base());
        if let Ok(history) = window().history() {
            let null = wasm_bindgen::JsValue::NULL;
            let _ = if how.replace {
                history.replace_state_with_url(&null, "", Some(&address))
            } else {
                history.push_state_with_url(&null, "", Some(&address))
            };
        }
        self.take_in_address_bar();
        if !how.keep_scroll {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    }

    /// Sets the signals from the address bar; a signal whose value stays
    /// the same does not wake what reads it.
    fn take_in_address_bar(&self) {
        let location = window().location();
        let pathname = location.pathname().unwrap_or_default();
        let path = app_path(router_base(), &pathname);
        if self.path.with_untracked(|now| now != path) {
            self.path.set(path.to_string());
        }
        let search = location.search().unwrap_or_default();
        let search = search.strip_prefix('?').unwrap_or(&search);
        if self.search.with_untracked(|now| now != search) {
            self.search.set(search.to_string());
        }
    }

    /// A click on a link of the portal navigates here instead of loading
    /// the page again.
    fn follow_link(&self, ev: &ev::MouseEvent) {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.alt_key()
            || ev.ctrl_key()
            || ev.shift_key()
        {
            return;
        }
        let Some(link) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
        else {
            return;
        };
        let attribute = |name| link.get_attribute(name);
        let external = attribute("rel")
            .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "external"));
        if attribute("target").is_some_and(|t| !t.is_empty() && t != "_self")
            || link.has_attribute("download")
            || external
        {
            return;
        }
        let href = attribute("href").unwrap_or_default();
        if let Some(id) = href.strip_prefix('#') {
            // With a <base> the browser would read "#main" as the base's
            // address: the skip link would leave the page.
            ev.prevent_default();
            if let Some(target) = document()
                .get_element_by_id(id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                target.scroll_into_view();
                let _ = target.focus();
            }
            return;
        }
        let Some(url) = link
            .dyn_ref::<web_sys::HtmlAnchorElement>()
            .map(|a| a.href())
        else {
            return;
        };
        let location = window().location();
        let Ok(url) = web_sys::Url::new(&url) else {
            return;
        };
        if location.origin().ok().as_deref() != Some(url.origin().as_str()) {
            return;
        }
        let pathname = url.pathname();
        let base = router_base();
        let inside = base.is_empty()
            || pathname == base
            || pathname
                .strip_prefix(base)
                .is_some_and(|rest| rest.starts_with('/'));
        if !inside {
            return;
        }
        ev.prevent_default();
        let to = format!("{}{}", app_path(base, &pathname), url.search());
        self.navigate(&to, Navigation::default());
    }
}

/// The router [`Router::provide`] made at the root.
pub fn use_router() -> Router {
    expect_context::<Router>()
}

/// Sends the browser to `to` (one of the portal's addresses) at once, in
/// place of the address it asked for: a redirect adds no history entry, so
/// Back does not return to an address that only redirects.
pub fn redirect(to: &str) {
    use_router().navigate(
        to,
        Navigation {
            replace: true,
            keep_scroll: false,
        },
    );
}

/// The decoded value of `name` in a query string without its `?`
/// (`application/x-www-form-urlencoded`: `+` is a space).
pub fn query_value(search: &str, name: &str) -> Option<String> {
    search.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (decode(key) == name).then(|| decode(value))
    })
}

fn decode(text: &str) -> String {
    let text = text.replace('+', " ");
    js_sys::decode_uri_component(&text)
        .ok()
        .and_then(|decoded| decoded.as_string())
        .unwrap_or(text)
}
