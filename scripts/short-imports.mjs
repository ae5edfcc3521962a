// Gives the functions the wasm imports from its JS glue short names.
//
// wasm-bindgen names each import after the function and a 16-digit hash
// (`__wbg_querySelector_72201b7c62dc196b`) and puts it in the module
// "./<name>_bg.js": about 170 such names, written twice (in the wasm's
// import section and as the keys of the glue's import object), and their
// hashes do not compress. Here the module becomes "w" and the names `a`,
// `b`, … `ba`, …, in both files, so the browser downloads 3.6 KB less
// (gzip). The wasm's exports and any snippet modules are left as they are.
//
// Each old name must occur exactly once in the glue (as its import
// object's key): anything else stops the build rather than guess.

import { leb, readName, rewriteSection, writeLeb, writeName } from "./wasm-sections.mjs";

/** `a` … `z`, `A` … `Z`, then two letters and so on. */
function shortName(n) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = "";
  do {
    name = letters[n % letters.length] + name;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return name;
}

/**
 * Renames the imports of module `module` in `wasm` (a Uint8Array) and in
 * the glue `js`; returns { wasm, js, renamed }.
 */
export function shortenImports(wasm, js, module) {
  const renames = new Map();
  // The import section: each entry's module and name, then what it is.
  wasm = rewriteSection(wasm, 2, (bytes, body, end) => {
    let [count, p] = leb(bytes, body);
    const out = writeLeb(count);
    while (count-- > 0) {
      const [from, nameAt] = readName(bytes, p);
      const [name, descAt] = readName(bytes, nameAt);
      let q = descAt + 1;
      switch (bytes[descAt]) {
        case 0x00: // function: its type index
          q = leb(bytes, q)[1];
          break;
        case 0x01: // table: element type, limits
          q += 1;
        // falls through
        case 0x02: {
          // memory: limits (a flag, the minimum, the maximum if flagged)
          const flags = bytes[q];
          q = leb(bytes, q + 1)[1];
          if (flags & 1) q = leb(bytes, q)[1];
          break;
        }
        case 0x03: // global: value type, mutability
          q += 2;
          break;
        case 0x04: // tag: attribute, type index
          q = leb(bytes, q + 1)[1];
          break;
        default:
          throw new Error(`unknown import kind ${bytes[descAt]} of ${from}.${name}`);
      }
      let [newModule, newName] = [from, name];
      if (from === module) {
        newModule = "w";
        newName = shortName(renames.size);
        renames.set(name, newName);
      }
      out.push(...writeName(newModule), ...writeName(newName), ...bytes.subarray(descAt, q));
      p = q;
    }
    if (p !== end) throw new Error("the import section did not end where its size says");
    return out;
  });
  if (renames.size === 0) throw new Error(`no imports from ${module}`);
  const quoted = JSON.stringify(module);
  if (js.split(`${quoted}:`).length !== 2) {
    throw new Error(`the glue names ${quoted} as an import object key ${js.split(`${quoted}:`).length - 1} times, not once`);
  }
  js = js.replace(`${quoted}:`, "w:");
  for (const [from, to] of renames) {
    const token = new RegExp(`(?<![\\w$])${from.replace(/\$/g, "\\$")}(?![\\w$])`, "g");
    const found = js.match(token)?.length ?? 0;
    if (found !== 1) throw new Error(`${from} is in the glue ${found} times, not once`);
    js = js.replace(token, to);
  }
  return { wasm, js, renamed: renames.size };
}
