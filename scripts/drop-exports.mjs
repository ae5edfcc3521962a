// Takes out of the wasm and its JS glue the classes the portal never uses.
//
// Leptos depends on server_fn, which brings wasm-streams: its three
// #[wasm_bindgen] classes (IntoUnderlyingSource, IntoUnderlyingSink,
// IntoUnderlyingByteSource) are exported from the wasm and defined in the
// glue, so neither the linker nor wasm-opt may drop their code, though a
// portal without server functions never makes one. Here their exports leave
// the wasm's export section (wasm-opt then removes the code only they
// reached) and their class definitions leave the glue: 1.9 KB less with
// gzip.
//
// The glue must hold no other mention of them afterwards; anything else
// stops the build rather than guess.

import { leb, readName, rewriteSection, writeLeb } from "./wasm-sections.mjs";

/** The classes and the prefix of their exports' names. */
const CLASSES = ["IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource"];
const unused = (name) => /^(__wbg_)?intounderlying/.test(name);

/**
 * Removes the unused classes' exports from `wasm` (a Uint8Array) and their
 * definitions from the glue `js`; returns { wasm, js, dropped }.
 */
export function dropUnusedExports(wasm, js) {
  let dropped = 0;
  // The export section: each entry's name, its kind and its index.
  wasm = rewriteSection(wasm, 7, (bytes, body, end) => {
    let [count, p] = leb(bytes, body);
    const kept = [];
    let keptCount = 0;
    while (count-- > 0) {
      const [name, kindAt] = readName(bytes, p);
      const next = leb(bytes, kindAt + 1)[1];
      if (unused(name)) dropped += 1;
      else {
        kept.push(...bytes.subarray(p, next));
        keptCount += 1;
      }
      p = next;
    }
    if (p !== end) throw new Error("the export section did not end where its size says");
    return [...writeLeb(keptCount), ...kept];
  });
  if (dropped === 0) throw new Error("no wasm-streams exports found: is this still needed?");
  for (const name of CLASSES) {
    const definition = new RegExp(
      `export class ${name} \\{[\\s\\S]*?\\nif \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n`,
    );
    const registry = new RegExp(`const ${name}Finalization = [^;]*;\\n`);
    for (const pattern of [definition, registry]) {
      if (!pattern.test(js)) throw new Error(`the glue's ${name} is not written as expected`);
      js = js.replace(pattern, "");
    }
  }
  if (/intounderlying/i.test(js)) throw new Error("the glue still mentions the wasm-streams classes");
  return { wasm, js, dropped };
}
