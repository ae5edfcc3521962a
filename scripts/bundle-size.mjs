#!/usr/bin/env node
// Reports the gzip size of what a browser downloads to start the portal
// (wasm + JS + CSS in dist/, and the texts of one language: the larger of
// texts-en-*.json and texts-sv-*.json) and fails when it exceeds the budget.
//
// usage: node scripts/bundle-size.mjs [--dir dist] [--budget-kb 396]
import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { gzipSync, constants } from "node:zlib";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = option("dir", "dist");
const budgetKb = Number(option("budget-kb", process.env.BUNDLE_BUDGET_KB ?? 396));

const gzipOf = (f) => gzipSync(readFileSync(join(dir, f)), { level: constants.Z_BEST_COMPRESSION }).length;
const texts = readdirSync(dir).filter((f) => /^texts-[a-z]+-[0-9a-f]+\.json$/.test(f));
const files = readdirSync(dir).filter((f) => [".wasm", ".js", ".css"].includes(extname(f)));
if (texts.length > 0) files.push(texts.reduce((a, b) => (gzipOf(a) >= gzipOf(b) ? a : b)));
if (files.length === 0 || texts.length === 0) {
  console.error(`bundle-size: no .wasm/.js/.css or texts-*.json files in ${dir}/ (run make dist first)`);
  process.exit(1);
}
const kb = (bytes) => (bytes / 1000).toFixed(1).padStart(8) + " KB";
let raw = 0;
let gz = 0;
console.log(`${"file".padEnd(44)}${"raw".padStart(11)}${"gzip -9".padStart(11)}`);
for (const f of files.sort()) {
  const data = readFileSync(join(dir, f));
  const zipped = gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length;
  raw += data.length;
  gz += zipped;
  console.log(`${f.padEnd(44)}${kb(data.length)}  ${kb(zipped)}`);
}
console.log(`${"total".padEnd(44)}${kb(raw)}  ${kb(gz)}`);
const verdict = gz <= budgetKb * 1000 ? "within" : "OVER";
console.log(`bundle-size: ${(gz / 1000).toFixed(1)} KB gzip, ${verdict} the budget of ${budgetKb} KB`);
process.exit(verdict === "within" ? 0 : 1);
