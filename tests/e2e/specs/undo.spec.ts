import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { buyLargeMeetings, nav, signIn } from "./helpers";

// Undo beside a confirmation (issue 21): the change just made is taken back
// all or nothing, as a change of its own (logged, and undone in turn); an
// undo the account has moved past is refused with its reason and changes
// nothing.

const row = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });
const status = (page: Page) => page.locator("#users-status");
const seats = (page: Page) => page.getByRole("list", { name: "Seats" });

async function axe(page: Page, what: string) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`), what).toEqual([]);
}

/** Change Licenses gives Liam and Emma Large Meetings 1,000. */
async function giveTwo(page: Page) {
  await page.goto("/users");
  for (const name of ["Liam Baker", "Emma Clark"]) {
    await page.getByRole("checkbox", { name: `Select ${name}` }).check();
  }
  await page.getByLabel("Change Licenses").selectOption({ label: "Large Meetings" });
  const popup = page.getByRole("dialog", { name: "Change Licenses" });
  await popup.getByRole("button", { name: "Save" }).click();
  await expect(status(page)).toHaveText("Large Meetings 1,000 participants added for 2 users.");
}

test("a bulk change is undone for every user from its confirmation, logged, and the undo undone in turn", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await buyLargeMeetings(page, "1000", "3");
  await giveTwo(page);
  await expect(seats(page)).toContainText("2 of 3 assigned");
  await axe(page, "the Users page with Undo beside its confirmation");

  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(status(page)).toHaveText("Change undone: 2 log entries taken back.");
  for (const email of ["liam.baker@acme.example", "emma.clark@acme.example"]) {
    await expect(row(page, email)).not.toContainText("1,000 participants");
  }
  await expect(seats(page)).toContainText("0 of 3 assigned");

  // The undo is a change too: its own Undo brings the bulk change back.
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(status(page)).toHaveText("Change undone: 2 log entries taken back.");
  for (const email of ["liam.baker@acme.example", "emma.clark@acme.example"]) {
    await expect(row(page, email)).toContainText("1,000 participants");
  }
  await expect(seats(page)).toContainText("2 of 3 assigned");

  // Kept after a reload, and in the log: two undos of two entries each.
  await page.reload();
  await expect(row(page, "liam.baker@acme.example")).toContainText("1,000 participants");
  await nav(page).getByRole("link", { name: "Admin Activity Logs" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Earlier change undone" })).toHaveCount(4);
});

test("an undo of a user another tab changed since is refused, names that change, and changes nothing", async ({ page, context }) => {
  await signIn(page, "owner@acme.example");
  await buyLargeMeetings(page, "1000", "2");
  await page.goto("/users");
  await row(page, "liam.baker@acme.example").getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit User" });
  await dialog.getByRole("checkbox", { name: "Large Meetings" }).check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(status(page)).toHaveText("Changes saved for Liam Baker.");

  // Another tab takes Large Meetings from Liam again.
  const other = await context.newPage();
  await other.goto("/users");
  await row(other, "liam.baker@acme.example").getByRole("button", { name: "Edit" }).click();
  const otherDialog = other.getByRole("dialog", { name: "Edit User" });
  await otherDialog.getByRole("checkbox", { name: "Large Meetings" }).uncheck();
  await otherDialog.getByRole("button", { name: "Save" }).click();
  await expect(other.locator("#users-status")).toHaveText("Changes saved for Liam Baker.");
  await other.close();

  await expect(row(page, "liam.baker@acme.example")).not.toContainText("1,000 participants");
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(status(page)).toHaveText(
    /^Not undone: liam\.baker@acme\.example was changed since \(.+: Large Meetings 1,000 removed\)\. Undo that change first\.$/,
  );
  await expect(status(page)).toHaveClass(/form-status--refused/);
  await expect(row(page, "liam.baker@acme.example")).not.toContainText("1,000 participants");
  await expect(seats(page)).toContainText("0 of 2 assigned");
  await axe(page, "the Users page with an undo refused");
  await nav(page).getByRole("link", { name: "Admin Activity Logs" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Earlier change undone" })).toHaveCount(0);
});

test("Undo is reached from the keyboard after a bulk change, and says nothing after an export", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await buyLargeMeetings(page, "1000", "3");
  await giveTwo(page);
  // The saved bulk change puts focus on its confirmation; Undo is next.
  await expect(status(page)).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Undo", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(status(page)).toHaveText("Change undone: 2 log entries taken back.");
  await expect(seats(page)).toContainText("0 of 3 assigned");
  // Focus stays on Undo, which now takes the undo back.
  await expect(page.getByRole("button", { name: "Undo", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(seats(page)).toContainText("2 of 3 assigned");

  // An export changes nothing, so its confirmation offers no Undo.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export" }).click();
  await download;
  await expect(status(page)).toHaveText(/exported to users\.csv\.$/);
  await expect(page.getByRole("button", { name: "Undo", exact: true })).toHaveCount(0);
});

test("a group rule is undone from the Groups page: its members lose what it gave", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await buyLargeMeetings(page, "1000", "3");
  await page.goto("/groups");
  await page.getByRole("link", { name: "Events", exact: true }).click();
  await page.getByLabel("Large Meetings for every member").selectOption("1000");
  await page.getByRole("button", { name: "Save Rule" }).click();
  await expect(page.locator("#groups-status")).toHaveText(/^Rule of Events saved/);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.locator("#groups-status")).toHaveText(/^Change undone: \d+ log entries taken back\.$/);
  await page.goto("/groups");
  const events = page.getByRole("table", { name: "The account's groups" }).getByRole("row").filter({ hasText: "Events" });
  await expect(events).toContainText("No rule");
  await page.goto("/users");
  await expect(seats(page)).toContainText("0 of 3 assigned");
});

test("in Swedish: Ångra, and the confirmation of the undo, follow a language switch", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await buyLargeMeetings(page, "1000", "3");
  await giveTwo(page);
  await page.locator("#language").selectOption("sv");
  await expect(status(page)).toHaveText(/^Stora möten för .+ har lagts till för 2 användare\.$/);
  await page.getByRole("button", { name: "Ångra", exact: true }).click();
  await expect(status(page)).toHaveText("Ändringen är ångrad: 2 loggposter togs tillbaka.");
  await axe(page, "the Users page in Swedish after an undo");
  await page.locator("#language").selectOption("en");
  await expect(status(page)).toHaveText("Change undone: 2 log entries taken back.");
});

test("a member undoes the meeting they just scheduled, and the meeting is gone", async ({ page }) => {
  await signIn(page, "member@acme.example");
  await nav(page).getByRole("link", { name: "Meetings", exact: true }).click();
  await page.getByLabel("Topic").fill("Town hall rehearsal");
  await page.getByLabel("Start").fill("2031-03-14T15:00");
  await page.getByLabel("Duration (minutes)").fill("45");
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByRole("status")).toHaveText("“Town hall rehearsal” is scheduled.");
  await expect(page.getByRole("cell", { name: "Town hall rehearsal" })).toBeVisible();
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Change undone: 1 log entry taken back.");
  await expect(page.getByRole("cell", { name: "Town hall rehearsal" })).toHaveCount(0);
});
