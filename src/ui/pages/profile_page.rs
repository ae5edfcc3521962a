//! The signed-in person's profile and their account's settings.

use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let state = use_app();
    move || {
        state.with_viewer(|account, user| {
            let capacity = account.meeting_capacity_of(user);
            view! {
                <section class="page" aria-labelledby="page-title">
                    <h1 id="page-title">"Profile"</h1>
                    <dl class="facts">
                        <dt>"Name"</dt>
                        <dd>{user.full_name()}</dd>
                        <dt>"Email"</dt>
                        <dd>{user.email.to_string()}</dd>
                        <dt>"Role"</dt>
                        <dd>{user.role.as_str()}</dd>
                        <dt>"Zoom Workplace"</dt>
                        <dd>{user.license.as_str()}</dd>
                        <dt>"Meeting capacity"</dt>
                        <dd>{format!("{capacity} participants")}</dd>
                    </dl>
                    <h2>"Account"</h2>
                    <dl class="facts">
                        <dt>"Account name"</dt>
                        <dd>{account.name.clone()}</dd>
                        <dt>"Base plan"</dt>
                        <dd>{account.base_plan.name.clone()}</dd>
                        <dt>"Billing portal"</dt>
                        <dd>{account.billing_portal.label()}</dd>
                    </dl>
                </section>
            }
        })
    }
}
