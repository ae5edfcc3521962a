#!/usr/bin/env node
// `make size`: where the bytes of the wasm go, crate by crate, so the next
// person sees the cost before adding a dependency. Reads the wasm cargo
// builds for trunk (target/wasm32-unknown-unknown/release/meetings-portal.wasm:
// the same code with its function names kept, before wasm-bindgen and
// wasm-opt), lists every function and data item with twiggy, and puts each in
// the crate its name starts with. Writes docs/benchmarks/size.md and prints it.
//
// The shares are of the code and data before wasm-opt (which shrinks all of
// them by about the same factor); the names and wasm-bindgen's own sections
// are left out (they are not shipped). The shipped size is the first line.
//
// usage: node scripts/size-report.mjs [--wasm path] [--dist dist] [--out docs/benchmarks/size.md]
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const wasmPath = option("wasm", "target/wasm32-unknown-unknown/release/meetings-portal.wasm");
const dist = option("dist", "dist");
const out = option("out", "docs/benchmarks/size.md");

const items = JSON.parse(
  execFileSync("twiggy", ["top", "-n", "1000000", "--format", "json", wasmPath], { maxBuffer: 1 << 30 }).toString(),
);

/** Parts of the Rust standard library, counted together. */
const STD = new Set(["core", "alloc", "std", "dlmalloc", "compiler_builtins", "hashbrown", "rustc_demangle"]);

/** Methods of primitive types ("<u32 as core::fmt::Display>") are the standard library's. */
const PRIMITIVE = /^(str|char|bool|[iuf](8|16|32|64|128|size))$/;

/** The crate an item belongs to, read off its demangled name. */
function crateOf(name) {
  // Not shipped: names, wasm-bindgen's descriptions of the JS bindings (it
  // reads and removes them), and custom sections.
  if (/^"[\w ]+" subsection$/.test(name) || name.startsWith("custom section")) return null;
  if (name.includes("__wbindgen_describe")) return null;
  if (name.startsWith("data segment") || name.startsWith("data[")) return "(data: strings, tables, constants)";
  if (/^(elem|type|import|export|table|global|memory|code section|wasm magic|func)\b/.test(name)) {
    return "(wasm tables, types, imports)";
  }
  // "<A as B>::f": the crate of A, unless A is a generic parameter or a std
  // type holding someone else's code (closures, Box<dyn …>): then B's.
  const qualified = name.match(/^<+&?(?:mut )?(?:dyn )?([A-Za-z_][\w]*)(?:\[[0-9a-f]+\])?(?:::|<|\s|>)/);
  const plain = name.match(/^([A-Za-z_][\w]*)(?:\[[0-9a-f]+\])?::/);
  let crate = (qualified ?? plain)?.[1];
  const trait = name.match(/ as ([a-z_][\w]*)(?:\[[0-9a-f]+\])?::/)?.[1];
  if ((!crate || /^[A-Z]/.test(crate)) && trait) crate = trait;
  if (!crate) return "(other)";
  if (PRIMITIVE.test(crate)) crate = "core";
  if (crate === "serde_core" || crate === "serde_derive") crate = "serde";
  if (crate.startsWith("wasm_bindgen") || crate === "js_sys" || crate === "web_sys") crate = "wasm-bindgen, js-sys, web-sys";
  if (name.includes("{{vtable.shim}}")) return "closure shims (std's, one per boxed closure type)";
  // serde's derives write their code inside the type's crate; counted as serde's.
  if (/(impl|as) serde(_core)?::/.test(name)) return "serde (with the code its derives write)";
  if (crate === "serde") return "serde (with the code its derives write)";
  if (STD.has(crate)) return "Rust std (core, alloc, std, dlmalloc)";
  return crate;
}

const totals = new Map();
let counted = 0;
for (const { name, shallow_size: size } of items) {
  const crate = crateOf(name);
  if (crate === null) continue;
  totals.set(crate, (totals.get(crate) ?? 0) + size);
  counted += size;
}

// What is shipped: the wasm trunk wrote, and its compressed sizes.
const shipped = readdirSync(dist).find((f) => f.endsWith("_bg.wasm"));
const shippedLine = (() => {
  if (!shipped) return `(no ${dist}/*_bg.wasm: run make dist for the shipped sizes)`;
  const data = readFileSync(join(dist, shipped));
  const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length;
  const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
  return `The shipped wasm (${dist}/${shipped}): ${kb(data.length)} raw, ${kb(gz)} gzip -9, ${kb(br)} brotli 11.`;
})();

const rows = [...totals.entries()].sort((a, b) => b[1] - a[1]);
const percent = (n) => `${((n / counted) * 100).toFixed(1)} %`;
const lines = [
  "# Where the wasm's bytes go",
  "",
  `\`make size\` on ${new Date().toISOString().slice(0, 10)}. ${shippedLine}`,
  "",
  `Below: the ${(counted / 1000).toFixed(0)} KB of code and data of the same build before wasm-bindgen and wasm-opt`,
  "(target/wasm32-unknown-unknown/release/meetings-portal.wasm, function names kept), by the crate each",
  "function's name starts with (twiggy). Generic code counts where it is written, not where it is used:",
  "a Leptos view of the app compiled into tachys' generic code counts as tachys.",
  "",
  "| crate | bytes before wasm-opt | share |",
  "| --- | ---: | ---: |",
  ...rows.map(([crate, size]) => `| ${crate} | ${size.toLocaleString("en-US")} | ${percent(size)} |`),
  "",
];
const markdown = lines.join("\n");
writeFileSync(out, markdown);
console.log(markdown);
