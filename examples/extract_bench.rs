//! Times `extract()` on the 2022 report repeated to 0.25, 0.5 and 1 MB (median of 5
//! runs each) and prints ms and ms/MB, so you can see whether the time grows linearly.
//!
//!     cargo run --release --example extract_bench [REPORT.txt]

use indicator_chart::extract::{extract, ExtractOptions};
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/data/report-2022.txt").to_string());
    let report = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("extract_bench: cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    const MB: usize = 1 << 20;
    let mut big = String::with_capacity(MB + report.len());
    while big.len() < MB {
        big.push_str(&report);
        big.push('\n');
    }
    let opts = ExtractOptions::default();
    println!("report: {} bytes, {} chars; repeated to {} bytes", report.len(), report.chars().count(), big.len());
    println!("{:>8} {:>9} {:>11} {:>10} {:>10}", "size", "bytes", "indicators", "median ms", "ms/MB");
    for frac in [0.25f64, 0.5, 1.0] {
        let target = (MB as f64 * frac) as usize;
        // Cut at a char boundary.
        let mut cut = target.min(big.len());
        while !big.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = &big[..cut];
        let mut times = Vec::new();
        let mut n = 0;
        for _ in 0..5 {
            let t = Instant::now();
            let ds = extract(text, &opts);
            times.push(t.elapsed().as_secs_f64() * 1e3);
            n = ds.map(|d| d.indicators().len()).unwrap_or(0);
        }
        times.sort_by(|a, b| a.total_cmp(b));
        let median = times[2];
        println!(
            "{:>6.2}MB {:>9} {:>11} {:>10.1} {:>10.1}",
            frac,
            text.len(),
            n,
            median,
            median / (text.len() as f64 / MB as f64)
        );
    }
}
