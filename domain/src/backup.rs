//! Backup and restore of one account: a file an owner downloads from one
//! browser and restores in another (or the same one, later).
//!
//! # The file
//!
//! One JSON object:
//!
//! ```json
//! {"format":"lmp-backup","version":1,"schema":5,"account":1,
//!  "name":"Acme Inc.","created_at":1796000000000,"sign_in_data":false,
//!  "records":{"lmp.account.1":"{…}","lmp.account.1.users.0":"@acme.example\n…",…}}
//! ```
//!
//! `records` holds the account exactly as the portal stores it (its
//! account record, user chunks, log chunks and history months, see
//! [`crate::persist`]), so a backup is read by the same decoder as the
//! browser's storage, with the same checks and the same migrations: a
//! backup written by a build with stored-data schema 5 is read by every
//! later build. `version` is the version of this wrapper; `schema` that of
//! the records. Without `sign_in_data` the user chunks have no password
//! column: nobody's password hash leaves the browser unless the owner asks.
//!
//! # Reading
//!
//! [`read`] checks the whole file before anything changes: that it is a
//! backup at all, of a version and schema this build reads, of the account
//! being restored, every record readable and belonging to that account,
//! and the account's rules kept ([`check_rules`]: seat counts, one owner,
//! every meeting's host, groups' licenses as their rules give them).
//! [`plan`] then says what the restore replaces with what ([`Counts`]) and
//! refuses a restore that would lock the restoring owner out.
//!
//! Hostile text is refused with a reason, never a panic (a property test
//! mutates backups at random, and `make fuzz` runs the `read_backup`
//! target); a file larger than any browser's storage is refused unread.

use crate::json::{self, Decode, Reader};
use crate::persist::{self, DecodeError, META_KEY, SCHEMA_VERSION};
use crate::{
    Account, AccountId, BaseLicense, Capacity, Day, Email, GroupId, Role, Timestamp, User, UserId,
};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};
use thiserror::Error;

/// The `format` of a backup file.
pub const FORMAT: &str = "lmp-backup";

/// The version of the backup wrapper this build writes and reads up to.
pub const VERSION: u32 = 1;

/// The largest file read: far more than any browser's storage holds (about
/// 10 MB of text), so a real backup always fits and a hostile file is
/// refused before it is parsed.
pub const MAX_BYTES: usize = 32 << 20;

/// A backup file's text: the account at `created_at`, with the users'
/// password hashes only when `sign_in_data`.
pub fn write(account: &Account, created_at: Timestamp, sign_in_data: bool) -> String {
    let mut records = Vec::new();
    persist::encode_records(account, &mut records);
    if !sign_in_data {
        // The users' chunks again, without their password column.
        for chunk in persist::user_chunks(account) {
            let users: Vec<User> = (chunk.users.iter())
                .map(|u| User {
                    password: None,
                    ..u.clone()
                })
                .collect();
            let key = chunk.key(account.id);
            let text = persist::UserChunk {
                number: chunk.number,
                users: &users,
            }
            .encode();
            if let Some(record) = records.iter_mut().find(|(k, _)| *k == key) {
                record.1 = text;
            }
        }
    }
    let size: usize = records.iter().map(|(k, v)| k.len() + v.len() + 8).sum();
    let mut out = String::with_capacity(size + size / 8 + 256);
    let mut object = json::Object::new(&mut out);
    object.field("format", &FORMAT);
    object.field("version", &VERSION);
    object.field("schema", &SCHEMA_VERSION);
    object.field("account", &account.id);
    object.field("name", &account.name);
    object.field("created_at", &created_at);
    object.field("sign_in_data", &sign_in_data);
    object.key("records");
    let mut inner = json::Object::new(object.out());
    for (key, text) in &records {
        inner.field(key, text);
    }
    inner.end();
    object.end();
    out
}

/// The file's name: `lmp-backup-acme-inc-2026-12-06.json` (the account's
/// name in lower-case ASCII letters and digits, anything else a dash).
pub fn file_name(account: &Account, day: Day) -> String {
    let mut slug = String::new();
    for c in account.name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "account" } else { slug };
    format!("{FORMAT}-{slug}-{day}.json")
}

/// A backup as read: the account it holds, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    pub account: Account,
    pub created_at: Timestamp,
    /// Whether the file holds the users' password hashes.
    pub sign_in_data: bool,
    /// The stored-data schema the records were written in.
    pub schema: u32,
}

/// Why a file cannot be restored. Nothing changes when one is returned.
///
/// The UI words each for people; `Display` is for developers.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum BackupError {
    /// Not JSON, or JSON without `"format":"lmp-backup"`.
    #[error("not a backup file")]
    NotABackup,
    #[error("{bytes} bytes, more than the {max} a backup can have")]
    TooLarge { bytes: usize, max: usize },
    /// Written by a newer version of the portal.
    #[error("backup version {found}, this version reads up to {supported}")]
    NewerVersion { found: u32, supported: u32 },
    #[error("stored-data schema {found}, this version reads up to {supported}")]
    NewerSchema { found: u32, supported: u32 },
    /// A backup of another account (named as the file names it).
    #[error("a backup of account {id} ({name})")]
    OtherAccount { id: AccountId, name: String },
    /// A part of the file is damaged, cut short or missing: `part` is the
    /// record's key ("file" for the wrapper itself); `detail` is for
    /// developers.
    #[error("{part}: {detail}")]
    Damaged { part: String, detail: String },
    /// The account in the file breaks a rule of the portal.
    #[error("{0}")]
    Rule(RuleBreak),
    /// Only the account's owner restores a backup.
    #[error("only the owner restores a backup")]
    OwnersOnly,
    /// The backup's owner is someone else: restoring it would take the
    /// account from the person restoring it.
    #[error("the backup's owner is {owner}, not the person restoring it")]
    LocksYouOut { owner: Email },
}

fn damaged(part: &str, detail: impl std::fmt::Display) -> BackupError {
    BackupError::Damaged {
        part: part.to_string(),
        detail: detail.to_string(),
    }
}

/// The wrapper's fields, read before the records.
#[derive(Default)]
struct Header {
    format: Option<String>,
    version: Option<u32>,
    schema: Option<u32>,
    account: Option<AccountId>,
    name: Option<String>,
    created_at: Option<Timestamp>,
    sign_in_data: Option<bool>,
}

fn read_header(text: &str) -> json::Result<Header> {
    let mut header = Header::default();
    let mut r = Reader::new(text);
    r.object(&mut |r, key| {
        match key {
            "format" => header.format = Some(String::decode(r)?),
            "version" => header.version = Some(u32::decode(r)?),
            "schema" => header.schema = Some(u32::decode(r)?),
            "account" => header.account = Some(AccountId::decode(r)?),
            "name" => header.name = Some(String::decode(r)?),
            "created_at" => header.created_at = Some(Timestamp::decode(r)?),
            "sign_in_data" => header.sign_in_data = Some(bool::decode(r)?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    r.finish()?;
    Ok(header)
}

/// The records by key (in key order, so the first bad one is named the
/// same way every time); a key given twice is damage.
fn read_records(text: &str) -> Result<BTreeMap<String, String>, BackupError> {
    let mut records = BTreeMap::new();
    let mut twice = None;
    let mut r = Reader::new(text);
    r.object(&mut |r, key| {
        if key != "records" {
            return r.skip();
        }
        r.object(&mut |r, key| {
            let text = String::decode(r)?;
            if records.insert(key.to_string(), text).is_some() && twice.is_none() {
                twice = Some(key.to_string());
            }
            Ok(())
        })
    })
    .map_err(|e| damaged("file", e))?;
    match twice {
        Some(key) => Err(damaged(&key, "given twice")),
        None => Ok(records),
    }
}

/// Reads a backup of account `expected`, checking all of it (see the
/// module's documentation).
pub fn read(text: &str, expected: AccountId) -> Result<Backup, BackupError> {
    if text.len() > MAX_BYTES {
        return Err(BackupError::TooLarge {
            bytes: text.len(),
            max: MAX_BYTES,
        });
    }
    let header = match read_header(text) {
        Ok(header) => header,
        // Cut short or damaged: damage if it said it was a backup.
        Err(e) => {
            return match text.contains(&format!("\"format\":\"{FORMAT}\"")) {
                true => Err(damaged("file", e)),
                false => Err(BackupError::NotABackup),
            }
        }
    };
    if header.format.as_deref() != Some(FORMAT) {
        return Err(BackupError::NotABackup);
    }
    let missing = |field: &str| damaged("file", format!("no {field}"));
    let version = header.version.ok_or_else(|| missing("version"))?;
    if version > VERSION {
        return Err(BackupError::NewerVersion {
            found: version,
            supported: VERSION,
        });
    }
    if version == 0 {
        return Err(damaged("file", "version 0"));
    }
    let schema = header.schema.ok_or_else(|| missing("schema"))?;
    if schema > SCHEMA_VERSION {
        return Err(BackupError::NewerSchema {
            found: schema,
            supported: SCHEMA_VERSION,
        });
    }
    // Backups are written from schema 5 on; 3 and 4 share its layout.
    if schema < 3 {
        return Err(damaged("file", format!("schema {schema}")));
    }
    let id = header.account.ok_or_else(|| missing("account"))?;
    if id != expected {
        return Err(BackupError::OtherAccount {
            id,
            name: header.name.unwrap_or_default(),
        });
    }
    let created_at = header.created_at.ok_or_else(|| missing("created_at"))?;
    let sign_in_data = header.sign_in_data.ok_or_else(|| missing("sign_in_data"))?;
    let records = read_records(text)?;
    let prefix = persist::account_key(id);
    if let Some(key) = records.keys().find(|k| {
        k.strip_prefix(&prefix)
            .is_none_or(|rest| !(rest.is_empty() || rest.starts_with('.')))
    }) {
        return Err(damaged(key, "not a record of this account"));
    }
    let meta = json::to_string(&persist::Meta {
        schema,
        revision: 0,
        saved_at: created_at,
        accounts: vec![id],
    });
    let read_keys = RefCell::new(HashSet::new());
    let stored = persist::decode(|key| {
        if key == META_KEY {
            return Some(meta.clone());
        }
        read_keys.borrow_mut().insert(key.to_string());
        records.get(key).cloned()
    })
    .map_err(|e| match e {
        DecodeError::Malformed { record, detail } => BackupError::Damaged {
            part: record,
            detail,
        },
        DecodeError::NewerSchema { found, supported } => {
            BackupError::NewerSchema { found, supported }
        }
    })?;
    let read_keys = read_keys.into_inner();
    if let Some(key) = records.keys().find(|k| !read_keys.contains(*k)) {
        return Err(damaged(key, "not listed by the account record"));
    }
    let account = stored
        .and_then(|s| s.portal.accounts.into_iter().next())
        .ok_or_else(|| damaged(&prefix, "missing"))?;
    if !sign_in_data {
        if let Some(user) = account.users.iter().find(|u| u.password.is_some()) {
            let part = persist::users_key(id, user.id.0 / persist::USERS_PER_CHUNK);
            return Err(damaged(
                &part,
                "a password in a backup without sign-in data",
            ));
        }
    }
    check_rules(&account).map_err(BackupError::Rule)?;
    Ok(Backup {
        account,
        created_at,
        sign_in_data,
        schema,
    })
}

/// How much of each kind an account holds: what a restore replaces, and
/// with what.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub users: usize,
    pub groups: usize,
    /// Orders (purchases) in the order history.
    pub orders: usize,
    /// Scheduled meetings.
    pub meetings: usize,
    /// Meetings held (the history), summarised months included.
    pub held_meetings: usize,
    pub log_entries: usize,
}

impl Counts {
    pub fn of(account: &Account) -> Self {
        let summarised: u32 = account.history.summaries.iter().map(|s| s.meetings).sum();
        Counts {
            users: account.users.len(),
            groups: account.groups.len(),
            orders: account.orders.len(),
            meetings: account.meetings.len(),
            held_meetings: account.history.meetings.len() + summarised as usize,
            log_entries: account.audit.len(),
        }
    }
}

/// A restore, checked and ready: `account` replaces the current one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restore {
    pub account: Account,
    /// What the account holds now.
    pub replaced: Counts,
    /// What it will hold.
    pub restored: Counts,
    pub created_at: Timestamp,
    pub sign_in_data: bool,
}

/// What restoring `backup` over `current` does, when `actor` restores it.
///
/// Only the owner restores, and only a backup whose owner has their email
/// (anything else would take the account from them). A backup without
/// sign-in data keeps the password of every user who is in both, with the
/// same id and email; the others have none until one is set.
pub fn plan(backup: Backup, current: &Account, actor: UserId) -> Result<Restore, BackupError> {
    let actor = current
        .user(actor)
        .filter(|u| u.role == Role::Owner)
        .ok_or(BackupError::OwnersOnly)?;
    let mut account = backup.account;
    let owner = account
        .users
        .iter()
        .find(|u| u.role == Role::Owner)
        .ok_or(BackupError::Rule(RuleBreak::OwnerCount { owners: 0 }))?;
    if owner.email != actor.email {
        return Err(BackupError::LocksYouOut {
            owner: owner.email.clone(),
        });
    }
    if !backup.sign_in_data {
        for user in &mut account.users {
            user.password = current
                .user(user.id)
                .filter(|now| now.email == user.email)
                .and_then(|now| now.password.clone());
        }
    }
    Ok(Restore {
        replaced: Counts::of(current),
        restored: Counts::of(&account),
        account,
        created_at: backup.created_at,
        sign_in_data: backup.sign_in_data,
    })
}

/// A rule of the portal an account breaks (the first found).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum RuleBreak {
    #[error("user ids out of order at {id}")]
    UserIdsOutOfOrder { id: UserId },
    #[error("{email} is there twice")]
    EmailTwice { email: Email },
    #[error("{owners} owners")]
    OwnerCount { owners: usize },
    #[error("the owner {email} has no Zoom Workplace license")]
    OwnerNotLicensed { email: Email },
    #[error("{email} is a member with the billing privilege")]
    MemberWithBilling { email: Email },
    #[error("{email} is Basic with Large Meetings")]
    BasicWithLargeMeetings { email: Email },
    #[error("{email} has an end to Large Meetings not given")]
    UntilWithoutLargeMeetings { email: Email },
    #[error("{used} users licensed, {seats} paid seats")]
    PaidSeatsOverUsed { used: u32, seats: u32 },
    #[error("Large Meetings {capacity}: {assigned} assigned, {owned} owned")]
    LargeMeetingsOverOwned {
        capacity: Capacity,
        assigned: u32,
        owned: u32,
    },
    #[error("Large Meetings {capacity}: two order lines, or one of 0 licenses")]
    LinesBroken { capacity: Capacity },
    #[error("the meeting {topic} has no host")]
    MeetingWithoutHost { topic: String },
    #[error("group ids out of order at {id}")]
    GroupIdsOutOfOrder { id: GroupId },
    #[error("two groups named {name}")]
    GroupNameTwice { name: String },
    #[error("{email} is in a group that does not exist")]
    UnknownGroup { email: Email },
    /// What the user holds is not what their groups' rules give them.
    #[error("{email} does not hold what their groups give")]
    GroupsNotSettled { email: Email },
}

/// The portal's rules an account must keep, checked on an account read from
/// a file (the commands keep them on every change).
pub fn check_rules(account: &Account) -> Result<(), RuleBreak> {
    let mut emails = HashSet::with_capacity(account.users.len());
    let mut previous: Option<UserId> = None;
    let mut owners = Vec::new();
    for user in &account.users {
        if previous.is_some_and(|p| p >= user.id) {
            return Err(RuleBreak::UserIdsOutOfOrder { id: user.id });
        }
        previous = Some(user.id);
        if !emails.insert(&user.email) {
            return Err(RuleBreak::EmailTwice {
                email: user.email.clone(),
            });
        }
        if user.role == Role::Owner {
            owners.push(user);
        }
        if user.role == Role::Member && user.billing_privilege {
            return Err(RuleBreak::MemberWithBilling {
                email: user.email.clone(),
            });
        }
        if user.license == BaseLicense::Basic && user.large_meetings.is_some() {
            return Err(RuleBreak::BasicWithLargeMeetings {
                email: user.email.clone(),
            });
        }
        if user.membership.until.is_some() && user.direct_large_meetings().is_none() {
            return Err(RuleBreak::UntilWithoutLargeMeetings {
                email: user.email.clone(),
            });
        }
    }
    match owners.as_slice() {
        [owner] if owner.license != BaseLicense::Licensed => {
            return Err(RuleBreak::OwnerNotLicensed {
                email: owner.email.clone(),
            })
        }
        [_] => {}
        _ => {
            return Err(RuleBreak::OwnerCount {
                owners: owners.len(),
            })
        }
    }
    let used = account.seats_in_use();
    if used > account.base_plan.seats {
        return Err(RuleBreak::PaidSeatsOverUsed {
            used,
            seats: account.base_plan.seats,
        });
    }
    for capacity in Capacity::ALL {
        let lines = account
            .large_meetings
            .iter()
            .filter(|l| l.capacity == capacity);
        if lines.clone().count() > 1 || lines.clone().any(|l| l.quantity == 0) {
            return Err(RuleBreak::LinesBroken { capacity });
        }
        let seats = account.seats(capacity);
        let owned = account
            .line(capacity)
            .map_or(0, |l| l.quantity_after_renewal());
        if seats.assigned > owned {
            return Err(RuleBreak::LargeMeetingsOverOwned {
                capacity,
                assigned: seats.assigned,
                owned,
            });
        }
    }
    for meeting in &account.meetings {
        if account.user(meeting.host).is_none() {
            return Err(RuleBreak::MeetingWithoutHost {
                topic: meeting.topic.clone(),
            });
        }
    }
    let mut names = HashSet::with_capacity(account.groups.len());
    let mut previous: Option<GroupId> = None;
    for group in &account.groups {
        if previous.is_some_and(|p| p >= group.id) {
            return Err(RuleBreak::GroupIdsOutOfOrder { id: group.id });
        }
        previous = Some(group.id);
        if !names.insert(crate::text::lowercase(&group.name)) {
            return Err(RuleBreak::GroupNameTwice {
                name: group.name.clone(),
            });
        }
    }
    for user in &account.users {
        let membership = &user.membership;
        let known = membership.groups.windows(2).all(|w| w[0] < w[1])
            && membership
                .groups
                .iter()
                .all(|g| account.group(*g).is_some())
            && [membership.license_from, membership.large_meetings_from]
                .into_iter()
                .flatten()
                .all(|g| membership.groups.contains(&g));
        if !known {
            return Err(RuleBreak::UnknownGroup {
                email: user.email.clone(),
            });
        }
    }
    for (user, held) in account.users.iter().zip(account.coverage()) {
        if user.held() != held {
            return Err(RuleBreak::GroupsNotSettled {
                email: user.email.clone(),
            });
        }
    }
    Ok(())
}
