//! The only code that touches the browser's localStorage.
//!
//! The stored form is decided by [`portal_domain::persist`] (schema 3: per
//! account a record, its users in chunks of 1,000 ids and its activity log in
//! chunks of 1,000 entries, plus a small meta record). This module reads and
//! writes it, writing only the chunks that changed, and guarantees that
//! nothing stored is ever silently lost:
//!
//! - Unreadable data is copied to a quarantine key before anything is
//!   written; if that copy fails, nothing is written at all.
//! - Data of a newer schema is left untouched: the portal runs read-only.
//! - A failed write (quota full) leaves the previous text in place; the
//!   caller keeps the change in memory and retries.
//! - A save first writes a journal of what it overwrites; if the tab or
//!   browser closes in the middle of a save, the next start puts it back.
//! - Without localStorage the portal runs in memory.

use portal_domain::json;
use portal_domain::persist::{
    self, DecodeError, Journal, Recovery, JOURNAL_KEY, KEY_PREFIX, LEGACY_STATE_KEY, META_KEY,
};
use portal_domain::{
    demo, Account, AccountId, AuditEntry, PastMeeting, Portal, Session, SignInThrottle, Timestamp,
    User,
};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;

thread_local! {
    /// What this tab last read or wrote under each chunk key: a save writes
    /// only the chunks that differ. (Comparing is cheaper than hashing or
    /// encoding 50,000 users on every save.)
    static STORED_CHUNKS: RefCell<HashMap<String, Kept>> = RefCell::new(HashMap::new());
    /// Failed sign-ins when there is no storage (they last for this visit).
    static SIGN_IN_FAILURES: RefCell<SignInThrottle> = RefCell::new(SignInThrottle::default());
}

/// What a stored chunk held.
enum Kept {
    /// The users of a user chunk.
    Users(Vec<User>),
    /// How many entries a log chunk held: the log is only appended to, so
    /// the same count means the same entries.
    Entries(usize),
    /// A month of held meetings: how many, and the last one (meetings are
    /// only ever added to a month, or the month summarised away).
    Held(usize, Option<PastMeeting>),
}

/// One chunk of an account as it is in memory now.
enum Chunk<'a> {
    Users(persist::UserChunk<'a>),
    Log(&'a [AuditEntry]),
    History(persist::HistoryChunk<'a>),
}

impl Chunk<'_> {
    /// Whether storage already holds this (as `kept` says).
    fn is(&self, kept: Option<&Kept>) -> bool {
        match (self, kept) {
            (Chunk::Users(chunk), Some(Kept::Users(users))) => chunk.users == users.as_slice(),
            (Chunk::Log(entries), Some(Kept::Entries(n))) => entries.len() == *n,
            (Chunk::History(chunk), Some(Kept::Held(n, last))) => {
                chunk.meetings.len() == *n && chunk.meetings.last() == last.as_ref()
            }
            _ => false,
        }
    }

    fn kept(&self) -> Kept {
        match self {
            Chunk::Users(chunk) => Kept::Users(chunk.users.to_vec()),
            Chunk::Log(entries) => Kept::Entries(entries.len()),
            Chunk::History(chunk) => {
                Kept::Held(chunk.meetings.len(), chunk.meetings.last().copied())
            }
        }
    }

    fn encode(&self) -> String {
        match self {
            Chunk::Users(chunk) => chunk.encode(),
            Chunk::Log(entries) => persist::encode_log_chunk(entries),
            Chunk::History(chunk) => chunk.encode(),
        }
    }
}

/// Every chunk of `account` with its key.
fn chunks_of(account: &Account) -> impl Iterator<Item = (String, Chunk<'_>)> {
    let users = persist::user_chunks(account)
        .into_iter()
        .map(|chunk| (chunk.key(account.id), Chunk::Users(chunk)));
    let log = persist::log_chunks(account)
        .enumerate()
        .map(|(n, entries)| (persist::log_key(account.id, n), Chunk::Log(entries)));
    let history = persist::history_chunks(account)
        .into_iter()
        .map(|chunk| (chunk.key(account.id), Chunk::History(chunk)));
    users.chain(log).chain(history)
}

/// Remembers the chunks of `portal` as stored (just read or written).
fn remember_chunks(portal: &Portal) {
    STORED_CHUNKS.with_borrow_mut(|stored| {
        stored.clear();
        for account in &portal.accounts {
            for (key, chunk) in chunks_of(account) {
                stored.insert(key, chunk.kept());
            }
        }
    });
}

/// The signed-in session of this browser.
pub const SESSION_KEY: &str = "lmp.session";
/// The language the person chose ("en" or "sv"); absent until they choose.
pub const LOCALE_KEY: &str = "lmp.locale";
/// Recent failed sign-ins per email address (the wait after five).
pub const SIGN_IN_FAILURES_KEY: &str = "lmp.sign-in-failures";
/// Unreadable data is kept under this prefix followed by the time it was found.
pub const QUARANTINE_PREFIX: &str = "lmp.quarantine.";

/// How the portal may use storage for the rest of this visit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Changes are saved.
    Writable,
    /// Stored data of a newer version is left untouched; changes stay in memory.
    ReadOnly,
    /// No usable storage; changes stay in memory.
    Memory,
}

/// Something about storage the person should know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    /// The saved data could not be read; it was kept under `key` and the
    /// portal started on fresh demo data.
    Quarantined { key: String, problem: DecodeError },
    /// The saved data could not be read and could not be set aside either,
    /// so nothing is written until the problem is solved.
    Unreadable { problem: DecodeError },
    /// The saved data belongs to a newer version of the portal.
    NewerSchema { problem: DecodeError },
    /// The browser offers no localStorage (private mode, disabled storage).
    Unavailable,
    /// The last change could not be saved yet; it is kept and retried.
    NotSaved { problem: WriteProblem },
    /// Changes made here could not be applied on top of a newer change
    /// saved by another tab, and were dropped: why, for each.
    Conflict { dropped: Vec<Dropped> },
}

/// Why a save did not reach storage; worded in the reader's language when
/// shown (never the browser's English message).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteProblem {
    /// The browser's storage for this site is full.
    Full,
    /// The browser offers no storage now.
    Unavailable,
    /// Another tab is saving at this moment.
    Busy,
    /// The browser refused to store it, for another reason.
    Refused,
}

/// Why a change made in this tab was dropped when another tab's newer
/// change came in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dropped {
    /// The rules refuse it on the newer data.
    Refused(portal_domain::DomainError),
    /// Its account is no longer there.
    AccountGone,
    /// An undo the newer data refuses.
    UndoRefused(portal_domain::UndoRefusal),
}

/// What loading found.
pub struct Loaded {
    pub portal: Portal,
    pub revision: u64,
    pub mode: Mode,
    pub notice: Option<StorageNotice>,
    /// Whether the data was just migrated or seeded and should be saved.
    pub needs_save: bool,
}

/// The value stored under `key`, if there is one and it reads as a `T`.
fn read<T: json::Decode>(key: &str) -> Option<T> {
    let text = local_storage()?.get_item(key).ok()??;
    json::from_str(&text).ok()
}

/// Stores `value` under `key` as JSON; false if the browser refused.
fn write<T: json::Encode + ?Sized>(key: &str, value: &T) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, &json::to_string(value)).is_ok())
}

/// Removes `key`; false if there is no storage or the browser refused.
fn remove(key: &str) -> bool {
    local_storage().is_some_and(|s| s.remove_item(key).is_ok())
}

fn local_storage() -> Option<web_sys::Storage> {
    let storage = web_sys::window()?.local_storage().ok()??;
    // Some browsers hand out a storage object that throws on every use.
    storage.length().ok()?;
    Some(storage)
}

/// Why the browser refused a write.
fn describe(error: &JsValue) -> WriteProblem {
    let name = js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|v| v.as_string());
    if name.as_deref() == Some("QuotaExceededError") {
        WriteProblem::Full
    } else {
        WriteProblem::Refused
    }
}

/// Every key of the portal's data (not sessions or quarantined copies).
fn data_keys(storage: &web_sys::Storage) -> Vec<String> {
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| {
            k.starts_with(KEY_PREFIX)
                && k != SESSION_KEY
                && k != LOCALE_KEY
                && k != SIGN_IN_FAILURES_KEY
                && k != JOURNAL_KEY
                && !k.starts_with(QUARANTINE_PREFIX)
        })
        .collect()
}

/// What [`recover_interrupted_save`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Recovered {
    /// No save was cut off (or it had finished).
    Nothing,
    /// A save was cut off; its writes were undone.
    RolledBack,
    /// Another tab may be saving right now.
    Busy,
}

/// Gives each key its text from before a save (`None`: removes it), the
/// last written first. Tries every key; `false` if any could not be put back.
fn put_back(storage: &web_sys::Storage, before: &[(String, Option<String>)]) -> bool {
    let mut all = true;
    for (key, text) in before.iter().rev() {
        let done = match text {
            Some(text) => storage.set_item(key, text),
            None => storage.remove_item(key),
        };
        all &= done.is_ok();
    }
    all
}

/// Puts back what a save cut off in the middle had written (see
/// [`persist::JOURNAL_KEY`]).
fn recover_interrupted_save(storage: &web_sys::Storage, now: Timestamp) -> Recovered {
    let Some(text) = storage.get_item(JOURNAL_KEY).ok().flatten() else {
        return Recovered::Nothing;
    };
    let Ok(journal) = json::from_str::<Journal>(&text) else {
        // Unreadable: keep it aside like any unreadable data, and go on.
        let key = format!("{QUARANTINE_PREFIX}journal.{}", now.millis());
        if storage.set_item(&key, &text).is_ok() {
            let _ = storage.remove_item(JOURNAL_KEY);
        }
        return Recovered::Nothing;
    };
    let stored = storage
        .get_item(META_KEY)
        .ok()
        .flatten()
        .and_then(|meta| persist::stored_revision(&meta));
    let found = match journal.recovery(stored, now) {
        Recovery::InProgress => return Recovered::Busy,
        Recovery::Completed => Recovered::Nothing,
        Recovery::RollBack => {
            if !put_back(storage, &journal.before) {
                // Keep the journal for the next start.
                return Recovered::RolledBack;
            }
            Recovered::RolledBack
        }
    };
    let _ = storage.remove_item(JOURNAL_KEY);
    found
}

/// Loads the portal, seeding the demo data on first start.
pub fn load_or_seed(now: Timestamp) -> Loaded {
    let fresh = |mode, notice| Loaded {
        portal: demo::portal(now),
        revision: 0,
        mode,
        notice,
        needs_save: mode == Mode::Writable,
    };
    let Some(storage) = local_storage() else {
        return fresh(Mode::Memory, Some(StorageNotice::Unavailable));
    };
    STORED_CHUNKS.with_borrow_mut(HashMap::clear);
    recover_interrupted_save(&storage, now);
    match persist::decode(|key| storage.get_item(key).ok().flatten()) {
        Ok(None) => fresh(Mode::Writable, None),
        Ok(Some(stored)) => Loaded {
            portal: {
                if stored.migrated_from.is_none() {
                    remember_chunks(&stored.portal);
                }
                stored.portal
            },
            revision: stored.revision,
            mode: Mode::Writable,
            notice: None,
            needs_save: stored.migrated_from.is_some(),
        },
        Err(problem @ DecodeError::NewerSchema { .. }) => {
            fresh(Mode::ReadOnly, Some(StorageNotice::NewerSchema { problem }))
        }
        Err(problem @ DecodeError::Malformed { .. }) => {
            // The parser's detail is for developers; people read which
            // record is damaged, in their language.
            web_sys::console::warn_1(&format!("Saved data not readable: {problem}").into());
            match quarantine(&storage, now) {
                Ok(key) => fresh(
                    Mode::Writable,
                    Some(StorageNotice::Quarantined { key, problem }),
                ),
                Err(_) => fresh(Mode::Memory, Some(StorageNotice::Unreadable { problem })),
            }
        }
    }
}

/// Copies every data key, as it is, into one quarantine record
/// `{"key": "text", ...}` and returns its key.
fn quarantine(storage: &web_sys::Storage, now: Timestamp) -> Result<String, JsValue> {
    let text = data_snapshot().ok_or(JsValue::NULL)?;
    let key = format!("{QUARANTINE_PREFIX}{}", now.millis());
    storage.set_item(&key, &text)?;
    Ok(key)
}

/// Every data key and its text as one JSON record, for download (used when
/// the data belongs to a newer version and is left untouched).
pub fn data_snapshot() -> Option<String> {
    let storage = local_storage()?;
    let mut keys = data_keys(&storage);
    keys.sort_unstable();
    let mut out = String::new();
    let mut record = json::Object::new(&mut out);
    for key in keys {
        if let Some(text) = storage.get_item(&key).ok().flatten() {
            record.field(&key, &text);
        }
    }
    record.end();
    Some(out)
}

/// The text kept under a quarantine key, for download.
pub fn quarantined_text(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// The revision of the data saved in storage (by any tab), if readable.
pub fn stored_revision() -> Option<u64> {
    let text = local_storage()?.get_item(META_KEY).ok()??;
    persist::stored_revision(&text)
}

/// Reads the stored portal again (after another tab saved).
pub fn reload() -> Option<(Portal, u64)> {
    let storage = local_storage()?;
    recover_interrupted_save(&storage, crate::format::now());
    let stored = persist::decode(|key| storage.get_item(key).ok().flatten())
        .ok()
        .flatten()?;
    remember_chunks(&stored.portal);
    Some((stored.portal, stored.revision))
}

/// Saves the accounts in `changed` (all accounts if `None`) and then the
/// meta record as `revision`. Of an account's users and log, only the chunks
/// that changed since this tab last read or wrote them are written. A failed
/// write puts back every key already written, so storage keeps the previous
/// save whole.
pub fn save(
    portal: &Portal,
    changed: Option<&[AccountId]>,
    revision: u64,
    now: Timestamp,
) -> Result<(), StorageNotice> {
    let not_saved = |problem: WriteProblem| StorageNotice::NotSaved { problem };
    let storage = local_storage().ok_or_else(|| not_saved(WriteProblem::Unavailable))?;
    match recover_interrupted_save(&storage, now) {
        Recovered::Busy => return Err(not_saved(WriteProblem::Busy)),
        // What this tab remembers as stored may no longer be: write every chunk.
        Recovered::RolledBack => STORED_CHUNKS.with_borrow_mut(HashMap::clear),
        Recovered::Nothing => {}
    }
    let mut writes: Vec<(String, String)> = Vec::new();
    let mut copies: Vec<(String, Kept)> = Vec::new();
    let mut stale: Vec<String> = Vec::new();
    for account in &portal.accounts {
        if changed.is_some_and(|ids| !ids.contains(&account.id)) {
            continue;
        }
        let mut keys = Vec::new();
        for (key, chunk) in chunks_of(account) {
            if !STORED_CHUNKS.with_borrow(|s| chunk.is(s.get(&key))) {
                writes.push((key.clone(), chunk.encode()));
                copies.push((key.clone(), chunk.kept()));
            }
            keys.push(key);
        }
        writes.push((
            persist::account_key(account.id),
            persist::encode_account(account, &persist::user_chunks(account)),
        ));
        // Chunks whose users were all removed (or left by a damaged save).
        let prefixes = [
            persist::users_key_prefix(account.id),
            persist::log_key_prefix(account.id),
            persist::history_key_prefix(account.id),
        ];
        stale.extend(
            data_keys(&storage).into_iter().filter(|k| {
                prefixes.iter().any(|p| k.starts_with(p.as_str())) && !keys.contains(k)
            }),
        );
    }
    writes.push((
        META_KEY.to_string(),
        persist::encode_meta(portal, revision, now),
    ));
    // The journal: what each write is about to replace.
    let journal = Journal {
        revision,
        at: now,
        before: writes
            .iter()
            .map(|(key, _)| (key.clone(), storage.get_item(key).ok().flatten()))
            .collect(),
    };
    let journal_text = json::to_string(&journal);
    if let Err(error) = storage.set_item(JOURNAL_KEY, &journal_text) {
        return Err(not_saved(describe(&error)));
    }
    for (done, (key, text)) in writes.iter().enumerate() {
        if let Err(error) = storage.set_item(key, text) {
            // Put back what was there; these texts fitted before.
            let _ = put_back(&storage, &journal.before[..done]);
            let _ = storage.remove_item(JOURNAL_KEY);
            STORED_CHUNKS.with_borrow_mut(HashMap::clear);
            return Err(not_saved(describe(&error)));
        }
    }
    let _ = storage.remove_item(JOURNAL_KEY);
    STORED_CHUNKS.with_borrow_mut(|stored| {
        for key in &stale {
            stored.remove(key);
        }
        stored.extend(copies);
    });
    for key in stale {
        let _ = storage.remove_item(&key);
    }
    // Schema 1 data is now saved in the new form.
    let _ = storage.remove_item(LEGACY_STATE_KEY);
    Ok(())
}

/// The session saved in this browser, if any and readable.
pub fn load_session() -> Option<Session> {
    read(SESSION_KEY)
}

/// Remembers the session across reloads. Failure only means the person
/// signs in again after a reload, so it is not reported.
pub fn save_session(session: &Session) {
    write(SESSION_KEY, session);
}

/// Remembers the chosen language; without storage it lasts for this visit.
pub fn save_locale(locale: &str) {
    write(LOCALE_KEY, locale);
}

/// Recent failed sign-ins, shared by the tabs of this browser; the copy in
/// memory when storage could not take the last one (or there is none). An
/// unreadable record counts as none: it holds no data, only a wait.
pub fn load_sign_in_failures() -> SignInThrottle {
    let kept = SIGN_IN_FAILURES.with_borrow(Clone::clone);
    if kept.is_empty() {
        read(SIGN_IN_FAILURES_KEY).unwrap_or_default()
    } else {
        kept
    }
}

pub fn save_sign_in_failures(failures: &SignInThrottle) {
    let stored = if failures.is_empty() {
        remove(SIGN_IN_FAILURES_KEY)
    } else {
        write(SIGN_IN_FAILURES_KEY, failures)
    };
    // Without storage, or with storage full, keep counting for this visit.
    let kept = if stored {
        SignInThrottle::default()
    } else {
        failures.clone()
    };
    SIGN_IN_FAILURES.with_borrow_mut(|memory| *memory = kept);
}

pub fn clear_session() {
    remove(SESSION_KEY);
}

/// What another tab changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExternalChange {
    /// The portal's data.
    Data,
    /// The session (signed in or out).
    Session,
}

/// Calls `on_change` when another tab of this site changes storage. The
/// listener lives as long as the page.
pub fn watch_other_tabs(on_change: impl Fn(ExternalChange) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            match event.key().as_deref() {
                Some(META_KEY) => on_change(ExternalChange::Data),
                Some(SESSION_KEY) => on_change(ExternalChange::Session),
                // `localStorage.clear()` in another tab.
                None => {
                    on_change(ExternalChange::Data);
                    on_change(ExternalChange::Session);
                }
                Some(_) => {}
            }
        });
    let _ = window.add_event_listener_with_callback("storage", callback.as_ref().unchecked_ref());
    callback.forget();
}
