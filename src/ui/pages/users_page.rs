//! User Management > Users: the account's users.

use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn UsersPage() -> impl IntoView {
    let state = use_app();
    let viewer = Memo::new(move |_| state.viewer());
    let summary = move || {
        viewer.with(|v| {
            v.as_ref().map(|v| {
                format!(
                    "Zoom Workplace seats: {} of {} in use",
                    v.account.seats_in_use(),
                    v.account.base_plan.seats
                )
            })
        })
    };
    let rows = move || {
        viewer.with(|v| {
            v.as_ref().map(|v| {
                v.account
                    .users
                    .iter()
                    .map(|u| {
                        view! {
                            <tr>
                                <td>{u.full_name()}</td>
                                <td>{u.email.to_string()}</td>
                                <td>{u.role.as_str()}</td>
                                <td>{u.license.as_str()}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            <p class="page__trail">"User Management"</p>
            <h1 id="page-title">"Users"</h1>
            <p class="page__lead">{summary}</p>
            <table class="table">
                <caption class="visually-hidden">"Users of your account"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Email"</th>
                        <th scope="col">"Role"</th>
                        <th scope="col">"Zoom Workplace"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="page__note">
                "Editing users and assigning Large Meetings licenses comes in a later release."
            </p>
        </section>
    }
}
