//! The meetings a removed user hosts: listed, then moved to a new host
//! (with what each will admit under them) or cancelled.

use super::Handling;
use crate::format;
use crate::i18n::*;
use crate::state::use_signed_in;
use crate::ui::messages::Wording;
use leptos::prelude::*;
use portal_domain::{Account, DomainError, Email, Timestamp, UserId};

/// How many users the new-host field suggests at a time.
const SUGGESTIONS: usize = 20;

/// What the meetings will admit with the new host typed so far.
enum CapacityPreview {
    /// The typed host cannot take the meetings (the user being removed).
    Refused(String),
    Changes {
        heading: String,
        /// One line per meeting: "Quarterly Town Hall — 300 → 100 participants".
        lines: Vec<String>,
        /// Said when any meeting would admit fewer participants than now.
        warning: Option<String>,
    },
}

impl CapacityPreview {
    /// For the meetings of `user` moved to the user whose email is `typed`,
    /// worded in `locale`; `None` while nobody of the account is typed.
    fn of(locale: Locale, a: &Account, user: UserId, typed: &str) -> Option<Self> {
        let email = Email::parse(typed).ok()?;
        let host = a.user_by_email(&email)?;
        if host.id == user {
            return Some(Self::Refused(
                DomainError::TransferToRemovedUser.words(locale),
            ));
        }
        let name = host.full_name();
        let changes = a.capacities_if_moved(user, host.id)?;
        let count = |n| format::count_in(locale, n);
        let participants = |n| {
            crate::ui::messages::fill(
                td_string!(locale, common.participants),
                &[("count", &count(n))],
            )
        };
        let lines = changes
            .iter()
            .map(|c| {
                let topic = c.meeting.topic.as_str();
                if c.before == c.after {
                    let capacity = participants(c.after);
                    crate::ui::messages::fill(
                        td_string!(locale, users.remove.capacity_same),
                        &[("topic", &topic), ("capacity", &capacity)],
                    )
                } else {
                    let (before, after) = (count(c.before), participants(c.after));
                    crate::ui::messages::fill(
                        td_string!(locale, users.remove.capacity_change),
                        &[("topic", &topic), ("before", &before), ("after", &after)],
                    )
                }
            })
            .collect();
        let warning = match changes.iter().filter(|c| c.drops()).count() {
            0 => None,
            1 => Some(crate::ui::messages::fill(
                td_string!(locale, users.remove.capacity_drops_one),
                &[("name", &&name)],
            )),
            n => Some(crate::ui::messages::fill(
                td_string!(locale, users.remove.capacity_drops_many),
                &[("count", &count(n as u32)), ("name", &&name)],
            )),
        };
        let heading = crate::ui::messages::fill(
            td_string!(locale, users.remove.capacity_heading),
            &[("name", &&name)],
        );
        Some(Self::Changes {
            heading,
            lines,
            warning,
        })
    }

    fn view(self) -> AnyView {
        match self {
            Self::Refused(reason) => view! { <p class="field-error">{reason}</p> }.into_any(),
            Self::Changes {
                heading,
                lines,
                warning,
            } => view! {
                <p class="field-help">{heading}</p>
                <ul class="name-list">
                    {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
                {warning.map(|w| view! { <p class="form-warning">{w}</p> })}
            }
            .into_any(),
        }
    }
}

pub fn hosted_meetings(
    // The user being removed.
    user: UserId,
    // Their meetings: topic and start.
    meetings: Vec<(String, Timestamp)>,
    chosen: RwSignal<Option<Handling>>,
    // The new host's email as typed.
    new_host: RwSignal<String>,
) -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    let moving = move || chosen.get() == Some(Handling::Move);
    let suggestions = move || {
        let typed = portal_domain::text::lowercase(new_host.get().trim());
        who.with(|a, _| {
            a.users
                .iter()
                .filter(|u| u.id != user)
                .filter(|u| {
                    typed.is_empty()
                        || u.email.as_str().contains(&typed)
                        || portal_domain::text::lowercase(&u.full_name()).contains(&typed)
                })
                .take(SUGGESTIONS)
                .map(|u| view! { <option value=u.email.to_string()>{u.full_name()}</option> })
                .collect_view()
        })
    };
    let preview = move || {
        let locale = i18n.get_locale();
        moving()
            .then(|| {
                new_host.with(|typed| who.with(|a, _| CapacityPreview::of(locale, a, user, typed)))
            })
            .flatten()
            .map(CapacityPreview::view)
    };
    let count = meetings.len() as u32;
    let hosts = move || {
        let locale = i18n.get_locale();
        if count == 1 {
            td_string!(locale, users.remove.hosts_one).to_string()
        } else {
            crate::ui::messages::fill(
                td_string!(locale, users.remove.hosts_many),
                &[("count", &format::count_in(locale, count))],
            )
        }
    };
    let choice = move |id: &'static str, handling: Handling, label: AnyView| {
        view! {
            <div class="choice">
                <input type="radio" name="remove-meetings" id=id on:change=move |_| chosen.set(Some(handling)) />
                <label for=id>{label}</label>
            </div>
        }
    };
    view! {
        <h3 class="dialog__section">{hosts}</h3>
        <ul class="name-list">
            {meetings
                .into_iter()
                .map(|(topic, starts)| {
                    view! { <li>{topic} " — " {move || format::date_time_in(i18n.get_locale(), starts)}</li> }
                })
                .collect_view()}
        </ul>
        <fieldset class="fieldset">
            <legend>{tr!(i18n, users.remove.their_meetings)}</legend>
            {choice("remove-meetings-move", Handling::Move, tr!(i18n, users.remove.transfer).into_any())}
            <div class="field field--nested">
                <label for="remove-new-host">{tr!(i18n, users.remove.new_host_email)}</label>
                <input
                    id="remove-new-host"
                    type="email"
                    list="remove-new-host-list"
                    autocomplete="off"
                    disabled=move || !moving()
                    prop:value=move || new_host.get()
                    on:input=move |ev| new_host.set(event_target_value(&ev))
                />
                <datalist id="remove-new-host-list">{suggestions}</datalist>
                <div id="remove-capacity" aria-live="polite">{preview}</div>
            </div>
            {choice("remove-meetings-cancel", Handling::Cancel, tr!(i18n, users.remove.cancel_meetings).into_any())}
        </fieldset>
    }
}
