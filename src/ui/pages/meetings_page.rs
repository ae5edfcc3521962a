//! The meetings the signed-in person hosts, with the capacity each has now.

use crate::format::date_time;
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn MeetingsPage() -> impl IntoView {
    let state = use_app();
    let rows = move || {
        let viewer = state.viewer()?;
        let rows: Vec<_> = viewer
            .account
            .meetings_hosted_by(viewer.user.id)
            .into_iter()
            .map(|m| {
                let capacity = viewer.account.effective_capacity(m).unwrap_or_default();
                (
                    m.topic.clone(),
                    date_time(m.start),
                    m.duration_minutes,
                    capacity,
                )
            })
            .collect();
        Some(rows)
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">"Meetings"</h1>
            <p class="page__lead">
                "Your scheduled meetings. Capacity follows your licenses at this moment: "
                "when your license changes, every meeting shows the new capacity without being edited."
            </p>
            {move || match rows() {
                Some(rows) if !rows.is_empty() => {
                    view! {
                        <table class="table">
                            <caption class="visually-hidden">"Your scheduled meetings"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Topic"</th>
                                    <th scope="col">"Starts"</th>
                                    <th scope="col">"Duration"</th>
                                    <th scope="col">"Capacity"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows
                                    .into_iter()
                                    .map(|(topic, starts, minutes, capacity)| {
                                        view! {
                                            <tr>
                                                <td>{topic}</td>
                                                <td>{starts}</td>
                                                <td>{format!("{minutes} min")}</td>
                                                <td>{format!("{capacity} participants")}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                        .into_any()
                }
                _ => view! { <p>"You have no scheduled meetings."</p> }.into_any(),
            }}
            <p class="page__note">"Scheduling new meetings comes in a later release."</p>
        </section>
    }
}
