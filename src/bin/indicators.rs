//! `indicators`: the extractor, and static images of the charts, on the command line.
//!
//! ```text
//! indicators extract REPORT.txt [--overrides FILE] [-o OUT] [--title T]
//!                               [--source-title S] [--year Y] [--no-repeats]
//! indicators render DATASET.json --view V [--section S] [--locale zh|en] [--theme light|dark]
//!                               [--width 800] [--scale 2] --format svg|png -o FILE
//! ```
//!
//! Writes the dataset JSON (pretty, UTF-8) to stdout, or to OUT. The report must be text:
//! UTF-8 (with or without a byte-order mark), or — said so on stderr — UTF-16 with a
//! byte-order mark or GB18030/GBK when it is not UTF-8 but decodes cleanly as that.
//! Errors go to stderr with a non-zero exit: 2 for a usage error, 1 for everything else.

#[path = "indicators/render.rs"]
mod render;

use indicator_chart::extract::{apply_overrides, extract, ExtractError, ExtractOptions, Overrides};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage: indicators extract REPORT.txt [options]
       indicators render DATASET.json [render options] -o FILE

extract: reads a Chinese report and writes the indicators it states as dataset JSON.

options:
  -o, --output OUT      write the JSON to OUT instead of stdout
  --overrides FILE      apply hand corrections (JSON: drop, patch, add, sections, title…)
  --title T             the dataset's title (default: \"<source title>指标\")
  --source-title S      the report's title (default: its first line if that is a title)
  --year Y              the report's year (default: the first 19xx/20xx年 in the text)
  --no-repeats          do not mark figures stated twice as repeat_of the first
  -h, --help            this help

render: draws a chart of a dataset as SVG or PNG, as the browser does.

render options:
  -o, --output FILE     where to write the image (required)
  --format svg|png      the image format (default: from FILE's extension)
  --view V              headline (default), rates, section, overview or money
  --section S           only this section (a section id such as s3)
  --locale zh|en        the language (default zh)
  --theme light|dark    the colours (default light)
  --width W             the chart's width in CSS pixels, 200 to 4000 (default 800)
  --scale K             pixels per CSS pixel, 0.5 to 4 (default 2)
  --sort report|value   the order of the bars (default report)
  --log auto|true|false the value axis (default auto)
";

struct Args {
    report: PathBuf,
    output: Option<PathBuf>,
    overrides: Option<PathBuf>,
    opts: ExtractOptions,
}

enum Cmd {
    Help,
    Extract(Box<Args>),
    Render(Box<render::RenderArgs>),
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Cmd, String> {
    let Some(cmd) = it.next() else { return Err("no command given".into()) };
    match cmd.as_str() {
        "-h" | "--help" | "help" => return Ok(Cmd::Help),
        "extract" => {}
        "render" => return Ok(render::parse(it)?.map_or(Cmd::Help, |a| Cmd::Render(Box::new(a)))),
        other => return Err(format!("unknown command \"{other}\" (the commands are: extract, render)")),
    }
    let mut report: Option<PathBuf> = None;
    let mut output = None;
    let mut overrides = None;
    let mut opts = ExtractOptions::default();
    let value = |it: &mut dyn Iterator<Item = String>, flag: &str| -> Result<String, String> {
        it.next().ok_or_else(|| format!("{flag} needs a value"))
    };
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => return Ok(Cmd::Help),
            "-o" | "--output" => output = Some(PathBuf::from(value(&mut it, &a)?)),
            "--overrides" => overrides = Some(PathBuf::from(value(&mut it, &a)?)),
            "--title" => opts.title = Some(value(&mut it, &a)?),
            "--source-title" => opts.source_title = Some(value(&mut it, &a)?),
            "--year" => {
                let v = value(&mut it, &a)?;
                opts.year = Some(v.parse().map_err(|_| format!("--year needs a whole number, got \"{v}\""))?);
            }
            "--no-repeats" => opts.mark_repeats = false,
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option \"{s}\"")),
            _ => {
                if report.is_some() {
                    return Err(format!("only one report, please (extra argument \"{a}\")"));
                }
                report = Some(PathBuf::from(a));
            }
        }
    }
    let report = report.ok_or("no report file given")?;
    Ok(Cmd::Extract(Box::new(Args { report, output, overrides, opts })))
}

/// The text of a file: UTF-8, else UTF-16 with a BOM, else clean GB18030. Says on stderr
/// when it is not UTF-8.
fn read_text(path: &Path) -> Result<String, String> {
    let bytes = if path.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut b).map_err(|e| format!("cannot read stdin: {e}"))?;
        b
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?
    };
    let name = path.display();
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.remove(0);
            }
            Ok(s)
        }
        Err(e) => {
            let bytes = e.as_bytes();
            let bad = e.utf8_error().valid_up_to();
            if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
                let (text, had_errors) = enc.decode_with_bom_removal(bytes);
                if !had_errors {
                    eprintln!("indicators: {name} is not UTF-8; read it as {} (byte-order mark)", enc.name());
                    return Ok(text.into_owned());
                }
            }
            if let Some(text) = encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
                eprintln!("indicators: {name} is not UTF-8; it decodes cleanly as GB18030, so it was read as GB18030");
                return Ok(text.into_owned());
            }
            let byte = bytes.get(bad).copied().unwrap_or(0);
            Err(format!(
                "{name} is not UTF-8 text (invalid byte 0x{byte:02X} at offset {bad}) and not GB18030 either; \
                 is it a text file? Convert it to UTF-8 (e.g. iconv -f <encoding> -t UTF-8)"
            ))
        }
    }
}

/// Text with NULs, or where control characters are common, is a binary file that happens
/// to decode.
fn looks_binary(text: &str) -> bool {
    let mut controls = 0usize;
    let mut n = 0usize;
    for c in text.chars().take(1 << 20) {
        n += 1;
        if c == '\0' {
            return true;
        }
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            controls += 1;
        }
    }
    controls * 100 > n.max(1)
}

fn run(args: &Args) -> Result<(), String> {
    let text = read_text(&args.report)?;
    let name = args.report.display();
    if looks_binary(&text) {
        return Err(format!("{name} does not look like a text file (it has NUL or many control characters)"));
    }
    let mut ds = extract(&text, &args.opts).map_err(|e| match e {
        ExtractError::NoIndicators => format!("no indicators found in {name}"),
        other => format!("{name}: {other}"),
    })?;
    if let Some(path) = &args.overrides {
        let json =
            std::fs::read_to_string(path).map_err(|e| format!("cannot read overrides {}: {e}", path.display()))?;
        let ov = Overrides::from_json(&json).map_err(|e| format!("{}: {e}", path.display()))?;
        ds = apply_overrides(ds, &ov).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let json = ds.to_json_pretty().map_err(|e| e.to_string())?;
    match &args.output {
        Some(out) => {
            std::fs::write(out, json).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            eprintln!(
                "indicators: {} indicators in {} sections from {name} → {}",
                ds.indicators().len(),
                ds.sections().len(),
                out.display()
            );
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(json.as_bytes())
                .and_then(|_| stdout.flush())
                .map_err(|e| format!("cannot write to stdout: {e}"))?;
        }
    }
    Ok(())
}

/// Exit 0, or 1 with the message on stderr.
fn finish(r: Result<(), String>) -> ExitCode {
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("indicators: {e}");
            ExitCode::from(1)
        }
    }
}

fn main() -> ExitCode {
    match parse_args(std::env::args().skip(1)) {
        Ok(Cmd::Help) => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Cmd::Extract(args)) => finish(run(&args)),
        Ok(Cmd::Render(args)) => finish(render::run(&args)),
        Err(e) => {
            eprintln!("indicators: {e}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
