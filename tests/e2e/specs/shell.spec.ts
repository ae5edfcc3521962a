import { expect, test } from "@playwright/test";
import { buyLargeMeetings, midWordBreaks, nav, signIn } from "./helpers";

type Expectation = {
  email: string;
  account: string;
  shows: string[];
  hides: string[];
};

const ALL = ["Plan Management", "Billing", "Users", "Admin Activity Logs", "Meetings", "Profile"];
const cases: Expectation[] = [
  { email: "owner@acme.example", account: "Acme Inc.", shows: ["Plan Management", "Users", "Admin Activity Logs", "Meetings", "Profile"], hides: ["Billing"] },
  { email: "admin@acme.example", account: "Acme Inc.", shows: ["Plan Management", "Users", "Admin Activity Logs", "Meetings", "Profile"], hides: ["Billing"] },
  { email: "member@acme.example", account: "Acme Inc.", shows: ["Meetings", "Profile"], hides: ["Plan Management", "Billing", "Users", "Admin Activity Logs"] },
  { email: "owner@globex.example", account: "Globex AB", shows: ["Billing", "Users", "Admin Activity Logs", "Meetings", "Profile"], hides: ["Plan Management"] },
  { email: "admin@globex.example", account: "Globex AB", shows: ["Billing", "Users", "Admin Activity Logs", "Meetings", "Profile"], hides: ["Plan Management"] },
  { email: "member@globex.example", account: "Globex AB", shows: ["Meetings", "Profile"], hides: ["Plan Management", "Billing", "Users", "Admin Activity Logs"] },
];

for (const c of cases) {
  test(`${c.email} gets the navigation of their role and billing portal`, async ({ page }) => {
    await signIn(page, c.email);
    await expect(page.getByRole("banner")).toContainText(c.account);
    await expect(page.getByRole("banner")).toContainText(c.email);
    for (const name of c.shows) {
      await expect(nav(page).getByRole("link", { name, exact: true })).toBeVisible();
    }
    for (const name of c.hides) {
      await expect(nav(page).getByRole("link", { name, exact: true })).toHaveCount(0);
    }
    expect(c.shows.length + c.hides.length).toBe(ALL.length);
    // Each visible entry leads to its page.
    for (const name of c.shows) {
      await nav(page).getByRole("link", { name, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();
      await expect(nav(page).getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", "page");
    }
  });
}

test("the group titles follow the article's navigation", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await expect(nav(page)).toContainText("Plans and Billing");
  await expect(nav(page)).toContainText("User Management");
  await expect(nav(page)).not.toContainText("Account Management");
  await page.screenshot({ path: "artifacts/screenshots/shell-acme-owner.png", fullPage: true });
  await page.getByRole("button", { name: "Sign Out" }).click();
  await signIn(page, "owner@globex.example");
  await expect(nav(page)).toContainText("Account Management");
  await expect(nav(page)).not.toContainText("Plans and Billing");
  await nav(page).getByRole("link", { name: "Billing", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Current Plans" })).toBeVisible();
  await page.screenshot({ path: "artifacts/screenshots/shell-globex-billing.png", fullPage: true });
});

test("Plan Management shows Acme's base plan and its seats", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/plan-management");
  const card = page.getByRole("article", { name: "Zoom Workplace Business" });
  await expect(card).toContainText("Seats20");
  await expect(card).toContainText("In use16");
  await expect(card).toContainText("Available4");
  await expect(card).toContainText("300 participants");
});

test("the users page lists every user of the own account only", async ({ page }) => {
  await signIn(page, "owner@globex.example");
  await page.goto("/users");
  await expect(page.getByRole("row")).toHaveCount(10); // header + 9 users
  await expect(page.getByText("Zoom Workplace seats: 7 of 10 in use")).toBeVisible();
  await expect(page.getByRole("cell", { name: "basic@globex.example" })).toBeVisible();
  await expect(page.getByText("acme.example")).toHaveCount(0);
});

test("members see their meetings with the capacity their license gives", async ({ page }) => {
  await signIn(page, "member@acme.example");
  await nav(page).getByRole("link", { name: "Meetings" }).click();
  const row = page.getByRole("row", { name: /Quarterly Town Hall/ });
  await expect(row).toContainText("300 participants");
  await page.getByRole("button", { name: "Sign Out" }).click();
  await signIn(page, "basic@acme.example");
  await nav(page).getByRole("link", { name: "Meetings" }).click();
  await expect(page.getByRole("row", { name: /Book club/ })).toContainText("100 participants");
});

for (const address of ["/users", "/plan-management", "/billing", "/payment-history", "/activity-logs"]) {
  test(`a member typing ${address} sees the not-authorised page, not its content`, async ({ page }) => {
    await signIn(page, "member@acme.example");
    await page.goto(address);
    await expect(page.getByRole("heading", { level: 1, name: "Not authorised" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Your role (Member) does not allow you");
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(page.getByText("Zoom Workplace Business")).toHaveCount(0);
  });
}

test("an owner typing the other billing portal's address is pointed to their own", async ({ page }) => {
  await signIn(page, "owner@globex.example");
  await page.goto("/plan-management");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "This billing portal is not used by your account",
  );
  await page.getByRole("link", { name: "Go to Account Management > Billing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Billing" })).toBeVisible();
});

test("an unknown address shows the not-found page inside the shell", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/no/such/page");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(nav(page)).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign Out" })).toBeVisible();
});

test("assets are served with their types and a missing asset is a 404, not the app", async ({ request }) => {
  const missing = await request.get("/missing.js");
  expect(missing.status()).toBe(404);
  const index = await (await request.get("/users")).text();
  const wasmPath = index.match(/href="(\/[^"]+\.wasm)"/)?.[1];
  expect(wasmPath, "index.html preloads the wasm").toBeTruthy();
  const wasm = await request.get(wasmPath!);
  expect(wasm.status()).toBe(200);
  expect(wasm.headers()["content-type"]).toBe("application/wasm");
});

for (const width of [1280, 375]) {
  test(`navigation labels never break inside a word, in either language, at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, "owner@acme.example");
    if (width < 700) await page.getByRole("button", { name: "Menu" }).click();
    const labels = nav(page).locator("a, .nav__group-title");
    await expect(nav(page).getByRole("link", { name: "Admin Activity Logs" })).toBeVisible();
    expect(await midWordBreaks(labels)).toEqual([]);
    await page.getByLabel("Language").selectOption("sv");
    if (width < 700 && !(await nav(page).isVisible())) await page.getByRole("button", { name: "Meny" }).click();
    const logs = nav(page).getByRole("link", { name: "Administratörsaktivitetsloggar" });
    await expect(logs).toBeVisible();
    expect(await midWordBreaks(labels)).toEqual([]);
    // The window title has the name without its break marks.
    await logs.click();
    await expect(page).toHaveTitle("Administratörsaktivitetsloggar – Portal för stora möten");
  });
}

test("the activity log's cells break only between words, in both languages", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buyLargeMeetings(page, "1000", "5");
  await nav(page).getByRole("link", { name: "Admin Activity Logs" }).click();
  const cells = page.getByRole("table").locator("td");
  await expect(cells.filter({ hasText: "owner@acme.example" }).first()).toBeVisible();
  expect(await midWordBreaks(cells)).toEqual([]);
  await page.getByLabel("Language").selectOption("sv");
  await expect(cells.filter({ hasText: "Fakturering" }).first()).toBeVisible();
  expect(await midWordBreaks(cells)).toEqual([]);
});

test("the skip link moves to the page's content and stays on the page", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/users");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  // The first stop of the keyboard on a page.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
  expect(new URL(page.url()).pathname).toBe("/users");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
});

test("links move between pages without reloading; Back, Forward and a redirect keep the history right", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  // Something set on the page survives only if the portal does not reload.
  await page.evaluate(() => ((window as any).sameDocument = true));
  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expect(page).toHaveTitle("Users – Large Meetings portal");
  await nav(page).getByRole("link", { name: "Meetings", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Meetings" })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Users", exact: true })).not.toHaveAttribute("aria-current", "page");
  expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Users", exact: true })).toHaveAttribute("aria-current", "page");
  await page.goForward();
  await expect(page.getByRole("heading", { level: 1, name: "Meetings" })).toBeVisible();
  expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);

  // "/" shows the profile in place of itself: Back does not land on an
  // address that only sends the browser forward again.
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/profile");
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Meetings" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/meetings");

  // A link opened with a modifier key is the browser's (a new tab here).
  const [opened] = await Promise.all([
    page.context().waitForEvent("page"),
    nav(page).getByRole("link", { name: "Users", exact: true }).click({ modifiers: ["ControlOrMeta"] }),
  ]);
  await opened.close();
  expect(new URL(page.url()).pathname).toBe("/meetings");
  await expect(page.getByRole("heading", { level: 1, name: "Meetings" })).toBeVisible();
});
