import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { loggaIn } from "./helpers";

// A browser set to Swedish: the portal starts in Swedish, with the labels of
// the help article (DOMAIN.md section 3).
test.use({ locale: "sv-SE" });

const nav = (page: Page) => page.getByRole("navigation", { name: "Portal" });
const row = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `artifacts/screenshots/sv-${name}.png`, fullPage: true });

async function audit(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `axe on ${what}`).toEqual([]);
}

test("a Swedish browser gets Swedish; the choice of English is remembered and sets <html lang>", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Logga in" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await audit(page, "Logga in");
  await page.getByLabel("Språk").selectOption("en");
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByLabel("Language").selectOption("sv");
  await expect(page.getByRole("heading", { name: "Logga in" })).toBeVisible();
  // A wrong password is refused in Swedish.
  await page.getByLabel("E-post").fill("owner@acme.example");
  await page.getByLabel("Lösenord").fill("fel");
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByRole("alert")).not.toHaveText("Incorrect email or password.");
  await expect(page.getByRole("alert")).toBeVisible();
});

test("B på svenska: Planer och fakturering > Planhantering, Stora möten, Lägg till, Placera order", async ({ page }) => {
  await loggaIn(page, "owner@acme.example");
  await nav(page).getByRole("link", { name: "Planhantering" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Planhantering" })).toBeVisible();
  await expect(nav(page)).toContainText("Planer och fakturering");
  await expect(page.getByRole("heading", { name: "Upptäck våra andra populära produkter" })).toBeVisible();
  await page.getByRole("article", { name: "Stora möten", exact: true }).getByRole("button", { name: "Lägg till", exact: true }).click();
  await page.getByLabel("Kapacitet").selectOption("1000");
  await page.getByLabel("Antal licenser").fill("5");
  await page.getByLabel("Prenumerationscykel").selectOption({ label: "Årsvis" });
  await audit(page, "beställningsformulär");
  await shot(page, "flow-b-order");
  await page.getByRole("button", { name: "Placera order" }).click();
  const status = page.getByRole("status").first();
  await expect(status).toContainText("Stora möten");
  await expect(status).toHaveText(/4\s500,00\sUS\$/);
  const line = page.getByRole("article", { name: /^Stora möten 1\s000 deltagare$/ });
  await expect(line).toContainText("Årsvis");
  await audit(page, "Planhantering");
  await nav(page).getByRole("link", { name: "Betalningshistorik" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Betalningshistorik" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Stora möten 1\s000 deltagare/ })).toBeVisible();
});

test("C på svenska: Kontohantering > Fakturering, Aktuella planer, Lägg i varukorgen, Spara och fortsätt, Beställ", async ({ page }) => {
  await loggaIn(page, "owner@globex.example");
  await expect(nav(page)).toContainText("Kontohantering");
  await nav(page).getByRole("link", { name: "Fakturering", exact: true }).click();
  await expect(page.getByRole("tab", { name: "Aktuella planer" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("heading", { name: "Intresserad av andra tillgängliga produkter?" })).toBeVisible();
  await page.getByRole("button", { name: "Lägg i varukorgen", exact: true }).click();
  await page.getByLabel("Kapacitet").selectOption("500");
  await page.getByLabel("Prenumerationscykel").selectOption({ label: "Månadsvis" });
  await page.getByLabel("Antal licenser").fill("2");
  await page.getByRole("button", { name: "Spara och fortsätt" }).click();
  await audit(page, "granskning");
  await page.getByRole("button", { name: "Spara och fortsätt" }).click();
  await page.getByRole("button", { name: "Beställ" }).click();
  await expect(page.getByRole("article", { name: /^Stora möten 500 deltagare$/ })).toBeVisible();
  await page.getByRole("tab", { name: "Fakturahistorik" }).click();
  await expect(page.getByRole("row", { name: /Stora möten 500 deltagare/ })).toBeVisible();
});

test("D, E och F på svenska: Redigera användare, Ändra licenser, och mötena växer", async ({ page }) => {
  await loggaIn(page, "owner@acme.example");
  await page.goto("/plan-management");
  await page.getByRole("article", { name: "Stora möten", exact: true }).getByRole("button", { name: "Lägg till", exact: true }).click();
  await page.getByLabel("Kapacitet").selectOption("1000");
  await page.getByLabel("Antal licenser").fill("5");
  await page.getByRole("button", { name: "Placera order" }).click();
  await expect(page.getByRole("status").first()).toContainText("Stora möten");

  // D. Användarhantering > Användare, Sök, Redigera, Redigera användare.
  await expect(nav(page)).toContainText("Användarhantering");
  await nav(page).getByRole("link", { name: "Användare", exact: true }).click();
  await page.getByRole("searchbox", { name: "Sök" }).fill("maya");
  await row(page, "member@acme.example").getByRole("button", { name: "Redigera" }).click();
  const dialog = page.getByRole("dialog", { name: "Redigera användare" });
  await expect(dialog.getByLabel("Zoom Workplace")).toBeFocused();
  await expect(dialog.getByRole("group", { name: "Licenser och tillägg" })).toBeVisible();
  await dialog.getByRole("checkbox", { name: "Stora möten" }).check();
  await audit(page, "Redigera användare");
  await shot(page, "flow-d-edit-user");
  await dialog.getByRole("button", { name: "Spara" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row(page, "member@acme.example")).toContainText(/1\s000 deltagare/);

  // E. Ändra licenser with a Basic user: refused, in Swedish, naming them.
  await page.getByRole("searchbox", { name: "Sök" }).fill("");
  await row(page, "liam.baker@acme.example").getByRole("checkbox").check();
  await row(page, "basic@acme.example").getByRole("checkbox").check();
  await page.getByLabel("Ändra licenser").selectOption({ label: "Stora möten" });
  const popup = page.getByRole("dialog", { name: "Ändra licenser" });
  await audit(page, "Ändra licenser");
  await popup.getByRole("button", { name: "Spara" }).click();
  await expect(popup.getByRole("alert")).toContainText("Endast betalda användare kan aktivera den här funktionen.");
  await expect(popup.getByRole("alert")).toContainText("basic@acme.example");
  await popup.getByRole("button", { name: "Avbryt" }).click();
  await row(page, "basic@acme.example").getByRole("checkbox").uncheck();
  await page.getByLabel("Ändra licenser").selectOption({ label: "Stora möten" });
  await popup.getByRole("button", { name: "Spara" }).click();
  await expect(row(page, "liam.baker@acme.example")).toContainText(/1\s000 deltagare/);
  await audit(page, "Användare");

  // F. Möten: the Town Hall, scheduled earlier, admits 1 000 now.
  await nav(page).getByRole("link", { name: "Möten" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Möten" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Quarterly Town Hall/ })).toContainText(/1\s000 deltagare/);
  await expect(page.getByRole("heading", { name: "Schemalägg ett möte" })).toBeVisible();
  await expect(page.getByLabel("Ämne")).toBeVisible();
  await audit(page, "Möten");
  await nav(page).getByRole("link", { name: "Administratörsaktivitetsloggar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Administratörsaktivitetsloggar" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Exportera" })).toBeVisible();
  await audit(page, "Administratörsaktivitetsloggar");
});

test("the help pages exist in Swedish and are linked from the purchase and assignment pages", async ({ page }) => {
  await loggaIn(page, "owner@acme.example");
  await page.goto("/plan-management");
  await page.getByRole("link", { name: "Krav för att aktivera och tilldela tillägget Stora möten" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Krav för att aktivera och tilldela tillägget Stora möten" })).toBeVisible();
  await audit(page, "Krav");
  await page.getByRole("link", { name: "Bästa praxis för stora möten" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bästa praxis för stora möten" })).toBeVisible();
  await page.getByRole("link", { name: "Hitta dina faktureringsinställningar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hitta dina faktureringsinställningar" })).toBeVisible();
  await audit(page, "Faktureringsinställningar");
});

test("the window title names the page in the chosen language", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("Logga in – Portal för stora möten");
  await loggaIn(page, "admin@acme.example");
  await page.goto("/users");
  await expect(page).toHaveTitle("Användare – Portal för stora möten");
  await page.getByLabel("Språk").selectOption("en");
  await nav(page).getByRole("link", { name: "Meetings" }).click();
  await expect(page).toHaveTitle("Meetings – Large Meetings portal");
});
