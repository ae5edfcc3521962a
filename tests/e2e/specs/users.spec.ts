import { expect, test, type Page } from "@playwright/test";
import { buyLargeMeetings as buy, editStoredAccount, nav, signIn } from "./helpers";

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `artifacts/screenshots/${name}.png`, fullPage: true });

const row = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });

test("an admin assigns Large Meetings to one user along the article's steps, and their meetings grow at once", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buy(page, "1000", "2");
  // 2. User Management > Users.
  await expect(nav(page)).toContainText("User Management");
  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  // 3. Find the user.
  await page.getByRole("searchbox", { name: "Search" }).fill("maya");
  await expect(page.getByRole("row")).toHaveCount(2);
  // 4. Edit at the end of the row opens Edit User.
  const edit = row(page, "member@acme.example").getByRole("button", { name: "Edit" });
  await edit.click();
  const dialog = page.getByRole("dialog", { name: "Edit User" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute("aria-modal", "true");
  // 5. She already has a Zoom Workplace license.
  await expect(dialog.getByLabel("Zoom Workplace")).toHaveValue("Licensed");
  // 6. Licenses and add-ons: tick Large Meetings; the only capacity owned is chosen for us.
  await dialog.getByRole("checkbox", { name: "Large Meetings" }).check();
  await expect(dialog.getByRole("radio", { name: "1,000 participants (2 available)" })).toBeChecked();
  await shot(page, "flow-d-1-edit-user");
  // 7. Save: applied at once.
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").first()).toHaveText("Changes saved for Maya Moreno.");
  await expect(row(page, "member@acme.example")).toContainText("1,000 participants");
  await expect(edit).toBeFocused();
  await expect(page.getByRole("list", { name: "Seats" })).toContainText("Large Meetings 1,000 participants: 1 of 2 assigned, 1 available");
  await shot(page, "flow-d-2-saved");

  // F. The Quarterly Town Hall, scheduled long before, now admits 1,000.
  await page.getByRole("button", { name: "Sign Out" }).click();
  await signIn(page, "member@acme.example");
  await nav(page).getByRole("link", { name: "Meetings" }).click();
  await expect(page.getByRole("row", { name: /Quarterly Town Hall/ })).toContainText("1,000 participants");
});

test("a Basic user gets a Zoom Workplace license and Large Meetings in one save", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await buy(page, "500", "1");
  await buy(page, "3000", "1");
  await page.goto("/users");
  await row(page, "basic@acme.example").getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit User" });
  const large = dialog.getByRole("checkbox", { name: "Large Meetings" });
  await expect(large).toBeDisabled();
  await expect(large).toHaveAccessibleDescription("Only paid users can enable this feature.");
  await dialog.getByLabel("Zoom Workplace").selectOption("Licensed");
  await expect(large).toBeEnabled();
  await large.check();
  await expect(dialog.getByRole("radio", { checked: true })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Choose the number of participants for Large Meetings.");
  await dialog.getByRole("radio", { name: "3,000 participants (1 available)" }).check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(row(page, "basic@acme.example")).toContainText("Licensed");
  await expect(row(page, "basic@acme.example")).toContainText("3,000 participants");
  await expect(page.getByText("Zoom Workplace seats: 17 of 20 in use")).toBeVisible();

  // The 3,000 seat is taken: for the next user it is disabled and says why.
  await row(page, "liam.baker@acme.example").getByRole("button", { name: "Edit" }).click();
  await page.getByRole("dialog").getByRole("checkbox", { name: "Large Meetings" }).check();
  await expect(page.getByRole("radio", { name: "3,000 participants (none available)" })).toBeDisabled();
  await expect(page.getByRole("radio", { name: "500 participants (1 available)" })).toBeEnabled();
});

test("Escape and Cancel close the dialog without change and focus returns to the row's Edit button", async ({ page }) => {
  await signIn(page, "owner@globex.example");
  await page.goto("/users");
  const edit = row(page, "erik.holm@globex.example").getByRole("button", { name: "Edit" });
  await edit.click();
  const dialog = page.getByRole("dialog", { name: "Edit User" });
  await expect(dialog.getByLabel("Zoom Workplace")).toBeFocused();
  // Focus stays inside the dialog.
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Shift+Tab");
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await dialog.getByLabel("Zoom Workplace").selectOption("Basic");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(edit).toBeFocused();
  await expect(row(page, "erik.holm@globex.example")).toContainText("Licensed");

  await edit.press("Enter");
  await dialog.getByLabel("Zoom Workplace").selectOption("Basic");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(edit).toBeFocused();
  await expect(row(page, "erik.holm@globex.example")).toContainText("Licensed");
});

test("making a user Basic while they hold Large Meetings asks first, then removes both", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buy(page, "500", "1");
  await page.goto("/users");
  const edit = row(page, "liam.baker@acme.example").getByRole("button", { name: "Edit" });
  await edit.click();
  const dialog = page.getByRole("dialog", { name: "Edit User" });
  await dialog.getByRole("checkbox", { name: "Large Meetings" }).check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(row(page, "liam.baker@acme.example")).toContainText("500 participants");

  await edit.click();
  await dialog.getByLabel("Zoom Workplace").selectOption("Basic");
  await expect(dialog.getByRole("checkbox", { name: "Large Meetings" })).not.toBeChecked();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Making Liam Baker Basic also removes their Large Meetings 500 participants license.");
  await expect(row(page, "liam.baker@acme.example")).toContainText("500 participants");
  await dialog.getByRole("button", { name: "Remove and save" }).click();
  await expect(row(page, "liam.baker@acme.example")).toContainText("Basic");
  await expect(row(page, "liam.baker@acme.example")).not.toContainText("500 participants");
  await page.reload();
  await expect(row(page, "liam.baker@acme.example")).toContainText("Basic");
});

test("with no Zoom Workplace license free, the dialog says so and links to buying more", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await editStoredAccount(page, 1, (account) => {
    account.base_plan.seats = 16;
  });
  await page.goto("/users");
  await row(page, "zoe.patel@acme.example").getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit User" });
  await expect(dialog.getByRole("option", { name: "Zoom Workplace Business (0 available)" })).toBeDisabled();
  await expect(dialog).toContainText("No Zoom Workplace licenses are available.");
  await dialog.getByRole("link", { name: "Buy more licenses" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Plan Management" })).toBeVisible();
});

test("users are found by name or email and filtered by license", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/users");
  await expect(page.getByText("Showing 1–20 of 20 users")).toBeVisible();
  await page.getByRole("searchbox", { name: "Search" }).fill("PATEL");
  await expect(page.getByRole("row")).toHaveCount(2);
  await page.getByRole("searchbox", { name: "Search" }).fill("@acme.example");
  await page.getByLabel("License", { exact: true }).selectOption({ label: "Basic" });
  await expect(page.getByRole("row")).toHaveCount(5);
  await page.getByRole("searchbox", { name: "Search" }).fill("nobody-here");
  await expect(page.getByText("No users match.")).toBeVisible();
});

test("an admin assigns Large Meetings to several users along the article's steps", async ({ page }) => {
  await signIn(page, "owner@acme.example");
  await buy(page, "1000", "5");
  await buy(page, "500", "2");
  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  // 3-4. Find each user in turn and tick them; the selection survives each new search.
  const search = page.getByRole("searchbox", { name: "Search" });
  for (const [query, name] of [["liam", "Liam Baker"], ["emma", "Emma Clark"], ["noah", "Noah Davis"]]) {
    await search.fill(query);
    await page.getByRole("checkbox", { name: `Select ${name}` }).check();
  }
  await search.fill("");
  await expect(page.getByRole("region", { name: "Selected users" })).toContainText("3 users selected");
  // 5. Change Licenses: Large Meetings.
  await page.getByLabel("Change Licenses").selectOption({ label: "Large Meetings" });
  const popup = page.getByRole("dialog", { name: "Change Licenses" });
  await expect(popup).toContainText("Large Meetings will be added for 3 users:");
  for (const email of ["liam.baker@acme.example", "emma.clark@acme.example", "noah.davis@acme.example"]) {
    await expect(popup).toContainText(email);
  }
  // 6. In the pop-up: Large Meetings, the participant count.
  await expect(popup.getByRole("checkbox", { name: "Large Meetings" })).toBeChecked();
  await popup.getByRole("radio", { name: "1,000 participants (5 available)" }).check();
  await shot(page, "flow-e-1-change-licenses");
  // 7. Save.
  await popup.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Large Meetings 1,000 participants added for 3 users.");
  for (const email of ["liam.baker@acme.example", "emma.clark@acme.example", "noah.davis@acme.example"]) {
    await expect(row(page, email)).toContainText("1,000 participants");
  }
  await expect(page.getByRole("region", { name: "Selected users" })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Seats" })).toContainText("1,000 participants: 3 of 5 assigned, 2 available");
});

test("a bulk change with a Basic user is refused for everyone and names the Basic users", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await buy(page, "500", "10");
  await page.goto("/users");
  for (const name of ["Liam Baker", "Ben Brooks", "Zoe Patel"]) {
    await page.getByRole("checkbox", { name: `Select ${name}` }).check();
  }
  await page.getByLabel("Change Licenses").selectOption({ label: "Large Meetings" });
  const popup = page.getByRole("dialog", { name: "Change Licenses" });
  // Said as soon as the pop-up opens, before any choice is asked for.
  await expect(popup.getByRole("alert")).toContainText("Only paid users can enable this feature.");
  await expect(popup.getByRole("alert")).toContainText("basic@acme.example");
  await popup.getByRole("button", { name: "Save" }).click();
  const alert = popup.getByRole("alert");
  await expect(alert.getByRole("paragraph")).toHaveText("Only paid users can enable this feature.");
  await expect(alert).toContainText("basic@acme.example");
  await expect(alert).toContainText("zoe.patel@acme.example");
  await expect(alert).not.toContainText("liam.baker@acme.example");
  await popup.getByRole("button", { name: "Cancel" }).click();
  await expect(row(page, "liam.baker@acme.example")).not.toContainText("500 participants");
  await expect(page.getByRole("region", { name: "Selected users" })).toContainText("3 users selected");
});

test("a bulk change needing more seats than are free changes nobody and says how many", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await buy(page, "3000", "2");
  await page.goto("/users");
  await page.getByRole("checkbox", { name: "Select all users shown" }).check();
  await page.getByLabel("License", { exact: true }).selectOption({ label: "Licensed" });
  await page.getByRole("checkbox", { name: "Select all users shown" }).uncheck();
  await page.getByRole("checkbox", { name: "Select Liam Baker" }).check();
  await page.getByRole("checkbox", { name: "Select Emma Clark" }).check();
  await page.getByRole("checkbox", { name: "Select Noah Davis" }).check();
  await expect(page.getByRole("region", { name: "Selected users" })).toContainText("7 users selected");
  await page.getByRole("button", { name: "Clear selection" }).click();
  for (const name of ["Liam Baker", "Emma Clark", "Noah Davis"]) {
    await page.getByRole("checkbox", { name: `Select ${name}` }).check();
  }
  await page.getByLabel("Change Licenses").selectOption({ label: "Large Meetings" });
  const popup = page.getByRole("dialog", { name: "Change Licenses" });
  await expect(popup.getByRole("radio", { name: "3,000 participants (2 available)" })).toBeChecked();
  await popup.getByRole("button", { name: "Save" }).click();
  await expect(popup.getByRole("alert")).toContainText("Not enough Large Meetings 3,000 licenses: 3 needed, 2 available.");
  await popup.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("list", { name: "Seats" })).toContainText("3,000 participants: 0 of 2 assigned");
});

test("Large Meetings is removed from several users at once", async ({ page }) => {
  await signIn(page, "owner@globex.example");
  await page.goto("/billing");
  await page.getByRole("button", { name: "Add to Cart", exact: true }).click();
  await page.getByLabel("Capacity").selectOption("500");
  await page.getByLabel("Number of licenses").fill("3");
  for (const step of ["Save & Continue", "Save & Continue", "Place Order"]) {
    await page.getByRole("button", { name: step }).click();
  }
  await page.goto("/users");
  for (const name of ["Erik Holm", "Sara Nilsson"]) {
    await page.getByRole("checkbox", { name: `Select ${name}` }).check();
  }
  await page.getByLabel("Change Licenses").selectOption({ label: "Large Meetings" });
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  await expect(row(page, "sara.nilsson@globex.example")).toContainText("500 participants");
  for (const name of ["Erik Holm", "Sara Nilsson"]) {
    await page.getByRole("checkbox", { name: `Select ${name}` }).check();
  }
  await page.getByLabel("Change Licenses").selectOption({ label: "Remove Large Meetings" });
  const popup = page.getByRole("dialog", { name: "Change Licenses" });
  await expect(popup).toContainText("Large Meetings will be removed from 2 users:");
  await popup.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Large Meetings removed from 2 users.");
  await expect(row(page, "erik.holm@globex.example")).not.toContainText("500 participants");
});

/** The cells of `column` (1-based, counting the checkbox column) whose one
 * word (an email, a role, a license) is split over more than one line. */
async function brokenWords(page: Page, column: number) {
  return page.locator(`table tbody tr td:nth-child(${column})`).evaluateAll((cells) =>
    cells
      .filter((cell) => {
        const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        const lines = new Set<number>();
        for (let text = texts.nextNode(); text; text = texts.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(text);
          for (const rect of range.getClientRects()) lines.add(Math.round(rect.top));
        }
        return lines.size > 1;
      })
      .map((cell) => cell.textContent),
  );
}

test("at 1280 px the table keeps every email, role and license on one line, in both languages", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "admin@acme.example");
  await page.goto("/users");
  for (const [locale, title] of [["en", "Users"], ["sv", "Användare"]] as const) {
    await page.locator("#language").selectOption(locale);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    for (const [column, what] of [[3, "email"], [4, "role"], [5, "license"], [6, "Large Meetings"]] as const) {
      expect(await brokenWords(page, column), `${what} cells broken over lines (${locale})`).toEqual([]);
    }
    // Add Users, Import Users and Export stand together: one line, a small gap apart.
    const buttons = page.locator(".page__heading").getByRole("button");
    await expect(buttons).toHaveCount(3);
    const boxes = await Promise.all([0, 1, 2].map((i) => buttons.nth(i).boundingBox()));
    for (const [left, right] of [[boxes[0]!, boxes[1]!], [boxes[1]!, boxes[2]!]]) {
      expect(Math.abs(left.y - right.y), `toolbar on one line (${locale})`).toBeLessThan(2);
      expect(right.x - (left.x + left.width), `toolbar buttons together (${locale})`).toBeLessThan(24);
    }
  }
});
