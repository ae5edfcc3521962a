//! Removing a user: what returns to the account, and what happens to the
//! meetings they host (moved to another user, or cancelled) before anything
//! is removed. A user who cannot be removed at all (the owner, oneself)
//! gets only the reason, before anything is asked.

use crate::format;
use crate::i18n::*;
use crate::state::{use_account, use_app};
use crate::ui::components::dialog::{Dialog, DialogActions};
use crate::ui::messages::{action_error, domain_error};
use leptos::prelude::*;
use portal_domain::{
    BaseLicense, Command, DomainError, Email, MeetingHandling, Timestamp, User, UserId,
};

/// How many users the new-host field suggests at a time.
const SUGGESTIONS: usize = 20;

#[component]
pub fn RemoveUserDialog(
    user: UserId,
    on_close: Callback<()>,
    on_saved: Callback<String>,
) -> impl IntoView {
    let state = use_app();
    let account = use_account();
    let i18n = use_i18n();
    // The owner and oneself are refused before anything is asked.
    let refused = state
        .with_viewer_untracked(|a, me| a.check_removable(me.id, user).err())
        .flatten();
    let Some((target, meetings)) = account.with_untracked(|a| {
        let a = a.as_ref()?;
        let target = a.user(user)?.clone();
        let meetings: Vec<(String, Timestamp)> = a
            .meetings_hosted_by(user)
            .into_iter()
            .map(|m| (m.topic.clone(), m.start))
            .collect();
        Some((target, meetings))
    }) else {
        return ().into_any();
    };
    if let Some(reason) = refused {
        return view! { <RemovalRefused target reason on_close /> }.into_any();
    }
    let name = target.full_name();
    let hosts_meetings = !meetings.is_empty();
    // "move" or "cancel"; nothing is chosen for the admin.
    let handling = RwSignal::new(None::<&'static str>);
    // The new host's email as typed; suggestions come from the account.
    let new_host = RwSignal::new(String::new());
    let suggestions = move || {
        let typed = new_host.get().trim().to_lowercase();
        account.with(|a| {
            let Some(a) = a else { return Vec::new() };
            a.users
                .iter()
                .filter(|u| u.id != user)
                .filter(|u| {
                    typed.is_empty()
                        || u.email.as_str().contains(&typed)
                        || u.full_name().to_lowercase().contains(&typed)
                })
                .take(SUGGESTIONS)
                .map(|u| (u.email.to_string(), u.full_name()))
                .collect::<Vec<_>>()
        })
    };
    // For the new host typed, what each moved meeting will admit, and a
    // warning when any admits fewer than now; worded in `locale`.
    let preview = move || {
        if handling.get() != Some("move") {
            return None;
        }
        let locale = i18n.get_locale();
        let email = Email::parse(&new_host.get()).ok()?;
        account.with(|a| {
            let a = a.as_ref()?;
            let host = a.user_by_email(&email)?;
            if host.id == user {
                return Some(CapacityPreview::Refused(domain_error(
                    locale,
                    &DomainError::TransferToRemovedUser,
                )));
            }
            let host_name = host.full_name();
            let changes = a.capacities_if_moved(user, host.id)?;
            let participants = |n| {
                td_string!(
                    locale,
                    common.participants,
                    count = format::count_in(locale, n)
                )
            };
            let lines = changes
                .iter()
                .map(|c| {
                    let topic = c.meeting.topic.as_str();
                    if c.before == c.after {
                        td_string!(
                            locale,
                            users.remove.capacity_same,
                            topic = topic,
                            capacity = participants(c.after)
                        )
                    } else {
                        td_string!(
                            locale,
                            users.remove.capacity_change,
                            topic = topic,
                            before = format::count_in(locale, c.before),
                            after = participants(c.after)
                        )
                    }
                })
                .collect();
            let warning = match changes.iter().filter(|c| c.drops()).count() {
                0 => None,
                1 => Some(td_string!(
                    locale,
                    users.remove.capacity_drops_one,
                    name = &host_name
                )),
                n => Some(td_string!(
                    locale,
                    users.remove.capacity_drops_many,
                    count = format::count_in(locale, n as u32),
                    name = &host_name
                )),
            };
            Some(CapacityPreview::Changes {
                heading: td_string!(locale, users.remove.capacity_heading, name = &host_name),
                lines,
                warning,
            })
        })
    };
    let error = RwSignal::new(None::<String>);
    let (license, large_meetings) = (target.license, target.large_meetings);
    let returns = move || {
        let locale = i18n.get_locale();
        match (license, large_meetings) {
            (BaseLicense::Basic, None) => {
                td_string!(locale, users.remove.returns_basic).to_string()
            }
            (BaseLicense::Licensed, None) => {
                td_string!(locale, users.remove.returns_licensed).to_string()
            }
            (BaseLicense::Basic, Some(c)) => td_string!(
                locale,
                users.remove.returns_basic_large,
                capacity = format::participants_in(locale, c)
            ),
            (BaseLicense::Licensed, Some(c)) => td_string!(
                locale,
                users.remove.returns_licensed_large,
                capacity = format::participants_in(locale, c)
            ),
        }
    };
    let save_name = name.clone();
    let save = move || {
        let locale = i18n.get_locale_untracked();
        let meetings = if hosts_meetings {
            match handling.get_untracked() {
                Some("move") => {
                    let typed = new_host.get_untracked();
                    if typed.trim().is_empty() {
                        error.set(Some(
                            td_string!(locale, users.remove.enter_new_host).to_string(),
                        ));
                        return;
                    }
                    let found = Email::parse(&typed).ok().and_then(|email| {
                        account.with_untracked(|a| a.as_ref()?.user_by_email(&email).map(|u| u.id))
                    });
                    match found {
                        Some(host) => Some(MeetingHandling::TransferTo(host)),
                        None => {
                            error.set(Some(td_string!(
                                locale,
                                users.remove.no_such_user,
                                email = typed.trim()
                            )));
                            return;
                        }
                    }
                }
                Some(_) => Some(MeetingHandling::Cancel),
                None => {
                    error.set(Some(
                        td_string!(locale, users.remove.choose_handling).to_string(),
                    ));
                    return;
                }
            }
        } else {
            None
        };
        match state.dispatch(Command::RemoveUser { user, meetings }) {
            Ok(_) => on_saved.run(td_string!(locale, users.remove.removed, name = &save_name)),
            Err(e) => error.set(Some(action_error(locale, &e))),
        }
    };
    let meetings_part = hosts_meetings.then(|| {
        let count = meetings.len();
        view! {
            <h3 class="dialog__section">
                {move || {
                    let locale = i18n.get_locale();
                    if count == 1 {
                        td_string!(locale, users.remove.hosts_one).to_string()
                    } else {
                        td_string!(
                            locale,
                            users.remove.hosts_many,
                            count = format::count_in(locale, count as u32)
                        )
                    }
                }}
            </h3>
            <ul class="name-list">
                {meetings
                    .into_iter()
                    .map(|(topic, starts)| {
                        view! {
                            <li>
                                {topic} " — "
                                {move || format::date_time_in(i18n.get_locale(), starts)}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <fieldset class="fieldset">
                <legend>{t!(i18n, users.remove.their_meetings)}</legend>
                <div class="choice">
                    <input
                        type="radio"
                        name="remove-meetings"
                        id="remove-meetings-move"
                        on:change=move |_| handling.set(Some("move"))
                    />
                    <label for="remove-meetings-move">{t!(i18n, users.remove.transfer)}</label>
                </div>
                <div class="field field--nested">
                    <label for="remove-new-host">{t!(i18n, users.remove.new_host_email)}</label>
                    <input
                        id="remove-new-host"
                        type="email"
                        list="remove-new-host-list"
                        autocomplete="off"
                        disabled=move || handling.get() != Some("move")
                        prop:value=move || new_host.get()
                        on:input=move |ev| new_host.set(event_target_value(&ev))
                    />
                    <datalist id="remove-new-host-list">
                        {move || {
                            suggestions()
                                .into_iter()
                                .map(|(email, name)| view! { <option value=email>{name}</option> })
                                .collect_view()
                        }}
                    </datalist>
                    <div id="remove-capacity" aria-live="polite">
                        {move || preview().map(CapacityPreview::view)}
                    </div>
                </div>
                <div class="choice">
                    <input
                        type="radio"
                        name="remove-meetings"
                        id="remove-meetings-cancel"
                        on:change=move |_| handling.set(Some("cancel"))
                    />
                    <label for="remove-meetings-cancel">{t!(i18n, users.remove.cancel_meetings)}</label>
                </div>
            </fieldset>
        }
    });
    view! {
        <Dialog labelled_by="remove-user-title" on_close>
            <h2 id="remove-user-title">{t!(i18n, users.remove.title)}</h2>
            <p class="dialog__subtitle">{format!("{name} ({})", target.email)}</p>
            <p>{returns} " " {t!(i18n, users.remove.no_sign_in)}</p>
            {meetings_part}
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            <DialogActions
                label=Signal::derive(move || t_string!(i18n, users.remove.confirm))
                danger=true
                on_save=Callback::new(move |_| save())
                on_cancel=on_close
            />
        </Dialog>
    }
    .into_any()
}

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

/// Remove on the row of a user who cannot be removed at all: only the
/// reason and Close (focus then returns to the row's Remove button).
#[component]
fn RemovalRefused(target: User, reason: DomainError, on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Dialog labelled_by="remove-user-title" described_by="remove-user-refused" on_close>
            <h2 id="remove-user-title">{t!(i18n, users.remove.title)}</h2>
            <p class="dialog__subtitle">{format!("{} ({})", target.full_name(), target.email)}</p>
            <p id="remove-user-refused">{move || domain_error(i18n.get_locale(), &reason)}</p>
            <div class="form-actions">
                <button type="button" class="button button--primary" on:click=move |_| on_close.run(())>
                    {t!(i18n, users.remove.close)}
                </button>
            </div>
        </Dialog>
    }
}
