//! Add to Group: the selected users join one of the account's groups, all
//! or none (users already in it stay; the group's rule then covers the
//! others as it can).

use super::status::{Said, Status};
use crate::i18n::*;
use crate::state::use_signed_in;
use crate::ui::alert;
use crate::ui::components::dialog::{Dialog, DialogActions};
use leptos::prelude::*;
use portal_domain::{Command, GroupId, UserId};

/// Why Save did not save before the domain was asked.
#[derive(Clone, Copy)]
struct ChooseGroup;

impl crate::ui::messages::Wording for ChooseGroup {
    fn words(&self, locale: Locale) -> String {
        td_string!(locale, users.choose_group).to_string()
    }
}

#[component]
pub fn AddToGroupDialog(
    users: Vec<UserId>,
    on_close: Callback<()>,
    on_saved: Callback<Status>,
) -> impl IntoView {
    let who = use_signed_in();
    let i18n = use_i18n();
    let groups: Vec<(GroupId, String)> =
        who.with_untracked(|a, _| a.groups.iter().map(|g| (g.id, g.name.clone())).collect());
    let chosen = RwSignal::new(groups.first().map(|(id, _)| *id));
    let error = RwSignal::new(None::<Said>);
    let users = StoredValue::new(users);
    let on_save = Callback::new(move |_| {
        error.set(None);
        let Some(group) = chosen.get_untracked() else {
            error.set(Some(Said::new(ChooseGroup)));
            return;
        };
        let name = who.with_untracked(|a, _| a.group(group).map(|g| g.name.clone()));
        let command = Command::AddToGroup {
            group,
            users: users.get_value(),
        };
        // Only those not yet in the group join it: the domain counts them.
        match who.dispatch(command) {
            Ok(outcome) => on_saved.run(Status::AddedToGroup {
                name: name.unwrap_or_default(),
                count: outcome.members_added(),
            }),
            Err(refused) => error.set(Some(Said::new(refused))),
        }
    });
    let field = if groups.is_empty() {
        view! { <p class="field-help">{tr!(i18n, users.no_groups)}</p> }.into_any()
    } else {
        let options = groups
            .into_iter()
            .map(|(id, name)| view! { <option value=id.to_string()>{name}</option> })
            .collect_view();
        view! {
            <div class="field">
                <label for="add-to-group-choice">{tr!(i18n, users.group_label)}</label>
                <select
                    id="add-to-group-choice"
                    prop:value=move || chosen.get().map(|g| g.to_string()).unwrap_or_default()
                    on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok().map(GroupId))
                >
                    {options}
                </select>
            </div>
        }
        .into_any()
    };
    view! {
        <Dialog labelled_by="add-to-group-title" described_by="add-to-group-text" on_close>
            <h2 id="add-to-group-title">{tr!(i18n, users.add_to_group_title)}</h2>
            <p id="add-to-group-text">{tr!(i18n, users.add_to_group_text)}</p>
            {field}
            {alert(None, "form-error", error)}
            <DialogActions
                label=Signal::derive(move || t_string!(i18n, users.add_to_group))
                on_save
                on_cancel=on_close
            />
        </Dialog>
    }
}
