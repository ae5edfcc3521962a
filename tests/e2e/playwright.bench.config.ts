import { defineConfig } from "@playwright/test";
import e2e from "./playwright.config";

// The browser benchmark behind `make bench` (scripts/bench-browser): the same
// Debian Chromium and the same release build in dist/ as the end-to-end tests,
// but one test at a time (timings must not share the 2 cores), with long
// timeouts, no retries and nothing recorded that would slow the page down
// (no trace, no video). It writes numbers, never a pass/fail verdict on them.
// Its own port, so it can run beside `make serve` or the e2e tests
// (BENCH_PORT; E2E_PORT is the end-to-end tests' own).
const PORT = Number(process.env.BENCH_PORT ?? 4174);

export default defineConfig({
  ...e2e,
  testDir: "./bench",
  outputDir: "./test-results/bench",
  fullyParallel: false,
  retries: 0,
  workers: 1,
  // 30 minutes per test (one test per size); a step that never finishes
  // fails on its own, shorter, timeout first.
  timeout: 30 * 60_000,
  expect: { timeout: 120_000 },
  reporter: [["list"]],
  use: {
    ...e2e.use,
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "off",
    video: "off",
  },
  webServer: {
    ...(e2e.webServer as object[])[0],
    command: `node ../../scripts/serve-dist.mjs --dir ../../dist --host 127.0.0.1 --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
  },
});
