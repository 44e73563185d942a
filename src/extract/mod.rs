//! The text extractor: Chinese report prose → the dataset schema (see `model`).
