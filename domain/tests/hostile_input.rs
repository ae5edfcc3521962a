//! Damaged or hostile input never panics the decoders: stored text that is
//! cut off, altered or replaced by random bytes is either read or refused
//! with a reason, and so is any file given to Import Users.
//!
//! (`make fuzz` runs the same entry points under cargo-fuzz for longer.)

use portal_domain::import::ImportMode;
use portal_domain::persist::{self, LEGACY_STATE_KEY, META_KEY};
use portal_domain::{Importer, UserId};
use proptest::prelude::*;
use std::collections::HashMap;

mod common;

use common::{acme_at, portal_at, LATER};

fn stored_demo() -> Vec<(String, String)> {
    persist::encode_all(&portal_at(LATER), 7, LATER)
}

/// How one stored text is damaged.
#[derive(Clone, Debug)]
enum Damage {
    CutAt(usize),
    Replace(usize, char),
    Insert(usize, String),
    Swap(String),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        any::<usize>().prop_map(Damage::CutAt),
        (any::<usize>(), any::<char>()).prop_map(|(at, c)| Damage::Replace(at, c)),
        (any::<usize>(), ".{0,40}").prop_map(|(at, s)| Damage::Insert(at, s)),
        ".{0,200}".prop_map(Damage::Swap),
    ]
}

fn apply(text: &str, damage: &Damage) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = |n: usize| if chars.is_empty() { 0 } else { n % chars.len() };
    match damage {
        Damage::CutAt(n) => chars[..at(*n)].iter().collect(),
        Damage::Replace(n, c) => {
            let mut chars = chars.clone();
            if !chars.is_empty() {
                let i = at(*n);
                chars[i] = *c;
            }
            chars.into_iter().collect()
        }
        Damage::Insert(n, s) => {
            let i = at(*n);
            let mut out: String = chars[..i].iter().collect();
            out.push_str(s);
            out.extend(&chars[i..]);
            out
        }
        Damage::Swap(s) => s.clone(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn damaged_stored_text_is_read_or_refused_never_a_panic(
        which in any::<usize>(),
        how in damage(),
    ) {
        let mut stored: HashMap<String, String> = stored_demo().into_iter().collect();
        let mut keys: Vec<String> = stored.keys().cloned().collect();
        keys.sort();
        let key = &keys[which % keys.len()];
        let damaged = apply(&stored[key], &how);
        stored.insert(key.clone(), damaged);
        let _ = persist::decode(|k| stored.get(k).cloned());
    }

    #[test]
    fn random_text_under_any_key_is_read_or_refused(
        meta in proptest::option::of(".{0,300}"),
        legacy in proptest::option::of(".{0,300}"),
        other in ".{0,300}",
    ) {
        let _ = persist::decode(|k| match k {
            META_KEY => meta.clone(),
            LEGACY_STATE_KEY => legacy.clone(),
            _ => Some(other.clone()),
        });
    }

    #[test]
    fn any_bytes_given_to_import_users_are_checked_or_refused(
        bytes in proptest::collection::vec(any::<u8>(), 0..2_000),
        header in any::<bool>(),
        update in any::<bool>(),
    ) {
        let account = acme_at(LATER);
        let mut file = if header {
            b"Email,First Name,Last Name,User Type,Large Meetings,Role\n".to_vec()
        } else {
            Vec::new()
        };
        file.extend(bytes);
        let mode = if update { ImportMode::Update } else { ImportMode::Add };
        if let Ok(mut importer) = Importer::new(&account, file, mode, UserId(1)) {
            importer.step(3);
            prop_assert!(importer.percent_done() <= 100);
            let _ = importer.finish(&account, LATER);
        }
    }
}

#[test]
fn an_undamaged_store_still_reads_back() {
    let stored: HashMap<String, String> = stored_demo().into_iter().collect();
    let read = persist::decode(|k| stored.get(k).cloned())
        .unwrap()
        .unwrap();
    assert_eq!(read.portal, portal_at(LATER));
}
