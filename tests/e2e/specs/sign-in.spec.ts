import { expect, test } from "@playwright/test";
import { PASSWORD, signIn } from "./helpers";

test("the portal opens on the sign-in page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("type", "password");
  await expect(page.getByRole("button", { name: "Sign In" })).toBeVisible();
  await page.screenshot({ path: "artifacts/screenshots/sign-in.png", fullPage: true });
});

test("a wrong password and an unknown email get the same single message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("owner@acme.example");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign In" }).click();
  const alert = page.getByRole("alert");
  await expect(alert).toHaveText("Incorrect email or password.");
  await expect(alert).toHaveCount(1);
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel("Password")).toHaveValue("");

  await page.getByLabel("Email").fill("nobody@acme.example");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign In" }).click();
  await expect(page.getByRole("alert")).toHaveText("Incorrect email or password.");
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(await page.evaluate(() => localStorage.getItem("lmp.session"))).toBeNull();
});

test("empty fields are named and nothing happens", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign In" }).click();
  await expect(page.getByRole("alert")).toHaveText("Enter your email address.");
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.getByLabel("Email").fill("owner@acme.example");
  await page.getByLabel("Password").press("Enter");
  await expect(page.getByRole("alert")).toHaveText("Enter your password.");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("demo data is seeded on first start and no password is stored as plain text", async ({ page }) => {
  await page.goto("/sign-in");
  // The portal seeds its store before it shows the page.
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  const stored = await page.evaluate(() => {
    const all: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      all[key] = localStorage.getItem(key)!;
    }
    return all;
  });
  const meta = JSON.parse(stored["lmp.meta"]);
  expect(meta.schema).toBe(6);
  expect(meta.accounts).toEqual([1, 2]);
  const accounts = meta.accounts.map((id: number) => JSON.parse(stored[`lmp.account.${id}`]));
  expect(accounts.map((a: { name: string }) => a.name)).toEqual(["Acme Inc.", "Globex AB"]);
  expect(accounts.map((a: { user_count: number }) => a.user_count)).toEqual([20, 9]);
  // Users are kept as compact CSV rows; each demo user's last cell is its
  // hash (quoted: the PHC string holds commas).
  const rows = meta.accounts.flatMap((id: number) =>
    stored[`lmp.account.${id}.users.0`].split("\n").slice(1).filter((row: string) => row !== ""),
  );
  expect(rows).toHaveLength(29);
  for (const row of rows) expect(row).toMatch(/,"\$argon2id\$v=19\$m=19456,t=2,p=1\$[^"]+"$/);
  expect(JSON.stringify(stored)).not.toContain(PASSWORD);
  // 90 days of held meetings, one key per month (four months at most), in
  // each account, listed in its record; each meeting about 9 characters.
  for (const [index, account] of accounts.entries()) {
    const months = Object.keys(stored).filter((k) => k.startsWith(`lmp.account.${index + 1}.history.`));
    expect(months.length).toBeGreaterThanOrEqual(3);
    expect(months.length).toBeLessThanOrEqual(4);
    for (const key of months) expect(key).toMatch(/\.history\.\d{4}-\d{2}$/);
    expect(account.history).toMatch(/^[A-Za-z0-9_-]+$/);
  }
});

test("signing in with different letter case and Enter works, and the session survives a reload", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("  Owner@ACME.example ");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Password").press("Enter");
  await expect(page.getByRole("button", { name: "Sign Out" })).toBeVisible();
  await expect(page).toHaveURL(/\/profile$/);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Olivia Owens");
});

test("Sign Out ends the session", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.getByRole("link", { name: "Users" }).click();
  await page.getByRole("button", { name: "Sign Out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("status")).toHaveText("You have signed out.");
  await page.goto("/users");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fusers$/);
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
});

test("a deep link asks for sign-in first and then opens the page", async ({ page }) => {
  await page.goto("/users");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fusers$/);
  await page.getByLabel("Email").fill("admin@globex.example");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign In" }).click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
});

test("a session ends after 8 hours without activity", async ({ page }) => {
  await signIn(page, "owner@globex.example");
  await page.evaluate(() => {
    const session = JSON.parse(localStorage.getItem("lmp.session")!);
    session.last_active -= 8 * 3600 * 1000 + 1000;
    localStorage.setItem("lmp.session", JSON.stringify(session));
  });
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fprofile$/);
  await expect(page.getByRole("status")).toContainText("8 hours without activity");
  expect(await page.evaluate(() => localStorage.getItem("lmp.session"))).toBeNull();
});

test("activity keeps the session alive", async ({ page }) => {
  await signIn(page, "owner@globex.example");
  await page.evaluate(() => {
    const session = JSON.parse(localStorage.getItem("lmp.session")!);
    session.last_active -= 7 * 3600 * 1000;
    localStorage.setItem("lmp.session", JSON.stringify(session));
  });
  await page.reload();
  await page.getByRole("link", { name: "Meetings" }).click();
  await expect(page.getByRole("heading", { name: "Meetings" })).toBeVisible();
  const idle = await page.evaluate(
    () => Date.now() - JSON.parse(localStorage.getItem("lmp.session")!).last_active,
  );
  expect(idle).toBeLessThan(60_000);
});

test("five failed sign-ins make that address wait 30 seconds, across a reload, then it works", async ({ page }) => {
  await page.clock.install();
  await page.goto("/sign-in");
  const email = page.getByLabel("Email");
  const password = page.getByLabel("Password");
  const submit = page.getByRole("button", { name: "Sign In" });
  const alert = page.getByRole("alert");
  for (let i = 1; i <= 4; i++) {
    await email.fill("owner@acme.example");
    await password.fill(`guess-${i}`);
    await submit.click();
    await expect(alert).toHaveText("Incorrect email or password.");
    await expect(password).toHaveValue("");
  }
  await password.fill("guess-5");
  await submit.click();
  await expect(alert).toHaveText("Too many failed sign-ins for this email address. Try again in 30 seconds.");

  // The right password does not get through during the wait, not even after a reload.
  await page.clock.fastForward(10_000);
  await page.reload();
  await email.fill("Owner@ACME.example");
  await password.fill(PASSWORD);
  await submit.click();
  await expect(alert).toHaveText(/^Too many failed sign-ins for this email address\. Try again in (1[5-9]|20) seconds\.$/);
  expect(await page.evaluate(() => localStorage.getItem("lmp.session"))).toBeNull();

  // Another address is not held up by it.
  await email.fill("admin@acme.example");
  await password.fill("wrong");
  await submit.click();
  await expect(alert).toHaveText("Incorrect email or password.");

  await page.clock.fastForward(21_000);
  await email.fill("owner@acme.example");
  await password.fill(PASSWORD);
  await submit.click();
  await expect(page.getByRole("button", { name: "Sign Out" })).toBeVisible();
  // Success forgets the owner's failures; the admin's one failure is still counted.
  const failures = await page.evaluate(() => localStorage.getItem("lmp.sign-in-failures"));
  expect(failures).not.toContain("owner@acme.example");
  expect(failures).toContain("admin@acme.example");
});

test.describe("in Swedish", () => {
  test.use({ locale: "sv-SE" });

  test("the wait after five failed sign-ins is explained in Swedish", async ({ page }) => {
    await page.goto("/sign-in");
    for (let i = 1; i <= 5; i++) {
      await page.getByLabel("E-post").fill("nobody@acme.example");
      await page.getByLabel("Lösenord").fill(`gissning-${i}`);
      await page.getByRole("button", { name: "Logga in" }).click();
      await expect(page.getByLabel("Lösenord")).toHaveValue("");
      await expect(page.getByRole("alert")).toHaveText(
        i < 5
          ? "Fel e-postadress eller lösenord."
          : "För många misslyckade inloggningar för den här e-postadressen. Försök igen om 30 sekunder.",
      );
    }
  });
});
