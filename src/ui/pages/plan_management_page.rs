//! Plans and Billing > Plan Management (the new billing portal).

use crate::state::use_app;
use leptos::prelude::*;

/// The base plan and its seats, as both billing portals show it.
#[component]
pub fn BasePlanSummary() -> impl IntoView {
    let state = use_app();
    move || {
        state.viewer().map(|v| {
            let plan = v.account.base_plan.clone();
            let used = v.account.seats_in_use();
            let available = v.account.seats_available();
            view! {
                <article class="card" aria-labelledby="base-plan-title">
                    <h3 id="base-plan-title">{plan.name}</h3>
                    <dl class="facts">
                        <dt>"Seats"</dt>
                        <dd>{plan.seats}</dd>
                        <dt>"In use"</dt>
                        <dd>{used}</dd>
                        <dt>"Available"</dt>
                        <dd>{available}</dd>
                        <dt>"Meeting capacity"</dt>
                        <dd>{format!("{} participants", plan.meeting_capacity)}</dd>
                    </dl>
                </article>
            }
        })
    }
}

#[component]
pub fn PlanManagementPage() -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="page-title">
            <p class="page__trail">"Plans and Billing"</p>
            <h1 id="page-title">"Plan Management"</h1>
            <h2>"Base plan"</h2>
            <BasePlanSummary />
            <p class="page__note">
                "Buying Large Meetings add-ons (500, 1,000, 3,000 or 5,000 participants) "
                "comes in a later release of this portal."
            </p>
        </section>
    }
}
