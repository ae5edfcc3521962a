import { expect, test, type Page } from "@playwright/test";
import { buyLargeMeetings, importUsers, loggaIn, nav, signIn } from "./helpers";

// Import Users and Export: a whole file or nothing, every problem named.

const HEADING = "Email,First Name,Last Name,User Type,Large Meetings,Role";

const showing = (page: Page) => page.locator(".page__lead");

test("a good file adds every user at once, with their licenses and roles, and the log records it", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buyLargeMeetings(page, "1000", "2");
  await page.goto("/users");
  await expect(showing(page)).toContainText("of 20 users");
  const dialog = await importUsers(
    page,
    [
      HEADING,
      "ada.new@acme.example,Ada,New,Licensed,1000,Admin",
      '"bo.new@acme.example","Bo, Jr",New,Basic,,',
      "cy.new@acme.example,Cy,New,licensed,,member",
    ].join("\r\n"),
  );
  await expect(page.getByRole("status").first()).toHaveText("3 users imported");
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Import Users" })).toBeFocused();
  await expect(showing(page)).toContainText("of 23 users");
  const ada = page.getByRole("row").filter({ hasText: "ada.new@acme.example" });
  await expect(ada).toContainText("Admin");
  await expect(ada).toContainText("1,000 participants");
  await expect(page.getByRole("row").filter({ hasText: "bo.new@acme.example" })).toContainText("Bo, Jr New");

  await page.reload();
  await expect(showing(page)).toContainText("of 23 users");
  await nav(page).getByRole("link", { name: "Admin Activity Logs" }).click();
  await expect(page.getByRole("row").nth(1)).toContainText("3 users imported from a CSV file");
});

test("a file with problems imports nobody and lists each problem with its row and column", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/users");
  const dialog = await importUsers(
    page,
    [
      HEADING,
      "fine@acme.example,Fine,Row,Basic,,",
      "not-an-email,A,B,Basic,,",
      "liam.baker@acme.example,Liam,Again,Basic,,",
      "c@acme.example,,D,Gold,,",
      "e@acme.example,E,F,Basic,500,Owner",
      "fine@acme.example,Fine,Twice,Basic,,",
    ].join("\n"),
  );
  const alert = dialog.getByRole("alert");
  await expect(alert).toContainText("Nothing was imported: 7 problems in 5 rows.");
  const problems = alert.getByRole("listitem");
  await expect(problems).toHaveText([
    "Row 3, Email: An email address contains exactly one @.",
    "Row 4, Email: is already a user of this account.",
    "Row 5, First Name: is empty.",
    "Row 5, User Type: “Gold” is not a user type. Use Basic or Licensed.",
    "Row 6, Large Meetings: only Licensed users can have Large Meetings.",
    "Row 6, Role: an account has one owner. Use Admin or Member.",
    "Row 7, Email: the same email is on row 2.",
  ]);
  await expect(dialog.getByLabel("CSV file")).toHaveAttribute("aria-invalid", "true");
  await page.keyboard.press("Escape");
  await expect(showing(page)).toContainText("of 20 users");
  await expect(page.getByRole("row").filter({ hasText: "fine@acme.example" })).toHaveCount(0);
});

test("two rows whose emails differ only in case are one problem in one row", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/users");
  const dialog = await importUsers(
    page,
    ["Email,First Name,Last Name,User Type", "case@acme.example,A,One,Basic", "CASE@Acme.example,A,Two,Basic"].join("\n"),
  );
  const alert = dialog.getByRole("alert");
  await expect(alert.getByRole("paragraph").first()).toHaveText(
    "Nothing was imported: 1 problem in 1 row. Fix it and import the file again.",
  );
  await expect(alert.getByRole("listitem")).toHaveText(["Row 3, Email: the same email is on row 2."]);
});

test("a row is a CSV record: a quoted line break keeps it one row, and later rows keep their numbers", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/users");
  const heading = "Email,First Name,Last Name,User Type";
  let dialog = await importUsers(page, [heading, 'multi@acme.example,"Anna\nMaria",Berg,Basic', "fine@acme.example,Fine,Row,Basic"].join("\n"));
  let alert = dialog.getByRole("alert");
  await expect(alert.getByRole("paragraph").first()).toHaveText(
    "Nothing was imported: 1 problem in 1 row. Fix it and import the file again.",
  );
  await expect(alert.getByRole("listitem")).toHaveText([
    "Row 2, First Name: contains a line break, a control character or a hidden text-direction character.",
  ]);
  await page.keyboard.press("Escape");

  dialog = await importUsers(
    page,
    [heading, 'multi@acme.example,"Anna\nMaria",Berg,Basic', "fine@acme.example,Fine,Row,Basic", "bad,,,Gold"].join("\n"),
  );
  alert = dialog.getByRole("alert");
  await expect(alert.getByRole("paragraph").first()).toHaveText(
    "Nothing was imported: 5 problems in 2 rows. Fix them and import the file again.",
  );
  await expect(alert.getByRole("listitem")).toHaveText([
    "Row 2, First Name: contains a line break, a control character or a hidden text-direction character.",
    "Row 4, Email: An email address contains exactly one @.",
    "Row 4, First Name: is empty.",
    "Row 4, Last Name: is empty.",
    "Row 4, User Type: “Gold” is not a user type. Use Basic or Licensed.",
  ]);
  await page.keyboard.press("Escape");

  dialog = await importUsers(page, [heading, "bad,,,Gold"].join("\n"));
  await expect(dialog.getByRole("alert").getByRole("paragraph").first()).toHaveText(
    "Nothing was imported: 4 problems in 1 row. Fix them and import the file again.",
  );
});

test("only the first 100 problems are listed; the rest are counted", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/users");
  const rows = ["Email,First Name,Last Name,User Type"];
  for (let i = 0; i < 250; i++) rows.push(`bad${i},A,B,Basic`);
  const dialog = await importUsers(page, rows.join("\n"));
  const alert = dialog.getByRole("alert");
  await expect(alert).toContainText("Nothing was imported: 250 problems in 250 rows.");
  await expect(alert.getByRole("listitem")).toHaveCount(100);
  await expect(alert).toContainText("…and 150 more problems not listed.");
});

test("a file with unknown or missing columns, or no users, is refused with what to fix", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/users");
  let dialog = await importUsers(page, "Email,Name,User Type\nx@acme.example,X,Basic\n");
  await expect(dialog.getByRole("alert").getByRole("listitem")).toHaveText([
    "The column “Name” is not known. Use Email, First Name, Last Name, User Type, Large Meetings, Role and Group.",
    "The column First Name is missing.",
    "The column Last Name is missing.",
  ]);
  await page.keyboard.press("Escape");
  dialog = await importUsers(page, "Email,First Name,Last Name,User Type\n", "empty.csv");
  await expect(dialog.getByRole("alert")).toContainText("The file has no users.");
  await page.keyboard.press("Escape");

  // Import with no file chosen.
  await page.getByRole("button", { name: "Import Users" }).click();
  dialog = page.getByRole("dialog", { name: "Import Users" });
  await dialog.getByRole("button", { name: "Check File" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Choose a CSV file to import.");
});

test("bad files of every kind each get their reason and import nobody; BOM and semicolons are fine", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/users");
  const before = await showing(page).textContent();
  const corpus: [string, Buffer, string][] = [
    ["empty.csv", Buffer.from(""), "The file has no users."],
    ["blank.csv", Buffer.from("\n\n"), "The file has no users."],
    ["quote.csv", Buffer.from('Email,First Name,Last Name,User Type\nq@acme.example,"Unclosed,Quote,Basic\n'), "Row 2: has 2 cells; the heading row has 4."],
    ["latin1.csv", Buffer.concat([Buffer.from("Email,First Name,Last Name,User Type\nb@acme.example,Bj"), Buffer.from([0xf6]), Buffer.from("rn,Berg,Basic\n")]), "Row 2, First Name: is not UTF-8 text. Save the file as “CSV UTF-8”."],
    ["picture.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), "Nothing was imported."],
    ["columns.csv", Buffer.from("Email,First Name,Last Name,User Type,Email\n"), "The column Email appears twice."],
  ];
  for (const [name, bytes, reason] of corpus) {
    await page.getByRole("button", { name: "Import Users" }).click();
    const dialog = page.getByRole("dialog", { name: "Import Users" });
    await dialog.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: bytes });
    await dialog.getByRole("button", { name: "Check File" }).click();
    await expect(dialog.getByRole("alert"), name).toContainText(reason);
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(showing(page)).toHaveText(before!);
  }

  // A byte-order mark and semicolons, as spreadsheets in Swedish save CSV.
  await importUsers(page, "\uFEFFEmail;First Name;Last Name;User Type\r\nsemi@acme.example;Åsa;Berg;Basic\r\n", "excel.csv");
  await expect(page.getByRole("status").first()).toHaveText("1 user imported");
  await expect(page.getByRole("row").filter({ hasText: "semi@acme.example" })).toContainText("Åsa Berg");
});

test("more Licensed users than free seats: the whole file is refused with the numbers", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await page.goto("/users");
  const rows = ["Email,First Name,Last Name,User Type"];
  for (let i = 0; i < 40; i++) rows.push(`seat${i}@acme.example,Seat,${i},Licensed`);
  const dialog = await importUsers(page, rows.join("\n"));
  await expect(dialog.getByRole("alert")).toContainText(
    /40 users need a Zoom Workplace license but only \d+ are free\. Buy more licenses or import some users as Basic\./,
  );
  await page.keyboard.press("Escape");
  await expect(showing(page)).toContainText("of 20 users");
});

test("Export downloads every user in the import's columns, and the file imports again", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/users");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("users.csv");
  const text = await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString("utf8"));
  const lines = text.trim().split("\n");
  expect(lines[0]).toBe(HEADING);
  expect(lines).toHaveLength(21);
  expect(lines).toContain("owner@acme.example,Olivia,Owens,Licensed,,Owner");
  await expect(page.getByRole("status").first()).toHaveText("20 users exported to users.csv.");

  // Importing it back: everybody is already a user (and the owner row is refused).
  let dialog = await importUsers(page, text);
  await expect(dialog.getByRole("alert")).toContainText("Nothing was imported: 21 problems in 20 rows.");
  await expect(dialog.getByRole("alert").getByRole("listitem").first()).toContainText("Row 2");
  await page.keyboard.press("Escape");
  // As an update, it changes nobody, and says so.
  dialog = await importUsers(page, text, "users.csv", { mode: "update" });
  await expect(dialog.getByRole("alert")).toContainText("The file changes nobody: every user already has what it says.");
});

test("Update existing users: a preview of what changes, then Import changes exactly that, and the log says so", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buyLargeMeetings(page, "1000", "2");
  await page.goto("/users");
  const file = [
    "Email,First Name,Last Name,User Type,Large Meetings,Role,Group",
    "liam.baker@acme.example,,,,1000,Admin,",
    "emma.clark@acme.example,Emmy,,,,,Webinars",
    "basic@acme.example,,,Licensed,,,events",
    "member@acme.example,,,,,,",
  ].join("\n");
  const dialog = await importUsers(page, file, "update.csv", { mode: "update", apply: false });
  const preview = dialog.locator("#import-preview");
  await expect(preview.getByRole("paragraph")).toHaveText("Ready to update: 3 of 4 users will change.");
  await expect(preview.getByRole("listitem")).toHaveText([
    "Name: 1",
    "Zoom Workplace license: 1",
    "Large Meetings: 1",
    "Role: 1",
    "Joins a group: 2",
    "New groups: Webinars",
  ]);
  // Nothing has changed yet.
  await expect(page.getByRole("row").filter({ hasText: "liam.baker@acme.example" })).not.toContainText("1,000 participants");
  // Choosing another file or mode asks for a new check.
  await dialog.getByRole("radio", { name: "Add new users" }).check();
  await expect(preview).toBeEmpty();
  await expect(dialog.getByRole("button", { name: "Check File" })).toBeVisible();
  await dialog.getByRole("radio", { name: "Update existing users" }).check();
  await dialog.getByRole("button", { name: "Check File" }).click();
  await expect(preview.getByRole("paragraph")).toHaveText("Ready to update: 3 of 4 users will change.");
  // So does opening the file chooser (the same file, edited, sends no change when picked again).
  const chooser = page.waitForEvent("filechooser");
  await dialog.getByLabel("CSV file").click();
  await (await chooser).setFiles({ name: "update.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  await expect(preview).toBeEmpty();
  await dialog.getByRole("button", { name: "Check File" }).click();
  await expect(preview.getByRole("paragraph")).toHaveText("Ready to update: 3 of 4 users will change.");
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").first()).toHaveText("3 users updated");
  const liam = page.getByRole("row").filter({ hasText: "liam.baker@acme.example" });
  await expect(liam).toContainText("1,000 participants");
  await expect(liam).toContainText("Admin");
  await expect(page.getByRole("row").filter({ hasText: "emma.clark@acme.example" })).toContainText("Emmy Clark");
  await expect(page.getByRole("row").filter({ hasText: "emma.clark@acme.example" })).toContainText("Webinars");
  await expect(page.getByRole("row").filter({ hasText: "basic@acme.example" })).toContainText("Events");
  // The search knows the new name at once.
  await page.getByRole("searchbox", { name: "Search" }).fill("emmy clark");
  await expect(page.getByRole("row").filter({ hasText: "emma.clark@acme.example" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search" }).fill("");

  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: "liam.baker@acme.example" })).toContainText("1,000 participants");
  await nav(page).getByRole("link", { name: "Admin Activity Logs" }).click();
  const rows = page.getByRole("row");
  await expect(rows.filter({ hasText: "3 users updated from a CSV file" })).toHaveCount(1);
  // A role given by a file is logged for its user, as in Edit User.
  await expect(rows.filter({ hasText: "liam.baker@acme.example" }).filter({ hasText: "Role changed from Member to Admin" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Group created" }).filter({ hasText: "Webinars" })).toHaveCount(1);
});

test("Update existing users refuses unknown emails, role and license rules and too few licenses, and changes nobody", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/users");
  let dialog = await importUsers(
    page,
    [
      "Email,User Type,Large Meetings,Role",
      "nobody@acme.example,,,",
      "owner@acme.example,,,Member",
      "admin@acme.example,,,Member",
      "basic@acme.example,,500,",
      "liam.baker@acme.example,,700,",
    ].join("\n"),
    "update.csv",
    { mode: "update" },
  );
  await expect(dialog.getByRole("alert").getByRole("listitem")).toHaveText([
    "Row 2, Email: is not a user of this account.",
    "Row 3, Role: An account has exactly one owner: the owner's role stays Owner, and nobody else can be made owner.",
    "Row 4, Role: You cannot change your own role; ask another admin or the owner.",
    /^Row 5, Large Meetings: /,
    "Row 6, Large Meetings: “700” is not a Large Meetings capacity. Use 500, 1000, 3000, 5000 or None, or leave it empty.",
  ]);
  await page.keyboard.press("Escape");
  dialog = await importUsers(page, "Email,Large Meetings\nliam.baker@acme.example,3000\n", "update.csv", { mode: "update" });
  await expect(dialog.getByRole("alert")).toContainText("Nothing was imported.");
  await expect(dialog.getByRole("alert")).toContainText("3,000");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("row").filter({ hasText: "liam.baker@acme.example" })).not.toContainText("participants");
});

test("Add new users with a Group column creates the missing groups, named in the preview", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/users");
  const dialog = await importUsers(
    page,
    [
      "Email,First Name,Last Name,User Type,Group",
      "ann@acme.example,Ann,One,Basic,Marketing",
      "bo@acme.example,Bo,Two,Basic,marketing",
      "cy@acme.example,Cy,Three,Basic,Events",
    ].join("\n"),
    "groups.csv",
    { apply: false },
  );
  const preview = dialog.locator("#import-preview");
  await expect(preview.getByRole("paragraph")).toHaveText("Ready to import 3 new users.");
  await expect(preview.getByRole("listitem")).toHaveText(["Joins a group: 3", "New groups: Marketing"]);
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status").first()).toHaveText("3 users imported");
  await page.goto("/groups");
  await expect(page.getByRole("row").filter({ hasText: "Marketing" })).toContainText("2");
  await expect(page.getByRole("row").filter({ hasText: "Events" })).toContainText("4");
});

test.describe("in Swedish", () => {
  test.use({ locale: "sv-SE" });

  test("the import speaks Swedish, numbers included", async ({ page }) => {
    await loggaIn(page, "owner@acme.example");
    await page.goto("/users");
    await page.getByRole("button", { name: "Importera användare" }).click();
    const dialog = page.getByRole("dialog", { name: "Importera användare" });
    const rows = ["Email,First Name,Last Name,User Type"];
    for (let i = 0; i < 1200; i++) rows.push(`sv${i}@acme.example,Sven,Nr ${i},Basic`);
    rows.push("trasig,A,B,Basic");
    await dialog.getByLabel("CSV-fil").setInputFiles({ name: "u.csv", mimeType: "text/csv", buffer: Buffer.from(rows.join("\n")) });
    await dialog.getByRole("button", { name: "Kontrollera filen" }).click();
    await expect(dialog.getByRole("alert")).toContainText("Inget importerades: 1 problem på 1 rad. Rätta det och importera filen igen.");
    await expect(dialog.getByRole("alert").getByRole("listitem")).toHaveText(["Rad 1202, Email: En e-postadress innehåller exakt ett @."]);
    rows.pop();
    await dialog.getByLabel("CSV-fil").setInputFiles({ name: "u.csv", mimeType: "text/csv", buffer: Buffer.from(rows.join("\n")) });
    await dialog.getByRole("button", { name: "Kontrollera filen" }).click();
    await expect(dialog.locator("#import-preview")).toHaveText("Klart att importera 1 200 nya användare.");
    await dialog.getByRole("button", { name: "Importera", exact: true }).click();
    await expect(page.getByRole("status").first()).toHaveText("1 200 användare importerade");
  });

  test("Uppdatera befintliga användare: förhandsvisning och uppdatering på svenska", async ({ page }) => {
    await loggaIn(page, "owner@acme.example");
    await page.goto("/users");
    await page.getByRole("button", { name: "Importera användare" }).click();
    const dialog = page.getByRole("dialog", { name: "Importera användare" });
    await expect(dialog.getByRole("group", { name: "Vad filen gör" })).toBeVisible();
    await dialog.getByRole("radio", { name: "Uppdatera befintliga användare" }).check();
    await expect(dialog.getByText(/En tom cell lämnar det fältet som det är/)).toBeVisible();
    const csv = "Email,Role,Group\nliam.baker@acme.example,Admin,Styrgruppen\nokänd@acme.example,,\n";
    await dialog.getByLabel("CSV-fil").setInputFiles({ name: "u.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await dialog.getByRole("button", { name: "Kontrollera filen" }).click();
    await expect(dialog.getByRole("alert").getByRole("listitem")).toHaveText(["Rad 3, Email: är ingen användare i kontot."]);
    await dialog.getByLabel("CSV-fil").setInputFiles({ name: "u.csv", mimeType: "text/csv", buffer: Buffer.from(csv.split("\n").slice(0, 2).join("\n")) });
    await dialog.getByRole("button", { name: "Kontrollera filen" }).click();
    const preview = dialog.locator("#import-preview");
    await expect(preview.getByRole("paragraph")).toHaveText("Klart att uppdatera: 1 av 1 användare ändras.");
    await expect(preview.getByRole("listitem")).toHaveText(["Roll: 1", "Går med i en grupp: 1", "Nya grupper: Styrgruppen"]);
    await dialog.getByRole("button", { name: "Importera", exact: true }).click();
    await expect(page.getByRole("status").first()).toHaveText("1 användare uppdaterad");
  });

  test("på svenska: skiftläge och citerade radbrytningar räknas rätt, med riktiga plural", async ({ page }) => {
    await loggaIn(page, "admin@acme.example");
    await page.goto("/users");
    const importera = async (csv: string) => {
      await page.getByRole("button", { name: "Importera användare" }).click();
      const dialog = page.getByRole("dialog", { name: "Importera användare" });
      await dialog.getByLabel("CSV-fil").setInputFiles({ name: "u.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
      await dialog.getByRole("button", { name: "Kontrollera filen" }).click();
      return dialog.getByRole("alert");
    };
    const heading = "Email,First Name,Last Name,User Type";

    let alert = await importera([heading, "case@acme.example,A,One,Basic", "CASE@Acme.example,A,Two,Basic"].join("\n"));
    await expect(alert.getByRole("paragraph").first()).toHaveText(
      "Inget importerades: 1 problem på 1 rad. Rätta det och importera filen igen.",
    );
    await expect(alert.getByRole("listitem")).toHaveText(["Rad 3, Email: samma e-postadress finns på rad 2."]);
    await page.keyboard.press("Escape");

    alert = await importera([heading, 'multi@acme.example,"Anna\nMaria",Berg,Basic', "fine@acme.example,Fine,Row,Basic"].join("\n"));
    await expect(alert.getByRole("paragraph").first()).toHaveText(
      "Inget importerades: 1 problem på 1 rad. Rätta det och importera filen igen.",
    );
    await expect(alert.getByRole("listitem")).toHaveText([
      "Rad 2, First Name: innehåller en radbrytning, ett kontrolltecken eller ett dolt tecken för textriktning.",
    ]);
    await page.keyboard.press("Escape");

    alert = await importera(
      [heading, 'multi@acme.example,"Anna\nMaria",Berg,Basic', "fine@acme.example,Fine,Row,Basic", "bad,,,Gold"].join("\n"),
    );
    await expect(alert.getByRole("paragraph").first()).toHaveText(
      "Inget importerades: 5 problem på 2 rader. Rätta dem och importera filen igen.",
    );
    await expect(alert.getByRole("listitem").nth(1)).toHaveText("Rad 4, Email: En e-postadress innehåller exakt ett @.");
  });
});

test("a file over 20 MB is refused before it is read", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/users");
  const dialog = await importUsers(page, "a".repeat(21 * 1024 * 1024), "huge.csv");
  await expect(dialog.getByRole("alert")).toContainText("The file is 21.0 MB; files of at most 20 MB are accepted.");
  await page.keyboard.press("Escape");
  await expect(showing(page)).toContainText("of 20 users");
});

test("a large file shows a progress bar while it is read, then how many were imported", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/users");
  // Record every value the progress bar takes (it is gone once the import ends).
  await page.evaluate(() => {
    const seen: { value: number; label: string | null }[] = [];
    (window as any).__progress = seen;
    new MutationObserver(() => {
      const bar = document.querySelector("[role=dialog] progress");
      if (bar) seen.push({ value: Number(bar.getAttribute("value")), label: bar.getAttribute("aria-label") });
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["value"] });
  });
  const rows = ["Email,First Name,Last Name,User Type"];
  for (let i = 0; i < 20_000; i++) rows.push(`many${i}@bulk.example,Many,User ${i},Basic`);
  await importUsers(page, rows.join("\n"));
  await expect(page.getByRole("status").first()).toHaveText("20,000 users imported");
  await expect(showing(page)).toContainText("of 20,020 users");
  const seen: { value: number; label: string }[] = await page.evaluate(() => (window as any).__progress);
  const values = seen.map((s) => s.value);
  expect(values.length).toBeGreaterThan(3);
  expect(values.some((v) => v > 0 && v < 100)).toBe(true);
  expect(values).toEqual([...values].sort((a, b) => a - b));
  expect(new Set(seen.map((s) => s.label))).toEqual(new Set(["Import progress"]));
});
