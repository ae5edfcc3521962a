fn main() {
    console_error_panic_hook::set_once();
    // The texts the loader fetched, in the language it chose.
    meetings_portal::i18n::install_from_loader();
    leptos::mount::mount_to_body(meetings_portal::ui::App);
    // The app is on screen: the loading view of index.html goes (in the same
    // task, so no frame shows both or neither).
    if let Some(loading) = leptos::prelude::document().get_element_by_id("loading") {
        loading.remove();
    }
}
