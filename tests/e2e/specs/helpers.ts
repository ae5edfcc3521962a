import { expect, type Locator, type Page } from "@playwright/test";

export const PASSWORD = "Demo!2026";

/** Signs in through the sign-in page and waits for the portal shell. */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign In" }).click();
  await expect(page.getByRole("button", { name: "Sign Out" })).toBeVisible();
}

/** The same in Swedish (Logga in), for a browser set to Swedish. */
export async function loggaIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Logga in" })).toBeVisible();
  await page.getByLabel("E-post").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
}

export const nav = (page: Page) => page.getByRole("navigation", { name: "Portal" });

/** Buys Large Meetings through Plans and Billing > Plan Management (Acme's portal). */
export async function buyLargeMeetings(page: Page, capacity: string, count: string) {
  await page.goto("/plan-management");
  await page
    .getByRole("article", { name: "Large Meetings", exact: true })
    .getByRole("button", { name: "Add", exact: true })
    .click();
  await page.getByLabel("Capacity").selectOption(capacity);
  await page.getByLabel("Number of licenses").fill(count);
  await page.getByRole("button", { name: "Place Order" }).click();
  await expect(page.getByRole("status").first()).toContainText("Order placed");
}

/**
 * Imports `csv` through Users > Import Users (adding users, or updating
 * them with `mode` "update"): Check File, then Import once the preview shows
 * (unless `apply` is false). Returns the dialog: gone after a good file,
 * showing its alert after a bad one, or its preview when not applied.
 */
export async function importUsers(
  page: Page,
  csv: string,
  name = "users.csv",
  { mode = "add", apply = true }: { mode?: "add" | "update"; apply?: boolean } = {},
) {
  await page.getByRole("button", { name: "Import Users" }).click();
  const dialog = page.getByRole("dialog", { name: "Import Users" });
  if (mode === "update") await dialog.getByRole("radio", { name: "Update existing users" }).check();
  await dialog.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await dialog.getByRole("button", { name: "Check File" }).click();
  const preview = dialog.locator("#import-preview");
  await expect(dialog.getByRole("alert").or(preview.getByRole("paragraph"))).toBeVisible();
  if (apply && (await preview.isVisible())) await dialog.getByRole("button", { name: "Import", exact: true }).click();
  return dialog;
}

/**
 * Changes a stored account record directly (not its users, which are kept
 * in compact chunks), as another version or tab might, and
 * bumps the revision so the portal takes it in on the next load.
 * `change` runs here in the test, not in the page (the page's
 * Content-Security-Policy allows no eval).
 */
export async function editStoredAccount(page: Page, id: number, change: (account: any) => void) {
  const key = `lmp.account.${id}`;
  const account = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), key))!);
  change(account);
  await page.evaluate(
    ({ key, value }) => {
      localStorage.setItem(key, value);
      const meta = JSON.parse(localStorage.getItem("lmp.meta")!);
      meta.revision += 1;
      localStorage.setItem("lmp.meta", JSON.stringify(meta));
    },
    { key, value: JSON.stringify(account) },
  );
}

/**
 * Presses `key` (Tab, or Shift+Tab to go back) until `target` has focus;
 * fails after `max` presses. Keyboard-only tests move with this.
 */
export async function tabTo(page: Page, target: Locator, max = 80, key: "Tab" | "Shift+Tab" = "Tab") {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

/**
 * The places where the text of `elements` wraps to a new line inside a word:
 * each as the word with "|" where it broke ("Membe|r"). A break after a
 * space, a hyphen or a soft hyphen is sensible and not listed; so is a break
 * in a token longer than `longest` characters (only an overlong token may
 * break anywhere).
 */
export async function midWordBreaks(elements: Locator, longest = 40): Promise<string[]> {
  return elements.evaluateAll((nodes, longest) => {
    const found: string[] = [];
    for (const node of nodes) {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode() as Text | null; text; text = walker.nextNode() as Text | null) {
        const data = text.data;
        let previousTop: number | null = null;
        for (let i = 0; i < data.length; i++) {
          const range = document.createRange();
          range.setStart(text, i);
          range.setEnd(text, i + 1);
          // A character at a break can report a rect on both lines (the hyphen
          // drawn for a soft hyphen): its own place is the last one.
          const rect = [...range.getClientRects()].filter((r) => r.width > 0).pop();
          if (!rect) continue;
          if (previousTop !== null && rect.top > previousTop + 2) {
            const before = data[i - 1];
            if (!/[\s\-\u00ad\u2011]/.test(before)) {
              const start = data.slice(0, i).search(/\S+$/);
              const end = data.indexOf(" ", i);
              const word = data.slice(start, end < 0 ? undefined : end);
              if (word.length <= longest) found.push(`${data.slice(start, i)}|${data.slice(i, end < 0 ? undefined : end)}`);
            }
          }
          previousTop = rect.top;
        }
      }
    }
    return found;
  }, longest);
}
