//! How well the extractor does on real published report texts it was not written against.
//!
//! The corpus is `tests/fixtures/real/{dev,heldout}/<genre>-<place>-<year>.txt`, each text
//! copied exactly from its published source (see `tests/fixtures/real/SOURCES.md`), with every
//! figure it states written down by hand in `<same>.truth.json`. The split into `dev` and
//! `heldout` was made before anything was measured; nobody tunes the extractor on `heldout`.
//!
//! * `truth_files_are_sound` guards the truth files themselves: every quote occurs in its text,
//!   every value agrees with a number written in its quote, kinds and units fit together, and no
//!   two records of a text share label, kind and unit with different values.
//! * `real_reports` runs the extractor on every text and prints, per half and per genre:
//!   - **recall**: truth figures found (an extracted record with the same value, signed, whose
//!     span overlaps the truth quote's first occurrence in the text);
//!   - **precision**: extracted records that matched a truth figure;
//!   - **kind**: matched pairs with the same kind (percent and ratio count as one);
//!   - **label**: matched pairs whose labels agree: equal once punctuation and quote marks are
//!     dropped, or the same words in another order, where the words are the pieces between
//!     punctuation and the joining characters 和 与 及 的 ("盗窃和诈骗" = "诈骗和盗窃"; a bag of
//!     characters would be too loose, so it is not used), or one label's pieces between
//!     punctuation joined in another order give the other ("第一产业增加值（民营经济）" =
//!     "民营经济第一产业增加值": a qualifier in brackets after the name, or written before it);
//!   - **ambiguous**: extracted records whose section, label, kind and unit are shared by an
//!     extracted record of another value (a reader cannot tell the two bars apart).
//!
//! The table goes to stdout (`cargo test --test extract_real -- --nocapture` shows it) and is
//! repeated in the message of any floor that fails, so a red CI log carries it without
//! `--nocapture`. The floors are today's measurements less a small margin: raise them as the
//! extractor improves.

#![allow(clippy::disallowed_methods)] // clippy.toml keeps these out of the wasm; tests are native
use indicator_chart::extract::{extract, ExtractOptions};
use indicator_chart::model::{Indicator, Kind};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
struct Truth {
    label: String,
    value: f64,
    unit: String,
    kind: Kind,
    approx: bool,
    quote: String,
}

struct Text {
    half: &'static str,
    genre: &'static str,
    name: String,
    text: String,
    truth: Vec<Truth>,
}

const HALVES: [&str; 2] = ["dev", "heldout"];

/// The genre of a corpus file, from the start of its name.
fn genre_of(name: &str) -> &'static str {
    const GENRES: [(&str, &str); 16] = [
        ("gwr-", "政府工作报告"),
        ("tjgb-", "统计公报"),
        ("stats-", "统计分析"),
        ("police-", "公安"),
        ("court-", "法院"),
        ("procuratorate-", "检察院"),
        ("market-regulation-", "部门总结"),
        ("emergency-", "部门总结"),
        ("civil-affairs-", "部门总结"),
        ("human-resources-", "部门总结"),
        ("transport-", "部门总结"),
        ("tax-", "部门总结"),
        ("health-", "部门总结"),
        ("ecology-", "部门总结"),
        ("agriculture-", "部门总结"),
        // A sector's statistics bulletin (教育事业发展统计公报).
        ("education-", "统计公报"),
    ];
    GENRES
        .iter()
        .find(|(prefix, _)| name.starts_with(prefix))
        .map(|(_, g)| *g)
        .unwrap_or_else(|| panic!("{name}: no genre for this file name; add its prefix to genre_of"))
}

fn corpus() -> Vec<Text> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut out = Vec::new();
    for half in HALVES {
        let dir = root.join(half);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for txt in files {
            let name = txt.file_stem().and_then(|s| s.to_str()).unwrap_or("?").to_string();
            let text = std::fs::read_to_string(&txt).unwrap_or_else(|e| panic!("{}: {e}", txt.display()));
            let tp = txt.with_extension("truth.json");
            let json = std::fs::read_to_string(&tp).unwrap_or_else(|e| panic!("{}: no truth file ({e})", tp.display()));
            let truth: Vec<Truth> = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}: {e}", tp.display()));
            out.push(Text { half, genre: genre_of(&name), name, text, truth });
        }
    }
    out
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// `[start, end)` in code points of the first occurrence of `quote` in `text`.
fn quote_span(text: &str, quote: &str) -> Option<[usize; 2]> {
    let byte = text.find(quote)?;
    let start = text[..byte].chars().count();
    Some([start, start + quote.chars().count()])
}

/// The numbers written in a quote, each times the multiplier that follows it (万, 亿, 万亿,
/// 千万, 百万, 千): "321 146件" → 321146, "1.39万亿斤" → 1.39e12; and one-character Chinese
/// numerals (两次 → 2).
fn numbers_in(quote: &str) -> Vec<f64> {
    let chars: Vec<char> = quote.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if let Some(v) = "一二三四五六七八九十".chars().position(|c| c == chars[i]) {
            // 两次降低存款准备金率, 分三批: a one-character Chinese numeral.
            out.push(v as f64 + 1.0);
        } else if chars[i] == '两' {
            out.push(2.0);
        }
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut s = String::new();
        while i < chars.len() {
            let c = chars[i];
            let digit_group = c == ' '
                && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())
                && chars.get(i + 4).is_none_or(|d| !d.is_ascii_digit())
                && chars[i + 1..].iter().take(3).all(|d| d.is_ascii_digit());
            if c.is_ascii_digit() || (c == '.' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())) {
                s.push(c);
            } else if !digit_group {
                break;
            }
            i += 1;
        }
        // 2300余亿元, 6600多万, "12.3 万吨": the multiplier may follow 余/多 or a space.
        let skip = usize::from(chars.get(i).is_some_and(|c| *c == '余' || *c == '多' || *c == ' '));
        let rest: String = chars[i + skip..].iter().take(2).collect();
        let mult = if rest.starts_with("万亿") {
            1e12
        } else if rest.starts_with("千万") {
            1e7
        } else if rest.starts_with("百万") {
            1e6
        } else if rest.starts_with('亿') {
            1e8
        } else if rest.starts_with('万') {
            1e4
        } else if rest.starts_with('千') && !rest.ends_with(['米', '克', '瓦', '伏', '卡']) {
            // 千米, 千克, 千瓦时: a unit, not a thousand.
            1e3
        } else {
            1.0
        };
        if let Ok(v) = s.parse::<f64>() {
            out.push(v * mult);
        }
    }
    out
}

/// Label agreement: see the header.
fn labels_agree(a: &str, b: &str) -> bool {
    fn is_sep(c: char) -> bool {
        c.is_whitespace() || c.is_ascii_punctuation() || "“”‘’「」《》（）、，：；。·—".contains(c)
    }
    let squeeze = |s: &str| s.chars().filter(|&c| !is_sep(c)).collect::<String>();
    if squeeze(a) == squeeze(b) {
        return true;
    }
    let words = |s: &str| {
        let mut w: Vec<String> = s
            .split(|c: char| is_sep(c) || "和与及的".contains(c))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        w.sort();
        w
    };
    words(a) == words(b) || joined_in_another_order(a, b, is_sep) || joined_in_another_order(b, a, is_sep)
}

/// Whether `a`'s pieces between separators (two to four of them), joined in some order,
/// spell `b` with its separators dropped.
fn joined_in_another_order(a: &str, b: &str, is_sep: fn(char) -> bool) -> bool {
    let pieces: Vec<&str> = a.split(is_sep).filter(|w| !w.is_empty()).collect();
    let target: String = b.chars().filter(|&c| !is_sep(c)).collect();
    if !(2..=4).contains(&pieces.len()) {
        return false;
    }
    let mut order: Vec<usize> = (0..pieces.len()).collect();
    permutations(&mut order, 0, &mut |o| o.iter().map(|&i| pieces[i]).collect::<String>() == target)
}

/// Whether `test` holds for some ordering of `order[k..]` (orderings made by swapping in place).
fn permutations(order: &mut [usize], k: usize, test: &mut dyn FnMut(&[usize]) -> bool) -> bool {
    if k == order.len() {
        return test(order);
    }
    for i in k..order.len() {
        order.swap(k, i);
        let found = permutations(order, k + 1, test);
        order.swap(k, i);
        if found {
            return true;
        }
    }
    false
}

fn kinds_agree(a: Kind, b: Kind) -> bool {
    let fold = |k: Kind| if k == Kind::Ratio { Kind::Percent } else { k };
    fold(a) == fold(b)
}

#[derive(Default, Clone, Copy)]
struct Tally {
    texts: usize,
    truth: usize,
    got: usize,
    matched: usize,
    kind_ok: usize,
    label_ok: usize,
    ambiguous: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.texts += o.texts;
        self.truth += o.truth;
        self.got += o.got;
        self.matched += o.matched;
        self.kind_ok += o.kind_ok;
        self.label_ok += o.label_ok;
        self.ambiguous += o.ambiguous;
    }
    fn recall(&self) -> f64 {
        self.matched as f64 / self.truth.max(1) as f64
    }
    fn precision(&self) -> f64 {
        self.matched as f64 / self.got.max(1) as f64
    }
    fn kind(&self) -> f64 {
        self.kind_ok as f64 / self.matched.max(1) as f64
    }
    fn label(&self) -> f64 {
        self.label_ok as f64 / self.matched.max(1) as f64
    }
    fn ambiguous_share(&self) -> f64 {
        self.ambiguous as f64 / self.got.max(1) as f64
    }
    fn row(&self, half: &str, genre: &str) -> String {
        format!(
            "{half:<8} {:>5} {:>5} {:>5} {:>7} {:>6.3} {:>9.3} {:>6.3} {:>6.3} {:>9.3}  {genre}",
            self.texts,
            self.truth,
            self.got,
            self.matched,
            self.recall(),
            self.precision(),
            self.kind(),
            self.label(),
            self.ambiguous_share()
        )
    }
}

/// Matches one text's truth with what the extractor found; prints the misses, the extras and
/// the disagreements, and returns the tally.
fn measure(t: &Text, got: &[Indicator]) -> Tally {
    // Only dev texts' misses are printed: heldout is for the final numbers, not for tuning
    // (EXTRACT_REAL_SHOW_HELDOUT=1 prints them too, for checking the truth files).
    let show = t.half == "dev" || std::env::var_os("EXTRACT_REAL_SHOW_HELDOUT").is_some();
    let mut used = vec![false; got.len()];
    let mut tally = Tally { texts: 1, truth: t.truth.len(), got: got.len(), ..Tally::default() };
    let overlaps = |a: [usize; 2], b: [usize; 2]| a[0] < b[1] && b[0] < a[1];
    for r in &t.truth {
        let Some(ts) = quote_span(&t.text, &r.quote) else { continue };
        let hit = (0..got.len())
            .find(|&k| !used[k] && same_value(got[k].value, r.value) && got[k].span.is_some_and(|gs| overlaps(gs, ts)));
        let Some(k) = hit else {
            if show {
                println!("    missed: {} = {} {} ({:?}) «{}»", r.label, r.value, r.unit, r.kind, r.quote);
            }
            continue;
        };
        used[k] = true;
        tally.matched += 1;
        let g = &got[k];
        if kinds_agree(g.kind, r.kind) {
            tally.kind_ok += 1;
        } else {
            if show {
                println!("    kind:   {} = {}: {:?}, truth {:?} «{}»", r.label, r.value, g.kind, r.kind, g.quote);
            }
        }
        if labels_agree(&g.label, &r.label) {
            tally.label_ok += 1;
        } else {
            if show {
                println!("    label:  {} = {}: «{}», truth «{}»", r.quote, r.value, g.label, r.label);
            }
        }
    }
    for (g, _) in got.iter().zip(&used).filter(|(_, u)| !**u) {
        if show {
            println!("    extra:  {} = {} {} ({:?}) «{}»", g.label, g.value, g.unit, g.kind, g.quote);
        }
    }
    tally.ambiguous = got
        .iter()
        .filter(|g| {
            got.iter().any(|o| {
                o.section == g.section
                    && o.label == g.label
                    && o.kind == g.kind
                    && o.unit == g.unit
                    && !same_value(o.value, g.value)
            })
        })
        .count();
    if show {
        for g in got {
            let twin = got.iter().any(|o| {
                o.section == g.section
                    && o.label == g.label
                    && o.kind == g.kind
                    && o.unit == g.unit
                    && !same_value(o.value, g.value)
            });
            if twin {
                println!("    ambig:  {} {} = {} {} ({:?}) «{}»", g.section, g.label, g.value, g.unit, g.kind, g.quote);
            }
        }
    }
    tally
}

#[test]
fn real_reports() {
    let texts = corpus();
    assert!(texts.len() >= 10, "expected at least 10 corpus texts, found {}", texts.len());
    let mut by_group: BTreeMap<(&str, &str), Tally> = BTreeMap::new();
    for t in &texts {
        println!("{}/{} ({}, {} chars):", t.half, t.name, t.genre, t.text.chars().count());
        let got = match extract(&t.text, &ExtractOptions::default()) {
            Ok(ds) => ds.indicators().to_vec(),
            Err(e) => {
                println!("    extractor refused the text: {e}");
                Vec::new()
            }
        };
        let tally = measure(t, &got);
        by_group.entry((t.half, t.genre)).or_default().add(&tally);
    }
    let mut table =
        String::from("half     texts truth   got matched recall precision   kind  label ambiguous  genre\n");
    let mut totals: BTreeMap<&str, Tally> = BTreeMap::new();
    for half in HALVES {
        for ((h, genre), tally) in by_group.iter().filter(|((h, _), _)| *h == half) {
            table += &tally.row(h, genre);
            table.push('\n');
            totals.entry(half).or_default().add(tally);
        }
        table += &totals.get(half).copied().unwrap_or_default().row(half, "ALL");
        table.push('\n');
    }
    println!("\n{table}");
    // Floors of 2026-12-02's evening session: dev (76 texts) 0.988, 0.988, 0.997, 0.744, 0.000
    // and heldout (16 texts: six untouched texts added to it that evening) 0.984, 0.974,
    // 0.984, 0.659, 0.012, less about 0.015.
    // Before: the floors of 2026-12-02's afternoon session, dev (58 texts) 0.993, 0.988,
    // 0.996, 0.727, 0.000 and heldout (10 texts) 0.981, 0.974, 0.979, 0.675, 0.016, less
    // about 0.015.
    // The dev label floor went from 0.70 to 0.67 when the twelfth round's six texts came in
    // (dev label 0.712 on 46 texts, 0.686 on 52; they measured 0.414 fresh).
    // Before: the figures of 2026-12-01's third session (35 texts: fifteen short ones
    // added to dev), dev 0.993, 0.979, 0.996, 0.661, 0.000 and heldout 0.981, 0.970, 0.969,
    // 0.649, 0.028, less about 0.02. The dev label floor is lower than before because the new
    // dev texts' truth is harder: with the first eight of them dev label agreement fell from
    // 0.792 to 0.632.
    // Before that: the figures measured on 2026-12-01 (20 texts) after the second day's
    // label rules (dev: recall 0.989, precision 0.951, kind 0.985, label 0.758, ambiguous 0.000;
    // heldout: 0.981, 0.968, 0.964, 0.630, 0.072), less about 0.02. Before them, after the
    // labels branch: dev 0.989, 0.934, 0.985, 0.714, 0.000 and heldout 0.981, 0.963, 0.964,
    // 0.623, 0.071. Before that, on the same 20
    // texts: dev 0.989, 0.931, 0.967, 0.647, 0.042 and heldout 0.937, 0.920, 0.963, 0.615,
    // 0.140; on the first 16 texts dev 1.000, 0.966, 0.995, 0.749, 0.000 and heldout 0.915,
    // 0.904, 0.947, 0.623, 0.177. Raise them as the extractor improves. Ambiguity is a ceiling.
    // (half, recall, precision, kind, label, ambiguous)
    let floors: [(&str, f64, f64, f64, f64, f64); 2] =
        [("dev", 0.975, 0.975, 0.98, 0.73, 0.01), ("heldout", 0.97, 0.96, 0.97, 0.645, 0.02)];
    for (half, recall, precision, kind, label, ambiguous) in floors {
        let t = totals.get(half).copied().unwrap_or_default();
        let checks = [
            ("recall", t.recall(), recall, true),
            ("precision", t.precision(), precision, true),
            ("kind agreement", t.kind(), kind, true),
            ("label agreement", t.label(), label, true),
            ("ambiguous-label share", t.ambiguous_share(), ambiguous, false),
        ];
        for (what, got, floor, higher_is_better) in checks {
            let ok = if higher_is_better { got >= floor } else { got <= floor };
            assert!(
                ok,
                "{half}: {what} {got:.3} is {} today's {} {floor:.3}\n{table}",
                if higher_is_better { "below" } else { "above" },
                if higher_is_better { "floor" } else { "ceiling" }
            );
        }
    }
}

#[test]
fn truth_files_are_sound() {
    let texts = corpus();
    let mut problems = Vec::new();
    for half in HALVES {
        let genres: std::collections::BTreeSet<&str> =
            texts.iter().filter(|t| t.half == half).map(|t| t.genre).collect();
        let all: std::collections::BTreeSet<&str> = texts.iter().map(|t| t.genre).collect();
        if genres != all {
            problems.push(format!("{half}: genres {genres:?}, but the corpus has {all:?}"));
        }
    }
    for t in &texts {
        let n = t.text.chars().count();
        if n > 8_500 {
            problems
                .push(format!("{}: {n} characters; keep texts to about 8,000 so they can be checked by hand", t.name));
        }
        if t.truth.is_empty() {
            problems.push(format!("{}: no truth records", t.name));
        }
        for (i, r) in t.truth.iter().enumerate() {
            let at = format!("{}.truth.json[{i}] «{}»", t.name, r.quote);
            if r.quote.is_empty() || !t.text.contains(&r.quote) {
                problems.push(format!("{at}: quote does not occur in the text"));
                continue;
            }
            if !numbers_in(&r.quote).iter().any(|&v| same_value(v, r.value.abs())) {
                problems.push(format!("{at}: value {} is not a number written in the quote", r.value));
            }
            if r.label.is_empty() || r.unit.is_empty() {
                problems.push(format!("{at}: empty label or unit"));
            }
            if ["增长", "下降", "上升", "增加", "减少", "提高", "回落"].iter().any(|w| r.label.ends_with(w))
            {
                problems.push(format!("{at}: label «{}» ends with a direction word", r.label));
            }
            let unit_ok = match r.kind {
                Kind::YoyChange => r.unit == "%",
                Kind::Percent => r.unit == "%" || r.unit == "‰",
                Kind::Ratio => r.unit == "%" || r.unit == "‰" || r.unit == "倍",
                Kind::Money => r.unit == "元" || r.unit == "美元",
                Kind::Rank => r.unit == "名次",
                Kind::Count | Kind::Change => true,
            };
            if !unit_ok {
                problems.push(format!("{at}: unit {} does not fit kind {:?}", r.unit, r.kind));
            }
            if r.value < 0.0 && !matches!(r.kind, Kind::YoyChange | Kind::Change) {
                problems.push(format!("{at}: negative value {} for kind {:?}", r.value, r.kind));
            }
            let approx_word = ["余", "超", "近", "约", "多", "上千", "突破", "逾"].iter().any(|w| r.quote.contains(w));
            if r.approx && !approx_word {
                problems.push(format!("{at}: approx, but the quote has no 余/超/近/约/多/突破/逾"));
            }
            for o in &t.truth[..i] {
                if o.label == r.label && o.kind == r.kind && o.unit == r.unit && !same_value(o.value, r.value) {
                    problems.push(format!("{at}: label «{}» names two {:?} figures", r.label, r.kind));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{} problems in the real corpus:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn helpers_read_numbers_and_labels() {
    assert_eq!(numbers_in("审结325 490件"), vec![325490.0]);
    assert_eq!(numbers_in("粮食产量1.39万亿斤"), vec![1.39e12]);
    assert_eq!(numbers_in("分别下降15.0%、30.8%"), vec![15.0, 30.8]);
    assert_eq!(numbers_in("出栏羊18.0万只, 3 头"), vec![180000.0, 3.0]);
    assert!(labels_agree("“新三样”出口", "新三样出口"));
    assert!(labels_agree("盗窃和诈骗", "诈骗和盗窃"));
    assert_eq!(numbers_in("挽回直接经济损失2300余亿元"), vec![2.3e11]);
    assert!(!labels_agree("城镇居民人均可支配收入", "农村居民人均可支配收入"));
    assert!(!labels_agree("地区生产总值", "生产总值地区"));
    assert!(labels_agree("第一产业增加值（民营经济）", "民营经济第一产业增加值"));
    assert!(labels_agree("完成目标任务（失业人员再就业）", "失业人员再就业完成目标任务"));
    assert!(!labels_agree("第一产业增加值（民营经济）", "民营经济第二产业增加值"));
    assert!(!labels_agree("退出（城市低保新增）", "城市低保退出"));
    assert!(kinds_agree(Kind::Percent, Kind::Ratio));
    assert!(!kinds_agree(Kind::YoyChange, Kind::Change));
}
