//! Add Users: one new user with email, name, user type and role. Each field
//! is checked, and the domain refuses duplicates and a lack of seats.

use crate::format;
use crate::i18n::*;
use crate::state::{use_account, use_app, ActionError};
use crate::ui::components::dialog::{focus_by_id, Dialog, DialogActions};
use crate::ui::labels;
use crate::ui::messages::{action_error, domain_error, email_error};
use leptos::prelude::*;
use portal_domain::text::MAX_NAME_CHARS;
use portal_domain::{BaseLicense, Command, DomainError, Email, Role};

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

    /// Which field a refusal of the domain is about.
    fn of(error: &DomainError) -> Option<Field> {
        match error {
            DomainError::DuplicateEmail(_) => Some(Field::Email),
            DomainError::FirstNameMissing => Some(Field::FirstName),
            DomainError::LastNameMissing => Some(Field::LastName),
            DomainError::NoBaseSeatAvailable { .. } => Some(Field::UserType),
            DomainError::SecondOwner => Some(Field::Role),
            _ => None,
        }
    }
}

#[component]
pub fn AddUserDialog(on_close: Callback<()>, on_saved: Callback<String>) -> impl IntoView {
    let state = use_app();
    let account = use_account();
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let first_name = RwSignal::new(String::new());
    let last_name = RwSignal::new(String::new());
    let license = RwSignal::new(BaseLicense::Basic);
    let role = RwSignal::new(Role::Member);
    let error = RwSignal::new(None::<(Option<Field>, String)>);
    let seats_available =
        move || account.with(|a| a.as_ref().map(|a| a.seats_available()).unwrap_or_default());
    let fail = move |field: Option<Field>, message: String| {
        error.set(Some((field, message)));
        if let Some(field) = field {
            focus_by_id(field.id());
        }
    };
    let save = move || {
        let locale = i18n.get_locale_untracked();
        let parsed = match Email::parse(&email.get_untracked()) {
            Ok(parsed) => parsed,
            Err(e) => return fail(Some(Field::Email), email_error(locale, &e)),
        };
        let command = Command::AddUser {
            email: parsed.clone(),
            first_name: first_name.get_untracked(),
            last_name: last_name.get_untracked(),
            license: license.get_untracked(),
            role: role.get_untracked(),
        };
        match state.dispatch(command) {
            Ok(_) => {
                let name = format!(
                    "{} {}",
                    first_name.get_untracked().trim(),
                    last_name.get_untracked().trim()
                );
                // One whole sentence per license and role (the domain never
                // adds a second owner).
                let message = match (license.get_untracked(), role.get_untracked()) {
                    (BaseLicense::Basic, Role::Member) => {
                        td_string!(
                            locale,
                            users.add.added_basic_member,
                            name = &name,
                            email = &parsed
                        )
                    }
                    (BaseLicense::Basic, _) => {
                        td_string!(
                            locale,
                            users.add.added_basic_admin,
                            name = &name,
                            email = &parsed
                        )
                    }
                    (BaseLicense::Licensed, Role::Member) => td_string!(
                        locale,
                        users.add.added_licensed_member,
                        name = &name,
                        email = &parsed
                    ),
                    (BaseLicense::Licensed, _) => td_string!(
                        locale,
                        users.add.added_licensed_admin,
                        name = &name,
                        email = &parsed
                    ),
                };
                on_saved.run(message);
            }
            Err(ActionError::Domain(e)) => {
                // A name refused for its length or characters: the domain
                // does not say which, so ask which of the two it is.
                let field = Field::of(&e).or_else(|| {
                    matches!(
                        e,
                        DomainError::NameTooLong { .. } | DomainError::HiddenCharacter
                    )
                    .then(|| {
                        let first = first_name.get_untracked();
                        if portal_domain::text::check(&first, MAX_NAME_CHARS).is_err() {
                            Field::FirstName
                        } else {
                            Field::LastName
                        }
                    })
                });
                fail(field, domain_error(locale, &e))
            }
            Err(e) => fail(None, action_error(locale, &e)),
        }
    };
    let invalid = move |field: Field| {
        move || {
            error
                .with(|e| matches!(e, Some((Some(f), _)) if *f == field))
                .then_some("true")
        }
    };
    let described = move |field: Field| {
        move || {
            error
                .with(|e| matches!(e, Some((Some(f), _)) if *f == field))
                .then_some("add-user-error")
        }
    };
    let text_field = move |field: Field,
                           label: AnyView,
                           value: RwSignal<String>,
                           kind: &'static str,
                           autocomplete: &'static str| {
        view! {
            <div class="field">
                <label for=field.id()>{label}</label>
                <input
                    id=field.id()
                    type=kind
                    autocomplete=autocomplete
                    maxlength="254"
                    required
                    aria-invalid=invalid(field)
                    aria-describedby=described(field)
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
            </div>
        }
    };
    view! {
        <Dialog labelled_by="add-user-title" on_close>
            <h2 id="add-user-title">{t!(i18n, users.add_users)}</h2>
            <form
                class="form"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    save();
                }
            >
                {text_field(Field::Email, t!(i18n, users.add.email).into_any(), email, "email", "off")}
                {text_field(
                    Field::FirstName,
                    t!(i18n, users.add.first_name).into_any(),
                    first_name,
                    "text",
                    "off",
                )}
                {text_field(
                    Field::LastName,
                    t!(i18n, users.add.last_name).into_any(),
                    last_name,
                    "text",
                    "off",
                )}
                <div class="field">
                    <label for=Field::UserType.id()>{t!(i18n, users.add.user_type)}</label>
                    <select
                        id=Field::UserType.id()
                        aria-invalid=invalid(Field::UserType)
                        aria-describedby=described(Field::UserType)
                        prop:value=move || license.get().as_str()
                        on:change=move |ev| {
                            license.set(if event_target_value(&ev) == "Licensed" {
                                BaseLicense::Licensed
                            } else {
                                BaseLicense::Basic
                            })
                        }
                    >
                        <option value="Basic">
                            {move || labels::license(i18n.get_locale(), BaseLicense::Basic)}
                        </option>
                        // With no seat free it cannot be chosen, and the
                        // reason is shown here rather than after Save.
                        <option value="Licensed" disabled=move || seats_available() == 0>
                            {move || {
                                let locale = i18n.get_locale();
                                let free = seats_available();
                                let available = format::count_in(locale, free);
                                if free == 1 {
                                    td_string!(locale, users.add.licensed_available_one, available)
                                } else {
                                    td_string!(locale, users.add.licensed_available, available)
                                }
                            }}
                        </option>
                    </select>
                    {move || {
                        (seats_available() == 0)
                            .then(|| {
                                let seats = account
                                    .with(|a| a.as_ref().map(|a| a.base_plan.seats))
                                    .unwrap_or_default();
                                view! {
                                    <p class="field-help" id="add-user-type-note">
                                        {move || {
                                            crate::ui::messages::domain_error(
                                                i18n.get_locale(),
                                                &DomainError::NoBaseSeatAvailable { seats },
                                            )
                                        }}
                                    </p>
                                }
                            })
                    }}
                </div>
                <div class="field">
                    <label for=Field::Role.id()>{t!(i18n, users.role_label)}</label>
                    <select
                        id=Field::Role.id()
                        aria-invalid=invalid(Field::Role)
                        prop:value=move || role.get().as_str()
                        on:change=move |ev| {
                            role.set(if event_target_value(&ev) == "Admin" { Role::Admin } else { Role::Member })
                        }
                    >
                        <option value="Member">
                            {move || labels::role(i18n.get_locale(), Role::Member)}
                        </option>
                        <option value="Admin">
                            {move || labels::role(i18n.get_locale(), Role::Admin)}
                        </option>
                    </select>
                </div>
                {move || {
                    error
                        .get()
                        .map(|(_, message)| {
                            view! { <p id="add-user-error" class="form-error" role="alert">{message}</p> }
                        })
                }}
                <DialogActions
                    label=Signal::derive(move || t_string!(i18n, common.save))
                    on_cancel=on_close
                />
            </form>
        </Dialog>
    }
}
