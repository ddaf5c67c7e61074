//! What the views show, computed without a browser: plain functions over engine values, tested natively.
//!
//! The components call these and only render; nothing here touches the DOM,
//! Leptos or web-sys, so this module builds (and is tested) on every target.
pub mod card;
pub mod entity;
pub mod network;
pub mod pack;
pub mod places;
pub mod schedule;
pub mod timeline;
