//! User Management > Groups: the account's groups, their members and the
//! license rule each may carry (the rules themselves are the domain's:
//! `portal_domain::group`).
//!
//! The list is at `/groups`; one group at `/groups?group=<id>`, so a group
//! can be linked to, and Back returns to the list.

mod dialogs;
mod members;

use crate::format;
use crate::i18n::*;
use crate::state::{use_signed_in, SignedIn};
use crate::ui::base::href;
use crate::ui::components::table_scroll::TableScroll;
use crate::ui::messages::{fill, Wording};
use crate::ui::pages::Said;
use crate::ui::router::use_router;
use crate::ui::{alert, worded};
use dialogs::{open_dialog, Open};
use leptos::prelude::*;
use members::members_section;
use portal_domain::{Account, Capacity, Command, GroupId, GroupRule, Outcome};

/// What the page's status line confirms, worded when shown.
#[derive(Clone, Debug)]
enum Done {
    Created { name: String },
    Renamed { from: String, to: String },
    Deleted { name: String },
    MembersAdded { name: String, count: u32 },
    MemberRemoved { user: String, name: String },
    RuleSaved { name: String, rule: GroupRule },
    RuleRemoved { name: String },
}

impl Wording for Done {
    fn words(&self, locale: Locale) -> String {
        match self {
            Self::Created { name } => fill(td_string!(locale, groups.created), &[("name", name)]),
            Self::Renamed { from, to } => fill(
                td_string!(locale, groups.renamed),
                &[("from", from), ("to", to)],
            ),
            Self::Deleted { name } => fill(td_string!(locale, groups.deleted), &[("name", name)]),
            Self::MembersAdded { name, count } => fill(
                td_string!(locale, groups.members_added),
                &[("name", name), ("count", &format::count_in(locale, *count))],
            ),
            Self::MemberRemoved { user, name } => fill(
                td_string!(locale, groups.member_removed),
                &[("user", user), ("name", name)],
            ),
            Self::RuleSaved { name, rule } => fill(
                td_string!(locale, groups.rule_saved),
                &[("name", name), ("rule", &rule_text(locale, Some(*rule)))],
            ),
            Self::RuleRemoved { name } => {
                fill(td_string!(locale, groups.rule_removed), &[("name", name)])
            }
        }
    }
}

/// "Large Meetings 1,000 participants with Zoom Workplace", or "No rule".
fn rule_text(locale: Locale, rule: Option<GroupRule>) -> String {
    let Some(rule) = rule else {
        return td_string!(locale, groups.no_rule).to_string();
    };
    let text = if rule.workplace {
        td_string!(locale, groups.rule_text_workplace)
    } else {
        td_string!(locale, groups.rule_text)
    };
    fill(
        text,
        &[("capacity", &format::participants_in(locale, rule.capacity))],
    )
}

/// What the page shares with its parts: the open dialog and the status line.
#[derive(Clone, Copy)]
struct Page {
    who: SignedIn,
    open: RwSignal<Option<Open>>,
    status: RwSignal<Option<Said>>,
}

impl Page {
    fn done(&self, done: Done) {
        self.status.set(Some(Said::new(done)));
    }

    /// Runs `command`; a refusal goes to `error` (worded where shown).
    /// Sends `command`; a refusal goes to `error`.
    fn run(&self, command: Command, error: RwSignal<Option<Said>>) -> Option<Outcome> {
        match self.who.dispatch(command) {
            Ok(outcome) => Some(outcome),
            Err(refused) => {
                error.set(Some(Said::new(refused)));
                None
            }
        }
    }

    fn name_of(&self, group: GroupId) -> String {
        self.who
            .with_untracked(|a, _| a.group(group).map(|g| g.name.clone()).unwrap_or_default())
    }
}

#[component]
pub fn GroupsPage() -> impl IntoView {
    let i18n = use_i18n();
    let router = use_router();
    let page = Page {
        who: use_signed_in(),
        open: RwSignal::new(None),
        status: RwSignal::new(None),
    };
    // The group the address opens, if it still exists.
    let chosen = Memo::new(move |_| {
        router
            .query("group")
            .and_then(|g| g.parse::<u32>().ok())
            .map(GroupId)
    });
    view! {
        <section class="page page--wide" aria-labelledby="page-title">
            <p class="page__trail">{tr!(i18n, groups.trail)}</p>
            {move || match chosen.get() {
                None => group_list(page).into_any(),
                Some(group) => group_view(page, group).into_any(),
            }}
            {open_dialog(page)}
        </section>
    }
}

/// What the last change did, under the heading of the list or the group
/// (the message outlives the switch between them, e.g. after Delete).
fn status_line(page: Page) -> impl IntoView {
    crate::ui::components::undo::status_line(Some("groups-status"), page.status)
}

/// One row of the list of groups.
#[derive(Clone, PartialEq)]
struct Row {
    id: GroupId,
    name: String,
    members: u32,
    rule: Option<GroupRule>,
    waiting: u32,
}

fn rows(account: &Account) -> Vec<Row> {
    let mut rows: Vec<Row> = account
        .groups
        .iter()
        .map(|g| Row {
            id: g.id,
            name: g.name.clone(),
            members: 0,
            rule: g.rule,
            waiting: 0,
        })
        .collect();
    let at = |rows: &[Row], id: GroupId| rows.binary_search_by_key(&id, |r| r.id).ok();
    for user in &account.users {
        for group in &user.membership.groups {
            if let Some(i) = at(&rows, *group) {
                rows[i].members += 1;
            }
        }
    }
    for waiting in account.waiting() {
        if let Some(i) = at(&rows, waiting.group) {
            rows[i].waiting += 1;
        }
    }
    rows
}

fn group_list(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    let rows = page.who.memo(|account, _| rows(account));
    let table = move || {
        let locale = i18n.get_locale();
        let rows = rows.get();
        if rows.is_empty() {
            return view! { <p class="empty">{td_string!(locale, groups.none_yet)}</p> }.into_any();
        }
        let row = move |row: Row| {
            let state = if row.rule.is_none() {
                String::new()
            } else if row.waiting == 0 {
                td_string!(locale, groups.all_covered).to_string()
            } else {
                fill(
                    td_string!(locale, groups.waiting_count),
                    &[("count", &format::count_in(locale, row.waiting))],
                )
            };
            view! {
                <tr>
                    <td>
                        <a href=href(&format!("/groups?group={}", row.id))>{row.name}</a>
                    </td>
                    <td class="number">{format::count_in(locale, row.members)}</td>
                    <td>{rule_text(locale, row.rule)}</td>
                    <td>{state}</td>
                </tr>
            }
        };
        view! {
            <TableScroll label=td_string!(locale, groups.caption)>
            <table class="table">
                <caption class="visually-hidden">{td_string!(locale, groups.caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{td_string!(locale, groups.col.name)}</th>
                        <th scope="col" class="number">{td_string!(locale, groups.col.members)}</th>
                        <th scope="col">{td_string!(locale, groups.col.rule)}</th>
                        <th scope="col">{td_string!(locale, groups.col.state)}</th>
                    </tr>
                </thead>
                <tbody>{rows.into_iter().map(row).collect_view()}</tbody>
            </table>
            </TableScroll>
        }
        .into_any()
    };
    view! {
        <div class="page__heading">
            <h1 id="page-title">{tr!(i18n, groups.title)}</h1>
            <div class="page__actions">
                <button
                    type="button"
                    id="add-group"
                    class="button button--primary"
                    on:click=move |_| page.open.set(Some(Open::Add))
                >
                    {tr!(i18n, groups.add_group)}
                </button>
            </div>
        </div>
        {status_line(page)}
        {table}
    }
}

/// One group: its name and actions, its rule, who waits, its members.
fn group_view(page: Page, group: GroupId) -> impl IntoView {
    let i18n = use_i18n();
    let name = page
        .who
        .memo(move |a, _| a.group(group).map(|g| g.name.clone()));
    let back = view! {
        <p>
            <a href=href("/groups")>{tr!(i18n, groups.all_groups)}</a>
        </p>
    };
    let content = move || {
        let Some(name) = name.get() else {
            return view! {
                <h1 id="page-title">{tr!(i18n, groups.title)}</h1>
                <p class="empty">{tr!(i18n, groups.unknown)}</p>
            }
            .into_any();
        };
        let action = move |id: &'static str, open: Open, label: fn(Locale) -> &'static str| {
            view! {
                <button
                    type="button"
                    id=id
                    class="button"
                    on:click=move |_| page.open.set(Some(open))
                >
                    {crate::ui::text(i18n, label)}
                </button>
            }
        };
        view! {
            <div class="page__heading">
                <h1 id="page-title">{name}</h1>
                <div class="page__actions">
                    {action("add-members", Open::AddMembers(group), |l| td_string!(l, groups.add_members))}
                    {action("rename-group", Open::Rename(group), |l| td_string!(l, groups.rename))}
                    {action("delete-group", Open::Delete(group), |l| td_string!(l, groups.delete))}
                </div>
            </div>
            {status_line(page)}
            {rule_form(page, group)}
            {members_section(page, group)}
        }
        .into_any()
    };
    view! {
        {back}
        {content}
    }
}

/// The group's rule: a capacity the account owns (or none), optionally
/// with Zoom Workplace. Removing a rule that takes licenses away asks first.
fn rule_form(page: Page, group: GroupId) -> impl IntoView {
    let i18n = use_i18n();
    let (rule, owned) = page.who.with_untracked(|a, _| {
        let owned: Vec<Capacity> = a.large_meetings.iter().map(|l| l.capacity).collect();
        (a.group(group).and_then(|g| g.rule), owned)
    });
    let capacity = RwSignal::new(rule.map(|r| r.capacity));
    let workplace = RwSignal::new(rule.is_some_and(|r| r.workplace));
    let confirming = RwSignal::new(None::<portal_domain::Losses>);
    let error = RwSignal::new(None::<Said>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let rule = capacity.get_untracked().map(|capacity| GroupRule {
            capacity,
            workplace: workplace.get_untracked(),
        });
        let had_rule = page
            .who
            .with_untracked(|a, _| a.group(group).is_some_and(|g| g.rule.is_some()));
        if rule.is_none() && had_rule && confirming.get_untracked().is_none() {
            let losses = page.who.with_untracked(|a, _| a.losses_without(group));
            if losses.license + losses.large_meetings > 0 {
                confirming.set(Some(losses));
                return;
            }
        }
        confirming.set(None);
        let name = page.name_of(group);
        if page
            .run(Command::SetGroupRule { group, rule }, error)
            .is_some()
        {
            page.done(match rule {
                Some(rule) => Done::RuleSaved { name, rule },
                None => Done::RuleRemoved { name },
            });
        }
    };
    let options = owned
        .into_iter()
        .map(|c| {
            let value = c.participants().to_string();
            view! { <option value=value>{worded(move |l| format::participants_in(l, c))}</option> }
        })
        .collect_view();
    let confirm = worded(move |locale| {
        confirming
            .get()
            .map(|losses| {
                fill(
                    td_string!(locale, groups.remove_lose),
                    &[
                        ("license", &format::count_in(locale, losses.license)),
                        ("large", &format::count_in(locale, losses.large_meetings)),
                    ],
                )
            })
            .unwrap_or_default()
    });
    view! {
        <form class="form group-rule" novalidate on:submit=save>
            <fieldset class="fieldset">
                <legend>{tr!(i18n, groups.rule_legend)}</legend>
                <div class="field">
                    <label for="group-rule-capacity">{tr!(i18n, groups.rule_capacity)}</label>
                    <select
                        id="group-rule-capacity"
                        aria-describedby="group-rule-help"
                        prop:value=move || {
                            capacity.get().map(|c| c.participants().to_string()).unwrap_or_default()
                        }
                        on:change=move |ev| {
                            confirming.set(None);
                            let value = event_target_value(&ev);
                            capacity
                                .set(
                                    value
                                        .parse()
                                        .ok()
                                        .and_then(|n| Capacity::from_participants(n).ok()),
                                );
                        }
                    >
                        <option value="">{tr!(i18n, groups.no_rule)}</option>
                        {options}
                    </select>
                    <p id="group-rule-help" class="field-help">{tr!(i18n, groups.rule_help)}</p>
                </div>
                <div class="choice">
                    <input
                        type="checkbox"
                        id="group-rule-workplace"
                        disabled=move || capacity.get().is_none()
                        prop:checked=move || workplace.get()
                        on:change=move |ev| workplace.set(event_target_checked(&ev))
                    />
                    <label for="group-rule-workplace">{tr!(i18n, groups.rule_workplace)}</label>
                </div>
            </fieldset>
            <p class="confirm" role="alert">{confirm}</p>
            {alert(None, "form-error", error)}
            <div class="form-actions">
                <button type="submit" class="button button--primary">{tr!(i18n, groups.save_rule)}</button>
            </div>
        </form>
    }
}
