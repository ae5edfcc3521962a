#!/usr/bin/env node
// Serves the release build in dist/ the way a static host with an SPA
// fallback does: files as they are (.wasm as application/wasm), and
// index.html for any other address without a file extension, so deep links
// such as /users load the app. A missing asset (an address with an
// extension) is a 404, never index.html, so broken asset paths show up.
//
// index.html gets a fresh nonce per response in place of trunk's placeholder
// (its loader script is then allowed by nonce as well as by hash), and the
// headers a meta tag cannot give: frame-ancestors 'none', nosniff, no referrer.
//
// Compressed like a real host: a file with a .br (or .gz) copy beside it
// (scripts/compress-dist.mjs writes them at build time) is sent as that copy
// with Content-Encoding when the browser accepts it; index.html, which gets
// its nonce per response, is compressed as it is sent. Every compressible
// response says Vary: Accept-Encoding so caches keep the encodings apart.
//
// --base /demo/ serves a build made with `make dist PUBLIC_URL=/demo/` under
// that path (/demo redirects to /demo/; anything outside it is a 404).
// --fallback 404 serves like GitHub Pages instead: no rewrites; an address
// with no file gets 404.html (a copy of index.html) with status 404.
//
// usage: node scripts/serve-dist.mjs [--dir dist] [--host 127.0.0.1] [--port 8080]
//                                    [--base /] [--fallback spa|404]
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { compressible } from "./compress-dist.mjs";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith("--")) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const root = resolve(args.dir ?? "dist");
const host = args.host ?? "127.0.0.1";
const port = Number(args.port ?? 8080);
const base = `/${(args.base ?? "/").replace(/^\/+|\/+$/g, "")}/`.replace("//", "/");
const fallback = args.fallback ?? "spa";
if (!existsSync(join(root, "index.html"))) {
  console.error(`serve-dist.mjs: ${root} has no index.html; build it first (make dist)`);
  process.exit(1);
}
if (!["spa", "404"].includes(fallback)) {
  console.error(`serve-dist.mjs: --fallback is spa or 404, not ${fallback}`);
  process.exit(2);
}

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** The encodings the request accepts, best first, among those served here. */
function accepted(header) {
  const offered = new Map(
    String(header ?? "")
      .split(",")
      .map((part) => {
        const [name, ...params] = part.trim().toLowerCase().split(";");
        const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
        return [name, q ? Number(q.slice(2)) : 1];
      }),
  );
  const ok = (name) => (offered.get(name) ?? offered.get("*") ?? 0) > 0;
  return ["br", "gzip"].filter(ok);
}

const compressed = (body, encoding) =>
  encoding === "br"
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
    : gzipSync(body, { level: 6 });

async function fileAt(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? path : null;
  } catch {
    return null;
  }
}

const server = createServer(async (req, res) => {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
  } catch {
    res.writeHead(400).end("Bad request");
    return;
  }
  if (`${pathname}/` === base) {
    res.writeHead(301, { location: base }).end();
    return;
  }
  if (!pathname.startsWith(base)) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
    return;
  }
  const wanted = normalize(join(root, pathname.slice(base.length - 1)));
  if (wanted !== root && !wanted.startsWith(root + sep)) {
    res.writeHead(403).end("Forbidden");
    return;
  }
  let file = (await fileAt(wanted)) ?? (await fileAt(join(wanted, "index.html")));
  let status = 200;
  if (!file && fallback === "spa" && !extname(pathname)) file = join(root, "index.html");
  if (!file && fallback === "404") {
    file = await fileAt(join(root, "404.html"));
    status = 404;
  }
  if (!file) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
    return;
  }
  let body = await readFile(file);
  const headers = {
    "content-type": types[extname(file)] ?? "application/octet-stream",
    "cache-control": "no-cache",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  };
  if (extname(file) === ".html") {
    const nonce = randomBytes(16).toString("base64");
    body = Buffer.from(
      body
        .toString("utf8")
        .replaceAll("{{__TRUNK NONCE__}}", nonce)
        .replace(/(http-equiv="Content-Security-Policy" content="[^"]*script-src 'self')/, `$1 'nonce-${nonce}'`),
    );
    headers["content-security-policy"] = "frame-ancestors 'none'";
  }
  if (compressible.has(extname(file))) {
    headers.vary = "Accept-Encoding";
    for (const encoding of accepted(req.headers["accept-encoding"])) {
      if (extname(file) === ".html") {
        body = compressed(body, encoding);
      } else {
        const copy = await fileAt(`${file}.${encoding === "br" ? "br" : "gz"}`);
        if (!copy) continue;
        body = await readFile(copy);
      }
      headers["content-encoding"] = encoding;
      break;
    }
  }
  headers["content-length"] = body.length;
  res.writeHead(status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
});

server.listen(port, host, () => {
  const how = fallback === "404" ? "404.html for unknown addresses" : "index.html for unknown addresses";
  console.log(`Serving ${root} on http://${host}:${port}${base} (${how}; Ctrl+C to stop)`);
});
