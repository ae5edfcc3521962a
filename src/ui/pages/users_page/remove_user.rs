//! Removing a user: what returns to the account, and what happens to the
//! meetings they host (moved to another user, or cancelled) before anything
//! is removed. A user who cannot be removed at all (the owner, oneself)
//! gets only the reason, before anything is asked.

mod meetings;

use super::status::{Said, Status};
use crate::format;
use crate::i18n::*;
use crate::state::{use_signed_in, ActionError, SignedIn};
use crate::ui::components::dialog::{Dialog, DialogActions};
use crate::ui::messages::Wording;
use leptos::prelude::*;
use meetings::hosted_meetings;
use portal_domain::{
    BaseLicense, Capacity, Command, DomainError, Email, MeetingHandling, Timestamp, User, UserId,
};

/// What happens to the meetings of the user; nothing is chosen for the admin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Handling {
    Move,
    Cancel,
}

/// Why the user was not removed.
#[derive(Clone, Debug, PartialEq, Eq)]
enum RemoveProblem {
    ChooseHandling,
    EnterNewHost,
    /// Nobody in the account has the email typed as the new host.
    NoSuchUser(String),
    Refused(ActionError),
}

impl Wording for RemoveProblem {
    fn words(&self, locale: Locale) -> String {
        match self {
            Self::ChooseHandling => td_string!(locale, users.remove.choose_handling).to_string(),
            Self::EnterNewHost => td_string!(locale, users.remove.enter_new_host).to_string(),
            Self::NoSuchUser(email) => crate::ui::messages::fill(
                td_string!(locale, users.remove.no_such_user),
                &[("email", &email)],
            ),
            Self::Refused(error) => error.words(locale),
        }
    }
}

/// The meetings' handling as the domain takes it, from what was chosen
/// and typed (`None` when the user hosts no meetings).
fn handling(
    who: SignedIn,
    hosts_meetings: bool,
    chosen: Option<Handling>,
    typed: &str,
) -> Result<Option<MeetingHandling>, RemoveProblem> {
    match (hosts_meetings, chosen) {
        (false, _) => Ok(None),
        (true, None) => Err(RemoveProblem::ChooseHandling),
        (true, Some(Handling::Cancel)) => Ok(Some(MeetingHandling::Cancel)),
        (true, Some(Handling::Move)) if typed.trim().is_empty() => Err(RemoveProblem::EnterNewHost),
        (true, Some(Handling::Move)) => Email::parse(typed)
            .ok()
            .and_then(|email| who.with_untracked(|a, _| a.user_by_email(&email).map(|u| u.id)))
            .map(|host| Some(MeetingHandling::TransferTo(host)))
            .ok_or_else(|| RemoveProblem::NoSuchUser(typed.trim().to_string())),
    }
}

/// "Their Licensed seat and their Large Meetings 1,000 participants
/// license return to the account."
fn returns(locale: Locale, license: BaseLicense, large: Option<Capacity>) -> String {
    let capacity = |c| format::participants_in(locale, c);
    match (license, large) {
        (BaseLicense::Basic, None) => td_string!(locale, users.remove.returns_basic).to_string(),
        (BaseLicense::Licensed, None) => {
            td_string!(locale, users.remove.returns_licensed).to_string()
        }
        (BaseLicense::Basic, Some(c)) => crate::ui::messages::fill(
            td_string!(locale, users.remove.returns_basic_large),
            &[("capacity", &capacity(c))],
        ),
        (BaseLicense::Licensed, Some(c)) => crate::ui::messages::fill(
            td_string!(locale, users.remove.returns_licensed_large),
            &[("capacity", &capacity(c))],
        ),
    }
}

#[component]
pub fn RemoveUserDialog(
    user: UserId,
    on_close: Callback<()>,
    on_saved: Callback<Status>,
) -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    let Some((target, meetings, refused)) = who.with_untracked(|a, me| {
        let target = a.user(user)?.clone();
        let meetings: Vec<(String, Timestamp)> = a
            .meetings_hosted_by(user)
            .into_iter()
            .map(|m| (m.topic.clone(), m.start))
            .collect();
        // The owner and oneself are refused before anything is asked.
        Some((target, meetings, a.check_removable(me.id, user).err()))
    }) else {
        return ().into_any();
    };
    if let Some(reason) = refused {
        return view! { <RemovalRefused target reason on_close /> }.into_any();
    }
    let hosts_meetings = !meetings.is_empty();
    let chosen = RwSignal::new(None::<Handling>);
    // The new host's email as typed; suggestions come from the account.
    let new_host = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Said>);
    let name = StoredValue::new(target.full_name());
    let save = move |_| {
        let meetings = new_host
            .with_untracked(|typed| handling(who, hosts_meetings, chosen.get_untracked(), typed));
        let result = meetings.and_then(|meetings| {
            who.dispatch(Command::RemoveUser { user, meetings })
                .map_err(RemoveProblem::Refused)
        });
        match result {
            Ok(_) => on_saved.run(Status::Removed {
                name: name.get_value(),
            }),
            Err(problem) => error.set(Some(Said::new(problem))),
        }
    };
    let (license, large) = (target.license, target.large_meetings);
    view! {
        <Dialog labelled_by="remove-user-title" on_close>
            <h2 id="remove-user-title">{tr!(i18n, users.remove.title)}</h2>
            <p class="dialog__subtitle">{format!("{} ({})", target.full_name(), target.email)}</p>
            <p>
                {move || returns(i18n.get_locale(), license, large)}
                " "
                {tr!(i18n, users.remove.no_sign_in)}
            </p>
            {hosts_meetings.then(|| hosted_meetings(user, meetings, chosen, new_host))}
            {crate::ui::alert(None, "form-error", error)}
            <DialogActions
                label=Signal::derive(move || t_string!(i18n, users.remove.confirm))
                danger=true
                on_save=Callback::new(save)
                on_cancel=on_close
            />
        </Dialog>
    }
    .into_any()
}

/// Remove on the row of a user who cannot be removed at all: only the
/// reason and Close (focus then returns to the row's Remove button).
#[component]
fn RemovalRefused(target: User, reason: DomainError, on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Dialog labelled_by="remove-user-title" described_by="remove-user-refused" on_close>
            <h2 id="remove-user-title">{tr!(i18n, users.remove.title)}</h2>
            <p class="dialog__subtitle">{format!("{} ({})", target.full_name(), target.email)}</p>
            <p id="remove-user-refused">{move || reason.words(i18n.get_locale())}</p>
            <div class="form-actions">
                <button type="button" class="button button--primary" on:click=move |_| on_close.run(())>
                    {tr!(i18n, users.remove.close)}
                </button>
            </div>
        </Dialog>
    }
}
