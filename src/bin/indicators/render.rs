//! `indicators render`: a chart as a static image, SVG or PNG, from the same view, layout
//! and SVG painting as the browser's `chart.toSvg()`. Text is measured with the font the
//! image will be drawn in (found among the system fonts by fontdb, its advances read by skrifa, both what
//! resvg itself uses),
//! so what layout cuts to fit is what resvg draws; PNG is the SVG rasterised by resvg.

use indicator_chart::format::Locale;
use indicator_chart::layout::{self, ApproxMeasure, Frame, Measure};
use indicator_chart::model::Dataset;
use indicator_chart::render::{Theme, FONT_FAMILY};
use indicator_chart::view::{self, Scale, ViewKind, ViewOptions};
use resvg::usvg::{self, fontdb};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};
use std::path::PathBuf;
use std::sync::Arc;

/// Widths the command accepts, in CSS pixels.
const WIDTH_RANGE: (f64, f64) = (200.0, 4000.0);
/// Scales the command accepts (device pixels per CSS pixel).
const SCALE_RANGE: (f64, f64) = (0.5, 4.0);

/// SVG or PNG.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Format {
    Svg,
    Png,
}

/// What `render` was asked for.
pub struct RenderArgs {
    pub dataset: PathBuf,
    pub output: PathBuf,
    pub format: Format,
    pub view: ViewOptions,
    pub locale: Locale,
    pub dark: bool,
    pub width: f64,
    pub scale: f64,
}

/// Parses the arguments after `render`.
pub fn parse(mut it: impl Iterator<Item = String>) -> Result<Option<RenderArgs>, String> {
    let mut dataset = None;
    let mut output = None;
    let mut format = None;
    let mut view = ViewOptions::default();
    let mut locale = Locale::Zh;
    let mut dark = false;
    let mut width = 800.0;
    let mut scale = 2.0;
    let value = |it: &mut dyn Iterator<Item = String>, flag: &str| -> Result<String, String> {
        it.next().ok_or_else(|| format!("{flag} needs a value"))
    };
    let number = |v: &str, flag: &str, (lo, hi): (f64, f64)| -> Result<f64, String> {
        match v.parse::<f64>() {
            Ok(n) if n.is_finite() && (lo..=hi).contains(&n) => Ok(n),
            _ => Err(format!("{flag} needs a number from {lo} to {hi}, got \"{v}\"")),
        }
    };
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => return Ok(None),
            "-o" | "--output" => output = Some(PathBuf::from(value(&mut it, &a)?)),
            "--view" => {
                let v = value(&mut it, &a)?;
                let names: Vec<&str> = ViewKind::ALL.iter().map(|k| k.as_str()).collect();
                view.kind = ViewKind::parse(&v).ok_or_else(|| {
                    format!("unknown view \"{v}\" (the views are: {})", indicator_chart::format::join(&names, ", "))
                })?;
            }
            "--section" => view.section = Some(value(&mut it, &a)?),
            "--sort" => {
                let v = value(&mut it, &a)?;
                view.sort = view::Sort::parse(&v)
                    .ok_or_else(|| format!("unknown sort \"{v}\" (the orders are: report, value)"))?;
            }
            "--log" => {
                let v = value(&mut it, &a)?;
                view.scale = match v.as_str() {
                    "auto" => Scale::Auto,
                    "true" => Scale::Log,
                    "false" => Scale::Linear,
                    _ => return Err(format!("--log needs auto, true or false, got \"{v}\"")),
                };
            }
            "--locale" => {
                let v = value(&mut it, &a)?;
                locale =
                    Locale::parse(&v).ok_or_else(|| format!("unknown locale \"{v}\" (the locales are: zh, en)"))?;
            }
            "--theme" => {
                let v = value(&mut it, &a)?;
                dark = match v.as_str() {
                    "light" => false,
                    "dark" => true,
                    _ => return Err(format!("unknown theme \"{v}\" (the themes are: light, dark)")),
                };
            }
            "--width" => width = number(&value(&mut it, &a)?, &a, WIDTH_RANGE)?,
            "--scale" => scale = number(&value(&mut it, &a)?, &a, SCALE_RANGE)?,
            "--format" => {
                let v = value(&mut it, &a)?;
                format = Some(match v.as_str() {
                    "svg" => Format::Svg,
                    "png" => Format::Png,
                    _ => return Err(format!("unknown format \"{v}\" (the formats are: svg, png)")),
                });
            }
            s if s.starts_with('-') => return Err(format!("unknown option \"{s}\"")),
            _ => {
                if dataset.is_some() {
                    return Err(format!("only one dataset, please (extra argument \"{a}\")"));
                }
                dataset = Some(PathBuf::from(a));
            }
        }
    }
    let dataset = dataset.ok_or("no dataset file given")?;
    let output = output.ok_or("no output file given (-o FILE)")?;
    // The format: as given, else from the output's extension.
    let format = match format {
        Some(f) => f,
        None => match output.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()).as_deref() {
            Some("svg") => Format::Svg,
            Some("png") => Format::Png,
            _ => return Err("no --format given and the output's name ends in neither .svg nor .png".into()),
        },
    };
    Ok(Some(RenderArgs { dataset, output, format, view, locale, dark, width, scale }))
}

/// A font file's bytes and the face's index in it.
type FaceData = (Arc<Vec<u8>>, u32);

/// Text measured with the font the image is drawn in: the first family of
/// [`FONT_FAMILY`] that the system has, regular and bold; characters it lacks fall back
/// to the estimate.
struct FontMeasure {
    regular: FaceData,
    bold: FaceData,
}

/// The families of [`FONT_FAMILY`], in order, without quotes.
fn families() -> Vec<String> {
    FONT_FAMILY.split(',').map(|f| f.trim().trim_matches('\'').trim_matches('"').to_string()).collect()
}

fn family_of(name: &str) -> fontdb::Family<'_> {
    match name {
        "sans-serif" => fontdb::Family::SansSerif,
        "serif" => fontdb::Family::Serif,
        "monospace" => fontdb::Family::Monospace,
        n => fontdb::Family::Name(n),
    }
}

impl FontMeasure {
    /// The font the SVG's font list resolves to among `db`'s fonts (as resvg resolves
    /// it), with its family name, if it has Chinese: a font without it would draw boxes,
    /// and the estimate is then the better measure.
    fn new(db: &fontdb::Database) -> Option<(FontMeasure, String)> {
        let names = families();
        let fams: Vec<fontdb::Family> = names.iter().map(|n| family_of(n)).collect();
        let mut files: Vec<(std::path::PathBuf, Arc<Vec<u8>>)> = Vec::new();
        let mut face = |weight| -> Option<(FaceData, String)> {
            let id = db.query(&fontdb::Query { families: &fams, weight, ..Default::default() })?;
            let info = db.face(id)?;
            let name = info.families.first().map(|(n, _)| n.clone()).unwrap_or_default();
            let data = match &info.source {
                fontdb::Source::Binary(b) => Arc::new((**b).as_ref().to_vec()),
                fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => {
                    match files.iter().find(|(q, _)| q == p) {
                        Some((_, d)) => d.clone(),
                        None => {
                            let d = Arc::new(std::fs::read(p).ok()?);
                            files.push((p.clone(), d.clone()));
                            d
                        }
                    }
                }
            };
            let font = FontRef::from_index(&data, info.index).ok()?;
            font.charmap().map('中').is_some().then_some(((data.clone(), info.index), name))
        };
        let (regular, name) = face(fontdb::Weight::NORMAL)?;
        let bold = face(fontdb::Weight::BOLD).map(|(b, _)| b).unwrap_or_else(|| regular.clone());
        Some((FontMeasure { regular, bold }, name))
    }
}

impl Measure for FontMeasure {
    fn text_width(&self, text: &str, px: f64, bold: bool) -> f64 {
        let (data, index) = if bold { &self.bold } else { &self.regular };
        let Ok(font) = FontRef::from_index(data, *index) else {
            return ApproxMeasure.text_width(text, px, bold);
        };
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::new(px as f32), LocationRef::default());
        let mut buf = [0u8; 4];
        text.chars()
            .map(|c| match charmap.map(c).and_then(|g| metrics.advance_width(g)) {
                Some(adv) => adv as f64,
                None => ApproxMeasure.text_width(c.encode_utf8(&mut buf), px, bold),
            })
            .sum()
    }
}

/// Runs `render`: reads the dataset, lays out the view, writes the image.
pub fn run(args: &RenderArgs) -> Result<(), String> {
    let name = args.dataset.display();
    let json = std::fs::read_to_string(&args.dataset).map_err(|e| format!("cannot read {name}: {e}"))?;
    let ds = Dataset::from_json(&json).map_err(|e| format!("{name} is not a valid dataset: {e}"))?;
    let spec = view::build(&ds, &args.view, args.locale).map_err(|e| format!("{name}: {e}"))?;
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    let font = FontMeasure::new(&db);
    let measure: &dyn Measure = match &font {
        Some((m, _)) => m,
        None => {
            eprintln!(
                "indicators: no system font with Chinese found (looked for: {}); text is measured by estimate \
                 and a PNG may show boxes: install one, e.g. fonts-noto-cjk",
                indicator_chart::format::join(&families(), ", ")
            );
            &ApproxMeasure
        }
    };
    let frame = Frame { width: args.width, height: None, dpr: args.scale };
    let scene = layout::layout(&spec, frame, args.locale, measure);
    let theme = if args.dark { Theme::DARK } else { Theme::LIGHT };
    let svg = indicator_chart::svg::to_svg(&scene, &theme, args.scale, &spec.title, &spec.description);
    let bytes = match args.format {
        Format::Svg => svg.into_bytes(),
        Format::Png => png(&svg, db)?,
    };
    let out = args.output.display();
    std::fs::write(&args.output, &bytes).map_err(|e| format!("cannot write {out}: {e}"))?;
    let font_name = font.as_ref().map(|(_, n)| n.as_str()).unwrap_or("estimated widths");
    eprintln!(
        "indicators: {} view, {} rows, {}×{} px ({font_name}) → {out}",
        spec.view.as_str(),
        scene.hit_count(),
        (scene.width * args.scale).round(),
        (scene.height * args.scale).round()
    );
    Ok(())
}

/// The SVG rasterised at its own size (already scaled), as PNG bytes.
fn png(svg: &str, db: fontdb::Database) -> Result<Vec<u8>, String> {
    let opts = usvg::Options { fontdb: Arc::new(db), ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(svg, &opts).map_err(|e| format!("the SVG did not parse for rasterising: {e}"))?;
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| format!("cannot make a {}×{} image", size.width(), size.height()))?;
    resvg::render(&tree, resvg::tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("PNG encoding failed: {e}"))
}
