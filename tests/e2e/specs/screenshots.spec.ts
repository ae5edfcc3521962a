import { expect, test, type Page } from "@playwright/test";

// The README's screenshots: the main pages in English and Swedish, written
// to docs/screenshots/ by `make screenshots` (skipped in `make test`).

const WRITE = !!process.env.UPDATE_SCREENSHOTS;
const OUT = "../../docs/screenshots";

const LABELS = {
  "en-US": { lang: "en", email: "Email", password: "Password", signIn: "Sign In", signOut: "Sign Out", add: "Add", largeMeetings: "Large Meetings", placeOrder: "Place Order", edit: "Edit", select: "Select", changeLicenses: "Change Licenses", billing: "Billing" },
  "sv-SE": { lang: "sv", email: "E-post", password: "Lösenord", signIn: "Logga in", signOut: "Logga ut", add: "Lägg till", largeMeetings: "Stora möten", placeOrder: "Placera order", edit: "Redigera", select: "Markera", changeLicenses: "Ändra licenser", billing: "Fakturering" },
} as const;

for (const locale of ["en-US", "sv-SE"] as const) {
  const L = LABELS[locale];
  test.describe(`screenshots in ${locale}`, () => {
    test.use({ locale, viewport: { width: 1280, height: 800 } });
    test.skip(!WRITE, "set UPDATE_SCREENSHOTS=1 (make screenshots) to write docs/screenshots");

    const shot = (page: Page, name: string, fullPage = false) =>
      page.screenshot({ path: `${OUT}/${L.lang}-${name}.png`, fullPage });

    test(`main pages (${locale})`, async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { name: L.signIn })).toBeVisible();
      await shot(page, "sign-in");
      await page.getByLabel(L.email).fill("owner@acme.example");
      await page.getByLabel(L.password).fill("Demo!2026");
      await page.getByRole("button", { name: L.signIn }).click();
      await expect(page.getByRole("button", { name: L.signOut })).toBeVisible();

      await page.goto("/plan-management");
      await page.getByRole("article", { name: L.largeMeetings, exact: true }).getByRole("button", { name: L.add, exact: true }).click();
      await page.locator("#order-capacity").selectOption("1000");
      await page.locator("#order-quantity").fill("5");
      await shot(page, "plan-management-order");
      await page.getByRole("button", { name: L.placeOrder }).click();
      await expect(page.getByRole("article", { name: new RegExp(`^${L.largeMeetings} 1`) })).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, "plan-management");

      await page.goto("/users");
      await expect(page.getByRole("table")).toBeVisible();
      await shot(page, "users");
      await page.getByRole("row").filter({ hasText: "member@acme.example" }).getByRole("button", { name: L.edit }).click();
      await page.locator("#edit-large-meetings").check();
      await shot(page, "edit-user");
      await page.keyboard.press("Escape");
      for (const name of ["Liam Baker", "Emma Clark", "Noah Davis"]) {
        await page.getByRole("checkbox", { name: `${L.select} ${name}` }).check();
      }
      await page.getByLabel(L.changeLicenses).selectOption({ label: L.largeMeetings });
      await expect(page.getByRole("dialog", { name: L.changeLicenses })).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, "change-licenses");
      await page.keyboard.press("Escape");

      await page.goto("/meetings");
      await expect(page.getByRole("table")).toBeVisible();
      await shot(page, "meetings");

      await page.goto("/activity-logs");
      await expect(page.getByRole("table")).toBeVisible();
      await shot(page, "activity-logs");

      await page.goto("/profile");
      await expect(page.locator("footer")).toBeVisible();
      await shot(page, "profile", true);

      // Globex buys through Account Management > Billing.
      await page.getByRole("button", { name: L.signOut }).click();
      await page.getByLabel(L.email).fill("owner@globex.example");
      await page.getByLabel(L.password).fill("Demo!2026");
      await page.getByRole("button", { name: L.signIn }).click();
      await expect(page.getByRole("button", { name: L.signOut })).toBeVisible();
      await page.goto("/billing");
      await expect(page.getByRole("heading", { level: 1, name: L.billing })).toBeVisible();
      await shot(page, "billing");
    });
  });
}
