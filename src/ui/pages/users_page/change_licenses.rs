//! Change Licenses for several users at once (flow E): all or nobody.

use super::capacity_offer::{can_offer, capacity_offer};
use super::status::Status;
use super::until::until_field;
use super::BulkAction;
use crate::format;
use crate::i18n::*;
use crate::state::{use_signed_in, ActionError};
use crate::ui::components::dialog::{Dialog, DialogActions};
use crate::ui::messages::Wording;
use leptos::prelude::*;
use portal_domain::{BaseLicense, Capacity, Command, DomainError, Email, UserId};

/// Why nobody changed: a headline, and the users or problems it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
enum BulkProblem {
    /// Basic users cannot get the add-on.
    OnlyPaid(Vec<Email>),
    TickToAdd,
    ChooseParticipants,
    /// An end that is not a date and time.
    UntilInvalid,
    /// What the domain refused, one problem per user.
    NobodyChanged(Vec<DomainError>),
    Refused(ActionError),
}

impl BulkProblem {
    /// The headline and the list under it, in `locale`.
    fn words(&self, locale: Locale) -> (String, Vec<String>) {
        let headline = |text: &str| text.to_string();
        match self {
            Self::OnlyPaid(who) => (
                headline(td_string!(locale, users.only_paid)),
                who.iter().map(Email::to_string).collect(),
            ),
            Self::TickToAdd => (
                headline(td_string!(locale, users.bulk.tick_to_add)),
                Vec::new(),
            ),
            Self::ChooseParticipants => (
                headline(td_string!(locale, users.bulk.choose_participants)),
                Vec::new(),
            ),
            Self::UntilInvalid => (
                headline(td_string!(locale, users.edit.until_invalid)),
                Vec::new(),
            ),
            Self::NobodyChanged(problems) => (
                headline(td_string!(locale, users.bulk.nobody_changed)),
                problems.iter().map(|p| p.words(locale)).collect(),
            ),
            Self::Refused(e) => (e.words(locale), Vec::new()),
        }
    }
}

impl From<ActionError> for BulkProblem {
    fn from(error: ActionError) -> Self {
        match error {
            ActionError::Domain(DomainError::OnlyPaidUsers { users }) => Self::OnlyPaid(users),
            ActionError::Domain(DomainError::BulkRefused(problems)) => {
                Self::NobodyChanged(problems.into_iter().map(|p| p.error).collect())
            }
            other => Self::Refused(other),
        }
    }
}

/// The pop-up of Change Licenses: who will change, the participant count,
/// and Save. All selected users change, or none.
#[component]
pub fn ChangeLicensesDialog(
    action: BulkAction,
    users: Vec<UserId>,
    on_close: Callback<()>,
    on_saved: Callback<Status>,
) -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    let (names, basic, chosen) = who.with_untracked(|a, _| {
        let selected = || users.iter().filter_map(|id| a.user(*id));
        let names: Vec<String> = selected()
            .map(|u| format!("{} ({})", u.full_name(), u.email))
            .collect();
        // Basic users cannot get the add-on: said when the pop-up opens,
        // not only after Save (Save refuses them all the same).
        let basic: Vec<Email> = match action {
            BulkAction::AddLargeMeetings => selected()
                .filter(|u| u.license == BaseLicense::Basic)
                .map(|u| u.email.clone())
                .collect(),
            BulkAction::RemoveLargeMeetings => Vec::new(),
        };
        // With one capacity owned and open, it is chosen for the admin.
        let owned: Vec<Capacity> = a.large_meetings.iter().map(|l| l.capacity).collect();
        let chosen = match owned.as_slice() {
            [only] if can_offer(a, *only, false) => Some(*only),
            _ => None,
        };
        (names, basic, chosen)
    });
    let capacity = RwSignal::new(chosen);
    let add = RwSignal::new(true);
    let until = RwSignal::new(String::new());
    let error = RwSignal::new((!basic.is_empty()).then_some(BulkProblem::OnlyPaid(basic)));
    let count = users.len() as u32;
    let users = StoredValue::new(users);
    let save = move |_| {
        let users = users.get_value();
        let command = match (action, add.get_untracked(), capacity.get_untracked()) {
            (BulkAction::RemoveLargeMeetings, ..) => Command::BulkRemoveLargeMeetings { users },
            (_, false, _) => return error.set(Some(BulkProblem::TickToAdd)),
            (_, true, None) => return error.set(Some(BulkProblem::ChooseParticipants)),
            (_, true, Some(capacity)) => Command::BulkAssignLargeMeetings {
                users,
                capacity,
                until: match format::moment_of(&until.get_untracked()) {
                    Ok(until) => until,
                    Err(_) => return error.set(Some(BulkProblem::UntilInvalid)),
                },
            },
        };
        match who.dispatch(command) {
            Ok(_) => on_saved.run(match (action, capacity.get_untracked()) {
                (BulkAction::AddLargeMeetings, Some(capacity)) => {
                    Status::LargeMeetingsAdded { capacity, count }
                }
                _ => Status::LargeMeetingsRemoved { count },
            }),
            Err(e) => error.set(Some(e.into())),
        }
    };
    let shown = move || {
        let (headline, list) = error.get()?.words(i18n.get_locale());
        Some(view! {
            <div class="form-error" role="alert">
                <p>{headline}</p>
                <ul>{list.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
            </div>
        })
    };
    view! {
        <Dialog labelled_by="change-licenses-title" on_close>
            <h2 id="change-licenses-title">{tr!(i18n, users.change_licenses)}</h2>
            <p>{move || heading(i18n.get_locale(), action, count)}</p>
            <ul class="name-list">{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            {(action == BulkAction::AddLargeMeetings)
                .then(|| (capacity_choice(add, capacity), until_field("bulk-lm-until", until)))}
            {shown}
            <DialogActions
                label=Signal::derive(move || t_string!(i18n, common.save))
                on_save=Callback::new(save)
                on_cancel=on_close
            />
        </Dialog>
    }
}

/// "Add Large Meetings for 3 users", "Remove Large Meetings from 1 user".
fn heading(locale: Locale, action: BulkAction, count: u32) -> String {
    let n = format::count_in(locale, count);
    match (action, count == 1) {
        (BulkAction::AddLargeMeetings, true) => td_string!(locale, users.bulk.add_one).to_string(),
        (BulkAction::AddLargeMeetings, false) => {
            crate::ui::messages::fill(td_string!(locale, users.bulk.add_many), &[("count", &n)])
        }
        (BulkAction::RemoveLargeMeetings, true) => {
            td_string!(locale, users.bulk.remove_one).to_string()
        }
        (BulkAction::RemoveLargeMeetings, false) => {
            crate::ui::messages::fill(td_string!(locale, users.bulk.remove_many), &[("count", &n)])
        }
    }
}

/// Large Meetings ticked, and the capacities owned, offered as Edit User
/// offers them: one nobody more can get is disabled and says why.
fn capacity_choice(add: RwSignal<bool>, capacity: RwSignal<Option<Capacity>>) -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    let owned: Vec<(Capacity, bool)> = who.with_untracked(|a, _| {
        let offer = |c| (c, can_offer(a, c, false));
        a.large_meetings.iter().map(|l| offer(l.capacity)).collect()
    });
    let none = owned.is_empty().then(|| {
        view! { <p class="field-help">{tr!(i18n, users.no_large_meetings_yet)}</p> }
    });
    let radios = owned
        .into_iter()
        .map(|(c, open)| {
            let id = format!("bulk-lm-{}", c.participants());
            let label =
                move || who.with(|a, _| capacity_offer(i18n.get_locale(), a, c, false).label);
            view! {
                <div class="choice">
                    <input
                        type="radio"
                        name="bulk-lm-capacity"
                        id=id.clone()
                        disabled=!open
                        prop:checked=move || capacity.get() == Some(c)
                        on:change=move |_| capacity.set(Some(c))
                    />
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="choice">
            <input
                type="checkbox"
                id="bulk-large-meetings"
                prop:checked=move || add.get()
                on:change=move |ev| add.set(event_target_checked(&ev))
            />
            <label for="bulk-large-meetings">{tr!(i18n, users.large_meetings)}</label>
        </div>
        <fieldset class="fieldset fieldset--nested">
            <legend>{tr!(i18n, users.participants_legend)}</legend>
            {radios}
            {none}
        </fieldset>
    }
}
