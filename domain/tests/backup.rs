//! Backup and restore of an account: the file reads back as the account it
//! was written from, password hashes stay out unless asked for, and every
//! file that is not a sound backup of this account is refused with its
//! reason (and never panics).

use portal_domain::backup::{self, BackupError, Counts, RuleBreak};
use portal_domain::demo::{ACME, DEMO_PASSWORD_HASH, GLOBEX};
use portal_domain::{
    Account, AccountId, BaseLicense, BillingCycle, Capacity, Command, Day, Role, Timestamp, UserId,
};
use proptest::prelude::*;

mod common;

use common::{acme, buy, edit_large_meetings, id, now, portal_at, ADMIN, EMMA, LIAM, NOAH, OWNER};

/// Acme with a line of Large Meetings 500 (3 licenses), two of them
/// assigned, and a meeting scheduled: every kind of record in use.
fn busy_acme() -> Account {
    let mut acme = acme();
    buy(&mut acme, Capacity::P500, 3, BillingCycle::Annual);
    let owner = id(&acme, OWNER);
    for email in [LIAM, EMMA] {
        let user = id(&acme, email);
        let command = edit_large_meetings(&acme, user, Some(Capacity::P500));
        acme.execute(owner, now(), command).unwrap();
    }
    acme
}

fn globex() -> Account {
    portal_at(now())
        .accounts
        .into_iter()
        .find(|a| a.id == GLOBEX)
        .unwrap()
}

fn read(text: &str) -> Result<backup::Backup, BackupError> {
    backup::read(text, ACME)
}

fn damaged_part(result: Result<backup::Backup, BackupError>) -> String {
    match result {
        Err(BackupError::Damaged { part, .. }) => part,
        other => panic!("expected Damaged, got {other:?}"),
    }
}

#[test]
fn a_backup_with_sign_in_data_reads_back_as_the_account() {
    let acme = busy_acme();
    assert!(!acme.history.meetings.is_empty() && !acme.groups.is_empty());
    let text = backup::write(&acme, now(), true);
    assert!(text.contains(DEMO_PASSWORD_HASH));
    let read = read(&text).unwrap();
    assert_eq!(read.account, acme);
    assert_eq!(read.created_at, now());
    assert!(read.sign_in_data);
}

#[test]
fn without_sign_in_data_no_password_hash_leaves_and_the_restore_keeps_todays() {
    let acme = busy_acme();
    let text = backup::write(&acme, now(), false);
    assert!(!text.contains("$argon2"), "a password hash is in the file");
    let read = read(&text).unwrap();
    assert!(!read.sign_in_data);
    assert!(read.account.users.iter().all(|u| u.password.is_none()));

    // Restored over the same account: everyone signs in as before.
    let owner = id(&acme, OWNER);
    let restore = backup::plan(read, &acme, owner).unwrap();
    assert_eq!(restore.account, acme);
}

#[test]
fn a_user_removed_since_the_backup_comes_back_without_a_password_and_the_rest_keep_theirs() {
    let acme = busy_acme();
    let noah = id(&acme, NOAH);
    assert!(acme.user(noah).unwrap().password.is_some());
    let text = backup::write(&acme, now(), false);
    let mut later = acme.clone();
    let owner = id(&later, OWNER);
    let remove = Command::RemoveUser {
        user: noah,
        meetings: None,
    };
    later.execute(owner, now(), remove).unwrap();

    let restore = backup::plan(read(&text).unwrap(), &later, owner).unwrap();
    assert_eq!(restore.replaced, Counts::of(&later));
    assert_eq!(restore.restored, Counts::of(&acme));
    assert_eq!(restore.restored.users, restore.replaced.users + 1);
    assert_eq!(restore.account.user(noah).unwrap().password, None);
    for user in restore.account.users.iter().filter(|u| u.id != noah) {
        assert_eq!(user.password, acme.user(user.id).unwrap().password);
    }
}

#[test]
fn the_counts_say_what_is_replaced_with_what() {
    let acme = busy_acme();
    let counts = Counts::of(&acme);
    assert_eq!(counts.users, acme.users.len());
    assert_eq!(counts.orders, 1);
    assert_eq!(counts.groups, acme.groups.len());
    assert_eq!(counts.meetings, acme.meetings.len());
    assert_eq!(counts.held_meetings, acme.history.meetings.len());
    assert_eq!(counts.log_entries, acme.audit.len());
}

#[test]
fn only_the_owner_restores_and_never_a_backup_that_would_take_the_account_from_them() {
    let acme = busy_acme();
    let text = backup::write(&acme, now(), true);
    let admin = id(&acme, ADMIN);
    assert_eq!(
        backup::plan(read(&text).unwrap(), &acme, admin),
        Err(BackupError::OwnersOnly)
    );

    // The backup's owner is someone else: restoring it locks this one out.
    let mut other_owner = acme.clone();
    let owner = id(&other_owner, OWNER);
    for user in &mut other_owner.users {
        if user.id == owner {
            user.email = portal_domain::Email::parse("new.owner@acme.example").unwrap();
        }
    }
    let text = backup::write(&other_owner, now(), true);
    match backup::plan(read(&text).unwrap(), &acme, owner) {
        Err(BackupError::LocksYouOut { owner }) => {
            assert_eq!(owner.as_str(), "new.owner@acme.example")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn files_that_are_not_backups_are_refused_as_such() {
    for text in [
        "",
        "{}",
        "[1,2,3]",
        "null",
        "Email,First Name\nx@y.z,X",
        r#"{"format":"something-else","version":1}"#,
        r#"{"schema":5,"revision":3,"saved_at":0,"accounts":[1]}"#,
    ] {
        assert_eq!(read(text), Err(BackupError::NotABackup), "{text:?}");
    }
}

#[test]
fn a_newer_version_or_schema_is_refused_naming_both() {
    let text = backup::write(&busy_acme(), now(), true);
    let newer = text.replacen("\"version\":1", "\"version\":2", 1);
    assert_eq!(
        read(&newer),
        Err(BackupError::NewerVersion {
            found: 2,
            supported: 1
        })
    );
    let schema = format!("\"schema\":{}", portal_domain::persist::SCHEMA_VERSION);
    let newer = text.replacen(&schema, "\"schema\":99", 1);
    assert_eq!(
        read(&newer),
        Err(BackupError::NewerSchema {
            found: 99,
            supported: portal_domain::persist::SCHEMA_VERSION
        })
    );
}

#[test]
fn a_backup_of_another_account_is_refused_naming_it() {
    let text = backup::write(&globex(), now(), true);
    assert_eq!(
        read(&text),
        Err(BackupError::OtherAccount {
            id: GLOBEX,
            name: "Globex AB".into()
        })
    );
    assert!(backup::read(&text, GLOBEX).is_ok());
}

#[test]
fn a_file_cut_short_anywhere_is_refused() {
    let text = backup::write(&busy_acme(), now(), true);
    let step = (text.len() / 400).max(1);
    for end in (0..text.len()).step_by(step) {
        if !text.is_char_boundary(end) {
            continue;
        }
        let result = read(&text[..end]);
        assert!(
            matches!(
                result,
                Err(BackupError::NotABackup | BackupError::Damaged { .. })
            ),
            "cut at {end}: {result:?}"
        );
    }
}

#[test]
fn a_file_too_large_for_any_storage_is_refused_unread() {
    let text = " ".repeat(backup::MAX_BYTES + 1);
    assert_eq!(
        read(&text),
        Err(BackupError::TooLarge {
            bytes: backup::MAX_BYTES + 1,
            max: backup::MAX_BYTES
        })
    );
}

#[test]
fn records_of_another_account_given_twice_or_unlisted_are_damage() {
    let text = backup::write(&busy_acme(), now(), true);
    let records = "\"records\":{";
    let with = |extra: &str| text.replacen(records, &format!("{records}{extra},"), 1);

    let foreign = with(r#""lmp.account.2":"{}""#);
    assert_eq!(damaged_part(read(&foreign)), "lmp.account.2");
    let lookalike = with(r#""lmp.account.10.users.0":"x""#);
    assert_eq!(damaged_part(read(&lookalike)), "lmp.account.10.users.0");
    let unlisted = with(r#""lmp.account.1.users.77":"@acme.example\n""#);
    assert_eq!(damaged_part(read(&unlisted)), "lmp.account.1.users.77");
    let twice = with(r#""lmp.account.1":"{}""#);
    assert_eq!(damaged_part(read(&twice)), "lmp.account.1");
    let meta = with(r#""lmp.meta":"{}""#);
    assert_eq!(damaged_part(read(&meta)), "lmp.meta");
}

#[test]
fn a_damaged_record_is_named() {
    let text = backup::write(&busy_acme(), now(), false);
    // The first user chunk's first row loses its flags column.
    let damaged = text.replacen(",owner@,Olivia,Owens,O+L", ",owner@,Olivia,Owens", 1);
    assert_ne!(damaged, text);
    assert_eq!(damaged_part(read(&damaged)), "lmp.account.1.users.0");
}

#[test]
fn a_password_in_a_file_that_says_it_has_none_is_damage() {
    let acme = busy_acme();
    let text = backup::write(&acme, now(), true).replacen(
        "\"sign_in_data\":true",
        "\"sign_in_data\":false",
        1,
    );
    assert_eq!(damaged_part(read(&text)), "lmp.account.1.users.0");
}

/// `acme` broken by `edit`, written, and read back.
fn broken(edit: impl FnOnce(&mut Account)) -> Result<backup::Backup, BackupError> {
    let mut acme = busy_acme();
    edit(&mut acme);
    read(&backup::write(&acme, now(), true))
}

#[test]
fn an_account_that_breaks_the_rules_is_refused_naming_the_rule() {
    let rule = |result: Result<backup::Backup, BackupError>| match result {
        Err(BackupError::Rule(rule)) => rule,
        other => panic!("expected a broken rule, got {other:?}"),
    };
    assert_eq!(
        rule(broken(|a| a.large_meetings[0].quantity = 1)),
        RuleBreak::LargeMeetingsOverOwned {
            capacity: Capacity::P500,
            assigned: 2,
            owned: 1
        }
    );
    assert_eq!(
        rule(broken(|a| {
            let admin = id(a, ADMIN);
            a.users.iter_mut().find(|u| u.id == admin).unwrap().role = Role::Owner;
        })),
        RuleBreak::OwnerCount { owners: 2 }
    );
    assert_eq!(
        rule(broken(|a| a.meetings[0].host = UserId(99_999))),
        RuleBreak::MeetingWithoutHost {
            topic: busy_acme().meetings[0].topic.clone()
        }
    );
    let liam = id(&busy_acme(), LIAM);
    assert_eq!(
        rule(broken(|a| {
            a.users.iter_mut().find(|u| u.id == liam).unwrap().license = BaseLicense::Basic;
        })),
        RuleBreak::BasicWithLargeMeetings {
            email: busy_acme().user(liam).unwrap().email.clone()
        }
    );
    assert_eq!(
        rule(broken(|a| a.base_plan.seats = 1)),
        RuleBreak::PaidSeatsOverUsed {
            used: busy_acme().seats_in_use(),
            seats: 1
        }
    );
    assert!(matches!(
        rule(broken(|a| {
            let first = a.groups[0].name.to_uppercase();
            a.groups[1].name = first;
        })),
        RuleBreak::GroupNameTwice { .. }
    ));
}

#[test]
fn the_file_is_named_after_the_account_and_the_day() {
    let day = Day::from_ymd(2026, 12, 6).unwrap();
    assert_eq!(
        backup::file_name(&busy_acme(), day),
        "lmp-backup-acme-inc-2026-12-06.json"
    );
    assert_eq!(
        backup::file_name(&globex(), day),
        "lmp-backup-globex-ab-2026-12-06.json"
    );
}

/// A change to a backup's text: a character replaced, taken out or put in
/// at a position (as a fraction of the length).
#[derive(Clone, Debug)]
enum Edit {
    Replace(f64, char),
    Remove(f64, usize),
    Insert(f64, String),
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = 0.0..1.0f64;
    let junk = prop_oneof![
        Just('"'),
        Just('\\'),
        Just('{'),
        Just('}'),
        Just(','),
        Just('9'),
        Just('\n'),
        any::<char>()
    ];
    prop_oneof![
        (at.clone(), junk).prop_map(|(a, c)| Edit::Replace(a, c)),
        (at.clone(), 1usize..40).prop_map(|(a, n)| Edit::Remove(a, n)),
        (at, "[\\PC\"{}:,0-9]{1,12}").prop_map(|(a, s)| Edit::Insert(a, s)),
    ]
}

fn apply(text: &str, edit: &Edit) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = |f: f64| ((chars.len() as f64 * f) as usize).min(chars.len().saturating_sub(1));
    let mut out = chars.clone();
    match edit {
        Edit::Replace(f, c) => out[at(*f)] = *c,
        Edit::Remove(f, n) => {
            let from = at(*f);
            out.drain(from..(from + n).min(chars.len()));
        }
        Edit::Insert(f, s) => {
            let from = at(*f);
            out.splice(from..from, s.chars());
        }
    }
    out.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Whatever is done to a backup, reading it never panics, and what it
    /// accepts keeps every rule of the portal.
    #[test]
    fn a_tampered_backup_is_refused_or_read_as_a_sound_account(
        edits in proptest::collection::vec(edit(), 1..4),
        sign_in_data in any::<bool>(),
    ) {
        let acme = busy_acme();
        let mut text = backup::write(&acme, now(), sign_in_data);
        for e in &edits {
            text = apply(&text, e);
        }
        if let Ok(read) = read(&text) {
            prop_assert_eq!(read.account.id, ACME);
            prop_assert_eq!(backup::check_rules(&read.account), Ok(()));
        }
    }

    /// Any account the commands make reads back as itself.
    #[test]
    fn accounts_changed_at_random_read_back_as_themselves(
        bought in proptest::collection::vec((0usize..4, 1u32..4), 0..4),
        given in proptest::collection::vec((0usize..40, proptest::option::of(0usize..4)), 0..12),
        days in 0i64..400,
    ) {
        let mut acme = acme();
        for (capacity, n) in bought {
            buy(&mut acme, Capacity::ALL[capacity], n, BillingCycle::Monthly);
        }
        let owner = id(&acme, OWNER);
        for (user, capacity) in given {
            let user = acme.users[user % acme.users.len()].id;
            let command = edit_large_meetings(&acme, user, capacity.map(|c| Capacity::ALL[c]));
            let _ = acme.execute(owner, now(), command);
        }
        let at = Timestamp(now().0 + days * 86_400_000);
        for sign_in_data in [true, false] {
            let text = backup::write(&acme, at, sign_in_data);
            let read = backup::read(&text, ACME).unwrap();
            prop_assert_eq!(read.created_at, at);
            let restore = backup::plan(read, &acme, owner).unwrap();
            prop_assert_eq!(&restore.account, &acme);
        }
    }
}

#[test]
fn an_unknown_account_id_is_another_account() {
    let text = backup::write(&busy_acme(), now(), true);
    assert!(matches!(
        backup::read(&text, AccountId(7)),
        Err(BackupError::OtherAccount { id: ACME, .. })
    ));
}
