import { expect, test, type Page } from "@playwright/test";
import { buyLargeMeetings, loggaIn, nav, signIn } from "./helpers";

// Orders as a careful admin places them: the confirmation names this
// account's own order, numbers are read exactly as typed in the chosen
// language, the classic cart's steps are history entries, and focus lands on
// the confirmation.

const line = (page: Page, participants: string) =>
  page.getByRole("article", { name: `Large Meetings ${participants} participants`, exact: true });

const summaryValue = async (page: Page, term: string) => {
  const summary = page.getByRole("region", { name: "Order summary" });
  return (await summary.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]").innerText()).trim();
};

/** Globex > Billing > Add to Cart, filled in, on step 1. */
async function fillCart(page: Page, capacity: string, licenses: string, cycle: "Monthly" | "Annual") {
  await page.getByRole("button", { name: "Add to Cart", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Cart: Large Meetings" })).toBeFocused();
  await page.getByLabel("Capacity").selectOption(capacity);
  await page.getByLabel("Number of licenses").fill(licenses);
  await page.getByLabel("Billing cycle").selectOption(cycle);
}

test("the confirmation after an order names this account's order, not another account's with the same number", async ({ page }) => {
  // Acme places two orders (ids 1 and 2 of Acme).
  await signIn(page, "owner@acme.example");
  await buyLargeMeetings(page, "1000", "3");
  await buyLargeMeetings(page, "500", "2");
  await page.getByRole("button", { name: "Sign Out" }).click();

  // Globex's orders are numbered on their own, from 1.
  await signIn(page, "owner@globex.example");
  await nav(page).getByRole("link", { name: "Billing", exact: true }).click();
  await fillCart(page, "3000", "2", "Monthly");
  await page.getByRole("button", { name: "Save & Continue" }).click();
  const due = await summaryValue(page, "Due today");
  expect(due).toBe("$500.00");
  await page.getByRole("button", { name: "Save & Continue" }).click();
  await expect(page.getByText("$500.00 is charged today")).toBeVisible();
  await page.getByRole("button", { name: "Place Order" }).click();
  const status = page.getByRole("status").first();
  await expect(status).toContainText("Order placed: 2 Large Meetings 3,000 participants");
  await expect(status).toContainText("$500.00 due today");
  await page.getByRole("tab", { name: "Invoice History" }).click();
  await expect(page.getByRole("row", { name: /Large Meetings 3,000 participants/ })).toContainText("$500.00");
});

test.describe("numbers are read as the chosen language writes them (English)", () => {
  test('"1,000" orders 1,000 licenses, never 1', async ({ page }) => {
    await signIn(page, "owner@acme.example");
    await page.goto("/plan-management");
    await page.getByRole("article", { name: "Large Meetings", exact: true }).getByRole("button", { name: "Add", exact: true }).click();
    await page.getByLabel("Capacity").selectOption("500");
    await page.getByLabel("Number of licenses").fill("1,000");
    expect(await summaryValue(page, "Number of licenses")).toBe("1,000");
    expect(await summaryValue(page, "Due today")).toBe("$50,000.00");
    await page.getByRole("button", { name: "Place Order" }).click();
    await expect(page.getByRole("status").first()).toContainText("Order placed: 1,000 Large Meetings 500 participants");
    await expect(line(page, "500")).toContainText("Licenses1,000");
  });

  for (const [typed, message] of [
    ["1.000", "“1.000” is not a number as English writes them: write it as 1,000 or 1000."],
    ["1 000", "“1 000” is not a number as English writes them: write it as 1,000 or 1000."],
    ["1,5", "“1,5” is not a number as English writes them: write it as 1,000 or 1000."],
    ["2.5", "“2.5” is not a whole number. Licenses come whole: enter a whole number from 1 to 9,999."],
    ["12,000", "“12,000” is too many. At most 9,999 licenses per order."],
    ["ten", "“ten” is not a number. Enter the number of licenses in digits, a whole number from 1 to 9,999."],
  ]) {
    test(`"${typed}" is refused saying what was read, and nothing is ordered`, async ({ page }) => {
      await signIn(page, "owner@acme.example");
      await page.goto("/plan-management");
      await page.getByRole("article", { name: "Large Meetings", exact: true }).getByRole("button", { name: "Add", exact: true }).click();
      await page.getByLabel("Capacity").selectOption("500");
      await page.getByLabel("Number of licenses").fill(typed);
      await page.getByRole("button", { name: "Place Order" }).click();
      await expect(page.locator("#order-quantity-error")).toHaveText(message);
      await expect(page.getByRole("article", { name: /participants$/ })).toHaveCount(0);
    });
  }

  test("Reduce reads grouped numbers too", async ({ page }) => {
    await signIn(page, "owner@acme.example");
    await buyLargeMeetings(page, "500", "1,500");
    const card = line(page, "500");
    await card.getByRole("button", { name: "Reduce" }).click();
    await card.getByLabel("New number of licenses").fill("1.000");
    await card.getByRole("button", { name: "Schedule reduction" }).click();
    await expect(page.getByRole("alert")).toHaveText("“1.000” is not a number as English writes them: write it as 1,000 or 1000.");
    await expect(card).toContainText("StatusActive");
    await card.getByLabel("New number of licenses").fill("1,000");
    await card.getByRole("button", { name: "Schedule reduction" }).click();
    await expect(card).toContainText(/StatusPending Downgrade: 1,000 licenses from/);
  });

  test("Add seats speaks of seats, not licenses", async ({ page }) => {
    await signIn(page, "owner@globex.example");
    await page.goto("/billing");
    const base = page.getByRole("article", { name: "Zoom Workplace Pro" });
    await base.getByRole("button", { name: "Add seats" }).click();
    const field = base.getByLabel("Number of seats");
    for (const [typed, message] of [
      ["", "Enter the number of seats, a whole number from 1 to 9,999."],
      ["0", "Buy at least 1 seat: enter a whole number from 1 to 9,999."],
      ["2.5", "“2.5” is not a whole number. Seats come whole: enter a whole number from 1 to 9,999."],
      ["10,000", "“10,000” is too many. At most 9,999 seats per order."],
    ]) {
      await field.fill(typed);
      await expect(field).toHaveAccessibleDescription(message);
    }
    await field.fill("1,000");
    await base.getByRole("button", { name: "Buy seats" }).click();
    await expect(page.getByRole("status").first()).toContainText("1,000 more Zoom Workplace seats");
    await expect(base).toContainText("Seats1,010");
  });
});

test.describe("numbers are read as the chosen language writes them (Swedish)", () => {
  test.use({ locale: "sv-SE" });

  test('"1 000" beställer 1 000 licenser, och "1,000" avvisas med vad som lästes', async ({ page }) => {
    await loggaIn(page, "owner@acme.example");
    await page.goto("/plan-management");
    await page.getByRole("article", { name: "Stora möten", exact: true }).getByRole("button", { name: "Lägg till", exact: true }).click();
    await page.getByLabel("Kapacitet").selectOption("500");
    const field = page.getByLabel("Antal licenser");
    await field.fill("1,000");
    await page.getByRole("button", { name: "Placera order" }).click();
    await expect(page.locator("#order-quantity-error")).toHaveText(
      "”1,000” är inte ett tal så som svenska skriver tal: skriv det som 1\u00a0000 eller 1000.",
    );
    await expect(page.getByRole("article", { name: /deltagare$/ })).toHaveCount(0);
    await field.fill("1 000");
    await page.getByRole("button", { name: "Placera order" }).click();
    await expect(page.getByRole("status").first()).toContainText("1\u00a0000");
    await expect(page.getByRole("article", { name: "Stora möten 500 deltagare" })).toContainText("Licenser1\u00a0000");
  });
});

test("each step of the classic cart is a history entry: Back and Forward keep the values, a reload keeps the step", async ({ page }) => {
  await signIn(page, "owner@globex.example");
  await nav(page).getByRole("link", { name: "Profile" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();
  await nav(page).getByRole("link", { name: "Billing", exact: true }).click();
  await fillCart(page, "3000", "2", "Annual");
  await page.getByRole("button", { name: "Save & Continue" }).click();
  await expect(page.getByRole("heading", { name: "Review your changes" })).toBeVisible();

  // Back: step 1, as filled in.
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Cart: Large Meetings" })).toBeVisible();
  await expect(page.getByLabel("Capacity")).toHaveValue("3000");
  await expect(page.getByLabel("Number of licenses")).toHaveValue("2");
  await expect(page.getByLabel("Billing cycle")).toHaveValue("Annual");
  // Forward: the review again.
  await page.goForward();
  await expect(page.getByRole("heading", { name: "Review your changes" })).toBeVisible();
  expect(await summaryValue(page, "Number of licenses")).toBe("2");
  await page.getByRole("button", { name: "Save & Continue" }).click();
  await expect(page.getByRole("heading", { name: "Place your order" })).toBeVisible();
  // A reload stays on step 3 with the order.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Place your order" })).toBeVisible();
  await expect(page.getByText("$5,000.00 is charged today")).toBeVisible();
  // Back through the steps, then out of Billing to where we came from.
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Review your changes" })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Cart: Large Meetings" })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Billing" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Cart: Large Meetings" })).toHaveCount(0);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();
  // Nothing was ordered on the way.
  await page.goto("/billing");
  await page.getByRole("tab", { name: "Invoice History" }).click();
  await expect(page.getByRole("row", { name: /3,000 participants/ })).toHaveCount(0);
});

test("after an order placed with Enter, focus is on the confirmation", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await page.goto("/plan-management");
  await page.getByRole("article", { name: "Large Meetings", exact: true }).getByRole("button", { name: "Add", exact: true }).click();
  await page.getByLabel("Capacity").selectOption("500");
  await page.getByLabel("Number of licenses").fill("2");
  await page.getByLabel("Number of licenses").press("Enter");
  const status = page.getByRole("status").first();
  await expect(status).toContainText("Order placed");
  await expect(status).toBeFocused();
  // The reduction's form is gone once scheduled; focus goes to what was done.
  const card = line(page, "500");
  await card.getByRole("button", { name: "Reduce" }).click();
  await card.getByLabel("New number of licenses").fill("1");
  await card.getByLabel("New number of licenses").press("Enter");
  await expect(status).toContainText("reduced to 1");
  await expect(status).toBeFocused();
});

test("the classic cart's Place Order leaves focus on the confirmation", async ({ page }) => {
  await signIn(page, "owner@globex.example");
  await page.goto("/billing");
  await fillCart(page, "500", "1", "Monthly");
  await page.getByRole("button", { name: "Save & Continue" }).click();
  await page.getByRole("button", { name: "Save & Continue" }).click();
  await page.getByRole("button", { name: "Place Order" }).click();
  const status = page.getByRole("status").first();
  await expect(status).toContainText("Order placed");
  await expect(status).toBeFocused();
});
