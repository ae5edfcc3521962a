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
// usage: node scripts/serve-dist.mjs [--dir dist] [--host 127.0.0.1] [--port 8080]
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith("--")) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const root = resolve(args.dir ?? "dist");
const host = args.host ?? "127.0.0.1";
const port = Number(args.port ?? 8080);

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
  const wanted = normalize(join(root, pathname));
  if (wanted !== root && !wanted.startsWith(root + sep)) {
    res.writeHead(403).end("Forbidden");
    return;
  }
  let file = await fileAt(wanted);
  if (!file && !extname(pathname)) file = join(root, "index.html");
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
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : body);
});

server.listen(port, host, () => {
  console.log(`Serving ${root} on http://${host}:${port}/ (Ctrl+C to stop)`);
});
