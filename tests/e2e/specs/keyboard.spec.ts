import { expect, test } from "@playwright/test";
import { nav, signIn, tabTo } from "./helpers";

// Flows B to E with the keyboard alone after sign-in: Tab / Shift+Tab to
// move, Enter and Space to press, letters and arrows in drop-downs.

test("B and E by keyboard: buy Large Meetings in Plan Management, then assign it to two users at once", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  // B. Plans and Billing > Plan Management > Large Meetings > Add.
  await tabTo(page, nav(page).getByRole("link", { name: "Plan Management" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Plan Management" })).toBeVisible();
  await tabTo(page, page.getByRole("article", { name: "Large Meetings", exact: true }).getByRole("button", { name: "Add", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Add Large Meetings" })).toBeFocused();
  await tabTo(page, page.getByLabel("Capacity"));
  await page.keyboard.type("5"); // "500 participants — …"
  await expect(page.getByLabel("Capacity")).toHaveValue("500");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Number of licenses")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("2");
  await tabTo(page, page.getByRole("button", { name: "Place Order" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").first()).toContainText("Order placed: 2 Large Meetings 500 participants");

  // E. User Management > Users, tick two users, Change Licenses > Large Meetings, Save.
  await tabTo(page, nav(page).getByRole("link", { name: "Users", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  for (const name of ["Liam Baker", "Emma Clark"]) {
    await tabTo(page, page.getByRole("checkbox", { name: `Select ${name}` }));
    await page.keyboard.press("Space");
    await expect(page.getByRole("checkbox", { name: `Select ${name}` })).toBeChecked();
  }
  // The selection bar comes before the table: go back to it.
  const change = page.getByLabel("Change Licenses");
  await tabTo(page, change, 80, "Shift+Tab");
  await page.keyboard.press("ArrowDown"); // "Large Meetings"
  const popup = page.getByRole("dialog", { name: "Change Licenses" });
  await expect(popup).toBeVisible();
  await expect(popup.getByRole("radio", { name: "500 participants (2 available)" })).toBeChecked();
  await tabTo(page, popup.getByRole("button", { name: "Save" }), 10);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").first()).toHaveText("Large Meetings 500 participants added for 2 users.");
  await expect(change).toHaveCount(0);
  for (const email of ["liam.baker@acme.example", "emma.clark@acme.example"]) {
    await expect(page.getByRole("row").filter({ hasText: email })).toContainText("500 participants");
  }
});

test("C and D by keyboard: buy in Account Management > Billing, then give a Basic user a license and Large Meetings", async ({ page }) => {
  await signIn(page, "owner@globex.example");
  // C. Account Management > Billing > Current Plans > Add to Cart > Save & Continue x2 > Place Order.
  await tabTo(page, nav(page).getByRole("link", { name: "Billing", exact: true }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "Add to Cart", exact: true }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByLabel("Capacity"));
  await page.keyboard.type("1"); // "1,000 participants — …"
  await expect(page.getByLabel("Capacity")).toHaveValue("1000");
  await tabTo(page, page.getByRole("button", { name: "Save & Continue" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "Save & Continue" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "Place Order" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("article", { name: "Large Meetings 1,000 participants" })).toBeVisible();

  // D. Users > Edit on a Basic user > Zoom Workplace: the paid license > Large Meetings > Save.
  await tabTo(page, nav(page).getByRole("link", { name: "Users", exact: true }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("searchbox", { name: "Search" }));
  await page.keyboard.type("basic@globex");
  const edit = page.getByRole("row").filter({ hasText: "basic@globex.example" }).getByRole("button", { name: "Edit" });
  await tabTo(page, edit);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Edit User" });
  await expect(dialog.getByLabel("Zoom Workplace")).toBeFocused();
  await page.keyboard.press("ArrowDown"); // Basic -> the paid license
  await expect(dialog.getByLabel("Zoom Workplace")).toHaveValue("Licensed");
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("checkbox", { name: "Large Meetings" })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(dialog.getByRole("radio", { name: "1,000 participants (1 available)" })).toBeChecked();
  // Past the capacities and the optional end (the date and time field's parts).
  await tabTo(page, dialog.getByRole("button", { name: "Save" }), 20);
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);
  await expect(edit).toBeFocused();
  const row = page.getByRole("row").filter({ hasText: "basic@globex.example" });
  await expect(row).toContainText("Licensed");
  await expect(row).toContainText("1,000 participants");
});

test("Import Users by keyboard: choose Update existing users, Check File, then Import", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await tabTo(page, nav(page).getByRole("link", { name: "Users", exact: true }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "Import Users" }));
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Import Users" });
  await tabTo(page, dialog.getByRole("radio", { name: "Add new users" }), 10);
  await page.keyboard.press("ArrowDown");
  await expect(dialog.getByRole("radio", { name: "Update existing users" })).toBeChecked();
  await expect(dialog.getByText(/An empty cell leaves that field as it is/)).toBeVisible();
  // The browser's file chooser is not part of the page; the file is given as a person picks it.
  await dialog.getByLabel("CSV file").setInputFiles({
    name: "update.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("Email,Large Meetings,Role\nliam.baker@acme.example,,Admin\n"),
  });
  await tabTo(page, dialog.getByRole("button", { name: "Check File" }), 10);
  await page.keyboard.press("Enter");
  await expect(dialog.locator("#import-preview")).toContainText("Ready to update: 1 of 1 users will change.");
  // The same button, now Import, keeps the focus.
  await expect(dialog.getByRole("button", { name: "Import", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").first()).toHaveText("1 user updated");
  await expect(page.getByRole("row").filter({ hasText: "liam.baker@acme.example" })).toContainText("Admin");
});
