//! Import Users on arbitrary file contents: every file is checked or
//! refused with its problems, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use portal_domain::import::ImportMode;
use portal_domain::{demo, Account, Importer, Timestamp, UserId};
use std::sync::OnceLock;

fn acme() -> &'static Account {
    static ACME: OnceLock<Account> = OnceLock::new();
    ACME.get_or_init(|| demo::portal(Timestamp(1_800_000_000_000)).accounts.remove(0))
}

fuzz_target!(|data: &[u8]| {
    let account = acme();
    // The first byte picks the mode; the owner imports.
    let (mode, data) = match data.split_first() {
        Some((b, rest)) if b % 2 == 1 => (ImportMode::Update, rest),
        _ => (ImportMode::Add, data),
    };
    if let Ok(mut importer) = Importer::new(account, data.to_vec(), mode, UserId(1)) {
        importer.step(7);
        assert!(importer.percent_done() <= 100);
        let _ = importer.finish(account, Timestamp(1_800_000_000_000));
    }
});
