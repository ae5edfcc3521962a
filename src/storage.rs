//! The only code that touches the browser's localStorage.
//!
//! The portal is stored as one versioned envelope (see
//! [`portal_domain::persist`]). Text that cannot be read is never
//! overwritten: it is copied to a quarantine key first, and if even that is
//! impossible the portal runs in memory and leaves storage alone.

use gloo_storage::{LocalStorage, Storage};
use portal_domain::persist::{self, DecodeError};
use portal_domain::{demo, Portal, Session, Timestamp};

/// The portal's data.
pub const STATE_KEY: &str = "lmp.state";
/// The signed-in session of this browser.
pub const SESSION_KEY: &str = "lmp.session";
/// Unreadable data is kept under this prefix followed by the time it was found.
pub const QUARANTINE_PREFIX: &str = "lmp.quarantine.";

/// Something about storage the person should know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    /// The saved data could not be read; it was kept under `key` and the
    /// portal started on fresh demo data.
    Quarantined { key: String, reason: String },
    /// The saved data could not be read and could not be set aside either,
    /// so nothing is saved until the problem is solved.
    Unreadable { reason: String },
    /// The browser offers no localStorage (private mode, disabled storage).
    Unavailable,
    /// The last change could not be saved.
    SaveFailed { reason: String },
}

/// What loading found.
pub struct Loaded {
    pub portal: Portal,
    pub notice: Option<StorageNotice>,
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// A person-readable reason for a failed write.
fn describe(error: &wasm_bindgen::JsValue) -> String {
    let field = |name: &str| {
        js_sys::Reflect::get(error, &name.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    if field("name").as_deref() == Some("QuotaExceededError") {
        "the browser's storage for this site is full".into()
    } else {
        field("message").unwrap_or_else(|| "the browser refused to store it".into())
    }
}

/// Loads the portal, seeding the demo data on first start.
pub fn load_or_seed(now: Timestamp) -> Loaded {
    let Some(storage) = local_storage() else {
        return Loaded {
            portal: demo::portal(now),
            notice: Some(StorageNotice::Unavailable),
        };
    };
    let raw = match storage.get_item(STATE_KEY) {
        Ok(raw) => raw,
        Err(_) => {
            return Loaded {
                portal: demo::portal(now),
                notice: Some(StorageNotice::Unavailable),
            }
        }
    };
    let Some(raw) = raw else {
        let portal = demo::portal(now);
        let notice = save(&portal, 1, now).err();
        return Loaded { portal, notice };
    };
    match persist::decode(&raw) {
        Ok(stored) => Loaded {
            portal: stored.portal,
            notice: None,
        },
        Err(error) => recover(&raw, &error, now),
    }
}

/// Sets unreadable text aside, then starts on fresh demo data.
fn recover(raw: &str, error: &DecodeError, now: Timestamp) -> Loaded {
    let reason = error.to_string();
    let key = format!("{QUARANTINE_PREFIX}{}", now.millis());
    let portal = demo::portal(now);
    if LocalStorage::raw().set_item(&key, raw).is_err() {
        return Loaded {
            portal,
            notice: Some(StorageNotice::Unreadable { reason }),
        };
    }
    let notice = match save(&portal, 1, now) {
        Ok(()) => StorageNotice::Quarantined { key, reason },
        Err(failed) => failed,
    };
    Loaded {
        portal,
        notice: Some(notice),
    }
}

/// Saves the portal as revision `revision`.
fn save(portal: &Portal, revision: u64, now: Timestamp) -> Result<(), StorageNotice> {
    let text = persist::encode(portal, revision, now);
    LocalStorage::raw()
        .set_item(STATE_KEY, &text)
        .map_err(|js| StorageNotice::SaveFailed {
            reason: describe(&js),
        })
}

/// The session saved in this browser, if any and readable.
pub fn load_session() -> Option<Session> {
    local_storage()?;
    LocalStorage::get::<Session>(SESSION_KEY).ok()
}

/// Remembers the session across reloads. Failure only means the person
/// signs in again after a reload, so it is not reported.
pub fn save_session(session: &Session) {
    if local_storage().is_some() {
        let _ = LocalStorage::set(SESSION_KEY, session);
    }
}

pub fn clear_session() {
    if local_storage().is_some() {
        LocalStorage::delete(SESSION_KEY);
    }
}
