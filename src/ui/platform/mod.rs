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
pub mod warm_up;
pub mod worker;
