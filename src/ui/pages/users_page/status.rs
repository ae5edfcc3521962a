//! What the Users page's status line confirms after a dialog saved (or an
//! export): kept as data and worded when shown, so it follows a language
//! switch.

use crate::format;
use crate::i18n::*;
use crate::ui::messages::Wording;
use portal_domain::{BaseLicense, Capacity, Email, Role};
use std::sync::Arc;

/// A message kept as what happened (a typed confirmation or refusal of
/// the page or one of its dialogs) and worded when shown.
///
/// One type for every such signal of the page: the bundle then carries one
/// signal type, not one per kind of message.
#[derive(Clone)]
pub struct Said(Arc<dyn Wording + Send + Sync>, bool);

impl Said {
    pub fn new(what: impl Wording + Send + Sync + 'static) -> Self {
        Self(Arc::new(what), false)
    }

    /// A refusal shown where confirmations are (an Undo that did not
    /// happen): the status line shows it as an error.
    pub fn refusal(what: impl Wording + Send + Sync + 'static) -> Self {
        Self(Arc::new(what), true)
    }

    pub fn is_refusal(&self) -> bool {
        self.1
    }
}

impl Wording for Said {
    fn words(&self, locale: Locale) -> String {
        self.0.words(locale)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Edit User saved.
    Saved {
        name: String,
    },
    /// Add Users added one user.
    Added {
        name: String,
        email: Email,
        license: BaseLicense,
        role: Role,
    },
    Removed {
        name: String,
    },
    Imported {
        count: u32,
    },
    /// Import Users changed `count` existing users.
    Updated {
        count: u32,
    },
    Exported {
        count: u32,
    },
    /// Change Licenses gave `count` users Large Meetings `capacity`.
    LargeMeetingsAdded {
        capacity: Capacity,
        count: u32,
    },
    /// Change Licenses took Large Meetings from `count` users.
    LargeMeetingsRemoved {
        count: u32,
    },
    /// Add to Group: `count` users joined the group `name`.
    AddedToGroup {
        name: String,
        count: u32,
    },
}

impl Wording for Status {
    fn words(&self, locale: Locale) -> String {
        let n = |count: &u32| format::count_in(locale, *count);
        match self {
            Self::Saved { name } => {
                crate::ui::messages::fill(td_string!(locale, users.edit.saved), &[("name", &name)])
            }
            Self::Added {
                name,
                email,
                license,
                role,
            } => added(locale, name, email, *license, *role),
            Self::Removed { name } => crate::ui::messages::fill(
                td_string!(locale, users.remove.removed),
                &[("name", &name)],
            ),
            Self::Imported { count: 1 } => crate::ui::messages::fill(
                td_string!(locale, users.import.done_one),
                &[("count", &n(&1))],
            ),
            Self::Imported { count } => crate::ui::messages::fill(
                td_string!(locale, users.import.done_many),
                &[("count", &n(count))],
            ),
            Self::Updated { count: 1 } => crate::ui::messages::fill(
                td_string!(locale, users.import.updated_one),
                &[("count", &n(&1))],
            ),
            Self::Updated { count } => crate::ui::messages::fill(
                td_string!(locale, users.import.updated_many),
                &[("count", &n(count))],
            ),
            Self::Exported { count: 1 } => crate::ui::messages::fill(
                td_string!(locale, users.exported_one),
                &[("count", &n(&1))],
            ),
            Self::Exported { count } => crate::ui::messages::fill(
                td_string!(locale, users.exported_many),
                &[("count", &n(count))],
            ),
            Self::LargeMeetingsAdded { capacity, count } => {
                let capacity = format::participants_in(locale, *capacity);
                if *count == 1 {
                    crate::ui::messages::fill(
                        td_string!(locale, users.bulk.added_one),
                        &[("capacity", &capacity), ("count", &n(count))],
                    )
                } else {
                    crate::ui::messages::fill(
                        td_string!(locale, users.bulk.added),
                        &[("capacity", &capacity), ("count", &n(count))],
                    )
                }
            }
            Self::LargeMeetingsRemoved { count: 1 } => crate::ui::messages::fill(
                td_string!(locale, users.bulk.removed_one),
                &[("count", &n(&1))],
            ),
            Self::LargeMeetingsRemoved { count } => crate::ui::messages::fill(
                td_string!(locale, users.bulk.removed),
                &[("count", &n(count))],
            ),
            Self::AddedToGroup { name, count } => crate::ui::messages::fill(
                td_string!(locale, groups.members_added),
                &[("name", &name), ("count", &n(count))],
            ),
        }
    }
}

/// One whole sentence per license and role (the domain never adds a
/// second owner).
fn added(locale: Locale, name: &str, email: &Email, license: BaseLicense, role: Role) -> String {
    match (license, role) {
        (BaseLicense::Basic, Role::Member) => crate::ui::messages::fill(
            td_string!(locale, users.add.added_basic_member),
            &[("name", &name), ("email", &email)],
        ),
        (BaseLicense::Basic, _) => crate::ui::messages::fill(
            td_string!(locale, users.add.added_basic_admin),
            &[("name", &name), ("email", &email)],
        ),
        (BaseLicense::Licensed, Role::Member) => crate::ui::messages::fill(
            td_string!(locale, users.add.added_licensed_member),
            &[("name", &name), ("email", &email)],
        ),
        (BaseLicense::Licensed, _) => crate::ui::messages::fill(
            td_string!(locale, users.add.added_licensed_admin),
            &[("name", &name), ("email", &email)],
        ),
    }
}
