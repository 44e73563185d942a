//! Painting scenes with `render::paint` / `render::paint_highlight` onto plotters'
//! SVG backend (text, bars, lines, themes, highlight) and bitmap backend (pixels at
//! 1× and 2×).
//!
//! The bitmap tests paint scenes without their text: this crate builds plotters
//! without a font feature, and plotters' fallback font panics when asked to draw text
//! on a bitmap ("The font implementation is unable to draw text"). SVG text needs no
//! font and is checked here instead.

use indicator_chart::format::Locale;
use indicator_chart::layout::{self, ApproxMeasure, Frame, Paint, Role, Scene};
use indicator_chart::model::Dataset;
use indicator_chart::render::{self, Theme};
use indicator_chart::view::{self, ChartSpec, ViewKind, ViewOptions};
use plotters::prelude::*;
use plotters::style::RGBColor;

const REPORT_JSON: &str = include_str!("../www/data/report-2022.json");

fn report() -> Dataset {
    Dataset::from_json(REPORT_JSON).unwrap_or_else(|e| panic!("shipped dataset must load: {e}"))
}

/// The report's year-on-year changes alone: a headline of decreases only, in one group
/// (the full report's headline adds a group for its one other change, 通行效率 +15%).
fn yoy_report() -> Dataset {
    let mut raw = report().into_raw();
    raw.indicators.retain(|i| i.kind == indicator_chart::model::Kind::YoyChange);
    raw.validated().unwrap_or_else(|e| panic!("the yoy changes alone must be valid: {e}"))
}

fn build(ds: &Dataset, kind: ViewKind, locale: Locale) -> ChartSpec {
    view::build(ds, &ViewOptions { kind, ..ViewOptions::default() }, locale).unwrap_or_else(|e| panic!("{kind:?}: {e}"))
}

fn lay(spec: &ChartSpec, width: f64, dpr: f64, locale: Locale) -> Scene {
    layout::layout(spec, Frame { width, height: None, dpr }, locale, &ApproxMeasure)
}

/// Device size of a scene, as the web shell computes it.
fn device_size(scene: &Scene, dpr: f64) -> (u32, u32) {
    ((scene.width * dpr).round().max(1.0) as u32, (scene.height * dpr).round().max(1.0) as u32)
}

/// Same rounding as `render` (CSS px → device px).
fn px(v: f64, dpr: f64) -> i32 {
    (v * dpr).round() as i32
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

fn svg_of(scene: &Scene, theme: &Theme, dpr: f64, highlight: Option<usize>) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, device_size(scene, dpr)).into_drawing_area();
        render::paint(&root, scene, theme, dpr).unwrap_or_else(|e| panic!("paint to SVG failed: {e:?}"));
        if let Some(h) = highlight {
            render::paint_highlight(&root, scene, h, theme, dpr)
                .unwrap_or_else(|e| panic!("paint_highlight to SVG failed: {e:?}"));
        }
        root.present().unwrap();
    }
    out
}

/// One SVG element: tag name, attributes, and (for <text>) its content, unescaped.
#[derive(Debug, Clone)]
struct El {
    tag: String,
    attrs: Vec<(String, String)>,
    text: Option<String>,
}

impl El {
    fn get(&self, k: &str) -> Option<&str> {
        self.attrs.iter().find(|(a, _)| a == k).map(|(_, v)| v.as_str())
    }
    fn num(&self, k: &str) -> i64 {
        self.get(k)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or_else(|| panic!("<{}> has no numeric {k}: {:?}", self.tag, self.attrs)) as i64
    }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// A small parser for the flat SVG plotters writes: `<tag k="v" …/>` and
/// `<text …>\ncontent\n</text>`.
fn parse_svg(svg: &str) -> Vec<El> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        if rest.starts_with('/') || rest.starts_with('?') || rest.starts_with('!') {
            continue;
        }
        let end = rest.find('>').expect("an unterminated tag");
        let inside = rest[..end].trim_end_matches('/');
        let (tag, mut a) = inside.split_once(' ').unwrap_or((inside, ""));
        let mut attrs = Vec::new();
        loop {
            a = a.trim_start();
            let Some(eq) = a.find("=\"") else { break };
            let key = a[..eq].to_string();
            let after = &a[eq + 2..];
            let close = after.find('"').expect("an unterminated attribute");
            attrs.push((key, unescape(&after[..close])));
            a = &after[close + 1..];
        }
        rest = &rest[end + 1..];
        let text = if tag == "text" {
            let close = rest.find("</text>").expect("an unterminated <text>");
            let body = &rest[..close];
            let body = body.strip_prefix('\n').unwrap_or(body);
            let body = body.strip_suffix('\n').unwrap_or(body);
            Some(unescape(body))
        } else {
            None
        };
        out.push(El { tag: tag.to_string(), attrs, text });
    }
    out
}

fn bar_colours(theme: &Theme) -> Vec<String> {
    let mut v: Vec<String> =
        [theme.decrease, theme.increase, theme.neutral, theme.money, theme.over].iter().map(|c| hex(*c)).collect();
    v.sort();
    v.dedup();
    v
}

/// Filled, opaque rects in one of the theme's bar colours.
fn svg_bar_rects<'a>(els: &'a [El], theme: &Theme) -> Vec<&'a El> {
    let colours = bar_colours(theme);
    els.iter()
        .filter(|e| e.tag == "rect" && e.get("stroke") == Some("none") && e.get("opacity") == Some("1"))
        .filter(|e| e.get("fill").is_some_and(|f| colours.iter().any(|c| c == f)))
        .collect()
}

fn text_paints(scene: &Scene) -> Vec<&str> {
    scene
        .paints
        .iter()
        .filter_map(|p| match p {
            Paint::Text { text, .. } if !text.is_empty() => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

/// The label Text paint of each shown row: inside the row's band, equal to the label or
/// to a prefix of it followed by "…".
fn row_label_paints<'a>(spec: &ChartSpec, scene: &'a Scene) -> Vec<(String, &'a str)> {
    let rows: Vec<_> = spec.rows().collect();
    let mut out = Vec::new();
    for h in (0..scene.hit_count()).filter_map(|i| scene.hit(i)) {
        let label = &rows[h.row].label;
        let found = scene.paints.iter().find_map(|p| match p {
            Paint::Text { text, y, role: Role::Text, .. }
                if *y >= h.y0 - 0.01
                    && *y <= h.y1 + 0.01
                    && !text.is_empty()
                    && (text == label || text.strip_suffix('…').is_some_and(|t| label.starts_with(t))) =>
            {
                Some(text.as_str())
            }
            _ => None,
        });
        let found = found.unwrap_or_else(|| {
            panic!("{:?}: row {} ({label:?}) has no label text in its band {}..{}", spec.view, h.row, h.y0, h.y1)
        });
        out.push((label.clone(), found));
    }
    out
}

#[test]
fn every_view_renders_to_svg_with_its_text_and_bars() {
    let ds = report();
    let theme = Theme::LIGHT;
    for kind in ViewKind::ALL {
        for locale in [Locale::Zh, Locale::En] {
            for (width, dpr) in [(800.0, 1.0), (800.0, 2.0), (360.0, 3.0)] {
                let name = format!("{kind:?} {locale:?} w={width} dpr={dpr}");
                let spec = build(&ds, kind, locale);
                let scene = lay(&spec, width, dpr, locale);
                let svg = svg_of(&scene, &theme, dpr, None);
                let els = parse_svg(&svg);
                let (w, h) = device_size(&scene, dpr);
                let root = els.iter().find(|e| e.tag == "svg").unwrap_or_else(|| panic!("{name}: no <svg> element"));
                assert_eq!(root.get("width"), Some(w.to_string().as_str()), "{name}: svg width");
                assert_eq!(root.get("height"), Some(h.to_string().as_str()), "{name}: svg height");

                // Every text paint appears as a <text>, and nothing else does.
                let svg_texts: Vec<String> = els.iter().filter_map(|e| e.text.clone()).collect();
                let mut want: Vec<&str> = text_paints(&scene);
                let mut got: Vec<&str> = svg_texts.iter().map(|s| s.as_str()).collect();
                want.sort();
                got.sort();
                assert_eq!(got, want, "{name}: the SVG's <text> elements differ from the scene's text paints");

                // The title (cut to fit) and every row's label as laid out.
                let title = match &scene.paints[0] {
                    Paint::Text { text, bold: true, .. } => text.clone(),
                    other => panic!("{name}: the first paint should be the title, got {other:?}"),
                };
                assert!(
                    spec.title.starts_with(title.trim_end_matches('…')),
                    "{name}: title paint {title:?} vs spec title {:?}",
                    spec.title
                );
                assert!(svg_texts.contains(&title), "{name}: the SVG lacks the title {title:?}");
                for (label, drawn) in row_label_paints(&spec, &scene) {
                    assert!(
                        svg_texts.iter().any(|t| t == drawn),
                        "{name}: the SVG lacks the label of {label:?} (drawn as {drawn:?})"
                    );
                }

                // Bars: as many filled bar-coloured rects as bar paints, at the right place.
                let bar_paints: Vec<(i32, i32, i32, i32, String)> = scene
                    .paints
                    .iter()
                    .filter_map(|p| match p {
                        Paint::Rect { x0, y0, x1, y1, role: role @ (Role::Bar(_) | Role::Over) } => {
                            Some((px(*x0, dpr), px(*y0, dpr), px(*x1, dpr), px(*y1, dpr), hex(theme.color(*role))))
                        }
                        _ => None,
                    })
                    .collect();
                let bar_role_paints =
                    scene.paints.iter().filter(|p| matches!(p, Paint::Rect { role: Role::Bar(_), .. })).count();
                assert_eq!(bar_role_paints, scene.bar_count(), "{name}: Bar rect paints vs scene.bar_count()");
                let rects = svg_bar_rects(&els, &theme);
                assert_eq!(
                    rects.len(),
                    bar_paints.len(),
                    "{name}: bar-coloured <rect>s vs bar (and over-100%) paints; bar_count = {}",
                    scene.bar_count()
                );
                let mut svg_bars: Vec<(i32, i32, i32, i32, String)> = rects
                    .iter()
                    .map(|e| {
                        let (x, y) = (e.num("x") as i32, e.num("y") as i32);
                        (
                            x,
                            y,
                            x + e.num("width") as i32,
                            y + e.num("height") as i32,
                            e.get("fill").unwrap().to_string(),
                        )
                    })
                    .collect();
                let mut want_bars = bar_paints.clone();
                svg_bars.sort();
                want_bars.sort();
                assert_eq!(svg_bars, want_bars, "{name}: bar rects (x0, y0, x1, y1, fill) in the SVG vs the scene");

                // Background first, in the theme's colour, over the whole canvas.
                let bg = els.iter().find(|e| e.tag == "rect").unwrap();
                assert_eq!(bg.get("fill"), Some(hex(theme.background).as_str()), "{name}: background colour");
                assert_eq!((bg.num("x"), bg.num("y")), (0, 0), "{name}: background origin");
            }
        }
    }
}

fn zero_line_paint(scene: &Scene) -> (f64, f64, f64) {
    let z: Vec<_> = scene
        .paints
        .iter()
        .filter_map(|p| match p {
            Paint::Line { x0, y0, y1, role: Role::Zero, .. } => Some((*x0, *y0, *y1)),
            _ => None,
        })
        .collect();
    assert_eq!(z.len(), 1, "one zero line in the scene, got {z:?}");
    z[0]
}

#[test]
fn headline_svg_has_the_zero_line() {
    let ds = yoy_report();
    for dpr in [1.0, 2.0] {
        for theme in [Theme::LIGHT, Theme::DARK] {
            let spec = build(&ds, ViewKind::Headline, Locale::Zh);
            let scene = lay(&spec, 800.0, dpr, Locale::Zh);
            let (x, y0, y1) = zero_line_paint(&scene);
            let els = parse_svg(&svg_of(&scene, &theme, dpr, None));
            let points = format!("{},{} {},{} ", px(x, dpr), px(y0, dpr), px(x, dpr), px(y1, dpr));
            let zero: Vec<_> = els
                .iter()
                .filter(|e| e.tag == "polyline" && e.get("stroke") == Some(hex(theme.zero).as_str()))
                .collect();
            assert_eq!(
                zero.len(),
                1,
                "dpr {dpr}, dark {}: one polyline in the zero colour {}, got {zero:?}",
                theme.dark,
                hex(theme.zero)
            );
            assert_eq!(zero[0].get("points"), Some(points.as_str()), "dpr {dpr}: zero line position");
            assert_eq!(
                zero[0].get("stroke-width"),
                Some(((1.0 * dpr) as u32).to_string().as_str()),
                "dpr {dpr}: zero line width scales"
            );
            // Every bar of a decrease ends at the zero line.
            for e in svg_bar_rects(&els, &theme) {
                assert_eq!(
                    e.num("x") + e.num("width"),
                    px(x, dpr) as i64,
                    "dpr {dpr}: a bar does not end at the zero line: {:?}",
                    e.attrs
                );
            }
        }
    }
}

#[test]
fn rates_svg_has_a_dashed_reference_line() {
    let ds = report();
    let theme = Theme::LIGHT;
    for dpr in [1.0, 2.0] {
        let spec = build(&ds, ViewKind::Rates, Locale::Zh);
        let scene = lay(&spec, 800.0, dpr, Locale::Zh);
        let (rx, ry0, ry1) = scene
            .paints
            .iter()
            .find_map(|p| match p {
                Paint::Line { x0, y0, y1, role: Role::Reference, dashed: true, .. } => Some((*x0, *y0, *y1)),
                _ => None,
            })
            .expect("rates: a dashed reference line in the scene");
        let els = parse_svg(&svg_of(&scene, &theme, dpr, None));
        let dashes: Vec<_> = els
            .iter()
            .filter(|e| e.tag == "polyline" && e.get("stroke") == Some(hex(theme.reference).as_str()))
            .collect();
        let expected = ((ry1 - ry0) / 8.0).floor() as usize; // 4 CSS px on, 4 off
        assert!(
            dashes.len() >= expected.max(2),
            "dpr {dpr}: a dashed line of {} px should be about {expected} dashes, got {}",
            ry1 - ry0,
            dashes.len()
        );
        // Dashes are 4 CSS px long at any dpr (all but the last).
        for d in &dashes[..dashes.len() - 1] {
            let ys: Vec<i32> = d
                .get("points")
                .unwrap()
                .split_whitespace()
                .map(|p| p.split_once(',').unwrap().1.parse().unwrap())
                .collect();
            assert_eq!(
                (ys[ys.len() - 1] - ys[0]).abs(),
                px(4.0, dpr),
                "dpr {dpr}: dash length in device px: {:?}",
                d.get("points")
            );
        }
        for d in &dashes {
            for pt in d.get("points").unwrap().split_whitespace() {
                let (x, y) = pt.split_once(',').unwrap();
                assert_eq!(x.parse::<i32>().unwrap(), px(rx, dpr), "dpr {dpr}: a dash off the 100% line: {pt}");
                let y: i32 = y.parse().unwrap();
                assert!(y >= px(ry0, dpr) && y <= px(ry1, dpr), "dpr {dpr}: a dash beyond the line's ends: {pt}");
            }
        }
        assert_eq!(
            dashes[0].get("stroke-width"),
            Some(((1.5 * dpr).round() as u32).to_string().as_str()),
            "dpr {dpr}: reference width"
        );
        // The over-100% part is drawn in the over colour, starting at the line.
        let over = scene.paints.iter().find_map(|p| match p {
            Paint::Rect { x0, y0, role: Role::Over, .. } => Some((px(*x0, dpr), px(*y0, dpr))),
            _ => None,
        });
        let (ox, oy) = over.expect("rates: an Over rect for 111%");
        assert!(
            els.iter().any(|e| e.tag == "rect"
                && e.get("fill") == Some(hex(theme.over).as_str())
                && e.num("x") == ox as i64
                && e.num("y") == oy as i64),
            "dpr {dpr}: no over-colour rect at ({ox}, {oy})"
        );
    }
}

#[test]
fn dark_theme_uses_the_dark_background() {
    let ds = report();
    for kind in ViewKind::ALL {
        let spec = build(&ds, kind, Locale::Zh);
        let scene = lay(&spec, 800.0, 1.0, Locale::Zh);
        let els = parse_svg(&svg_of(&scene, &Theme::DARK, 1.0, None));
        let (w, h) = device_size(&scene, 1.0);
        let bg = els.iter().find(|e| e.tag == "rect").unwrap_or_else(|| panic!("{kind:?}: no rect"));
        assert_eq!(bg.get("fill"), Some(hex(Theme::DARK.background).as_str()), "{kind:?}: dark background colour");
        assert_eq!(
            (bg.num("width"), bg.num("height")),
            (w as i64, h as i64),
            "{kind:?}: the background covers the canvas"
        );
        assert!(
            !els.iter().any(|e| e.get("fill") == Some(hex(Theme::LIGHT.background).as_str())),
            "{kind:?}: a light-theme background fill in the dark SVG"
        );
        for e in els.iter().filter(|e| e.tag == "text") {
            let f = e.get("fill").unwrap();
            assert!(
                f == hex(Theme::DARK.text) || f == hex(Theme::DARK.muted),
                "{kind:?}: text {:?} in {f}, not the dark theme's text colours",
                e.text
            );
        }
        assert_eq!(
            svg_bar_rects(&els, &Theme::DARK).len(),
            svg_bar_rects(&parse_svg(&svg_of(&scene, &Theme::LIGHT, 1.0, None)), &Theme::LIGHT).len(),
            "{kind:?}: same bars in both themes"
        );
    }
}

#[test]
fn highlight_adds_a_band_and_an_outline() {
    let ds = report();
    for dpr in [1.0, 2.0] {
        for theme in [Theme::LIGHT, Theme::DARK] {
            let spec = build(&ds, ViewKind::Headline, Locale::Zh);
            let scene = lay(&spec, 800.0, dpr, Locale::Zh);
            let plain = parse_svg(&svg_of(&scene, &theme, dpr, None));
            for hit in [0, 3, scene.hit_count() - 1] {
                let name = format!("dpr {dpr} dark {} hit {hit}", theme.dark);
                let lit = parse_svg(&svg_of(&scene, &theme, dpr, Some(hit)));
                assert_eq!(lit.len(), plain.len() + 2, "{name}: the highlight adds a band and an outline");
                let added = &lit[plain.len()..];
                let h = scene.hit(hit).unwrap();
                let band = &added[0];
                assert_eq!(band.tag, "rect", "{name}: band");
                assert_eq!(band.get("fill"), Some(hex(theme.text).as_str()), "{name}: band colour");
                let op: f64 = band.get("opacity").unwrap().parse().unwrap();
                assert!(op > 0.0 && op <= 0.15, "{name}: the band is faint, opacity {op}");
                assert_eq!(
                    (band.num("y"), band.num("y") + band.num("height")),
                    (px(h.y0, dpr) as i64, px(h.y1, dpr) as i64),
                    "{name}: band spans the row"
                );
                assert_eq!(
                    (band.num("x"), band.num("width")),
                    (0, px(scene.width, dpr) as i64),
                    "{name}: band spans the width"
                );
                let outline = &added[1];
                assert_eq!(outline.tag, "rect", "{name}: outline");
                assert_eq!(outline.get("fill"), Some("none"), "{name}: the outline is not filled");
                assert_eq!(outline.get("stroke"), Some(hex(theme.text).as_str()), "{name}: outline colour");
                let [x0, y0, x1, y1] = h.bar.unwrap();
                let (ox0, oy0) = (outline.num("x"), outline.num("y"));
                let (ox1, oy1) = (ox0 + outline.num("width"), oy0 + outline.num("height"));
                assert_eq!(
                    (ox0, oy0, ox1, oy1),
                    (
                        px(x0 - 1.0, dpr) as i64,
                        px(y0 - 1.0, dpr) as i64,
                        px(x1 + 1.0, dpr) as i64,
                        px(y1 + 1.0, dpr) as i64
                    ),
                    "{name}: the outline surrounds the bar by 1 px"
                );
            }
            // A hit that does not exist paints nothing.
            let none = parse_svg(&svg_of(&scene, &theme, dpr, Some(scene.hit_count() + 5)));
            assert_eq!(none.len(), plain.len(), "dpr {dpr}: highlighting a missing hit adds nothing");
        }
    }
}

#[test]
fn highlight_of_a_rank_row_marks_it_without_a_bar() {
    let ds = report();
    let spec = view::build(
        &ds,
        &ViewOptions { kind: ViewKind::Section, section: Some("s3-1".into()), ..ViewOptions::default() },
        Locale::Zh,
    )
    .unwrap();
    let scene = lay(&spec, 800.0, 1.0, Locale::Zh);
    let i =
        (0..scene.hit_count()).find(|&i| scene.hit(i).unwrap().bar.is_none()).expect("s3-1 has rank rows without bars");
    let plain = parse_svg(&svg_of(&scene, &Theme::LIGHT, 1.0, None));
    let lit = parse_svg(&svg_of(&scene, &Theme::LIGHT, 1.0, Some(i)));
    assert_eq!(lit.len(), plain.len() + 2, "band and marker");
    let marker = &lit[plain.len() + 1];
    assert_eq!(marker.get("fill"), Some(hex(Theme::LIGHT.text).as_str()), "the marker is a filled text-colour rect");
    let h = scene.hit(i).unwrap();
    assert!(
        marker.num("y") >= h.y0 as i64 - 1 && marker.num("y") + marker.num("height") <= h.y1.ceil() as i64 + 1,
        "the marker sits on its row"
    );
}

/// The scene without its text (see the module note on bitmap text).
fn without_text(scene: &Scene) -> Scene {
    Scene {
        paints: scene.paints.iter().filter(|p| !matches!(p, Paint::Text { .. })).cloned().collect(),
        ..scene.clone()
    }
}

fn bitmap_of(scene: &Scene, theme: &Theme, dpr: f64) -> (Vec<u8>, u32, u32) {
    let (w, h) = device_size(scene, dpr);
    let mut buf = vec![0u8; (w * h * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
        render::paint(&root, scene, theme, dpr).unwrap_or_else(|e| panic!("paint to a bitmap failed: {e:?}"));
        root.present().unwrap();
    }
    (buf, w, h)
}

fn pixel(buf: &[u8], w: u32, x: i32, y: i32) -> (u8, u8, u8) {
    let i = ((y as u32 * w + x as u32) * 3) as usize;
    (buf[i], buf[i + 1], buf[i + 2])
}

fn rgb(c: RGBColor) -> (u8, u8, u8) {
    (c.0, c.1, c.2)
}

#[test]
fn bitmap_pixels_at_1x_and_2x() {
    let ds = yoy_report();
    let mut bar_widths: Vec<(f64, i32)> = Vec::new();
    for theme in [Theme::LIGHT, Theme::DARK] {
        for dpr in [1.0, 2.0] {
            let name = format!("headline bitmap dpr {dpr} dark {}", theme.dark);
            let spec = build(&ds, ViewKind::Headline, Locale::Zh);
            let scene = without_text(&lay(&spec, 800.0, dpr, Locale::Zh));
            let (buf, w, h) = bitmap_of(&scene, &theme, dpr);
            assert_eq!(w, (800.0 * dpr) as u32, "{name}: bitmap width scales with dpr");
            assert_eq!(h, (scene.height * dpr).round() as u32, "{name}: bitmap height scales with dpr");
            assert_eq!(pixel(&buf, w, 1, 1), rgb(theme.background), "{name}: background pixel at (1, 1)");
            assert_eq!(
                pixel(&buf, w, w as i32 - 2, h as i32 - 2),
                rgb(theme.background),
                "{name}: background pixel at the bottom right"
            );
            for i in 0..scene.hit_count() {
                let hit = scene.hit(i).unwrap();
                let [x0, y0, x1, y1] = hit.bar.unwrap();
                let (cx, cy) = (px((x0 + x1) / 2.0, dpr), px((y0 + y1) / 2.0, dpr));
                assert_eq!(
                    pixel(&buf, w, cx, cy),
                    rgb(theme.decrease),
                    "{name}: the centre ({cx}, {cy}) of bar {i} should be the decrease colour"
                );
                // Just outside the bar, above it: background (or a grid line).
                let above = pixel(&buf, w, cx, px(y0, dpr) - 2);
                assert!(above == rgb(theme.background) || above == rgb(theme.grid), "{name}: above bar {i}: {above:?}");
            }
            // The longest bar's length in device pixels scales with dpr.
            let hit = (0..scene.hit_count()).map(|i| scene.hit(i).unwrap()).max_by(|a, b| {
                let la = a.bar.unwrap()[2] - a.bar.unwrap()[0];
                let lb = b.bar.unwrap()[2] - b.bar.unwrap()[0];
                la.total_cmp(&lb)
            });
            let [x0, y0, x1, y1] = hit.unwrap().bar.unwrap();
            let row = px((y0 + y1) / 2.0, dpr);
            let run = (0..w as i32).filter(|&x| pixel(&buf, w, x, row) == rgb(theme.decrease)).count() as i32;
            let expected = px(x1, dpr) - px(x0, dpr);
            assert!((run - expected).abs() <= 1, "{name}: the longest bar is {run} device px, expected {expected}");
            if !theme.dark {
                bar_widths.push((dpr, run));
            }
        }
    }
    let (one, two) = (bar_widths[0].1, bar_widths[1].1);
    assert!((two - 2 * one).abs() <= 2, "the longest bar should be twice as long in device px at 2×: {one} vs {two}");
}

#[test]
fn bitmap_of_every_view_without_text_paints_without_error() {
    let ds = report();
    for kind in ViewKind::ALL {
        for dpr in [1.0, 2.0] {
            let spec = build(&ds, kind, Locale::En);
            let scene = without_text(&lay(&spec, 360.0, dpr, Locale::En));
            let (buf, w, _) = bitmap_of(&scene, &Theme::LIGHT, dpr);
            for i in 0..scene.hit_count() {
                let hit = scene.hit(i).unwrap();
                if let Some([x0, y0, x1, y1]) = hit.bar {
                    if px(x1, dpr) - px(x0, dpr) < 2 {
                        continue;
                    }
                    let (cx, cy) = (px((x0 + x1) / 2.0, dpr), px((y0 + y1) / 2.0, dpr));
                    let c = pixel(&buf, w, cx, cy);
                    let allowed: Vec<(u8, u8, u8)> = [
                        Theme::LIGHT.decrease,
                        Theme::LIGHT.increase,
                        Theme::LIGHT.neutral,
                        Theme::LIGHT.money,
                        Theme::LIGHT.over,
                    ]
                    .iter()
                    .map(|c| rgb(*c))
                    .collect();
                    assert!(
                        allowed.contains(&c),
                        "{kind:?} dpr {dpr}: the centre of bar {i} is {c:?}, not a bar colour"
                    );
                }
            }
        }
    }
}

#[test]
fn thousands_of_rows_render_and_highlight_visibly() {
    use indicator_chart::model::{Indicator, Kind, RawDataset, Section, Source};
    let indicators: Vec<Indicator> = (0..3000)
        .map(|k| Indicator {
            id: format!("i{k}"),
            section: "intro".into(),
            label: format!("指标{k}"),
            label_en: String::new(),
            value: ((k * 7919) % 1000) as f64 + 1.0,
            unit: "起".into(),
            kind: Kind::Count,
            approx: false,
            quote: "q".into(),
            span: None,
            repeat_of: None,
            of: None,
        })
        .collect();
    let ds = RawDataset {
        title: "many".into(),
        source: Source { title: "s".into(), year: 2022, text: String::new() },
        sections: vec![Section { id: "intro".into(), title: "总述".into(), title_en: String::new(), parent: None }],
        indicators,
    }
    .validated()
    .unwrap();
    let spec = build(&ds, ViewKind::Section, Locale::Zh);
    for dpr in [1.0, 2.0] {
        let scene = lay(&spec, 800.0, dpr, Locale::Zh);
        let (w, h) = device_size(&scene, dpr);
        assert!(h <= 32_767, "dpr {dpr}: a {w}×{h} canvas is taller than browsers allow");
        let plain = parse_svg(&svg_of(&scene, &Theme::LIGHT, dpr, None));
        let mid = scene.hit_count() / 2;
        assert!(scene.hit(mid).is_some(), "dpr {dpr}: hit {mid} of {}", scene.hit_count());
        let lit = parse_svg(&svg_of(&scene, &Theme::LIGHT, dpr, Some(mid)));
        assert_eq!(lit.len(), plain.len() + 2, "dpr {dpr}: the highlight adds a band and an outline");
        let band = &lit[plain.len()];
        assert!(
            band.num("height") >= 2,
            "dpr {dpr}: the highlight band of a thin row must stay visible, it is {} device px",
            band.num("height")
        );
    }
}

/// Windows high contrast: the chart uses only the reader's system colours, text stays
/// CanvasText, and increases and decreases still differ.
#[test]
fn forced_colours_use_only_the_system_colours() {
    use indicator_chart::render::SystemColors;
    let black = SystemColors {
        canvas: RGBColor(0, 0, 0),
        canvas_text: RGBColor(255, 255, 255),
        highlight: RGBColor(26, 235, 255),
        gray_text: RGBColor(63, 242, 63),
    };
    let t = Theme::forced(black);
    let system = [black.canvas, black.canvas_text, black.highlight, black.gray_text];
    for (name, c) in [
        ("background", t.background),
        ("text", t.text),
        ("muted", t.muted),
        ("grid", t.grid),
        ("zero", t.zero),
        ("reference", t.reference),
        ("decrease", t.decrease),
        ("increase", t.increase),
        ("neutral", t.neutral),
        ("money", t.money),
        ("over", t.over),
    ] {
        assert!(system.contains(&c), "{name} is {c:?}, not a system colour");
    }
    assert!(t.dark, "a black Canvas is a dark theme");
    assert_eq!((t.background, t.text, t.muted), (black.canvas, black.canvas_text, black.canvas_text));
    assert_ne!(t.decrease, t.increase, "decreases and increases differ without hue");
    let white = SystemColors { canvas: RGBColor(255, 255, 255), canvas_text: RGBColor(0, 0, 0), ..black };
    assert!(!Theme::forced(white).dark, "a white Canvas is a light theme");
}
