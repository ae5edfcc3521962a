import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// axe-core (WCAG 2.1 A and AA) on every page and every open dialog, in
// English and in Swedish; and the narrow layout (375 px, 200% zoom).

// WCAG 2.1 A and AA, plus axe's best practices (landmarks, heading order, one h1).
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const PASSWORD = "Demo!2026";

/** The accessible names the checks click, per language (DOMAIN.md section 3). */
const NAMES = {
  "en-US": {
    signIn: "Sign In", signOut: "Sign Out", email: "Email", password: "Password",
    largeMeetings: "Large Meetings", add: "Add", placeOrder: "Place Order",
    edit: "Edit", remove: "Remove", removeUser: "Remove user", addUsers: "Add Users", save: "Save", importUsers: "Import Users", csvFile: "CSV file", importButton: "Check File",
    changeLicenses: "Change Licenses", addToCart: "Add to Cart", invoiceHistory: "Invoice History",
    selectLiam: "Select Liam Baker", menu: "Menu", users: "Users", usersHeading: "Users",
    notAuthorised: "Not authorised", reset: "Reset demo data", demoSignIns: "Demo sign-ins",
  },
  "sv-SE": {
    signIn: "Logga in", signOut: "Logga ut", email: "E-post", password: "Lösenord",
    largeMeetings: "Stora möten", add: "Lägg till", placeOrder: "Placera order",
    edit: "Redigera", remove: "Ta bort", removeUser: "Ta bort användare", addUsers: "Lägg till användare", save: "Spara", importUsers: "Importera användare", csvFile: "CSV-fil", importButton: "Kontrollera filen",
    changeLicenses: "Ändra licenser", addToCart: "Lägg i varukorgen", invoiceHistory: "Fakturahistorik",
    selectLiam: "Markera Liam Baker", menu: "Meny", users: "Användare", usersHeading: "Användare",
    notAuthorised: "Ingen behörighet", reset: "Återställ demodata", demoSignIns: "Demoinloggningar",
  },
} as const;

/** Runs axe on the page as it is now and fails with every violation listed. */
async function audit(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`,
  );
  expect(found, `axe on ${what}`).toEqual([]);
}

for (const locale of ["en-US", "sv-SE"] as const) {
  const T = NAMES[locale];
  const row = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });

  async function signIn(page: Page, email: string) {
    await page.goto("/");
    await page.getByLabel(T.email).fill(email);
    await page.getByLabel(T.password).fill(PASSWORD);
    await page.getByRole("button", { name: T.signIn }).click();
    await expect(page.getByRole("button", { name: T.signOut })).toBeVisible();
  }

  async function buy(page: Page, capacity: string, count: string) {
    await page.goto("/plan-management");
    await page.getByRole("article", { name: T.largeMeetings, exact: true }).getByRole("button", { name: T.add, exact: true }).click();
    await page.locator("#order-capacity").selectOption(capacity);
    await page.locator("#order-quantity").fill(count);
    await page.getByRole("button", { name: T.placeOrder }).click();
    await expect(page.getByRole("article", { name: new RegExp(`^${T.largeMeetings} `) })).toBeVisible();
  }

  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    // axe takes a second or two per page on this 2-core machine.
    test.describe.configure({ timeout: 120_000 });

    test(`the sign-in page has no WCAG 2.1 AA violation, also with an error shown (${locale})`, async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { name: T.signIn })).toBeVisible();
      await audit(page, "sign-in");
      await page.getByRole("button", { name: T.signIn }).click();
      await expect(page.getByRole("alert").first()).toBeVisible();
      await audit(page, "sign-in with errors");
    });

    test(`every page of Acme's owner has no WCAG 2.1 AA violation (${locale})`, async ({ page }) => {
      await signIn(page, "owner@acme.example");
      await buy(page, "1000", "2");
      for (const path of [
        "/profile", "/meetings", "/users", "/groups", "/groups?group=1", "/activity-logs", "/plan-management",
        "/payment-history", "/help/large-meetings-requirements", "/help/large-meetings-best-practices", "/help/billing-settings",
        "/no/such/page",
      ]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await audit(page, path);
      }
      await page.goto("/plan-management");
      await page.getByRole("article", { name: T.largeMeetings, exact: true }).getByRole("button", { name: T.add, exact: true }).click();
      await page.getByRole("button", { name: T.placeOrder }).click();
      await expect(page.getByRole("alert").first()).toBeVisible();
      await audit(page, "order form with errors");
    });

    test(`the Reset demo data dialog has no WCAG 2.1 AA violation, on Profile and on the sign-in page (${locale})`, async ({ page }) => {
      await signIn(page, "member@acme.example");
      await page.goto("/profile");
      await page.getByRole("button", { name: T.reset }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await audit(page, "Reset demo data on Profile");
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: T.signOut }).click();
      await page.getByText(T.demoSignIns).click();
      await page.getByRole("button", { name: T.reset }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await audit(page, "Reset demo data on the sign-in page");
    });

    test(`every dialog of the Users page has no WCAG 2.1 AA violation (${locale})`, async ({ page }) => {
      await signIn(page, "owner@acme.example");
      await buy(page, "500", "2");
      await page.goto("/users");
      await row(page, "basic@acme.example").getByRole("button", { name: T.edit }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await audit(page, "Edit User (Basic user)");
      await page.locator("#edit-zoom-workplace").selectOption("Licensed");
      await page.locator("#edit-large-meetings").check();
      await audit(page, "Edit User with capacities");
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: T.addUsers }).click();
      await page.getByRole("dialog").getByRole("button", { name: T.save }).click();
      await expect(page.getByRole("dialog").getByRole("alert")).toBeVisible();
      await audit(page, "Add Users with an error");
      await page.keyboard.press("Escape");
      await row(page, "member@acme.example").getByRole("button", { name: T.remove, exact: true }).click();
      await page.getByRole("dialog").getByRole("button", { name: T.removeUser }).click();
      await expect(page.getByRole("dialog").getByRole("alert")).toBeVisible();
      await audit(page, "Remove User with an error");
      await page.locator("#remove-meetings-move").check();
      await page.locator("#remove-new-host").fill("basic@acme.example");
      await expect(page.getByRole("dialog").locator(".form-warning")).toBeVisible();
      await audit(page, "Remove User warning that a moved meeting admits fewer");
      await page.keyboard.press("Escape");
      await row(page, "owner@acme.example").getByRole("button", { name: T.remove, exact: true }).click();
      await expect(page.getByRole("dialog").getByRole("radio")).toHaveCount(0);
      await audit(page, "Remove User refused for the owner");
      await page.keyboard.press("Escape");
      await page.getByRole("checkbox", { name: T.selectLiam }).check();
      await page.getByLabel(T.changeLicenses).selectOption("add");
      await expect(page.getByRole("dialog", { name: T.changeLicenses })).toBeVisible();
      await audit(page, "Change Licenses");
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: T.importUsers }).click();
      const importDialog = page.getByRole("dialog", { name: T.importUsers });
      await importDialog.getByLabel(T.csvFile).setInputFiles({
        name: "bad.csv",
        mimeType: "text/csv",
        buffer: Buffer.from("Email,First Name,Last Name,User Type\nnot-an-email,A,B,Gold\n"),
      });
      await importDialog.getByRole("button", { name: T.importButton }).click();
      await expect(importDialog.getByRole("alert").getByRole("listitem")).toHaveCount(2);
      await audit(page, "Import Users with a problem report");
      await importDialog.getByRole("radio").nth(1).check();
      await importDialog.getByLabel(T.csvFile).setInputFiles({
        name: "update.csv",
        mimeType: "text/csv",
        buffer: Buffer.from("Email,Group\nliam.baker@acme.example,Webinars\n"),
      });
      await importDialog.getByRole("button", { name: T.importButton }).click();
      await expect(importDialog.locator("#import-preview").getByRole("listitem")).toHaveCount(2);
      await audit(page, "Import Users, Update existing users, with its preview");
    });

    test(`Globex's billing pages and a member's refusal have no WCAG 2.1 AA violation (${locale})`, async ({ page }) => {
      await signIn(page, "owner@globex.example");
      await page.goto("/billing");
      await audit(page, "Billing, Current Plans");
      await page.getByRole("button", { name: T.addToCart, exact: true }).click();
      await audit(page, "Billing cart");
      await page.getByRole("tab", { name: T.invoiceHistory }).click();
      await audit(page, "Invoice History");
      await page.getByRole("button", { name: T.signOut }).click();
      await signIn(page, "member@globex.example");
      await page.goto("/users");
      await expect(page.getByRole("heading", { name: T.notAuthorised })).toBeVisible();
      await audit(page, "not authorised");
    });

    for (const [width, height, what] of [
      [375, 812, "a 375 px wide phone"],
      [640, 400, "200% zoom of a 1280 x 800 window"],
    ] as const) {
      test(`usable at ${what}: Menu opens the navigation, nothing scrolls sideways (${locale})`, async ({ page }) => {
        await page.setViewportSize({ width, height });
        await signIn(page, "owner@acme.example");
        const menu = page.getByRole("button", { name: T.menu });
        const nav = page.getByRole("navigation", { name: "Portal" });
        await expect(menu).toHaveAttribute("aria-expanded", "false");
        await expect(nav).toBeHidden();
        await menu.click();
        await expect(menu).toHaveAttribute("aria-expanded", "true");
        await nav.getByRole("link", { name: T.users, exact: true }).click();
        await expect(page.getByRole("heading", { level: 1, name: T.usersHeading })).toBeVisible();
        await expect(nav).toBeHidden();
        for (const path of ["/users", "/groups", "/groups?group=1", "/plan-management", "/meetings", "/activity-logs"]) {
          await page.goto(path);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${path} does not scroll sideways`).toBeLessThanOrEqual(0);
        }
        await page.goto("/users");
        await audit(page, `Users at ${width}px`);
        await page.screenshot({ path: `artifacts/screenshots/${locale}-users-${width}px.png`, fullPage: true });
        await row(page, "liam.baker@acme.example").getByRole("button", { name: T.edit }).click();
        await expect(page.getByRole("dialog")).toBeVisible();
        await audit(page, `Edit User at ${width}px`);
        await page.screenshot({ path: `artifacts/screenshots/${locale}-edit-user-${width}px.png` });
      });
    }
  });
}
