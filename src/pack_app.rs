//! The pack explorer's entry point (pack/index.html): a pack hosted as static files, explored piece by piece, without the analysis app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(dossier::ui::PackApp);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dossier-pack-web is the browser's pack explorer: build it with `make build`; the native tool is `dossier`.");
    std::process::exit(2);
}
