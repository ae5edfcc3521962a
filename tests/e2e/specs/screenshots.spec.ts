import { expect, test, type Page } from "@playwright/test";

// The README's screenshots: the main pages in English and Swedish, written
// to docs/screenshots/ by `make screenshots` (skipped in `make test`).

const WRITE = !!process.env.UPDATE_SCREENSHOTS;
const OUT = "../../docs/screenshots";

const LABELS = {
  "en-US": { lang: "en", email: "Email", password: "Password", signIn: "Sign In", signOut: "Sign Out", add: "Add", largeMeetings: "Large Meetings", placeOrder: "Place Order", edit: "Edit" },
  "sv-SE": { lang: "sv", email: "E-post", password: "Lösenord", signIn: "Logga in", signOut: "Logga ut", add: "Lägg till", largeMeetings: "Stora möten", placeOrder: "Placera order", edit: "Redigera" },
} as const;

for (const locale of ["en-US", "sv-SE"] as const) {
  const L = LABELS[locale];
  test.describe(`screenshots in ${locale}`, () => {
    test.use({ locale, viewport: { width: 1280, height: 800 } });
    test.skip(!WRITE, "set UPDATE_SCREENSHOTS=1 (make screenshots) to write docs/screenshots");

    const shot = (page: Page, name: string) => page.screenshot({ path: `${OUT}/${L.lang}-${name}.png` });

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
      await page.getByRole("row").filter({ hasText: "member@acme.example" }).getByRole("button", { name: L.edit }).click();
      await page.locator("#edit-large-meetings").check();
      await shot(page, "edit-user");
      await page.keyboard.press("Escape");

      await page.goto("/meetings");
      await expect(page.getByRole("table")).toBeVisible();
      await shot(page, "meetings");

      await page.goto("/activity-logs");
      await expect(page.getByRole("table")).toBeVisible();
      await shot(page, "activity-logs");
    });
  });
}
