//! The path the portal is served under. `make dist PUBLIC_URL=/demo/` builds
//! it for a sub-path: trunk writes that path into index.html's
//! `<base data-trunk-public-url>` tag, and the router, the links and the
//! return address after sign-in all follow it, so one build runs unchanged
//! at the site root or under a repository's GitHub Pages path.

use leptos::prelude::{document, window};
use std::sync::OnceLock;

/// The router's base read from the document's `<base href>`: `"/demo"` for
/// a build made with `PUBLIC_URL=/demo/`, `""` at the site root (and when
/// the page has no `<base>` tag, as in the wasm tests).
pub fn router_base() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let href = document()
            .query_selector("head > base[href]")
            .ok()
            .flatten()
            .and_then(|base| base.get_attribute("href"));
        let Some(href) = href else {
            return String::new();
        };
        // A full URL ("https://cdn.example/portal/") counts by its path.
        let location = window().location().href().unwrap_or_default();
        let path = web_sys::Url::new_with_base(&href, &location)
            .map(|url| url.pathname())
            .unwrap_or(href);
        base_from_path(&path).to_string()
    })
}

/// `"/demo/"` -> `"/demo"`, `"/"` -> `""`.
pub fn base_from_path(path: &str) -> &str {
    path.trim_end_matches('/')
}

/// The portal's own path of a browser path: `"/demo/users"` -> `"/users"`
/// when the base is `"/demo"`. A path outside the base is returned as it is.
pub fn app_path<'a>(base: &str, pathname: &'a str) -> &'a str {
    if base.is_empty() {
        return pathname;
    }
    match pathname.strip_prefix(base) {
        Some("") => "/",
        Some(rest) if rest.starts_with('/') => rest,
        _ => pathname,
    }
}

/// The address of one of the portal's pages under the base: `href("/users")`
/// is `"/demo/users"` in a build for `/demo/`. Leptos 0.8's `<A>` leaves an
/// absolute href as it is (only `navigate` and `<Redirect>` add the router's
/// base), so every `<A>` of the portal takes its href from here.
pub fn href(path: &str) -> String {
    format!("{}{path}", router_base())
}
