//! Build script: turns src/locales/{en,sv}.json into the typed `i18n`
//! module (keys checked at compile time by leptos_i18n).

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=scripts/build-i18n.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("i18n");
    // One namespace per area: src/locales/<locale>/<namespace>.json.
    let config = Config::new("en")?
        .add_locale("sv")?
        .add_namespaces(["common", "users", "billing", "pages", "messages", "help"])?
        .locales_path("src/locales")
        .parse_options(ParseOptions::default().interpolate_display(true));
    let translations = TranslationsInfos::parse(config)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations.generate_i18n_module(out)?;
    Ok(())
}
