import { expect, type Page } from "@playwright/test";

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

export const nav = (page: Page) => page.getByRole("navigation", { name: "Portal" });
