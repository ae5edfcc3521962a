import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { importUsers, loggaIn, nav, signIn } from "./helpers";

// Hostile text: markup, script, template syntax, formulas, very long words
// and other scripts are shown as the text they are, never run, and do not
// break the layout; what would hide or reorder text is refused with a reason.

const HEADING = "Email,First Name,Last Name,User Type,Large Meetings,Role";

/** Names that are text, however they look. */
const PAYLOADS = [
  `<img src=x onerror="window.__pwned=1">`,
  `<script>window.__pwned=1</script>`,
  `"><svg onload=window.__pwned=1>`,
  `{{ count }} {count} %s $1`,
  `javascript:window.__pwned=1`,
  `&lt;b&gt;not bold&lt;/b&gt;`,
  `=HYPERLINK("http://x.example","Click")`,
  "W".repeat(64),
  "محمد عبد الله",
];

const csvCell = (text: string) => `"${text.replaceAll('"', '""')}"`;

async function noScriptRan(page: Page) {
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  expect(await page.locator("main img, main script, main svg[onload]").count()).toBe(0);
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test("hostile names from a CSV file are shown as text everywhere and run nothing", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "admin@acme.example");
  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  const rows = PAYLOADS.map((p, i) => `hostile${i}@acme.example,${csvCell(p)},Test,Basic,,`);
  const dialog = await importUsers(page, [HEADING, ...rows].join("\n"));
  await expect(page.getByRole("status").first()).toHaveText(`${PAYLOADS.length} users imported`);
  await expect(dialog).toHaveCount(0);

  for (const [i, payload] of PAYLOADS.entries()) {
    const row = page.getByRole("row").filter({ hasText: `hostile${i}@acme.example` });
    await expect(row).toContainText(`${payload} Test`);
  }
  await noScriptRan(page);
  await noSidewaysScroll(page);

  // The Edit User dialog names the person as text too.
  await page.getByRole("row").filter({ hasText: "hostile0@acme.example" }).getByRole("button", { name: "Edit" }).click();
  await expect(page.getByRole("dialog")).toContainText(PAYLOADS[0]);
  await page.getByRole("button", { name: "Cancel" }).click();

  // The export defuses the formula for spreadsheets; the rest is as typed.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const text = await readFile((await (await download).path())!, "utf8");
  expect(text).toContain(`hostile6@acme.example,"'=HYPERLINK(""http://x.example"",""Click"")",Test`);
  expect(text).toContain(`hostile0@acme.example,"<img src=x onerror=""window.__pwned=1"">",Test`);

  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: "hostile1@acme.example" })).toContainText(PAYLOADS[1]);
  await noScriptRan(page);
});

test("a file with a 10,000-character name, a line break or a direction override imports nobody and says why", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  const before = await page.locator(".page__lead").textContent();
  const dialog = await importUsers(
    page,
    [
      HEADING,
      `long@acme.example,${"x".repeat(10_000)},Test,Basic,,`,
      `break@acme.example,"Two\nLines",Test,Basic,,`,
      `rlo@acme.example,Eve,"\u202Egnp.exe",Basic,,`,
      `bell@acme.example,Bell\u0007,Test,Basic,,`,
    ].join("\n"),
  );
  await expect(dialog.getByRole("alert").getByRole("listitem")).toHaveText([
    "Row 2, First Name: longer than 64 characters.",
    "Row 3, First Name: contains a line break, a control character or a hidden text-direction character.",
    "Row 4, Last Name: contains a line break, a control character or a hidden text-direction character.",
    "Row 5, First Name: contains a line break, a control character or a hidden text-direction character.",
  ]);
  // Row 3 spans two lines of the file but is one row, as in a spreadsheet.
  await expect(dialog.getByRole("alert")).toContainText("Nothing was imported: 4 problems in 4 rows.");
  await noSidewaysScroll(page);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.locator(".page__lead")).toHaveText(before!);
});

test("Add Users and Schedule refuse what would hide text and keep markup as text", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  await page.getByRole("button", { name: "Add Users" }).click();
  const dialog = page.getByRole("dialog", { name: "Add Users" });
  await dialog.getByLabel("Email").fill("eve@acme.example");
  await dialog.getByLabel("First Name").fill("x".repeat(10_000));
  await dialog.getByLabel("Last Name").fill("Test");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("A name can have at most 64 characters.");
  await dialog.getByLabel("First Name").fill("Eve\u202Eexe.txt");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(
    "Names and topics cannot contain line breaks, control characters or hidden text-direction characters.",
  );
  await noSidewaysScroll(page);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("row").filter({ hasText: "eve@acme.example" })).toHaveCount(0);

  await nav(page).getByRole("link", { name: "Meetings", exact: true }).click();
  const topic = `<img src=x onerror="window.__pwned=1"> ${"Q".repeat(150)}`;
  await page.getByLabel("Topic").fill(topic);
  await page.getByLabel("Start").fill("2031-03-14T15:00");
  await page.getByLabel("Duration (minutes)").fill("45");
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByRole("status")).toHaveText(`“${topic}” is scheduled.`);
  await expect(page.getByRole("cell", { name: topic })).toBeVisible();
  await noScriptRan(page);
  await noSidewaysScroll(page);

  await page.getByLabel("Topic").fill("t".repeat(10_000));
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByRole("alert")).toHaveText("A topic can have at most 200 characters.");
});

test.describe("in Swedish", () => {
  test.use({ locale: "sv-SE" });

  test("the reasons are given in Swedish", async ({ page }) => {
    await loggaIn(page, "admin@acme.example");
    await nav(page).getByRole("link", { name: "Användare", exact: true }).click();
    await page.getByRole("button", { name: "Importera användare" }).click();
    const dialog = page.getByRole("dialog", { name: "Importera användare" });
    await dialog.getByLabel("CSV-fil").setInputFiles({
      name: "users.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        [HEADING, `long@acme.example,${"x".repeat(10_000)},Test,Basic,,`, `rlo@acme.example,Eve,"\u202Egnp",Basic,,`, `ok@acme.example,"<b>Fet</b>",Test,Basic,,`].join("\n"),
      ),
    });
    await dialog.getByRole("button", { name: "Kontrollera filen" }).click();
    const items = dialog.getByRole("alert").getByRole("listitem");
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText("längre än 64 tecken.");
    await expect(items.nth(1)).toContainText("innehåller en radbrytning, ett kontrolltecken eller ett dolt tecken för textriktning.");
    await noSidewaysScroll(page);
  });
});
