//! What the Users table shows: the search, the filter, the sort, the page
//! and the selection, shared by the toolbar, the table, the selection bar
//! and the pager.

use super::filter::LicenseFilter;
use crate::state::SignedIn;
use leptos::prelude::*;
use portal_domain::directory::{Sort, UserIndex};
use portal_domain::{Account, GroupId, User, UserId};
use std::collections::BTreeSet;

/// Rows per page: the table never holds more than this many rows.
pub const PAGE_SIZE: usize = 50;

#[derive(Clone, Copy)]
pub struct Listing {
    pub who: SignedIn,
    pub search: RwSignal<String>,
    pub filter: RwSignal<LicenseFilter>,
    /// Only the members of this group, if any.
    pub group: RwSignal<Option<GroupId>>,
    pub sort: RwSignal<Sort>,
    /// The page asked for (counted from 0); see [`Listing::page`].
    pub page: RwSignal<usize>,
    /// Kept while searching, filtering, sorting and paging.
    pub selected: RwSignal<BTreeSet<UserId>>,
    /// Positions (in the account's user list) of the users shown, in order.
    matching: Memo<Vec<usize>>,
}

impl Listing {
    pub fn new(who: SignedIn) -> Self {
        let search = RwSignal::new(String::new());
        let filter = RwSignal::new(LicenseFilter::All);
        let group = RwSignal::new(None::<GroupId>);
        let sort = RwSignal::new(Sort::BY_NAME);
        // Every user in table order with the text a search looks at, made
        // once per change of the account or the sort, not per keystroke,
        // and updated from the previous index.
        let ordered = Memo::new(move |previous: Option<&UserIndex>| {
            let sort = sort.get();
            who.with(|a, _| UserIndex::update(previous, &a.users, sort))
        });
        let matching = Memo::new(move |_| {
            let filter = filter.get();
            let group = group.get();
            who.with(|a, _| {
                // A group deleted meanwhile (here or in another tab) filters nothing.
                let group = group.filter(|g| a.group(*g).is_some());
                let in_group = move |u: &User| group.is_none_or(|g| u.membership.contains(g));
                search.with(|query| {
                    ordered.with(|index| {
                        index.search(&a.users, query, |u| filter.matches(u) && in_group(u))
                    })
                })
            })
        });
        Self {
            who,
            search,
            filter,
            group,
            sort,
            page: RwSignal::new(0),
            selected: RwSignal::new(BTreeSet::new()),
            matching,
        }
    }

    /// How many users match the search and the filter.
    pub fn total(&self) -> usize {
        self.matching.with(Vec::len)
    }

    /// How many pages they fill (at least one).
    pub fn pages(&self) -> usize {
        self.total().div_ceil(PAGE_SIZE).max(1)
    }

    /// The page shown, counted from 0 (the last one when fewer match now).
    pub fn page(&self) -> usize {
        self.page.get().min(self.pages() - 1)
    }

    /// The position in the matching users of the first row shown.
    pub fn first_shown(&self) -> usize {
        self.page() * PAGE_SIZE
    }

    /// A new search or filter starts at the first page.
    pub fn set_search(&self, query: String) {
        self.search.set(query);
        self.page.set(0);
    }

    pub fn set_filter(&self, filter: LicenseFilter) {
        self.filter.set(filter);
        self.page.set(0);
    }

    pub fn set_group(&self, group: Option<GroupId>) {
        self.group.set(group);
        self.page.set(0);
    }

    /// `f` of each user on the page shown, in table order.
    pub fn on_page<R>(&self, mut f: impl FnMut(&Account, &User) -> R) -> Vec<R> {
        let start = self.first_shown();
        self.who.with(|a, _| {
            self.matching.with(|m| {
                m.iter()
                    .skip(start)
                    .take(PAGE_SIZE)
                    .map(|i| f(a, &a.users[*i]))
                    .collect()
            })
        })
    }

    pub fn is_selected(&self, user: UserId) -> bool {
        self.selected.with(|s| s.contains(&user))
    }

    pub fn select(&self, user: UserId, on: bool) {
        self.selected.update(|s| {
            if on {
                s.insert(user);
            } else {
                s.remove(&user);
            }
        });
    }

    /// Whether every user on the page shown is selected (and there is one).
    pub fn all_shown_selected(&self) -> bool {
        let ids = self.on_page(|_, u| u.id);
        !ids.is_empty() && self.selected.with(|s| ids.iter().all(|id| s.contains(id)))
    }

    pub fn select_all_shown(&self, on: bool) {
        let ids = self.on_page(|_, u| u.id);
        self.selected.update(|s| {
            for id in ids {
                if on {
                    s.insert(id);
                } else {
                    s.remove(&id);
                }
            }
        });
    }
}
