//! Admin Activity Logs: every change, filtered by date, category and
//! email, and exported as CSV.

use crate::format;
use crate::i18n::*;
use crate::state::use_signed_in;
use crate::ui::components::download::save_file;
use crate::ui::components::table_scroll::TableScroll;
use crate::ui::messages;
use leptos::prelude::*;
use portal_domain::{AuditCategory, AuditFilter, Day};

#[component]
pub fn ActivityLogsPage() -> impl IntoView {
    let i18n = use_i18n();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let category = RwSignal::new(None::<AuditCategory>);
    let email = RwSignal::new(String::new());
    let filter = Memo::new(move |_| AuditFilter {
        from: Day::parse_iso(&from.get()),
        to: Day::parse_iso(&to.get()),
        category: category.get(),
        email: Some(email.get()),
    });
    let who = use_signed_in();
    let rows = move || {
        let filter = filter.get();
        let locale = i18n.get_locale();
        let portal = td_string!(locale, pages.activity_logs.portal);
        who.with(|a, _| {
            a.audit_log(&filter)
                .into_iter()
                .map(|e| {
                    (
                        format::date_time_in(locale, e.at),
                        e.actor_email
                            .as_ref()
                            .map_or(portal.to_string(), |a| a.to_string()),
                        messages::audit_category(locale, e.category()),
                        messages::audit_target(locale, &e.target),
                        messages::audit_details(locale, &e.action),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let export = move |_| {
        let filter = filter.get_untracked();
        let locale = i18n.get_locale_untracked();
        let text = who.with_untracked(|a, _| messages::audit_csv(locale, a.audit_log(&filter)));
        save_file(&text, "admin-activity-log.csv", "text/csv;charset=utf-8");
    };
    view! {
        <section class="page page--wide" aria-labelledby="page-title">
            <h1 id="page-title">{tr!(i18n, pages.activity_logs.title)}</h1>
            <LogFilter from to category email on_export=Callback::new(export) />
            {move || {
                let rows = rows();
                if rows.is_empty() {
                    return view! { <p>{tr!(i18n, pages.activity_logs.empty)}</p> }.into_any();
                }
                view! { <LogTable rows /> }.into_any()
            }}
        </section>
    }
}

/// The log's filters (dates, category, email) and Export.
#[component]
fn LogFilter(
    from: RwSignal<String>,
    to: RwSignal<String>,
    category: RwSignal<Option<AuditCategory>>,
    email: RwSignal<String>,
    on_export: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div
            class="toolbar"
            role="search"
            aria-label=move || t_string!(i18n, pages.activity_logs.filter_label)
        >
            <div class="field field--inline">
                <label for="log-from">{tr!(i18n, pages.activity_logs.from)}</label>
                <input id="log-from" type="date" bind:value=from />
            </div>
            <div class="field field--inline">
                <label for="log-to">{tr!(i18n, pages.activity_logs.to)}</label>
                <input id="log-to" type="date" bind:value=to />
            </div>
            <div class="field field--inline">
                <label for="log-category">{tr!(i18n, pages.activity_logs.category)}</label>
                <select
                    id="log-category"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        category
                            .set(AuditCategory::ALL.into_iter().find(|c| c.as_str() == value));
                    }
                >
                    <option value="">{tr!(i18n, pages.activity_logs.all_categories)}</option>
                    {AuditCategory::ALL
                        .into_iter()
                        .map(|c| {
                            view! {
                                <option value=c.as_str()>
                                    {move || messages::audit_category(i18n.get_locale(), c)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field field--inline">
                <label for="log-email">{tr!(i18n, pages.activity_logs.email)}</label>
                <input id="log-email" type="search" bind:value=email />
            </div>
            <button type="button" class="button" on:click=move |_| on_export.run(())>
                {tr!(i18n, pages.activity_logs.export)}
            </button>
        </div>
    }
}

/// One row of the log as the page shows it: time, who, category, target,
/// details.
type LogRow = (String, String, String, String, String);

/// The entries that pass the filter, newest first.
#[component]
fn LogTable(rows: Vec<LogRow>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <TableScroll label=t_string!(i18n, pages.activity_logs.table_label)>
        <table class="table">
            <caption class="visually-hidden">
                {tr!(i18n, pages.activity_logs.caption)}
            </caption>
            <thead>
                <tr>
                    <th scope="col">{tr!(i18n, pages.activity_logs.time)}</th>
                    <th scope="col">{tr!(i18n, pages.activity_logs.who)}</th>
                    <th scope="col">{tr!(i18n, pages.activity_logs.category)}</th>
                    <th scope="col">{tr!(i18n, pages.activity_logs.target)}</th>
                    <th scope="col">{tr!(i18n, pages.activity_logs.details)}</th>
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
}
