//! The state the views share: the corpus handle, the view state and its evaluation, and the view state kept in the address.

pub mod explore;
pub mod url_state;
