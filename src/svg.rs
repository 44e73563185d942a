//! A chart as a standalone SVG document: the same [`Scene`] the canvas shows, written as
//! SVG elements, text as text (in [`FONT_FAMILY`], which covers Chinese), with the
//! chart's title as `<title>` and its description as `<desc>` for screen readers and
//! search. Used by `chart.toSvg()` and the command line's static images.
//!
//! Written by hand rather than through plotters' SVG backend: measured on the widget's
//! wasm (`./build.sh package`: wasm-opt, then gzip -9), the backend's `svg_backend`
//! feature cost 16,921 bytes (303,663 → 320,584; gzipped 134,599 → 141,887, +7,288),
//! this writer 3,936 (→ 307,599; gzipped → 136,304, +1,705). It also keeps coordinates
//! fractional and writes the font size the canvas uses (the backend rounds to whole
//! pixels and writes the size / 1.24).

use crate::format::trim_decimals;
use crate::layout::{HAlign, Paint, Scene, VAlign};
use crate::num::clamp;
use crate::render::{Theme, FONT_FAMILY};
use plotters::style::RGBColor;
use std::fmt::Write;

/// The scene as SVG text, `scale` user units per CSS pixel (1 for a document the size of
/// the chart on screen), with `title` and `description` (escaped) right after the
/// opening `<svg>` tag; empty ones are left out.
pub fn to_svg(scene: &Scene, theme: &Theme, scale: f64, title: &str, description: &str) -> String {
    let k = if scale.is_finite() && scale > 0.0 { clamp(scale, 0.25, 8.0) } else { 1.0 };
    // Whole numbers, written as integers: `{}` of an f64 would bring core's float
    // formatting into the wasm.
    let w = clamp((scene.width * k).round(), 1.0, 1e6) as i64;
    let h = clamp((scene.height * k).round(), 1.0, 1e6) as i64;
    let mut out = String::with_capacity(256 + scene.paints.len() * 120);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"{}\">",
        escape(FONT_FAMILY)
    );
    for (tag, text) in [("title", title), ("desc", description)] {
        if !text.trim().is_empty() {
            let _ = writeln!(out, "<{tag}>{}</{tag}>", escape(text));
        }
    }
    let _ = writeln!(out, "<rect width=\"{w}\" height=\"{h}\" fill=\"{}\"/>", hex(theme.background));
    for p in &scene.paints {
        paint(&mut out, p, theme, k);
    }
    out.push_str("</svg>\n");
    out
}

fn paint(out: &mut String, p: &Paint, theme: &Theme, k: f64) {
    let n = |v: f64| num(v * k);
    let _ = match p {
        Paint::Rect { x0, y0, x1, y1, role } => writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
            n(x0.min(*x1)),
            n(y0.min(*y1)),
            n((x1 - x0).abs()),
            n((y1 - y0).abs()),
            hex(theme.color(*role))
        ),
        Paint::Line { x0, y0, x1, y1, role, width, dashed } => writeln!(
            out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"{}/>",
            n(*x0),
            n(*y0),
            n(*x1),
            n(*y1),
            hex(theme.color(*role)),
            n(width.max(1.0 / k)),
            if *dashed { format!(" stroke-dasharray=\"{0} {0}\"", n(4.0)) } else { String::new() }
        ),
        Paint::Text { x, y, text, size, bold, role, h, v } if !text.is_empty() => {
            let anchor = match h {
                HAlign::Left => "start",
                HAlign::Center => "middle",
                HAlign::Right => "end",
            };
            // The canvas's text baselines (top, middle, bottom of the em box) as offsets
            // from y, for CJK fonts' 0.88 em ascent and 0.12 em descent.
            let dy = match v {
                VAlign::Top => "0.88em",
                VAlign::Middle => "0.38em",
                VAlign::Bottom => "-0.12em",
            };
            writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" dy=\"{dy}\" font-size=\"{}\"{}{} fill=\"{}\">{}</text>",
                n(*x),
                n(*y),
                n(*size),
                if *bold { " font-weight=\"bold\"" } else { "" },
                if *h == HAlign::Left { String::new() } else { format!(" text-anchor=\"{anchor}\"") },
                hex(theme.color(*role)),
                escape(text)
            )
        }
        Paint::Text { .. } => Ok(()),
    };
}

/// A coordinate with at most two decimals, no trailing zeros (as `{:.2}` writes it,
/// trimmed, without core's float formatting).
fn num(v: f64) -> String {
    trim_decimals(if v.is_finite() { clamp(v, -1e7, 1e7) } else { 0.0 }, 2)
}

/// `#rrggbb`.
fn hex(c: RGBColor) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(7);
    s.push('#');
    for b in [c.0, c.1, c.2] {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

/// Text made safe inside an XML element or attribute, with the characters XML 1.0
/// forbids left out.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_colours_as_core_formats_them() {
        for v in [0.0f64, -0.0, 0.004, -0.004, 0.005, 0.015, 1.5, 12.345, 799.999, -3.1, 1e7, -1e7] {
            let core = format!("{:.2}", v);
            let core = core.trim_end_matches('0').trim_end_matches('.');
            assert_eq!(num(v), if core == "-0" { "0" } else { core }, "{v}");
        }
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(2e7), "10000000");
        assert_eq!(num(-1e9), "-10000000");
        assert_eq!(hex(RGBColor(0, 0x0f, 0xa0)), "#000fa0");
        assert_eq!(hex(RGBColor(255, 16, 1)), format!("#{:02x}{:02x}{:02x}", 255, 16, 1));
    }
}
