//! A banner that says when stored data could not be read or saved.

use crate::state::use_app;
use crate::storage::StorageNotice;
use leptos::prelude::*;

#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_app();
    let message = move || {
        state.notice.get().map(|notice| match notice {
            StorageNotice::Quarantined { key, reason } => format!(
                "Your saved data could not be read: {reason}. It was kept unchanged under \
                 the browser storage key \"{key}\" and the portal started with fresh demo data."
            ),
            StorageNotice::Unreadable { reason } => format!(
                "Your saved data could not be read: {reason}. It could not be set aside either, \
                 so nothing you change now will be saved. Free some browser storage and reload."
            ),
            StorageNotice::Unavailable => "This browser does not let the portal use local storage \
                 (private mode or storage turned off). The portal works, but changes are lost \
                 when you close the page."
                .to_string(),
            StorageNotice::SaveFailed { reason } => {
                format!("Your last change is not saved yet: {reason}.")
            }
        })
    };
    view! {
        <Show when=move || message().is_some()>
            <div class="banner banner--warning" role="alert">
                <p>{message}</p>
                <button
                    type="button"
                    class="button button--quiet"
                    on:click=move |_| state.notice.set(None)
                >
                    "Dismiss"
                </button>
            </div>
        </Show>
    }
}
