// The page's one inline script, written by trunk in place of its default
// loader (Trunk.toml: pattern_script; the element carries data-js and
// data-wasm) and allowed by its hash (scripts/finish-html.mjs) and nonce.
// A classic script, so it runs as the head is parsed, before the first paint:
//  1. puts the language the portal will speak on <html lang>, so the loading
//     view shows its text in it: the one chosen before (src/storage.rs,
//     key lmp.locale), else the first of the browser's languages the portal
//     has, else English (leptos_i18n chooses the same way);
//  2. fetches that language's texts (data-en, data-sv: JSON arrays written by
//     scripts/finish-html.mjs) beside the wasm, and hands them over in
//     window.lmpTexts; window.lmpFetchTexts(lang) fetches the other language
//     when the person switches (src/i18n.rs);
//  3. starts the wasm once the app's stylesheets and the texts are in;
//  4. shows the loading view's failure text when the wasm cannot start.
(() => {
  const root = document.documentElement;
  const script = document.currentScript;
  const languages = ["en", "sv"];
  let chosen = null;
  try {
    chosen = JSON.parse(localStorage.getItem("lmp.locale"));
  } catch {
    // Storage turned off or unreadable: the browser's language decides.
  }
  if (!languages.includes(chosen)) {
    const wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    chosen = wanted.map((tag) => String(tag).toLowerCase().split("-")[0]).find((l) => languages.includes(l)) ?? "en";
  }
  root.lang = chosen;

  const failed = (error) => {
    root.classList.add("loading-failed");
    if (error) console.error("The portal could not start:", error);
  };
  if (typeof WebAssembly !== "object") {
    failed(new Error("this browser has no WebAssembly"));
    return;
  }
  const bindings = import(script.dataset.js);
  const fetched = {};
  // A failed fetch is forgotten, so the next switch to that language tries again.
  const fetchTexts = (lang) =>
    (fetched[lang] ??= fetch(script.dataset[lang])
      .then((response) =>
        response.ok ? response.json() : Promise.reject(new Error(`${response.status} ${response.url}`)),
      )
      .catch((error) => {
        delete fetched[lang];
        throw error;
      }));
  window.lmpFetchTexts = fetchTexts;
  const texts = fetchTexts(chosen).then((list) => (window.lmpTexts = { lang: chosen, texts: list }));
  const parsed = new Promise((done) => {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", done, { once: true });
    else done();
  });
  // A stylesheet is done when it loaded or failed (refused by its integrity
  // check, say), which may happen before the parser reaches the end: its
  // load and error events are caught here, on the way down, from the start.
  const settled = new Set();
  const waiting = new Map();
  const settle = (event) => {
    settled.add(event.target);
    waiting.get(event.target)?.();
  };
  document.addEventListener("load", settle, true);
  document.addEventListener("error", settle, true);
  const loaded = (link) =>
    settled.has(link) || link.sheet ? null : new Promise((done) => waiting.set(link, done));
  const styled = parsed
    .then(() => Promise.all([...document.querySelectorAll('link[rel="stylesheet"]')].map(loaded)))
    .finally(() => {
      document.removeEventListener("load", settle, true);
      document.removeEventListener("error", settle, true);
      settled.clear();
    });
  Promise.all([bindings, styled, texts])
    .then(([module]) => module.default({ module_or_path: script.dataset.wasm }))
    .then((wasm) => dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } })))
    .catch(failed);
})();
