//! The extractor on arbitrary text (bytes read as UTF-8, lossily). It promises never to
//! panic and to return either `NoIndicators` or a dataset that validates: an
//! `ExtractError::Invalid` is a bug in the extractor, so it fails the run too. A dataset
//! it returns must load again from its own JSON.
#![no_main]

use indicator_chart::extract::{extract, ExtractError, ExtractOptions};
use indicator_chart::model::Dataset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for mark_repeats in [true, false] {
        let opts = ExtractOptions { mark_repeats, ..ExtractOptions::default() };
        match extract(&text, &opts) {
            Ok(ds) => {
                let json = serde_json::to_string(&ds).expect("an extracted dataset serializes");
                if let Err(e) = Dataset::from_json(&json) {
                    panic!("the extracted dataset does not load from its own JSON: {e}");
                }
            }
            Err(ExtractError::Invalid(e)) => panic!("the extractor produced an invalid dataset: {e}"),
            Err(_) => {} // NoIndicators
        }
    }
});
