//! Tooling beside the pipeline, not part of it: the evaluation boundary (gold in, scorer lines out) and generated benchmark text.

pub mod duplicates_eval;
pub mod eval;
pub mod extent;
pub mod hostile;
pub mod offsets;
pub mod perceptron;
pub mod synthetic;
pub mod train;
pub mod train_names;
