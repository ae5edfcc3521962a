//! The domain at 50,000 users: what one click in the Users page costs
//! before anything is drawn. `cargo bench -p portal-domain --bench domain`

mod common;

use common::{big_acme, csv, now, owner, with_history, USERS};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use portal_domain::directory::{Sort, UserIndex};
use portal_domain::import::ImportMode;
use portal_domain::persist;
use portal_domain::{Account, BaseLicense, Capacity, Command, Importer, UserId};
use std::hint::black_box;

/// Ids of `n` imported Licensed users without Large Meetings.
fn licensed(account: &Account, n: usize) -> Vec<UserId> {
    account
        .users
        .iter()
        .filter(|u| u.email.as_str().ends_with("@bench.example"))
        .filter(|u| u.license == BaseLicense::Licensed && u.large_meetings.is_none())
        .take(n)
        .map(|u| u.id)
        .collect()
}

fn domain(c: &mut Criterion) {
    let acme = big_acme();
    let owner = owner(&acme);
    let ids = licensed(&acme, 1_000);
    let mut group = c.benchmark_group("50,000 users");
    group.sample_size(20);
    // Edit User's Save for one Licensed user: Large Meetings 500.
    let role = acme.user(ids[500]).map(|u| u.role).unwrap();
    let assign_one = |account: &mut Account| {
        let command = Command::EditUser {
            user: ids[500],
            role,
            license: BaseLicense::Licensed,
            large_meetings: Some(Capacity::P500),
            until: None,
        };
        account.execute(owner, now(), command).unwrap();
    };

    group.bench_function("assign Large Meetings to one user", |b| {
        b.iter_batched(
            || acme.clone(),
            |mut account| {
                assign_one(&mut account);
                account
            },
            BatchSize::LargeInput,
        )
    });

    // What Save in Edit User costs before drawing: the change, then the
    // store's work (compare every user chunk with the copy last stored,
    // encode the changed one, the log's last chunk and the account record).
    let stored: Vec<Vec<portal_domain::User>> = persist::user_chunks(&acme)
        .iter()
        .map(|c| c.users.to_vec())
        .collect();
    group.bench_function("assign one user and encode what a save writes", |b| {
        b.iter_batched(
            || acme.clone(),
            |mut account| {
                assign_one(&mut account);
                let chunks = persist::user_chunks(&account);
                let mut written = 0;
                for (chunk, copy) in chunks.iter().zip(&stored) {
                    if chunk.users != copy.as_slice() {
                        written += chunk.encode().len();
                    }
                }
                // The log's last chunk (the only one an entry changes).
                if let Some(entries) = persist::log_chunks(&account).last() {
                    written += persist::encode_log_chunk(entries).len();
                }
                written += persist::encode_account(&account, &chunks).len();
                (account, written)
            },
            BatchSize::LargeInput,
        )
    });

    group.bench_function("bulk assign Large Meetings to 1,000 users", |b| {
        b.iter_batched(
            || (acme.clone(), ids.clone()),
            |(mut account, users)| {
                account
                    .execute(
                        owner,
                        now(),
                        Command::BulkAssignLargeMeetings {
                            users,
                            capacity: Capacity::P500,
                            until: None,
                        },
                    )
                    .unwrap();
                account
            },
            BatchSize::LargeInput,
        )
    });

    // Undo (budget: 200 ms for a bulk change of 1,000 users): the same
    // bulk change run undoably (what it costs to keep what it changed),
    // then undone.
    group.bench_function("bulk assign to 1,000 users, undoably", |b| {
        b.iter_batched(
            || (acme.clone(), ids.clone()),
            |(mut account, users)| {
                let bulk = Command::BulkAssignLargeMeetings {
                    users,
                    capacity: Capacity::P500,
                    until: None,
                };
                let (_, change) = account.execute_undoable(owner, now(), bulk).unwrap();
                (account, change)
            },
            BatchSize::LargeInput,
        )
    });
    let mut assigned = acme.clone();
    let bulk = Command::BulkAssignLargeMeetings {
        users: ids.clone(),
        capacity: Capacity::P500,
        until: None,
    };
    let (_, change) = assigned.execute_undoable(owner, now(), bulk).unwrap();
    let change = change.unwrap();
    group.bench_function("undo that bulk change of 1,000 users", |b| {
        b.iter_batched(
            || assigned.clone(),
            |mut account| {
                account.undo(owner, now(), &change).unwrap();
                account
            },
            BatchSize::LargeInput,
        )
    });

    group.bench_function("seat counts (base plan and Large Meetings 500)", |b| {
        b.iter(|| {
            (
                black_box(&acme).seats_available(),
                black_box(&acme).seats(Capacity::P500),
            )
        })
    });

    group.bench_function("search index: build (sorted by name)", |b| {
        b.iter(|| UserIndex::new(black_box(&acme.users), Sort::BY_NAME))
    });

    let index = UserIndex::new(&acme.users, Sort::BY_NAME);
    group.bench_function("search index: one keystroke (\"lindq\")", |b| {
        b.iter(|| {
            index
                .search(&acme.users, black_box("lindq"), |_| true)
                .len()
        })
    });

    let file = csv(USERS);
    group.bench_function("import: check a file of 50,000 users", |b| {
        let empty = {
            let mut a = acme.clone();
            a.users.truncate(20);
            a
        };
        b.iter(|| {
            let owner = empty.users[0].id;
            let mode = ImportMode::Add;
            let mut importer =
                Importer::new(&empty, file.clone().into_bytes(), mode, owner).unwrap();
            while !importer.step(10_000) {}
            importer.finish(&empty, now()).unwrap().preview.added
        })
    });
    // Update existing users: every imported user's Last Name, checked
    // (with the preview, a run on a copy of the account) and applied.
    let update: String = std::iter::once("Email,Last Name".to_string())
        .chain(
            (acme.users.iter())
                .filter(|u| u.email.as_str().ends_with("@bench.example"))
                .map(|u| format!("{},Updated", u.email)),
        )
        .collect::<Vec<_>>()
        .join("\n");
    group.bench_function("import: update 50,000 users (check, preview, apply)", |b| {
        b.iter_batched(
            || acme.clone(),
            |mut account| {
                let bytes = update.clone().into_bytes();
                let mut importer =
                    Importer::new(&account, bytes, ImportMode::Update, owner).unwrap();
                while !importer.step(10_000) {}
                let checked = importer.finish(&account, now()).unwrap();
                assert_eq!(checked.preview.changed as usize, USERS);
                account.execute(owner, now(), checked.command).unwrap();
                account
            },
            BatchSize::LargeInput,
        )
    });
    // A group rule over 20,000 members (the first 20,000 imported users,
    // all Licensed): Large Meetings 1,000 for 19,998 of them, 2 waiting.
    let (grouped, webinars) = common::with_group(acme.clone(), 20_000);
    group.bench_function("group rule: Large Meetings 1,000 for 20,000 members", |b| {
        b.iter_batched(
            || grouped.clone(),
            |mut account| {
                let rule = Some(portal_domain::GroupRule {
                    capacity: Capacity::P1000,
                    workplace: false,
                });
                let command = Command::SetGroupRule {
                    group: webinars,
                    rule,
                };
                account.execute(owner, now(), command).unwrap();
                account
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function(
        "one change with groups: assign one user (settles every user)",
        |b| {
            b.iter_batched(
                || grouped.clone(),
                |mut account| {
                    assign_one(&mut account);
                    account
                },
                BatchSize::LargeInput,
            )
        },
    );
    group.finish();

    // License Usage's figures over a year of held meetings.
    let held = with_history(acme.clone(), 200_000);
    let mut group = c.benchmark_group("50,000 users, 200,000 held meetings");
    group.sample_size(20);
    let today = portal_domain::Day::of(now());
    group.bench_function("License Usage: every figure of the page (90 days)", |b| {
        b.iter(|| {
            black_box(held.at_risk(now()));
            black_box(held.right_sizing(now(), 90));
            black_box(held.weekly_peaks(today, 13));
            black_box(held.renewals(today, 12));
            black_box(held.seat_alerts(10));
        })
    });
    group.bench_function("right-sizing over 30 days", |b| {
        b.iter(|| black_box(held.right_sizing(now(), 30)))
    });
    group.finish();
}

criterion_group!(benches, domain);
criterion_main!(benches);
