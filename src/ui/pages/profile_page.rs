//! The signed-in person's profile and their account's settings.

use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let state = use_app();
    move || {
        state.viewer().map(|v| {
            let capacity = v.account.meeting_capacity_of(&v.user);
            view! {
                <section class="page" aria-labelledby="page-title">
                    <h1 id="page-title">"Profile"</h1>
                    <dl class="facts">
                        <dt>"Name"</dt>
                        <dd>{v.user.full_name()}</dd>
                        <dt>"Email"</dt>
                        <dd>{v.user.email.to_string()}</dd>
                        <dt>"Role"</dt>
                        <dd>{v.user.role.as_str()}</dd>
                        <dt>"Zoom Workplace"</dt>
                        <dd>{v.user.license.as_str()}</dd>
                        <dt>"Meeting capacity"</dt>
                        <dd>{format!("{capacity} participants")}</dd>
                    </dl>
                    <h2>"Account"</h2>
                    <dl class="facts">
                        <dt>"Account name"</dt>
                        <dd>{v.account.name.clone()}</dd>
                        <dt>"Base plan"</dt>
                        <dd>{v.account.base_plan.name.clone()}</dd>
                        <dt>"Billing portal"</dt>
                        <dd>{v.account.billing_portal.label()}</dd>
                    </dl>
                </section>
            }
        })
    }
}
