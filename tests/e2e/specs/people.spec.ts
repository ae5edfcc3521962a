import { expect, test, type Page } from "@playwright/test";
import { buyLargeMeetings as buy, editStoredAccount, importUsers, loggaIn, nav, signIn, tabTo } from "./helpers";

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `artifacts/screenshots/${name}.png`, fullPage: true });

const row = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });
const seats = (page: Page) => page.getByRole("list", { name: "Seats" });

test("Add Users checks every field, refuses duplicates and a lack of seats, then adds the user", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  const add = page.getByRole("button", { name: "Add Users" });
  await add.click();
  const dialog = page.getByRole("dialog", { name: "Add Users" });
  await expect(dialog.getByLabel("Email")).toBeFocused();
  const save = dialog.getByRole("button", { name: "Save" });
  const alert = dialog.getByRole("alert");

  await save.click();
  await expect(alert).toHaveText("Enter an email address.");
  await expect(dialog.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByLabel("Email")).toHaveAccessibleDescription("Enter an email address.");

  await dialog.getByLabel("Email").fill("nova.acme.example");
  await save.click();
  await expect(alert).toHaveText("An email address contains exactly one @.");
  await dialog.getByLabel("Email").fill("nova@");
  await save.click();
  await expect(alert).toHaveText("Enter a domain after the @, such as example.com.");

  await dialog.getByLabel("Email").fill("Liam.Baker@ACME.example");
  await dialog.getByLabel("First name").fill("Liam");
  await dialog.getByLabel("Last name").fill("Twice");
  await save.click();
  await expect(alert).toHaveText("A user with the email liam.baker@acme.example already exists.");

  await dialog.getByLabel("Email").fill("nova.lind@acme.example");
  await dialog.getByLabel("First name").fill("   ");
  await save.click();
  await expect(alert).toHaveText("Enter a first name.");
  await expect(dialog.getByLabel("First name")).toBeFocused();
  await expect(dialog.getByLabel("Email")).not.toHaveAttribute("aria-invalid", "true");
  await dialog.getByLabel("First name").fill("Nova");
  await dialog.getByLabel("Last name").fill("");
  await save.click();
  await expect(alert).toHaveText("Enter a last name.");
  await dialog.getByLabel("Last name").fill("Lind");
  await shot(page, "users-add-user-error");

  // Nothing was added by any of the refusals.
  await expect(page.getByText("Showing 1–20 of 20 users")).toBeVisible();

  await dialog.getByLabel("User type").selectOption({ label: "Licensed (4 available)" });
  await dialog.getByLabel("Role").selectOption("Admin");
  await save.click();
  await expect(dialog).toHaveCount(0);
  await expect(add).toBeFocused();
  await expect(page.getByRole("status").first()).toHaveText(
    "Nova Lind (nova.lind@acme.example) was added as a Licensed admin.",
  );
  await expect(row(page, "nova.lind@acme.example")).toContainText("Admin");
  await expect(row(page, "nova.lind@acme.example")).toContainText("Licensed");
  await expect(seats(page)).toContainText("Zoom Workplace seats: 17 of 20 in use");
  await page.reload();
  await expect(row(page, "nova.lind@acme.example")).toBeVisible();
  await nav(page).getByRole("link", { name: "Admin Activity Logs" }).click();
  await expect(page.getByRole("row").nth(1)).toContainText("nova.lind@acme.example");
  await expect(page.getByRole("row").nth(1)).toContainText("User added (Licensed, Admin)");
});

test("Add Users refuses a Licensed user when every seat is taken, and a Basic one is still added", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await editStoredAccount(page, 1, (account) => {
    account.base_plan.seats = 16;
  });
  await page.goto("/users");
  await page.getByRole("button", { name: "Add Users" }).click();
  const dialog = page.getByRole("dialog", { name: "Add Users" });
  await dialog.getByLabel("Email").fill("full@acme.example");
  await dialog.getByLabel("First name").fill("Full");
  await dialog.getByLabel("Last name").fill("House");
  // With no seat free, Licensed cannot be chosen and the dialog says why at once.
  await expect(dialog.getByRole("option", { name: "Licensed (0 available)" })).toBeDisabled();
  await expect(dialog).toContainText("All 16 Zoom Workplace seats are in use.");
  await expect(dialog.getByLabel("User type")).toHaveValue("Basic");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(row(page, "full@acme.example")).toContainText("Basic");
});

test("removing a user who hosts meetings: the meetings are listed and moved first, the seats return", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buy(page, "1000", "1");
  await page.goto("/users");
  await row(page, "member@acme.example").getByRole("button", { name: "Edit" }).click();
  await page.getByRole("dialog").getByRole("checkbox", { name: "Large Meetings" }).check();
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  await expect(seats(page)).toContainText("1,000 participants: 1 of 1 assigned, 0 available");

  await row(page, "member@acme.example").getByRole("button", { name: "Remove" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove User" });
  await expect(dialog).toContainText("Maya Moreno (member@acme.example)");
  await expect(dialog).toContainText(
    "Their Licensed seat and their Large Meetings 1,000 participants license return to the account.",
  );
  await expect(dialog).toContainText("They host 1 scheduled meeting");
  await expect(dialog.getByRole("listitem")).toContainText(["Quarterly Town Hall"]);
  const remove = dialog.getByRole("button", { name: "Remove user" });
  await remove.click();
  await expect(dialog.getByRole("alert")).toHaveText(
    "Choose what happens to their meetings: move them to another user or cancel them.",
  );
  await dialog.getByRole("radio", { name: "Move them to another user" }).check();
  await remove.click();
  await expect(dialog.getByRole("alert")).toHaveText(
    "Enter the email of the user who hosts the meetings from now on.",
  );
  await dialog.getByLabel("New host's email").fill("ghost@acme.example");
  await remove.click();
  await expect(dialog.getByRole("alert")).toHaveText(
    "No user with the email “ghost@acme.example” is in your account.",
  );
  await expect(row(page, "member@acme.example")).toBeVisible();
  await dialog.getByLabel("New host's email").fill("emma.clark@acme.example");
  await shot(page, "users-remove-user");
  await remove.click();

  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").first()).toHaveText("Maya Moreno was removed.");
  await expect(page.getByRole("searchbox", { name: "Search" })).toBeFocused();
  await expect(row(page, "member@acme.example")).toHaveCount(0);
  await expect(seats(page)).toContainText("Zoom Workplace seats: 15 of 20 in use");
  await expect(seats(page)).toContainText("1,000 participants: 0 of 1 assigned, 1 available");

  await nav(page).getByRole("link", { name: "Meetings" }).click();
  await expect(page.getByRole("row", { name: /Quarterly Town Hall/ })).toContainText("Emma Clark (emma.clark@acme.example)");
  await nav(page).getByRole("link", { name: "Admin Activity Logs" }).click();
  await expect(page.getByRole("row").nth(1)).toContainText(
    "User removed (Licensed, Large Meetings 1,000 returned); 1 meeting moved to emma.clark@acme.example",
  );

  // The removed user can no longer sign in.
  await page.getByRole("button", { name: "Sign Out" }).click();
  await page.getByLabel("Email").fill("member@acme.example");
  await page.getByLabel("Password").fill("Demo!2026");
  await page.getByRole("button", { name: "Sign In" }).click();
  await expect(page.getByRole("alert")).toHaveText("Incorrect email or password.");
});

test("a removed user's meetings can be cancelled; the owner and oneself cannot be removed", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/users");
  await row(page, "basic@acme.example").getByRole("button", { name: "Remove" }).click();
  let dialog = page.getByRole("dialog", { name: "Remove User" });
  await expect(dialog).toContainText("Book club");
  await dialog.getByRole("radio", { name: "Cancel them" }).check();
  await dialog.getByRole("button", { name: "Remove user" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Ben Brooks was removed.");
  await nav(page).getByRole("link", { name: "Meetings" }).click();
  await expect(page.getByRole("row", { name: /Book club/ })).toHaveCount(0);
  await expect(page.getByRole("row", { name: /Board review/ })).toBeVisible();

  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  await removeIsRefused(page, {
    rows: [
      ["owner@acme.example", "The account owner cannot be removed."],
      ["admin@acme.example", "You cannot remove yourself; ask another admin or the owner."],
    ],
    remove: "Remove",
    dialog: "Remove User",
    close: "Close",
  });
});

/**
 * Remove on each row gives only the reason the user cannot be removed, with
 * Close focused: no meetings, no choices, no Remove user button. Close (the
 * first row) or Escape (the others) returns focus to the row's Remove.
 */
async function removeIsRefused(
  page: Page,
  t: { rows: string[][]; remove: string; dialog: string; close: string },
) {
  for (const [i, [email, reason]] of t.rows.entries()) {
    const button = row(page, email).getByRole("button", { name: t.remove, exact: true });
    await expect(button).toBeEnabled();
    await button.click();
    const dialog = page.getByRole("dialog", { name: t.dialog });
    await expect(dialog).toHaveAccessibleDescription(reason);
    await expect(dialog).toContainText(email);
    await expect(dialog.getByRole("button")).toHaveText([t.close]);
    await expect(dialog.getByRole("radio")).toHaveCount(0);
    await expect(dialog.getByRole("textbox")).toHaveCount(0);
    await expect(dialog.getByRole("listitem")).toHaveCount(0);
    const close = dialog.getByRole("button", { name: t.close });
    await expect(close).toBeFocused();
    if (i === 0) {
      await close.click();
    } else {
      await page.keyboard.press("Escape");
    }
    await expect(dialog).toHaveCount(0);
    await expect(button).toBeFocused();
    await expect(row(page, email)).toBeVisible();
  }
}

/**
 * In Remove User for member@acme.example (hosts the Quarterly Town Hall, 300
 * participants), choosing to move the meetings and typing each new host shows
 * what the meeting will admit; a drop is warned about before Save.
 */
async function moveShowsCapacity(
  page: Page,
  t: {
    remove: string;
    dialog: string;
    move: string;
    newHost: string;
    toBasic: string[];
    warning: string;
    toLicensed: string[];
    toRemoved: string;
  },
) {
  await row(page, "member@acme.example").getByRole("button", { name: t.remove, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: t.dialog });
  await dialog.getByRole("radio", { name: t.move }).check();
  const host = dialog.getByLabel(t.newHost);
  const warning = dialog.locator(".form-warning");

  await host.fill("basic@acme.example");
  await expect(dialog.getByText(t.toBasic[0])).toBeVisible();
  await expect(dialog.getByRole("listitem").filter({ hasText: "→" })).toHaveText([t.toBasic[1]]);
  await expect(warning).toHaveText(t.warning);

  await host.fill("emma.clark@acme.example");
  await expect(dialog.getByText(t.toLicensed[0])).toBeVisible();
  await expect(dialog.getByText(t.toLicensed[1], { exact: true })).toBeVisible();
  await expect(warning).toHaveCount(0);

  await host.fill("member@acme.example");
  await expect(dialog).toContainText(t.toRemoved);
  await expect(warning).toHaveCount(0);
  await host.fill("basic@acme.example");
  await expect(warning).toHaveText(t.warning);
}

test("moving a removed user's meetings says what each will admit with the new host, and warns when it drops", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await page.goto("/users");
  await moveShowsCapacity(page, {
    remove: "Remove",
    dialog: "Remove User",
    move: "Move them to another user",
    newHost: "New host's email",
    toBasic: ["With Ben Brooks as host, the meetings admit:", "Quarterly Town Hall — 300 → 100 participants"],
    warning:
      "Warning: 1 meeting will admit fewer participants than it does now. To keep its capacity, choose another host, or give Ben Brooks a larger license first.",
    toLicensed: ["With Emma Clark as host, the meetings admit:", "Quarterly Town Hall — 300 participants, as now"],
    toRemoved: "Choose another user to host the meetings; they cannot move to the user being removed.",
  });
  await shot(page, "users-remove-user-capacity-drop");
  // What was shown is what the meeting admits once moved.
  const dialog = page.getByRole("dialog", { name: "Remove User" });
  await dialog.getByRole("button", { name: "Remove user" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Maya Moreno was removed.");
  await nav(page).getByRole("link", { name: "Meetings" }).click();
  await expect(page.getByRole("row", { name: /Quarterly Town Hall/ })).toContainText("100 participants");
});

test.describe("in Swedish", () => {
  test.use({ locale: "sv-SE" });

  test("Ta bort på ägarens och den egna raden ger bara skälet; Stäng för tillbaka fokus", async ({ page }) => {
    await loggaIn(page, "admin@acme.example");
    await nav(page).getByRole("link", { name: "Användare", exact: true }).click();
    await removeIsRefused(page, {
      rows: [
        ["owner@acme.example", "Kontots ägare kan inte tas bort."],
        ["admin@acme.example", "Du kan inte ta bort dig själv. Be en annan administratör eller ägaren."],
      ],
      remove: "Ta bort",
      dialog: "Ta bort användare",
      close: "Stäng",
    });
  });

  test("att flytta möten till en Basic-användare visar kapaciteten per möte och varnar", async ({ page }) => {
    await loggaIn(page, "owner@acme.example");
    await nav(page).getByRole("link", { name: "Användare", exact: true }).click();
    await moveShowsCapacity(page, {
      remove: "Ta bort",
      dialog: "Ta bort användare",
      move: "Flytta dem till en annan användare",
      newHost: "Den nya värdens e-postadress",
      toBasic: ["Med Ben Brooks som värd tar mötena emot:", "Quarterly Town Hall — 300 → 100 deltagare"],
      warning:
        "Varning: 1 möte kommer att ta emot färre deltagare än nu. Välj en annan värd, eller ge Ben Brooks en större licens först, för att behålla kapaciteten.",
      toLicensed: ["Med Emma Clark som värd tar mötena emot:", "Quarterly Town Hall — 300 deltagare, som nu"],
      toRemoved: "Välj en annan användare som värd för mötena. De kan inte flyttas till användaren som tas bort.",
    });
  });
});

test("the table sorts by each column, both ways, and says so", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buy(page, "5000", "1");
  await page.goto("/users");
  await row(page, "zoe.patel@acme.example").getByRole("button", { name: "Edit" }).click();
  await page.getByRole("dialog").getByLabel("Zoom Workplace").selectOption("Licensed");
  await page.getByRole("dialog").getByRole("checkbox", { name: "Large Meetings" }).check();
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();

  const header = (name: string) => page.getByRole("columnheader", { name });
  const firstRow = page.getByRole("row").nth(1);
  await expect(header("Name")).toHaveAttribute("aria-sort", "ascending");
  await expect(firstRow).toContainText("Adam Atkins");

  await header("Email").getByRole("button").click();
  await expect(header("Email")).toHaveAttribute("aria-sort", "ascending");
  await expect(header("Name")).not.toHaveAttribute("aria-sort", /./);
  await expect(firstRow).toContainText("admin@acme.example");
  await header("Email").getByRole("button").click();
  await expect(header("Email")).toHaveAttribute("aria-sort", "descending");
  await expect(firstRow).toContainText("zoe.patel@acme.example");

  await header("Large Meetings").getByRole("button").click();
  await header("Large Meetings").getByRole("button").click();
  await expect(header("Large Meetings")).toHaveAttribute("aria-sort", "descending");
  await expect(firstRow).toContainText("5,000 participants");

  await header("Role").getByRole("button").click();
  await expect(firstRow).toContainText("owner@acme.example");
  await header("Zoom Workplace").getByRole("button").click();
  await expect(firstRow).toContainText("Basic");
  await shot(page, "users-sorted");
});

test("admins see every meeting with its host and where its capacity comes from; members only their own", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await buy(page, "1000", "1");
  await nav(page).getByRole("link", { name: "Meetings" }).click();
  await expect(page.getByRole("columnheader")).toHaveText(["Topic", "Host", "Starts", "Duration", "Capacity"]);
  const townHall = page.getByRole("row", { name: /Quarterly Town Hall/ });
  await expect(townHall).toContainText("Maya Moreno (member@acme.example)");
  await expect(townHall).toContainText("300 participants");
  await expect(townHall).toContainText("Zoom Workplace Business");
  await expect(page.getByRole("row", { name: /Book club/ })).toContainText("100 participantsBasic license");
  await expect(page.getByRole("row", { name: /Board review/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Styrelsemöte/ })).toHaveCount(0);

  // Assigned: the meeting scheduled long before admits 1,000, from Large Meetings.
  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  await row(page, "member@acme.example").getByRole("button", { name: "Edit" }).click();
  await page.getByRole("dialog").getByRole("checkbox", { name: "Large Meetings" }).check();
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  await nav(page).getByRole("link", { name: "Meetings" }).click();
  await expect(townHall).toContainText("1,000 participantsLarge Meetings 1,000");
  await shot(page, "meetings-admin");

  // Removed: it falls back to the base plan.
  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  await row(page, "member@acme.example").getByRole("button", { name: "Edit" }).click();
  await page.getByRole("dialog").getByRole("checkbox", { name: "Large Meetings" }).uncheck();
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  await nav(page).getByRole("link", { name: "Meetings" }).click();
  await expect(townHall).toContainText("300 participantsZoom Workplace Business");

  await page.getByRole("button", { name: "Sign Out" }).click();
  await signIn(page, "member@acme.example");
  await nav(page).getByRole("link", { name: "Meetings" }).click();
  await expect(page.getByText("Your scheduled meetings.")).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(townHall).toBeVisible();
});

test("the Edit User dialog and Add Users work with the keyboard alone", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buy(page, "500", "3");
  await page.goto("/users");
  await page.keyboard.press("Tab");
  await tabTo(page, page.getByRole("searchbox", { name: "Search" }), 60);
  await page.keyboard.type("liam");
  const edit = row(page, "liam.baker@acme.example").getByRole("button", { name: "Edit" });
  await tabTo(page, edit, 60);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Edit User" });
  await expect(dialog.getByLabel("Zoom Workplace")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("checkbox", { name: "Large Meetings" })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(dialog.getByRole("radio", { name: "500 participants (3 available)" })).toBeChecked();
  // Past the capacity and the optional end (the date and time field's parts).
  await tabTo(page, dialog.getByRole("button", { name: "Save" }), 20);
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);
  await expect(edit).toBeFocused();
  await expect(row(page, "liam.baker@acme.example")).toContainText("500 participants");

  // Shift+Tab back to Add Users, fill the dialog with keys, Enter saves.
  const add = page.getByRole("button", { name: "Add Users" });
  await tabTo(page, add, 60, "Shift+Tab");
  await page.keyboard.press("Enter");
  await page.keyboard.type("keys@acme.example");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Kim");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Keys");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").first()).toHaveText(
    "Kim Keys (keys@acme.example) was added as a Basic member.",
  );
  await expect(add).toBeFocused();
});

test("with thousands of users the table shows 50 at a time, pages through them and keeps the selection", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/users");
  const rows = ["Email,First Name,Last Name,User Type"];
  for (let i = 0; i < 5000; i++) {
    const n = String(i).padStart(4, "0");
    rows.push(`bulk${n}@acme.example,Bulk,User ${n},Basic`);
  }
  await importUsers(page, rows.join("\n"));
  await expect(page.getByRole("status").first()).toHaveText("5,000 users imported");
  await expect(page.getByText("Showing 1–50 of 5,020 users")).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(51);
  await expect(page.getByText("Page 1 of 101")).toBeVisible();
  const previous = page.getByRole("button", { name: "Previous page" });
  const next = page.getByRole("button", { name: "Next page" });
  await expect(previous).toBeDisabled();
  await page.getByRole("checkbox", { name: "Select all users shown" }).check();
  await next.click();
  await expect(page.getByText("Showing 51–100 of 5,020 users")).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(51);
  await expect(page.getByRole("checkbox", { name: "Select all users shown" })).not.toBeChecked();
  await page.getByRole("checkbox", { name: "Select all users shown" }).check();
  await expect(page.getByRole("region", { name: "Selected users" })).toContainText("100 users selected");

  await page.getByRole("searchbox", { name: "Search" }).fill("bulk4999");
  await expect(page.getByText("Showing 1–1 of 1 users")).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(2);
  await page.getByRole("searchbox", { name: "Search" }).fill("user 49");
  await expect(page.getByText("Showing 1–50 of 100 users")).toBeVisible();
  await next.click();
  await expect(page.getByText("Showing 51–100 of 100 users")).toBeVisible();
  await expect(next).toBeDisabled();
  await expect(page.getByRole("region", { name: "Selected users" })).toContainText("100 users selected");
});

test("an admin makes a member an admin in Edit User; the log records it and the new admin sees User Management", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/users");
  await row(page, "admin@acme.example").getByRole("button", { name: "Edit" }).click();
  let dialog = page.getByRole("dialog", { name: "Edit User" });
  await expect(dialog.getByLabel("Role")).toBeDisabled();
  await expect(dialog.getByLabel("Role")).toHaveAccessibleDescription(
    "You cannot change your own role; ask another admin or the owner.",
  );
  await page.keyboard.press("Escape");
  await row(page, "owner@acme.example").getByRole("button", { name: "Edit" }).click();
  await expect(dialog.getByLabel("Role")).toHaveValue("Owner");
  await expect(dialog.getByLabel("Role")).toBeDisabled();
  await page.keyboard.press("Escape");

  await row(page, "liam.baker@acme.example").getByRole("button", { name: "Edit" }).click();
  dialog = page.getByRole("dialog", { name: "Edit User" });
  await expect(dialog.getByLabel("Role")).toHaveValue("Member");
  await dialog.getByLabel("Role").selectOption("Admin");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(row(page, "liam.baker@acme.example")).toContainText("Admin");
  await nav(page).getByRole("link", { name: "Admin Activity Logs" }).click();
  await expect(page.getByRole("row").nth(1)).toContainText("Role changed from Member to Admin");
  await expect(page.getByRole("row").nth(1)).toContainText("User");

  await page.getByRole("button", { name: "Sign Out" }).click();
  await signIn(page, "liam.baker@acme.example");
  await expect(nav(page).getByRole("link", { name: "Users", exact: true })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Plan Management" })).toHaveCount(0);
});
