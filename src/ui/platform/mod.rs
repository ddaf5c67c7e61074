//! The browser around the views: loading files through workers (dropped folders walked), keeping the corpus across reloads (and its storage), sharing, the small-city table, the sample corpus, the warm-up, and whether flags can be drawn.

pub mod flags;
pub mod folders;
pub mod gazetteer;
pub mod keeping;
pub mod loading;
pub mod packs;
pub mod sample;
pub mod sharing;
pub mod storage;
pub mod tables;
pub mod to_load;
pub mod warm_up;
pub mod worker;

/// Milliseconds on the page's clock (0 outside a page): what slices of work are timed by.
pub(crate) fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
