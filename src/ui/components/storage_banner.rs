//! A banner that says when stored data could not be read or saved.

use crate::state::use_app;
use crate::storage::{self, StorageNotice};
use crate::ui::components::download::object_url;
use leptos::prelude::*;

#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_app();
    let banner = move || {
        let notice = state.notice.get()?;
        let (message, download) = match notice {
            StorageNotice::Quarantined { key, reason } => (
                format!(
                    "Your saved data could not be read: {reason}. It was kept unchanged under \
                     the browser storage key \"{key}\" and the portal started with fresh demo data."
                ),
                storage::quarantined_text(&key).map(|text| (text, format!("{key}.json"))),
            ),
            StorageNotice::Unreadable { reason } => (
                format!(
                    "Your saved data could not be read: {reason}. It could not be set aside either, \
                     so the portal leaves it untouched and nothing you change now is saved. \
                     Free some browser storage and reload."
                ),
                storage::data_snapshot().map(|text| (text, "lmp-saved-data.json".to_string())),
            ),
            StorageNotice::NewerSchema { reason } => (
                format!(
                    "The portal cannot use your saved data: {reason}. It is left untouched; this \
                     version shows demo data and saves nothing. Open the newer version to continue."
                ),
                storage::data_snapshot().map(|text| (text, "lmp-saved-data.json".to_string())),
            ),
            StorageNotice::Unavailable => (
                "This browser does not let the portal use local storage (private mode or \
                 storage turned off). The portal works, but changes are lost when you close \
                 the page."
                    .to_string(),
                None,
            ),
            StorageNotice::NotSaved { reason } => (
                format!(
                    "Your last change is not saved yet: {reason}. It is kept in this tab and \
                     saving is retried every few seconds; do not close the tab."
                ),
                None,
            ),
            StorageNotice::Conflict { reason } => (
                format!(
                    "Another tab changed the same data first, so a change made here could not \
                     be applied: {reason}"
                ),
                None,
            ),
        };
        let link = download.and_then(|(text, name)| {
            object_url(&text, "application/json").map(|href| {
                view! {
                    <a class="button button--quiet" href=href download=name>
                        "Download the saved data"
                    </a>
                }
            })
        });
        Some(view! {
            <div class="banner banner--warning" role="alert">
                <p>{message}</p>
                {link}
                <button
                    type="button"
                    class="button button--quiet"
                    on:click=move |_| state.notice.set(None)
                >
                    "Dismiss"
                </button>
            </div>
        })
    };
    view! { {banner} }
}
