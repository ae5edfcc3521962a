//! Restore from backup on arbitrary text: the file an owner picks may be
//! anything. It must be read or refused with a reason, never panic, and an
//! accepted file must hold an account that keeps the portal's rules.
#![no_main]

use libfuzzer_sys::fuzz_target;
use portal_domain::backup;
use portal_domain::AccountId;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(read) = backup::read(&text, AccountId(1)) {
        assert_eq!(backup::check_rules(&read.account), Ok(()));
    }
});
