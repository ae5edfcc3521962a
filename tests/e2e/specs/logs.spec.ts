import { expect, test } from "@playwright/test";
import { buyLargeMeetings, nav, signIn } from "./helpers";

test("every purchase and assignment is in the Admin Activity Logs, filterable and exportable as CSV", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buyLargeMeetings(page, "500", "2");
  await page.goto("/users");
  await page.getByRole("row").filter({ hasText: "liam.baker@acme.example" }).getByRole("button", { name: "Edit" }).click();
  await page.getByRole("dialog").getByRole("checkbox", { name: "Large Meetings" }).check();
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();

  await nav(page).getByRole("link", { name: "Admin Activity Logs" }).click();
  const rows = page.getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("Large Meetings 500 assigned");
  await expect(rows.nth(1)).toContainText("owner@acme.example");
  await expect(rows.nth(2)).toContainText("Bought 2 Large Meetings 500 licenses, monthly, $100.00 due");

  await page.getByLabel("Category").selectOption("Billing");
  await expect(rows).toHaveCount(2);
  await page.getByLabel("Category").selectOption("");
  await page.getByLabel("Email").fill("LIAM");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("liam.baker@acme.example");
  await page.getByLabel("Email").fill("");
  await page.getByLabel("To").fill("2020-01-01");
  await expect(page.getByText("No activity matches.")).toBeVisible();
  await page.getByLabel("To").fill("");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("admin-activity-log.csv");
  const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString();
  const lines = text.trim().split("\n");
  expect(lines[0]).toBe("Time (UTC),Actor,Category,Target,Details");
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain(",owner@acme.example,License,liam.baker@acme.example,Large Meetings 500 assigned");
  expect(lines[2]).toContain('"Bought 2 Large Meetings 500 licenses, monthly, $100.00 due"');
});
