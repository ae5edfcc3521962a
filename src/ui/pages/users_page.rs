//! User Management > Users: the account's users, finding, sorting and
//! selecting them, and the dialogs that change them.
//!
//! The page is built from what a person sees: the actions beside the
//! heading and the search ([`toolbar`]), the seat summary ([`seats`]), the
//! selection bar ([`selection`]), the table ([`table`]) and the pager
//! ([`pager`]); they share one [`Listing`] and one [`Dialogs`].

mod add_to_group;
mod add_user;
mod capacity_offer;
mod change_licenses;
mod edit_user;
mod filter;
mod import_users;
mod listing;
mod pager;
mod remove_user;
mod seats;
mod selection;
mod status;
mod table;
mod toolbar;
mod until;

use crate::i18n::*;
use crate::state::use_signed_in;
use crate::ui::components::dialog::focus_by_id;
use crate::ui::components::undo::status_line;
use add_to_group::AddToGroupDialog;
use add_user::AddUserDialog;
use change_licenses::ChangeLicensesDialog;
use edit_user::EditUserDialog;
use import_users::ImportUsersDialog;
use leptos::prelude::*;
use listing::Listing;
use pager::{pager, showing};
use portal_domain::UserId;
use remove_user::RemoveUserDialog;
use seats::seat_summary;
use selection::selection_bar;
pub(crate) use status::Said;
use status::Status;
use std::collections::BTreeSet;
use table::users_table;
use toolbar::{search_and_filter, user_actions};

/// What Change Licenses does to the selected users.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BulkAction {
    AddLargeMeetings,
    RemoveLargeMeetings,
}

/// Which dialog of the Users page is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    Edit(UserId),
    Remove(UserId),
    Add,
    Import,
    Bulk(BulkAction),
    AddToGroup,
}

fn edit_button_id(user: UserId) -> String {
    format!("edit-user-{user}")
}

fn remove_button_id(user: UserId) -> String {
    format!("remove-user-{user}")
}

/// The open dialog and the status line: opening a dialog clears the last
/// confirmation, a saved dialog puts its own there.
#[derive(Clone, Copy)]
struct Dialogs {
    open: RwSignal<Option<Open>>,
    status: RwSignal<Option<Said>>,
}

impl Dialogs {
    fn show(&self, dialog: Open) {
        self.choose(Some(dialog));
    }

    fn choose(&self, dialog: Option<Open>) {
        self.status.set(None);
        self.open.set(dialog);
    }
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let i18n = use_i18n();
    let list = Listing::new(use_signed_in());
    let dialogs = Dialogs {
        open: RwSignal::new(None),
        status: RwSignal::new(None),
    };
    view! {
        <section class="page page--wide" aria-labelledby="page-title">
            <p class="page__trail">{tr!(i18n, users.trail)}</p>
            <div class="page__heading">
                <h1 id="page-title">{tr!(i18n, users.title)}</h1>
                {user_actions(dialogs)}
            </div>
            {seat_summary()}
            {status_line(Some("users-status"), dialogs.status)}
            {search_and_filter(list)}
            {showing(list)}
            {selection_bar(list, dialogs)}
            {users_table(list, dialogs)}
            {pager(list)}
            {open_dialog(list, dialogs)}
        </section>
    }
}

/// The dialog that is open, if any; on closing it puts focus back where
/// the person was and shows what was saved.
fn open_dialog(list: Listing, dialogs: Dialogs) -> impl IntoView {
    let Dialogs { open, status } = dialogs;
    let close = move |saved: Option<Status>| {
        let Some(was) = open.get_untracked() else {
            return;
        };
        open.set(None);
        let saved_any = saved.is_some();
        if let Some(saved) = saved {
            status.set(Some(Said::new(saved)));
        }
        match was {
            Open::Edit(user) => focus_by_id(&edit_button_id(user)),
            Open::Remove(user) => {
                // The row is gone once the user is removed.
                if list.who.with_untracked(|a, _| a.user(user).is_some()) {
                    focus_by_id(&remove_button_id(user));
                } else {
                    list.select(user, false);
                    focus_by_id("user-search");
                }
            }
            Open::Add => focus_by_id("add-users"),
            Open::Import => focus_by_id("import-users"),
            // A saved bulk change clears the selection, and with it the
            // selection bar: focus goes to the confirmation once it is shown.
            Open::Bulk(_) if saved_any => {
                request_animation_frame(|| focus_by_id("users-status"));
            }
            Open::Bulk(_) => focus_by_id("change-licenses"),
            Open::AddToGroup if saved_any => focus_by_id("users-status"),
            Open::AddToGroup => focus_by_id("add-to-group"),
        }
    };
    let on_close = Callback::new(move |_: ()| close(None));
    let on_saved = Callback::new(move |saved: Status| close(Some(saved)));
    move || {
        Some(match open.get()? {
            Open::Edit(user) => view! { <EditUserDialog user on_close on_saved /> }.into_any(),
            Open::Remove(user) => view! { <RemoveUserDialog user on_close on_saved /> }.into_any(),
            Open::Add => view! { <AddUserDialog on_close on_saved /> }.into_any(),
            Open::Import => view! { <ImportUsersDialog on_close on_saved /> }.into_any(),
            Open::Bulk(action) => {
                let users = list.selected.get_untracked().into_iter().collect();
                let on_saved = Callback::new(move |saved: Status| {
                    list.selected.set(BTreeSet::new());
                    close(Some(saved));
                });
                view! { <ChangeLicensesDialog action users on_close on_saved /> }.into_any()
            }
            Open::AddToGroup => {
                let users = list.selected.get_untracked().into_iter().collect();
                view! { <AddToGroupDialog users on_close on_saved /> }.into_any()
            }
        })
    }
}
