//! Admin Activity Logs: every change, filtered by date, category and
//! email, and exported as CSV.

use crate::format;
use crate::state::use_account;
use crate::ui::components::download::save_file;
use crate::ui::components::table_scroll::TableScroll;
use leptos::prelude::*;
use portal_domain::audit::to_csv;
use portal_domain::{AuditCategory, AuditFilter, Day};

/// A `<input type="date">` value ("2026-04-01") as a day.
fn parse_day(value: &str) -> Option<Day> {
    let mut parts = value.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    Day::from_ymd(year, month, day)
}

#[component]
pub fn ActivityLogsPage() -> impl IntoView {
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let category = RwSignal::new(None::<AuditCategory>);
    let email = RwSignal::new(String::new());
    let filter = Memo::new(move |_| AuditFilter {
        from: parse_day(&from.get()),
        to: parse_day(&to.get()),
        category: category.get(),
        email: Some(email.get()),
    });
    let account = use_account();
    let rows = move || {
        let filter = filter.get();
        account.with(|a| {
            a.as_ref()
                .map(|a| {
                    a.audit_log(&filter)
                        .into_iter()
                        .map(|e| {
                            (
                                format::date_time(e.at),
                                e.actor_email
                                    .as_ref()
                                    .map_or("Portal".to_string(), |a| a.to_string()),
                                e.category().as_str(),
                                e.target.clone(),
                                e.action.describe(),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let export = move |_| {
        let filter = filter.get_untracked();
        let text = account.with_untracked(|a| {
            a.as_ref()
                .map(|a| to_csv(a.audit_log(&filter)))
                .unwrap_or_default()
        });
        save_file(&text, "admin-activity-log.csv", "text/csv;charset=utf-8");
    };
    view! {
        <section class="page page--wide" aria-labelledby="page-title">
            <h1 id="page-title">"Admin Activity Logs"</h1>
            <div class="toolbar" role="search" aria-label="Filter the log">
                <div class="field field--inline">
                    <label for="log-from">"From"</label>
                    <input id="log-from" type="date" bind:value=from />
                </div>
                <div class="field field--inline">
                    <label for="log-to">"To"</label>
                    <input id="log-to" type="date" bind:value=to />
                </div>
                <div class="field field--inline">
                    <label for="log-category">"Category"</label>
                    <select
                        id="log-category"
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            category
                                .set(AuditCategory::ALL.into_iter().find(|c| c.as_str() == value));
                        }
                    >
                        <option value="">"All categories"</option>
                        {AuditCategory::ALL
                            .into_iter()
                            .map(|c| view! { <option value=c.as_str()>{c.as_str()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field field--inline">
                    <label for="log-email">"Email"</label>
                    <input id="log-email" type="search" bind:value=email />
                </div>
                <button type="button" class="button" on:click=export>
                    "Export"
                </button>
            </div>
            {move || {
                let rows = rows();
                if rows.is_empty() {
                    return view! { <p>"No activity matches."</p> }.into_any();
                }
                view! {
                    <TableScroll label="Activity">
                    <table class="table">
                        <caption class="visually-hidden">"Admin activity, newest first"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Time"</th>
                                <th scope="col">"Who"</th>
                                <th scope="col">"Category"</th>
                                <th scope="col">"Target"</th>
                                <th scope="col">"Details"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows
                                .into_iter()
                                .map(|(time, who, category, target, details)| {
                                    view! {
                                        <tr>
                                            <td>{time}</td>
                                            <td>{who}</td>
                                            <td>{category}</td>
                                            <td>{target}</td>
                                            <td>{details}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                    </TableScroll>
                }
                    .into_any()
            }}
        </section>
    }
}
