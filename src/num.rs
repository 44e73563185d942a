//! Float helpers that keep core's float formatting and libm's `pow` out of the wasm.
//!
//! `f64::clamp` asserts `min <= max` with a message that formats both bounds with
//! `{:?}`, so one call the optimiser does not inline pulls core's float formatting
//! (about 18 kB of the widget's wasm) into the binary; `f64::powf` pulls libm's `pow`
//! (2 kB). `clippy.toml` disallows both in the crate.

/// `v` limited to `[lo, hi]`, without `f64::clamp`'s panic: `hi` wins when `lo > hi`,
/// and NaN becomes `lo`.
pub fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    v.max(lo).min(hi)
}

/// 10 to the power `e`: exact for 0 ≤ e ≤ 22 (10^22 is the largest power of ten an f64
/// holds exactly) and correctly rounded for -22 ≤ e < 0, as `powf` gives them; within a
/// few units in the last place elsewhere, down to the subnormals (10^-320 is not zero).
pub fn pow10(e: i32) -> f64 {
    if e < -300 {
        pow10(e + 300) * 1e-300
    } else {
        10f64.powi(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamp_limits_and_never_panics() {
        assert_eq!(clamp(5.0, 0.0, 1.0), 1.0);
        assert_eq!(clamp(-5.0, 0.0, 1.0), 0.0);
        assert_eq!(clamp(0.5, 0.0, 1.0), 0.5);
        assert_eq!(clamp(f64::NAN, 0.0, 1.0), 0.0);
        // f64::clamp panics here.
        assert_eq!(clamp(2.0, 3.0, 1.0), 1.0);
    }

    #[test]
    #[allow(clippy::disallowed_methods)]
    fn pow10_agrees_with_powf() {
        for e in -22..=22 {
            assert_eq!(pow10(e), 10f64.powf(e as f64), "10^{e}");
        }
        for e in [-323, -320, -310, -300, -100, -30, 30, 100, 300, 308] {
            let (a, b) = (pow10(e), 10f64.powf(e as f64));
            assert!(a > 0.0 && ((a - b) / b).abs() < 1e-12, "10^{e}: {a:e} against {b:e}");
        }
        assert_eq!(pow10(309), f64::INFINITY);
    }
}
