#!/usr/bin/env node
// Run by finish-html.mjs (the trunk post_build hook) once index.html is final,
// or by hand: `node scripts/compress-dist.mjs dist`. Writes a brotli (.br) and a
// gzip (.gz) copy beside each text or wasm asset of a release build, as
// servers that serve precompressed files expect (nginx's gzip_static and
// brotli_static, Caddy's `file_server { precompressed br gzip }` pick
// `app.wasm.br` for a browser that accepts br). scripts/serve-dist.mjs serves
// them the same way.
// Brotli at its best quality, gzip at level 9: done once per build, so the
// slow setting costs nothing a person waits for. A copy that would not be
// smaller is not written.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** The extensions worth compressing (serve-dist.mjs compresses the same). */
export const compressible = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".svg", ".json", ".txt"]);

/** Writes the compressed copies beside the assets under `dir`; returns how many. */
export function compressDir(dir) {
  let written = 0;
  const files = readdirSync(dir, { recursive: true }).filter((f) => compressible.has(extname(f)));
  for (const name of files) {
    const path = join(dir, name);
    const data = readFileSync(path);
    const br = brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        [constants.BROTLI_PARAM_MODE]:
          extname(name) === ".wasm" ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      },
    });
    const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION });
    for (const [suffix, copy] of [[".br", br], [".gz", gz]]) {
      if (copy.length < data.length) {
        writeFileSync(path + suffix, copy);
        written += 1;
      }
    }
  }
  return { written, assets: files.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: node scripts/compress-dist.mjs <dir>");
    process.exit(2);
  }
  const { written, assets } = compressDir(dir);
  console.log(`compress-dist.mjs: ${written} precompressed copies (.br, .gz) beside ${assets} assets`);
}
