import { expect, test, type Page } from "@playwright/test";
import { buyLargeMeetings, loggaIn, nav, signIn } from "./helpers";

// Large Meetings given until a moment (issue 21): set in Edit User in the
// browser's own time zone, shown in the Users table, taken back when the
// moment comes (while the tab is open, or at the next start), and logged.
// The page's clock is Playwright's, so an hour passes at once.
test.use({ timezoneId: "Europe/Stockholm" });

/** 09:00 in Stockholm on 15 January 2027. */
const START = new Date("2027-01-15T08:00:00Z");

const row = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });

async function giveUntil(page: Page, email: string, until: string) {
  await page.goto("/users");
  await row(page, email).getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit User" });
  await dialog.getByRole("checkbox", { name: "Large Meetings" }).check();
  await expect(dialog.getByRole("radio", { name: /1,000 participants/ })).toBeChecked();
  await dialog.getByLabel("Until (optional)").fill(until);
  await dialog.getByRole("button", { name: "Save" }).click();
  return dialog;
}

test("Large Meetings given until a moment ends then while the tab is open, and the log says so", async ({ page }) => {
  await page.clock.install({ time: START });
  await signIn(page, "owner@acme.example");
  await buyLargeMeetings(page, "1000", "1");
  const dialog = await giveUntil(page, "member@acme.example", "2027-01-15T10:00");
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").first()).toHaveText("Changes saved for Maya Moreno.");
  // 10:00 in Stockholm, as the table writes it.
  await expect(row(page, "member@acme.example")).toContainText("1,000 participants, until Jan 15, 2027, 10:00 AM");
  await expect(page.getByRole("list", { name: "Seats" })).toContainText("1 of 1 assigned");
  // Edit User shows the end it was given.
  await row(page, "member@acme.example").getByRole("button", { name: "Edit" }).click();
  await expect(page.getByRole("dialog").getByLabel("Until (optional)")).toHaveValue("2027-01-15T10:00");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

  // 10:01: the open tab takes it back by itself, and the seat is free.
  await page.clock.fastForward("01:01:00");
  await expect(row(page, "member@acme.example")).not.toContainText("1,000 participants");
  await expect(page.getByRole("list", { name: "Seats" })).toContainText("0 of 1 assigned");
  await nav(page).getByRole("link", { name: "Admin Activity Logs" }).click();
  const expired = page.getByRole("row").filter({ hasText: "ended as planned" });
  await expect(expired).toHaveCount(1);
  await expect(expired).toContainText("member@acme.example");
  await expect(page.getByRole("row").filter({ hasText: "until Jan 15, 2027, 10:00 AM" })).toHaveCount(1);
});

test("Change Licenses gives several users Large Meetings until a moment, and all of them lose it then", async ({ page }) => {
  await page.clock.install({ time: START });
  await signIn(page, "admin@acme.example");
  await buyLargeMeetings(page, "1000", "3");
  await page.goto("/users");
  for (const name of ["Liam Baker", "Emma Clark"]) {
    await page.getByRole("checkbox", { name: `Select ${name}` }).check();
  }
  await page.getByLabel("Change Licenses").selectOption({ label: "Large Meetings" });
  const popup = page.getByRole("dialog", { name: "Change Licenses" });
  await expect(popup.getByRole("radio", { name: "1,000 participants (3 available)" })).toBeChecked();
  await popup.getByLabel("Until (optional)").fill("2027-01-15T10:30");
  await popup.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Large Meetings 1,000 participants added for 2 users.");
  for (const email of ["liam.baker@acme.example", "emma.clark@acme.example"]) {
    await expect(row(page, email)).toContainText("1,000 participants, until Jan 15, 2027, 10:30 AM");
  }
  await page.clock.fastForward("01:31:00");
  for (const email of ["liam.baker@acme.example", "emma.clark@acme.example"]) {
    await expect(row(page, email)).not.toContainText("1,000 participants");
  }
  await expect(page.getByRole("list", { name: "Seats" })).toContainText("0 of 3 assigned");
});

test("an end that came while no tab was open is taken back at the next start", async ({ page }) => {
  await page.clock.install({ time: START });
  await signIn(page, "owner@acme.example");
  await buyLargeMeetings(page, "1000", "1");
  await giveUntil(page, "member@acme.example", "2027-01-15T12:00");
  await expect(row(page, "member@acme.example")).toContainText("until");
  // The tab closes; the next one opens at 12:30, still signed in.
  await page.goto("about:blank");
  await page.clock.setSystemTime(new Date("2027-01-15T11:30:00Z"));
  await page.goto("/users");
  await expect(row(page, "member@acme.example")).toBeVisible();
  await expect(row(page, "member@acme.example")).not.toContainText("1,000 participants");
  await expect(page.getByRole("list", { name: "Seats" })).toContainText("0 of 1 assigned");
});

test("an end not after now is refused and changes nothing", async ({ page }) => {
  await page.clock.install({ time: START });
  await signIn(page, "owner@acme.example");
  await buyLargeMeetings(page, "1000", "1");
  const dialog = await giveUntil(page, "member@acme.example", "2027-01-15T08:30");
  await expect(dialog.getByRole("alert")).toHaveText("Choose an end for Large Meetings later than now.");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(row(page, "member@acme.example")).not.toContainText("1,000 participants");
});

test.describe("in Swedish", () => {
  test.use({ locale: "sv-SE" });

  test("Till och med is offered, shown and refused in Swedish", async ({ page }) => {
    await page.clock.install({ time: START });
    await loggaIn(page, "owner@acme.example");
    await page.goto("/plan-management");
    await page
      .getByRole("article", { name: "Stora möten", exact: true })
      .getByRole("button", { name: "Lägg till", exact: true })
      .click();
    await page.getByLabel("Kapacitet").selectOption("1000");
    await page.getByLabel("Antal licenser").fill("1");
    await page.getByRole("button", { name: "Placera order" }).click();
    await expect(page.getByRole("status").first()).toContainText("Stora möten");
    await page.goto("/users");
    await row(page, "member@acme.example").getByRole("button", { name: "Redigera" }).click();
    const dialog = page.getByRole("dialog", { name: "Redigera användare" });
    await dialog.getByRole("checkbox", { name: "Stora möten" }).check();
    const until = dialog.getByLabel("Till och med (valfritt)");
    await until.fill("2027-01-15T08:30");
    await dialog.getByRole("button", { name: "Spara" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("Välj ett slut för Stora möten som är senare än nu.");
    await until.fill("2027-01-20T17:00");
    await dialog.getByRole("button", { name: "Spara" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(row(page, "member@acme.example")).toContainText("till och med");
  });
});
