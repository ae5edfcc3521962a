//! The stored form of the portal, as text under localStorage keys.
//!
//! Pure: the browser adapter (the app's `storage` module) hands in what it
//! read and writes what this module returns. Layout of schema 2:
//!
//! - `lmp.meta`: `{"schema":2,"revision":N,"saved_at":ms,"accounts":[1,2]}`
//! - `lmp.account.<id>`: one account (users, lines, orders, log)
//!
//! so a change to one account rewrites that account and the small meta
//! record only. Schema 1 kept everything under `lmp.state`; it is migrated.

use crate::billing::Term;
use crate::{Account, AccountId, BillingCycle, Day, Portal, Timestamp};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 2;
/// The record that says which schema, revision and accounts are stored.
pub const META_KEY: &str = "lmp.meta";
/// Where schema 1 kept the whole portal.
pub const LEGACY_STATE_KEY: &str = "lmp.state";
/// Every key of the portal's data starts with this.
pub const KEY_PREFIX: &str = "lmp.";

pub fn account_key(id: AccountId) -> String {
    format!("lmp.account.{id}")
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub schema: u32,
    /// Incremented by every save; lets a tab notice a newer save by another.
    pub revision: u64,
    pub saved_at: Timestamp,
    pub accounts: Vec<AccountId>,
}

#[derive(Deserialize)]
struct Header {
    schema: u32,
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
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DecodeError {
    #[error("the saved data is damaged ({0})")]
    Malformed(String),
    #[error("the saved data was written by a newer version of the portal (schema {found}; this version reads up to {supported})")]
    NewerSchema { found: u32, supported: u32 },
}

fn malformed(what: &str, error: impl std::fmt::Display) -> DecodeError {
    DecodeError::Malformed(format!("{what}: {error}"))
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
    let header: Header = serde_json::from_str(&meta_text).map_err(|e| malformed(META_KEY, e))?;
    if header.schema > SCHEMA_VERSION {
        return Err(DecodeError::NewerSchema {
            found: header.schema,
            supported: SCHEMA_VERSION,
        });
    }
    if header.schema != SCHEMA_VERSION {
        return Err(malformed(
            META_KEY,
            format!("schema {} has no meta record", header.schema),
        ));
    }
    let meta: Meta = serde_json::from_str(&meta_text).map_err(|e| malformed(META_KEY, e))?;
    let mut accounts = Vec::with_capacity(meta.accounts.len());
    for id in &meta.accounts {
        let key = account_key(*id);
        let text = get(&key).ok_or_else(|| malformed(&key, "missing"))?;
        let account: Account = serde_json::from_str(&text).map_err(|e| malformed(&key, e))?;
        if account.id != *id {
            return Err(malformed(&key, format!("holds account {}", account.id)));
        }
        accounts.push(account);
    }
    Ok(Some(Stored {
        portal: Portal { accounts },
        revision: meta.revision,
        saved_at: meta.saved_at,
        migrated_from: None,
    }))
}

/// Reads only the revision of the stored meta record, if readable.
pub fn stored_revision(meta_text: &str) -> Option<u64> {
    serde_json::from_str::<Meta>(meta_text)
        .ok()
        .map(|m| m.revision)
}

/// The meta record for `portal` at `revision`.
pub fn encode_meta(portal: &Portal, revision: u64, saved_at: Timestamp) -> String {
    let meta = Meta {
        schema: SCHEMA_VERSION,
        revision,
        saved_at,
        accounts: portal.accounts.iter().map(|a| a.id).collect(),
    };
    serde_json::to_string(&meta).expect("the meta record always serializes")
}

pub fn encode_account(account: &Account) -> String {
    serde_json::to_string(account).expect("an account always serializes")
}

/// Every key and text of a full save, meta record last.
pub fn encode_all(portal: &Portal, revision: u64, saved_at: Timestamp) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = portal
        .accounts
        .iter()
        .map(|a| (account_key(a.id), encode_account(a)))
        .collect();
    out.push((
        META_KEY.to_string(),
        encode_meta(portal, revision, saved_at),
    ));
    out
}

/// Schema 1: `{"schema":1,"revision":N,"saved_at":ms,"data":{"accounts":[...]}}`
/// under `lmp.state`. Base plans had no billing term: they get an annual
/// term starting on the day the data was saved.
fn decode_v1(text: &str) -> Result<Stored, DecodeError> {
    let mut value: Value =
        serde_json::from_str(text).map_err(|e| malformed(LEGACY_STATE_KEY, e))?;
    let schema = value.get("schema").and_then(Value::as_u64);
    match schema {
        Some(1) => {}
        Some(found) if found > SCHEMA_VERSION as u64 => {
            return Err(DecodeError::NewerSchema {
                found: found as u32,
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
    let revision = value.get("revision").and_then(Value::as_u64);
    let saved_at = value.get("saved_at").and_then(Value::as_i64);
    let (Some(revision), Some(saved_at)) = (revision, saved_at) else {
        return Err(malformed(LEGACY_STATE_KEY, "revision or saved_at missing"));
    };
    let term = serde_json::to_value(Term::start(
        BillingCycle::Annual,
        Day::of(Timestamp(saved_at)),
    ))
    .expect("a term always serializes");
    let accounts = value
        .pointer_mut("/data/accounts")
        .and_then(Value::as_array_mut)
        .ok_or_else(|| malformed(LEGACY_STATE_KEY, "no accounts"))?;
    for account in accounts.iter_mut() {
        if let Some(plan) = account.get_mut("base_plan").and_then(Value::as_object_mut) {
            plan.entry("term").or_insert(term.clone());
        }
    }
    // Back to text and through the same parser as schema 2, so the account
    // decoder exists once in the wasm (a `from_value` would add a second copy).
    let accounts: Vec<Account> = serde_json::from_str(&value["data"]["accounts"].to_string())
        .map_err(|e| malformed(LEGACY_STATE_KEY, e))?;
    Ok(Stored {
        portal: Portal { accounts },
        revision,
        saved_at: Timestamp(saved_at),
        migrated_from: Some(1),
    })
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
    fn each_account_has_its_own_key_and_the_meta_record_comes_last() {
        let portal = demo::portal(T0);
        let keys: Vec<String> = encode_all(&portal, 1, T0)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(keys, ["lmp.account.1", "lmp.account.2", "lmp.meta"]);
    }

    #[test]
    fn damaged_data_is_reported_with_the_key_that_holds_it() {
        let portal = demo::portal(T0);
        let good = store(encode_all(&portal, 1, T0));
        let mut broken = good.clone();
        broken.insert("lmp.account.2".into(), "{\"id\":2,".into());
        let error = read(&broken).unwrap_err();
        assert!(
            matches!(&error, DecodeError::Malformed(m) if m.starts_with("lmp.account.2")),
            "{error}"
        );

        let mut missing = good.clone();
        missing.remove("lmp.account.1");
        assert!(matches!(read(&missing), Err(DecodeError::Malformed(m)) if m.contains("missing")));

        let mut swapped = good.clone();
        let one = good["lmp.account.1"].clone();
        swapped.insert("lmp.account.2".into(), one);
        assert!(matches!(read(&swapped), Err(DecodeError::Malformed(_))));

        let mut bad_meta = good;
        bad_meta.insert(META_KEY.into(), "not json".into());
        assert!(
            matches!(read(&bad_meta), Err(DecodeError::Malformed(m)) if m.starts_with(META_KEY))
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
        let tampered = map["lmp.account.1"].replacen(&phc, "Demo!2026", 1);
        map.insert("lmp.account.1".into(), tampered);
        assert!(matches!(read(&map), Err(DecodeError::Malformed(_))));
    }

    #[test]
    fn schema_1_data_is_migrated_without_losing_anything() {
        let text = include_str!("../tests/fixtures/schema-v1.json");
        let mut map = HashMap::new();
        map.insert(LEGACY_STATE_KEY.to_string(), text.to_string());
        let stored = read(&map).unwrap().unwrap();
        assert_eq!(stored.migrated_from, Some(1));
        assert_eq!(stored.revision, 3);
        let old: Value = serde_json::from_str(text).unwrap();
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
            "migrated data saves as schema 2"
        );
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
                matches!(read(&map), Err(DecodeError::Malformed(_))),
                "{text}"
            );
        }
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
        fn decoding_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let mut map = HashMap::new();
            map.insert(META_KEY.to_string(), r#"{"schema":2,"revision":1,"saved_at":0,"accounts":[1]}"#.to_string());
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
}
