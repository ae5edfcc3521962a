#!/usr/bin/env node
// Fails when a translation key exists in one language and not the other,
// or when a value has different {places} (filled at run time by
// `ui::messages::fill`) or {{ variables }} in the two.
// usage: node scripts/check-locales.mjs [--dir src/locales]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dirArg = process.argv.indexOf("--dir");
const root = dirArg > 0 ? process.argv[dirArg + 1] : "src/locales";
const [base, ...others] = ["en", "sv"];

function flatten(value, prefix = "", out = new Map()) {
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (inner !== null && typeof inner === "object") flatten(inner, path, out);
    else out.set(path, String(inner));
  }
  return out;
}

function load(locale) {
  const keys = new Map();
  for (const file of readdirSync(join(root, locale)).filter((f) => f.endsWith(".json"))) {
    const ns = file.replace(/\.json$/, "");
    for (const [k, v] of flatten(JSON.parse(readFileSync(join(root, locale, file), "utf8")))) {
      keys.set(`${ns}.${k}`, v);
    }
  }
  return keys;
}

const vars = (text) =>
  [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}|\{(\w+)\}/g)].map((m) => m[1] ?? `{${m[2]}}`))].sort().join(",");
const reference = load(base);
const problems = [];
for (const locale of others) {
  const keys = load(locale);
  for (const key of reference.keys()) if (!keys.has(key)) problems.push(`${key}: missing in ${locale}`);
  for (const key of keys.keys()) if (!reference.has(key)) problems.push(`${key}: missing in ${base}`);
  for (const [key, text] of reference) {
    if (keys.has(key) && vars(text) !== vars(keys.get(key))) {
      problems.push(`${key}: ${base} uses {{${vars(text)}}}, ${locale} uses {{${vars(keys.get(key))}}}`);
    }
  }
  console.log(`locales: ${reference.size} keys in ${base}, ${keys.size} in ${locale}`);
}
for (const p of problems) console.error(`locales: ${p}`);
process.exit(problems.length ? 1 : 0);
