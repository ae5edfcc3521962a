use wasm_bindgen::prelude::wasm_bindgen;

#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console)]
    fn error(message: &str);
}

fn main() {
    // A panic says where and why in the console; the trap that follows
    // (panic = "abort") carries the wasm stack.
    std::panic::set_hook(Box::new(|info| error(&info.to_string())));
    // The texts the loader fetched, in the language it chose.
    meetings_portal::i18n::install_from_loader();
    leptos::mount::mount_to_body(meetings_portal::ui::App);
    // The app is on screen: the loading view of index.html goes (in the same
    // task, so no frame shows both or neither).
    if let Some(loading) = leptos::prelude::document().get_element_by_id("loading") {
        loading.remove();
    }
}
