//! A banner that says when stored data could not be read or saved.

use crate::i18n::*;
use crate::state::use_app;
use crate::storage::{self, StorageNotice};
use crate::ui::components::download::object_url;
use crate::ui::messages;
use leptos::prelude::*;

#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let banner = move || {
        let notice = state.notice.get()?;
        let (message, download) = match notice {
            StorageNotice::Quarantined { key, problem } => (
                crate::ui::messages::fill(
                    td_string!(i18n.get_locale(), common.storage.quarantined),
                    &[
                        (
                            "reason",
                            &messages::decode_error(i18n.get_locale(), &problem),
                        ),
                        ("key", &key.clone()),
                    ],
                ),
                storage::quarantined_text(&key).map(|text| (text, format!("{key}.json"))),
            ),
            StorageNotice::Unreadable { problem } => (
                crate::ui::messages::fill(
                    td_string!(i18n.get_locale(), common.storage.unreadable),
                    &[(
                        "reason",
                        &messages::decode_error(i18n.get_locale(), &problem),
                    )],
                ),
                storage::data_snapshot().map(|text| (text, "lmp-saved-data.json".to_string())),
            ),
            StorageNotice::NewerSchema { problem } => (
                crate::ui::messages::fill(
                    td_string!(i18n.get_locale(), common.storage.newer),
                    &[(
                        "reason",
                        &messages::decode_error(i18n.get_locale(), &problem),
                    )],
                ),
                storage::data_snapshot().map(|text| (text, "lmp-saved-data.json".to_string())),
            ),
            StorageNotice::Unavailable => (
                t_string!(i18n, common.storage.unavailable).to_string(),
                None,
            ),
            StorageNotice::NotSaved { problem } => {
                let reason = messages::write_problem(i18n.get_locale(), problem);
                (
                    crate::ui::messages::fill(
                        td_string!(i18n.get_locale(), common.storage.not_saved),
                        &[("reason", &reason)],
                    ),
                    None,
                )
            }
            StorageNotice::Conflict { dropped } => {
                let reason = messages::dropped_changes(i18n.get_locale(), &dropped);
                (
                    crate::ui::messages::fill(
                        td_string!(i18n.get_locale(), common.storage.conflict),
                        &[("reason", &reason)],
                    ),
                    None,
                )
            }
        };
        let link = download.and_then(|(text, name)| {
            object_url(&text, "application/json").map(|href| {
                view! {
                    <a class="button button--quiet" href=href download=name>
                        {tr!(i18n, common.storage.download)}
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
                    {tr!(i18n, common.storage.dismiss)}
                </button>
            </div>
        })
    };
    view! { {banner} }
}
