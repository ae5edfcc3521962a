//! The Groups page's dialogs: Add Group and Rename (a name), Delete (what
//! members lose, counted first) and Add Members (pasted email addresses).

use super::{Done, Page};
use crate::format;
use crate::i18n::*;
use crate::ui::components::dialog::{focus_by_id, Dialog, DialogActions};
use crate::ui::messages::{fill, Wording};
use crate::ui::pages::Said;
use crate::ui::router::{use_router, Navigation};
use crate::ui::{alert, worded};
use leptos::prelude::*;
use portal_domain::{Command, Email, GroupId};

/// A text of the locale files in a language.
type Words = fn(Locale) -> &'static str;

/// Which dialog of the page is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Open {
    Add,
    Rename(GroupId),
    Delete(GroupId),
    AddMembers(GroupId),
}

impl Open {
    /// The button that opened the dialog, where the focus returns.
    fn opener(self) -> &'static str {
        match self {
            Self::Add => "add-group",
            Self::Rename(_) => "rename-group",
            Self::Delete(_) => "delete-group",
            Self::AddMembers(_) => "add-members",
        }
    }
}

/// A problem found before anything is sent to the domain.
#[derive(Clone, Debug)]
enum EmailProblem {
    None,
    NotEmails(String),
    NotInAccount(String),
}

impl Wording for EmailProblem {
    fn words(&self, locale: Locale) -> String {
        match self {
            Self::None => td_string!(locale, groups.no_emails).to_string(),
            Self::NotEmails(entries) => fill(
                td_string!(locale, groups.not_emails),
                &[("entries", entries)],
            ),
            Self::NotInAccount(emails) => fill(
                td_string!(locale, groups.not_in_account),
                &[("emails", emails)],
            ),
        }
    }
}

pub(super) fn open_dialog(page: Page) -> impl IntoView {
    let router = use_router();
    let close = Callback::new(move |done: Option<Done>| {
        let Some(was) = page.open.get_untracked() else {
            return;
        };
        page.open.set(None);
        let deleted = matches!(done, Some(Done::Deleted { .. }));
        if let Some(done) = done {
            page.done(done);
        }
        if deleted {
            // The group's page is gone: back to the list, which says so.
            router.navigate(
                "/groups",
                Navigation {
                    replace: true,
                    keep_scroll: false,
                },
            );
            request_animation_frame(|| focus_by_id("groups-status"));
        } else {
            request_animation_frame(move || focus_by_id(was.opener()));
        }
    });
    move || {
        let open = page.open.get()?;
        Some(match open {
            Open::Delete(group) => delete_dialog(page, group, close).into_any(),
            text => text_dialog(page, text, close).into_any(),
        })
    }
}

/// Add Group, Rename (a name, checked by the domain) and Add Members
/// (email addresses pasted or typed; every one must be a user of the
/// account, or nobody is added): one text field, then the change.
fn text_dialog(page: Page, open: Open, close: Callback<Option<Done>>) -> impl IntoView {
    let i18n = use_i18n();
    let (group, members) = match open {
        Open::Rename(group) => (Some(group), false),
        Open::AddMembers(group) => (Some(group), true),
        _ => (None, false),
    };
    let was = group.map(|g| page.name_of(g)).unwrap_or_default();
    let text = RwSignal::new(if members { String::new() } else { was.clone() });
    let error = RwSignal::new(None::<Said>);
    let save = {
        let was = was.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            error.set(None);
            let typed = text.get_untracked();
            let to = typed.trim().to_string();
            let done = match open {
                Open::AddMembers(group) => {
                    add_members(page, group, &typed, error).map(|count| Done::MembersAdded {
                        name: was.clone(),
                        count,
                    })
                }
                Open::Rename(group) => page
                    .run(Command::RenameGroup { group, name: typed }, error)
                    .map(|_| Done::Renamed {
                        from: was.clone(),
                        to,
                    }),
                _ => page
                    .run(Command::CreateGroup { name: typed }, error)
                    .map(|_| Done::Created { name: to }),
            };
            match done {
                Some(done) => close.run(Some(done)),
                None => focus_by_id("group-text"),
            }
        }
    };
    let title = worded(move |locale| match open {
        Open::AddMembers(_) => fill(
            td_string!(locale, groups.add_members_title),
            &[("name", &was)],
        ),
        Open::Rename(_) => td_string!(locale, groups.rename_title).to_string(),
        _ => td_string!(locale, groups.add_group).to_string(),
    });
    let (label, help): (Words, Words) = if members {
        (
            |l| td_string!(l, groups.emails_label),
            |l| td_string!(l, groups.emails_help),
        )
    } else {
        (
            |l| td_string!(l, groups.name_label),
            |l| td_string!(l, groups.name_help),
        )
    };
    let invalid = move || error.with(|e| e.is_some()).to_string();
    let field = if members {
        view! {
            // Starts empty and is only read: a pasted list of 20,000
            // addresses is not written back into the box (nor spell-checked).
            <textarea
                id="group-text"
                rows="5"
                spellcheck="false"
                autocomplete="off"
                aria-invalid=invalid
                aria-describedby="group-text-help group-text-error"
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id="group-text"
                type="text"
                autocomplete="off"
                maxlength="200"
                required
                aria-invalid=invalid
                aria-describedby="group-text-help group-text-error"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            />
        }
        .into_any()
    };
    view! {
        <Dialog labelled_by="group-dialog-title" on_close=Callback::new(move |_| close.run(None))>
            <h2 id="group-dialog-title">{title}</h2>
            <form class="form" novalidate on:submit=save>
                <div class="field">
                    <label for="group-text">{crate::ui::text(i18n, label)}</label>
                    {field}
                    <p id="group-text-help" class="field-help">{crate::ui::text(i18n, help)}</p>
                    {alert(Some("group-text-error"), "field-error", error)}
                </div>
                <DialogActions
                    label=Signal::derive(move || match open {
                        Open::AddMembers(_) => t_string!(i18n, groups.add_members),
                        Open::Rename(_) => t_string!(i18n, common.save),
                        _ => t_string!(i18n, groups.add_group),
                    })
                    on_cancel=Callback::new(move |_| close.run(None))
                />
            </form>
        </Dialog>
    }
}

/// Adds the users with the addresses in `typed` to `group`: how many joined,
/// or `None` with the problem in `error`.
fn add_members(
    page: Page,
    group: GroupId,
    typed: &str,
    error: RwSignal<Option<Said>>,
) -> Option<u32> {
    let entries: Vec<&str> = typed
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|e| !e.is_empty())
        .collect();
    let mut bad = Vec::new();
    let mut emails = Vec::new();
    for entry in &entries {
        match Email::parse(entry) {
            Ok(email) => emails.push(email),
            Err(_) => bad.push(entry.to_string()),
        }
    }
    let mut unknown = Vec::new();
    let mut users = Vec::new();
    page.who.with_untracked(|a, _| {
        for (email, id) in emails.iter().zip(a.users_by_email(&emails)) {
            match id {
                Some(id) => users.push(id),
                None => unknown.push(email.to_string()),
            }
        }
    });
    // A long list is cut after ten: the first ones say what is wrong.
    let listed = |all: Vec<String>| {
        let more = all.len() > 10;
        let mut text = all.into_iter().take(10).collect::<Vec<_>>().join(", ");
        if more {
            text.push_str(", …");
        }
        text
    };
    let problem = if entries.is_empty() {
        Some(EmailProblem::None)
    } else if !bad.is_empty() {
        Some(EmailProblem::NotEmails(listed(bad)))
    } else if !unknown.is_empty() {
        Some(EmailProblem::NotInAccount(listed(unknown)))
    } else {
        None
    };
    if let Some(problem) = problem {
        error.set(Some(Said::new(problem)));
        return None;
    }
    // The domain counts each user once, however often their address was given.
    page.run(Command::AddToGroup { group, users }, error)
        .map(|outcome| outcome.members_added())
}

/// Delete Group: says how many users lose what the group gives, then deletes.
fn delete_dialog(page: Page, group: GroupId, close: Callback<Option<Done>>) -> impl IntoView {
    let i18n = use_i18n();
    let name = page.name_of(group);
    let losses = page.who.with_untracked(|a, _| a.losses_without(group));
    let error = RwSignal::new(None::<Said>);
    let text = {
        let name = name.clone();
        move |locale: Locale| {
            let count = |n: u32| format::count_in(locale, n);
            [
                fill(td_string!(locale, groups.delete_text), &[("name", &name)]),
                fill(
                    td_string!(locale, groups.delete_lose_license),
                    &[("count", &count(losses.license))],
                ),
                fill(
                    td_string!(locale, groups.delete_lose_large),
                    &[("count", &count(losses.large_meetings))],
                ),
            ]
            .join(" ")
        }
    };
    let on_save = Callback::new(move |_| {
        error.set(None);
        if page.run(Command::DeleteGroup { group }, error).is_some() {
            close.run(Some(Done::Deleted { name: name.clone() }));
        }
    });
    view! {
        <Dialog
            labelled_by="group-dialog-title"
            described_by="group-dialog-text"
            on_close=Callback::new(move |_| close.run(None))
        >
            <h2 id="group-dialog-title">{tr!(i18n, groups.delete_title)}</h2>
            <p id="group-dialog-text">{worded(text)}</p>
            {alert(None, "form-error", error)}
            <DialogActions
                label=Signal::derive(move || t_string!(i18n, groups.delete))
                on_save
                danger=true
                on_cancel=Callback::new(move |_| close.run(None))
            />
        </Dialog>
    }
}
