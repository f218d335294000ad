//! Search behaviour on the shipped corpus.
