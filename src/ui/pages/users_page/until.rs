//! "Until (optional)": the end of Large Meetings given for a time, in Edit
//! User and Change Licenses alike (issue 21). The field is the browser's
//! `datetime-local`, in its own time zone, read by `format::moment_of`; the
//! domain refuses an end that is not after now and takes the add-on back
//! when the moment comes.

use crate::i18n::*;
use leptos::prelude::*;

/// The field, its label and what it does; `value` is its text (empty: no
/// end). `id` names the input (`edit-lm-until`, `bulk-lm-until`).
pub fn until_field(id: &'static str, value: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let help = format!("{id}-help");
    view! {
        <div class="field field--nested">
            <label for=id>{tr!(i18n, users.edit.until)}</label>
            <input
                type="datetime-local"
                id=id
                aria-describedby=help.clone()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            <p id=help class="field-help">
                {tr!(i18n, users.edit.until_help)}
            </p>
        </div>
    }
}
