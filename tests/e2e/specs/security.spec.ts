import { createHash } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { importUsers, nav, PASSWORD, signIn } from "./helpers";

/** Records every Content-Security-Policy violation the page reports. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as any).__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  return {
    violations: () => page.evaluate(() => (window as any).__violations as string[]),
    consoleErrors,
  };
}

const policyOf = (page: Page) =>
  page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");

test("the portal runs under its Content-Security-Policy with no violation on any page", async ({ page }) => {
  const watch = await watchViolations(page);
  const response = await page.goto("/");
  expect(response!.headers()["content-security-policy"]).toBe("frame-ancestors 'none'");
  const policy = (await policyOf(page))!;
  const scriptSrc = policy.match(/script-src ([^;]*)/)![1].split(" ");
  expect(scriptSrc).toContain("'self'");
  expect(scriptSrc).toContain("'wasm-unsafe-eval'");
  expect(scriptSrc.filter((s) => /^'sha256-[A-Za-z0-9+/=]{44}'$/.test(s))).toHaveLength(1);
  expect(scriptSrc.filter((s) => /^'nonce-[A-Za-z0-9+/=]{22,}'$/.test(s))).toHaveLength(1);
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'self'");
  expect(policy).not.toContain("unsafe-inline");
  expect(policy).not.toMatch(/'unsafe-eval'/);
  // The loading view's rules are the one inline style, allowed by their hash.
  const styleSrc = policy.match(/style-src ([^;]*)/)![1].split(" ");
  expect(styleSrc).toEqual(["'self'", expect.stringMatching(/^'sha256-[A-Za-z0-9+/=]{44}'$/)]);

  await signIn(page, "owner@acme.example");
  for (const name of ["Plan Management", "Users", "Admin Activity Logs", "Meetings", "Profile"]) {
    await nav(page).getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();
  }
  await nav(page).getByRole("link", { name: "Users", exact: true }).click();
  await page.getByRole("button", { name: "Edit", exact: true }).first().click();
  await page.getByRole("button", { name: "Cancel" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export", exact: true }).click();
  await download;
  const dialog = await importUsers(page, "Email,First Name,Last Name,User Type\nnew@acme.example,New,Person,Basic\n");
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").first()).toContainText("1 user imported");

  expect(await watch.violations()).toEqual([]);
  expect(watch.consoleErrors.filter((e) => /Content.Security.Policy|integrity/i.test(e))).toEqual([]);
});

test("the policy blocks a script injected into the page, and each response gets its own nonce", async ({ page }) => {
  const watch = await watchViolations(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  const first = (await policyOf(page))!.match(/'nonce-([^']+)'/)![1];
  expect(first.length).toBeGreaterThanOrEqual(22);
  // The loader carries that nonce (the DOM hides nonce attributes, the property keeps it).
  expect(await page.evaluate(() => [...document.scripts].map((s) => s.nonce).filter(Boolean))).toContain(first);

  await page.evaluate(() => {
    (window as any).__ran = false;
    const script = document.createElement("script");
    script.textContent = "window.__ran = true";
    document.body.append(script);
  });
  expect(await page.evaluate(() => (window as any).__ran)).toBe(false);
  expect((await watch.violations()).some((v) => v.startsWith("script-src"))).toBe(true);

  await page.reload();
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  const second = (await policyOf(page))!.match(/'nonce-([^']+)'/)![1];
  expect(second).not.toBe(first);
});

test("every asset is loaded with subresource integrity that matches the file", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  const assets = await page.evaluate(() =>
    [...document.querySelectorAll("link[href]")].map((l) => ({
      href: (l as HTMLLinkElement).href,
      integrity: l.getAttribute("integrity"),
    })),
  );
  const files = assets.map((a) => new URL(a.href).pathname);
  expect(files.some((f) => f.endsWith(".wasm"))).toBe(true);
  expect(files.some((f) => f.endsWith(".js"))).toBe(true);
  expect(files.filter((f) => f.endsWith(".css")).length).toBe(2);
  for (const asset of assets) {
    expect(asset.integrity, asset.href).toMatch(/^sha384-/);
    const body = await (await request.get(asset.href)).body();
    const digest = `sha384-${createHash("sha384").update(body).digest("base64")}`;
    expect(asset.integrity, asset.href).toBe(digest);
  }
});

test("a stylesheet changed on its way is refused by the browser", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/integrity/i.test(message.text()) && /app-[0-9a-f]+\.css/.test(message.text())) refused.push(message.text());
  });
  await page.route(/app-[0-9a-f]+\.css$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()) + "\nbody { display: none }" });
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await expect.poll(() => refused.length).toBeGreaterThan(0);
  expect(refused[0]).toMatch(/digest|integrity/i);
});

test("a person changes their own password on the profile page; every wrong try is explained and changes nothing", async ({ page }) => {
  await signIn(page, "member@acme.example");
  await nav(page).getByRole("link", { name: "Profile", exact: true }).click();
  const form = page.getByRole("form", { name: "Change Password" });
  const current = form.getByLabel("Current password");
  const next = form.getByLabel("New password", { exact: true });
  const repeat = form.getByLabel("Repeat new password");
  const submit = form.getByRole("button", { name: "Change Password" });
  await expect(next).toHaveAccessibleDescription(/At least 12 characters/);

  const attempt = async (c: string, n: string, r: string, message: string, focused: typeof current) => {
    await current.fill(c);
    await next.fill(n);
    await repeat.fill(r);
    await submit.click();
    await expect(form.getByRole("alert")).toHaveText(message);
    await expect(focused).toBeFocused();
  };
  await attempt("", "a long new passphrase", "a long new passphrase", "Enter your current password.", current);
  await attempt(PASSWORD, "short pass", "short pass", "The new password needs at least 12 characters.", next);
  await attempt(PASSWORD, "a long new passphrase", "a long new passphrase!", "The two new passwords are not the same.", repeat);
  await attempt("not my password", "a long new passphrase", "a long new passphrase", "The current password is not correct.", current);

  await current.fill(PASSWORD);
  await next.fill("a long new passphrase");
  await repeat.fill("a long new passphrase");
  await submit.click();
  await expect(form.getByRole("status")).toHaveText("Your password was changed. Use it the next time you sign in.");
  await expect(form.getByRole("alert")).toHaveCount(0);
  for (const field of [current, next, repeat]) await expect(field).toHaveValue("");
  const stored = await page.evaluate(() => Object.values({ ...localStorage }).join("\n"));
  expect(stored).not.toContain("a long new passphrase");

  await page.getByRole("button", { name: "Sign Out" }).click();
  await page.getByLabel("Email").fill("member@acme.example");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign In" }).click();
  await expect(page.getByRole("alert")).toHaveText("Incorrect email or password.");
  await signIn(page, "member@acme.example", "a long new passphrase");
});
