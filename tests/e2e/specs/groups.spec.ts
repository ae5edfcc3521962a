import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { buyLargeMeetings, loggaIn, nav, signIn } from "./helpers";

const status = (page: Page) => page.locator("#groups-status");
const members = (page: Page) => page.getByRole("table", { name: /^Members of/ });
const row = (page: Page, email: string) => members(page).getByRole("row").filter({ hasText: email });

async function openGroup(page: Page, name: string) {
  await page.goto("/groups");
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

async function saveRule(page: Page, capacity: string, workplace = false) {
  await page.getByLabel("Large Meetings for every member").selectOption(capacity);
  const box = page.getByLabel("Also give Basic members a Zoom Workplace license");
  if (capacity !== "") {
    if (workplace) await box.check();
    else await box.uncheck();
  }
  await page.getByRole("button", { name: "Save Rule" }).click();
}

test("User Management > Groups lists the demo groups with their members and rules", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await nav(page).getByRole("link", { name: "Groups", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Groups" })).toBeVisible();
  await expect(page).toHaveTitle("Groups – Large Meetings portal");
  const table = page.getByRole("table", { name: "The account's groups" });
  await expect(table.getByRole("row").filter({ hasText: "Events" })).toContainText("3");
  await expect(table.getByRole("row").filter({ hasText: "Events" })).toContainText("No rule");
  await expect(table.getByRole("row").filter({ hasText: "Sales" })).toContainText("2");
  expect(await new AxeBuilder({ page }).analyze().then((r) => r.violations)).toEqual([]);
});

test("members see neither the Groups link nor the page", async ({ page }) => {
  await signIn(page, "member@acme.example");
  await expect(nav(page).getByRole("link", { name: "Groups", exact: true })).toHaveCount(0);
  await page.goto("/groups");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Groups");
  await expect(page.getByRole("table", { name: "The account's groups" })).toHaveCount(0);
});

test("Add Group checks the name, then adds; Rename and Delete say what they did", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/groups");
  await page.getByRole("button", { name: "Add Group" }).click();
  const dialog = page.getByRole("dialog", { name: "Add Group" });
  await dialog.getByRole("button", { name: "Add Group" }).click();
  await expect(dialog.getByRole("alert")).toContainText("name");
  await dialog.getByLabel("Group name").fill("  events ");
  await dialog.getByRole("button", { name: "Add Group" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Events");
  await expect(dialog.getByLabel("Group name")).toHaveAttribute("aria-invalid", "true");
  await dialog.getByLabel("Group name").fill("Town Hall crew");
  await dialog.getByLabel("Group name").press("Enter");
  await expect(dialog).toHaveCount(0);
  await expect(status(page)).toHaveText("Group Town Hall crew added.");
  await expect(page.getByRole("button", { name: "Add Group" })).toBeFocused();

  await page.getByRole("link", { name: "Town Hall crew" }).click();
  expect(new URL(page.url()).search).toMatch(/^\?group=\d+$/);
  await page.getByRole("button", { name: "Rename" }).click();
  const rename = page.getByRole("dialog", { name: "Rename Group" });
  await expect(rename.getByLabel("Group name")).toHaveValue("Town Hall crew");
  await rename.getByLabel("Group name").fill("Town Hall team");
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(status(page)).toHaveText("Group Town Hall crew is now called Town Hall team.");
  await expect(page.getByRole("heading", { level: 1, name: "Town Hall team" })).toBeVisible();

  await page.getByRole("button", { name: "Delete" }).click();
  const del = page.getByRole("dialog", { name: "Delete Group" });
  await expect(del).toContainText("Delete the group Town Hall team?");
  await expect(del).toContainText("lose the Zoom Workplace license the group gives: 0.");
  await del.getByRole("button", { name: "Delete" }).click();
  await expect(status(page)).toHaveText("Group Town Hall team deleted.");
  expect(new URL(page.url()).pathname).toBe("/groups");
  await expect(page.getByRole("link", { name: "Town Hall team" })).toHaveCount(0);
  // Kept across a reload.
  await page.reload();
  await expect(page.getByRole("table", { name: "The account's groups" })).not.toContainText("Town Hall");

  // The log names each change.
  await page.goto("/activity-logs");
  await expect(page.getByRole("main")).toContainText("Town Hall team");
});

test("a rule covers the members it can, lists the rest first with the reason, and a purchase covers them", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buyLargeMeetings(page, "1000", "2");
  await openGroup(page, "Events");
  await saveRule(page, "1000");
  await expect(status(page)).toHaveText("Rule of Events saved: Large Meetings 1,000 participants.");
  // Maya and Liam (the lowest ids) are covered; Emma waits, listed first.
  await expect(page.getByText("Members waiting for a license: 1.")).toBeVisible();
  await expect(page.getByText("1 more 1,000 participants licenses would cover them.")).toBeVisible();
  await expect(members(page).getByRole("row").nth(1)).toContainText("emma.clark@acme.example");
  await expect(row(page, "emma.clark@acme.example")).toContainText("Waiting: not enough licenses");
  await expect(row(page, "member@acme.example")).toContainText("1,000 participants (Events)");
  // The Users page's seat summary counts Emma as waiting.
  await page.goto("/users");
  await expect(page.getByRole("list", { name: "Seats" })).toContainText(
    "1,000 participants: 2 of 2 assigned, 0 available; waiting under group rules: 1",
  );
  await openGroup(page, "Events");
  await page.getByRole("link", { name: "Buy licenses" }).click();
  await expect(page).toHaveURL(/\/plan-management$/);
  await buyLargeMeetings(page, "1000", "1");
  await openGroup(page, "Events");
  await expect(page.getByText("Members waiting for a license")).toHaveCount(0);
  await expect(row(page, "emma.clark@acme.example")).toContainText("1,000 participants (Events)");
  await page.goto("/groups");
  await expect(page.getByRole("row").filter({ hasText: "Events" })).toContainText("All members covered");

  // The Users table names the group that gives the add-on.
  await page.goto("/users");
  await expect(page.getByRole("row").filter({ hasText: "emma.clark@acme.example" })).toContainText(
    "1,000 participants, from group Events",
  );

  // Edit User says where the add-on comes from, and saving it unchanged
  // takes no license of its own.
  await page.goto("/users");
  await page.getByRole("row").filter({ hasText: "emma.clark@acme.example" }).getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit User" });
  await expect(dialog).toContainText("Groups: Events");
  await expect(dialog).toContainText("1,000 participants comes from the group Events.");
  await expect(dialog.getByLabel("Large Meetings", { exact: true })).not.toBeChecked();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#users-status")).toContainText("Changes saved for Emma Clark.");
  await expect(page.getByRole("main")).toContainText("1,000 participants: 3 of 3 assigned, 0 available");

  // Removing the rule first says who loses what, then removes it.
  await openGroup(page, "Events");
  await saveRule(page, "");
  await expect(page.getByRole("alert").filter({ hasText: "Removing the rule" })).toContainText(
    "users who lose Large Meetings or keep a smaller capacity: 3",
  );
  await page.getByRole("button", { name: "Save Rule" }).click();
  await expect(status(page)).toHaveText("Rule of Events removed.");
  await expect(row(page, "emma.clark@acme.example")).not.toContainText("participants");
});

test("a Basic member waits unless the rule includes Zoom Workplace; members are added by email and removed", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buyLargeMeetings(page, "500", "5");
  await openGroup(page, "Sales");
  await saveRule(page, "500");
  await expect(row(page, "zoe.patel@acme.example")).toContainText(
    "Waiting: only paid users can enable this feature",
  );
  await saveRule(page, "500", true);
  await expect(status(page)).toHaveText("Rule of Sales saved: Large Meetings 500 participants with Zoom Workplace.");
  await expect(row(page, "zoe.patel@acme.example")).toContainText("Licensed · 500 participants (Sales)");

  await page.getByRole("button", { name: "Add Members" }).click();
  const dialog = page.getByRole("dialog", { name: "Add Members to Sales" });
  await dialog.getByRole("button", { name: "Add Members" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Enter at least one email address.");
  await dialog.getByLabel("Email addresses").fill("emma.clark@acme.example, nobody@acme.example\nnot-an-email");
  await dialog.getByRole("button", { name: "Add Members" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("These are not email addresses: not-an-email. Nobody was added.");
  await dialog.getByLabel("Email addresses").fill("emma.clark@acme.example, nobody@acme.example");
  await dialog.getByRole("button", { name: "Add Members" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(
    "No user of this account has these addresses: nobody@acme.example. Nobody was added.",
  );
  await dialog.getByLabel("Email addresses").fill("Emma.Clark@acme.example\nadmin@acme.example emma.clark@acme.example");
  await dialog.getByRole("button", { name: "Add Members" }).click();
  await expect(status(page)).toHaveText("Users added to Sales: 2.");
  await expect(row(page, "emma.clark@acme.example")).toContainText("500 participants (Sales)");

  await page.getByRole("button", { name: "Remove Emma Clark from the group" }).click();
  await expect(status(page)).toHaveText("Emma Clark was removed from Sales.");
  await expect(row(page, "emma.clark@acme.example")).toHaveCount(0);
  await page.getByLabel("Search members").fill("zoe");
  await expect(members(page).getByRole("row")).toHaveCount(2);
  await page.getByLabel("Search members").fill("nobody here");
  await expect(page.getByText("No member matches the search.")).toBeVisible();
});

test.describe("in Swedish", () => {
  test.use({ locale: "sv-SE" });

  test("Grupper under Användarhantering, med regel, väntande och dialoger på svenska", async ({ page }) => {
    await loggaIn(page, "owner@acme.example");
    await nav(page).getByRole("link", { name: "Grupper", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Grupper" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Kontots grupper" })).toContainText("Ingen regel");
    await page.getByRole("link", { name: "Sales", exact: true }).click();
    await expect(page.getByLabel("Stora möten för varje medlem")).toHaveValue("");
    await expect(page.getByLabel("Stora möten för varje medlem").locator("option").first()).toHaveText("Ingen regel");
    await page.getByRole("button", { name: "Lägg till medlemmar" }).click();
    expect(await new AxeBuilder({ page }).analyze().then((r) => r.violations)).toEqual([]);
    const dialog = page.getByRole("dialog", { name: "Lägg till medlemmar i Sales" });
    await dialog.getByLabel("E-postadresser").fill("ingen@acme.example");
    await dialog.getByRole("button", { name: "Lägg till medlemmar" }).click();
    await expect(dialog.getByRole("alert")).toHaveText(
      "Ingen användare i kontot har de här adresserna: ingen@acme.example. Ingen lades till.",
    );
    await dialog.getByRole("button", { name: "Avbryt" }).click();
    await page.getByRole("button", { name: /^Ta bort .* ur gruppen$/ }).first().click();
    await expect(page.locator("#groups-status")).toContainText("har tagits bort ur Sales.");
    expect(await new AxeBuilder({ page }).analyze().then((r) => r.violations)).toEqual([]);
  });
});

test("on Users, a selection is added to a group, the table names each user's groups and filters by group", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/users");
  const users = page.getByRole("table", { name: "Users" });
  await expect(users.getByRole("row").filter({ hasText: "liam.baker@acme.example" })).toContainText("Groups: Events, Sales");
  await page.getByLabel("Group", { exact: true }).selectOption({ label: "Events" });
  await expect(page.getByText("Showing 1–3 of 3 users")).toBeVisible();
  await page.getByLabel("Group", { exact: true }).selectOption({ label: "All groups" });

  for (const email of ["basic@acme.example", "emma.clark@acme.example"]) {
    await users.getByRole("row").filter({ hasText: email }).getByRole("checkbox").check();
  }
  await page.getByRole("button", { name: "Add to Group" }).click();
  const dialog = page.getByRole("dialog", { name: "Add to Group" });
  await dialog.getByLabel("Group").selectOption({ label: "Sales" });
  await dialog.getByRole("button", { name: "Add to Group" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator("#users-status")).toHaveText("Users added to Sales: 2.");
  await page.getByLabel("Group", { exact: true }).selectOption({ label: "Sales" });
  await expect(page.getByText("Showing 1–4 of 4 users")).toBeVisible();
  await expect(users.getByRole("row").filter({ hasText: "emma.clark@acme.example" })).toContainText("Groups: Events, Sales");

  // All of them are in it already: refused, and nothing changes.
  await users.getByRole("row").filter({ hasText: "zoe.patel@acme.example" }).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Add to Group" }).click();
  const again = page.getByRole("dialog", { name: "Add to Group" });
  await again.getByLabel("Group").selectOption({ label: "Sales" });
  await again.getByRole("button", { name: "Add to Group" }).click();
  await expect(again.getByRole("alert")).toContainText("Sales");
  await again.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("button", { name: "Add to Group" })).toBeFocused();
});
