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

const utf8 = new TextDecoder();
const encode = (text) => [...new TextEncoder().encode(text)];

/**
 * Renames the imports of module `module` in `wasm` (a Uint8Array) and in
 * the glue `js`; returns { wasm, js, renamed }.
 */
export function shortenImports(wasm, js, module) {
  if (wasm[0] !== 0 || wasm[1] !== 0x61 || wasm[2] !== 0x73 || wasm[3] !== 0x6d) {
    throw new Error("not a wasm module");
  }
  const parts = [wasm.subarray(0, 8)];
  const renames = new Map();
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = leb(wasm, at + 1);
    const end = body + size;
    if (id !== 2) {
      parts.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    // The import section: each entry's module and name, then what it is.
    let [count, p] = leb(wasm, body);
    const out = writeLeb(count);
    while (count-- > 0) {
      const [moduleLength, moduleAt] = leb(wasm, p);
      const from = utf8.decode(wasm.subarray(moduleAt, moduleAt + moduleLength));
      const [nameLength, nameAt] = leb(wasm, moduleAt + moduleLength);
      const name = utf8.decode(wasm.subarray(nameAt, nameAt + nameLength));
      const descAt = nameAt + nameLength;
      let q = descAt + 1;
      switch (wasm[descAt]) {
        case 0x00: // function: its type index
          q = leb(wasm, q)[1];
          break;
        case 0x01: // table: element type, limits
          q += 1;
        // falls through
        case 0x02: {
          // memory: limits (a flag, the minimum, the maximum if flagged)
          const flags = wasm[q];
          q = leb(wasm, q + 1)[1];
          if (flags & 1) q = leb(wasm, q)[1];
          break;
        }
        case 0x03: // global: value type, mutability
          q += 2;
          break;
        case 0x04: // tag: attribute, type index
          q = leb(wasm, q + 1)[1];
          break;
        default:
          throw new Error(`unknown import kind ${wasm[descAt]} of ${from}.${name}`);
      }
      let [newModule, newName] = [from, name];
      if (from === module) {
        newModule = "w";
        newName = shortName(renames.size);
        renames.set(name, newName);
      }
      out.push(...writeLeb(encode(newModule).length), ...encode(newModule));
      out.push(...writeLeb(encode(newName).length), ...encode(newName));
      out.push(...wasm.subarray(descAt, q));
      p = q;
    }
    if (p !== end) throw new Error("the import section did not end where its size says");
    parts.push(Uint8Array.from([2, ...writeLeb(out.length), ...out]));
    at = end;
  }
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
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return { wasm: joined, js, renamed: renames.size };
}
