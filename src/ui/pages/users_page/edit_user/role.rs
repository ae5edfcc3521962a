//! The role of the user: Admin or Member. The owner stays owner, and
//! nobody changes their own role; then the choice is locked and says why.

use crate::i18n::*;
use crate::ui::labels;
use leptos::prelude::*;
use portal_domain::Role;

/// Why the role of the user cannot be changed here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RoleLock {
    /// The account's one owner stays owner.
    Owner,
    /// Nobody changes their own role.
    OwnRole,
}

pub fn role_choice(
    role: RwSignal<Role>,
    // The role the user has now.
    target: Role,
    // The user is the admin editing.
    own: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let lock = match (target, own) {
        (Role::Owner, _) => Some(RoleLock::Owner),
        (_, true) => Some(RoleLock::OwnRole),
        _ => None,
    };
    // Owner is offered only to the owner (whose role is locked).
    let choices = Role::ALL
        .into_iter()
        .filter(|r| *r != Role::Owner || target == Role::Owner)
        .map(|r| view! { <option value=r.as_str()>{move || labels::role(i18n.get_locale(), r)}</option> })
        .collect_view();
    view! {
        <div class="field">
            <label for="edit-role">{tr!(i18n, users.role_label)}</label>
            <select
                id="edit-role"
                disabled=lock.is_some()
                aria-describedby=lock.map(|_| "edit-role-note")
                prop:value=move || role.get().as_str()
                on:change=move |ev| {
                    // A value that names no role changes nothing.
                    if let Ok(chosen) = event_target_value(&ev).parse::<Role>() {
                        role.set(chosen);
                    }
                }
            >
                {choices}
            </select>
            {lock.map(|lock| {
                view! {
                    <p id="edit-role-note" class="field-help">
                        {move || match lock {
                            RoleLock::Owner => t_string!(i18n, users.edit.owner_role_note),
                            RoleLock::OwnRole => t_string!(i18n, users.edit.own_role_note),
                        }}
                    </p>
                }
            })}
        </div>
    }
}
