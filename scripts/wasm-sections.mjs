// Reading and rewriting one section of a wasm binary, for the build's
// post-processing (drop-exports.mjs, short-imports.mjs).

/** Reads an unsigned LEB128 number at `at`: [value, next offset]. */
export function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) return [value, at];
  }
}

/** An unsigned LEB128 number's bytes. */
export function writeLeb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

/** A name as it is written in a section: its length, then its UTF-8. */
export function writeName(text) {
  const bytes = [...new TextEncoder().encode(text)];
  return [...writeLeb(bytes.length), ...bytes];
}

/** The name at `at`: [text, next offset]. */
export function readName(bytes, at) {
  const [length, start] = leb(bytes, at);
  return [new TextDecoder().decode(bytes.subarray(start, start + length)), start + length];
}

/**
 * `wasm` (a Uint8Array) with the content of every section `id` replaced by
 * what `rewrite(wasm, body, end)` returns (an array of bytes) for the
 * content at `body..end`; the other sections are copied as they are.
 */
export function rewriteSection(wasm, id, rewrite) {
  if (wasm[0] !== 0 || wasm[1] !== 0x61 || wasm[2] !== 0x73 || wasm[3] !== 0x6d) {
    throw new Error("not a wasm module");
  }
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const [size, body] = leb(wasm, at + 1);
    const end = body + size;
    if (wasm[at] === id) {
      const content = rewrite(wasm, body, end);
      parts.push(Uint8Array.from([id, ...writeLeb(content.length), ...content]));
    } else {
      parts.push(wasm.subarray(at, end));
    }
    at = end;
  }
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
