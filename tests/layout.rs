//! Layout and hit-testing (`layout::layout`, `Scene::hit_test`), on the report's five
//! views at phone, desktop and wall widths and 1×/2×/3× device-pixel ratios, and on
//! edge datasets built here: empty, one bar, all negative, mixed signs, all zero, a
//! 10 kB label, 10,000 rows. Also `place_tooltip` and `nice_ticks`.

#![allow(clippy::disallowed_methods)] // clippy.toml keeps these out of the wasm; tests are native
use indicator_chart::format::Locale;
use indicator_chart::layout::{self, ApproxMeasure, Frame, HAlign, Hit, Measure, Paint, Role, Scene, VAlign};
use indicator_chart::model::{Dataset, Indicator, Kind, RawDataset, Section, Source};
use indicator_chart::view::{self, ChartSpec, Target, ViewKind, ViewOptions};
use proptest::prelude::*;

const REPORT_JSON: &str = include_str!("../www/data/report-2022.json");
const DPRS: [f64; 3] = [1.0, 2.0, 3.0];
const WIDTHS: [f64; 3] = [360.0, 800.0, 2560.0];
const EPS: f64 = 1e-6;

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

fn build(ds: &Dataset, kind: ViewKind, section: Option<&str>, locale: Locale) -> ChartSpec {
    let o = ViewOptions { kind, section: section.map(str::to_string), ..ViewOptions::default() };
    view::build(ds, &o, locale).unwrap_or_else(|e| panic!("{kind:?}: {e}"))
}

fn lay(spec: &ChartSpec, width: f64, height: Option<f64>, dpr: f64, locale: Locale) -> Scene {
    layout::layout(spec, Frame { width, height, dpr }, locale, &ApproxMeasure)
}

/// A dataset of the given (label, value, kind) records, all in one section.
fn dataset(rows: &[(&str, f64, Kind)]) -> Dataset {
    let indicators = rows
        .iter()
        .enumerate()
        .map(|(k, (label, value, kind))| Indicator {
            id: format!("i{k}"),
            section: "intro".into(),
            label: label.to_string(),
            label_en: String::new(),
            value: *value,
            unit: if matches!(kind, Kind::Count) {
                "起".into()
            } else if matches!(kind, Kind::Money) {
                "元".into()
            } else {
                "%".into()
            },
            kind: *kind,
            approx: false,
            quote: "q".into(),
            span: None,
            repeat_of: None,
            of: None,
        })
        .collect();
    RawDataset {
        title: "edge".into(),
        // No text: quotes are not checked, spans stay empty (fine for layout).
        source: Source { title: "s".into(), year: 2022, text: String::new() },
        sections: vec![Section {
            id: "intro".into(), title: "总述".into(), title_en: "Overview".into(), parent: None
        }],
        indicators,
    }
    .validated()
    .unwrap_or_else(|e| panic!("edge dataset must validate: {e}"))
}

fn rects(scene: &Scene) -> impl Iterator<Item = (f64, f64, f64, f64, Role)> + '_ {
    scene.paints.iter().filter_map(|p| match p {
        Paint::Rect { x0, y0, x1, y1, role } => Some((*x0, *y0, *x1, *y1, *role)),
        _ => None,
    })
}

fn lines(scene: &Scene, want: Role) -> Vec<(f64, f64, f64, f64, bool)> {
    scene
        .paints
        .iter()
        .filter_map(|p| match p {
            Paint::Line { x0, y0, x1, y1, role, dashed, .. } if *role == want => Some((*x0, *y0, *x1, *y1, *dashed)),
            _ => None,
        })
        .collect()
}

fn texts(scene: &Scene) -> impl Iterator<Item = (&str, f64, f64, f64, bool, HAlign, VAlign)> + '_ {
    scene.paints.iter().filter_map(|p| match p {
        Paint::Text { x, y, text, size, bold, h, v, .. } => Some((text.as_str(), *x, *y, *size, *bold, *h, *v)),
        _ => None,
    })
}

/// Every hit of a scene, in either layout mode (row by row, or dense bands).
fn all_hits(scene: &Scene) -> Vec<Hit> {
    (0..scene.hit_count())
        .map(|i| scene.hit(i).unwrap_or_else(|| panic!("hit {i} of {} is missing", scene.hit_count())))
        .collect()
}

fn is_bar(role: Role) -> bool {
    matches!(role, Role::Bar(_))
}

/// The hits a linear scan finds for a point (the reference for `hit_test`): the band
/// holding it, plus its neighbour when the point is within rounding of a boundary.
fn linear_hits(hits: &[Hit], width: f64, x: f64, y: f64) -> Vec<Option<usize>> {
    if !(x.is_finite() && y.is_finite()) || x < 0.0 || x > width {
        return vec![None];
    }
    let tol = 1e-9 * y.abs().max(1.0);
    let mut out: Vec<Option<usize>> =
        hits.iter().enumerate().filter(|(_, h)| h.y0 - tol <= y && y < h.y1 + tol).map(|(i, _)| Some(i)).collect();
    if out.is_empty() || hits.iter().any(|h| (h.y0 - y).abs() <= tol || (h.y1 - y).abs() <= tol) {
        out.push(None);
    }
    out
}

/// `assert!` that records the failure instead of stopping at it.
macro_rules! check {
    ($p:ident, $c:expr, $($m:tt)+) => {
        let holds: bool = $c;
        if !holds {
            $p.push(format!($($m)+));
        }
    };
}

/// `assert_eq!` that records the failure instead of stopping at it.
macro_rules! check_eq {
    ($p:ident, $a:expr, $b:expr, $($m:tt)+) => {{
        let (a, b) = (&$a, &$b);
        if a != b {
            $p.push(format!("{} (left {:?}, right {:?})", format!($($m)+), a, b));
        }
    }};
    ($p:ident, $a:expr, $b:expr) => {{
        let (a, b) = (&$a, &$b);
        if a != b {
            $p.push(format!("{} != {}: {:?} vs {:?}", stringify!($a), stringify!($b), a, b));
        }
    }};
}

/// Everything that must hold for any scene.
fn scene_problems(name: &str, spec: &ChartSpec, scene: &Scene, width: f64, fixed: Option<f64>) -> Vec<String> {
    let mut problems: Vec<String> = Vec::new();
    let w = scene.width;
    let h = scene.height;
    check_eq!(problems, w, width, "{name}: scene width");
    if let Some(fh) = fixed {
        check_eq!(problems, h, fh, "{name}: a fixed height is kept");
    }
    check!(problems, h.is_finite() && h > 0.0, "{name}: scene height {h}");

    // Coordinates are finite.
    for p in &scene.paints {
        let ok = match p {
            Paint::Rect { x0, y0, x1, y1, .. } | Paint::Line { x0, y0, x1, y1, .. } => {
                [x0, y0, x1, y1].iter().all(|v| v.is_finite())
            }
            Paint::Text { x, y, size, .. } => x.is_finite() && y.is_finite() && size.is_finite() && *size > 0.0,
        };
        check!(problems, ok, "{name}: a paint with a non-finite coordinate: {p:?}");
    }

    // Hit bands: sorted, non-empty, non-overlapping, inside the height, rows in order.
    let hits = all_hits(scene);
    let dense = !scene.dense.is_empty();
    // Band edges in dense mode are computed as y0 + k·pitch: allow rounding.
    let tol = if dense { 1e-6 } else { EPS };
    for (i, hit) in hits.iter().enumerate() {
        check!(problems, hit.y0 < hit.y1, "{name}: hit {i} band is empty: {} .. {}", hit.y0, hit.y1);
        check!(
            problems,
            hit.y0 >= 0.0 && hit.y1 <= h + tol,
            "{name}: hit {i} band {}..{} outside the height {h}",
            hit.y0,
            hit.y1
        );
        if i > 0 {
            let prev = &hits[i - 1];
            check!(
                problems,
                prev.y1 <= hit.y0 + tol,
                "{name}: hit bands {} and {i} overlap: {}..{} and {}..{}",
                i - 1,
                prev.y0,
                prev.y1,
                hit.y0,
                hit.y1
            );
            check!(problems, prev.row < hit.row, "{name}: hit rows out of order: {} then {}", prev.row, hit.row);
        }
        check!(problems, hit.row < spec.row_count(), "{name}: hit {i} names row {} of {}", hit.row, spec.row_count());
        check_eq!(problems, scene.hit_for_row(hit.row), Some(i), "{name}: hit_for_row({}) should be hit {i}", hit.row);
        if let Some([x0, y0, x1, y1]) = hit.bar {
            check!(problems, x0 <= x1 && y0 < y1, "{name}: hit {i} bar is inverted: {:?}", hit.bar);
            check!(
                problems,
                y0 >= hit.y0 - tol && y1 <= hit.y1 + tol,
                "{name}: hit {i} bar {y0}..{y1} sticks out of its band {}..{}",
                hit.y0,
                hit.y1
            );
            check!(problems, x0 >= -EPS && x1 <= w + EPS, "{name}: hit {i} bar x {x0}..{x1} outside [0, {w}]");
        }
    }
    check_eq!(problems, scene.hit_count(), hits.len());
    check_eq!(problems, hits.len() + scene.hidden_rows, spec.row_count(), "{name}: shown + hidden rows = all rows");
    if scene.hidden_rows > 0 {
        check!(
            problems,
            texts(scene).any(|t| t.0.contains(&scene.hidden_rows.to_string())),
            "{name}: {} rows are hidden but no text says so",
            scene.hidden_rows
        );
    }
    if fixed.is_none() {
        check_eq!(problems, scene.hidden_rows, 0, "{name}: rows hidden without a fixed height");
        for (i, hit) in hits.iter().enumerate() {
            check_eq!(problems, hit.row, i, "{name}: with every row shown, hit {i} is row {i}");
        }
    }

    // Hit-testing. Points strictly inside a band (a band edge in dense mode is only
    // defined up to rounding).
    for (i, hit) in hits.iter().enumerate() {
        let cy = (hit.y0 + hit.y1) / 2.0;
        let inset = (hit.y1 - hit.y0) * 0.01;
        if let Some([x0, y0, x1, y1]) = hit.bar {
            let (cx, cyb) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
            check_eq!(
                problems,
                scene.hit_test(cx, cyb),
                Some(i),
                "{name}: the centre ({cx}, {cyb}) of bar {i} does not hit its row"
            );
            let left = (x0 - 5.0).max(0.0);
            let right = (x1 + 5.0).min(w);
            check_eq!(
                problems,
                scene.hit_test(left, cyb),
                Some(i),
                "{name}: left of bar {i} at ({left}, {cyb}) misses the row"
            );
            check_eq!(
                problems,
                scene.hit_test(right, cyb),
                Some(i),
                "{name}: right of bar {i} at ({right}, {cyb}) misses the row"
            );
        }
        let ys = if dense { vec![hit.y0 + inset, cy, hit.y1 - inset] } else { vec![hit.y0, cy, hit.y1 - 1e-3] };
        for x in [0.0, 1.0, w / 2.0, w - 1.0, w] {
            for &y in &ys {
                check_eq!(
                    problems,
                    scene.hit_test(x, y),
                    Some(i),
                    "{name}: ({x}, {y}) is in band {i} ({}..{}) but does not hit it",
                    hit.y0,
                    hit.y1
                );
            }
        }
        let (ax, ay) = hit.anchor;
        check!(
            problems,
            ax >= 0.0 && ax <= w && ay >= hit.y0 && ay <= hit.y1,
            "{name}: anchor {:?} of hit {i} outside its band",
            hit.anchor
        );
        for x in [-0.01, -100.0, w + 0.01, w + 100.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            check_eq!(
                problems,
                scene.hit_test(x, cy),
                None,
                "{name}: x = {x}, outside [0, width], hits {:?}",
                scene.hit_test(x, cy)
            );
        }
    }
    if let (Some(first), Some(last)) = (hits.first(), hits.last()) {
        for y in [first.y0 - 1e-3, first.y0 / 2.0, 0.0, -1.0] {
            check_eq!(
                problems,
                scene.hit_test(w / 2.0, y),
                None,
                "{name}: y = {y} above the first row ({}) hits",
                first.y0
            );
        }
        for y in [last.y1 + 1e-3, last.y1 + 1.0, h, h + 100.0, f64::NAN] {
            check_eq!(
                problems,
                scene.hit_test(w / 2.0, y),
                None,
                "{name}: y = {y} below the last row ({}) hits",
                last.y1
            );
        }
    } else {
        for y in [0.0, h / 2.0, h] {
            check_eq!(problems, scene.hit_test(w / 2.0, y), None, "{name}: a scene without rows hits at y = {y}");
        }
    }
    // hit_test agrees with a linear scan everywhere (every 0.5 px down the middle).
    let mut y = -2.0;
    while y < h + 2.0 {
        let got = scene.hit_test(w / 3.0, y);
        let ok = linear_hits(&hits, w, w / 3.0, y);
        check!(problems, ok.contains(&got), "{name}: hit_test gives {got:?} at y = {y}, a linear scan {ok:?}");
        y += 0.5;
    }

    // Bars inside [0, width] and the height.
    let mut bar_rects = 0;
    for (x0, y0, x1, y1, role) in rects(scene) {
        check!(
            problems,
            x0 >= -EPS && x1 <= w + EPS && x0 <= x1,
            "{name}: {role:?} rect x {x0}..{x1} outside [0, {w}]"
        );
        check!(problems, y0 >= -EPS && y1 <= h + EPS && y0 < y1, "{name}: {role:?} rect y {y0}..{y1} outside [0, {h}]");
        if is_bar(role) {
            bar_rects += 1;
        }
    }
    if !dense {
        check_eq!(problems, bar_rects, scene.bar_count(), "{name}: one bar rect per hit with a bar");
    }
    for (x0, y0, x1, y1, _) in
        lines(scene, Role::Zero).into_iter().chain(lines(scene, Role::Reference)).chain(lines(scene, Role::Grid))
    {
        check!(
            problems,
            [x0, x1].iter().all(|x| *x >= -EPS && *x <= w + EPS),
            "{name}: a line at x {x0}..{x1} outside [0, {w}]"
        );
        check!(
            problems,
            [y0, y1].iter().all(|y| *y >= -EPS && *y <= h + EPS),
            "{name}: a line at y {y0}..{y1} outside [0, {h}]"
        );
    }

    // Text starts inside the frame (its left edge, from its anchor and alignment).
    for (text, x, y, size, bold, ha, va) in texts(scene) {
        let tw = ApproxMeasure.text_width(text, size, bold);
        let left = match ha {
            HAlign::Left => x,
            HAlign::Center => x - tw / 2.0,
            HAlign::Right => x - tw,
        };
        let top = match va {
            VAlign::Top => y,
            VAlign::Middle => y - size / 2.0,
            VAlign::Bottom => y - size,
        };
        check!(
            problems,
            left >= -EPS && left <= w,
            "{name}: text {text:?} ({ha:?}-aligned at x = {x}, {tw:.1} px wide) starts at x = {left:.1}, outside [0, {w}]"
        );
        check!(problems, top >= -EPS && top <= h, "{name}: text {text:?} starts at y = {top:.1}, outside [0, {h}]");
    }
    problems
}

/// Everything that must hold for any scene; panics listing every problem found.
#[track_caller]
fn check_scene(name: &str, spec: &ChartSpec, scene: &Scene, width: f64, fixed: Option<f64>) {
    let problems = scene_problems(name, spec, scene, width, fixed);
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), summarize(&problems));
}

/// The problems, at most 3 per scene (with a count of the rest), at most 60 lines;
/// all of them when the environment has LAYOUT_PROBLEMS=all.
fn summarize(problems: &[String]) -> String {
    if std::env::var("LAYOUT_PROBLEMS").is_ok_and(|v| v == "all") {
        return problems.join("\n");
    }
    let mut out: Vec<String> = Vec::new();
    let mut per_scene: Vec<(String, usize)> = Vec::new();
    for p in problems {
        let scene = p.split(": ").next().unwrap_or("").to_string();
        match per_scene.iter_mut().find(|(s, _)| *s == scene) {
            Some((_, n)) => {
                *n += 1;
                if *n <= 3 {
                    out.push(p.clone());
                }
            }
            None => {
                per_scene.push((scene, 1));
                out.push(p.clone());
            }
        }
    }
    let more: Vec<String> =
        per_scene.iter().filter(|(_, n)| *n > 3).map(|(s, n)| format!("  {s}: {} more", n - 3)).collect();
    let total = out.len();
    out.truncate(60);
    if total > 60 {
        out.push(format!("… {} more lines", total - 60));
    }
    if !more.is_empty() {
        out.push("not shown above:".into());
        out.extend(more.into_iter().take(40));
    }
    out.join("\n")
}

fn views() -> Vec<(ViewKind, Option<&'static str>)> {
    vec![
        (ViewKind::Headline, None),
        (ViewKind::Rates, None),
        (ViewKind::Section, None),
        (ViewKind::Section, Some("s3")),
        (ViewKind::Overview, None),
        (ViewKind::Money, None),
    ]
}

fn report_view_problems(fixed: Option<f64>) -> Vec<String> {
    let ds = report();
    let mut problems = Vec::new();
    for (kind, section) in views() {
        for locale in [Locale::Zh, Locale::En] {
            let spec = build(&ds, kind, section, locale);
            for width in WIDTHS {
                for dpr in DPRS {
                    let name = format!("{kind:?}/{section:?} {locale:?} w={width} dpr={dpr} h={fixed:?}");
                    let scene = lay(&spec, width, fixed, dpr, locale);
                    problems.extend(scene_problems(&name, &spec, &scene, width, fixed));
                }
            }
        }
    }
    problems
}

#[test]
fn report_views_at_every_width_and_dpr() {
    let problems = report_view_problems(None);
    assert!(problems.is_empty(), "{} problem(s) in the report's views:\n{}", problems.len(), summarize(&problems));
}

#[test]
fn report_views_in_a_fixed_height() {
    // 320 px: less than most views need, so rows are squeezed, hidden or drawn dense.
    let problems = report_view_problems(Some(320.0));
    assert!(
        problems.is_empty(),
        "{} problem(s) in the report's views at 320 px:\n{}",
        problems.len(),
        summarize(&problems)
    );
}

#[test]
fn whole_text_stays_inside_the_frame() {
    // Stronger than "starts inside": labels, values and ticks end inside too.
    let ds = report();
    let mut problems = Vec::new();
    for (kind, section) in views() {
        for locale in [Locale::Zh, Locale::En] {
            let spec = build(&ds, kind, section, locale);
            for width in WIDTHS {
                let scene = lay(&spec, width, None, 2.0, locale);
                for (text, x, _, size, bold, ha, _) in texts(&scene) {
                    let tw = ApproxMeasure.text_width(text, size, bold);
                    let (l, r) = match ha {
                        HAlign::Left => (x, x + tw),
                        HAlign::Center => (x - tw / 2.0, x + tw / 2.0),
                        HAlign::Right => (x - tw, x),
                    };
                    if l < -0.5 || r > width + 0.5 {
                        problems.push(format!(
                            "{kind:?}/{section:?} {locale:?} w={width}: {text:?} spans x {l:.1}..{r:.1}"
                        ));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "text outside [0, width]:\n{}", problems.join("\n"));
}

#[test]
fn headline_has_one_bar_per_yoy_indicator_and_a_zero_line() {
    let ds = yoy_report();
    let spec = build(&ds, ViewKind::Headline, None, Locale::Zh);
    for width in WIDTHS {
        for dpr in DPRS {
            let name = format!("headline w={width} dpr={dpr}");
            let scene = lay(&spec, width, None, dpr, Locale::Zh);
            assert_eq!(scene.bar_count(), 8, "{name}: one bar per distinct yoy indicator");
            assert_eq!(scene.hit_count(), 8, "{name}: rows");
            let bars: Vec<_> = rects(&scene).filter(|r| is_bar(r.4)).collect();
            assert_eq!(bars.len(), 8, "{name}: bar rects");
            let zero = lines(&scene, Role::Zero);
            assert_eq!(zero.len(), 1, "{name}: exactly one zero line, got {zero:?}");
            let (zx0, zy0, zx1, zy1, dashed) = zero[0];
            assert_eq!(zx0, zx1, "{name}: the zero line is vertical");
            assert!(!dashed, "{name}: the zero line is solid");
            // Every value is a decrease: every bar ends at zero and grows to the left.
            for (x0, y0, x1, y1, _) in &bars {
                assert!(
                    (x1 - zx0).abs() < EPS,
                    "{name}: a decrease bar should end at the zero line x = {zx0}, ends at {x1}"
                );
                assert!(x0 < x1, "{name}: a decrease bar has no length");
                assert!(*y0 >= zy0 && *y1 <= zy1, "{name}: the zero line {zy0}..{zy1} should span bar {y0}..{y1}");
            }
            // Longer bars for steeper declines: −41.4% is the longest.
            let longest = bars.iter().map(|b| b.2 - b.0).fold(0.0, f64::max);
            let steepest =
                all_hits(&scene).into_iter().zip(spec.rows()).find(|(_, r)| r.value == -41.4).unwrap().0.bar.unwrap();
            assert!((steepest[2] - steepest[0] - longest).abs() < EPS, "{name}: −41.4% should be the longest bar");
            // Lengths are proportional to values (within a device pixel each end).
            let unit = longest / 41.4;
            for (hit, row) in all_hits(&scene).into_iter().zip(spec.rows()) {
                let [x0, _, x1, _] = hit.bar.unwrap();
                let expected = -row.value * unit;
                assert!(
                    ((x1 - x0) - expected).abs() <= 2.0 / dpr + EPS,
                    "{name}: bar of {} is {} px, expected {expected:.2}",
                    row.label,
                    x1 - x0
                );
            }
        }
    }
}

#[test]
fn rates_have_a_dashed_100_line_and_an_over_part() {
    let ds = report();
    let spec = build(&ds, ViewKind::Rates, None, Locale::Zh);
    for width in WIDTHS {
        for dpr in DPRS {
            let name = format!("rates w={width} dpr={dpr}");
            let scene = lay(&spec, width, None, dpr, Locale::Zh);
            let refs = lines(&scene, Role::Reference);
            assert_eq!(refs.len(), 1, "{name}: one reference line, got {refs:?}");
            let (rx, _, rx1, _, dashed) = refs[0];
            assert!(dashed, "{name}: the 100% line is dashed");
            assert_eq!(rx, rx1, "{name}: the 100% line is vertical");
            let k111 = spec.rows().position(|r| r.value == 111.0).expect("the 111% row");
            let hit = scene.hit(k111).unwrap();
            let [bx0, by0, bx1, by1] = hit.bar.unwrap();
            let parts: Vec<_> = rects(&scene).filter(|r| r.1 == by0 && r.3 == by1).collect();
            assert_eq!(parts.len(), 2, "{name}: the 111% bar is two rects (to 100%, beyond), got {parts:?}");
            let over: Vec<_> = rects(&scene).filter(|r| r.4 == Role::Over).collect();
            assert_eq!(over.len(), 1, "{name}: only the 111% row passes 100%, Over rects: {over:?}");
            let (ox0, oy0, ox1, oy1, _) = over[0];
            assert_eq!((oy0, oy1), (by0, by1), "{name}: the Over rect is on the 111% row");
            assert!((ox0 - rx).abs() < EPS, "{name}: the Over part starts at the 100% line x = {rx}, starts at {ox0}");
            assert!(
                (ox1 - bx1).abs() < EPS && ox1 > ox0,
                "{name}: the Over part ends at the bar's end {bx1}, ends at {ox1}"
            );
            let inner = parts.iter().find(|r| is_bar(r.4)).unwrap();
            assert!(
                (inner.2 - rx).abs() < EPS && (inner.0 - bx0).abs() < EPS,
                "{name}: the bar part runs from zero to 100%: {inner:?}"
            );
            // The 100% line is where 100 falls on the same scale as the other bars.
            let base = bx0;
            let k994 = spec.rows().position(|r| r.value == 99.4).unwrap();
            let x994 = scene.hit(k994).unwrap().bar.unwrap()[2];
            let expected = base + (x994 - base) * 100.0 / 99.4;
            assert!(
                (rx - expected).abs() <= 1.5 / dpr + 0.05,
                "{name}: the 100% line at {rx}, expected about {expected:.2} from the 99.4% bar"
            );
            assert!(rx > x994, "{name}: 100% must be right of 99.4%");
            for (x0, ..) in rects(&scene).filter(|r| is_bar(r.4)) {
                assert!((x0 - base).abs() < EPS, "{name}: every rate bar starts at zero ({base}), one starts at {x0}");
            }
        }
    }
}

#[test]
fn empty_view_has_no_hits_and_says_so() {
    let ds = dataset(&[("破获案件", 12.0, Kind::Count)]);
    for locale in [Locale::Zh, Locale::En] {
        let spec = build(&ds, ViewKind::Headline, None, locale);
        assert_eq!(spec.row_count(), 0);
        for width in WIDTHS {
            for dpr in DPRS {
                for fixed in [None, Some(400.0), Some(120.0)] {
                    let name = format!("empty {locale:?} w={width} dpr={dpr} h={fixed:?}");
                    let scene = lay(&spec, width, fixed, dpr, locale);
                    assert_eq!(scene.hit_count(), 0, "{name}: hits in an empty view");
                    assert_eq!(scene.bar_count(), 0, "{name}: bars in an empty view");
                    assert!(rects(&scene).next().is_none(), "{name}: rects in an empty view");
                    let msg: Vec<_> = texts(&scene).filter(|t| t.0 == spec.empty).collect();
                    assert_eq!(
                        msg.len(),
                        1,
                        "{name}: the empty message {:?} should be drawn once, texts: {:?}",
                        spec.empty,
                        texts(&scene).map(|t| t.0).collect::<Vec<_>>()
                    );
                    assert_eq!(msg[0].5, HAlign::Center, "{name}: the empty message is centred");
                    check_scene(&name, &spec, &scene, width, fixed);
                }
            }
        }
    }
}

#[test]
fn empty_view_message_fits_a_small_fixed_height() {
    // The web shell accepts fixed heights from 40 px. Title, subtitle and message of an
    // empty view should then all start inside the frame.
    let ds = dataset(&[("破获案件", 12.0, Kind::Count)]);
    let spec = build(&ds, ViewKind::Headline, None, Locale::Zh);
    let mut problems = Vec::new();
    for width in WIDTHS {
        for fixed in [60.0, 80.0, 100.0] {
            let scene = lay(&spec, width, Some(fixed), 1.0, Locale::Zh);
            assert_eq!(scene.height, fixed, "w={width}: a fixed height is kept");
            for (text, _, y, size, _, _, v) in texts(&scene) {
                let top = match v {
                    VAlign::Top => y,
                    VAlign::Middle => y - size / 2.0,
                    VAlign::Bottom => y - size,
                };
                if top + size > fixed + EPS || top < 0.0 {
                    problems.push(format!("w={width} h={fixed}: {text:?} spans y {top:.1}..{:.1}", top + size));
                }
            }
        }
    }
    assert!(problems.is_empty(), "text of an empty view outside a small fixed height:\n{}", problems.join("\n"));
}

#[test]
fn one_bar() {
    let ds = dataset(&[("唯一指标", -5.0, Kind::YoyChange)]);
    let spec = build(&ds, ViewKind::Headline, None, Locale::Zh);
    for width in WIDTHS {
        for dpr in DPRS {
            let name = format!("one bar w={width} dpr={dpr}");
            let scene = lay(&spec, width, None, dpr, Locale::Zh);
            check_scene(&name, &spec, &scene, width, None);
            assert_eq!(scene.hit_count(), 1, "{name}: hits");
            assert_eq!(scene.bar_count(), 1, "{name}: bars");
            let [x0, _, x1, _] = scene.hit(0).unwrap().bar.unwrap();
            assert!(x1 - x0 > width * 0.2, "{name}: a lone bar should use the plot, it is {} px of {width}", x1 - x0);
            assert_eq!(lines(&scene, Role::Zero).len(), 1, "{name}: zero line");
        }
    }
}

#[track_caller]
fn zero_x(name: &str, scene: &Scene) -> f64 {
    let z = lines(scene, Role::Zero);
    assert_eq!(z.len(), 1, "{name}: one zero line, got {z:?}");
    z[0].0
}

#[test]
fn all_negative_bars_end_at_zero() {
    let ds = dataset(&[
        ("甲", -3.0, Kind::YoyChange),
        ("乙", -10.0, Kind::YoyChange),
        ("丙", -0.5, Kind::YoyChange),
        ("丁", -0.001, Kind::YoyChange),
    ]);
    let spec = build(&ds, ViewKind::Headline, None, Locale::Zh);
    for width in WIDTHS {
        for dpr in DPRS {
            let name = format!("all negative w={width} dpr={dpr}");
            let scene = lay(&spec, width, None, dpr, Locale::Zh);
            check_scene(&name, &spec, &scene, width, None);
            let zx = zero_x(&name, &scene);
            for (hit, row) in all_hits(&scene).into_iter().zip(spec.rows()) {
                let [x0, _, x1, _] = hit.bar.unwrap();
                assert!((x1 - zx).abs() < EPS, "{name}: {} ends at {x1}, not at zero {zx}", row.label);
                assert!(
                    x1 - x0 >= 1.0 / dpr - EPS,
                    "{name}: {} ({}) must be at least one device pixel long, is {}",
                    row.label,
                    row.value,
                    x1 - x0
                );
            }
            // Value texts of decreases sit left of their bars.
            for (hit, row) in all_hits(&scene).into_iter().zip(spec.rows()) {
                let t = texts(&scene)
                    .find(|t| t.0 == row.value_text && (t.2 - hit.anchor.1).abs() < EPS)
                    .unwrap_or_else(|| panic!("{name}: no value text for {}", row.label));
                assert_eq!(t.5, HAlign::Right, "{name}: the value of a decrease is right-aligned left of the bar");
                assert!(
                    t.1 <= hit.bar.unwrap()[0],
                    "{name}: value text of {} at {} is not left of its bar",
                    row.label,
                    t.1
                );
            }
        }
    }
}

#[test]
fn mixed_signs_have_the_zero_line_between() {
    let ds = dataset(&[
        ("甲", -20.0, Kind::YoyChange),
        ("乙", 15.0, Kind::YoyChange),
        ("丙", -5.0, Kind::YoyChange),
        ("丁", 30.0, Kind::YoyChange),
    ]);
    let spec = build(&ds, ViewKind::Headline, None, Locale::Zh);
    for width in WIDTHS {
        for dpr in DPRS {
            let name = format!("mixed w={width} dpr={dpr}");
            let scene = lay(&spec, width, None, dpr, Locale::Zh);
            check_scene(&name, &spec, &scene, width, None);
            let zx = zero_x(&name, &scene);
            let mut left = f64::INFINITY;
            let mut right = f64::NEG_INFINITY;
            for (hit, row) in all_hits(&scene).into_iter().zip(spec.rows()) {
                let [x0, _, x1, _] = hit.bar.unwrap();
                left = left.min(x0);
                right = right.max(x1);
                if row.value < 0.0 {
                    assert!(
                        (x1 - zx).abs() < EPS && x0 < zx,
                        "{name}: {} ({}) should run left from zero {zx}: {x0}..{x1}",
                        row.label,
                        row.value
                    );
                } else {
                    assert!(
                        (x0 - zx).abs() < EPS && x1 > zx,
                        "{name}: {} ({}) should run right from zero {zx}: {x0}..{x1}",
                        row.label,
                        row.value
                    );
                }
            }
            assert!(left < zx && zx < right, "{name}: zero {zx} should lie between the bars' ends {left}..{right}");
            // Same scale both sides: 30 is twice 15, and −20 four times −5.
            let len = |v: f64| {
                let k = spec.rows().position(|r| r.value == v).unwrap();
                let b = scene.hit(k).unwrap().bar.unwrap();
                b[2] - b[0]
            };
            assert!(
                (len(30.0) - 2.0 * len(15.0)).abs() <= 2.0 / dpr + EPS,
                "{name}: 30 vs 15: {} vs {}",
                len(30.0),
                len(15.0)
            );
            assert!(
                (len(-20.0) - 4.0 * len(-5.0)).abs() <= 4.0 / dpr + EPS,
                "{name}: −20 vs −5: {} vs {}",
                len(-20.0),
                len(-5.0)
            );
            assert!(
                (len(30.0) / len(-20.0) - 1.5).abs() < 0.05,
                "{name}: 30 vs −20 on one scale: {} vs {}",
                len(30.0),
                len(-20.0)
            );
        }
    }
}

#[test]
fn all_zero_values() {
    let yoy = dataset(&[("甲", 0.0, Kind::YoyChange), ("乙", 0.0, Kind::YoyChange), ("丙", -0.0, Kind::YoyChange)]);
    let counts = dataset(&[("甲", 0.0, Kind::Count), ("乙", 0.0, Kind::Count)]);
    let money = dataset(&[("甲", 0.0, Kind::Money), ("乙", 0.0, Kind::Money)]);
    let cases = [
        ("yoy zeros", build(&yoy, ViewKind::Headline, None, Locale::Zh)),
        ("count zeros", build(&counts, ViewKind::Section, None, Locale::Zh)),
        ("money zeros", build(&money, ViewKind::Money, None, Locale::En)),
    ];
    for (what, spec) in &cases {
        assert!(spec.row_count() > 0, "{what}: rows");
        for width in WIDTHS {
            for dpr in DPRS {
                let name = format!("{what} w={width} dpr={dpr}");
                let scene = lay(spec, width, None, dpr, Locale::Zh);
                check_scene(&name, spec, &scene, width, None);
                assert_eq!(scene.bar_count(), spec.row_count(), "{name}: every zero still has its (empty) bar hit");
                for hit in all_hits(&scene) {
                    let [x0, _, x1, _] = hit.bar.unwrap();
                    assert!(
                        (x1 - x0).abs() < EPS,
                        "{name}: a zero value must not draw a bar with length, got {x0}..{x1}"
                    );
                }
                for t in texts(&scene) {
                    assert!(!t.0.contains("NaN") && !t.0.contains("inf"), "{name}: text {:?}", t.0);
                }
            }
        }
    }
}

#[test]
fn a_10kb_label_is_cut_and_costs_no_more_scene() {
    let long_zh: String = "很长的标签".repeat(700); // 3,500 chars, 10,500 bytes
    let long_en: String = "a very long label ".repeat(600); // 10,800 bytes
    assert!(long_zh.len() >= 10_000 && long_en.len() >= 10_000);
    for long in [&long_zh, &long_en] {
        let ds = dataset(&[(long.as_str(), -12.0, Kind::YoyChange), ("短", -3.0, Kind::YoyChange)]);
        let spec = build(&ds, ViewKind::Headline, None, Locale::Zh);
        let short = build(
            &dataset(&[("长", -12.0, Kind::YoyChange), ("短", -3.0, Kind::YoyChange)]),
            ViewKind::Headline,
            None,
            Locale::Zh,
        );
        for width in WIDTHS {
            for dpr in DPRS {
                let name = format!("10 kB label ({} bytes) w={width} dpr={dpr}", long.len());
                let scene = lay(&spec, width, None, dpr, Locale::Zh);
                // The long label costs no more scene than a short one but a wrapped line or two
                // (its time is measured in the benchmark, never asserted in a test).
                let short_scene = lay(&short, width, None, dpr, Locale::Zh);
                assert!(
                    scene.paints.len() <= short_scene.paints.len() + 2,
                    "{name}: {} paints against {} with short labels",
                    scene.paints.len(),
                    short_scene.paints.len()
                );
                check_scene(&name, &spec, &scene, width, None);
                let (label, size) = texts(&scene)
                    .map(|t| (t.0, t.3))
                    .find(|(t, _)| t.ends_with('…') && long.starts_with(t.trim_end_matches('…')))
                    .unwrap_or_else(|| {
                        panic!(
                            "{name}: no truncated label ending in …; texts: {:?}",
                            texts(&scene).map(|t| t.0.chars().take(20).collect::<String>()).collect::<Vec<_>>()
                        )
                    });
                assert!(label.chars().count() < 300, "{name}: the drawn label has {} chars", label.chars().count());
                assert!(label.chars().count() > 1, "{name}: the label was cut to nothing: {label:?}");
                assert!(
                    ApproxMeasure.text_width(label, size, false) <= width,
                    "{name}: the cut label is still wider than the chart"
                );
            }
        }
    }
}

#[test]
fn ten_thousand_rows_in_a_fixed_height() {
    let rows: Vec<(String, f64)> = (0..10_000).map(|k| (format!("指标{k}"), (k % 97) as f64 + 1.0)).collect();
    let recs: Vec<(&str, f64, Kind)> = rows.iter().map(|(l, v)| (l.as_str(), *v, Kind::Count)).collect();
    let ds = dataset(&recs);
    let spec = build(&ds, ViewKind::Section, None, Locale::Zh);
    assert_eq!(spec.row_count(), 10_000);
    for width in WIDTHS {
        for dpr in DPRS {
            let name = format!("10,000 rows w={width} dpr={dpr} h=600");
            let scene = lay(&spec, width, Some(600.0), dpr, Locale::Zh);
            assert_eq!(scene.height, 600.0, "{name}: height");
            // Either rows are hidden (and the chart says how many), or every row is
            // drawn in dense mode; never both lost and unmentioned.
            assert_eq!(scene.hit_count() + scene.hidden_rows, 10_000, "{name}: shown + hidden");
            assert!(scene.hit_count() > 0, "{name}: some rows should still show");
            if scene.hidden_rows > 0 {
                let note = format!("另有{}项未能显示", scene.hidden_rows);
                assert!(texts(&scene).any(|t| t.0.starts_with(&note)), "{name}: the chart should say {note:?}");
            }
            for h in all_hits(&scene) {
                assert!(
                    h.y0 >= 0.0 && h.y1 <= 600.0 + 1e-6,
                    "{name}: hit band of row {} ({}..{}) outside the height",
                    h.row,
                    h.y0,
                    h.y1
                );
            }
            for p in &scene.paints {
                if let Paint::Rect { y1, .. } | Paint::Line { y1, .. } = p {
                    assert!(*y1 <= 600.0 + EPS, "{name}: {p:?} below the height");
                }
            }
            // Paint count stays bounded by what the screen can show, not by the rows.
            assert!(scene.paints.len() < 20_000, "{name}: {} paints for 600 px", scene.paints.len());
            check_scene(&name, &spec, &scene, width, Some(600.0));
        }
    }
    // Without a fixed height: every row can still be hit, exactly.
    let scene = lay(&spec, 800.0, None, 1.0, Locale::Zh);
    assert_eq!(scene.hidden_rows, 0, "auto height hides nothing");
    assert_eq!(scene.hit_count(), 10_000, "auto height: every row can be hit");
    for i in (0..10_000).step_by(37) {
        let h = scene.hit(i).unwrap();
        assert_eq!(h.row, i, "10,000 rows: hit {i} is row {i}");
        assert_eq!(
            scene.hit_test(400.0, (h.y0 + h.y1) / 2.0),
            Some(i),
            "10,000 rows: the middle of row {i} ({}..{})",
            h.y0,
            h.y1
        );
    }
    check_scene("10,000 rows auto height", &spec, &scene, 800.0, None);
}

#[test]
fn place_tooltip_keeps_the_box_inside() {
    let bounds = (800.0, 600.0);
    let size = (200.0, 80.0);
    let inside = |(x, y): (f64, f64), size: (f64, f64), bounds: (f64, f64)| {
        x >= 0.0 && y >= 0.0 && x + size.0 <= bounds.0 && y + size.1 <= bounds.1
    };
    for anchor in [
        (0.0, 0.0),
        (800.0, 0.0),
        (0.0, 600.0),
        (800.0, 600.0),
        (400.0, 300.0),
        (799.0, 1.0),
        (1.0, 599.0),
        (-50.0, -50.0),
        (900.0, 700.0),
    ] {
        let p = layout::place_tooltip(anchor, size, bounds);
        assert!(inside(p, size, bounds), "anchor {anchor:?}: tooltip at {p:?} ({size:?}) leaves {bounds:?}");
    }
    // Right of and below the anchor when it fits; flipped when not.
    assert_eq!(
        layout::place_tooltip((100.0, 100.0), size, bounds),
        (112.0, 112.0),
        "default: 12 px right of and below"
    );
    let (x, y) = layout::place_tooltip((790.0, 590.0), size, bounds);
    assert_eq!((x, y), (790.0 - 12.0 - 200.0, 590.0 - 12.0 - 80.0), "bottom-right corner: flipped left and up");
    // The box does not cover the anchor when there is room for it not to.
    for anchor in [(0.0, 0.0), (800.0, 0.0), (0.0, 600.0), (800.0, 600.0), (400.0, 300.0)] {
        let (x, y) = layout::place_tooltip(anchor, size, bounds);
        let covers = anchor.0 >= x && anchor.0 <= x + size.0 && anchor.1 >= y && anchor.1 <= y + size.1;
        assert!(!covers, "anchor {anchor:?}: the tooltip at ({x}, {y}) covers what it points at");
    }
    // Larger than the bounds: pinned to the top-left corner, never at a negative position.
    for anchor in [(0.0, 0.0), (150.0, 100.0), (300.0, 200.0)] {
        for big in [(500.0, 50.0), (100.0, 500.0), (1000.0, 1000.0)] {
            let (x, y) = layout::place_tooltip(anchor, big, (300.0, 200.0));
            assert!(x >= 0.0 && y >= 0.0, "anchor {anchor:?}, tooltip {big:?} in 300×200: placed at ({x}, {y})");
            if big.0 > 300.0 {
                assert_eq!(x, 0.0, "a tooltip wider than the bounds starts at the left edge");
            } else {
                assert!(x + big.0 <= 300.0, "anchor {anchor:?}: a narrow tooltip {big:?} at x {x} leaves the width");
            }
            if big.1 > 200.0 {
                assert_eq!(y, 0.0, "a tooltip taller than the bounds starts at the top edge");
            } else {
                assert!(y + big.1 <= 200.0, "anchor {anchor:?}: a short tooltip {big:?} at y {y} leaves the height");
            }
        }
    }
}

proptest! {
    #[test]
    fn place_tooltip_inside_for_any_anchor(ax in -100.0..1100.0f64, ay in -100.0..900.0f64, w in 1.0..400.0f64, h in 1.0..300.0f64) {
        let (x, y) = layout::place_tooltip((ax, ay), (w, h), (1000.0, 800.0));
        prop_assert!(x >= 0.0 && x + w <= 1000.0 + 1e-9, "x = {} for width {}", x, w);
        prop_assert!(y >= 0.0 && y + h <= 800.0 + 1e-9, "y = {} for height {}", y, h);
    }

    #[test]
    fn nice_ticks_cover_the_range_with_round_even_steps(lo in -1e15..0.0f64, hi in 0.0..1e15f64, target in 1usize..12) {
        prop_assume!(hi > lo);
        let t = layout::nice_ticks(lo, hi, target);
        check_ticks(&t, lo, hi, target)?;
        // Ranges through zero have an exact 0 tick.
        prop_assert!(t.contains(&0.0), "no exact 0 in {:?}", t);
    }

    #[test]
    fn nice_ticks_of_any_reasonable_range(a in -1e6..1e6f64, span in 1e-3..1e6f64, target in 2usize..10) {
        let t = layout::nice_ticks(a, a + span, target);
        check_ticks(&t, a, a + span, target)?;
    }
}

fn check_ticks(t: &[f64], lo: f64, hi: f64, target: usize) -> Result<(), TestCaseError> {
    prop_assert!(t.len() >= 2, "ticks {:?} for {}..{}", t, lo, hi);
    prop_assert!(t.len() <= target + 3, "{} ticks for target {}: {:?}", t.len(), target, t);
    let step = t[1] - t[0];
    prop_assert!(step > 0.0);
    let tol = step * 1e-6;
    prop_assert!(t[0] <= lo + tol, "first tick {} above lo {}", t[0], lo);
    prop_assert!(*t.last().unwrap() >= hi - tol, "last tick {} below hi {}", t.last().unwrap(), hi);
    prop_assert!(t[0] > lo - step - tol, "first tick {} more than a step below lo {}", t[0], lo);
    prop_assert!(
        *t.last().unwrap() < hi + step + tol,
        "last tick {} more than a step above hi {}",
        t.last().unwrap(),
        hi
    );
    for w in t.windows(2) {
        prop_assert!(((w[1] - w[0]) - step).abs() <= tol.max(w[1].abs() * 1e-12), "uneven steps in {:?}", t);
    }
    // The step is 1, 2 or 5 × 10^k.
    let mag = 10f64.powi(step.log10().floor() as i32);
    let m = step / mag;
    prop_assert!([1.0, 2.0, 5.0, 10.0].iter().any(|k| (m - k).abs() < 1e-6), "step {} is not 1, 2 or 5 × 10^k", step);
    // Ticks are multiples of the step.
    for v in t {
        let r = v / step;
        prop_assert!((r - r.round()).abs() < 1e-6, "tick {} is not a multiple of {}", v, step);
    }
    Ok(())
}

#[test]
fn nice_ticks_examples_and_degenerate_input() {
    assert_eq!(layout::nice_ticks(0.0, 100.0, 5), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
    assert_eq!(layout::nice_ticks(-41.4, 0.0, 4), vec![-60.0, -40.0, -20.0, 0.0]);
    assert_eq!(layout::nice_ticks(0.0, 111.0, 5), vec![0.0, 50.0, 100.0, 150.0]);
    assert_eq!(layout::nice_ticks(5.0, 5.0, 5), vec![5.0], "hi == lo");
    assert_eq!(layout::nice_ticks(5.0, 1.0, 5), vec![5.0], "hi < lo");
    assert_eq!(layout::nice_ticks(0.0, 1.0, 0), layout::nice_ticks(0.0, 1.0, 1), "target 0 acts as 1");
    let inf = layout::nice_ticks(0.0, f64::INFINITY, 5);
    assert!(inf.len() <= 1, "infinite range: {inf:?}");
    let nan = layout::nice_ticks(f64::NAN, 1.0, 5);
    assert!(nan.len() <= 1, "NaN range: {nan:?}");
}

#[test]
fn fit_text_properties() {
    let m = ApproxMeasure;
    assert_eq!(layout::fit_text(&m, "短标签", 13.0, false, 200.0), "短标签", "fits: unchanged");
    let cut = layout::fit_text(&m, "一二三四五六七八九十", 10.0, false, 45.0);
    assert_eq!(cut, "一二三…", "cut to fit 45 px at 10 px per char, with …");
    assert!(m.text_width(&cut, 10.0, false) <= 45.0);
    assert_eq!(layout::fit_text(&m, "一二三", 10.0, false, 0.0), "", "no room: nothing");
    assert_eq!(layout::fit_text(&m, "一二三", 10.0, false, -5.0), "", "negative room: nothing");
    assert_eq!(
        layout::fit_text(&m, "a\u{0}b\nc\u{202E}d", 10.0, false, 1000.0),
        "abcd",
        "control and bidi characters are dropped"
    );
    for max in [1.0, 5.0, 10.0, 11.0, 33.3, 100.0] {
        let s = layout::fit_text(&m, "一二三四五六七八九十", 10.0, false, max);
        assert!(m.text_width(&s, 10.0, false) <= max, "fit to {max}: {s:?} is wider");
    }
}

#[test]
fn hits_for_section_view_with_rank_rows_have_no_bar_but_still_hit() {
    let ds = report();
    let spec = build(&ds, ViewKind::Section, Some("s3"), Locale::Zh);
    let rank_rows: Vec<usize> = spec
        .rows()
        .enumerate()
        .filter(|(_, r)| matches!(r.target, Target::Indicator(i) if ds.indicators()[i].kind == Kind::Rank))
        .map(|(k, _)| k)
        .collect();
    assert!(!rank_rows.is_empty(), "s3 states ranks");
    for width in WIDTHS {
        let scene = lay(&spec, width, None, 2.0, Locale::Zh);
        for &k in &rank_rows {
            let i = scene.hit_for_row(k).unwrap();
            let h = scene.hit(i).unwrap();
            assert!(h.bar.is_none(), "w={width}: a rank (row {k}) must not have a bar");
            assert_eq!(
                scene.hit_test(h.anchor.0, h.anchor.1),
                Some(i),
                "w={width}: the rank row {k} hits at its anchor"
            );
        }
        assert_eq!(scene.bar_count(), spec.row_count() - rank_rows.len(), "w={width}: bars = rows − ranks");
    }
}

#[test]
fn a_slightly_squeezed_chart_keeps_its_labels_and_values() {
    // 8 rows in 320 px: rows can be ~25 px tall, enough for a label and a value each.
    // Whatever the layout mode, every row shown must say what it is and what it is worth.
    let ds = yoy_report();
    let mut failures = Vec::new();
    for locale in [Locale::Zh, Locale::En] {
        let spec = build(&ds, ViewKind::Headline, None, locale);
        for width in WIDTHS {
            let scene = lay(&spec, width, Some(320.0), 2.0, locale);
            let rows: Vec<_> = spec.rows().collect();
            let mut missing = Vec::new();
            for h in all_hits(&scene) {
                let r = rows[h.row];
                let in_band =
                    |t: &&(&str, f64, f64, f64, bool, HAlign, VAlign)| t.2 >= h.y0 - 0.01 && t.2 <= h.y1 + 0.01;
                let all: Vec<_> = texts(&scene).collect();
                let label = all.iter().filter(in_band).any(|t| {
                    t.0 == r.label || t.0.strip_suffix('…').is_some_and(|p| !p.is_empty() && r.label.starts_with(p))
                });
                let value = all.iter().filter(in_band).any(|t| t.0 == r.value_text);
                if !label || !value {
                    missing.push(format!(
                        "row {} {:?} ({}..{} px): label {}, value {}",
                        h.row,
                        r.label,
                        h.y0,
                        h.y1,
                        if label { "drawn" } else { "MISSING" },
                        if value { "drawn" } else { "MISSING" }
                    ));
                }
            }
            if !missing.is_empty() {
                failures.push(format!(
                    "headline {locale:?} at {width}×320 (hidden rows {}, {} dense bands): rows without their label or value:\n  {}",
                    scene.hidden_rows,
                    scene.dense.len(),
                    missing.join("\n  ")
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn degenerate_frames_do_not_panic_or_produce_nan() {
    let ds = report();
    for kind in ViewKind::ALL {
        let spec = build(&ds, kind, None, Locale::Zh);
        for width in [0.0, -5.0, 1.0, 100.0, 1e9, f64::NAN, f64::INFINITY] {
            for height in [None, Some(0.0), Some(-10.0), Some(40.0), Some(1e6)] {
                for dpr in [0.0, -1.0, f64::NAN, 0.5, 100.0] {
                    let name = format!("{kind:?} w={width} h={height:?} dpr={dpr}");
                    let scene = lay(&spec, width, height, dpr, Locale::Zh);
                    assert!(scene.width.is_finite() && scene.width > 0.0, "{name}: scene width {}", scene.width);
                    assert!(scene.height.is_finite(), "{name}: scene height {}", scene.height);
                    for p in &scene.paints {
                        let ok = match p {
                            Paint::Rect { x0, y0, x1, y1, .. } | Paint::Line { x0, y0, x1, y1, .. } => {
                                [x0, y0, x1, y1].iter().all(|v| v.is_finite())
                            }
                            Paint::Text { x, y, size, .. } => x.is_finite() && y.is_finite() && size.is_finite(),
                        };
                        assert!(ok, "{name}: non-finite paint {p:?}");
                    }
                    for y in [-1.0, 0.0, 50.0, 500.0, f64::NAN] {
                        let _ = scene.hit_test(scene.width / 2.0, y);
                    }
                }
            }
        }
    }
}

/// Row-by-row and dense layouts follow one rule for when a group has an axis (grid,
/// tick labels, the height they take): a lone bar has none in either mode (its value
/// label or tooltip gives it), a lone negative bar keeps its zero line, a group of
/// several bars has its axis. And a fixed height that dense mode takes is given to the
/// rows, not to axes the decision did not count (once, one-row groups got an axis in
/// dense mode only: 14 rows of a phone chart were squeezed into one pixel).
#[test]
fn one_row_groups_have_no_axis_in_either_layout_mode() {
    // (rows of the counts group, fixed height): row by row, then dense (auto height
    // past MAX_AUTO_ROWS).
    for (counts, dense) in [(20usize, false), (layout::MAX_AUTO_ROWS + 50, true)] {
        let labels: Vec<String> = (0..counts).map(|k| format!("指标{k}")).collect();
        let mut recs: Vec<(&str, f64, Kind)> =
            labels.iter().enumerate().map(|(k, l)| (l.as_str(), (k % 37) as f64 + 1.0, Kind::Count)).collect();
        recs.push(("唯一金额", 8.9e7, Kind::Money));
        recs.push(("唯一降幅", -11.8, Kind::YoyChange));
        let spec = build(&dataset(&recs), ViewKind::Section, None, Locale::Zh);
        let sizes: Vec<usize> = spec.groups.iter().map(|g| g.rows.len()).collect();
        assert_eq!(sizes, vec![counts, 1, 1], "groups: counts, money, year-on-year");
        for dpr in [1.0, 2.0] {
            let name = format!("{counts} counts + two lone bars, dpr={dpr}");
            let scene = lay(&spec, 800.0, None, dpr, Locale::Zh);
            assert_eq!(!scene.dense.is_empty(), dense, "{name}: dense mode");
            check_scene(&name, &spec, &scene, 800.0, None);
            // Each group's rows, top to bottom, in either mode.
            let spans: Vec<(f64, f64)> = if dense {
                scene.dense.iter().map(|d| (d.y0, d.y0 + d.pitch * d.ends.len() as f64)).collect()
            } else {
                let mut first = 0;
                sizes
                    .iter()
                    .map(|n| {
                        let span = (scene.hits[first].y0, scene.hits[first + n - 1].y1);
                        first += n;
                        span
                    })
                    .collect()
            };
            assert_eq!(spans.len(), 3, "{name}: one span per group");
            let tick_labels = |(_, bottom): (f64, f64)| {
                texts(&scene)
                    .filter(|t| t.5 == HAlign::Center && t.6 == VAlign::Top && t.2 > bottom && t.2 < bottom + 20.0)
                    .count()
            };
            let grid_lines = |(top, bottom): (f64, f64)| {
                lines(&scene, Role::Grid)
                    .iter()
                    .filter(|l| (l.1 - top).abs() < 1e-6 && (l.3 - bottom).abs() < 1e-6)
                    .count()
            };
            let zero_across = |(top, bottom): (f64, f64)| {
                lines(&scene, Role::Zero).iter().any(|l| l.1 <= top && l.3 >= bottom && l.3 - l.1 < bottom - top + 10.0)
            };
            assert!(tick_labels(spans[0]) > 1, "{name}: the counts group has tick labels");
            assert!(grid_lines(spans[0]) > 1, "{name}: the counts group has grid lines");
            for (k, what) in [(1, "lone money bar"), (2, "lone negative bar")] {
                assert_eq!(tick_labels(spans[k]), 0, "{name}: the {what} has no tick labels");
                assert_eq!(grid_lines(spans[k]), 0, "{name}: the {what} has no grid lines");
            }
            assert!(!zero_across(spans[1]), "{name}: the lone positive bar has no zero line");
            assert!(zero_across(spans[2]), "{name}: the lone negative bar keeps its zero line");
        }
    }
    // Fixed heights from too small for any group to roomy: whenever dense mode is
    // chosen, its rows get at least the 2 px per group that choice counted on.
    let labels: Vec<String> = (0..60).map(|k| format!("指标{k}")).collect();
    let mut recs: Vec<(&str, f64, Kind)> =
        labels.iter().enumerate().map(|(k, l)| (l.as_str(), (k % 37) as f64 + 1.0, Kind::Count)).collect();
    recs.push(("唯一金额", 8.9e7, Kind::Money));
    recs.push(("唯一降幅", -11.8, Kind::YoyChange));
    recs.push(("唯一比率", 99.4, Kind::Percent));
    let spec = build(&dataset(&recs), ViewKind::Section, None, Locale::Zh);
    let mut dense_heights = 0;
    for h in (120..=500).map(f64::from) {
        let scene = lay(&spec, 800.0, Some(h), 1.0, Locale::Zh);
        if scene.dense.is_empty() {
            continue;
        }
        dense_heights += 1;
        let rows_height: f64 = scene.dense.iter().map(|d| d.pitch * d.ends.len() as f64).sum();
        assert!(
            rows_height >= 2.0 * scene.dense.len() as f64 - 1e-6,
            "fixed height {h}: dense rows got {rows_height} px for {} groups",
            scene.dense.len()
        );
        check_scene(&format!("dense at height {h}"), &spec, &scene, 800.0, Some(h));
    }
    assert!(dense_heights > 0, "some of these heights should be dense");
}
