//! The Edit User dialog (flow D): the Zoom Workplace license, the Large
//! Meetings add-on and the role of one user, saved together.
//!
//! Each choice is its own part ([`license`], [`large_meetings`], [`role`]);
//! they share one [`EditForm`], and this module saves it.

mod large_meetings;
mod license;
mod role;

use super::status::{Said, Status};
use crate::format;
use crate::i18n::*;
use crate::state::{use_signed_in, ActionError, SignedIn};
use crate::ui::components::dialog::{Dialog, DialogActions};
use crate::ui::messages::Wording;
use large_meetings::large_meetings_choice;
use leptos::prelude::*;
use license::license_choice;
use portal_domain::{BaseLicense, Capacity, Command, Role, Timestamp, User, UserId};
use role::role_choice;

/// The role, and the license and add-on given to the user directly (not
/// what a group's rule gives on top) with its end if any, as the dialog
/// last saw them.
type Held = (Role, BaseLicense, Option<Capacity>, Option<Timestamp>);

fn held(user: &User) -> Held {
    (
        user.role,
        user.direct_license(),
        user.direct_large_meetings(),
        user.membership.until,
    )
}

/// What the dialog's choices stand at.
#[derive(Clone, Copy)]
struct EditForm {
    license: RwSignal<BaseLicense>,
    role: RwSignal<Role>,
    /// Large Meetings ticked.
    large_on: RwSignal<bool>,
    capacity: RwSignal<Option<Capacity>>,
    /// The end of Large Meetings as the `datetime-local` field holds it
    /// (empty: none).
    until: RwSignal<String>,
    /// Save was pressed on a change to Basic that takes the add-on away:
    /// the dialog asks first.
    confirming: RwSignal<bool>,
}

impl EditForm {
    fn new((role, license, large, until): Held) -> Self {
        Self {
            license: RwSignal::new(license),
            role: RwSignal::new(role),
            large_on: RwSignal::new(large.is_some()),
            capacity: RwSignal::new(large),
            until: RwSignal::new(until.map(format::local_moment).unwrap_or_default()),
            confirming: RwSignal::new(false),
        }
    }

    /// Shows `now` instead of what was chosen.
    fn reset(&self, (role, license, large, until): Held) {
        self.role.set(role);
        self.license.set(license);
        self.large_on.set(large.is_some());
        self.capacity.set(large);
        self.until
            .set(until.map(format::local_moment).unwrap_or_default());
        self.confirming.set(false);
    }

    fn is_basic(&self) -> bool {
        self.license.get() == BaseLicense::Basic
    }
}

/// Why Save did not save.
#[derive(Clone, Debug, PartialEq, Eq)]
enum EditProblem {
    /// Another tab changed the user while the dialog was open.
    ChangedElsewhere {
        name: String,
    },
    /// Large Meetings ticked without a participant count.
    ChooseParticipants,
    /// An end that is not a date and time.
    UntilInvalid,
    Refused(ActionError),
}

impl Wording for EditProblem {
    fn words(&self, locale: Locale) -> String {
        match self {
            Self::ChangedElsewhere { name } => crate::ui::messages::fill(
                td_string!(locale, users.edit.changed_elsewhere),
                &[("name", &name)],
            ),
            Self::ChooseParticipants => {
                td_string!(locale, users.edit.choose_participants).to_string()
            }
            Self::UntilInvalid => td_string!(locale, users.edit.until_invalid).to_string(),
            Self::Refused(error) => error.words(locale),
        }
    }
}

/// Saves `form` for `user` unless another tab changed them since
/// `opened_on` (then the form shows the change), or the change to Basic
/// must be confirmed first (`Ok(false)`).
fn save(
    who: SignedIn,
    user: UserId,
    form: EditForm,
    opened_on: StoredValue<Held>,
    name: &str,
) -> Result<bool, EditProblem> {
    who.app().take_in_other_tabs_changes();
    if let Some(now) = who.with_untracked(|a, _| a.user(user).map(held)) {
        if now != opened_on.get_value() {
            opened_on.set_value(now);
            form.reset(now);
            let name = name.to_string();
            return Err(EditProblem::ChangedElsewhere { name });
        }
    }
    let license = form.license.get_untracked();
    let large_meetings = match (form.large_on.get_untracked(), form.capacity.get_untracked()) {
        (false, _) => None,
        (true, None) => return Err(EditProblem::ChooseParticipants),
        (true, chosen) => chosen,
    };
    let until = match large_meetings {
        Some(_) => {
            format::moment_of(&form.until.get_untracked()).map_err(|_| EditProblem::UntilInvalid)?
        }
        None => None,
    };
    let takes_add_on = opened_on.with_value(|(_, _, large, _)| large.is_some());
    if license == BaseLicense::Basic && takes_add_on && !form.confirming.get_untracked() {
        form.confirming.set(true);
        return Ok(false);
    }
    let role = form.role.get_untracked();
    who.dispatch(Command::EditUser {
        user,
        role,
        license,
        large_meetings,
        until,
    })
    .map(|_| true)
    .map_err(|e| {
        form.confirming.set(false);
        EditProblem::Refused(e)
    })
}

/// Edit User: the Zoom Workplace license, the Large Meetings add-on and
/// the role.
#[component]
pub fn EditUserDialog(
    user: UserId,
    on_close: Callback<()>,
    on_saved: Callback<Status>,
) -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    let Some((target, me, buy)) = who.with_untracked(|a, me| {
        let buy = (me.can_manage_billing())
            .then_some(crate::ui::areas::billing_home(a.billing_portal).path);
        Some((a.user(user)?.clone(), me.id, buy))
    }) else {
        return ().into_any();
    };
    // What the dialog was opened on: if another tab changes the user before
    // Save, the dialog shows the change instead of saving over it.
    let opened_on = StoredValue::new(held(&target));
    let form = EditForm::new(held(&target));
    let error = RwSignal::new(None::<Said>);
    let name = StoredValue::new(target.full_name());
    let on_save = Callback::new(move |_| {
        // A new try: the last message no longer applies.
        error.set(None);
        match name.with_value(|name| save(who, user, form, opened_on, name)) {
            Ok(true) => on_saved.run(Status::Saved {
                name: name.get_value(),
            }),
            Ok(false) => {}
            Err(problem) => error.set(Some(Said::new(problem))),
        }
    });
    let confirm_text = move || {
        let locale = i18n.get_locale();
        let capacity = opened_on.with_value(|(_, _, large, _)| *large)?;
        Some(name.with_value(|name| {
            crate::ui::messages::fill(
                td_string!(locale, users.edit.confirm_basic),
                &[
                    ("name", &name),
                    ("capacity", &format::participants_in(locale, capacity)),
                ],
            )
        }))
    };
    let holds_license = target.license == BaseLicense::Licensed;
    let from_groups = from_groups(&target);
    view! {
        <Dialog labelled_by="edit-user-title" on_close>
            <h2 id="edit-user-title">{tr!(i18n, users.edit.title)}</h2>
            <p class="dialog__subtitle">{format!("{} ({})", target.full_name(), target.email)}</p>
            {license_choice(form, holds_license, buy)}
            {large_meetings_choice(form, target.direct_large_meetings(), buy)}
            {from_groups}
            {role_choice(form.role, target.role, target.id == me)}
            {crate::ui::alert(None, "form-error", error)}
            {move || {
                form.confirming
                    .get()
                    .then(|| view! { <p class="confirm" role="alert">{confirm_text}</p> })
            }}
            <DialogActions
                label=Signal::derive(move || {
                    if form.confirming.get() {
                        t_string!(i18n, users.edit.remove_and_save)
                    } else {
                        t_string!(i18n, common.save)
                    }
                })
                on_save
                on_cancel=on_close
            />
        </Dialog>
    }
    .into_any()
}

/// The user's groups, and what a group's rule gives them: shown, since the
/// choices above are only what was given directly.
fn from_groups(user: &User) -> Option<impl IntoView> {
    let who = use_signed_in();
    let (groups, license_from, large_from) = who.with_untracked(|a, _| {
        let name = |id| a.group(id).map(|g| g.name.clone()).unwrap_or_default();
        let groups: Vec<String> = user.membership.groups.iter().map(|g| name(*g)).collect();
        (
            groups.join(", "),
            user.membership.license_from.map(name),
            user.membership.large_meetings_from.map(name),
        )
    });
    if groups.is_empty() {
        return None;
    }
    let (person, capacity) = (user.first_name.clone(), user.large_meetings);
    let text = move |locale: Locale| {
        let fill = crate::ui::messages::fill;
        let mut lines = vec![fill(
            td_string!(locale, users.edit.groups),
            &[("groups", &groups)],
        )];
        if let Some(group) = &license_from {
            lines.push(fill(
                td_string!(locale, users.edit.license_from_group),
                &[("group", group)],
            ));
        }
        if let (Some(group), Some(capacity)) = (&large_from, capacity) {
            lines.push(fill(
                td_string!(locale, users.edit.large_from_group),
                &[
                    ("capacity", &format::participants_in(locale, capacity)),
                    ("group", group),
                    ("name", &person),
                ],
            ));
        }
        lines.join(" ")
    };
    Some(view! { <p class="field-help" id="edit-user-groups">{crate::ui::worded(text)}</p> })
}
