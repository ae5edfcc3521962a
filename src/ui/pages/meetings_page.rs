//! Scheduled meetings with the capacity each has now: admins see the
//! account's, members their own.

use crate::format::{self, now};
use crate::i18n::*;
use crate::state::{use_signed_in, ActionError};
use crate::ui::components::table_scroll::TableScroll;
use crate::ui::components::undo::status_line;
use crate::ui::messages::{self, Wording};
use crate::ui::pages::help_page::BestPracticesLink;
use crate::ui::pages::Said;
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use portal_domain::{order, Account, CapacitySource, Command, Meeting, Timestamp};
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
fn source_text(locale: Locale, account: &Account, source: CapacitySource) -> String {
    match source {
        CapacitySource::Basic => td_string!(locale, pages.meetings.source_basic).into(),
        CapacitySource::BasePlan => account.base_plan.name.clone(),
        CapacitySource::LargeMeetings(capacity) => crate::ui::messages::fill(
            td_string!(locale, pages.meetings.source_large_meetings),
            &[("count", &format::count_in(locale, capacity.participants()))],
        ),
    }
}

#[component]
pub fn MeetingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let who = use_signed_in();
    // Admins and the owner see every meeting of the account, members their own.
    let sees_all = who.memo(|_, me| me.can_manage_users());
    let rows = move || {
        let me = who.user;
        let all = sees_all.get();
        let locale = i18n.get_locale();
        who.with(|a, _| {
            let mut meetings: Vec<&Meeting> =
                a.meetings.iter().filter(|m| all || m.host == me).collect();
            order::sort_by_key(&mut meetings, |m| {
                order::pair(order::signed(m.start.0), m.id.0 as u64)
            });
            let rows: Vec<Row> = meetings
                .into_iter()
                .filter_map(|m| {
                    let host = a.user(m.host)?;
                    Some(Row {
                        topic: m.topic.clone(),
                        host: format!("{} ({})", host.full_name(), host.email),
                        starts: format::date_time_in(locale, m.start),
                        minutes: m.duration_minutes,
                        capacity: a.meeting_capacity_of(host),
                        source: source_text(locale, a, a.capacity_source(host)),
                    })
                })
                .collect();
            Some(rows)
        })
    };
    view! {
        <section class="page page--wide" aria-labelledby="page-title">
            <h1 id="page-title">{tr!(i18n, pages.meetings.title)}</h1>
            <p class="page__lead">
                {move || if sees_all.get() {
                    t_string!(i18n, pages.meetings.lead_all)
                } else {
                    t_string!(i18n, pages.meetings.lead_own)
                }}
            </p>
            <p class="page__help"><BestPracticesLink /></p>
            {move || match rows() {
                Some(rows) if !rows.is_empty() => {
                    let locale = i18n.get_locale();
                    view! {
                        <TableScroll label=td_string!(locale, pages.meetings.table_label)>
                        <table class="table">
                            <caption class="visually-hidden">{tr!(i18n, pages.meetings.table_label)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{tr!(i18n, pages.meetings.topic)}</th>
                                    <th scope="col">{tr!(i18n, pages.meetings.host)}</th>
                                    <th scope="col">{tr!(i18n, pages.meetings.starts)}</th>
                                    <th scope="col">{tr!(i18n, pages.meetings.duration)}</th>
                                    <th scope="col">{tr!(i18n, pages.meetings.capacity)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows
                                    .into_iter()
                                    .map(move |row| {
                                        view! {
                                            <tr>
                                                <td>{row.topic}</td>
                                                <td>{row.host}</td>
                                                <td>{row.starts}</td>
                                                <td>
                                                    {crate::ui::messages::fill(td_string!(locale, pages.meetings.minutes), &[("n", &row.minutes)])}
                                                </td>
                                                <td>
                                                    {crate::ui::messages::fill(td_string!(locale, common.participants), &[("count", &format::count_in(locale, row.capacity))])}
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
                _ => view! { <p>{tr!(i18n, pages.meetings.empty)}</p> }.into_any(),
            }}
            <ScheduleMeetingForm />
        </section>
    }
}

/// Why the form did not schedule a meeting.
#[derive(Clone)]
enum FormError {
    NoStart,
    BadDuration,
    Refused(ActionError),
}

/// The confirmation of a meeting scheduled (its topic).
struct Scheduled(String);

impl Wording for Scheduled {
    fn words(&self, locale: Locale) -> String {
        messages::fill(
            td_string!(locale, pages.meetings.scheduled),
            &[("topic", &self.0)],
        )
    }
}

/// Schedule a Meeting: topic, start and duration; the signed-in user hosts it.
#[component]
fn ScheduleMeetingForm() -> impl IntoView {
    let i18n = use_i18n();
    let who = use_signed_in();
    let topic = NodeRef::<html::Input>::new();
    let start = NodeRef::<html::Input>::new();
    let duration = NodeRef::<html::Input>::new();
    let (error, set_error) = signal(None::<FormError>);
    // The confirmation of the meeting scheduled, with its Undo.
    let done = RwSignal::new(None::<Said>);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (Some(topic_input), Some(start_input), Some(duration_input)) =
            (topic.get(), start.get(), duration.get())
        else {
            return;
        };
        done.set(None);
        let Some(at) = parse_local(&start_input.value()) else {
            set_error.set(Some(FormError::NoStart));
            let _ = start_input.focus();
            return;
        };
        // Read as the chosen language writes numbers ("1,440" / "1 440").
        let style = crate::format::number_style(i18n.get_locale_untracked());
        let Ok(minutes) = portal_domain::parse_whole(&duration_input.value(), style) else {
            set_error.set(Some(FormError::BadDuration));
            let _ = duration_input.focus();
            return;
        };
        let command = Command::ScheduleMeeting {
            host: who.user,
            topic: topic_input.value(),
            start: at,
            duration_minutes: minutes,
            expected_participants: None,
        };
        match who.dispatch(command) {
            Ok(_) => {
                set_error.set(None);
                done.set(Some(Said::new(Scheduled(
                    topic_input.value().trim().to_string(),
                ))));
                topic_input.set_value("");
            }
            Err(e) => set_error.set(Some(FormError::Refused(e))),
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
        <h2 id="schedule-title">{tr!(i18n, pages.meetings.schedule_title)}</h2>
        <form class="form" aria-labelledby="schedule-title" on:submit=on_submit novalidate>
            <div class="field">
                <label for="meeting-topic">{tr!(i18n, pages.meetings.topic)}</label>
                <input id="meeting-topic" name="topic" required node_ref=topic />
            </div>
            <div class="field">
                <label for="meeting-start">{tr!(i18n, pages.meetings.start)}</label>
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
                <label for="meeting-duration">{tr!(i18n, pages.meetings.duration_minutes)}</label>
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
            {move || {
                error
                    .get()
                    .map(|e| {
                        let text = match e {
                            FormError::NoStart => {
                                t_string!(i18n, pages.meetings.choose_start).to_string()
                            }
                            FormError::BadDuration => {
                                t_string!(i18n, pages.meetings.enter_duration).to_string()
                            }
                            FormError::Refused(e) => messages::action_error(i18n.get_locale(), &e),
                        };
                        view! { <p class="form-error" role="alert">{text}</p> }
                    })
            }}
            {status_line(None, done)}
            <button type="submit" class="button button--primary">
                {tr!(i18n, pages.meetings.schedule)}
            </button>
        </form>
    }
}
