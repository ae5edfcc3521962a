import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { buyLargeMeetings, signIn } from "./helpers";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Runs axe on the page as it is now and fails with every violation listed. */
async function audit(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`,
  );
  expect(found, `axe on ${what}`).toEqual([]);
}

test("the sign-in page has no WCAG 2.1 AA violation, also with an error shown", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await audit(page, "sign-in");
  await page.getByRole("button", { name: "Sign In" }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await audit(page, "sign-in with errors");
});

test("every page of Acme's owner has no WCAG 2.1 AA violation", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buyLargeMeetings(page, "1000", "2");
  for (const [path, heading] of [
    ["/profile", "Profile"],
    ["/meetings", "Meetings"],
    ["/users", "Users"],
    ["/activity-logs", "Admin Activity Logs"],
    ["/plan-management", "Plan Management"],
    ["/payment-history", "Payment History"],
    ["/no/such/page", "Page not found"],
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await audit(page, path);
  }
  await page.goto("/plan-management");
  await page.getByRole("article", { name: "Large Meetings", exact: true }).getByRole("button", { name: "Add", exact: true }).click();
  await page.getByRole("button", { name: "Place Order" }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await audit(page, "order form with errors");
});

test("every dialog of the Users page has no WCAG 2.1 AA violation", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buyLargeMeetings(page, "500", "2");
  await page.goto("/users");
  const row = (email: string) => page.getByRole("row").filter({ hasText: email });
  await row("basic@acme.example").getByRole("button", { name: "Edit" }).click();
  await audit(page, "Edit User (Basic user)");
  await page.getByRole("dialog").getByLabel("Zoom Workplace").selectOption("Licensed");
  await page.getByRole("dialog").getByRole("checkbox", { name: "Large Meetings" }).check();
  await audit(page, "Edit User with capacities");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Add Users" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  await audit(page, "Add Users with an error");
  await page.keyboard.press("Escape");
  await row("member@acme.example").getByRole("button", { name: "Remove" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove user" }).click();
  await audit(page, "Remove User");
  await page.keyboard.press("Escape");
  await page.getByRole("checkbox", { name: "Select Liam Baker" }).check();
  await page.getByLabel("Change Licenses").selectOption({ label: "Large Meetings" });
  await audit(page, "Change Licenses");
});

test("Globex's billing pages and a member's refusal have no WCAG 2.1 AA violation", async ({ page }) => {
  await signIn(page, "owner@globex.example");
  await page.goto("/billing");
  await audit(page, "Billing, Current Plans");
  await page.getByRole("button", { name: "Add to Cart", exact: true }).click();
  await audit(page, "Billing cart");
  await page.getByRole("tab", { name: "Invoice History" }).click();
  await audit(page, "Invoice History");
  await page.getByRole("button", { name: "Sign Out" }).click();
  await signIn(page, "member@globex.example");
  await page.goto("/users");
  await expect(page.getByRole("heading", { name: "Not authorised" })).toBeVisible();
  await audit(page, "not authorised");
});

for (const [width, height, what] of [
  [375, 812, "a 375 px wide phone"],
  [640, 400, "200% zoom of a 1280 x 800 window"],
] as const) {
  test(`the portal is usable at ${what}: the navigation collapses into Menu and nothing scrolls sideways`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await signIn(page, "owner@acme.example");
    const menu = page.getByRole("button", { name: "Menu" });
    const nav = page.getByRole("navigation", { name: "Portal" });
    await expect(menu).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "Users", exact: true })).toBeVisible();
    await nav.getByRole("link", { name: "Users", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await expect(nav).toBeHidden();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "the page does not scroll sideways").toBeLessThanOrEqual(0);
    await audit(page, `Users at ${width}px`);
    await page.screenshot({ path: `artifacts/screenshots/users-${width}px.png`, fullPage: true });
    await page.getByRole("row").filter({ hasText: "liam.baker@acme.example" }).getByRole("button", { name: "Edit" }).click();
    await expect(page.getByRole("dialog", { name: "Edit User" })).toBeVisible();
    await audit(page, `Edit User at ${width}px`);
    await page.screenshot({ path: `artifacts/screenshots/edit-user-${width}px.png` });
  });
}
