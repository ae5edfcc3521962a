import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// A message already on screen is re-worded when the language is switched:
// the page keeps what happened (a refusal, a confirmation), not the sentence
// worded at that moment.

const row = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });

/** The language switch in the top bar. A modal dialog covers it, so it is
 * set directly there: the point is what the dialog shows afterwards. */
const switchTo = (page: Page, locale: "en" | "sv") => page.locator("#language").selectOption(locale);

test("the Users page's confirmation and a dialog's refusal follow a language switch, there and back", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await page.goto("/users");

  // A confirmation in the page's status line.
  await row(page, "member@acme.example").getByRole("button", { name: "Edit" }).click();
  await page.getByRole("dialog", { name: "Edit User" }).getByRole("button", { name: "Save" }).click();
  const status = page.locator("#users-status");
  await expect(status).toHaveText("Changes saved for Maya Moreno.");
  await switchTo(page, "sv");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Användare");
  await expect(status).toHaveText("Ändringarna för Maya Moreno har sparats.");
  await switchTo(page, "en");
  await expect(status).toHaveText("Changes saved for Maya Moreno.");

  // A refusal inside a dialog: the email is taken.
  await page.getByRole("button", { name: "Add Users" }).click();
  const dialog = page.getByRole("dialog", { name: "Add Users" });
  await dialog.getByLabel("Email").fill("member@acme.example");
  await dialog.getByLabel("First Name").fill("Maya");
  await dialog.getByLabel("Last Name").fill("Again");
  await dialog.getByRole("button", { name: "Save" }).click();
  // The dialog's name follows the language too: the alert is found without it.
  const alert = page.getByRole("dialog").getByRole("alert");
  await expect(alert).toHaveText("A user with the email member@acme.example already exists.");
  await switchTo(page, "sv");
  await expect(page.getByRole("dialog", { name: "Lägg till användare" })).toBeVisible();
  await expect(alert).toHaveText("Det finns redan en användare med e-postadressen member@acme.example.");
  await switchTo(page, "en");
  await expect(alert).toHaveText("A user with the email member@acme.example already exists.");

  // A check of the form itself (what happens to the meetings) follows too.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await row(page, "member@acme.example").getByRole("button", { name: "Remove" }).click();
  const remove = page.getByRole("dialog", { name: "Remove User" });
  await remove.getByRole("button", { name: "Remove user" }).click();
  const refusal = page.getByRole("dialog").getByRole("alert");
  const choose = "Choose what happens to their meetings: move them to another user or cancel them.";
  await expect(refusal).toHaveText(choose);
  await switchTo(page, "sv");
  await expect(refusal).toHaveText(
    "Välj vad som ska hända med användarens möten: flytta dem till en annan användare eller avboka dem.",
  );
  await switchTo(page, "en");
  await expect(refusal).toHaveText(choose);
});
