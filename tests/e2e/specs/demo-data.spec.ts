import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { importUsers, loggaIn, nav, PASSWORD, signIn } from "./helpers";

// Reset demo data (Profile, and the sign-in page's demo section) and the
// footer with the version and build date.

/** Every stored key of the portal but the session, with its text. */
const stored = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      Object.keys(localStorage)
        .filter((k) => k.startsWith("lmp.") && k !== "lmp.session")
        .sort()
        .map((k) => [k, localStorage.getItem(k)]),
    ),
  );

const version = readFileSync(new URL("../../../Cargo.toml", import.meta.url), "utf8").match(
  /\[package\][^[]*?\nversion = "([^"]+)"/,
)![1];

/** The build date as the footer writes it in US English ("Nov 27, 2026"). */
function builtOn(): RegExp {
  const day = process.env.PORTAL_BUILD_DATE;
  if (!day) return /built [A-Z][a-z]{2} \d{1,2}, \d{4}$/;
  const text = new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", {
    dateStyle: "medium",
    timeZone: "UTC",
  });
  return new RegExp(`built ${text}$`);
}

test("the footer names the version and the build date on every page and on the sign-in page", async ({ page }) => {
  await page.goto("/");
  const footer = page.locator("footer");
  await expect(footer).toContainText(`Large Meetings portal ${version} · `);
  await expect(footer).toHaveText(builtOn());
  await signIn(page, "member@acme.example");
  for (const name of ["Meetings", "Profile"]) {
    await nav(page).getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("contentinfo")).toHaveText(new RegExp(`^Large Meetings portal ${version} · built`));
  }
});

test("Reset demo data asks first; Cancel and Escape change nothing", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await nav(page).getByRole("link", { name: "Profile" }).click();
  const before = await stored(page);
  const button = page.getByRole("button", { name: "Reset demo data" });
  await expect(page.getByRole("heading", { name: "Demo data" })).toBeVisible();

  await button.click();
  const dialog = page.getByRole("dialog", { name: "Reset demo data?" });
  await expect(dialog).toContainText("goes back to the demo data");
  await expect(dialog).toContainText("cannot be undone");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();

  await button.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();

  await expect(page.getByRole("button", { name: "Sign Out" })).toBeVisible();
  expect(await stored(page)).toEqual(before);
});

test("Reset demo data puts every account back and signs out in every tab", async ({ context }) => {
  const page = await context.newPage();
  await signIn(page, "owner@acme.example");
  const seeded = await stored(page);
  // Change the data: a user imported, Large Meetings bought.
  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  const imported = await importUsers(page, "Email,First Name,Last Name,User Type\nnew.person@acme.example,New,Person,Basic\n");
  await expect(imported).toHaveCount(0);
  await expect(page.getByRole("cell", { name: "new.person@acme.example" })).toBeVisible();
  expect(await stored(page)).not.toEqual(seeded);

  const other = await context.newPage();
  await other.goto("/users");
  await expect(other.getByRole("cell", { name: "new.person@acme.example" })).toBeVisible();

  await nav(page).getByRole("link", { name: "Profile" }).click();
  await page.getByRole("button", { name: "Reset demo data" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Reset demo data" }).click();

  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("status")).toHaveText("The demo data was reset. Sign in with one of the demo sign-ins.");
  await expect(other.getByRole("heading", { name: "Sign In" })).toBeVisible({ timeout: 2_000 });

  // The store holds the demo data again: same keys, and the accounts as seeded.
  const after = await stored(page);
  expect(Object.keys(after)).toEqual(Object.keys(seeded));
  await signIn(page, "owner@acme.example");
  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  await expect(page.getByRole("cell", { name: "owner@acme.example" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "new.person@acme.example" })).toHaveCount(0);
  await nav(page).getByRole("link", { name: "Admin Activity Logs" }).click();
  await expect(page.getByRole("cell", { name: /imported/ })).toHaveCount(0);
});

test("a forgotten password: Reset demo data on the sign-in page brings back the demo password", async ({ page }) => {
  await signIn(page, "member@acme.example");
  await nav(page).getByRole("link", { name: "Profile" }).click();
  const form = page.getByRole("form", { name: "Change Password" });
  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByLabel("New password", { exact: true }).fill("a passphrase I forgot");
  await form.getByLabel("Repeat new password").fill("a passphrase I forgot");
  await form.getByRole("button", { name: "Change Password" }).click();
  await expect(form.getByRole("status")).toContainText("Your password was changed.");
  await page.getByRole("button", { name: "Sign Out" }).click();

  await page.getByLabel("Email").fill("member@acme.example");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign In" }).click();
  await expect(page.getByRole("alert")).toBeVisible();

  await page.getByText("Demo sign-ins").click();
  const button = page.getByRole("button", { name: "Reset demo data" });
  await button.click();
  await page.getByRole("dialog", { name: "Reset demo data?" }).getByRole("button", { name: "Reset demo data" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(page.getByRole("status")).toHaveText("The demo data was reset. Sign in with one of the demo sign-ins.");
  await signIn(page, "member@acme.example");
});

test("data written by a newer version is not reset: the dialog says why and nothing changes", async ({ page }) => {
  await page.goto("/sign-in");
  const newer = '{"schema":99,"revision":5,"saved_at":0,"accounts":[1,2]}';
  await page.evaluate((text) => localStorage.setItem("lmp.meta", text), newer);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  const before = await stored(page);
  await signIn(page, "member@acme.example");
  await nav(page).getByRole("link", { name: "Profile" }).click();
  await page.getByRole("button", { name: "Reset demo data" }).click();
  const dialog = page.getByRole("dialog", { name: "Reset demo data?" });
  await dialog.getByRole("button", { name: "Reset demo data" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(
    "The data stored in this browser belongs to a newer version of the portal and is left as it is, so it cannot be reset here.",
  );
  await expect(page.getByRole("button", { name: "Sign Out" })).toBeVisible();
  expect(await stored(page)).toEqual(before);
});

test.describe("in Swedish", () => {
  test.use({ locale: "sv-SE" });

  test("Återställ demodata and the footer speak Swedish, and the chosen language stays", async ({ page }) => {
    await page.goto("/");
    // Chosen explicitly, so it is stored (lmp.locale) and must survive the reset.
    await page.getByLabel("Språk").selectOption("en");
    await page.getByLabel("Language").selectOption("sv");
    expect(await page.evaluate(() => localStorage.getItem("lmp.locale"))).toBe(JSON.stringify("sv"));
    await expect(page.locator("footer")).toContainText(`Portal för stora möten ${version} · byggd `);
    await loggaIn(page, "owner@globex.example");
    await page.getByRole("navigation").getByRole("link", { name: "Profil" }).click();
    await page.getByRole("button", { name: "Återställ demodata" }).click();
    const dialog = page.getByRole("dialog", { name: "Återställa demodata?" });
    await expect(dialog).toContainText("Det går inte att ångra.");
    await dialog.getByRole("button", { name: "Återställ demodata" }).click();
    await expect(page.getByRole("status")).toHaveText("Demodata har återställts. Logga in med en av demoinloggningarna.");
    expect(await page.evaluate(() => localStorage.getItem("lmp.locale"))).toBe(JSON.stringify("sv"));
    await page.reload();
    await expect(page.getByRole("heading", { name: "Logga in" })).toBeVisible();
  });
});
