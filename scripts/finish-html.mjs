#!/usr/bin/env node
// Trunk post_build hook: completes the Content-Security-Policy of the built
// index.html, and copies it to 404.html for static hosts without rewrites
// (GitHub Pages serves 404.html for any address it has no file for, so a deep
// link such as /demo/users still loads the portal, which then routes it).
//
// The policy: Trunk writes its wasm loader as an inline <script>; the policy
// allows exactly that script by its SHA-256 hash, so the page runs on any
// static host with no 'unsafe-inline'. A server that can (scripts/serve-dist.mjs,
// `trunk serve`) also replaces trunk's nonce placeholder per response.
//
// A debug build (`make dev`) leaves the policy out: `trunk serve` injects its
// live-reload script with the server's address only when it serves the page,
// so no hash taken here could match it.
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("finish-html.mjs runs as a trunk hook (TRUNK_STAGING_DIR is not set)");
  process.exit(1);
}
const file = join(staging, "index.html");
const fallback = join(staging, "404.html");
let html = readFileSync(file, "utf8");
const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"\s*\/?>/;
if (!meta.test(html)) {
  console.error("finish-html.mjs: index.html has no Content-Security-Policy meta tag");
  process.exit(1);
}

if (process.env.TRUNK_PROFILE !== "release") {
  html = html.replace(meta, "");
  writeFileSync(file, html);
  copyFileSync(file, fallback);
  console.log("finish-html.mjs: debug build, Content-Security-Policy left out for trunk serve's reload script");
  process.exit(0);
}

const hashes = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
  .filter(([, attrs, body]) => !/\bsrc=/.test(attrs) && body.length > 0)
  .map(([, , body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
if (hashes.length === 0) {
  console.error("finish-html.mjs: no inline loader script found in index.html");
  process.exit(1);
}
html = html.replace(meta, (tag, policy) => {
  const completed = policy.replace(/script-src ([^;]*)/, (_, sources) => `script-src ${sources} ${hashes.join(" ")}`);
  return tag.replace(policy, completed);
});
writeFileSync(file, html);
copyFileSync(file, fallback);
console.log(`finish-html.mjs: script-src allows the loader by hash (${hashes.length} inline script); 404.html written`);
