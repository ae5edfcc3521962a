//! The stored-data decoder on arbitrary text under every key it reads: the
//! meta record, the schema-1 state, account records, user and log chunks.
//! It must read the text or refuse it with a reason, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use portal_domain::persist::{self, LEGACY_STATE_KEY, META_KEY};
use portal_domain::AccountId;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // One piece of text per key, separated by the ASCII record separator.
    let mut pieces = text.split('\u{1e}').map(str::to_owned);
    let mut stored = std::collections::HashMap::new();
    let keys = [
        META_KEY.to_string(),
        LEGACY_STATE_KEY.to_string(),
        persist::account_key(AccountId(1)),
        persist::users_key(AccountId(1), 0),
        persist::log_key(AccountId(1), 0),
        persist::account_key(AccountId(2)),
        persist::users_key(AccountId(2), 0),
    ];
    for key in keys {
        match pieces.next() {
            Some(piece) => stored.insert(key, piece),
            None => break,
        };
    }
    let _ = persist::decode(|key| stored.get(key).cloned());
});
