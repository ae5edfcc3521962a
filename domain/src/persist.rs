//! The stored form of the portal, as text under localStorage keys.
//!
//! Pure: the browser adapter (the app's `storage` module) hands in what it
//! read and writes what this module returns. Layout of schema 4:
//!
//! - `lmp.meta`: `{"schema":4,"revision":N,"saved_at":ms,"accounts":[1,2]}`
//! - `lmp.account.<id>`: the account without its users and its activity log
//!   (plan, lines, orders, meetings, groups) as JSON, plus `user_chunks` (which user
//!   keys exist), `user_count` and `log_count`
//! - `lmp.account.<id>.users.<n>`: the users with ids `n*1000 ..= n*1000+999`
//!   as compact CSV (see [`UserChunk`]): about 40 UTF-16 code units per
//!   user, against about 190 in schema 2's JSON; schema 4 adds each user's
//!   groups to their flags (`ML10g1g4`: a few units per membership)
//! - `lmp.account.<id>.log.<n>`: activity-log entries `n*1000 ..` (oldest
//!   first) as a JSON array; the log is only appended to, so only its last
//!   chunk ever changes
//! - `lmp.account.<id>.history.<YYYY-MM>` (schema 5): the meetings held that
//!   month, about 9 code units each (see [`HistoryChunk`]); the account
//!   record's `history` lists the months and keeps the summaries of months
//!   older than a year (see `persist::history::encode_index`)
//! - schema 6 adds to a user's flags when Large Meetings given for a time
//!   end (`ML5u1800000000000`: `u` and the moment in milliseconds)
//!
//! so assigning one user rewrites one chunk of at most 1,000 users, the last
//! log chunk, the account record and the meta record, however many users and
//! log entries the account has. Schema 2 kept each account, users
//! included, as one JSON record; schema 1 kept everything under
//! `lmp.state`. Both are migrated. Schema 3 is schema 4 without groups,
//! schema 4 is schema 5 without meeting history, and schema 5 is schema 6
//! without time-limited Large Meetings: all are read as they are, and an
//! older build finding a newer schema stays read-only rather than drop what
//! it does not know on its next save.

use crate::audit::AuditEntry;
use crate::billing::Term;
use crate::csv_in::{Record, Records};
use crate::csv_out::CsvOut;
use crate::json::{self, Decode, Reader};
use crate::{
    Account, AccountId, BaseLicense, BillingCycle, Capacity, Day, Email, GroupId, Membership,
    PasswordHash, Portal, Role, Timestamp, User, UserId,
};
use serde::Serialize;
use thiserror::Error;

mod history;
pub use history::{history_chunks, history_key, history_key_prefix, HistoryChunk};

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 6;
/// The record that says which schema, revision and accounts are stored.
pub const META_KEY: &str = "lmp.meta";
/// Where schema 1 kept the whole portal.
pub const LEGACY_STATE_KEY: &str = "lmp.state";
/// Every key of the portal's data starts with this.
pub const KEY_PREFIX: &str = "lmp.";
/// Users per stored chunk (by id).
pub const USERS_PER_CHUNK: u32 = 1000;
/// Activity-log entries per stored chunk.
pub const ENTRIES_PER_LOG_CHUNK: usize = 1000;
/// The most items a count read from storage reserves room for in advance.
const MAX_RESERVED: usize = 1 << 20;

/// A save writes one key at a time. Before the first, it writes here what
/// each key held before (the journal); after the meta record, the last
/// write, it removes it. A journal left behind means the tab or browser
/// closed in the middle of a save: the next start puts the old texts back.
pub const JOURNAL_KEY: &str = "lmp.journal";
/// A journal younger than this may belong to a save that another tab is
/// running right now (a save takes milliseconds): it is left alone.
pub const JOURNAL_SETTLE: crate::time::Duration = crate::time::Duration::seconds(2);

/// What a save is about to overwrite.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Journal {
    /// The revision the save writes.
    pub revision: u64,
    pub at: Timestamp,
    /// Every key the save writes, with its text before (`None`: absent).
    pub before: Vec<(String, Option<String>)>,
}

crate::json_struct!(Journal {
    revision,
    at,
    before
});

/// What to do about a journal found in storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recovery {
    /// The save got as far as the meta record: it is complete.
    Completed,
    /// The save stopped before the meta record: put the old texts back.
    RollBack,
    /// Too recent to tell: another tab may be saving right now.
    InProgress,
}

impl Journal {
    /// `stored_revision` is the revision of the meta record in storage now.
    pub fn recovery(&self, stored_revision: Option<u64>, now: Timestamp) -> Recovery {
        if stored_revision.is_some_and(|stored| stored >= self.revision) {
            Recovery::Completed
        } else if now - self.at < JOURNAL_SETTLE {
            Recovery::InProgress
        } else {
            Recovery::RollBack
        }
    }
}

pub fn account_key(id: AccountId) -> String {
    format!("lmp.account.{id}")
}

/// Every user chunk key of account `id` starts with this.
pub fn users_key_prefix(id: AccountId) -> String {
    format!("lmp.account.{id}.users.")
}

pub fn users_key(id: AccountId, chunk: u32) -> String {
    format!("lmp.account.{id}.users.{chunk}")
}

/// Every activity-log chunk key of account `id` starts with this.
pub fn log_key_prefix(id: AccountId) -> String {
    format!("lmp.account.{id}.log.")
}

pub fn log_key(id: AccountId, chunk: usize) -> String {
    format!("lmp.account.{id}.log.{chunk}")
}

/// The account's activity log in stored chunks, oldest first.
pub fn log_chunks(account: &Account) -> std::slice::Chunks<'_, AuditEntry> {
    account.audit.chunks(ENTRIES_PER_LOG_CHUNK)
}

pub fn encode_log_chunk(entries: &[AuditEntry]) -> String {
    json::to_string(entries)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Meta {
    pub schema: u32,
    /// Incremented by every save; lets a tab notice a newer save by another.
    pub revision: u64,
    pub saved_at: Timestamp,
    pub accounts: Vec<AccountId>,
}

crate::json_struct!(Meta {
    schema,
    revision,
    saved_at,
    accounts
});

/// The schema, read before the rest (whose shape depends on it).
struct Header {
    schema: u32,
}

impl Decode for Header {
    fn decode(r: &mut Reader<'_>) -> json::Result<Self> {
        Ok(crate::decode_fields!(r, Header { schema }))
    }
}

/// The account record as serde wrote it (the format's reference in tests).
#[cfg(test)]
#[derive(Serialize)]
struct HeadOut<'a> {
    #[serde(flatten)]
    account: &'a Account,
    user_chunks: Vec<u32>,
    user_count: usize,
    log_count: usize,
    history: String,
}

/// Read from the same text as the account (which ignores these fields).
struct UsersIndex {
    user_chunks: Vec<u32>,
    user_count: usize,
    log_count: usize,
}

impl Decode for UsersIndex {
    fn decode(r: &mut Reader<'_>) -> json::Result<Self> {
        Ok(crate::decode_fields!(
            r,
            UsersIndex {
                user_chunks,
                user_count,
                log_count
            }
        ))
    }
}

/// The account record's index of its history (absent before schema 5).
struct HistoryIndex {
    history: String,
}

impl Decode for HistoryIndex {
    fn decode(r: &mut Reader<'_>) -> json::Result<Self> {
        Ok(crate::decode_fields!(r, HistoryIndex { ; default: history }))
    }
}

/// A decoded store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    pub portal: Portal,
    pub revision: u64,
    pub saved_at: Timestamp,
    /// The schema the data was read from, when it was older than this build's.
    pub migrated_from: Option<u32>,
}

/// Why stored text could not be read. The caller keeps the text aside.
///
/// The UI words it for people (`messages::decode_error`: which record, in
/// their language); `Display` is for developers and adds the parser's detail.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DecodeError {
    /// The storage record `record` (a key such as "lmp.account.1") is
    /// damaged or missing; `detail` says how, for developers.
    #[error("{record}: {detail}")]
    Malformed { record: String, detail: String },
    #[error("schema {found}, this version reads up to {supported}")]
    NewerSchema { found: u32, supported: u32 },
}

fn malformed(record: &str, error: impl std::fmt::Display) -> DecodeError {
    DecodeError::Malformed {
        record: record.to_string(),
        detail: error.to_string(),
    }
}

/// Reads the store through `get` (key -> text). `Ok(None)` means nothing
/// is stored yet (first start).
pub fn decode(get: impl Fn(&str) -> Option<String>) -> Result<Option<Stored>, DecodeError> {
    let Some(meta_text) = get(META_KEY) else {
        return match get(LEGACY_STATE_KEY) {
            Some(text) => decode_v1(&text).map(Some),
            None => Ok(None),
        };
    };
    let header: Header = json::from_str(&meta_text).map_err(|e| malformed(META_KEY, e))?;
    if header.schema > SCHEMA_VERSION {
        return Err(DecodeError::NewerSchema {
            found: header.schema,
            supported: SCHEMA_VERSION,
        });
    }
    if !(2..=SCHEMA_VERSION).contains(&header.schema) {
        return Err(malformed(
            META_KEY,
            format!("schema {} has no meta record", header.schema),
        ));
    }
    let meta: Meta = json::from_str(&meta_text).map_err(|e| malformed(META_KEY, e))?;
    let mut accounts = Vec::with_capacity(meta.accounts.len());
    for id in &meta.accounts {
        let key = account_key(*id);
        let text = get(&key).ok_or_else(|| malformed(&key, "missing"))?;
        let mut account: Account = json::from_str(&text).map_err(|e| malformed(&key, e))?;
        if account.id != *id {
            return Err(malformed(&key, format!("holds account {}", account.id)));
        }
        if header.schema >= 3 {
            let index: UsersIndex = json::from_str(&text).map_err(|e| malformed(&key, e))?;
            // The counts are checked once read: a damaged or hostile record
            // must not reserve more than a real store could hold.
            account.users = Vec::with_capacity(index.user_count.min(MAX_RESERVED));
            for chunk in index.user_chunks {
                let key = users_key(*id, chunk);
                let text = get(&key).ok_or_else(|| malformed(&key, "missing"))?;
                decode_users(&text, chunk, &mut account.users).map_err(|e| malformed(&key, e))?;
            }
            account.audit = Vec::with_capacity(index.log_count.min(MAX_RESERVED));
            for chunk in 0..index.log_count.div_ceil(ENTRIES_PER_LOG_CHUNK) {
                let key = log_key(*id, chunk);
                let text = get(&key).ok_or_else(|| malformed(&key, "missing"))?;
                let entries: Vec<AuditEntry> =
                    json::from_str(&text).map_err(|e| malformed(&key, e))?;
                account.audit.extend(entries);
            }
            if account.audit.len() != index.log_count {
                return Err(malformed(
                    &key,
                    format!(
                        "{} log entries stored, {} expected",
                        account.audit.len(),
                        index.log_count
                    ),
                ));
            }
            let held: HistoryIndex = json::from_str(&text).map_err(|e| malformed(&key, e))?;
            let (count, months, summaries) =
                history::decode_index(&held.history).map_err(|e| malformed(&key, e))?;
            account.history.meetings = Vec::new();
            account.history.summaries = summaries;
            for month in months {
                let key = history_key(*id, month);
                let text = get(&key).ok_or_else(|| malformed(&key, "missing"))?;
                history::decode_history(&text, month, &mut account.history)
                    .map_err(|e| malformed(&key, e))?;
            }
            history::sort_history(&mut account.history);
            if account.history.meetings.len() != count {
                return Err(malformed(
                    &key,
                    format!(
                        "{} past meetings stored, {} expected",
                        account.history.meetings.len(),
                        count
                    ),
                ));
            }
            if account.users.len() != index.user_count {
                return Err(malformed(
                    &key,
                    format!(
                        "{} users stored, {} expected",
                        account.users.len(),
                        index.user_count
                    ),
                ));
            }
        } else {
            // Schema 2 kept users in any order; they are found by id now.
            crate::order::sort_by_key(&mut account.users, |u| u.id.0 as u128);
        }
        accounts.push(account);
    }
    Ok(Some(Stored {
        portal: Portal { accounts },
        revision: meta.revision,
        saved_at: meta.saved_at,
        // Schema 3's and 4's records are schema 5's without groups or
        // history: kept as they are (the next save writes schema 5).
        migrated_from: (header.schema < 3).then_some(header.schema),
    }))
}

/// Reads only the revision of the stored meta record, if readable.
pub fn stored_revision(meta_text: &str) -> Option<u64> {
    json::from_str::<Meta>(meta_text).ok().map(|m| m.revision)
}

/// The meta record for `portal` at `revision`.
pub fn encode_meta(portal: &Portal, revision: u64, saved_at: Timestamp) -> String {
    let meta = Meta {
        schema: SCHEMA_VERSION,
        revision,
        saved_at,
        accounts: portal.accounts.iter().map(|a| a.id).collect(),
    };
    json::to_string(&meta)
}

/// The account record (everything but the users, and which user chunks
/// hold those).
pub fn encode_account(account: &Account, chunks: &[UserChunk<'_>]) -> String {
    let mut out = json::to_string(account);
    let mut object = json::Object::reopen(&mut out);
    let numbers: Vec<u32> = chunks.iter().map(|c| c.number).collect();
    object.field("user_chunks", &numbers);
    object.field("user_count", &account.users.len());
    object.field("log_count", &account.audit.len());
    let months: Vec<crate::Month> = history_chunks(account).iter().map(|c| c.month).collect();
    object.field("history", &history::encode_index(&account.history, &months));
    object.end();
    out
}

/// The users of one id range, stored under one key.
///
/// Text: a first line with the chunk's common email domain (`@acme.example`,
/// or empty), then one CSV row per user: `id step, email, first name, last
/// name, flags[, password hash]`. The id step is the difference to the
/// previous id (empty for 1; the first from `n*1000 - 1`); an email in the
/// common domain is kept as `local@`. Flags: the role (`O`wner, `A`dmin,
/// `M`ember), `+` for the billing privilege, the license (`B`asic,
/// `L`icensed), then the Large Meetings capacity in hundreds (`5`, `10`,
/// `30`, `50`) if any. The password column is left out for users without
/// one.
#[derive(Clone, Copy, Debug)]
pub struct UserChunk<'a> {
    pub number: u32,
    pub users: &'a [User],
}

impl UserChunk<'_> {
    pub fn key(&self, account: AccountId) -> String {
        users_key(account, self.number)
    }

    pub fn encode(&self) -> String {
        let domain = common_domain(self.users);
        let mut out = String::with_capacity(self.users.len() * 48);
        if let Some(domain) = domain {
            out.push_str(domain);
        }
        out.push('\n');
        let mut writer = CsvOut::with_capacity(self.users.len() * 48);
        // One before the chunk's first id, so the first step is at least 1.
        let mut previous = i64::from(self.number) * i64::from(USERS_PER_CHUNK) - 1;
        let mut step = String::new();
        let mut flags = String::new();
        for user in self.users {
            step.clear();
            let id = i64::from(user.id.0);
            if id - previous != 1 {
                step.push_str(&(id - previous).to_string());
            }
            previous = id;
            let email = user.email.as_str();
            let email = match domain {
                Some(d) if email.ends_with(d) => &email[..email.len() - d.len() + 1],
                _ => email,
            };
            encode_flags(user, &mut flags);
            match &user.password {
                Some(hash) => writer.record([
                    step.as_str(),
                    email,
                    &user.first_name,
                    &user.last_name,
                    &flags,
                    hash.as_phc(),
                ]),
                None => writer.record([
                    step.as_str(),
                    email,
                    &user.first_name,
                    &user.last_name,
                    &flags,
                ]),
            }
        }
        out.push_str(&writer.into_string());
        out
    }
}

/// The account's users by chunk, lowest ids first.
pub fn user_chunks(account: &Account) -> Vec<UserChunk<'_>> {
    account
        .users
        .chunk_by(|a, b| a.id.0 / USERS_PER_CHUNK == b.id.0 / USERS_PER_CHUNK)
        .map(|users| UserChunk {
            number: users[0].id.0 / USERS_PER_CHUNK,
            users,
        })
        .collect()
}

/// Users ordered by id (any ids, not one account's whole list) in the
/// stored form of user chunks: each chunk's number and text.
pub fn encode_users(users: &[User]) -> Vec<(u32, String)> {
    (users.chunk_by(|a, b| a.id.0 / USERS_PER_CHUNK == b.id.0 / USERS_PER_CHUNK))
        .map(|users| {
            let number = users[0].id.0 / USERS_PER_CHUNK;
            (number, UserChunk { number, users }.encode())
        })
        .collect()
}

/// The users [`encode_users`] wrote.
pub fn decode_user_chunks(chunks: &[(u32, String)]) -> Result<Vec<User>, String> {
    let mut users = Vec::new();
    for (number, text) in chunks {
        decode_users(text, *number, &mut users)?;
    }
    Ok(users)
}

/// The domain (with its `@`) most of the users' emails end in, if shared
/// by at least two.
fn common_domain(users: &[User]) -> Option<&str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for user in users {
        let email = user.email.as_str();
        let Some(at) = email.rfind('@') else { continue };
        let domain = &email[at..];
        if let Some(entry) = counts.iter_mut().find(|(seen, _)| *seen == domain) {
            entry.1 += 1;
        } else if counts.len() < 16 {
            counts.push((domain, 1));
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .max_by_key(|(_, n)| *n)
        .map(|(d, _)| d)
}

fn encode_flags(user: &User, out: &mut String) {
    out.clear();
    out.push(match user.role {
        Role::Owner => 'O',
        Role::Admin => 'A',
        Role::Member => 'M',
    });
    if user.billing_privilege {
        out.push('+');
    }
    out.push(match user.license {
        BaseLicense::Basic => 'B',
        BaseLicense::Licensed => 'L',
    });
    if let Some(capacity) = user.large_meetings {
        out.push_str(&(capacity.participants() / 100).to_string());
    }
    // Schema 4: the user's groups and what they give, one letter each.
    let membership = &user.membership;
    for group in &membership.groups {
        out.push('g');
        out.push_str(&group.0.to_string());
    }
    if let Some(group) = membership.license_from {
        out.push('w');
        out.push_str(&group.0.to_string());
    }
    if let Some(group) = membership.large_meetings_from {
        out.push('f');
        out.push_str(&group.0.to_string());
    }
    if let Some(capacity) = membership.direct_large_meetings {
        out.push('d');
        out.push_str(&(capacity.participants() / 100).to_string());
    }
    // Schema 6: when the Large Meetings given directly end, in ms.
    if let Some(until) = membership.until {
        out.push('u');
        out.push_str(&until.0.to_string());
    }
}

/// A stored capacity: its participants in hundreds.
fn decode_hundreds(text: &str) -> Option<Capacity> {
    let n: u32 = text.parse().ok()?;
    Capacity::from_participants(n.checked_mul(100)?).ok()
}

/// The groups part of stored flags (`g1g4w1f4d5`): memberships (ascending),
/// then at most one each of `w`, `f` and `d`, in that order; `d` only
/// after `f`. Anything else is refused.
fn decode_membership(mut text: &str) -> Option<Membership> {
    let mut membership = Membership::default();
    // The rank of the latest letter: g 0, w 1, f 2, d 3, u 4.
    let mut last = None;
    while let Some(letter) = text.chars().next() {
        let rest = &text[letter.len_utf8()..];
        let end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let digits = &rest[..end];
        if digits.is_empty() || (digits.len() > 1 && digits.starts_with('0')) {
            return None;
        }
        let rank = match letter {
            'g' => 0,
            'w' => 1,
            'f' => 2,
            'd' => 3,
            'u' => 4,
            _ => return None,
        };
        if last.is_some_and(|last| rank < last || (rank == last && rank > 0)) {
            return None;
        }
        last = Some(rank);
        let id = digits.parse::<u32>().ok().map(GroupId);
        match rank {
            0 => {
                let id = id?;
                if membership.groups.last().is_some_and(|last| *last >= id) {
                    return None;
                }
                membership.groups.push(id);
            }
            1 => membership.license_from = Some(id?),
            2 => membership.large_meetings_from = Some(id?),
            3 => {
                membership.large_meetings_from?;
                membership.direct_large_meetings = Some(decode_hundreds(digits)?);
            }
            _ => membership.until = Some(Timestamp(digits.parse().ok()?)),
        }
        text = &rest[end..];
    }
    Some(membership)
}

/// A user's flags as stored.
struct Flags {
    role: Role,
    billing_privilege: bool,
    license: BaseLicense,
    large_meetings: Option<Capacity>,
    membership: Membership,
}

fn decode_flags(text: &str) -> Option<Flags> {
    let mut chars = text.chars();
    let role = match chars.next()? {
        'O' => Role::Owner,
        'A' => Role::Admin,
        'M' => Role::Member,
        _ => return None,
    };
    let mut rest = chars.as_str();
    let privilege = rest.starts_with('+');
    if privilege {
        rest = &rest[1..];
    }
    let license = match rest.chars().next()? {
        'B' => BaseLicense::Basic,
        'L' => BaseLicense::Licensed,
        _ => return None,
    };
    let rest = &rest[1..];
    let (hundreds, groups) = rest.split_at(
        rest.find(|c: char| c.is_ascii_lowercase())
            .unwrap_or(rest.len()),
    );
    let large_meetings = match hundreds {
        "" => None,
        hundreds => Some(decode_hundreds(hundreds)?),
    };
    let membership = decode_membership(groups)?;
    let direct = match membership.large_meetings_from {
        Some(_) => membership.direct_large_meetings,
        None => large_meetings,
    };
    let consistent = (membership.license_from.is_none() || license == BaseLicense::Licensed)
        && (membership.large_meetings_from.is_none() || large_meetings.is_some())
        && (membership.until.is_none() || direct.is_some());
    consistent.then_some(Flags {
        role,
        billing_privilege: privilege,
        license,
        large_meetings,
        membership,
    })
}

/// Appends the users of chunk `number` stored as `text` to `out`.
fn decode_users(text: &str, number: u32, out: &mut Vec<User>) -> Result<(), String> {
    let (domain, rows) = text.split_once('\n').ok_or("no domain line")?;
    if !(domain.is_empty() || domain.starts_with('@')) {
        return Err("bad domain line".into());
    }
    let mut previous = i64::from(number) * i64::from(USERS_PER_CHUNK) - 1;
    let mut rows = Records::new(rows.as_bytes().to_vec(), b',');
    let mut bytes = Record::new();
    let mut email = String::new();
    while rows.read(&mut bytes) {
        let row = || format!("row {}", rows.count());
        let mut record = [""; 6];
        if !(5..=6).contains(&bytes.len()) {
            return Err(format!("{}: {} cells", row(), bytes.len()));
        }
        for (cell, field) in record.iter_mut().zip(bytes.iter()) {
            *cell = std::str::from_utf8(field).map_err(|_| format!("{}: not text", row()))?;
        }
        let step = match record[0] {
            "" => 1,
            text => text
                .parse::<u32>()
                .map_err(|_| format!("{}: bad id", row()))?,
        };
        let id = u32::try_from(previous + i64::from(step))
            .ok()
            .filter(|id| step > 0 && *id / USERS_PER_CHUNK == number)
            .ok_or_else(|| format!("{}: id out of order", row()))?;
        previous = i64::from(id);
        email.clear();
        email.push_str(record[1]);
        if email.ends_with('@') {
            email.pop();
            email.push_str(domain);
        }
        let parsed = Email::parse(&email).map_err(|e| format!("{}: {e}", row()))?;
        if parsed.as_str() != email {
            return Err(format!("{}: email not in stored form", row()));
        }
        let Flags {
            role,
            billing_privilege,
            license,
            large_meetings,
            membership,
        } = decode_flags(record[4]).ok_or_else(|| format!("{}: bad flags", row()))?;
        let password = match bytes.len() {
            6 => Some(PasswordHash::from_phc(record[5]).map_err(|e| format!("{}: {e}", row()))?),
            _ => None,
        };
        out.push(User {
            id: UserId(id),
            email: parsed,
            first_name: record[2].to_string(),
            last_name: record[3].to_string(),
            role,
            billing_privilege,
            license,
            large_meetings,
            password,
            membership,
        });
    }
    Ok(())
}

/// Every key and text of a full save, meta record last.
pub fn encode_all(portal: &Portal, revision: u64, saved_at: Timestamp) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for account in &portal.accounts {
        encode_records(account, &mut out);
    }
    out.push((
        META_KEY.to_string(),
        encode_meta(portal, revision, saved_at),
    ));
    out
}

/// Every key and text of one account (all but the meta record), the
/// account record last, appended to `out`: what a full save writes for it,
/// and what a backup holds ([`crate::backup`]).
pub fn encode_records(account: &Account, out: &mut Vec<(String, String)>) {
    let chunks = user_chunks(account);
    for chunk in &chunks {
        out.push((chunk.key(account.id), chunk.encode()));
    }
    for (n, entries) in log_chunks(account).enumerate() {
        out.push((log_key(account.id, n), encode_log_chunk(entries)));
    }
    for chunk in history_chunks(account) {
        out.push((chunk.key(account.id), chunk.encode()));
    }
    out.push((account_key(account.id), encode_account(account, &chunks)));
}

/// Schema 1: `{"schema":1,"revision":N,"saved_at":ms,"data":{"accounts":[...]}}`
/// under `lmp.state`. Base plans had no billing term: they get an annual
/// term starting on the day the data was saved.
fn decode_v1(text: &str) -> Result<Stored, DecodeError> {
    let fail = |e: json::JsonError| malformed(LEGACY_STATE_KEY, e);
    // First the record's header (its keys may come in any order)...
    let header = json::from_str::<V1Header>(text).map_err(fail)?;
    match header.schema {
        Some(1) => {}
        Some(found) if found > u64::from(SCHEMA_VERSION) => {
            return Err(DecodeError::NewerSchema {
                found: u32::try_from(found).unwrap_or(u32::MAX),
                supported: SCHEMA_VERSION,
            })
        }
        other => {
            return Err(malformed(
                LEGACY_STATE_KEY,
                format!("unexpected schema {other:?}"),
            ))
        }
    }
    let (Some(revision), Some(saved_at)) = (header.revision, header.saved_at) else {
        return Err(malformed(LEGACY_STATE_KEY, "revision or saved_at missing"));
    };
    // ...then the accounts, whose base plans get a term from `saved_at`.
    let mut reader = Reader::new(text);
    reader.legacy_term = Some(Term::start(
        BillingCycle::Annual,
        Day::of(Timestamp(saved_at)),
    ));
    let mut accounts: Option<Vec<Account>> = None;
    reader
        .object(&mut |r, key| match key {
            "data" => r.object(&mut |r, key| match key {
                "accounts" => Decode::decode(r).map(|a| accounts = Some(a)),
                _ => r.skip(),
            }),
            _ => r.skip(),
        })
        .and_then(|()| reader.finish())
        .map_err(fail)?;
    let mut accounts = accounts.ok_or_else(|| malformed(LEGACY_STATE_KEY, "no accounts"))?;
    for account in &mut accounts {
        crate::order::sort_by_key(&mut account.users, |u| u.id.0 as u128);
    }
    Ok(Stored {
        portal: Portal { accounts },
        revision,
        saved_at: Timestamp(saved_at),
        migrated_from: Some(1),
    })
}

/// Schema 1's top-level fields; each is checked by `decode_v1`.
struct V1Header {
    schema: Option<u64>,
    revision: Option<u64>,
    saved_at: Option<i64>,
}

impl Decode for V1Header {
    fn decode(r: &mut Reader<'_>) -> json::Result<Self> {
        Ok(crate::decode_fields!(
            r,
            V1Header {
                schema,
                revision,
                saved_at
            }
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use proptest::prelude::*;
    use std::collections::HashMap;

    const T0: Timestamp = Timestamp(1_800_000_000_000);

    fn store(pairs: Vec<(String, String)>) -> HashMap<String, String> {
        pairs.into_iter().collect()
    }

    fn read(map: &HashMap<String, String>) -> Result<Option<Stored>, DecodeError> {
        decode(|key| map.get(key).cloned())
    }

    #[test]
    fn nothing_stored_means_first_start() {
        assert_eq!(read(&HashMap::new()), Ok(None));
    }

    #[test]
    fn the_demo_portal_survives_a_round_trip() {
        let portal = demo::portal(T0);
        let stored = read(&store(encode_all(&portal, 7, T0))).unwrap().unwrap();
        assert_eq!(stored.portal, portal);
        assert_eq!(stored.revision, 7);
        assert_eq!(stored.saved_at, T0);
        assert_eq!(stored.migrated_from, None);
    }

    #[test]
    fn records_are_written_byte_for_byte_as_serde_writes_them() {
        let portal = demo::portal(T0);
        for account in &portal.accounts {
            let chunks = user_chunks(account);
            let serde = serde_json::to_string(&HeadOut {
                account,
                user_chunks: chunks.iter().map(|c| c.number).collect(),
                user_count: account.users.len(),
                log_count: account.audit.len(),
                history: history::encode_index(
                    &account.history,
                    &history_chunks(account)
                        .iter()
                        .map(|c| c.month)
                        .collect::<Vec<_>>(),
                ),
            })
            .unwrap();
            assert_eq!(encode_account(account, &chunks), serde);
            assert_eq!(
                encode_log_chunk(&account.audit),
                serde_json::to_string(&account.audit).unwrap()
            );
            for user in &account.users {
                assert_eq!(json::to_string(user), serde_json::to_string(user).unwrap());
            }
        }
        let meta = json::from_str::<Meta>(&encode_meta(&portal, 9, T0)).unwrap();
        assert_eq!(
            encode_meta(&portal, 9, T0),
            serde_json::to_string(&meta).unwrap()
        );
        let journal = Journal {
            revision: 4,
            at: T0,
            before: vec![
                ("lmp.meta".into(), None),
                ("a\"b".into(), Some("{\n}".into())),
            ],
        };
        assert_eq!(
            json::to_string(&journal),
            serde_json::to_string(&journal).unwrap()
        );
    }

    #[test]
    fn each_account_has_its_own_key_and_the_meta_record_comes_last() {
        let portal = demo::portal(T0);
        let keys: Vec<String> = encode_all(&portal, 1, T0)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        // The demo history covers the 90 days before T0 (2027-01-15).
        let months = ["2026-10", "2026-11", "2026-12", "2027-01"];
        let mut expected = Vec::new();
        for account in [1, 2] {
            expected.push(format!("lmp.account.{account}.users.0"));
            for month in months {
                expected.push(format!("lmp.account.{account}.history.{month}"));
            }
            expected.push(format!("lmp.account.{account}"));
        }
        expected.push("lmp.meta".into());
        assert_eq!(keys, expected);
    }

    #[test]
    fn damaged_data_is_reported_with_the_key_that_holds_it() {
        let portal = demo::portal(T0);
        let good = store(encode_all(&portal, 1, T0));
        let mut broken = good.clone();
        broken.insert("lmp.account.2".into(), "{\"id\":2,".into());
        let error = read(&broken).unwrap_err();
        assert!(
            matches!(&error, DecodeError::Malformed { record, .. } if record.starts_with("lmp.account.2")),
            "{error}"
        );

        let mut missing = good.clone();
        missing.remove("lmp.account.1");
        assert!(
            matches!(read(&missing), Err(DecodeError::Malformed { detail, .. }) if detail.contains("missing"))
        );

        let mut swapped = good.clone();
        let one = good["lmp.account.1"].clone();
        swapped.insert("lmp.account.2".into(), one);
        assert!(matches!(read(&swapped), Err(DecodeError::Malformed { .. })));

        let mut bad_meta = good;
        bad_meta.insert(META_KEY.into(), "not json".into());
        assert!(
            matches!(read(&bad_meta), Err(DecodeError::Malformed { record, .. }) if record == META_KEY)
        );
    }

    #[test]
    fn a_newer_schema_is_recognised_as_such() {
        let mut map = HashMap::new();
        map.insert(
            META_KEY.to_string(),
            r#"{"schema":9,"whatever":true}"#.to_string(),
        );
        assert_eq!(
            read(&map),
            Err(DecodeError::NewerSchema {
                found: 9,
                supported: SCHEMA_VERSION
            })
        );
    }

    #[test]
    fn a_stored_plain_text_password_is_refused() {
        let portal = demo::portal(T0);
        let mut map = store(encode_all(&portal, 1, T0));
        let phc = portal.accounts[0].users[0]
            .password
            .as_ref()
            .unwrap()
            .as_phc()
            .to_owned();
        let tampered = map["lmp.account.1.users.0"].replacen(&phc, "Demo!2026", 1);
        map.insert("lmp.account.1.users.0".into(), tampered);
        assert!(matches!(read(&map), Err(DecodeError::Malformed { .. })));
    }

    #[test]
    fn schema_1_data_is_migrated_without_losing_anything() {
        let text = include_str!("../tests/fixtures/schema-v1.json");
        let mut map = HashMap::new();
        map.insert(LEGACY_STATE_KEY.to_string(), text.to_string());
        let stored = read(&map).unwrap().unwrap();
        assert_eq!(stored.migrated_from, Some(1));
        assert_eq!(stored.revision, 3);
        let old: serde_json::Value = serde_json::from_str(text).unwrap();
        let accounts = &stored.portal.accounts;
        assert_eq!(accounts.len(), 2);
        for (account, old) in accounts
            .iter()
            .zip(old["data"]["accounts"].as_array().unwrap())
        {
            assert_eq!(account.name, old["name"].as_str().unwrap());
            assert_eq!(account.users.len(), old["users"].as_array().unwrap().len());
            assert_eq!(
                account.meetings.len(),
                old["meetings"].as_array().unwrap().len()
            );
            assert_eq!(
                account.base_plan.seats,
                old["base_plan"]["seats"].as_u64().unwrap() as u32
            );
            assert_eq!(account.base_plan.term.started_on, Day::of(T0));
            assert!(account.large_meetings.is_empty() && account.orders.is_empty());
            for (user, old) in account.users.iter().zip(old["users"].as_array().unwrap()) {
                assert_eq!(user.email.as_str(), old["email"].as_str().unwrap());
                assert_eq!(
                    user.password.as_ref().unwrap().as_phc(),
                    old["password"].as_str().unwrap()
                );
                assert_eq!(user.large_meetings, None);
            }
        }
        let again = read(&store(encode_all(&stored.portal, 4, T0)))
            .unwrap()
            .unwrap();
        assert_eq!(
            again.portal, stored.portal,
            "migrated data saves as schema 4"
        );
    }

    /// An account of `n` imported-looking users (as the benchmark makes).
    fn big_account(n: u32) -> Portal {
        let mut portal = demo::portal(T0);
        let account = &mut portal.accounts[0];
        let first = [
            "Anna", "Erik", "Maria", "Lars", "Karin", "James", "Olivia", "Noah",
        ];
        let last = [
            "Lindqvist",
            "Andersson",
            "Johansson",
            "Smith",
            "Williams",
            "Nilsson",
        ];
        for i in 0..n {
            let (f, l) = (first[i as usize % 8], last[i as usize % 6]);
            let id = account.users.last().map_or(0, |u| u.id.0) + 1;
            account.last_user_id = id;
            account.users.push(User {
                id: UserId(id),
                email: Email::parse(&format!("{f}.{l}.{i}@bench.example")).unwrap(),
                first_name: f.into(),
                last_name: l.into(),
                role: Role::Member,
                billing_privilege: false,
                license: if i % 5 < 2 {
                    BaseLicense::Licensed
                } else {
                    BaseLicense::Basic
                },
                large_meetings: (i % 10 == 0).then_some(Capacity::P500),
                password: None,
                membership: Default::default(),
            });
        }
        portal
    }

    #[test]
    fn fifty_thousand_users_take_under_sixty_code_units_each() {
        let portal = big_account(50_000);
        let units: usize = encode_all(&portal, 1, T0)
            .iter()
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum();
        let users: usize = portal.accounts.iter().map(|a| a.users.len()).sum();
        let per_user = units as f64 / users as f64;
        eprintln!("{per_user:.1} UTF-16 code units per user at 50,000 users");
        assert!(per_user <= 60.0, "{per_user:.1} code units per user");
        let stored = read(&store(encode_all(&portal, 1, T0))).unwrap().unwrap();
        assert_eq!(stored.portal, portal);
    }

    #[test]
    fn one_changed_user_changes_one_chunk_only() {
        let mut portal = big_account(5_000);
        let before = encode_all(&portal, 1, T0);
        let account = &mut portal.accounts[0];
        let changed_chunk = users_key(account.id, account.users[2500].id.0 / USERS_PER_CHUNK);
        account.users[2500].large_meetings = Some(Capacity::P5000);
        let after = encode_all(&portal, 1, T0);
        assert_eq!(before.len(), after.len());
        let changed: Vec<&str> = before
            .iter()
            .zip(&after)
            .filter(|(b, a)| b != a)
            .map(|(b, _)| b.0.as_str())
            .collect();
        assert_eq!(changed, [changed_chunk.as_str()]);
    }

    #[test]
    fn a_long_activity_log_is_chunked_and_an_entry_changes_only_the_last_chunk() {
        let mut portal = big_account(3_000);
        let owner = portal.accounts[0].users[0].id;
        let users: Vec<UserId> = portal.accounts[0]
            .users
            .iter()
            .filter(|u| u.license == BaseLicense::Licensed && u.large_meetings.is_none())
            .map(|u| u.id)
            .take(500)
            .collect();
        let account = &mut portal.accounts[0];
        account.base_plan.seats = 10_000;
        account
            .execute(
                owner,
                T0,
                crate::Command::PurchaseLargeMeetings {
                    capacity: Capacity::P1000,
                    quantity: crate::Quantity::new(2_000).unwrap(),
                    cycle: BillingCycle::Monthly,
                },
            )
            .unwrap();
        for chunk in users.chunks(100) {
            account
                .execute(
                    owner,
                    T0,
                    crate::Command::BulkAssignLargeMeetings {
                        users: chunk.to_vec(),
                        capacity: Capacity::P1000,
                        until: None,
                    },
                )
                .unwrap();
        }
        // Move them back and forth until the log spans three chunks.
        while account.audit.len() < 2 * ENTRIES_PER_LOG_CHUNK + 10 {
            account
                .execute(
                    owner,
                    T0,
                    crate::Command::BulkRemoveLargeMeetings {
                        users: users.clone(),
                    },
                )
                .unwrap();
            account
                .execute(
                    owner,
                    T0,
                    crate::Command::BulkAssignLargeMeetings {
                        users: users.clone(),
                        capacity: Capacity::P1000,
                        until: None,
                    },
                )
                .unwrap();
        }
        let before = store(encode_all(&portal, 1, T0));
        assert!(before.contains_key("lmp.account.1.log.2"));
        assert_eq!(read(&before).unwrap().unwrap().portal, portal);

        let account = &mut portal.accounts[0];
        account
            .execute(
                owner,
                T0,
                crate::Command::BulkRemoveLargeMeetings {
                    users: vec![users[0]],
                },
            )
            .unwrap();
        let after = store(encode_all(&portal, 2, T0));
        let mut changed: Vec<&str> = after
            .iter()
            .filter(|(k, v)| before.get(*k) != Some(v))
            .map(|(k, _)| k.as_str())
            .collect();
        changed.sort();
        assert_eq!(
            changed,
            [
                "lmp.account.1",
                "lmp.account.1.log.2",
                "lmp.account.1.users.0",
                "lmp.meta"
            ]
        );
    }

    #[test]
    fn log_entries_stored_with_their_target_as_text_load_as_typed_targets() {
        use crate::audit::{AuditAction, AuditTarget};
        // An entry as builds before the typed target stored it: the same
        // fields, the target as text.
        #[derive(Serialize)]
        struct TextTarget<'a> {
            at: Timestamp,
            actor: Option<UserId>,
            actor_email: Option<Email>,
            target: &'a str,
            action: AuditAction,
        }
        let email = |text: &str| Email::parse(text).unwrap();
        let cases = [
            ("Large Meetings 3000", AuditTarget::Line(Capacity::P3000)),
            ("1 user", AuditTarget::Imported { count: 1 }),
            ("1 users", AuditTarget::Imported { count: 1 }),
            ("50000 users", AuditTarget::Imported { count: 50_000 }),
            (
                "member@acme.example",
                AuditTarget::User(email("member@acme.example")),
            ),
            (
                "Zoom Workplace Business",
                AuditTarget::Named("Zoom Workplace Business".into()),
            ),
            (
                "Large Meetings 700",
                AuditTarget::Named("Large Meetings 700".into()),
            ),
        ];
        let mut portal = demo::portal(T0);
        let owner = portal.accounts[0].users[0].id;
        portal.accounts[0]
            .execute(
                owner,
                T0,
                crate::Command::AddBaseSeats {
                    quantity: crate::Quantity::new(1).unwrap(),
                },
            )
            .unwrap();
        let written = portal.accounts[0].audit[0].clone();
        for (text, typed) in cases {
            let old = serde_json::to_string(&[TextTarget {
                at: written.at,
                actor: written.actor,
                actor_email: written.actor_email.clone(),
                target: text,
                action: written.action.clone(),
            }])
            .unwrap();
            let mut map = store(encode_all(&portal, 1, T0));
            map.insert(log_key(portal.accounts[0].id, 0), old.clone());
            let loaded = read(&map).unwrap().unwrap().portal;
            let entry = &loaded.accounts[0].audit[0];
            assert_eq!(entry.target, typed, "{text}");
            assert_eq!(entry.action, written.action);
            // Written back in the same form ("1 users" as "1 user").
            let again = encode_log_chunk(&loaded.accounts[0].audit);
            assert_eq!(again, old.replace("1 users", "1 user"), "{text}");
        }
    }

    #[test]
    fn a_missing_log_chunk_is_reported() {
        let mut portal = demo::portal(T0);
        let owner = portal.accounts[0].users[0].id;
        portal.accounts[0]
            .execute(
                owner,
                T0,
                crate::Command::AddBaseSeats {
                    quantity: crate::Quantity::new(1).unwrap(),
                },
            )
            .unwrap();
        let mut map = store(encode_all(&portal, 1, T0));
        assert!(map.remove("lmp.account.1.log.0").is_some());
        assert!(
            matches!(read(&map), Err(DecodeError::Malformed { record, detail }) if record == "lmp.account.1.log.0" && detail == "missing")
        );
    }

    #[test]
    fn users_with_commas_quotes_line_breaks_and_other_domains_round_trip() {
        let mut portal = demo::portal(T0);
        let account = &mut portal.accounts[0];
        account.users[3].first_name = "Anna, \"Jr\"\nSecond line".into();
        account.users[4].last_name = "\u{202e}Åström <b>".into();
        account.users[5].email = Email::parse("someone@other.example").unwrap();
        account.users[6].large_meetings = Some(Capacity::P3000);
        account.users.remove(7);
        let stored = read(&store(encode_all(&portal, 1, T0))).unwrap().unwrap();
        assert_eq!(stored.portal, portal);
    }

    #[test]
    fn a_damaged_or_missing_user_chunk_is_reported_with_its_key() {
        let portal = demo::portal(T0);
        let good = store(encode_all(&portal, 1, T0));
        for damage in [
            "",
            "@acme.example\n,x,A,B,MB\n",
            "@acme.example\n,a@,A,B,ZZ\n",
            "@acme.example\n0,a@,A,B,MB\n",
            "@acme.example\n,a@,A,B,ML7\n",
            "@acme.example\n,a@,A\n",
        ] {
            let mut map = good.clone();
            map.insert("lmp.account.1.users.0".into(), damage.into());
            let error = read(&map).unwrap_err();
            assert!(
                matches!(&error, DecodeError::Malformed { record, .. } if record.starts_with("lmp.account.1")),
                "{damage:?}: {error}"
            );
        }
        let mut missing = good;
        missing.remove("lmp.account.2.users.0");
        assert!(
            matches!(read(&missing), Err(DecodeError::Malformed { record, detail }) if record == "lmp.account.2.users.0" && detail == "missing")
        );
    }

    #[test]
    fn group_flags_are_read_strictly_and_hostile_ones_refused_without_panic() {
        let read = |flags: &str| decode_flags(flags).map(|f| f.membership);
        let ok = read("ML10g1g4f4d5").unwrap();
        assert_eq!(ok.groups, [GroupId(1), GroupId(4)]);
        assert_eq!(ok.large_meetings_from, Some(GroupId(4)));
        assert_eq!(ok.direct_large_meetings, Some(Capacity::P500));
        assert_eq!(read("MLg2w2").unwrap().license_from, Some(GroupId(2)));
        for bad in [
            "ML10g4g1",
            "ML10g1g1",
            "ML10f1g1",
            "ML10w1w1",
            "ML10d5",
            "ML10f1d5d5",
            "ML10d5f1",
            "ML10g",
            "ML10g01",
            "ML10x1",
            "ML10g1é",
            "ML10g1\u{1F600}1",
            "MBw1",
            "ML10f1d7",
        ] {
            assert!(read(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn schema_2_data_is_migrated_without_losing_anything() {
        // Schema 2 had no groups and no history.
        let mut portal = demo::portal(T0);
        for account in &mut portal.accounts {
            account.history = Default::default();
            account.groups.clear();
            account.last_group_id = 0;
            for user in &mut account.users {
                user.membership = Membership::default();
            }
        }
        let mut map = HashMap::new();
        #[derive(Serialize)]
        struct V2<'a> {
            #[serde(flatten)]
            account: &'a Account,
            users: &'a [User],
            audit: &'a [AuditEntry],
        }
        for account in &portal.accounts {
            let mut users = account.users.clone();
            users.reverse();
            map.insert(
                account_key(account.id),
                serde_json::to_string(&V2 {
                    account,
                    users: &users,
                    audit: &account.audit,
                })
                .unwrap(),
            );
        }
        map.insert(
            META_KEY.into(),
            r#"{"schema":2,"revision":5,"saved_at":0,"accounts":[1,2]}"#.into(),
        );
        let stored = read(&map).unwrap().unwrap();
        assert_eq!(stored.migrated_from, Some(2));
        assert_eq!(stored.revision, 5);
        assert_eq!(stored.portal, portal, "users come back in id order");
    }

    #[test]
    fn damaged_schema_1_data_is_reported() {
        for text in [
            "",
            "{",
            r#"{"schema":1}"#,
            r#"{"schema":1,"revision":1,"saved_at":0,"data":{}}"#,
            r#"{"schema":0}"#,
        ] {
            let mut map = HashMap::new();
            map.insert(LEGACY_STATE_KEY.to_string(), text.to_string());
            assert!(
                matches!(read(&map), Err(DecodeError::Malformed { .. })),
                "{text}"
            );
        }
    }

    /// `n` held meetings over the last year of 50,000 users, as the
    /// benchmark makes them (one topic in 40, a peak of up to 1,200).
    fn with_history(n: u32) -> Portal {
        let mut portal = demo::portal(T0);
        let account = &mut portal.accounts[0];
        account.history = Default::default();
        let topics: Vec<String> = (0..40).map(|i| format!("Topic {i}")).collect();
        let year = crate::time::Duration::days(365).millis();
        for i in 0..n {
            let at = T0.millis() - year + i64::from(i) * (year / i64::from(n.max(1)));
            let at = Timestamp(at - at % 60_000);
            let host = UserId(1 + (i * 7919) % 50_000);
            let peak = (i * 37) % 1200;
            account
                .history
                .record(host, &topics[i as usize % 40], at, 15 + i % 120, peak)
                .unwrap();
        }
        portal
    }

    #[test]
    fn held_meetings_round_trip_in_about_nine_code_units_each() {
        let portal = with_history(200_000);
        let pairs = encode_all(&portal, 3, T0);
        let units: usize = pairs
            .iter()
            .filter(|(k, _)| k.starts_with("lmp.account.1.history."))
            .map(|(_, t)| t.encode_utf16().count())
            .sum();
        let per_meeting = units as f64 / 200_000.0;
        assert!(
            per_meeting < 10.0,
            "{per_meeting:.2} code units per meeting"
        );
        eprintln!("{per_meeting:.2} UTF-16 code units per held meeting");
        let months = (pairs.iter())
            .filter(|(k, _)| k.starts_with("lmp.account.1.history."))
            .count();
        assert!((12..=13).contains(&months), "{months} month keys");
        let stored = read(&store(pairs)).unwrap().unwrap();
        assert_eq!(stored.portal, portal);
    }

    #[test]
    fn summaries_of_old_months_are_kept_in_the_account_record() {
        let mut portal = with_history(2_000);
        let account = &mut portal.accounts[0];
        assert!(account.history.summarise(Day::of(T0)));
        assert!(!account.history.summaries.is_empty());
        let stored = read(&store(encode_all(&portal, 3, T0))).unwrap().unwrap();
        assert_eq!(stored.portal, portal);
    }

    #[test]
    fn schema_4_data_has_no_history_and_reads_as_it_is() {
        let mut portal = demo::portal(T0);
        for account in &mut portal.accounts {
            account.history = Default::default();
        }
        let mut map = store(encode_all(&portal, 2, T0));
        // What schema 4 wrote: no history fields in the account records.
        for account in &portal.accounts {
            let key = account_key(account.id);
            let text = map[&key].replace(r#","history":"AA""#, "");
            assert!(!text.contains("history"));
            map.insert(key, text);
        }
        let meta = map[META_KEY].replace(r#""schema":5"#, r#""schema":4"#);
        map.insert(META_KEY.into(), meta);
        let stored = read(&map).unwrap().unwrap();
        assert_eq!(stored.portal, portal);
        assert_eq!(stored.migrated_from, None);
    }

    #[test]
    fn counts_no_store_could_hold_are_refused_without_reserving_memory() {
        let portal = demo::portal(T0);
        let pairs = encode_all(&portal, 1, T0);
        let key = account_key(portal.accounts[0].id);
        let record = pairs.iter().find(|(k, _)| *k == key).unwrap().1.clone();
        let mut huge = String::new();
        for n in [u32::MAX, 0] {
            history::push_number_for_tests(&mut huge, n);
        }
        for (from, to) in [
            (
                r#""user_count":20"#.to_string(),
                r#""user_count":18446744073709551615"#.to_string(),
            ),
            (
                r#""log_count":0"#.to_string(),
                r#""log_count":18446744073709551615"#.to_string(),
            ),
            (
                format!(
                    r#""history":"{}"#,
                    &record.split(r#""history":""#).nth(1).unwrap()[..2]
                ),
                format!(r#""history":"{huge}"#),
            ),
        ] {
            assert!(record.contains(&from), "{from}");
            let mut map = store(pairs.clone());
            map.insert(key.clone(), record.replacen(&from, &to, 1));
            // (Too many log entries is found missing at the first log key.)
            assert!(
                matches!(read(&map), Err(DecodeError::Malformed { .. })),
                "{to}"
            );
        }
    }

    #[test]
    fn a_damaged_or_missing_history_month_is_reported_with_its_key() {
        let portal = demo::portal(T0);
        let pairs = encode_all(&portal, 1, T0);
        let (key, text) = pairs
            .iter()
            .find(|(k, _)| k.contains(".history."))
            .unwrap()
            .clone();
        let (meetings, topics) = text.split_once('\n').unwrap();
        let damaged = [
            String::new(),
            meetings.to_string(),
            format!("{}*\n{topics}", meetings),
            format!("{}\n{topics}", &meetings[..meetings.len() - 1]),
            // A topic index beyond the record of topics.
            format!("BAAAAAAAz\n{topics}"),
            // Minute 262,143 of a month.
            format!("B___AAAA\n{topics}"),
            // A duration of 0 and a peak above 100,000.
            format!("BAAAAAB\n{topics}"),
            format!("BAAAAB_____A\n{topics}"),
        ];
        for text in damaged {
            let mut map = store(pairs.clone());
            map.insert(key.clone(), text.clone());
            assert!(
                matches!(read(&map), Err(DecodeError::Malformed { ref record, .. }) if *record == key),
                "{text:?}"
            );
        }
        let mut map = store(pairs.clone());
        map.remove(&key);
        assert!(
            matches!(read(&map), Err(DecodeError::Malformed { ref record, .. }) if *record == key)
        );
    }

    proptest! {
        #[test]
        fn decoding_arbitrary_text_in_any_key_never_panics(
            meta in proptest::option::of(".{0,300}"),
            legacy in proptest::option::of(".{0,300}"),
            account in proptest::option::of(".{0,300}"),
        ) {
            let mut map = HashMap::new();
            if let Some(t) = meta { map.insert(META_KEY.to_string(), t); }
            if let Some(t) = legacy { map.insert(LEGACY_STATE_KEY.to_string(), t); }
            if let Some(t) = account { map.insert("lmp.account.1".to_string(), t); }
            let _ = read(&map);
        }

        #[test]
        fn decoding_arbitrary_history_months_never_panics(text in ".{0,300}", digits in "[A-Za-z0-9_-]{0,60}") {
            let pairs = encode_all(&demo::portal(T0), 1, T0);
            let key = pairs.iter().find(|(k, _)| k.contains(".history.")).unwrap().0.clone();
            for text in [text, format!("{digits}\nA,B")] {
                let mut map = store(pairs.clone());
                map.insert(key.clone(), text);
                let _ = read(&map);
            }
        }

        #[test]
        fn decoding_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let mut map = HashMap::new();
            map.insert(META_KEY.to_string(), r#"{"schema":3,"revision":1,"saved_at":0,"accounts":[1]}"#.to_string());
            map.insert("lmp.account.1".to_string(), r#"{"id":1,"user_chunks":[0],"user_count":1,"log_count":1}"#.to_string());
            map.insert("lmp.account.1.log.0".to_string(), text.clone());
            map.insert("lmp.account.1.users.0".to_string(), text.clone());
            let _ = read(&map);
            map.insert("lmp.account.1".to_string(), text.clone());
            let _ = read(&map);
            let mut legacy = HashMap::new();
            legacy.insert(LEGACY_STATE_KEY.to_string(), text);
            let _ = read(&legacy);
        }

        #[test]
        fn revisions_and_times_round_trip(revision in any::<u64>(), saved_at in any::<i64>()) {
            let portal = Portal { accounts: vec![] };
            let stored = read(&store(encode_all(&portal, revision, Timestamp(saved_at)))).unwrap().unwrap();
            prop_assert_eq!(stored.revision, revision);
            prop_assert_eq!(stored.saved_at, Timestamp(saved_at));
        }
    }

    #[test]
    fn a_journal_left_behind_is_rolled_back_unless_the_save_finished_or_is_running() {
        let t0 = Timestamp(1_800_000_000_000);
        let journal = Journal {
            revision: 8,
            at: t0,
            before: vec![
                ("lmp.meta".into(), Some("old".into())),
                ("lmp.x".into(), None),
            ],
        };
        let later = t0 + crate::time::Duration::seconds(3);
        assert_eq!(journal.recovery(Some(8), later), Recovery::Completed);
        assert_eq!(journal.recovery(Some(9), later), Recovery::Completed);
        assert_eq!(journal.recovery(Some(7), later), Recovery::RollBack);
        assert_eq!(journal.recovery(None, later), Recovery::RollBack);
        assert_eq!(journal.recovery(Some(7), t0), Recovery::InProgress);
        let text = serde_json::to_string(&journal).unwrap();
        assert_eq!(crate::json::from_str::<Journal>(&text).unwrap(), journal);
    }
}
