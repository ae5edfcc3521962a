import { expect, test, type Page } from "@playwright/test";
import { buyLargeMeetings, editStoredAccount, nav, signIn } from "./helpers";

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `artifacts/screenshots/${name}.png`, fullPage: true });

const line = (page: Page, participants: string) =>
  page.getByRole("article", { name: `Large Meetings ${participants} participants`, exact: true });

test("Acme's owner buys Large Meetings along the article's steps in Plans and Billing", async ({ page }) => {
  // 1. Sign in.
  await signIn(page, "owner@acme.example");
  // 2. Plans and Billing > Plan Management.
  await expect(nav(page)).toContainText("Plans and Billing");
  await nav(page).getByRole("link", { name: "Plan Management" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Plan Management" })).toBeVisible();
  await shot(page, "flow-b-1-plan-management");
  // 3. Discover our other popular products: Large Meetings, Add.
  await expect(page.getByRole("heading", { name: "Discover our other popular products" })).toBeVisible();
  const product = page.getByRole("article", { name: "Large Meetings", exact: true });
  await expect(product).toContainText("From $50.00 per license per month");
  await product.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Add Large Meetings" })).toBeFocused();
  // 4. Capacity, number of licenses, billing cycle.
  await page.getByLabel("Capacity").selectOption("1000");
  await page.getByLabel("Number of licenses").fill("5");
  await page.getByLabel("Billing cycle").selectOption("Annual");
  const summary = page.getByRole("region", { name: "Order summary" });
  await expect(summary).toContainText("Price per license$900.00 per year");
  await expect(summary).toContainText("Total per year$4,500.00");
  await expect(summary).toContainText("Due today$4,500.00");
  await shot(page, "flow-b-2-order-form");
  // 5. Place Order.
  await page.getByRole("button", { name: "Place Order" }).click();
  await expect(page.getByRole("status").first()).toHaveText(
    "Order placed: 5 Large Meetings 1,000 participants licenses, annual, $4,500.00 due today.",
  );
  // 6. The add-on is shown next to the base plan.
  const bought = line(page, "1,000");
  for (const fact of ["Licenses5", "Assigned0", "Available5", "Billing cycleAnnual", "Renewal amount$4,500.00", "StatusActive"]) {
    await expect(bought).toContainText(fact);
  }
  await expect(page.getByRole("article", { name: "Zoom Workplace Business" })).toBeVisible();
  await expect(page.getByRole("link", { name: "User Management > Users" })).toBeVisible();
  await shot(page, "flow-b-3-line-shown");
  // The order is in Payment History, and everything survives a reload.
  await nav(page).getByRole("link", { name: "Payment History" }).click();
  const row = page.getByRole("row", { name: /Large Meetings 1,000 participants/ });
  await expect(row).toContainText("$4,500.00");
  await expect(row).toContainText("owner@acme.example");
  await page.reload();
  await expect(page.getByRole("row", { name: /Large Meetings 1,000 participants/ })).toBeVisible();
});

test("Globex's owner buys Large Meetings along the article's steps in Account Management > Billing", async ({ page }) => {
  await signIn(page, "owner@globex.example");
  await expect(nav(page)).toContainText("Account Management");
  await nav(page).getByRole("link", { name: "Billing", exact: true }).click();
  await expect(page.getByRole("tab", { name: "Current Plans" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("heading", { name: "Interested in other available products?" })).toBeVisible();
  await shot(page, "flow-c-1-current-plans");
  await page.getByRole("row", { name: /Large Meetings/ }).getByRole("button", { name: "Add to Cart", exact: true }).click();
  await page.getByLabel("Capacity").selectOption("3000");
  await page.getByLabel("Billing cycle").selectOption("Monthly");
  await page.getByLabel("Number of licenses").fill("2");
  await shot(page, "flow-c-2-cart");
  await page.getByRole("button", { name: "Save & Continue" }).click();
  await expect(page.getByRole("heading", { name: "Review your changes" })).toBeFocused();
  const summary = page.getByRole("region", { name: "Order summary" });
  await expect(summary).toContainText("ProductLarge Meetings");
  await expect(summary).toContainText("Capacity3,000 participants");
  await expect(summary).toContainText("Number of licenses2");
  await expect(summary).toContainText("Total per month$500.00");
  await expect(summary).toContainText("Due today$500.00");
  await shot(page, "flow-c-3-review");
  // Back keeps what was entered.
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByLabel("Capacity")).toHaveValue("3000");
  await expect(page.getByLabel("Number of licenses")).toHaveValue("2");
  await page.getByRole("button", { name: "Save & Continue" }).click();
  await page.getByRole("button", { name: "Save & Continue" }).click();
  await expect(page.getByText("$500.00 is charged today")).toBeVisible();
  await shot(page, "flow-c-4-place-order");
  await page.getByRole("button", { name: "Place Order" }).click();
  await expect(page.getByRole("status").first()).toContainText("Order placed: 2 Large Meetings 3,000 participants");
  await expect(line(page, "3,000")).toContainText("Licenses2");
  await shot(page, "flow-c-5-line-shown");
  await page.getByRole("tab", { name: "Invoice History" }).click();
  await expect(page.getByRole("row", { name: /Large Meetings 3,000 participants/ })).toContainText("$500.00");
});

test("leaving the cart half-way places nothing", async ({ page }) => {
  await signIn(page, "admin@globex.example");
  await page.goto("/billing");
  await page.getByRole("button", { name: "Add to Cart", exact: true }).click();
  await page.getByLabel("Capacity").selectOption("500");
  await page.getByRole("button", { name: "Save & Continue" }).click();
  await page.getByRole("button", { name: "Save & Continue" }).click();
  await nav(page).getByRole("link", { name: "Meetings" }).click();
  await nav(page).getByRole("link", { name: "Billing", exact: true }).click();
  await expect(page.getByRole("article", { name: /participants$/ })).toHaveCount(0);
  await page.getByRole("tab", { name: "Invoice History" }).click();
  await expect(page.getByText("No orders yet.")).toBeVisible();
});

test("the billing tabs work with the arrow keys", async ({ page }) => {
  await signIn(page, "owner@globex.example");
  await page.goto("/billing");
  await page.getByRole("tab", { name: "Current Plans" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Invoice History" })).toBeFocused();
  await expect(page.getByRole("tabpanel", { name: "Invoice History" })).toBeVisible();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("tabpanel", { name: "Current Plans" })).toBeVisible();
});

test("more licenses of an owned capacity join its line, prorated to the day", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-04-01T09:00:00Z"));
  await signIn(page, "admin@acme.example");
  await buyLargeMeetings(page, "1000", "4");
  await expect(line(page, "1,000")).toContainText("Renews onMay 1, 2026");

  // Fifteen days later (the idle session has ended meanwhile).
  await page.clock.setFixedTime(new Date("2026-04-16T09:00:00Z"));
  await signIn(page, "admin@acme.example");
  await page.goto("/plan-management");
  await line(page, "1,000").getByRole("button", { name: "Add licenses" }).click();
  await expect(page.getByLabel("Capacity")).toHaveValue("1000");
  await expect(page.getByLabel("Billing cycle")).toHaveValue("Monthly");
  await page.getByLabel("Number of licenses").fill("2");
  const summary = page.getByRole("region", { name: "Order summary" });
  await expect(summary).toContainText("Total per month$180.00");
  await expect(summary).toContainText("Due today$90.00 (prorated");
  await expect(summary).toContainText("Next renewalMay 1, 2026");
  await page.getByRole("button", { name: "Place Order" }).click();
  await expect(page.getByRole("status").first()).toContainText("$90.00 due today");
  await expect(line(page, "1,000")).toContainText("Licenses6");
  await expect(page.getByRole("article", { name: /participants$/ })).toHaveCount(1);
});

for (const [typed, message] of [
  ["", "Enter the number of licenses, a whole number from 1 to 9,999."],
  ["0", "Order at least 1 license: enter a whole number from 1 to 9,999."],
  ["-3", "The number of licenses cannot be negative: enter a whole number from 1 to 9,999."],
  ["2.5", "Licenses come whole: enter a whole number from 1 to 9,999."],
  ["10000", "At most 9,999 licenses per order."],
  ["ten", "Enter the number of licenses in digits, a whole number from 1 to 9,999."],
]) {
  test(`the number of licenses "${typed}" is refused with a clear message and nothing is ordered`, async ({ page }) => {
    await signIn(page, "owner@acme.example");
    await page.goto("/plan-management");
    await page.getByRole("article", { name: "Large Meetings", exact: true }).getByRole("button", { name: "Add", exact: true }).click();
    await page.getByLabel("Capacity").selectOption("500");
    await page.getByLabel("Number of licenses").fill(typed);
    await page.getByRole("button", { name: "Place Order" }).click();
    const field = page.getByLabel("Number of licenses");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    await expect(page.getByRole("alert")).toHaveText("Check the order: some fields need attention.");
    await expect(page.getByRole("article", { name: /participants$/ })).toHaveCount(0);
    await nav(page).getByRole("link", { name: "Payment History" }).click();
    await expect(page.getByText("No orders yet.")).toBeVisible();
  });
}

test("an order without a capacity is refused", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await page.goto("/plan-management");
  await page.getByRole("article", { name: "Large Meetings", exact: true }).getByRole("button", { name: "Add", exact: true }).click();
  await page.getByRole("button", { name: "Place Order" }).click();
  await expect(page.getByLabel("Capacity")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Choose a capacity: 500, 1,000, 3,000 or 5,000 participants.")).toBeVisible();
  await expect(page.getByRole("article", { name: /participants$/ })).toHaveCount(0);
});

for (const address of ["/plan-management", "/payment-history"]) {
  test(`an admin without the billing privilege is refused ${address}`, async ({ page }) => {
    await signIn(page, "ethan.hughes@acme.example");
    await expect(nav(page)).not.toContainText("Plans and Billing");
    await page.goto(address);
    await expect(page.getByRole("heading", { level: 1, name: "Not authorised" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Place Order" })).toHaveCount(0);
  });
}

test("a line is reduced or cancelled at renewal, never below what is assigned, and both can be undone", async ({ page }) => {
  await signIn(page, "owner@globex.example");
  await page.goto("/billing");
  await page.getByRole("button", { name: "Add to Cart", exact: true }).click();
  await page.getByLabel("Capacity").selectOption("500");
  await page.getByLabel("Number of licenses").fill("5");
  await page.getByRole("button", { name: "Save & Continue" }).click();
  await page.getByRole("button", { name: "Save & Continue" }).click();
  await page.getByRole("button", { name: "Place Order" }).click();
  const card = line(page, "500");
  await expect(card).toContainText("Licenses5");

  // Two users hold the add-on (assigned in User Management).
  await page.goto("/users");
  for (const email of ["member@globex.example", "erik.holm@globex.example"]) {
    await page.getByRole("row").filter({ hasText: email }).getByRole("button", { name: "Edit" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit User" });
    await dialog.getByRole("checkbox", { name: "Large Meetings" }).check();
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toHaveCount(0);
  }
  await page.goto("/billing");
  await expect(card).toContainText("Assigned2");

  await card.getByRole("button", { name: "Reduce" }).click();
  await card.getByLabel("New number of licenses").fill("1");
  await card.getByRole("button", { name: "Schedule reduction" }).click();
  await expect(page.getByRole("alert")).toContainText("2 Large Meetings 500 licenses are assigned. Remove the add-on from 1 user first");
  await expect(card).toContainText("StatusActive");

  await card.getByLabel("New number of licenses").fill("3");
  await card.getByRole("button", { name: "Schedule reduction" }).click();
  await expect(card).toContainText("StatusPending Downgrade: 3 licenses from");
  await expect(card).toContainText("Licenses5");
  await expect(card).toContainText("Renewal amount$150.00");
  await page.reload();
  await expect(card).toContainText("Pending Downgrade");
  await card.getByRole("button", { name: "Undo reduction" }).click();
  await expect(card).toContainText("StatusActive");

  // Cancelling while users hold it is refused at once, before any confirmation.
  await card.getByRole("button", { name: "Cancel subscription" }).click();
  await expect(card.getByRole("alert")).toContainText("Remove it from them before cancelling.");
  await expect(card.getByRole("button", { name: "Confirm cancellation" })).toHaveCount(0);
  await shot(page, "manage-line");
});

test("more Zoom Workplace seats can be bought for the base plan", async ({ page }) => {
  await signIn(page, "owner@globex.example");
  await page.goto("/billing");
  const base = page.getByRole("article", { name: "Zoom Workplace Pro" });
  await expect(base).toContainText("Seats10");
  await base.getByRole("button", { name: "Add seats" }).click();
  await base.getByLabel("Number of seats").fill("3");
  await expect(base).toContainText("due today (prorated to");
  await base.getByRole("button", { name: "Buy seats" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Order placed: 3 more Zoom Workplace seats.");
  await expect(base).toContainText("Seats13");
  await expect(base).toContainText("Available6");
  await page.getByRole("tab", { name: "Invoice History" }).click();
  await expect(page.getByRole("row", { name: /Zoom Workplace Pro seats/ })).toBeVisible();
});

test("a refusal and a confirmation on screen are re-worded when the language is switched", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buyLargeMeetings(page, "500", "2");
  await page.goto("/users");
  await page.getByRole("row").filter({ hasText: "member@acme.example" }).getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit User" });
  await dialog.getByRole("checkbox", { name: "Large Meetings" }).check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toHaveCount(0);

  // A refusal on the line's card, then a confirmation in the page's status.
  await page.goto("/plan-management");
  // Found by its id: the card's name changes with the language.
  const card = page.locator('article[aria-labelledby="line-500-title"]');
  await card.getByRole("button", { name: "Cancel subscription" }).click();
  const refusal = card.getByRole("alert");
  await expect(refusal).toHaveText("Large Meetings 500 is assigned to 1 user. Remove it from that user before cancelling.");
  const base = page.getByRole("article", { name: "Zoom Workplace Business" });
  await base.getByRole("button", { name: "Add seats" }).click();
  await base.getByLabel("Number of seats").fill("2");
  await base.getByRole("button", { name: "Buy seats" }).click();
  const status = page.getByRole("status").first();
  await expect(status).toHaveText("Order placed: 2 more Zoom Workplace seats.");

  // The top bar's switch: both now read in Swedish, nothing left in English.
  await page.locator("#language").selectOption("sv");
  await expect(refusal).toHaveText(
    "Stora möten 500 är tilldelat 1 användare. Ta bort tillägget från användaren innan du säger upp det.",
  );
  await expect(status).toHaveText("Beställningen är lagd: ytterligare 2 Zoom Workplace-platser.");

  // A refusal in the page's alert region follows the switch back, and forth.
  await page.locator("#language").selectOption("en");
  await expect(status).toHaveText("Order placed: 2 more Zoom Workplace seats.");
  await card.getByRole("button", { name: "Reduce" }).click();
  await card.getByLabel("New number of licenses").fill("1.000");
  await card.getByRole("button", { name: "Schedule reduction" }).click();
  const alert = page.getByRole("alert");
  await expect(alert).toHaveText("“1.000” is not a number as English writes them: write it as 1,000 or 1000.");
  await page.locator("#language").selectOption("sv");
  await expect(alert).toHaveText("”1.000” är inte ett tal så som svenska skriver tal: skriv det som 1\u00a0000 eller 1000.");
});
