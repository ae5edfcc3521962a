// The first seconds: the loading view of index.html, shown before the wasm
// arrives, in the language the portal will speak; what a person reads when
// the wasm cannot start; and the compressed files the server sends.
import { expect, test, type Page, type Route } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

const WASM = /_bg\.wasm$/;
const loading = (page: Page) => page.locator("#loading");

/** Holds the wasm back until the returned function is called. */
async function holdWasm(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((done) => (release = done));
  await page.route(WASM, async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

test("the loading view shows at once, in English, and gives way to the sign-in page", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("/");
  await expect(loading(page)).toBeVisible();
  await expect(loading(page).getByText("Large Meetings portal", { exact: true })).toBeVisible();
  await expect(loading(page).getByText("Loading the portal…", { exact: true })).toBeVisible();
  // The Swedish words are in the page but not shown, nor read out.
  await expect(loading(page).getByText("Portalen laddas…")).toBeHidden();
  const shown = await page.getByRole("status").innerText();
  expect(shown).toContain("Loading the portal…");
  expect(shown).not.toContain("Portalen");
  // Nothing about trouble yet.
  await expect(loading(page).getByText(/could not start/)).toBeHidden();

  release();
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await expect(loading(page)).toHaveCount(0);
});

for (const address of ["/", "/users"]) {
  test(`opened at ${address} signed out, the loading view gives way to Sign In itself, never to a blank page`, async ({ page }) => {
    // Notes, in the task that removes the loading view, what is on the page.
    await page.addInitScript(() => {
      const w = window as unknown as { __replacedBy?: string };
      new MutationObserver((_, observer) => {
        if (document.readyState === "loading" || document.querySelector("#loading")) return;
        w.__replacedBy = document.querySelector("main h1, h1")?.textContent?.trim() ?? "(nothing)";
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(address);
    await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __replacedBy?: string }).__replacedBy)).toBe("Sign In");
    // A deep link still comes back after signing in.
    if (address !== "/") await expect(page).toHaveURL(/\/sign-in\?next=%2Fusers$/);
    else await expect(page).toHaveURL(/\/sign-in$/);
  });
}

test.describe("in a Swedish browser", () => {
  test.use({ locale: "sv-SE" });

  test("the loading view speaks Swedish", async ({ page }) => {
    const release = await holdWasm(page);
    await page.goto("/");
    await expect(loading(page).getByText("Portal för stora möten", { exact: true })).toBeVisible();
    await expect(loading(page).getByText("Portalen laddas…", { exact: true })).toBeVisible();
    await expect(loading(page).getByText("Loading the portal…")).toBeHidden();
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    release();
    await expect(page.getByRole("heading", { name: "Logga in" })).toBeVisible();
  });

  test("a failed start is explained in Swedish, at once", async ({ page }) => {
    await page.route(WASM, (route) => route.abort("failed"));
    await page.goto("/");
    await expect(loading(page).getByText(/^Portalen kunde inte starta i den här webbläsaren\./)).toBeVisible();
    await expect(loading(page).getByText(/could not start/)).toBeHidden();
    // The spinner's message stays, the hint for the patient does not.
    await expect(loading(page).getByText(/tar längre tid än vanligt/)).toBeHidden();
  });
});

test("the language chosen in the portal before wins over the browser's", async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem("lmp.locale", JSON.stringify("sv")));
  const release = await holdWasm(page);
  await page.goto("/");
  await expect(loading(page).getByText("Portalen laddas…", { exact: true })).toBeVisible();
  release();
  await expect(page.getByRole("heading", { name: "Logga in" })).toBeVisible();
});

test("when the wasm cannot be loaded, the person reads why instead of an endless spinner", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.route(WASM, (route) => route.fulfill({ status: 200, contentType: "application/wasm", body: "not wasm" }));
  await page.goto("/");
  const failure = loading(page).getByText(/^The portal could not start in this browser\./);
  await expect(failure).toBeVisible();
  await expect(failure).toContainText("It needs JavaScript and WebAssembly: reload the page, or use an up-to-date browser.");
  await expect(page.getByRole("heading", { name: "Sign In" })).toHaveCount(0);
  expect(errors.some((e) => e.startsWith("The portal could not start:"))).toBe(true);
});

test("a person downloads the texts of their language only; switching fetches the other once", async ({ page }) => {
  const texts: string[] = [];
  page.on("request", (r) => {
    const name = new URL(r.url()).pathname.split("/").pop()!;
    if (name.startsWith("texts-")) texts.push(name.split("-")[1]);
  });
  await page.addInitScript(() => localStorage.setItem("lmp.locale", JSON.stringify("sv")));
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Logga in" })).toBeVisible();
  expect(texts).toEqual(["sv"]);
  await page.getByLabel("Språk").first().selectOption("en");
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await page.getByLabel("Language").first().selectOption("sv");
  await expect(page.getByRole("heading", { name: "Logga in" })).toBeVisible();
  await page.getByLabel("Språk").first().selectOption("en");
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  expect(texts).toEqual(["sv", "en"]);
});

test("a language whose texts cannot be fetched is not switched to, and the next try fetches them again", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  await page.route(/\/texts-sv-[0-9a-f]+\.json$/, (route) => route.abort("failed"));
  const language = page.getByLabel("Language").first();
  await language.selectOption("sv");
  // Still English, and the switch says so.
  await expect(language).toHaveValue("en");
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("lmp.locale"))).toBeNull();
  await page.unroute(/\/texts-sv-[0-9a-f]+\.json$/);
  await language.selectOption("sv");
  await expect(page.getByRole("heading", { name: "Logga in" })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("lmp.locale"))).toBe(JSON.stringify("sv"));
});

test("when the texts cannot be loaded, the loading view says the portal could not start", async ({ page }) => {
  await page.route(/\/texts-[a-z]+-[0-9a-f]+\.json$/, (route) => route.abort("failed"));
  await page.goto("/");
  await expect(loading(page).getByText(/^The portal could not start in this browser\./)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sign In" })).toHaveCount(0);
});

test("a start that takes long says so after a while, and the portal still starts", async ({ page }) => {
  test.setTimeout(40_000);
  const release = await holdWasm(page);
  await page.goto("/");
  const slow = loading(page).getByText(/^This is taking longer than usual\./);
  await expect(slow).toBeHidden();
  await expect(slow).toBeVisible({ timeout: 20_000 });
  release();
  await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
});

test.describe("compressed files", () => {
  const dist = fileURLToPath(new URL("../../../dist", import.meta.url));
  const wasmFile = readdirSync(dist).find((f) => f.endsWith("_bg.wasm"))!;
  const original = readFileSync(path.join(dist, wasmFile));

  test("the wasm comes as brotli to a browser that takes it, gzip to one that takes only that", async ({ request }) => {
    const br = await request.get(`/${wasmFile}`, { headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(br.headers()["content-encoding"]).toBe("br");
    expect(br.headers()["vary"]).toBe("Accept-Encoding");
    expect(br.headers()["content-type"]).toBe("application/wasm");
    const brBytes = readFileSync(path.join(dist, `${wasmFile}.br`));
    expect(Number(br.headers()["content-length"])).toBe(brBytes.length);
    expect(brotliDecompressSync(brBytes).equals(original)).toBe(true);
    expect(brBytes.length).toBeLessThan(original.length / 3);

    const gz = await request.get(`/${wasmFile}`, { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers()["content-encoding"]).toBe("gzip");
    expect(gunzipSync(readFileSync(path.join(dist, `${wasmFile}.gz`))).equals(original)).toBe(true);

    const plain = await request.get(`/${wasmFile}`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers()["content-encoding"]).toBeUndefined();
    expect((await plain.body()).equals(original)).toBe(true);

    const refused = await request.get(`/${wasmFile}`, { headers: { "accept-encoding": "br;q=0, gzip" } });
    expect(refused.headers()["content-encoding"]).toBe("gzip");
  });

  test("the page itself and deep links are compressed as they are sent", async ({ page }) => {
    const response = await page.goto("/users");
    expect(response!.headers()["content-encoding"]).toBe("br");
    expect(response!.headers()["vary"]).toBe("Accept-Encoding");
    await expect(page.getByRole("heading", { name: "Sign In" })).toBeVisible();
  });
});
