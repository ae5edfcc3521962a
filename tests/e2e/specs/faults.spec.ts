import { expect, test, type Page } from "@playwright/test";
import { buyLargeMeetings, loggaIn, nav, signIn } from "./helpers";

// The fault matrix: whatever happens to the storage, the portal starts,
// says what happened, and loses nothing that was saved.
// (Damaged data in general, a newer schema, no storage at all and two tabs
// are in storage.spec.ts.)

const row = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });
const THREE = ["liam.baker@acme.example", "emma.clark@acme.example", "noah.davis@acme.example"];

/** The portal's data keys as stored now (not the session, language or quarantine). */
async function dataKeys(page: Page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("lmp.") && !/^lmp\.(session|locale|sign-in-failures|quarantine\.)/.test(k))
      .sort(),
  );
}

/** The meta record and every account key (records, user and log chunks) with their texts. */
async function accountData(page: Page) {
  return page.evaluate(() => {
    const data: Record<string, string> = {};
    for (const k of Object.keys(localStorage)) if (/^lmp\.(meta|account\.)/.test(k)) data[k] = localStorage.getItem(k)!;
    return data;
  });
}

async function snapshot(page: Page) {
  return page.evaluate(() => JSON.stringify(Object.entries({ ...localStorage }).sort()));
}

/**
 * Makes localStorage refuse the portal's data writes as a full quota does:
 * all of them, or the `nth` (1-based) and every one after it. Putting back
 * a text that was stored when the quota filled still works (it fitted then).
 */
async function failWrites(page: Page, nth?: number) {
  await page.evaluate((nth) => {
    const w = window as any;
    const original = Storage.prototype.setItem;
    const fitted = { ...localStorage } as Record<string, string>;
    let count = 0;
    w.__restoreStorage = () => (Storage.prototype.setItem = original);
    Storage.prototype.setItem = function (key: string, value: string) {
      const data = key.startsWith("lmp.") && !/^lmp\.(session|locale|sign-in-failures)/.test(key);
      if (data && fitted[key] !== value && (nth === undefined || ++count >= nth)) {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      }
      return original.call(this, key, value);
    };
  }, nth);
}

async function selectThreeAndAssign500(page: Page) {
  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  const search = page.getByRole("searchbox", { name: "Search" });
  for (const [query, name] of [["liam", "Liam Baker"], ["emma", "Emma Clark"], ["noah", "Noah Davis"]]) {
    await search.fill(query);
    await page.getByRole("checkbox", { name: `Select ${name}` }).check();
  }
  await search.fill("");
  await page.getByLabel("Change Licenses").selectOption({ label: "Large Meetings" });
  const popup = page.getByRole("dialog", { name: "Change Licenses" });
  await popup.getByRole("radio", { name: /^500 participants/ }).check();
  return popup.getByRole("button", { name: "Save" });
}

test("damaged text under any data key: the portal starts, names the key, and keeps the text", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buyLargeMeetings(page, "500", "1"); // so that a log chunk exists
  const keys = await dataKeys(page);
  expect(keys).toEqual(expect.arrayContaining(["lmp.meta", "lmp.account.1", "lmp.account.1.users.0", "lmp.account.1.log.0", "lmp.account.2"]));
  const seeded = await page.evaluate(() => ({ ...localStorage }));
  for (const key of keys) {
    await test.step(key, async () => {
      // Start from the same good data each time, then damage one key.
      await page.evaluate(
        ({ seeded, key }) => {
          localStorage.clear();
          for (const [k, v] of Object.entries(seeded)) localStorage.setItem(k, v as string);
          localStorage.setItem(key, "\u0000{ damaged");
        },
        { seeded, key },
      );
      await page.reload();
      const banner = page.getByRole("alert").filter({ hasText: "Your saved data could not be read" });
      await expect(banner).toContainText(key);
      const kept = await page.evaluate(() => {
        const quarantine = Object.keys(localStorage).find((k) => k.startsWith("lmp.quarantine."))!;
        return JSON.parse(localStorage.getItem(quarantine)!);
      });
      expect(kept[key]).toBe("\u0000{ damaged");
      // The portal works.
      await nav(page).getByRole("link", { name: "Profile", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();
    });
  }
});

test("a damaged session, language or sign-in record is simply ignored", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await page.evaluate(() => {
    localStorage.setItem("lmp.session", "{ not a session");
    localStorage.setItem("lmp.locale", "\"xx-YY\"");
    localStorage.setItem("lmp.sign-in-failures", "[[[");
  });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await signIn(page, "member@acme.example");
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("a full quota keeps the change on screen, says so, and saves it once there is room", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buyLargeMeetings(page, "500", "3");
  const before = await snapshot(page);
  const save = await selectThreeAndAssign500(page);
  await failWrites(page);
  await save.click();
  const banner = page.getByRole("alert").filter({ hasText: "not saved yet" });
  await expect(banner).toContainText("Your last change is not saved yet");
  for (const email of THREE) await expect(row(page, email)).toContainText("500 participants");
  expect(await snapshot(page)).toBe(before);

  await page.evaluate(() => (window as any).__restoreStorage());
  await expect(banner).toHaveCount(0, { timeout: 15_000 });
  await page.reload();
  for (const email of THREE) await expect(row(page, email)).toContainText("500 participants");
});

test("a save that fails halfway puts back what it wrote, so the stored data is never half changed", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buyLargeMeetings(page, "500", "3");
  const before = await snapshot(page);
  const save = await selectThreeAndAssign500(page);
  await failWrites(page, 3); // the journal and the first chunk land; the second and every retry fail
  await save.click();
  await expect(page.getByRole("alert").filter({ hasText: "not saved yet" })).toBeVisible();
  expect(await snapshot(page)).toBe(before);

  // A reload now (before the retry) finds the data as it was before the change.
  await page.reload();
  for (const email of THREE) await expect(row(page, email)).not.toContainText("500 participants");
});

test("a reload right after a bulk change finds all of it or none of it, never a part", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buyLargeMeetings(page, "500", "3");
  const save = await selectThreeAndAssign500(page);
  await save.click({ noWaitAfter: true });
  await page.reload();
  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  const changed = [];
  for (const email of THREE) changed.push(((await row(page, email).textContent()) ?? "").includes("500 participants"));
  expect(new Set(changed).size).toBe(1);
});

test("two tabs editing the same user: the second Save shows the first tab's change instead of undoing it", async ({ context }) => {
  const a = await context.newPage();
  await signIn(a, "owner@acme.example");
  await buyLargeMeetings(a, "500", "1");
  await nav(a).getByRole("link", { name: "Users", exact: true }).click();
  const b = await context.newPage();
  await b.goto("/users");
  await expect(b.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();

  // Both open Edit User for Liam Baker.
  const open = async (page: Page) => {
    await row(page, "liam.baker@acme.example").getByRole("button", { name: "Edit" }).click();
    return page.getByRole("dialog", { name: /Edit User/ });
  };
  const inA = await open(a);
  const inB = await open(b);

  // Tab A gives him Large Meetings 500.
  await inA.getByRole("checkbox", { name: "Large Meetings" }).check();
  await inA.getByRole("button", { name: "Save" }).click();
  await expect(row(a, "liam.baker@acme.example")).toContainText("500 participants");

  // Tab B, still showing him without it, makes him an admin and saves.
  await inB.getByLabel("Role").selectOption({ label: "Admin" });
  await inB.getByRole("button", { name: "Save" }).click();
  await expect(inB.getByRole("alert")).toContainText("Liam Baker was changed in another tab or window while this dialog was open.");
  await expect(inB.getByRole("checkbox", { name: "Large Meetings" })).toBeChecked();
  await expect(inB.getByLabel("Role")).toHaveValue("Member");

  // Making him Basic now asks first, since it would take away the other tab's add-on.
  await inB.getByLabel("Zoom Workplace").selectOption({ label: "Basic" });
  await inB.getByRole("button", { name: "Save" }).click();
  await expect(inB.getByRole("alert")).toHaveText(
    "Making Liam Baker Basic also removes their Large Meetings 500 participants license.",
  );
  await inB.getByRole("button", { name: "Cancel" }).click();
  await expect(inB).toHaveCount(0);

  // Saving again, on what is there now, keeps both changes.
  await open(b);
  await expect(inB.getByRole("checkbox", { name: "Large Meetings" })).toBeChecked();
  await inB.getByLabel("Role").selectOption({ label: "Admin" });
  await inB.getByRole("button", { name: "Save" }).click();
  await expect(inB).toHaveCount(0);
  for (const page of [a, b]) {
    await page.reload();
    await expect(row(page, "liam.baker@acme.example")).toContainText("500 participants");
    await expect(row(page, "liam.baker@acme.example")).toContainText("Admin");
  }
});

test("a save cut off by a crash (no write can be undone) is rolled back at the next start", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buyLargeMeetings(page, "500", "3");
  const before = await accountData(page);
  const save = await selectThreeAndAssign500(page);
  // From the third write on, storage refuses everything, removals too, as if
  // the browser had died there: the journal and one chunk are written.
  await page.evaluate(() => {
    const set = Storage.prototype.setItem;
    const remove = Storage.prototype.removeItem;
    let count = 0;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith("lmp.") && key !== "lmp.session" && ++count >= 3) throw new DOMException("gone", "UnknownError");
      return set.call(this, key, value);
    };
    Storage.prototype.removeItem = function (key: string) {
      if (count >= 3) throw new DOMException("gone", "UnknownError");
      return remove.call(this, key);
    };
  });
  await save.click();
  await expect(page.getByRole("alert").filter({ hasText: "not saved yet" })).toBeVisible();
  const partial = await page.evaluate(() => ({
    journal: localStorage.getItem("lmp.journal") !== null,
    users: localStorage.getItem("lmp.account.1.users.0"),
  }));
  expect(partial.journal).toBe(true);
  expect(partial.users).not.toBe(before["lmp.account.1.users.0"]);

  // The next start, a moment later, finds the journal and puts the old texts back.
  await page.waitForTimeout(2_100);
  await page.reload();
  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  for (const email of THREE) await expect(row(page, email)).not.toContainText("500 participants");
  expect(await page.evaluate(() => localStorage.getItem("lmp.journal"))).toBeNull();
  expect(await accountData(page)).toEqual(before);
});

test.describe("in Swedish", () => {
  test.use({ locale: "sv-SE" });

  test("a full storage is explained in Swedish, with no English, and re-worded when the language changes", async ({ page }) => {
    await loggaIn(page, "owner@acme.example");
    await page.goto("/plan-management");
    await page.getByRole("article", { name: "Stora möten", exact: true }).getByRole("button", { name: "Lägg till", exact: true }).click();
    await page.getByLabel("Kapacitet").selectOption("500");
    await page.getByLabel("Antal licenser").fill("2");
    await failWrites(page);
    await page.getByRole("button", { name: "Placera order" }).click();
    const banner = page.getByRole("alert").filter({ hasText: "inte sparad" });
    await expect(banner).toContainText(
      "Din senaste ändring är inte sparad än: webbläsarens lagring för den här webbplatsen är full.",
    );
    await expect(banner).not.toContainText(/storage|browser|saved/);
    // The message on screen follows a switch of language.
    await page.getByLabel("Språk").selectOption("en");
    await expect(page.getByRole("alert").filter({ hasText: "not saved yet" })).toContainText(
      "Your last change is not saved yet: the browser's storage for this site is full.",
    );
  });

  test("damaged data is explained in Swedish, naming the record, with no English from the parser", async ({ page }) => {
    await loggaIn(page, "member@acme.example");
    await page.evaluate(() => localStorage.setItem("lmp.account.1", '{"id":1,"name":"Acme Inc.", inte json'));
    await page.reload();
    const banner = page.getByRole("alert").filter({ hasText: "kunde inte läsas" });
    await expect(banner).toContainText("Dina sparade data kunde inte läsas: posten ”lmp.account.1” är skadad.");
    // serde's detail ("expected value at line 1 column …") goes to the console only.
    await expect(banner).not.toContainText(/expected|line|column|damaged|saved data/);
    await page.getByLabel("Språk").selectOption("en");
    await expect(page.getByRole("alert").filter({ hasText: "could not be read" })).toContainText(
      'Your saved data could not be read: the record "lmp.account.1" is damaged.',
    );
  });

  test("data of a newer version is explained in Swedish, with the versions in Swedish words", async ({ page }) => {
    await page.goto("/sign-in");
    await page.evaluate(() =>
      localStorage.setItem("lmp.meta", '{"schema":99,"revision":5,"saved_at":0,"accounts":[1,2]}'),
    );
    await page.reload();
    await loggaIn(page, "member@acme.example");
    const banner = page.getByRole("alert").filter({ hasText: "nyare version" });
    await expect(banner).toContainText(
      "Portalen kan inte använda dina sparade data: de skrevs av en nyare version av portalen (schema 99; den här versionen läser upp till",
    );
    await expect(banner).not.toContainText(/written|version of the portal|reads up to/);
  });
});
