import { expect, test, type Page } from "@playwright/test";
import { loggaIn, nav, signIn } from "./helpers";

// Refusals, the Admin Activity Logs and their CSV export say numbers, days
// and counts as the rest of the page does: "3,000" / "3 000", "May 1, 2026" /
// "1 maj 2026", "1 meeting" / "2 meetings" — never "3000", "2026-05-01" or
// "meeting(s)".

const LABELS = {
  en: {
    signIn,
    add: "Add",
    capacity: "Capacity",
    licenses: "Number of licenses",
    place: "Place Order",
    line: (participants: string) => new RegExp(`^Large Meetings ${participants} participants$`),
    cancel: "Cancel subscription",
    confirmCancel: "Confirm cancellation",
    reduce: "Reduce",
    newNumber: "New number of licenses",
    schedule: "Schedule reduction",
    users: "Users",
    edit: "Edit",
    editUser: "Edit User",
    largeMeetings: "Large Meetings",
    save: "Save",
    remove: "Remove",
    removeUser: "Remove User",
    cancelThem: "Cancel them",
    confirmRemove: "Remove user",
    importUsers: "Import Users",
    csvFile: "CSV file",
    check: "Check File",
    import: "Import",
    logs: "Admin Activity Logs",
    export: "Export",
  },
  sv: {
    signIn: loggaIn,
    add: "Lägg till",
    capacity: "Kapacitet",
    licenses: "Antal licenser",
    place: "Placera order",
    line: (participants: string) => new RegExp(`^Stora möten ${participants.replace(",", "\\s")} deltagare$`),
    cancel: "Säg upp prenumerationen",
    confirmCancel: "Bekräfta uppsägningen",
    reduce: "Minska",
    newNumber: "Nytt antal licenser",
    schedule: "Schemalägg minskningen",
    users: "Användare",
    edit: "Redigera",
    editUser: "Redigera användare",
    largeMeetings: "Stora möten",
    save: "Spara",
    remove: "Ta bort",
    removeUser: "Ta bort användare",
    cancelThem: "Avboka dem",
    confirmRemove: "Ta bort användare",
    importUsers: "Importera användare",
    csvFile: "CSV-fil",
    check: "Kontrollera filen",
    import: "Importera",
    logs: "Administratörsaktivitetsloggar",
    export: "Exportera",
  },
};
type Labels = (typeof LABELS)["en"];

const row = (page: Page, text: string) => page.getByRole("row").filter({ hasText: text });

/** Buys `count` licenses of a capacity in Plan Management (Acme's portal). */
async function buy(page: Page, l: Labels, capacity: string, count: string) {
  await page.goto("/plan-management");
  await page.getByRole("article", { name: l.largeMeetings, exact: true }).getByRole("button", { name: l.add, exact: true }).click();
  await page.getByLabel(l.capacity).selectOption(capacity);
  await page.getByLabel(l.licenses, { exact: true }).fill(count);
  await page.getByRole("button", { name: l.place }).click();
  await expect(page.getByRole("status").first()).toContainText(l.largeMeetings);
}

/**
 * On 1 April 2026 (lines renew on 1 May): buys 1 license of 3,000 and cancels
 * that line at renewal, finds it cannot be given to Liam, buys 3 of 1,000
 * and reduces them to 2, removes Ben Brooks with his one meeting, and imports
 * one user. Returns why the 3,000 line cannot be chosen in Edit User.
 */
async function doEverything(page: Page, l: Labels) {
  await page.clock.setFixedTime(new Date("2026-04-01T09:00:00Z"));
  await l.signIn(page, "owner@acme.example");

  await buy(page, l, "3000", "1");
  const big = page.getByRole("article", { name: l.line("3,000") });
  await big.getByRole("button", { name: l.cancel }).click();
  await big.getByRole("button", { name: l.confirmCancel }).click();

  await buy(page, l, "1000", "3");
  const mid = page.getByRole("article", { name: l.line("1,000") });
  await mid.getByRole("button", { name: l.reduce }).click();
  await mid.getByLabel(l.newNumber).fill("2");
  await mid.getByRole("button", { name: l.schedule }).click();

  await nav(page).getByRole("link", { name: l.users, exact: true }).click();
  await row(page, "liam.baker@acme.example").getByRole("button", { name: l.edit }).click();
  const edit = page.getByRole("dialog", { name: l.editUser });
  await edit.getByRole("checkbox", { name: l.largeMeetings }).check();
  // The line being cancelled cannot be chosen, and its label says why.
  const ending = edit.getByRole("radio", { name: /^3.000 / });
  await expect(ending).toBeDisabled();
  const refusal = (await edit.locator('label[for="edit-lm-3000"]').textContent()) ?? "";
  await page.keyboard.press("Escape");
  await expect(edit).toHaveCount(0);

  await row(page, "basic@acme.example").getByRole("button", { name: l.remove, exact: true }).click();
  const remove = page.getByRole("dialog", { name: l.removeUser });
  await remove.getByRole("radio", { name: l.cancelThem }).check();
  await remove.getByRole("button", { name: l.confirmRemove }).click();
  await expect(remove).toHaveCount(0);

  await page.getByRole("button", { name: l.importUsers }).click();
  const dialog = page.getByRole("dialog", { name: l.importUsers });
  await dialog.getByLabel(l.csvFile).setInputFiles({
    name: "one.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("Email,First Name,Last Name,User Type\nsolo@acme.example,Solo,User,Basic\n"),
  });
  await dialog.getByRole("button", { name: l.check }).click();
  await dialog.getByRole("button", { name: l.import, exact: true }).click();
  await expect(dialog).toHaveCount(0);

  await nav(page).getByRole("link", { name: l.logs }).click();
  return refusal;
}

/** Exports the log and returns the CSV's lines. */
async function exportLog(page: Page, l: Labels) {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: l.export }).click();
  const file = await download;
  const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString("utf8");
  return text.trim().split("\n");
}

test("refusals, log details and the log's CSV say 3,000, May 1, 2026 and 1 meeting, never 3000, 2026-05-01 or meeting(s)", async ({ page }) => {
  const l = LABELS.en;
  const refusal = await doEverything(page, l);
  expect(refusal).toBe("3,000 participants (none available: being cancelled on May 1, 2026)");

  const rows = page.getByRole("row");
  const details = [
    "1 user imported from a CSV file",
    "User removed (Basic); 1 meeting cancelled",
    "Large Meetings 1,000 to be reduced from 3 to 2 licenses on May 1, 2026",
    "Bought 3 Large Meetings 1,000 licenses, monthly,",
    "Large Meetings 3,000 to be cancelled on May 1, 2026",
    "Bought 1 Large Meetings 3,000 license, monthly,",
  ];
  for (const [i, text] of details.entries()) await expect(rows.nth(i + 1)).toContainText(text);
  await expect(rows.nth(1)).toContainText("1 user");
  await expect(rows.nth(1)).not.toContainText("1 users");
  await expect(rows.nth(5)).toContainText("Large Meetings 3,000");
  await expect(page.getByRole("table")).not.toContainText(/\(s\)|\b3000\b|\b1000\b|2026-05-01/);

  const lines = await exportLog(page, l);
  expect(lines[0]).toBe("Time (UTC),Actor,Category,Target,Details");
  expect(lines[1]).toContain(",owner@acme.example,User,1 user,1 user imported from a CSV file");
  expect(lines[2]).toContain(",User,basic@acme.example,User removed (Basic); 1 meeting cancelled");
  expect(lines[3]).toContain(',Billing,"Large Meetings 1,000","Large Meetings 1,000 to be reduced from 3 to 2 licenses on May 1, 2026"');
  expect(lines[5]).toContain(',Billing,"Large Meetings 3,000","Large Meetings 3,000 to be cancelled on May 1, 2026"');
  expect(lines[6]).toContain('"Bought 1 Large Meetings 3,000 license, monthly,');
  expect(lines.join("\n")).not.toMatch(/\(s\)|1 users|Large Meetings 3000|2026-05-01[^T]/);
});

test.describe("in Swedish", () => {
  test.use({ locale: "sv-SE" });

  test("vägran, loggens detaljer och dess CSV säger 3 000, 1 maj 2026 och 1 möte", async ({ page }) => {
    const l = LABELS.sv;
    const refusal = await doEverything(page, l);
    expect(refusal).toMatch(/^3\s000 deltagare \(inga tillgängliga: sägs upp den 1 maj 2026\)$/);

    const rows = page.getByRole("row");
    const details = [
      /1 användare importerad från en CSV-fil/,
      /Användare borttagen \(Basic\); 1 möte avbokat/,
      /Antalet licenser för Stora möten 1\s000 minskas från 3 till 2 den 1 maj 2026/,
      /Köpte 3 licenser för Stora möten 1\s000, månadsvis,/,
      /Stora möten 3\s000 sägs upp den 1 maj 2026/,
      /Köpte 1 licens för Stora möten 3\s000, månadsvis,/,
    ];
    for (const [i, text] of details.entries()) await expect(rows.nth(i + 1)).toContainText(text);
    await expect(page.getByRole("table")).not.toContainText(/\b3000\b|\b1000\b|2026-05-01/);

    const lines = await exportLog(page, l);
    expect(lines[0]).toBe("Tid (UTC),Utförd av,Kategori,Mål,Detaljer");
    expect(lines[1]).toContain(",owner@acme.example,Användare,1 användare,1 användare importerad från en CSV-fil");
    expect(lines[2]).toContain(",Användare,basic@acme.example,Användare borttagen (Basic); 1 möte avbokat");
    expect(lines[3]).toMatch(/,Fakturering,Stora möten 1\s000,Antalet licenser för Stora möten 1\s000 minskas från 3 till 2 den 1 maj 2026$/);
    expect(lines[5]).toMatch(/,Fakturering,Stora möten 3\s000,Stora möten 3\s000 sägs upp den 1 maj 2026$/);
    expect(lines[6]).toMatch(/"Köpte 1 licens för Stora möten 3\s000, månadsvis, .* att betala"$/);
    expect(lines.join("\n")).not.toMatch(/Large Meetings|Billing|Portal,|2026-05-01[^T]/);
  });
});
