//! Add Users: one new user with email, name, user type and role. Each field
//! is checked, and the domain refuses duplicates and a lack of seats.

use super::status::{Said, Status};
use crate::format;
use crate::i18n::*;
use crate::state::{use_signed_in, ActionError, SignedIn};
use crate::ui::components::dialog::{focus_by_id, Dialog, DialogActions};
use crate::ui::labels;
use crate::ui::messages::{email_error, Wording};
use leptos::prelude::*;
use portal_domain::text::MAX_NAME_CHARS;
use portal_domain::{BaseLicense, Command, DomainError, Email, EmailError, Role};

/// The field an error belongs to, so it can be marked and focused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Email,
    FirstName,
    LastName,
    UserType,
    Role,
}

impl Field {
    const fn id(self) -> &'static str {
        match self {
            Field::Email => "add-user-email",
            Field::FirstName => "add-user-first-name",
            Field::LastName => "add-user-last-name",
            Field::UserType => "add-user-type",
            Field::Role => "add-user-role",
        }
    }

    /// Which field a refusal of the domain is about; a name refused for its
    /// length or characters is the first name if that one is refused.
    fn of(error: &ActionError, first_name: &str) -> Option<Field> {
        let ActionError::Domain(error) = error else {
            return None;
        };
        match error {
            DomainError::DuplicateEmail(_) => Some(Field::Email),
            DomainError::FirstNameMissing => Some(Field::FirstName),
            DomainError::LastNameMissing => Some(Field::LastName),
            DomainError::NoBaseSeatAvailable { .. } => Some(Field::UserType),
            DomainError::SecondOwner => Some(Field::Role),
            DomainError::NameTooLong { .. } | DomainError::HiddenCharacter => Some(
                match portal_domain::text::check(first_name, MAX_NAME_CHARS) {
                    Err(_) => Field::FirstName,
                    Ok(_) => Field::LastName,
                },
            ),
            _ => None,
        }
    }
}

/// Why the user was not added.
#[derive(Clone, Debug, PartialEq, Eq)]
enum AddProblem {
    BadEmail(EmailError),
    Refused(ActionError),
}

impl Wording for AddProblem {
    fn words(&self, locale: Locale) -> String {
        match self {
            Self::BadEmail(error) => email_error(locale, error),
            Self::Refused(error) => error.words(locale),
        }
    }
}

/// The field the problem shown is about.
type Shown = RwSignal<Option<Field>>;

/// `aria-invalid` and `aria-describedby` of `field` while the problem
/// shown is about it.
fn marks(
    error: Shown,
    field: Field,
) -> (Signal<Option<&'static str>>, Signal<Option<&'static str>>) {
    let about = move || error.get() == Some(field);
    (
        Signal::derive(move || about().then_some("true")),
        Signal::derive(move || about().then_some("add-user-error")),
    )
}

/// What the form holds.
#[derive(Clone, Copy)]
struct NewUser {
    email: RwSignal<String>,
    first_name: RwSignal<String>,
    last_name: RwSignal<String>,
    license: RwSignal<BaseLicense>,
    role: RwSignal<Role>,
}

impl NewUser {
    /// Adds the user; says which field is wrong otherwise.
    fn add(self, who: SignedIn) -> Result<Status, (Option<Field>, AddProblem)> {
        let email = Email::parse(&self.email.get_untracked())
            .map_err(|e| (Some(Field::Email), AddProblem::BadEmail(e)))?;
        let (first_name, last_name) = (
            self.first_name.get_untracked(),
            self.last_name.get_untracked(),
        );
        let (license, role) = (self.license.get_untracked(), self.role.get_untracked());
        let name = format!("{} {}", first_name.trim(), last_name.trim());
        let command = Command::AddUser {
            email: email.clone(),
            first_name,
            last_name,
            license,
            role,
        };
        match who.dispatch(command) {
            Ok(_) => Ok(Status::Added {
                name,
                email,
                license,
                role,
            }),
            Err(e) => Err((
                Field::of(&e, &self.first_name.get_untracked()),
                AddProblem::Refused(e),
            )),
        }
    }
}

#[component]
pub fn AddUserDialog(on_close: Callback<()>, on_saved: Callback<Status>) -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    let form = NewUser {
        email: RwSignal::new(String::new()),
        first_name: RwSignal::new(String::new()),
        last_name: RwSignal::new(String::new()),
        license: RwSignal::new(BaseLicense::Basic),
        role: RwSignal::new(Role::Member),
    };
    let (error, problem): (Shown, _) = (RwSignal::new(None), RwSignal::new(None::<Said>));
    let save = move || match form.add(who) {
        Ok(status) => on_saved.run(status),
        Err((field, why)) => {
            error.set(field);
            problem.set(Some(Said::new(why)));
            if let Some(field) = field {
                focus_by_id(field.id());
            }
        }
    };
    let shown = move || {
        let message = problem.get()?.words(i18n.get_locale());
        Some(view! { <p id="add-user-error" class="form-error" role="alert">{message}</p> })
    };
    view! {
        <Dialog labelled_by="add-user-title" on_close>
            <h2 id="add-user-title">{tr!(i18n, users.add_users)}</h2>
            <form
                class="form"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    save();
                }
            >
                {text_field(Field::Email, tr!(i18n, users.add.email).into_any(), form.email, "email", error)}
                {text_field(Field::FirstName, tr!(i18n, users.add.first_name).into_any(), form.first_name, "text", error)}
                {text_field(Field::LastName, tr!(i18n, users.add.last_name).into_any(), form.last_name, "text", error)}
                {user_type_field(form.license, error)}
                {role_field(form.role, error)}
                {shown}
                <DialogActions
                    label=Signal::derive(move || t_string!(i18n, common.save))
                    on_cancel=on_close
                />
            </form>
        </Dialog>
    }
}

/// A text field of the form.
fn text_field(
    field: Field,
    label: AnyView,
    value: RwSignal<String>,
    kind: &'static str,
    error: Shown,
) -> impl IntoView {
    let (invalid, described) = marks(error, field);
    view! {
        <div class="field">
            <label for=field.id()>{label}</label>
            <input
                id=field.id()
                type=kind
                autocomplete="off"
                maxlength="254"
                required
                aria-invalid=invalid
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// Basic or Licensed; with no seat free, Licensed cannot be chosen and the
/// reason is shown here rather than after Save.
fn user_type_field(license: RwSignal<BaseLicense>, error: Shown) -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    // Free seats of the base plan, and all of them.
    let seats = move || who.with(|a, _| (a.seats_available(), a.base_plan.seats));
    let (invalid, described) = marks(error, Field::UserType);
    let licensed = move || {
        let locale = i18n.get_locale();
        let free = seats().0;
        let available = format::count_in(locale, free);
        if free == 1 {
            crate::ui::messages::fill(
                td_string!(locale, users.add.licensed_available_one),
                &[("available", &available)],
            )
        } else {
            crate::ui::messages::fill(
                td_string!(locale, users.add.licensed_available),
                &[("available", &available)],
            )
        }
    };
    let note = move || {
        let (free, seats) = seats();
        (free == 0).then(|| {
            let why = DomainError::NoBaseSeatAvailable { seats };
            view! { <p class="field-help" id="add-user-type-note">{why.words(i18n.get_locale())}</p> }
        })
    };
    view! {
        <div class="field">
            <label for=Field::UserType.id()>{tr!(i18n, users.add.user_type)}</label>
            <select
                id=Field::UserType.id()
                aria-invalid=invalid
                aria-describedby=described
                prop:value=move || license.get().as_str()
                on:change=move |ev| {
                    if let Ok(chosen) = event_target_value(&ev).parse::<BaseLicense>() {
                        license.set(chosen);
                    }
                }
            >
                <option value=BaseLicense::Basic.as_str()>
                    {move || labels::license(i18n.get_locale(), BaseLicense::Basic)}
                </option>
                <option value=BaseLicense::Licensed.as_str() disabled=move || seats().0 == 0>
                    {licensed}
                </option>
            </select>
            {note}
        </div>
    }
}

/// Member or Admin (an account has one owner).
fn role_field(role: RwSignal<Role>, error: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let (invalid, _) = marks(error, Field::Role);
    let option = move |r: Role| {
        view! { <option value=r.as_str()>{move || labels::role(i18n.get_locale(), r)}</option> }
    };
    view! {
        <div class="field">
            <label for=Field::Role.id()>{tr!(i18n, users.role_label)}</label>
            <select
                id=Field::Role.id()
                aria-invalid=invalid
                prop:value=move || role.get().as_str()
                on:change=move |ev| {
                    if let Ok(chosen) = event_target_value(&ev).parse::<Role>() {
                        role.set(chosen);
                    }
                }
            >
                {option(Role::Member)}
                {option(Role::Admin)}
            </select>
        </div>
    }
}
