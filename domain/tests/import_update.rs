//! Import Users with Update existing users, and the Group column in both
//! modes: what a file changes, the preview of it, the rules it keeps, and
//! that a refused file changes nothing.

use portal_domain::import::{
    Checked, Column, FileProblem, ImportMode, ImportPreview, ImportReport, RowError,
};
use portal_domain::{
    Account, AuditAction, BaseLicense, BillingCycle, Capacity, Command, DomainError, Importer, Role,
};
use proptest::prelude::*;

mod common;

use common::{acme, buy, id, now, ADMIN, BASIC, EMMA, LIAM, MEMBER, NOAH, OWNER};

fn check(account: &Account, mode: ImportMode, text: &str) -> Result<Checked, ImportReport> {
    let owner = id(account, OWNER);
    let mut importer = Importer::new(account, text.as_bytes().to_vec(), mode, owner)?;
    while !importer.step(3) {}
    importer.finish(account, now())
}

fn update(account: &Account, text: &str) -> Result<Checked, ImportReport> {
    check(account, ImportMode::Update, text)
}

/// Checks and applies `text`; returns the preview and the log entries.
fn apply(account: &mut Account, mode: ImportMode, text: &str) -> (ImportPreview, Vec<AuditAction>) {
    let checked = check(account, mode, text).unwrap();
    let owner = id(account, OWNER);
    let outcome = account.execute(owner, now(), checked.command).unwrap();
    let actions = outcome.entries.into_iter().map(|e| e.action).collect();
    (checked.preview, actions)
}

fn user<'a>(account: &'a Account, email: &str) -> &'a portal_domain::User {
    account.user(id(account, email)).unwrap()
}

fn problems(report: &ImportReport) -> Vec<(u64, Option<Column>, RowError)> {
    (report.listed.iter())
        .map(|p| (p.row, p.column, p.error.clone()))
        .collect()
}

#[test]
fn an_update_changes_what_its_cells_say_and_leaves_empty_cells_alone() {
    let mut account = acme();
    buy(&mut account, Capacity::P1000, 2, BillingCycle::Annual);
    let before = account.clone();
    let (preview, actions) = apply(
        &mut account,
        ImportMode::Update,
        "Email,First Name,Last Name,User Type,Large Meetings,Role,Group\n\
         liam.baker@acme.example,,,,1000,Admin,\n\
         emma.clark@acme.example,Emmy,,,,,Webinars\n\
         basic@acme.example,,,Licensed,1 000,,events\n\
         member@acme.example,,,,,,\n",
    );
    let liam = user(&account, LIAM);
    assert_eq!(liam.large_meetings, Some(Capacity::P1000));
    assert_eq!(liam.role, Role::Admin);
    assert_eq!(liam.first_name, user(&before, LIAM).first_name);
    let emma = user(&account, EMMA);
    assert_eq!(emma.first_name, "Emmy");
    assert_eq!(emma.last_name, user(&before, EMMA).last_name);
    let webinars = account.group_by_name("Webinars").unwrap().id;
    assert!(emma.membership.contains(webinars));
    let ben = user(&account, BASIC);
    assert_eq!(ben.license, BaseLicense::Licensed);
    assert_eq!(ben.large_meetings, Some(Capacity::P1000));
    let events = account.group_by_name("Events").unwrap().id;
    assert!(
        ben.membership.contains(events),
        "group names match in any case"
    );
    assert_eq!(
        preview,
        ImportPreview {
            rows: 4,
            added: 0,
            changed: 3,
            names: 1,
            licenses: 1,
            large_meetings: 2,
            roles: 1,
            groups: 2,
            new_groups: vec!["Webinars".into()],
        }
    );
    assert_eq!(
        ImportPreview {
            rows: 4,
            ..ImportPreview::between(&before, &account)
        },
        preview
    );
    assert_eq!(
        actions,
        vec![
            AuditAction::UsersUpdated { count: 3 },
            AuditAction::RoleChanged {
                from: Role::Member,
                to: Role::Admin
            },
            AuditAction::LargeMeetingsAssigned {
                capacity: Capacity::P1000,
                previous: None
            },
            AuditAction::BaseLicenseChanged {
                from: BaseLicense::Basic,
                to: BaseLicense::Licensed
            },
            AuditAction::LargeMeetingsAssigned {
                capacity: Capacity::P1000,
                previous: None
            },
            AuditAction::GroupCreated,
            AuditAction::MembersAdded { count: 1 },
            AuditAction::MembersAdded { count: 1 },
        ]
    );
}

#[test]
fn none_or_becoming_basic_takes_large_meetings_away_and_frees_the_license() {
    let mut account = acme();
    buy(&mut account, Capacity::P500, 2, BillingCycle::Annual);
    apply(
        &mut account,
        ImportMode::Update,
        "Email,Large Meetings\nliam.baker@acme.example,500\nemma.clark@acme.example,500\n",
    );
    assert_eq!(account.seats(Capacity::P500).available(), 0);
    let (preview, _) = apply(
        &mut account,
        ImportMode::Update,
        "Email,User Type,Large Meetings\n\
         liam.baker@acme.example,,None\n\
         emma.clark@acme.example,Basic,\n\
         noah.davis@acme.example,,500\n",
    );
    assert_eq!(user(&account, LIAM).large_meetings, None);
    assert_eq!(user(&account, EMMA).license, BaseLicense::Basic);
    assert_eq!(user(&account, EMMA).large_meetings, None);
    assert_eq!(
        user(&account, NOAH).large_meetings,
        Some(Capacity::P500),
        "a license freed by the same file can be given by it"
    );
    assert_eq!(
        (preview.changed, preview.large_meetings, preview.licenses),
        (3, 3, 1)
    );
}

#[test]
fn every_row_that_cannot_be_updated_is_named_with_its_reason() {
    let account = acme();
    let report = update(
        &account,
        "Email,First Name,User Type,Large Meetings,Role\n\
         nobody@acme.example,,,,\n\
         owner@acme.example,,Basic,,\n\
         owner@acme.example,,,,\n\
         admin@acme.example,,,,Member\n\
         basic@acme.example,,,500,\n\
         emma.clark@acme.example,,,,Owner\n\
         liam.baker@acme.example,,,700,Boss\n\
         member@acme.example,\u{202e}x,,,\n",
    )
    .unwrap_err();
    use Column::*;
    let refused = |e| RowError::Refused(e);
    assert_eq!(
        problems(&report),
        vec![
            (2, Some(Email), RowError::NotAUser),
            (3, Some(UserType), refused(DomainError::OwnerMustBeLicensed)),
            (4, Some(Email), RowError::DuplicateInFile { first_row: 3 }),
            (
                6,
                Some(LargeMeetings),
                refused(DomainError::OnlyPaidUsers {
                    users: vec![user(&account, BASIC).email.clone()]
                })
            ),
            (7, Some(Role), refused(DomainError::SecondOwner)),
            (
                8,
                Some(LargeMeetings),
                RowError::UnknownCapacity("700".into())
            ),
            (8, Some(Role), RowError::UnknownRole("Boss".into())),
            (9, Some(FirstName), RowError::HiddenCharacter),
        ],
        "row 5: the owner may change the admin's role"
    );
    // An admin may not change their own role; the owner may change theirs.
    let admin = id(&account, ADMIN);
    let mut importer = Importer::new(
        &account,
        b"Email,Role\nadmin@acme.example,Member\n".to_vec(),
        ImportMode::Update,
        admin,
    )
    .unwrap();
    importer.step(10);
    let report = importer.finish(&account, now()).unwrap_err();
    assert_eq!(
        problems(&report),
        vec![(2, Some(Role), refused(DomainError::CannotChangeOwnRole))]
    );
}

#[test]
fn more_licenses_than_are_free_refuse_the_whole_file_and_change_nobody() {
    let mut account = acme();
    buy(&mut account, Capacity::P1000, 1, BillingCycle::Annual);
    let before = account.clone();
    let report = update(
        &account,
        "Email,Large Meetings\nliam.baker@acme.example,1000\nemma.clark@acme.example,1000\n",
    )
    .unwrap_err();
    assert_eq!(
        report.file,
        vec![FileProblem::Refused(DomainError::NotEnoughSeats {
            capacity: Capacity::P1000,
            needed: 2,
            available: 1
        })]
    );
    assert_eq!(account, before);
    // A capacity the account does not own.
    let report = update(
        &account,
        "Email,Large Meetings\nliam.baker@acme.example,5000\n",
    )
    .unwrap_err();
    assert_eq!(
        report.file,
        vec![FileProblem::Refused(DomainError::CapacityNotOwned {
            capacity: Capacity::P5000
        })]
    );
    // A file that changes nothing is said so.
    let owner = &user(&account, OWNER).first_name;
    let same = format!("Email,First Name,Role\nowner@acme.example,{owner},Owner\n");
    let report = update(&account, &same).unwrap_err();
    assert_eq!(
        report.file,
        vec![FileProblem::Refused(DomainError::NothingToUpdate)]
    );
    // The command itself checks the seats too (the account may have
    // changed since the preview).
    let checked = update(
        &account,
        "Email,Large Meetings\nliam.baker@acme.example,1000\n",
    )
    .unwrap();
    let ada = id(&account, EMMA);
    let owner = id(&account, OWNER);
    account
        .execute(
            owner,
            now(),
            Command::BulkAssignLargeMeetings {
                users: vec![ada],
                capacity: Capacity::P1000,
                until: None,
            },
        )
        .unwrap();
    let before = account.clone();
    assert!(account.execute(owner, now(), checked.command).is_err());
    assert_eq!(account, before);
}

#[test]
fn adding_users_with_a_group_column_creates_missing_groups_once() {
    let mut account = acme();
    let (preview, actions) = apply(
        &mut account,
        ImportMode::Add,
        "Email,First Name,Last Name,User Type,Group\n\
         a@acme.example,A,One,Basic,Marketing\n\
         b@acme.example,B,Two,Basic,marketing\n\
         c@acme.example,C,Three,Basic,Events\n\
         d@acme.example,D,Four,Basic,\n",
    );
    assert_eq!(preview.added, 4);
    assert_eq!(preview.groups, 3);
    assert_eq!(preview.new_groups, vec!["Marketing".to_string()]);
    let marketing = account.group_by_name("MARKETING").unwrap().id;
    assert_eq!(account.members(marketing).count(), 2);
    let events = account.group_by_name("Events").unwrap().id;
    assert_eq!(account.members(events).count(), 4);
    assert_eq!(
        actions,
        vec![
            AuditAction::UsersImported { count: 4 },
            AuditAction::GroupCreated,
            AuditAction::MembersAdded { count: 2 },
            AuditAction::MembersAdded { count: 1 },
        ]
    );
    // A group name the rules refuse is a row problem.
    let long = "G".repeat(65);
    let report = check(
        &account,
        ImportMode::Add,
        &format!("Email,First Name,Last Name,User Type,Group\ne@acme.example,E,F,Basic,{long}\n"),
    )
    .unwrap_err();
    assert_eq!(
        problems(&report),
        vec![(2, Some(Column::Group), RowError::TooLong { max: 64 })]
    );
}

#[test]
fn joining_a_group_with_a_rule_by_import_covers_the_new_members() {
    let mut account = acme();
    buy(&mut account, Capacity::P3000, 5, BillingCycle::Annual);
    let owner = id(&account, OWNER);
    let events = account.group_by_name("Events").unwrap().id;
    account
        .execute(
            owner,
            now(),
            Command::SetGroupRule {
                group: events,
                rule: Some(portal_domain::GroupRule {
                    capacity: Capacity::P3000,
                    workplace: false,
                }),
            },
        )
        .unwrap();
    let (preview, _) = apply(
        &mut account,
        ImportMode::Update,
        "Email,Group\nadmin@acme.example,Events\n",
    );
    assert_eq!(user(&account, ADMIN).large_meetings, Some(Capacity::P3000));
    assert_eq!(
        (preview.changed, preview.groups, preview.large_meetings),
        (1, 1, 1)
    );
    assert_eq!(user(&account, MEMBER).large_meetings, Some(Capacity::P3000));
}

fn set_rule(account: &mut Account, group: &str, capacity: Capacity, workplace: bool) {
    let owner = id(account, OWNER);
    let group = account.group_by_name(group).unwrap().id;
    let rule = Some(portal_domain::GroupRule {
        capacity,
        workplace,
    });
    let command = Command::SetGroupRule { group, rule };
    account.execute(owner, now(), command).unwrap();
}

#[test]
fn an_export_imported_back_as_an_update_changes_nobody_even_with_group_rules() {
    let mut account = acme();
    buy(&mut account, Capacity::P1000, 5, BillingCycle::Annual);
    // Sales gives Zoom Workplace and Large Meetings 1,000: Zoe is Basic.
    set_rule(&mut account, "Sales", Capacity::P1000, true);
    let zoe = user(&account, "zoe.patel@acme.example");
    assert_eq!(
        (zoe.license, zoe.large_meetings),
        (BaseLicense::Licensed, Some(Capacity::P1000))
    );
    let export = portal_domain::import::export(&account.users);
    let report = update(&account, &export).unwrap_err();
    assert_eq!(
        report.file,
        vec![FileProblem::Refused(DomainError::NothingToUpdate)]
    );
}

#[test]
fn a_grant_hidden_under_a_larger_group_rule_frees_no_license_for_another_user() {
    let mut account = acme();
    buy(&mut account, Capacity::P500, 1, BillingCycle::Annual);
    buy(&mut account, Capacity::P1000, 5, BillingCycle::Annual);
    // Liam holds the one 500 directly, then Sales gives him 1,000 on top.
    apply(
        &mut account,
        ImportMode::Update,
        "Email,Large Meetings\nliam.baker@acme.example,500\n",
    );
    set_rule(&mut account, "Sales", Capacity::P1000, false);
    assert_eq!(user(&account, LIAM).large_meetings, Some(Capacity::P1000));
    // The 500 line counts what users hold: Noah takes the one 500.
    apply(
        &mut account,
        ImportMode::Update,
        "Email,Large Meetings\nnoah.davis@acme.example,500\n",
    );
    assert_eq!(account.seats(Capacity::P500).available(), 0);
    // Taking Liam's hidden 500 away does not make room for Emma.
    let report = update(
        &account,
        "Email,Large Meetings\nliam.baker@acme.example,None\nemma.clark@acme.example,500\n",
    )
    .unwrap_err();
    assert!(matches!(
        report.file[..],
        [FileProblem::Refused(DomainError::NotEnoughSeats { .. })]
    ));
    let seats = account.seats(Capacity::P500);
    assert!(seats.assigned <= seats.purchased);
}

#[test]
fn many_changes_are_logged_as_one_entry_per_kind_with_the_count() {
    let mut account = acme();
    buy(&mut account, Capacity::P500, 200, BillingCycle::Annual);
    let mut text = String::from("Email,User Type,Large Meetings\n");
    let licensed: Vec<String> = (account.users.iter())
        .filter(|u| u.license == BaseLicense::Licensed && u.role != Role::Owner)
        .map(|u| u.email.to_string())
        .collect();
    for email in &licensed {
        text.push_str(&format!("{email},,500\n"));
    }
    // Few users: one entry each.
    let (_, actions) = apply(&mut account, ImportMode::Update, &text);
    let assigned = |a: &AuditAction| matches!(a, AuditAction::LargeMeetingsAssigned { .. });
    assert_eq!(
        actions.iter().filter(|a| assigned(a)).count(),
        licensed.len()
    );
    assert!(licensed.len() <= portal_domain::command::MAX_AUTOMATIC_ENTRIES);
    // 150 users made Admin: one entry says so, with the count.
    let mut added = String::from("Email,First Name,Last Name,User Type\n");
    let mut admins = String::from("Email,Role\n");
    for i in 0..150 {
        added.push_str(&format!("u{i}@acme.example,U,{i},Basic\n"));
        admins.push_str(&format!("u{i}@acme.example,Admin\n"));
    }
    apply(&mut account, ImportMode::Add, &added);
    let checked = update(&account, &admins).unwrap();
    let owner = id(&account, OWNER);
    let entries = account
        .execute(owner, now(), checked.command)
        .unwrap()
        .entries;
    let roles: Vec<_> = (entries.iter())
        .filter(|e| matches!(e.action, AuditAction::RoleChanged { .. }))
        .map(|e| (e.target.clone(), e.action.clone()))
        .collect();
    assert_eq!(
        roles,
        vec![(
            portal_domain::AuditTarget::Imported { count: 150 },
            AuditAction::RoleChanged {
                from: Role::Member,
                to: Role::Admin
            }
        )]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any update file is applied whole or refused whole: a refused one
    /// changes nothing, an applied one changes what its preview says, and
    /// no line ever has more users than it has licenses.
    #[test]
    fn an_update_file_is_applied_whole_or_not_at_all(
        rows in proptest::collection::vec(
            (0usize..30, 0usize..3, 0usize..6, 0usize..4, 0usize..3),
            1..12,
        ),
        p500 in 0u32..4,
    ) {
        let mut account = acme();
        if p500 > 0 {
            buy(&mut account, Capacity::P500, p500, BillingCycle::Annual);
        }
        let emails: Vec<String> = account.users.iter().map(|u| u.email.to_string()).collect();
        let mut text = String::from("Email,User Type,Large Meetings,Role,Group\n");
        for (who, license, capacity, role, group) in rows {
            let email = emails.get(who).cloned().unwrap_or_else(|| format!("x{who}@acme.example"));
            let license = ["", "Basic", "Licensed"][license];
            let capacity = ["", "None", "500", "1000", "500", ""][capacity];
            let role = ["", "Member", "Admin", ""][role];
            let group = ["", "Events", "Imported"][group];
            text.push_str(&format!("{email},{license},{capacity},{role},{group}\n"));
        }
        let before = account.clone();
        match update(&account, &text) {
            Err(_) => prop_assert_eq!(&account, &before),
            Ok(checked) => {
                let owner = id(&account, OWNER);
                account.execute(owner, now(), checked.command).unwrap();
                let mut seen = ImportPreview::between(&before, &account);
                seen.rows = checked.preview.rows;
                prop_assert_eq!(seen, checked.preview);
                prop_assert!(account.seats_available() <= account.base_plan.seats);
                let licensed = account.users.iter().filter(|u| u.license == BaseLicense::Licensed).count();
                prop_assert!(licensed as u32 <= account.base_plan.seats);
                for capacity in Capacity::ALL {
                    let seats = account.seats(capacity);
                    prop_assert!(seats.assigned <= seats.purchased, "{:?}", capacity);
                }
                for user in &account.users {
                    prop_assert!(user.license == BaseLicense::Licensed || user.large_meetings.is_none());
                }
            }
        }
    }
}
