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

/** Reads an unsigned LEB128 number at `at`: [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) return [value, at];
  }
}

function writeLeb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

/** The classes and the prefix of their exports' names. */
const CLASSES = ["IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource"];
const unused = (name) => /^(__wbg_)?intounderlying/.test(name);

/**
 * Removes the unused classes' exports from `wasm` (a Uint8Array) and their
 * definitions from the glue `js`; returns { wasm, js, dropped }.
 */
export function dropUnusedExports(wasm, js) {
  const parts = [wasm.subarray(0, 8)];
  let dropped = 0;
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = leb(wasm, at + 1);
    const end = body + size;
    if (id !== 7) {
      parts.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    // The export section: each entry's name, its kind and its index.
    let [count, p] = leb(wasm, body);
    const kept = [];
    while (count-- > 0) {
      const [length, nameAt] = leb(wasm, p);
      const name = new TextDecoder().decode(wasm.subarray(nameAt, nameAt + length));
      const next = leb(wasm, nameAt + length + 1)[1];
      if (unused(name)) dropped += 1;
      else kept.push(wasm.subarray(p, next));
      p = next;
    }
    if (p !== end) throw new Error("the export section did not end where its size says");
    const content = [...writeLeb(kept.length)];
    for (const entry of kept) content.push(...entry);
    parts.push(Uint8Array.from([7, ...writeLeb(content.length), ...content]));
    at = end;
  }
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
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return { wasm: joined, js, dropped };
}
