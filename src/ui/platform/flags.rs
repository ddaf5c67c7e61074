//! Whether this system draws flag emoji, and a country's mark accordingly: its flag, or its ISO code where flags would show as two letter boxes (Windows, Linux without an emoji font).

use std::cell::OnceCell;

use wasm_bindgen::JsCast;

use crate::engine::explore::places::flag;

thread_local! {
    static DRAWS_FLAGS: OnceCell<bool> = const { OnceCell::new() };
}

/// Measured once per page: a flag is one glyph where the system has flag glyphs,
/// and its two regional-indicator letters side by side where it has not, so its
/// width is about one letter's or about two.
pub fn system_draws_flags() -> bool {
    DRAWS_FLAGS.with(|cell| *cell.get_or_init(measure_flags))
}

fn measure_flags() -> bool {
    let context = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        .and_then(|c| c.get_context("2d").ok().flatten())
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
    let Some(context) = context else {
        // Without a canvas to measure with, the code is the mark that always reads.
        return false;
    };
    context.set_font("32px sans-serif");
    let width = |text: &str| context.measure_text(text).map_or(0.0, |m| m.width());
    let (one_flag, one_letter) = (width(&flag("AZ")), width(&flag("A")));
    one_letter > 0.0 && one_flag < 1.5 * one_letter
}

/// A country's mark before its name: the flag where the system draws flags, else the code ("KZ").
pub fn country_mark(iso: &str) -> String {
    if system_draws_flags() {
        flag(iso)
    } else {
        iso.to_string()
    }
}
