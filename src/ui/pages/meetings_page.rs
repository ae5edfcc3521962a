//! Scheduled meetings with the capacity each has now: admins see the
//! account's, members their own.

use crate::format::{self, now};
use crate::state::{use_account, use_app};
use crate::ui::components::table_scroll::TableScroll;
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use portal_domain::{Account, CapacitySource, Command, Meeting, Timestamp, User};
use wasm_bindgen::JsValue;

/// A `datetime-local` value (local time) as a timestamp.
fn parse_local(value: &str) -> Option<Timestamp> {
    if value.trim().is_empty() {
        return None;
    }
    let millis = js_sys::Date::new(&JsValue::from_str(value)).get_time();
    (!millis.is_nan()).then_some(Timestamp(millis as i64))
}

/// A meeting as the table shows it.
struct Row {
    topic: String,
    host: String,
    starts: String,
    minutes: u32,
    capacity: u32,
    source: String,
}

/// Where a capacity comes from, in words.
fn source_text(account: &Account, source: CapacitySource) -> String {
    match source {
        CapacitySource::Basic => "Basic license".into(),
        CapacitySource::BasePlan => account.base_plan.name.clone(),
        CapacitySource::LargeMeetings(capacity) => {
            format!("Large Meetings {}", format::count(capacity.participants()))
        }
    }
}

#[component]
pub fn MeetingsPage() -> impl IntoView {
    let state = use_app();
    let account = use_account();
    // Admins and the owner see every meeting of the account, members their own.
    let sees_all = move || {
        let Some(me) = state.session.get().map(|s| s.user) else {
            return false;
        };
        account.with(|a| {
            a.as_ref()
                .and_then(|a| a.user(me))
                .is_some_and(User::can_manage_users)
        })
    };
    let rows = move || {
        let me = state.session.get()?.user;
        let all = sees_all();
        account.with(|a| {
            let a = a.as_ref()?;
            let mut meetings: Vec<&Meeting> =
                a.meetings.iter().filter(|m| all || m.host == me).collect();
            meetings.sort_by_key(|m| (m.start, m.id));
            let rows: Vec<Row> = meetings
                .into_iter()
                .filter_map(|m| {
                    let host = a.user(m.host)?;
                    Some(Row {
                        topic: m.topic.clone(),
                        host: format!("{} ({})", host.full_name(), host.email),
                        starts: format::date_time(m.start),
                        minutes: m.duration_minutes,
                        capacity: a.meeting_capacity_of(host),
                        source: source_text(a, a.capacity_source(host)),
                    })
                })
                .collect();
            Some(rows)
        })
    };
    view! {
        <section class="page page--wide" aria-labelledby="page-title">
            <h1 id="page-title">"Meetings"</h1>
            <p class="page__lead">
                {move || if sees_all() {
                    "Every scheduled meeting of your account. "
                } else {
                    "Your scheduled meetings. "
                }}
                "Capacity follows the host's licenses at this moment: "
                "when a license changes, every meeting of that host shows the new capacity without being edited."
            </p>
            {move || match rows() {
                Some(rows) if !rows.is_empty() => {
                    view! {
                        <TableScroll label="Scheduled meetings">
                        <table class="table">
                            <caption class="visually-hidden">"Scheduled meetings"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Topic"</th>
                                    <th scope="col">"Host"</th>
                                    <th scope="col">"Starts"</th>
                                    <th scope="col">"Duration"</th>
                                    <th scope="col">"Capacity"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows
                                    .into_iter()
                                    .map(|row| {
                                        view! {
                                            <tr>
                                                <td>{row.topic}</td>
                                                <td>{row.host}</td>
                                                <td>{row.starts}</td>
                                                <td>{format!("{} min", row.minutes)}</td>
                                                <td>
                                                    {format!("{} participants", format::count(row.capacity))}
                                                    <span class="table__note">{row.source}</span>
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                        </TableScroll>
                    }
                        .into_any()
                }
                _ => view! { <p>"No meetings are scheduled."</p> }.into_any(),
            }}
            <ScheduleMeetingForm />
        </section>
    }
}

/// Schedule a Meeting: topic, start and duration; the signed-in user hosts it.
#[component]
fn ScheduleMeetingForm() -> impl IntoView {
    let state = use_app();
    let topic = NodeRef::<html::Input>::new();
    let start = NodeRef::<html::Input>::new();
    let duration = NodeRef::<html::Input>::new();
    let (error, set_error) = signal(None::<String>);
    let (done, set_done) = signal(None::<String>);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (Some(topic_input), Some(start_input), Some(duration_input)) =
            (topic.get(), start.get(), duration.get())
        else {
            return;
        };
        set_done.set(None);
        let Some(at) = parse_local(&start_input.value()) else {
            set_error.set(Some("Choose a start date and time.".into()));
            let _ = start_input.focus();
            return;
        };
        let Ok(minutes) = duration_input.value().trim().parse::<u32>() else {
            set_error.set(Some(
                "Enter the duration in whole minutes, from 1 to 1440.".into(),
            ));
            let _ = duration_input.focus();
            return;
        };
        let Some(host) = state.session.get_untracked().map(|s| s.user) else {
            return;
        };
        let command = Command::ScheduleMeeting {
            host,
            topic: topic_input.value(),
            start: at,
            duration_minutes: minutes,
        };
        match state.dispatch(command) {
            Ok(_) => {
                set_error.set(None);
                set_done.set(Some(format!(
                    "\u{201c}{}\u{201d} is scheduled.",
                    topic_input.value().trim()
                )));
                topic_input.set_value("");
            }
            Err(e) => set_error.set(Some(e.to_string())),
        }
    };
    // The earliest start a person can pick: now, to the minute, local time.
    let min_start = move || {
        let date = js_sys::Date::new(&JsValue::from_f64(now().millis() as f64));
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}",
            date.get_full_year(),
            date.get_month() + 1,
            date.get_date(),
            date.get_hours(),
            date.get_minutes()
        )
    };
    view! {
        <h2 id="schedule-title">"Schedule a Meeting"</h2>
        <form class="form" aria-labelledby="schedule-title" on:submit=on_submit novalidate>
            <div class="field">
                <label for="meeting-topic">"Topic"</label>
                <input id="meeting-topic" name="topic" required maxlength="200" node_ref=topic />
            </div>
            <div class="field">
                <label for="meeting-start">"Start"</label>
                <input
                    id="meeting-start"
                    name="start"
                    type="datetime-local"
                    required
                    min=min_start
                    node_ref=start
                />
            </div>
            <div class="field">
                <label for="meeting-duration">"Duration (minutes)"</label>
                <input
                    id="meeting-duration"
                    name="duration"
                    type="number"
                    inputmode="numeric"
                    min="1"
                    max="1440"
                    value="60"
                    required
                    node_ref=duration
                />
            </div>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            <p class="form-status" role="status">{done}</p>
            <button type="submit" class="button button--primary">"Schedule"</button>
        </form>
    }
}
