//! A group's members: searchable, the first 100 shown, those its rule does
//! not cover yet first, each with the reason, and how many licenses would
//! cover them (with where to buy them).

use super::{Done, Page};
use crate::format;
use crate::i18n::*;
use crate::ui::alert;
use crate::ui::base::href;
use crate::ui::components::table_scroll::TableScroll;
use crate::ui::labels;
use crate::ui::messages::fill;
use crate::ui::pages::Said;
use leptos::prelude::*;
use portal_domain::{Account, BaseLicense, Capacity, Command, GroupId, User, UserId, WaitReason};

/// The most members listed at once; a search finds the others.
const SHOWN: usize = 100;

#[derive(Clone, PartialEq)]
struct Member {
    id: UserId,
    name: String,
    email: String,
    license: BaseLicense,
    /// Large Meetings held, and the group that gives it.
    large: Option<(Capacity, Option<String>)>,
    waiting: Option<WaitReason>,
}

fn member(account: &Account, user: &User, waiting: Option<WaitReason>) -> Member {
    let from = user
        .membership
        .large_meetings_from
        .and_then(|g| account.group(g))
        .map(|g| g.name.clone());
    Member {
        id: user.id,
        name: user.full_name(),
        email: user.email.to_string(),
        license: user.license,
        large: user.large_meetings.map(|c| (c, from)),
        waiting,
    }
}

/// What the section shows: members matching the search (waiting ones
/// first, at most [`SHOWN`]), how many match, how many are members, how
/// many wait, and how many more licenses of the rule's capacity would
/// cover those waiting for one.
#[derive(Clone, Default, PartialEq)]
struct Found {
    shown: Vec<Member>,
    matching: u32,
    total: u32,
    waiting: u32,
    needed: Option<(Capacity, u32)>,
}

fn find(account: &Account, group: GroupId, needle: &str) -> Found {
    let waiting: Vec<_> = account
        .waiting()
        .into_iter()
        .filter(|w| w.group == group)
        .collect();
    let needed = waiting
        .iter()
        .find(|w| w.reason == WaitReason::NotEnoughLicenses)
        .map(|w| (w.capacity, account.waiting_for(w.capacity)));
    let hit = |user: &User| {
        needle.is_empty()
            || portal_domain::text::lowercase(&user.full_name()).contains(needle)
            || user.email.as_str().contains(needle)
    };
    let mut found = Found {
        shown: Vec::new(),
        matching: 0,
        total: 0,
        waiting: waiting.len() as u32,
        needed,
    };
    let add = |found: &mut Found, user: &User, why: Option<WaitReason>| {
        if hit(user) {
            found.matching += 1;
            if found.shown.len() < SHOWN {
                found.shown.push(member(account, user, why));
            }
        }
    };
    for w in &waiting {
        if let Some(user) = account.user(w.user) {
            add(&mut found, user, Some(w.reason));
        }
    }
    for user in account.members(group) {
        found.total += 1;
        let waits = waiting.binary_search_by_key(&user.id, |w| w.user).is_ok();
        if !waits {
            add(&mut found, user, None);
        }
    }
    found
}

pub(super) fn members_section(page: Page, group: GroupId) -> impl IntoView {
    let i18n = use_i18n();
    let search = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Said>);
    let buy = page.who.with_untracked(|a, me| {
        (me.can_manage_billing()).then_some(crate::ui::areas::billing_home(a.billing_portal).path)
    });
    let found = page.who.memo(move |account, _| {
        search.with(|s| find(account, group, &portal_domain::text::lowercase(s.trim())))
    });
    let remove = move |user: UserId, name: String| {
        error.set(None);
        let group_name = page.name_of(group);
        let command = Command::RemoveFromGroup {
            group,
            users: vec![user],
        };
        if page.run(command, error).is_some() {
            page.done(Done::MemberRemoved {
                user: name,
                name: group_name,
            });
        }
    };
    let list = move || {
        let locale = i18n.get_locale();
        let found = found.get();
        let count = |n: u32| format::count_in(locale, n);
        let summary = (found.waiting > 0).then(|| {
            let mut text = fill(
                td_string!(locale, groups.waiting_summary),
                &[("count", &count(found.waiting))],
            );
            if let Some((capacity, more)) = found.needed {
                text.push(' ');
                text.push_str(&fill(
                    td_string!(locale, groups.licenses_needed),
                    &[
                        ("count", &count(more)),
                        ("capacity", &format::participants_in(locale, capacity)),
                    ],
                ));
            }
            let buy = buy.filter(|_| found.needed.is_some()).map(|path| {
                view! { <a href=href(path)>{td_string!(locale, groups.buy_licenses)}</a> }
            });
            view! { <p class="confirm">{text} " " {buy}</p> }
        });
        let empty = match (found.total, found.matching) {
            (0, _) => Some(td_string!(locale, groups.no_members)),
            (_, 0) => Some(td_string!(locale, groups.no_match)),
            _ => None,
        };
        if let Some(empty) = empty {
            return view! { <p class="empty">{empty}</p> }.into_any();
        }
        let more = (found.matching as usize > found.shown.len()).then(|| {
            fill(
                td_string!(locale, groups.showing_members),
                &[
                    ("shown", &count(found.shown.len() as u32)),
                    ("total", &count(found.matching)),
                ],
            )
        });
        let row = move |m: Member| {
            let mut licenses = labels::license(locale, m.license).to_string();
            if let Some((capacity, from)) = &m.large {
                licenses.push_str(" · ");
                licenses.push_str(&format::participants_in(locale, *capacity));
                if let Some(from) = from {
                    licenses.push_str(&format!(" ({from})"));
                }
            }
            let state = m.waiting.map(|why| match why {
                WaitReason::NotEnoughLicenses => td_string!(locale, groups.reason_licenses),
                WaitReason::PaidLicenseNeeded => td_string!(locale, groups.reason_paid),
                WaitReason::NoWorkplaceSeat => td_string!(locale, groups.reason_seat),
            });
            let label = fill(
                td_string!(locale, groups.remove_member_label),
                &[("name", &m.name)],
            );
            let (id, name) = (m.id, m.name.clone());
            view! {
                <tr>
                    <td>{m.name}</td>
                    <td>{m.email}</td>
                    <td>{licenses}</td>
                    <td>{state}</td>
                    <td class="table__actions">
                        <button
                            type="button"
                            class="button button--quiet"
                            aria-label=label
                            on:click=move |_| remove(id, name.clone())
                        >
                            {td_string!(locale, groups.remove_member)}
                        </button>
                    </td>
                </tr>
            }
        };
        let caption = fill(
            td_string!(locale, groups.members_caption),
            &[("name", &page.name_of(group))],
        );
        view! {
            {summary}
            <p class="field-help">{more}</p>
            <TableScroll label=td_string!(locale, groups.members)>
            <table class="table">
                <caption class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{td_string!(locale, groups.col.name)}</th>
                        <th scope="col">{td_string!(locale, groups.col.email)}</th>
                        <th scope="col">{td_string!(locale, groups.col.licenses)}</th>
                        <th scope="col">{td_string!(locale, groups.col.state)}</th>
                        <th scope="col">
                            <span class="visually-hidden">{td_string!(locale, groups.col.actions)}</span>
                        </th>
                    </tr>
                </thead>
                <tbody>{found.shown.into_iter().map(row).collect_view()}</tbody>
            </table>
            </TableScroll>
        }
        .into_any()
    };
    view! {
        <div class="group-members">
            <h2 id="group-members-title">{tr!(i18n, groups.members)}</h2>
            <div class="field">
                <label for="group-member-search">{tr!(i18n, groups.search_members)}</label>
                <input
                    id="group-member-search"
                    type="search"
                    autocomplete="off"
                    prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev))
                />
            </div>
            {alert(None, "form-error", error)}
            {list}
        </div>
    }
}
