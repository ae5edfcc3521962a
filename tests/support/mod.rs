//! What the wasm-bindgen test files share.

/// Installs both languages' texts, as the loader hands the chosen one over
/// (the build script's `$OUT_DIR/<lang>.json`, the arrays the release ships).
pub fn install_texts() {
    use meetings_portal::i18n::{install, Locale};
    let files = [
        (
            Locale::en,
            include_str!(concat!(env!("OUT_DIR"), "/en.json")),
        ),
        (
            Locale::sv,
            include_str!(concat!(env!("OUT_DIR"), "/sv.json")),
        ),
    ];
    for (locale, json) in files {
        let texts: Vec<String> = serde_json::from_str(json).unwrap();
        install(locale, texts);
    }
}
