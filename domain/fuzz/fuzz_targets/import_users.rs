//! Import Users on arbitrary file contents: every file is checked or
//! refused with its problems, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use portal_domain::{demo, Account, Importer, Timestamp};
use std::sync::OnceLock;

fn acme() -> &'static Account {
    static ACME: OnceLock<Account> = OnceLock::new();
    ACME.get_or_init(|| demo::portal(Timestamp(1_800_000_000_000)).accounts.remove(0))
}

fuzz_target!(|data: &[u8]| {
    let account = acme();
    if let Ok(mut importer) = Importer::new(account, data.to_vec()) {
        importer.step(7);
        assert!(importer.percent_done() <= 100);
        let _ = importer.finish(account);
    }
});
