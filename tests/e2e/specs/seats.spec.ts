import { expect, test, type Page } from "@playwright/test";
import { buyLargeMeetings as buy, loggaIn, signIn } from "./helpers";

// What is offered as available is what can be assigned, in every place one
// chooses (Edit User, Change Licenses, the seat summary, Plan Management),
// and a capacity that cannot be given says why there.

const row = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });
const line = (page: Page, participants: string) =>
  page.getByRole("article", { name: `Large Meetings ${participants} participants`, exact: true });
const DATE = "[A-Z][a-z]{2} \\d{1,2}, \\d{4}";

async function editUser(page: Page, email: string) {
  await row(page, email).getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit User" });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function assign(page: Page, email: string) {
  const dialog = await editUser(page, email);
  await dialog.getByRole("checkbox", { name: "Large Meetings" }).check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toHaveCount(0);
}

async function changeLicensesFor(page: Page, names: string[]) {
  for (const name of names) await page.getByRole("checkbox", { name: `Select ${name}` }).check();
  await page.getByLabel("Change Licenses").selectOption({ label: "Large Meetings" });
  return page.getByRole("dialog", { name: "Change Licenses" });
}

test("seats of a line being reduced or cancelled are not offered as free, and each place says why", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buy(page, "500", "2");
  await page.goto("/users");
  await assign(page, "member@acme.example");

  // Reduce to 1 at renewal: the one unassigned seat goes at renewal.
  await page.goto("/plan-management");
  const card = line(page, "500");
  await card.getByRole("button", { name: "Reduce" }).click();
  await card.getByLabel("New number of licenses").fill("1");
  await card.getByRole("button", { name: "Schedule reduction" }).click();
  await expect(card).toContainText("Available0");

  await page.goto("/users");
  await expect(page.getByRole("list", { name: "Seats" })).toContainText(
    new RegExp(`500 participants: 1 of 2 assigned, 0 available \\(being reduced to 1 license on ${DATE}\\)`),
  );
  let dialog = await editUser(page, "liam.baker@acme.example");
  await dialog.getByRole("checkbox", { name: "Large Meetings" }).check();
  const reduced = dialog.getByRole("radio", {
    name: new RegExp(`^500 participants \\(none available: being reduced to 1 license on ${DATE}\\)$`),
  });
  await expect(reduced).toBeDisabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  // The holder keeps theirs: it stays chosen and enabled for them.
  dialog = await editUser(page, "member@acme.example");
  await expect(dialog.getByRole("radio", { name: /^500 participants/ })).toBeEnabled();
  await expect(dialog.getByRole("radio", { name: /^500 participants/ })).toBeChecked();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  let popup = await changeLicensesFor(page, ["Liam Baker"]);
  await expect(popup.getByRole("radio", { name: /^500 participants \(none available: being reduced/ })).toBeDisabled();
  await popup.getByRole("button", { name: "Cancel" }).click();

  // Cancelled at renewal (after taking it back from Maya): nothing is free.
  await page.goto("/plan-management");
  await card.getByRole("button", { name: "Undo reduction" }).click();
  await page.goto("/users");
  dialog = await editUser(page, "member@acme.example");
  await dialog.getByRole("checkbox", { name: "Large Meetings" }).uncheck();
  await dialog.getByRole("button", { name: "Save" }).click();
  await page.goto("/plan-management");
  await card.getByRole("button", { name: "Cancel subscription" }).click();
  await card.getByRole("button", { name: "Confirm cancellation" }).click();
  await expect(card).toContainText("Available0");
  await page.goto("/users");
  await expect(page.getByRole("list", { name: "Seats" })).toContainText(
    new RegExp(`500 participants: 0 of 2 assigned, 0 available \\(being cancelled on ${DATE}, so none can be assigned\\)`),
  );
  dialog = await editUser(page, "liam.baker@acme.example");
  await dialog.getByRole("checkbox", { name: "Large Meetings" }).check();
  await expect(
    dialog.getByRole("radio", { name: new RegExp(`^500 participants \\(none available: being cancelled on ${DATE}\\)$`) }),
  ).toBeDisabled();
});

test("cancelling a line that users hold says so at once, before asking to confirm", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buy(page, "500", "2");
  await page.goto("/users");
  await assign(page, "member@acme.example");
  await page.goto("/plan-management");
  const card = line(page, "500");
  await card.getByRole("button", { name: "Cancel subscription" }).click();
  await expect(card.getByRole("alert")).toHaveText("Large Meetings 500 is assigned to 1 user. Remove it from that user before cancelling.");
  await expect(card.getByRole("button", { name: "Confirm cancellation" })).toHaveCount(0);
  await expect(card).not.toContainText("Until then it works as before");
  await expect(card).toContainText("StatusActive");
});

test("Change Licenses offers a full capacity as Edit User does: disabled, none available", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buy(page, "500", "1");
  await buy(page, "1000", "3");
  await page.goto("/users");
  const dialog = await editUser(page, "member@acme.example");
  await dialog.getByRole("checkbox", { name: "Large Meetings" }).check();
  await dialog.getByRole("radio", { name: "500 participants (1 available)" }).check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toHaveCount(0);
  const popup = await changeLicensesFor(page, ["Liam Baker", "Emma Clark"]);
  await expect(popup.getByRole("radio", { name: "500 participants (none available)" })).toBeDisabled();
  await expect(popup.getByRole("radio", { name: "1,000 participants (3 available)" })).toBeEnabled();
  await popup.getByRole("button", { name: "Cancel" }).click();
  const edit = await editUser(page, "liam.baker@acme.example");
  await edit.getByRole("checkbox", { name: "Large Meetings" }).check();
  await expect(edit.getByRole("radio", { name: "500 participants (none available)" })).toBeDisabled();
});

test.describe("in Swedish", () => {
  test.use({ locale: "sv-SE" });

  test("Ändra licenser says 1 tillgänglig, not 1 tillgängliga", async ({ page }) => {
    await loggaIn(page, "owner@acme.example");
    await page.goto("/plan-management");
    await page.getByRole("article", { name: "Stora möten", exact: true }).getByRole("button", { name: "Lägg till", exact: true }).click();
    await page.getByLabel("Kapacitet").selectOption("500");
    await page.getByLabel("Antal licenser").fill("1");
    await page.getByRole("button", { name: "Placera order" }).click();
    await expect(page.getByRole("status").first()).toContainText("Beställningen är lagd");
    await page.goto("/users");
    await page.getByRole("checkbox", { name: "Markera Liam Baker" }).check();
    await page.getByLabel("Ändra licenser").selectOption({ label: "Stora möten" });
    const popup = page.getByRole("dialog", { name: "Ändra licenser" });
    await expect(popup.getByRole("radio", { name: "500 deltagare (1 tillgänglig)" })).toBeEnabled();
  });
});

test("at 375 px the Edit User dialog keeps the number of free seats visible", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, "owner@acme.example");
  await page.goto("/users");
  await page.getByRole("searchbox", { name: "Search" }).fill("basic@acme.example");
  const dialog = await editUser(page, "basic@acme.example");
  const select = dialog.getByLabel("Zoom Workplace");
  await expect(select).toHaveAccessibleDescription("4 of 20 Zoom Workplace seats are free.");
  await expect(dialog.getByText("4 of 20 Zoom Workplace seats are free.")).toBeInViewport();
  // The drop-down stays inside the dialog.
  const [box, frame] = [await select.boundingBox(), await dialog.boundingBox()];
  expect(box!.x + box!.width).toBeLessThanOrEqual(frame!.x + frame!.width);
});

test("after Change Licenses saves, focus is on the confirmation (the selection bar is gone)", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buy(page, "1000", "3");
  await page.goto("/users");
  const popup = await changeLicensesFor(page, ["Liam Baker", "Emma Clark"]);
  await popup.getByRole("button", { name: "Save" }).click();
  await expect(popup).toHaveCount(0);
  const status = page.getByRole("status").first();
  await expect(status).toContainText("Large Meetings 1,000 participants added for 2");
  await expect(status).toBeFocused();
});
