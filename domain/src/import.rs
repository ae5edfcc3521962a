//! Users in and out as CSV: the Import Users file and the Export download.
//!
//! Columns: `Email, First Name, Last Name, User Type, Large Meetings, Role,
//! Group` (the last three optional). An import adds new users
//! ([`ImportMode::Add`]) or updates existing ones ([`ImportMode::Update`]:
//! only Email is required, and an empty cell leaves that field as it is).
//! It is checked completely before anything changes: [`Importer`] reads the
//! file a slice at a time (so the page can show progress), collects every
//! problem with its row and column, and only a file without problems
//! becomes a [`Command`], which [`Importer::finish`] runs on a copy of the
//! account to say what it will change ([`ImportPreview`]).

use crate::csv_in::{Record, Records};
use crate::csv_out::CsvOut;
use crate::group::MAX_GROUP_NAME_CHARS;
use crate::text::{self, TextProblem, MAX_NAME_CHARS};
use crate::{
    Account, BaseLicense, Capacity, Command, DomainError, Email, EmailError, Role, Timestamp, User,
    UserId,
};
use std::collections::HashMap;

/// The columns of the file, in the order Export writes them (it writes
/// all but Group: a user may be in several groups).
pub const COLUMNS: [Column; 7] = [
    Column::Email,
    Column::FirstName,
    Column::LastName,
    Column::UserType,
    Column::LargeMeetings,
    Column::Role,
    Column::Group,
];

/// At most this many problems are listed; the rest are only counted.
pub const MAX_LISTED_PROBLEMS: usize = 100;
/// A file may hold at most this many users.
pub const MAX_ROWS: usize = 100_000;
/// A file may be at most this large (bytes).
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Email,
    FirstName,
    LastName,
    UserType,
    LargeMeetings,
    Role,
    /// The name of a group the user joins (created when missing).
    Group,
}

/// What Import Users does with the file's rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ImportMode {
    /// Every row is a new user.
    #[default]
    Add,
    /// Every row is a user of the account; empty cells change nothing.
    Update,
}

impl Column {
    /// The column's heading in the file.
    pub const fn heading(self) -> &'static str {
        match self {
            Column::Email => "Email",
            Column::FirstName => "First Name",
            Column::LastName => "Last Name",
            Column::UserType => "User Type",
            Column::LargeMeetings => "Large Meetings",
            Column::Role => "Role",
            Column::Group => "Group",
        }
    }

    const fn required(self, mode: ImportMode) -> bool {
        match mode {
            ImportMode::Add => {
                !matches!(self, Column::LargeMeetings | Column::Role | Column::Group)
            }
            ImportMode::Update => matches!(self, Column::Email),
        }
    }
}

/// One user to add, read from a row of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewUser {
    pub email: Email,
    pub first_name: String,
    pub last_name: String,
    pub license: BaseLicense,
    pub large_meetings: Option<Capacity>,
    pub role: Role,
    /// A group to join, created when the account has none of this name.
    pub group: Option<String>,
}

/// What an update row changes for one user; `None` leaves a field as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserUpdate {
    pub user: UserId,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    /// The Zoom Workplace license given directly.
    pub license: Option<BaseLicense>,
    /// The Large Meetings given directly; `Some(None)` takes it away.
    pub large_meetings: Option<Option<Capacity>>,
    pub role: Option<Role>,
    pub group: Option<String>,
}

impl UserUpdate {
    /// The license `user` holds after the update (the one held now if the
    /// row gives none) and the Large Meetings given directly: a user who
    /// becomes Basic loses it unless the row asks for it (refused).
    pub fn licenses_of(&self, user: &User) -> (BaseLicense, Option<Capacity>) {
        let license = self.license.unwrap_or(user.license);
        let kept = match license {
            BaseLicense::Licensed => user.direct_large_meetings(),
            BaseLicense::Basic => None,
        };
        (license, self.large_meetings.unwrap_or(kept))
    }

    /// Why the update cannot be made to `user` by `actor`, and the column
    /// at fault: the rules of the Edit User dialog.
    pub fn check(&self, user: &User, actor: UserId) -> Result<(), (Column, DomainError)> {
        for (column, name, missing) in [
            (
                Column::FirstName,
                &self.first_name,
                DomainError::FirstNameMissing,
            ),
            (
                Column::LastName,
                &self.last_name,
                DomainError::LastNameMissing,
            ),
        ] {
            if let Some(name) = name {
                crate::command::check_name(name, missing).map_err(|e| (column, e))?;
            }
        }
        if let Some(role) = self.role.filter(|r| *r != user.role) {
            let refusal = if user.role == Role::Owner {
                Some(DomainError::OwnerRoleFixed)
            } else if role == Role::Owner {
                Some(DomainError::SecondOwner)
            } else if user.id == actor {
                Some(DomainError::CannotChangeOwnRole)
            } else {
                None
            };
            if let Some(error) = refusal {
                return Err((Column::Role, error));
            }
        }
        let (license, large_meetings) = self.licenses_of(user);
        if license == BaseLicense::Basic {
            if user.role == Role::Owner {
                return Err((Column::UserType, DomainError::OwnerMustBeLicensed));
            }
            if large_meetings.is_some() {
                let users = vec![user.email.clone()];
                return Err((Column::LargeMeetings, DomainError::OnlyPaidUsers { users }));
            }
        }
        if let Some(group) = &self.group {
            crate::command::check_group_text(group).map_err(|e| (Column::Group, e))?;
        }
        Ok(())
    }
}

/// Why one cell (or row) cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowError {
    /// The row has a different number of cells than the heading.
    FieldCount {
        expected: usize,
        found: usize,
    },
    /// The row is not UTF-8 text.
    NotText,
    Email(EmailError),
    /// The same email is on an earlier row (its row number).
    DuplicateInFile {
        first_row: u64,
    },
    /// The account already has a user with this email.
    AlreadyUser,
    /// A required cell is empty.
    Empty,
    UnknownUserType(String),
    UnknownCapacity(String),
    UnknownRole(String),
    /// Role "Owner": an account has exactly one owner.
    SecondOwner,
    /// Large Meetings given to a Basic user.
    LargeMeetingsNeedsLicensed,
    /// A name longer than `max` characters.
    TooLong {
        max: usize,
    },
    /// A control or direction-override character (see [`crate::text`]).
    HiddenCharacter,
    /// Update: no user of the account has this email.
    NotAUser,
    /// Update: the change breaks a rule of the account (as Edit User would
    /// be refused).
    Refused(DomainError),
}

/// A problem on one row of the file. A row is a CSV record, which may span
/// several lines when a quoted cell holds a line break; `row` counts records
/// from 1, the heading being row 1, as a spreadsheet numbers them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    pub row: u64,
    pub column: Option<Column>,
    pub error: RowError,
}

/// A problem with the file as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    TooLarge {
        bytes: usize,
    },
    /// No heading, or no user rows.
    Empty,
    /// The heading row is not UTF-8 text.
    HeadingNotText,
    MissingColumn(Column),
    UnknownColumn(String),
    RepeatedColumn(Column),
    TooManyRows {
        rows: usize,
    },
    /// The file's users do not fit the account (seats, licenses).
    Refused(DomainError),
}

/// Everything wrong with a file; nothing was imported.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// User rows read.
    pub rows: usize,
    pub file: Vec<FileProblem>,
    /// The first [`MAX_LISTED_PROBLEMS`] row problems, in file order.
    pub listed: Vec<RowProblem>,
    /// All row problems, listed or not.
    pub row_problems: usize,
    /// The rows with at least one problem.
    pub problem_rows: usize,
}

impl ImportReport {
    fn file(problem: FileProblem) -> Self {
        Self {
            file: vec![problem],
            ..Self::default()
        }
    }
}

/// Reads an import file a slice at a time.
pub struct Importer {
    records: Records,
    /// For each cell position, its column.
    columns: Vec<Column>,
    total_bytes: u64,
    mode: ImportMode,
    actor: UserId,
    /// The account's users by email: their place in `users_now`.
    existing: HashMap<Email, usize>,
    /// Update: the account's users as the file is checked against them.
    users_now: Vec<User>,
    /// Email -> row it first appeared on.
    seen: HashMap<Email, u64>,
    users: Vec<NewUser>,
    updates: Vec<UserUpdate>,
    report: ImportReport,
    record: Record,
    done: bool,
    /// The row of the latest problem, so each problem row is counted once.
    last_problem_row: Option<u64>,
}

/// A file without problems: the command that applies it, and what it will
/// change in the account as it is now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub command: Command,
    pub preview: ImportPreview,
}

/// What an import changes, counted by running it on a copy of the account
/// (so rules, groups and seats are counted as they will be).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPreview {
    /// Rows in the file.
    pub rows: u32,
    /// New users.
    pub added: u32,
    /// Existing users with any change below.
    pub changed: u32,
    pub names: u32,
    /// Users whose Zoom Workplace license changes.
    pub licenses: u32,
    pub large_meetings: u32,
    pub roles: u32,
    /// Users who join a group (new users included).
    pub groups: u32,
    /// Groups created, by name.
    pub new_groups: Vec<String>,
}

impl ImportPreview {
    /// What changed from `before` to `after` (the same account, later).
    pub fn between(before: &Account, after: &Account) -> Self {
        let mut preview = ImportPreview {
            added: after.users.len().saturating_sub(before.users.len()) as u32,
            new_groups: after
                .groups
                .iter()
                .filter(|g| before.group(g.id).is_none())
                .map(|g| g.name.clone())
                .collect(),
            ..Self::default()
        };
        for now in &after.users {
            let Some(was) = before.user(now.id) else {
                preview.groups += u32::from(!now.membership.groups.is_empty());
                continue;
            };
            let counts = [
                (
                    &mut preview.names,
                    was.first_name != now.first_name || was.last_name != now.last_name,
                ),
                (&mut preview.licenses, was.license != now.license),
                (
                    &mut preview.large_meetings,
                    was.large_meetings != now.large_meetings,
                ),
                (&mut preview.roles, was.role != now.role),
                (
                    &mut preview.groups,
                    was.membership.groups != now.membership.groups,
                ),
            ];
            let mut changed = false;
            for (count, differs) in counts {
                *count += u32::from(differs);
                changed |= differs;
            }
            preview.changed += u32::from(changed);
        }
        preview
    }
}

impl Importer {
    /// Starts reading `bytes` for `actor` of `account`; refuses a file
    /// whose heading is unusable.
    pub fn new(
        account: &Account,
        mut bytes: Vec<u8>,
        mode: ImportMode,
        actor: UserId,
    ) -> Result<Self, ImportReport> {
        if bytes.len() > MAX_FILE_BYTES {
            return Err(ImportReport::file(FileProblem::TooLarge {
                bytes: bytes.len(),
            }));
        }
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
        let total_bytes = bytes.len() as u64;
        let delimiter = delimiter_of(&bytes);
        let mut records = Records::new(bytes, delimiter);
        let mut record = Record::new();
        records.read(&mut record);
        let headers = (record.iter().map(std::str::from_utf8))
            .collect::<Result<Vec<&str>, _>>()
            .map_err(|_| ImportReport::file(FileProblem::HeadingNotText))?;
        if headers.iter().all(|h| h.trim().is_empty()) {
            return Err(ImportReport::file(FileProblem::Empty));
        }
        let mut columns = Vec::new();
        let mut file = Vec::new();
        for heading in headers {
            let heading = heading.trim();
            match COLUMNS
                .into_iter()
                .find(|c| c.heading().eq_ignore_ascii_case(heading))
            {
                Some(column) if columns.contains(&column) => {
                    file.push(FileProblem::RepeatedColumn(column))
                }
                Some(column) => columns.push(column),
                None => file.push(FileProblem::UnknownColumn(heading.to_string())),
            }
        }
        for column in COLUMNS {
            if column.required(mode) && !columns.contains(&column) {
                file.push(FileProblem::MissingColumn(column));
            }
        }
        if !file.is_empty() {
            return Err(ImportReport {
                file,
                ..ImportReport::default()
            });
        }
        Ok(Self {
            records,
            columns,
            total_bytes,
            mode,
            actor,
            existing: (account.users.iter().enumerate())
                .map(|(at, u)| (u.email.clone(), at))
                .collect(),
            users_now: match mode {
                ImportMode::Add => Vec::new(),
                ImportMode::Update => account.users.clone(),
            },
            seen: HashMap::new(),
            users: Vec::new(),
            updates: Vec::new(),
            report: ImportReport::default(),
            record,
            done: false,
            last_problem_row: None,
        })
    }

    /// Reads up to `rows` more rows; returns whether the file is read.
    pub fn step(&mut self, rows: usize) -> bool {
        for _ in 0..rows {
            if self.done {
                break;
            }
            if self.records.read(&mut self.record) {
                // The row as a spreadsheet numbers it: the heading is row
                // 1, and a record whose quoted cell holds a line break is
                // still one row.
                let row = self.records.count();
                let record = std::mem::take(&mut self.record);
                self.row(row, &record);
                self.record = record;
            } else {
                self.done = true;
            }
        }
        self.done
    }

    /// How far the reading is, in percent (0 to 100).
    pub fn percent_done(&self) -> u32 {
        if self.done || self.total_bytes == 0 {
            return 100;
        }
        (self.records.position() as u64 * 100 / self.total_bytes) as u32
    }

    /// The users rows read so far.
    pub fn rows(&self) -> usize {
        self.report.rows
    }

    /// Reads what is left and checks the file against the account as it
    /// is now (seats, licenses): the command that applies it and what it
    /// will change, or every problem found.
    pub fn finish(mut self, account: &Account, now: Timestamp) -> Result<Checked, ImportReport> {
        while !self.step(10_000) {}
        let mut report = self.report;
        if report.rows == 0 && report.row_problems == 0 {
            report.file.push(FileProblem::Empty);
        }
        if report.rows > MAX_ROWS {
            report
                .file
                .push(FileProblem::TooManyRows { rows: report.rows });
        }
        if !report.file.is_empty() || report.row_problems != 0 {
            return Err(report);
        }
        let (trial, command) = match self.mode {
            ImportMode::Add => (
                Command::ImportUsers {
                    users: self.users.clone(),
                },
                Command::ImportUsers { users: self.users },
            ),
            ImportMode::Update => (
                Command::UpdateUsers {
                    updates: self.updates.clone(),
                },
                Command::UpdateUsers {
                    updates: self.updates,
                },
            ),
        };
        let mut after = account.scratch_copy();
        match after.execute(self.actor, now, trial) {
            Ok(_) => {
                let mut preview = ImportPreview::between(account, &after);
                preview.rows = report.rows as u32;
                Ok(Checked { command, preview })
            }
            Err(error) => {
                report.file.push(FileProblem::Refused(error));
                Err(report)
            }
        }
    }

    fn problem(&mut self, row: u64, column: Option<Column>, error: RowError) {
        // Problems come in file order, a row's together.
        if self.last_problem_row != Some(row) {
            self.last_problem_row = Some(row);
            self.report.problem_rows += 1;
        }
        self.report.row_problems += 1;
        if self.report.listed.len() < MAX_LISTED_PROBLEMS {
            self.report.listed.push(RowProblem { row, column, error });
        }
    }

    /// Checks one record: every problem of the row is reported, in the
    /// order of its columns, and a row without problems becomes a user to
    /// add or an update.
    fn row(&mut self, row: u64, record: &Record) {
        self.report.rows += 1;
        let Some(cells) = self.cells(row, record) else {
            return;
        };
        let cell = |c: Column| cells[c as usize];
        let before = self.report.row_problems;
        let update = self.mode == ImportMode::Update;
        let email = self.email(row, cell(Column::Email));
        // Update: an empty cell leaves the field as it is.
        let given = |c: Column| (!update || !cell(c).is_empty()).then(|| cell(c));
        let mut names = [None, None];
        for (at, column) in [Column::FirstName, Column::LastName]
            .into_iter()
            .enumerate()
        {
            if let Some(text) = given(column) {
                self.text(row, column, text, MAX_NAME_CHARS);
                names[at] = Some(text.to_string());
            }
        }
        let license = given(Column::UserType).and_then(|t| self.license(row, t));
        let large_meetings = given(Column::LargeMeetings).and_then(|t| self.capacity(row, t));
        let adding = !update;
        if adding && large_meetings.flatten().is_some() && license == Some(BaseLicense::Basic) {
            let error = RowError::LargeMeetingsNeedsLicensed;
            self.problem(row, Some(Column::LargeMeetings), error);
        }
        let role = given(Column::Role).and_then(|t| self.role(row, t));
        if adding && role == Some(Role::Owner) {
            self.problem(row, Some(Column::Role), RowError::SecondOwner);
        }
        let group = Some(cell(Column::Group))
            .filter(|g| !g.is_empty())
            .map(|g| {
                self.text(row, Column::Group, g, MAX_GROUP_NAME_CHARS)
                    .to_string()
            });
        let Some(email) = email else { return };
        let user = self.once(row, &email);
        if self.report.row_problems != before {
            return;
        }
        let [first_name, last_name] = names;
        match user {
            None => {
                if let (Some(license), Some(first_name), Some(last_name)) =
                    (license, first_name, last_name)
                {
                    self.users.push(NewUser {
                        email,
                        first_name,
                        last_name,
                        license,
                        large_meetings: large_meetings.flatten(),
                        role: role.unwrap_or(Role::Member),
                        group,
                    })
                }
            }
            Some(at) => {
                // A license or add-on the user holds already (given by a
                // group, say) is left as it is: an export imports back as
                // no change.
                let now = &self.users_now[at];
                let update = UserUpdate {
                    user: now.id,
                    first_name,
                    last_name,
                    license: license.filter(|l| *l != now.license),
                    large_meetings: large_meetings.filter(|c| *c != now.large_meetings),
                    role,
                    group,
                };
                match update.check(&self.users_now[at], self.actor) {
                    Ok(()) => self.updates.push(update),
                    Err((column, error)) => {
                        self.problem(row, Some(column), RowError::Refused(error))
                    }
                }
            }
        }
    }

    /// The record's cells by column, trimmed and read back from their CSV
    /// form; `None` (reported) if it has the wrong number of cells or a
    /// cell is not text.
    fn cells<'r>(&mut self, row: u64, record: &'r Record) -> Option<[&'r str; 7]> {
        if record.len() != self.columns.len() {
            self.problem(
                row,
                None,
                RowError::FieldCount {
                    expected: self.columns.len(),
                    found: record.len(),
                },
            );
            return None;
        }
        let mut cells: [&str; 7] = [""; 7];
        for (column, bytes) in self.columns.iter().zip(record.iter()) {
            match std::str::from_utf8(bytes) {
                Ok(text) => cells[*column as usize] = from_csv_cell(text.trim()),
                Err(_) => {
                    self.problem(row, Some(*column), RowError::NotText);
                    return None;
                }
            }
        }
        Some(cells)
    }

    fn email(&mut self, row: u64, text: &str) -> Option<Email> {
        match Email::parse(text) {
            Ok(email) => Some(email),
            Err(error) => {
                self.problem(row, Some(Column::Email), RowError::Email(error));
                None
            }
        }
    }

    /// A name of at most `max` characters (reported if not), trimmed.
    fn text<'t>(&mut self, row: u64, column: Column, text: &'t str, max: usize) -> &'t str {
        let error = match text::check(text, max) {
            Ok(text) => return text,
            Err(TextProblem::Missing) => RowError::Empty,
            Err(TextProblem::TooLong { max }) => RowError::TooLong { max },
            Err(TextProblem::HiddenCharacter) => RowError::HiddenCharacter,
        };
        self.problem(row, Some(column), error);
        text
    }

    fn license(&mut self, row: u64, text: &str) -> Option<BaseLicense> {
        let error = match text {
            t if t.eq_ignore_ascii_case("basic") => return Some(BaseLicense::Basic),
            t if t.eq_ignore_ascii_case("licensed") => return Some(BaseLicense::Licensed),
            "" => RowError::Empty,
            other => RowError::UnknownUserType(other.to_string()),
        };
        self.problem(row, Some(Column::UserType), error);
        None
    }

    /// The add-on a row asks for: `Some(None)` for an empty cell or
    /// "None", `None` (reported) for what is not a capacity.
    fn capacity(&mut self, row: u64, text: &str) -> Option<Option<Capacity>> {
        let parsed = parse_capacity(text);
        if parsed.is_none() {
            let error = RowError::UnknownCapacity(text.to_string());
            self.problem(row, Some(Column::LargeMeetings), error);
        }
        parsed
    }

    fn role(&mut self, row: u64, text: &str) -> Option<Role> {
        let error = match text {
            "" => return Some(Role::Member),
            r if r.eq_ignore_ascii_case("member") => return Some(Role::Member),
            r if r.eq_ignore_ascii_case("admin") => return Some(Role::Admin),
            r if r.eq_ignore_ascii_case("owner") => return Some(Role::Owner),
            other => RowError::UnknownRole(other.to_string()),
        };
        self.problem(row, Some(Column::Role), error);
        None
    }

    /// Where the account's user with `email` is in `users_now` when
    /// updating; reports an email earlier in the file, an existing user
    /// when adding and an unknown one when updating.
    fn once(&mut self, row: u64, email: &Email) -> Option<usize> {
        let user = self.existing.get(email).copied();
        let error = if let Some(first_row) = self.seen.get(email).copied() {
            RowError::DuplicateInFile { first_row }
        } else {
            self.seen.insert(email.clone(), row);
            match (self.mode, user) {
                (ImportMode::Add, Some(_)) => RowError::AlreadyUser,
                (ImportMode::Add, None) => return None,
                (ImportMode::Update, None) => RowError::NotAUser,
                (ImportMode::Update, at) => return at,
            }
        };
        self.problem(row, Some(Column::Email), error);
        None
    }
}

/// `;` when the heading row is separated by semicolons and has no comma
/// (spreadsheets set to Swedish and other languages with a decimal comma
/// save CSV that way), otherwise `,`.
fn delimiter_of(bytes: &[u8]) -> u8 {
    let heading = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    if heading.contains(&b';') && !heading.contains(&b',') {
        b';'
    } else {
        b','
    }
}

/// An empty cell or "None" is no add-on; "1000" and "1,000" are the same
/// capacity; `None` for anything else.
fn parse_capacity(text: &str) -> Option<Option<Capacity>> {
    if text.is_empty() || text.eq_ignore_ascii_case("none") {
        return Some(None);
    }
    let digits: String = text.chars().filter(|c| !matches!(c, ',' | ' ')).collect();
    let participants = digits.parse::<u32>().ok()?;
    Capacity::from_participants(participants).ok().map(Some)
}

/// The users as CSV with the import's columns, so an export imports again.
/// What makes a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as written to a CSV file: text a spreadsheet would run as a
/// formula (`=HYPERLINK(...)`, `+1`, `@SUM`) gets a leading apostrophe, as
/// OWASP advises against CSV injection. Import Users takes it off again.
pub fn csv_cell(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// The text of a cell written by [`csv_cell`].
pub fn from_csv_cell(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => text,
    }
}

pub fn export<'a>(users: impl IntoIterator<Item = &'a User>) -> String {
    let mut writer = CsvOut::new();
    writer.record(&COLUMNS.map(Column::heading)[..6]);
    for user in users {
        let capacity = user
            .large_meetings
            .map(|c| c.participants().to_string())
            .unwrap_or_default();
        writer.record([
            &csv_cell(user.email.as_str()),
            &csv_cell(&user.first_name),
            &csv_cell(&user.last_name),
            user.license.as_str(),
            &capacity,
            user.role.as_str(),
        ]);
    }
    writer.into_string()
}

impl Account {
    /// A copy of the account to try a change of users and groups on: its
    /// users, groups, plan and lines, without its log, orders and meetings.
    fn scratch_copy(&self) -> Account {
        Account {
            id: self.id,
            name: String::new(),
            billing_portal: self.billing_portal,
            base_plan: self.base_plan.clone(),
            users: self.users.clone(),
            meetings: Vec::new(),
            large_meetings: self.large_meetings.clone(),
            orders: Vec::new(),
            audit: Vec::new(),
            last_user_id: self.last_user_id,
            groups: self.groups.clone(),
            last_group_id: self.last_group_id,
            history: Default::default(),
        }
    }

    /// Refuses `users` if they do not fit: a seat for each Licensed user and
    /// a free Large Meetings license for each add-on.
    pub fn check_room_for(&self, users: &[NewUser]) -> Result<(), DomainError> {
        let licensed = users
            .iter()
            .filter(|u| u.license == BaseLicense::Licensed)
            .count() as u32;
        if licensed > self.seats_available() {
            return Err(DomainError::NotEnoughBaseSeats {
                needed: licensed,
                available: self.seats_available(),
            });
        }
        for capacity in Capacity::ALL {
            let needed = users
                .iter()
                .filter(|u| u.large_meetings == Some(capacity))
                .count() as u32;
            if needed > 0 {
                self.check_seats(capacity, needed)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;

    fn acme() -> Account {
        demo::portal(Timestamp(1_800_000_000_000)).accounts[0].clone()
    }

    /// The problems a report lists, as (row, column, error).
    fn listed(report: &ImportReport) -> Vec<(u64, Option<Column>, RowError)> {
        report
            .listed
            .iter()
            .map(|p| (p.row, p.column, p.error.clone()))
            .collect()
    }

    const NOW: Timestamp = Timestamp(1_800_000_000_000);

    /// The account's owner, who imports.
    fn owner(account: &Account) -> UserId {
        let owner = account.users.iter().find(|u| u.role == Role::Owner);
        owner.map_or(UserId(1), |u| u.id)
    }

    fn importer(account: &Account, bytes: Vec<u8>, mode: ImportMode) -> Importer {
        Importer::new(account, bytes, mode, owner(account)).unwrap()
    }

    fn check(account: &Account, text: &str, mode: ImportMode) -> Result<Checked, ImportReport> {
        let mut importer = Importer::new(account, text.as_bytes().to_vec(), mode, owner(account))?;
        while !importer.step(2) {}
        importer.finish(account, NOW)
    }

    /// The users a file adds.
    fn run(account: &Account, text: &str) -> Result<Vec<NewUser>, ImportReport> {
        match check(account, text, ImportMode::Add)?.command {
            Command::ImportUsers { users } => Ok(users),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn progress_goes_from_0_to_100_percent_as_rows_are_read() {
        let account = acme();
        let mut text = String::from("Email,First Name,Last Name,User Type\n");
        for i in 0..100 {
            text.push_str(&format!("p{i}@acme.example,P,{i},Basic\n"));
        }
        let mut importer = importer(&account, text.into_bytes(), ImportMode::Add);
        assert!(importer.percent_done() < 5);
        importer.step(50);
        assert!(
            (40..=60).contains(&importer.percent_done()),
            "{}",
            importer.percent_done()
        );
        assert_eq!(importer.rows(), 50);
        while !importer.step(10) {}
        assert_eq!(importer.percent_done(), 100);
        assert_eq!(importer.finish(&account, NOW).unwrap().preview.added, 100);
    }

    #[test]
    fn a_good_file_gives_its_users_in_order() {
        let users = run(
            &acme(),
            "\u{feff}Email,First Name,Last Name,User Type,Large Meetings,Role\n\
             New.One@Acme.example,New,One,Licensed,,\n\
             two@acme.example, Two ,Person,basic,,Admin\r\n",
        )
        .unwrap();
        assert_eq!(users.len(), 2);
        assert_eq!(users[0].email.as_str(), "new.one@acme.example");
        assert_eq!(users[0].license, BaseLicense::Licensed);
        assert_eq!(users[0].role, Role::Member);
        assert_eq!(users[1].first_name, "Two");
        assert_eq!(users[1].role, Role::Admin);
    }

    #[test]
    fn columns_may_come_in_any_order_and_the_optional_ones_may_be_left_out() {
        let users = run(
            &acme(),
            "user type,last name,first name,email\nBasic,Lee,Kim,kim@acme.example\n",
        )
        .unwrap();
        assert_eq!(users[0].last_name, "Lee");
        assert_eq!(users[0].large_meetings, None);
    }

    #[test]
    fn every_bad_cell_is_reported_with_its_line_and_column() {
        let report = run(
            &acme(),
            "Email,First Name,Last Name,User Type,Large Meetings,Role\n\
             not-an-email,A,B,Basic,,\n\
             c@acme.example,,D,Gold,,\n\
             e@acme.example,E,F,Basic,500,Owner\n\
             g@acme.example,G,H,Licensed,700,Boss\n\
             owner@acme.example,I,J,Basic,,\n\
             k@acme.example,K,L,Basic,,\n\
             K@acme.example,K,L,Basic,,\n\
             short@acme.example,S\n",
        )
        .unwrap_err();
        let found = listed(&report);
        use Column::*;
        assert_eq!(
            found,
            vec![
                (2, Some(Email), RowError::Email(EmailError::AtSign)),
                (3, Some(FirstName), RowError::Empty),
                (3, Some(UserType), RowError::UnknownUserType("Gold".into())),
                (4, Some(LargeMeetings), RowError::LargeMeetingsNeedsLicensed),
                (4, Some(Role), RowError::SecondOwner),
                (
                    5,
                    Some(LargeMeetings),
                    RowError::UnknownCapacity("700".into())
                ),
                (5, Some(Role), RowError::UnknownRole("Boss".into())),
                (6, Some(Email), RowError::AlreadyUser),
                (8, Some(Email), RowError::DuplicateInFile { first_row: 7 }),
                (
                    9,
                    None,
                    RowError::FieldCount {
                        expected: 6,
                        found: 2
                    }
                ),
            ]
        );
        assert_eq!(report.rows, 8);
        assert_eq!(report.row_problems, 10);
        assert_eq!(
            report.problem_rows, 7,
            "row 7 is the first of the duplicates"
        );
    }

    #[test]
    fn emails_that_differ_only_in_case_are_one_problem_on_one_row_of_two() {
        let report = run(
            &acme(),
            "Email,First Name,Last Name,User Type\n\
             case@acme.example,A,One,Basic\n\
             CASE@Acme.example,A,Two,Basic\n",
        )
        .unwrap_err();
        assert_eq!(report.rows, 2);
        assert_eq!(report.row_problems, 1);
        assert_eq!(report.problem_rows, 1);
        assert_eq!(
            report.listed,
            vec![RowProblem {
                row: 3,
                column: Some(Column::Email),
                error: RowError::DuplicateInFile { first_row: 2 }
            }]
        );
    }

    #[test]
    fn a_row_is_a_record_even_when_a_quoted_cell_holds_a_line_break() {
        // Row 2 spans two lines of the file; the rows after it keep the
        // numbers a spreadsheet gives them.
        let report = run(
            &acme(),
            "Email,First Name,Last Name,User Type\n\
             multi@acme.example,\"Anna\nMaria\",Berg,Basic\n\
             fine@acme.example,Fine,Row,Basic\n\
             not-an-email,A,B,Basic\n",
        )
        .unwrap_err();
        assert_eq!(report.rows, 3);
        let found = listed(&report);
        assert_eq!(
            found,
            vec![
                (2, Some(Column::FirstName), RowError::HiddenCharacter),
                (4, Some(Column::Email), RowError::Email(EmailError::AtSign)),
            ]
        );
        assert_eq!((report.row_problems, report.problem_rows), (2, 2));
    }

    #[test]
    fn several_problems_on_one_row_count_that_row_once() {
        let report = run(
            &acme(),
            "Email,First Name,Last Name,User Type\nbad,,,Gold\nok@acme.example,O,K,Basic\n",
        )
        .unwrap_err();
        assert_eq!(report.rows, 2);
        assert_eq!(report.row_problems, 4);
        assert_eq!(report.problem_rows, 1);
    }

    #[test]
    fn only_the_first_hundred_problems_are_listed_but_all_are_counted() {
        let mut text = String::from("Email,First Name,Last Name,User Type\n");
        for i in 0..250 {
            text.push_str(&format!("bad{i},A,B,Basic\n"));
        }
        let report = run(&acme(), &text).unwrap_err();
        assert_eq!(report.listed.len(), MAX_LISTED_PROBLEMS);
        assert_eq!(report.row_problems, 250);
        assert_eq!(report.listed[99].row, 101);
    }

    #[test]
    fn a_file_without_users_or_with_wrong_headings_is_refused() {
        let account = acme();
        assert_eq!(
            run(&account, "").unwrap_err().file,
            vec![FileProblem::Empty]
        );
        assert_eq!(
            run(&account, "Email,First Name,Last Name,User Type\n")
                .unwrap_err()
                .file,
            vec![FileProblem::Empty]
        );
        assert_eq!(
            run(&account, "Email,Name,User Type\nx@y.example,X,Basic\n")
                .unwrap_err()
                .file,
            vec![
                FileProblem::UnknownColumn("Name".into()),
                FileProblem::MissingColumn(Column::FirstName),
                FileProblem::MissingColumn(Column::LastName),
            ]
        );
        assert_eq!(
            run(&account, "Email,Email,First Name,Last Name,User Type\n")
                .unwrap_err()
                .file,
            vec![FileProblem::RepeatedColumn(Column::Email)]
        );
    }

    #[test]
    fn bytes_that_are_not_text_are_reported_on_their_row() {
        let mut bytes = b"Email,First Name,Last Name,User Type\na@acme.example,".to_vec();
        bytes.extend_from_slice(&[0xff, 0xfe]);
        bytes.extend_from_slice(b",B,Basic\n");
        let account = acme();
        let mut importer = importer(&account, bytes, ImportMode::Add);
        importer.step(10);
        let report = importer.finish(&account, NOW).unwrap_err();
        assert_eq!(report.listed[0].row, 2);
        assert_eq!(report.listed[0].error, RowError::NotText);
    }

    #[test]
    fn more_licensed_users_than_free_seats_refuses_the_whole_file() {
        let account = acme();
        let free = account.seats_available();
        let mut text = String::from("Email,First Name,Last Name,User Type\n");
        for i in 0..=free {
            text.push_str(&format!("u{i}@acme.example,U,{i},Licensed\n"));
        }
        let report = run(&account, &text).unwrap_err();
        assert_eq!(
            report.file,
            vec![FileProblem::Refused(DomainError::NotEnoughBaseSeats {
                needed: free + 1,
                available: free
            })]
        );
        assert!(report.listed.is_empty());
    }

    #[test]
    fn large_meetings_in_the_file_need_licenses_of_that_capacity() {
        let report = run(
            &acme(),
            "Email,First Name,Last Name,User Type,Large Meetings\nz@acme.example,Z,Z,Licensed,5000\n",
        )
        .unwrap_err();
        assert_eq!(
            report.file,
            vec![FileProblem::Refused(DomainError::CapacityNotOwned {
                capacity: Capacity::P5000
            })]
        );
    }

    #[test]
    fn an_export_has_every_user_and_reads_back_as_the_same_users() {
        let account = acme();
        let text = export(&account.users);
        assert!(text.starts_with("Email,First Name,Last Name,User Type,Large Meetings,Role\n"));
        assert_eq!(text.lines().count(), account.users.len() + 1);
        // Into an account without those users (the owner's row is left out:
        // an account has one owner).
        let mut empty = account.clone();
        empty.users.retain(|u| u.role == Role::Owner);
        empty.base_plan.seats = 1_000;
        let others: Vec<&User> = account
            .users
            .iter()
            .filter(|u| u.role != Role::Owner && u.large_meetings.is_none())
            .collect();
        let users = run(&empty, &export(others.iter().copied())).unwrap();
        assert_eq!(users.len(), others.len());
        for (new, old) in users.iter().zip(&others) {
            assert_eq!(
                (
                    &new.email,
                    &new.first_name,
                    &new.last_name,
                    new.license,
                    new.role
                ),
                (
                    &old.email,
                    &old.first_name,
                    &old.last_name,
                    old.license,
                    old.role
                )
            );
        }
    }

    #[test]
    fn a_quoted_cell_keeps_its_comma_and_quotes() {
        let users = run(
            &acme(),
            "Email,First Name,Last Name,User Type\nq@acme.example,\"Anna, Jr\",\"O\"\"Neil\",Basic\n",
        )
        .unwrap();
        assert_eq!(users[0].first_name, "Anna, Jr");
        assert_eq!(users[0].last_name, "O\"Neil");
    }

    #[test]
    fn cells_a_spreadsheet_would_run_are_defused_on_export_and_restored_on_import() {
        let mut account = acme();
        let hostile = [
            "=HYPERLINK(\"http://x.example\",\"Click\")",
            "+1",
            "-2",
            "@SUM(A1)",
        ];
        let mut users = Vec::new();
        for (i, text) in hostile.iter().enumerate() {
            let mut user = account.users[1].clone();
            user.email = Email::parse(&format!("f{i}@acme.example")).unwrap();
            user.first_name = text.to_string();
            user.last_name = "Plain".into();
            user.role = Role::Member;
            user.large_meetings = None;
            users.push(user);
        }
        let text = export(&users);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        for (record, original) in reader.records().zip(hostile) {
            let cell = record.unwrap()[1].to_string();
            assert_eq!(cell, format!("'{original}"));
        }
        assert!(text.contains(",Plain,"), "ordinary text is left as it is");
        account.base_plan.seats = 1_000;
        let read = run(&account, &text).unwrap();
        let names: Vec<&str> = read.iter().map(|u| u.first_name.as_str()).collect();
        assert_eq!(names, hostile);
        // An apostrophe before anything else is the person's own.
        assert_eq!(from_csv_cell("'Neil"), "'Neil");
        assert_eq!(csv_cell("O'Neil"), "O'Neil");
    }

    #[test]
    fn a_file_saved_with_semicolons_is_read_too() {
        let users = run(
            &acme(),
            "\u{feff}Email;First Name;Last Name;User Type;Large Meetings;Role\r\n\
             semi@acme.example;Åsa;\"Berg; Jr\";Basic;;\r\n",
        )
        .unwrap();
        assert_eq!(users[0].first_name, "Åsa");
        assert_eq!(users[0].last_name, "Berg; Jr");
        // A comma-separated file whose names contain semicolons stays comma-separated.
        let users = run(
            &acme(),
            "Email,First Name,Last Name,User Type\nc@acme.example,A;B,C,Basic\n",
        )
        .unwrap();
        assert_eq!(users[0].first_name, "A;B");
    }
}
