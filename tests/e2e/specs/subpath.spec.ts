import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { PASSWORD } from "./helpers";
import { SUBPATH_PORT } from "../playwright.config";

// The build made for a sub-path (`make dist PUBLIC_URL=/demo/`, in
// target/dist-demo/) served like GitHub Pages serves a repository's site:
// only under /demo/, no rewrites, and 404.html (status 404) for any address
// without a file. Deep links, navigation and reloads must all work there.
const origin = `http://127.0.0.1:${SUBPATH_PORT}`;
const root = new URL("../../../", import.meta.url);

/** Records failed requests and policy violations of the page. */
async function watch(page: Page) {
  const failed: string[] = [];
  page.on("requestfailed", (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => {
    // The document of a deep link is 404.html with status 404, as on GitHub Pages.
    if (r.status() >= 400 && r.request().resourceType() !== "document") failed.push(`${r.url()} ${r.status()}`);
  });
  await page.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as any).__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return { failed, violations: () => page.evaluate(() => (window as any).__violations as string[]) };
}

test("the sub-path build links its assets and the router under /demo/, and has a 404.html", async () => {
  const index = readFileSync(new URL("target/dist-demo/index.html", root), "utf8");
  expect(readFileSync(new URL("target/dist-demo/404.html", root), "utf8")).toBe(index);
  expect(index).toContain('<base href="/demo/"');
  const assets = [...index.matchAll(/(?:href|src)="([^"]+\.(?:js|wasm|css))"/g)].map((m) => m[1]);
  expect(assets.length).toBeGreaterThanOrEqual(3);
  for (const asset of assets) expect(asset).toMatch(/^\/demo\//);
  // The site-root build is unchanged: assets at /, the same fallback page.
  const rootIndex = readFileSync(new URL("dist/index.html", root), "utf8");
  expect(rootIndex).toContain('<base href="/"');
  expect(readFileSync(new URL("dist/404.html", root), "utf8")).toBe(rootIndex);
});

test("a deep link under /demo/ on a host without rewrites signs in and lands on its page", async ({ page }) => {
  const seen = await watch(page);
  const response = await page.goto(`${origin}/demo/users`);
  expect(response!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/demo/sign-in");
  expect(new URL(page.url()).searchParams.get("next")).toBe("/users");

  await page.getByLabel("Email").fill("owner@acme.example");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign In" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/demo/users");
  await expect(page).toHaveTitle("Users – Large Meetings portal");

  // Every link of the navigation stays under /demo/, and each page survives a reload.
  const nav = page.getByRole("navigation", { name: "Portal" });
  for (const [name, path] of [
    ["Plan Management", "/demo/plan-management"],
    ["Admin Activity Logs", "/demo/activity-logs"],
    ["Meetings", "/demo/meetings"],
    ["Profile", "/demo/profile"],
  ]) {
    await nav.getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe(path);
    await expect(nav.getByRole("link", { name, exact: true })).toHaveAttribute("href", path);
    await expect(nav.getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", "page");
    // Every link to a page of the portal (navigation, help links, hints) is under /demo/.
    const links = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links.length).toBeGreaterThan(3);
    expect(links.filter((href) => !href!.startsWith("/demo/"))).toEqual([]);
  }
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign Out" })).toBeVisible();

  // Back and forward move within the portal.
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Meetings" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/demo/meetings");

  expect(seen.failed).toEqual([]);
  expect(await seen.violations()).toEqual([]);
});

test("under /demo/ the start page, an unknown page and Sign Out behave as at the site root", async ({ page }) => {
  const seen = await watch(page);
  // /demo (no slash) becomes /demo/, as static hosts do for a folder.
  await page.goto(`${origin}/demo`);
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/demo/sign-in");
  await page.getByLabel("Email").fill("member@acme.example");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign In" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/demo/profile");

  await page.goto(`${origin}/demo/no-such-page`);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the start page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/demo/profile");

  // A page the role may not see is refused under /demo/ too.
  await page.goto(`${origin}/demo/users`);
  await expect(page.getByRole("heading", { level: 1, name: "Not authorised" })).toBeVisible();

  await page.getByRole("button", { name: "Sign Out" }).click();
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/demo/sign-in");
  expect(seen.failed).toEqual([]);
  expect(await seen.violations()).toEqual([]);
});
