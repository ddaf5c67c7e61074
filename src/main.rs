//! The browser entry point: installs the panic hook and mounts the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(dossier::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dossier-web is the browser app: build it with `make build` or `make serve`; the native tool is `dossier`.");
    std::process::exit(2);
}
