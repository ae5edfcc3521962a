import { defineConfig } from "@playwright/test";

// Debian's Chromium (never a downloaded browser); the release build in dist/
// served with an SPA fallback, as a static host would serve it; and the
// build for a sub-path (`make dist PUBLIC_URL=/demo/`, made by make test into
// target/dist-demo/) served the way GitHub Pages serves it: under /demo/, no
// rewrites, 404.html for unknown addresses (specs/subpath.spec.ts).
const PORT = Number(process.env.E2E_PORT ?? 4173);
export const SUBPATH_PORT = Number(process.env.E2E_SUBPATH_PORT ?? 4174);

export default defineConfig({
  testDir: "./specs",
  outputDir: "./test-results",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    locale: "en-US",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  webServer: [
    {
      command: `node ../../scripts/serve-dist.mjs --dir ../../dist --host 127.0.0.1 --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      command:
        `node ../../scripts/serve-dist.mjs --dir ../../target/dist-demo --host 127.0.0.1 ` +
        `--port ${SUBPATH_PORT} --base /demo/ --fallback 404`,
      url: `http://127.0.0.1:${SUBPATH_PORT}/demo/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
