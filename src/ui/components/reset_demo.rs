//! Reset demo data: puts every account in this browser back to the demo
//! data of a first start, after a confirmation, and signs out.

use crate::i18n::*;
use crate::state::{use_app, ResetError};
use crate::ui::components::dialog::{focus_by_id, Dialog, DialogActions};
use leptos::prelude::*;

const TRIGGER_ID: &str = "reset-demo-data";

#[component]
pub fn ResetDemoData(
    /// Only the button (the sign-in page's demo section), without the
    /// Profile page's heading and explanation.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let (open, set_open) = signal(false);
    let (error, set_error) = signal(None::<ResetError>);
    let close = Callback::new(move |_| {
        set_open.set(false);
        set_error.set(None);
        focus_by_id(TRIGGER_ID);
    });
    let confirm = Callback::new(move |_| match state.reset_demo_data() {
        // Signed out: the shell sends the person to the sign-in page, which
        // says what happened (on the sign-in page, focus returns to the button).
        Ok(()) => {
            set_open.set(false);
            focus_by_id(TRIGGER_ID);
        }
        Err(e) => set_error.set(Some(e)),
    });
    let error_text = move || {
        error.get().map(|e| {
            let locale = i18n.get_locale();
            let text = match e {
                ResetError::ReadOnly => {
                    td_string!(locale, common.profile.reset_read_only).to_string()
                }
                ResetError::NotSaved(problem) => crate::ui::messages::fill(
                    td_string!(locale, common.profile.reset_failed),
                    &[(
                        "reason",
                        &crate::ui::messages::write_problem(locale, problem),
                    )],
                )
                .to_string(),
            };
            view! { <p class="form-error" role="alert">{text}</p> }
        })
    };
    let intro = (!compact).then(|| {
        view! {
            <h2 id="demo-data">{tr!(i18n, common.profile.demo_data)}</h2>
            <p>{tr!(i18n, common.profile.demo_data_text)}</p>
        }
    });
    view! {
        {intro}
        <button
            type="button"
            id=TRIGGER_ID
            class="button button--danger"
            aria-haspopup="dialog"
            on:click=move |_| set_open.set(true)
        >
            {tr!(i18n, common.profile.reset)}
        </button>
        {move || {
            open.get()
                .then(|| {
                    view! {
                        <Dialog labelled_by="reset-demo-title" on_close=close>
                            <h2 id="reset-demo-title">{tr!(i18n, common.profile.reset_title)}</h2>
                            <p>{tr!(i18n, common.profile.reset_text)}</p>
                            {error_text}
                            <DialogActions
                                label=Signal::derive(move || t_string!(i18n, common.profile.reset))
                                danger=true
                                on_save=confirm
                                on_cancel=close
                            />
                        </Dialog>
                    }
                })
        }}
    }
}
