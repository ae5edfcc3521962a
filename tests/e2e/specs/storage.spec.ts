import { expect, test, type Page } from "@playwright/test";
import { nav, signIn } from "./helpers";

async function schedule(page: Page, topic: string) {
  await page.getByLabel("Topic").fill(topic);
  await page.getByLabel("Start").fill("2031-03-14T15:00");
  await page.getByLabel("Duration (minutes)").fill("45");
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByRole("status")).toHaveText(`“${topic}” is scheduled.`);
}

test("a change in one tab appears in the other within a second, and both tabs' changes survive", async ({ context }) => {
  const a = await context.newPage();
  await signIn(a, "member@acme.example");
  await nav(a).getByRole("link", { name: "Meetings" }).click();
  const b = await context.newPage();
  await b.goto("/meetings");
  await expect(b.getByRole("heading", { name: "Meetings" })).toBeVisible();

  await schedule(a, "Planned in tab A");
  await expect(b.getByRole("cell", { name: "Planned in tab A" })).toBeVisible({ timeout: 1_000 });
  await schedule(b, "Planned in tab B");
  await expect(a.getByRole("cell", { name: "Planned in tab B" })).toBeVisible({ timeout: 1_000 });

  for (const page of [a, b]) {
    await page.reload();
    for (const topic of ["Quarterly Town Hall", "Planned in tab A", "Planned in tab B"]) {
      await expect(page.getByRole("cell", { name: topic })).toBeVisible();
    }
  }
});

test("signing out in one tab signs out the other", async ({ context }) => {
  const a = await context.newPage();
  await signIn(a, "admin@globex.example");
  const b = await context.newPage();
  await b.goto("/users");
  await expect(b.getByRole("heading", { name: "Users" })).toBeVisible();
  await a.getByRole("button", { name: "Sign Out" }).click();
  await expect(b.getByRole("heading", { name: "Sign In" })).toBeVisible({ timeout: 1_000 });
  await expect(b.getByRole("status")).toHaveText("You signed out in another tab.");
});

test("after a reload with damaged data the portal starts, says so, and keeps the data for download", async ({ page }) => {
  await signIn(page, "member@acme.example");
  const damaged = '{"id":1,"name":"Acme Inc.", this is not json';
  await page.evaluate((text) => localStorage.setItem("lmp.account.1", text), damaged);
  await page.reload();
  const banner = page.getByRole("alert");
  await expect(banner).toContainText("Your saved data could not be read");
  await expect(banner).toContainText("lmp.account.1");
  await expect(banner).toContainText("lmp.quarantine.");
  const kept = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("lmp.quarantine."))!;
    return JSON.parse(localStorage.getItem(key)!);
  });
  expect(kept["lmp.account.1"]).toBe(damaged);

  const download = page.waitForEvent("download");
  await banner.getByRole("link", { name: "Download the saved data" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^lmp\.quarantine\.\d+\.json$/);
  const text = await (await file.createReadStream()).toArray();
  expect(JSON.parse(Buffer.concat(text).toString())["lmp.account.1"]).toBe(damaged);

  // The portal works on fresh data and saves again.
  await nav(page).getByRole("link", { name: "Meetings" }).click();
  await schedule(page, "After the repair");
  await page.reload();
  await expect(page.getByRole("cell", { name: "After the repair" })).toBeVisible();
  await page.screenshot({ path: "artifacts/screenshots/quarantine-banner.png", fullPage: true });
});

test("data written by a newer version is left untouched and the portal says so", async ({ page }) => {
  await page.goto("/sign-in");
  const newer = '{"schema":99,"revision":5,"saved_at":0,"accounts":[1,2]}';
  await page.evaluate((text) => localStorage.setItem("lmp.meta", text), newer);
  const before = await page.evaluate(() => localStorage.getItem("lmp.account.1"));
  await page.reload();
  await signIn(page, "member@acme.example");
  await expect(page.getByRole("alert")).toContainText("written by a newer version");
  await nav(page).getByRole("link", { name: "Meetings" }).click();
  await schedule(page, "Kept in memory");
  expect(await page.evaluate(() => localStorage.getItem("lmp.meta"))).toBe(newer);
  expect(await page.evaluate(() => localStorage.getItem("lmp.account.1"))).toBe(before);
});

test("without local storage the portal runs in memory and says so", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("Storage is disabled", "SecurityError");
      },
    });
  });
  await signIn(page, "member@acme.example");
  await expect(page.getByRole("alert")).toContainText("does not let the portal use local storage");
  await nav(page).getByRole("link", { name: "Meetings" }).click();
  await schedule(page, "Only for now");
  await expect(page.getByRole("cell", { name: "Only for now" })).toBeVisible();
});

test("scheduling refuses bad input with a clear message and changes nothing", async ({ page }) => {
  await signIn(page, "member@acme.example");
  await nav(page).getByRole("link", { name: "Meetings" }).click();
  const rows = await page.getByRole("row").count();
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByRole("alert")).toHaveText("Choose a start date and time.");
  await page.getByLabel("Start").fill("2031-03-14T15:00");
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByRole("alert")).toHaveText("Enter a topic for the meeting.");
  await page.getByLabel("Topic").fill("Too long");
  await page.getByLabel("Duration (minutes)").fill("2000");
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByRole("alert")).toHaveText("A meeting lasts from 1 minute to 24 hours.");
  await page.getByLabel("Start").fill("2001-01-01T10:00");
  await page.getByLabel("Duration (minutes)").fill("30");
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByRole("alert")).toHaveText("Choose a start time in the future.");
  await expect(page.getByRole("row")).toHaveCount(rows);
});
