//! `indicators render`: static images on the command line. Runs the built binary: a PNG
//! with ink at width × scale pixels, an SVG that parses with the chart's texts, and every
//! kind of bad input failing with a message that names what is wrong (never a panic).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_indicators");
const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/report-2022.json");

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("indicators-cli-render-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn render(args: &[&str]) -> Output {
    Command::new(BIN).arg("render").args(args).output().unwrap_or_else(|e| panic!("cannot run {BIN}: {e}"))
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Says clearly, once per test, whether a font with Chinese was found (the PNG's text
/// needs one; the command still works without it).
fn note_fonts(o: &Output) {
    let e = stderr(o);
    if e.contains("no system font with Chinese") {
        eprintln!("NOTE: no CJK font found on this system (install fonts-noto-cjk); PNG text is drawn without one");
    }
}

#[test]
fn png_has_ink_and_the_asked_size() {
    let dir = scratch("png");
    for (view, width, scale, locale, theme) in [
        ("headline", "800", "2", "zh", "light"),
        ("rates", "375", "1", "en", "dark"),
        ("overview", "640", "1.5", "zh", "dark"),
    ] {
        let out = dir.join(format!("{view}.png"));
        let o = render(&[
            DATA,
            "--view",
            view,
            "--width",
            width,
            "--scale",
            scale,
            "--locale",
            locale,
            "--theme",
            theme,
            "--format",
            "png",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{view}: exit {:?}, stderr: {}", o.status, stderr(&o));
        note_fonts(&o);
        let bytes = std::fs::read(&out).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{view}: a PNG file");
        let pix = resvg::tiny_skia::Pixmap::decode_png(&bytes).unwrap_or_else(|e| panic!("{view}: PNG decode: {e}"));
        let want_w = (width.parse::<f64>().unwrap() * scale.parse::<f64>().unwrap()).round() as u32;
        assert_eq!(pix.width(), want_w, "{view}: PNG width = width × scale");
        assert!(pix.height() > 100, "{view}: PNG height {}", pix.height());
        let data = pix.data();
        let bg = &data[4..8];
        let ink =
            data.chunks(4).filter(|p| p.iter().zip(bg).map(|(a, b)| (*a as i32 - *b as i32).abs()).sum::<i32>() > 60);
        let ink = ink.count();
        let total = (pix.width() * pix.height()) as usize;
        assert!(ink * 50 > total, "{view}: only {ink} of {total} pixels are inked");
        // The foot (source line) has ink too: the bottom 30 CSS px are not blank.
        let s: f64 = scale.parse().unwrap();
        let foot_rows = (30.0 * s) as usize;
        let row_bytes = pix.width() as usize * 4;
        let foot = &data[data.len() - foot_rows * row_bytes..];
        let foot_ink =
            foot.chunks(4).filter(|p| p.iter().zip(bg).map(|(a, b)| (*a as i32 - *b as i32).abs()).sum::<i32>() > 60);
        assert!(foot_ink.count() > 30, "{view}: no ink in the foot (source line)");
    }
}

#[test]
fn svg_parses_with_the_chart_texts() {
    let dir = scratch("svg");
    let out = dir.join("section.svg");
    let o = render(&[DATA, "--view", "section", "--section", "s2", "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "exit {:?}, stderr: {}", o.status, stderr(&o));
    note_fonts(&o);
    let text = std::fs::read_to_string(&out).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("the SVG does not parse: {e}"));
    assert!(doc.descendants().any(|n| n.has_tag_name("title")), "<title>");
    assert!(doc.descendants().any(|n| n.has_tag_name("desc")), "<desc>");
    let texts: Vec<&str> = doc.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).collect();
    assert!(texts.len() > 10, "texts: {texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("来源：")), "the source line: {texts:?}");
    assert_eq!(doc.root_element().attribute("width"), Some("1600"), "800 px at the default scale 2");
}

#[test]
fn bad_input_fails_with_a_message() {
    let dir = scratch("bad");
    let invalid = dir.join("invalid.json");
    std::fs::write(&invalid, r#"{"title": "x", "source": {"title": "t", "year": 2022, "text": ""}, "sections": [], "indicators": [{"id": "a"}]}"#).unwrap();
    let not_json = dir.join("not.json");
    std::fs::write(&not_json, "hello").unwrap();
    let out = dir.join("x.png");
    let o = out.to_str().unwrap();
    let missing = dir.join("missing.json");
    let unwritable = dir.join("no-such-dir").join("x.png");
    let bmp = dir.join("x.bmp");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec![missing.to_str().unwrap(), "-o", o], "cannot read"),
        (vec![not_json.to_str().unwrap(), "-o", o], "is not a valid dataset"),
        (vec![invalid.to_str().unwrap(), "-o", o], "is not a valid dataset"),
        (vec![DATA, "--view", "pie", "-o", o], "unknown view \"pie\""),
        (vec![DATA, "--view", "section", "--section", "nope", "-o", o], "unknown section \"nope\""),
        (vec![DATA, "--width", "abc", "-o", o], "--width needs a number"),
        (vec![DATA, "--width", "10", "-o", o], "--width needs a number from 200 to 4000"),
        (vec![DATA, "--scale", "0", "-o", o], "--scale needs a number"),
        (vec![DATA, "--scale", "NaN", "-o", o], "--scale needs a number"),
        (vec![DATA, "--locale", "fr", "-o", o], "unknown locale \"fr\""),
        (vec![DATA, "--theme", "blue", "-o", o], "unknown theme \"blue\""),
        (vec![DATA, "--format", "gif", "-o", o], "unknown format \"gif\""),
        (vec![DATA, "-o", bmp.to_str().unwrap()], "no --format given"),
        (vec![DATA], "no output file given"),
        (vec!["-o", o], "no dataset file given"),
        (vec![DATA, "--width"], "--width needs a value"),
        (vec![DATA, "--colour", "red", "-o", o], "unknown option \"--colour\""),
        (vec![DATA, "-o", unwritable.to_str().unwrap()], "cannot write"),
    ];
    for (args, want) in cases {
        let r = render(&args);
        let e = stderr(&r);
        assert!(!r.status.success(), "{args:?} should fail; stderr: {e}");
        assert!(e.contains(want), "{args:?}: the message should say {want:?}, got: {e}");
        assert!(!e.contains("panicked"), "{args:?}: a panic: {e}");
        assert!(e.starts_with("indicators: "), "{args:?}: messages start with the program's name: {e}");
    }
    assert!(!Path::new(&out).exists(), "nothing written on failure");
}
