//! Finding users in a large account: the Users table's order and search.
//!
//! An index is made once per change of the users or the sort (each user's
//! position in table order with the lower-case text a search looks at), so
//! a keystroke only scans that text instead of sorting and lower-casing
//! every user again.

use crate::{Capacity, User, UserId};
use std::sync::Arc;

/// The column the table is sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Email,
    Role,
    License,
    LargeMeetings,
}

/// How the table is sorted: a column and a direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Sort {
    pub const BY_NAME: Sort = Sort {
        key: SortKey::Name,
        descending: false,
    };

    /// Choosing the sorted column reverses it; another column sorts ascending.
    pub fn toggle(self, key: SortKey) -> Self {
        Sort {
            key,
            descending: self.key == key && !self.descending,
        }
    }
}

/// The users of an account in table order, with their search text.
///
/// Cheap to clone and to compare with the index it was updated from: the
/// parts that did not change are shared.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserIndex {
    texts: Arc<Texts>,
    sort: Option<Sort>,
    /// Positions in the account's users, in table order.
    order: Arc<Vec<usize>>,
}

/// Per position in the account's users: who, and the lower-case texts.
#[derive(Debug, Default, PartialEq, Eq)]
struct Texts {
    ids: Vec<UserId>,
    /// A hash of each user's first and last name, to see a rename (an
    /// update import) without lower-casing every name again.
    names: Vec<u64>,
    /// "email\nfirst last": what a search looks at.
    search: Vec<String>,
    /// "last\0first": what the name order compares.
    name: Vec<String>,
}

impl Texts {
    fn of(users: &[User]) -> Self {
        Self {
            ids: users.iter().map(|u| u.id).collect(),
            names: users.iter().map(name_hash).collect(),
            search: users
                .iter()
                .map(|u| {
                    crate::text::lowercase(&format!(
                        "{}\n{} {}",
                        u.email.as_str(),
                        u.first_name,
                        u.last_name
                    ))
                })
                .collect(),
            name: users
                .iter()
                .map(|u| crate::text::lowercase(&format!("{}\0{}", u.last_name, u.first_name)))
                .collect(),
        }
    }

    /// The same users (ids) with the same names: the texts still hold.
    fn same_people(&self, users: &[User]) -> bool {
        self.ids.len() == users.len()
            && (self.ids.iter().zip(&self.names).zip(users))
                .all(|((id, name), u)| *id == u.id && *name == name_hash(u))
    }
}

/// A hash of the user's names (SipHash with fixed keys: the same in every run).
fn name_hash(user: &User) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (&user.first_name, &user.last_name).hash(&mut hasher);
    hasher.finish()
}

impl UserIndex {
    pub fn new(users: &[User], sort: Sort) -> Self {
        Self::update(None, users, sort)
    }

    /// The index of `users` in `sort` order, reusing what still holds in
    /// `previous` (the index of the same account before a change). A user's
    /// email never changes once they exist, and names only by an update
    /// import, so with the same users (same ids, same names) the texts are
    /// kept, and an order by name or email too; a change of role or license
    /// re-sorts without making any text again.
    pub fn update(previous: Option<&UserIndex>, users: &[User], sort: Sort) -> Self {
        let kept = previous.filter(|p| p.texts.same_people(users));
        if let Some(previous) = kept {
            if previous.sort == Some(sort) && matches!(sort.key, SortKey::Name | SortKey::Email) {
                return previous.clone();
            }
        }
        let texts = match kept {
            Some(previous) => previous.texts.clone(),
            None => Arc::new(Texts::of(users)),
        };
        let name = |i: usize| texts.name[i].as_str();
        let mut order: Vec<usize> = (0..users.len()).collect();
        // One comparison that looks at the key, rather than one sort per key:
        // each `sort_by` with its own closure is a copy of the whole sort in
        // the wasm (about 1 KB gzip each).
        let first = |i: usize| -> Option<u32> {
            let user = &users[i];
            match sort.key {
                SortKey::Name | SortKey::Email => None,
                SortKey::Role => Some(user.role as u32),
                SortKey::License => Some(user.license as u32),
                // Without the add-on first, then 500 up to 5,000.
                SortKey::LargeMeetings => {
                    Some(user.large_meetings.map_or(0, Capacity::participants))
                }
            }
        };
        order.sort_by(|&a, &b| match sort.key {
            SortKey::Email => users[a].email.cmp(&users[b].email),
            _ => (first(a), name(a)).cmp(&(first(b), name(b))),
        });
        if sort.descending {
            order.reverse();
        }
        Self {
            texts,
            sort: Some(sort),
            order: Arc::new(order),
        }
    }

    /// Positions (in `users`, the same list the index was made from) of the
    /// users whose email or name contains `query` (any case) and that
    /// `keep` accepts, in table order.
    pub fn search(&self, users: &[User], query: &str, keep: impl Fn(&User) -> bool) -> Vec<usize> {
        let needle = crate::text::lowercase(query.trim());
        self.order
            .iter()
            .copied()
            .filter(|&i| {
                (needle.is_empty() || self.texts.search[i].contains(&needle)) && keep(&users[i])
            })
            .collect()
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{demo, BaseLicense, Timestamp};

    fn users() -> Vec<User> {
        demo::portal(Timestamp(1_800_000_000_000)).accounts[0]
            .users
            .clone()
    }

    fn emails(users: &[User], positions: &[usize]) -> Vec<String> {
        positions
            .iter()
            .map(|i| users[*i].email.to_string())
            .collect()
    }

    #[test]
    fn a_renamed_user_is_found_by_the_new_name_and_sorted_by_it() {
        let mut users = users();
        let before = UserIndex::new(&users, Sort::BY_NAME);
        let at = users.iter().position(|u| u.first_name == "Liam").unwrap();
        users[at].last_name = "Aardvark".into();
        let after = UserIndex::update(Some(&before), &users, Sort::BY_NAME);
        assert_eq!(
            emails(&users, &after.search(&users, "aardvark", |_| true)).len(),
            1
        );
        assert!(after.search(&users, "liam baker", |_| true).is_empty());
        let first = after.search(&users, "", |_| true)[0];
        assert_eq!(users[first].last_name, "Aardvark");
    }

    #[test]
    fn search_matches_email_or_full_name_in_any_case_in_table_order() {
        let users = users();
        let index = UserIndex::new(&users, Sort::BY_NAME);
        assert_eq!(index.len(), users.len());
        let found = index.search(&users, "  LIAM ", |_| true);
        assert_eq!(emails(&users, &found), ["liam.baker@acme.example"]);
        let by_full_name = index.search(&users, "olivia owens", |_| true);
        assert_eq!(emails(&users, &by_full_name), ["owner@acme.example"]);
        assert!(index.search(&users, "zzz", |_| true).is_empty());
        assert_eq!(index.search(&users, "", |_| true).len(), users.len());
    }

    #[test]
    fn the_filter_and_the_sort_apply_together() {
        let users = users();
        let index = UserIndex::new(
            &users,
            Sort {
                key: SortKey::Email,
                descending: true,
            },
        );
        let basic = index.search(&users, "acme", |u| u.license == BaseLicense::Basic);
        let found = emails(&users, &basic);
        assert!(!found.is_empty());
        let mut sorted = found.clone();
        sorted.sort();
        sorted.reverse();
        assert_eq!(found, sorted);
        assert!(basic
            .iter()
            .all(|i| users[*i].license == BaseLicense::Basic));
    }

    #[test]
    fn an_update_keeps_what_still_holds_and_redoes_what_does_not() {
        let mut users = users();
        let by_name = UserIndex::new(&users, Sort::BY_NAME);
        // A license change: same people, same name order, nothing made again.
        users[5].license = BaseLicense::Licensed;
        let again = UserIndex::update(Some(&by_name), &users, Sort::BY_NAME);
        assert!(Arc::ptr_eq(&again.order, &by_name.order));
        // Sorted by license: re-sorted, the texts shared.
        let by_license = Sort {
            key: SortKey::License,
            descending: false,
        };
        let sorted = UserIndex::update(Some(&again), &users, by_license);
        assert!(Arc::ptr_eq(&sorted.texts, &by_name.texts));
        assert_eq!(sorted, UserIndex::new(&users, by_license));
        // A user removed: everything made again, and equal to a fresh index.
        users.remove(3);
        let fewer = UserIndex::update(Some(&sorted), &users, by_license);
        assert_eq!(fewer, UserIndex::new(&users, by_license));
        assert_eq!(fewer.len(), users.len());
        assert!(fewer
            .search(&users, "", |_| true)
            .iter()
            .all(|&i| i < users.len()));
    }

    #[test]
    fn choosing_the_sorted_column_again_reverses_it() {
        let by_name = Sort::BY_NAME;
        assert!(by_name.toggle(SortKey::Name).descending);
        assert!(
            !by_name
                .toggle(SortKey::Name)
                .toggle(SortKey::Name)
                .descending
        );
        assert_eq!(
            by_name.toggle(SortKey::Email),
            Sort {
                key: SortKey::Email,
                descending: false
            }
        );
    }
}
