//! The browser around the views: loading files through workers, storage, sharing, the small-city table, the sample corpus and the warm-up.

pub mod gazetteer;
pub mod loading;
pub mod sample;
pub mod sharing;
pub mod storage;
pub mod warm_up;
pub mod worker;
