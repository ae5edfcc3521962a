#!/usr/bin/env node
// Trunk post_build hook: writes the loading view's texts into the built
// index.html in English and Swedish (from src/locales/<lang>/common.json, so
// they are worded where every other text is), completes its
// Content-Security-Policy, and copies it to 404.html for static hosts without rewrites
// (GitHub Pages serves 404.html for any address it has no file for, so a deep
// link such as /demo/users still loads the portal, which then routes it).
//
// The policy: the loader (src/loader.js, written by trunk through
// pattern_script) is the one inline <script>, and the loading view's rules
// (style/loading.css) the one inline <style>; the policy allows exactly those
// by their SHA-256 hashes, so the page runs on any static host with no
// 'unsafe-inline'. A server that can (scripts/serve-dist.mjs,
// `trunk serve`) also replaces trunk's nonce placeholder per response.
//
// A release build's wasm and JS glue lose the classes nobody uses
// (drop-exports.mjs: 1.9 KB less with gzip) and get short import names
// (short-imports.mjs: 5.9 KB less), then the glue is minified with terser
// and its stylesheets with csso (tests/e2e's npm packages), and their integrity
// hashes in index.html renewed: 3.2 KB less with gzip.
//
// Each language's texts go beside the wasm as texts-<lang>-<hash>.json: one
// array in the order the wasm numbers the keys (scripts/build-i18n.rs: paths
// compared part by part); the loader's data-en and data-sv name them.
//
// Then it writes .br and .gz copies beside each asset (compress-dist.mjs).
//
// A debug build (`make dev`) leaves the policy out: `trunk serve` injects its
// live-reload script with the server's address only when it serves the page,
// so no hash taken here could match it.
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compressDir } from "./compress-dist.mjs";
import { shortenImports } from "./short-imports.mjs";
import { dropUnusedExports } from "./drop-exports.mjs";
import { execFileSync } from "node:child_process";

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

if (html.includes("{loader}") || !/<script [^>]*data-js="[^"{]+"[^>]*data-wasm="[^"{]+"/.test(html)) {
  console.error("finish-html.mjs: the loader was not written (Trunk.toml pattern_script and its loader param)");
  process.exit(1);
}

// <p data-text="common.loading.message"></p> gets <span lang="en">…</span><span lang="sv">…</span>.
const locales = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "locales");
const files = new Map();
const localeFile = (lang, namespace) => {
  const name = join(locales, lang, `${namespace}.json`);
  if (!files.has(name)) files.set(name, JSON.parse(readFileSync(name, "utf8")));
  return files.get(name);
};
const wording = (lang, key) => {
  const [namespace, ...path] = key.split(".");
  const text = path.reduce((node, part) => node?.[part], localeFile(lang, namespace));
  if (typeof text !== "string") {
    console.error(`finish-html.mjs: index.html asks for ${key}, which src/locales/${lang}/${namespace}.json lacks`);
    process.exit(1);
  }
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll("\u00ad", "");
};
html = html.replace(
  /(<[a-z]+\b[^>]*?) data-text="([\w.]+)"([^>]*>)<\/([a-z]+)>/g,
  (_, open, key, rest, close) =>
    `${open}${rest}${["en", "sv"].map((lang) => `<span lang="${lang}">${wording(lang, key)}</span>`).join("")}</${close}>`,
);
if (html.includes("data-text=")) {
  console.error("finish-html.mjs: a data-text element of index.html was not filled (it must be empty)");
  process.exit(1);
}

// The texts: every key path of a language's files, ordered as build-i18n.rs
// orders them (part by part), and its text.
const NAMESPACES = ["common", "users", "billing", "pages", "messages", "help", "groups"];
const textsOf = (lang) => {
  const entries = [];
  const walk = (path, node) => {
    // An object's keys are paths; anything else is one text (as build-i18n.rs reads it).
    if (node !== null && typeof node === "object" && !Array.isArray(node)) {
      for (const [key, inner] of Object.entries(node)) walk([...path, key], inner);
    } else {
      entries.push([path, typeof node === "string" ? node : JSON.stringify(node)]);
    }
  };
  for (const namespace of NAMESPACES) walk([namespace], localeFile(lang, namespace));
  const byParts = ([a], [b]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (a[i] !== b[i]) return Buffer.compare(Buffer.from(a[i]), Buffer.from(b[i]));
    }
    return a.length - b.length;
  };
  return entries.sort(byParts);
};
const [english, swedish] = [textsOf("en"), textsOf("sv")];
const keysOf = (texts) => texts.map(([path]) => path.join(".")).join("\n");
if (keysOf(english) !== keysOf(swedish)) {
  console.error("finish-html.mjs: src/locales/en and sv have different keys (node scripts/check-locales.mjs)");
  process.exit(1);
}
const script = /<script [^>]*data-js="([^"]*\/)?[^"/]+"/;
const base = html.match(script)?.[1] ?? "";
for (const [lang, texts] of [["en", english], ["sv", swedish]]) {
  const json = JSON.stringify(texts.map(([, text]) => text));
  const name = `texts-${lang}-${createHash("sha256").update(json).digest("hex").slice(0, 16)}.json`;
  writeFileSync(join(staging, name), json);
  html = html.replace(script, (tag) => `${tag} data-${lang}="${base}${name}"`);
}

// The wasm and its JS start downloading before anything else in the head is
// read: trunk puts their preload links last; they go right after <base>.
// The inline style and script lose their comment lines (they are read in
// style/loading.css and src/loader.js), which the first paint no longer waits to parse.
const preloads = html.match(/<link rel="(?:module)?preload"[^>]*>/g) ?? [];
for (const link of preloads) html = html.replace(link, "");
html = html.replace(/(<base [^>]*>)/, (base) => `${base}\n    ${preloads.join("\n    ")}`);
html = html
  .replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style>)/g, (_, open, body, close) =>
    open + body.replace(/\/\*[\s\S]*?\*\/\n?/g, "") + close,
  )
  .replace(/(<script\b[^>]*>)([\s\S]*?)(<\/script>)/g, (_, open, body, close) =>
    open + body.replace(/^\s*\/\/.*\n/gm, "") + close,
  );

if (process.env.TRUNK_PROFILE !== "release") {
  html = html.replace(meta, "");
  writeFileSync(file, html);
  copyFileSync(file, fallback);
  console.log("finish-html.mjs: debug build, Content-Security-Policy left out for trunk serve's reload script");
  process.exit(0);
}

// The JS glue is an ES module: terser may rename its own top-level names but
// keeps what it exports and the import object's keys the wasm asks for. The
// stylesheets go through csso (structure-aware: rules merged, not reordered
// across conflicting selectors). Each file's integrity hash in index.html is renewed.
const npm = createRequire(join(dirname(fileURLToPath(import.meta.url)), "..", "tests", "e2e", "package.json"));
const terser = npm("terser");
const csso = npm("csso");
const minifiers = [
  [/^meetings-portal-[0-9a-f]+\.js$/, async (code) =>
    (await terser.minify(code, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } })).code],
  [/^[a-z]+-[0-9a-f]+\.css$/, async (code) => csso.minify(code).css],
];
// Short import names in the wasm and the glue (scripts/short-imports.mjs),
// then the wasm's preload integrity renewed; the glue's follows its minifying.
const wasmName = readdirSync(staging).find((f) => /^meetings-portal-[0-9a-f]+_bg\.wasm$/.test(f));
const glueName = readdirSync(staging).find((f) => /^meetings-portal-[0-9a-f]+\.js$/.test(f));
if (!wasmName || !glueName) {
  console.error("finish-html.mjs: the wasm or its JS glue is not in the staging directory");
  process.exit(1);
}
{
  const wasm = readFileSync(join(staging, wasmName));
  // The wasm-streams classes out (drop-exports.mjs), and wasm-opt again
  // with trunk's settings to remove the code only they reached.
  const trimmed = dropUnusedExports(new Uint8Array(wasm), readFileSync(join(staging, glueName), "utf8"));
  writeFileSync(join(staging, wasmName), trimmed.wasm);
  const wasmOpt = join(dirname(fileURLToPath(import.meta.url)), "..", "tests", "e2e", "node_modules", ".bin", "wasm-opt");
  const path = join(staging, wasmName);
  execFileSync(wasmOpt, [path, "-Oz", "--low-memory-unused", "--converge", "--strip-producers", "-o", path], { stdio: "inherit" });
  const optimised = readFileSync(path);
  const short = shortenImports(new Uint8Array(optimised), trimmed.js, "./meetings-portal_bg.js");
  writeFileSync(join(staging, wasmName), short.wasm);
  writeFileSync(join(staging, glueName), short.js);
  const integrity = `sha384-${createHash("sha384").update(short.wasm).digest("base64")}`;
  const link = new RegExp(`(<link [^>]*href="[^"]*/${wasmName.replace(".", "\\.")}"[^>]*integrity=")[^"]*(")`);
  if (!link.test(html)) {
    console.error(`finish-html.mjs: index.html has no preload link with an integrity hash for ${wasmName}`);
    process.exit(1);
  }
  html = html.replace(link, `$1${integrity}$2`);
  console.log(
    `finish-html.mjs: ${trimmed.dropped} unused exports of ${wasmName} dropped and ${short.renamed} imports renamed, ${wasm.length} -> ${short.wasm.length} bytes`,
  );
}

let minifiedFiles = 0;
for (const name of readdirSync(staging)) {
  const minifier = minifiers.find(([pattern]) => pattern.test(name));
  if (!minifier) continue;
  const path = join(staging, name);
  const readable = readFileSync(path, "utf8");
  const code = await minifier[1](readable);
  if (!code || code.length >= readable.length) {
    console.error(`finish-html.mjs: minifying ${name} gave ${code?.length ?? "nothing"} bytes from ${readable.length}`);
    process.exit(1);
  }
  writeFileSync(path, code);
  const integrity = `sha384-${createHash("sha384").update(code, "utf8").digest("base64")}`;
  const link = new RegExp(`(<link [^>]*href="[^"]*/${name.replace(".", "\\.")}"[^>]*integrity=")[^"]*(")`);
  if (!link.test(html)) {
    console.error(`finish-html.mjs: index.html has no link with an integrity hash for ${name}`);
    process.exit(1);
  }
  html = html.replace(link, `$1${integrity}$2`);
  minifiedFiles += 1;
  console.log(`finish-html.mjs: ${name} minified, ${readable.length} -> ${code.length} bytes`);
}
if (minifiedFiles !== 3) {
  console.error(`finish-html.mjs: expected to minify the JS glue and two stylesheets, minified ${minifiedFiles} files`);
  process.exit(1);
}

/** The CSP source of every inline <tag> element with a body: its SHA-256 hash. */
const inlineHashes = (tag) =>
  [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)<\\/${tag}>`, "g"))]
    .filter(([, attrs, body]) => !/\bsrc=/.test(attrs) && body.length > 0)
    .map(([, , body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
const hashes = inlineHashes("script");
if (hashes.length === 0) {
  console.error("finish-html.mjs: no inline loader script found in index.html");
  process.exit(1);
}
const styleHashes = inlineHashes("style");
html = html.replace(meta, (tag, policy) => {
  const completed = policy
    .replace(/script-src ([^;]*)/, (_, sources) => `script-src ${sources} ${hashes.join(" ")}`)
    .replace(/style-src ([^;]*)/, (_, sources) => `style-src ${[sources, ...styleHashes].join(" ")}`);
  return tag.replace(policy, completed);
});
writeFileSync(file, html);
copyFileSync(file, fallback);
console.log(
  `finish-html.mjs: script-src allows the loader by hash (${hashes.length} inline script), ` +
    `style-src the loading view's rules (${styleHashes.length} inline style); 404.html written`,
);
// Last, once every file is final: the .br and .gz copies static hosts serve.
const { written, assets } = compressDir(staging);
console.log(`finish-html.mjs: ${written} precompressed copies (.br, .gz) beside ${assets} assets`);
