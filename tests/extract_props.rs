//! Property tests: whatever the text, the extractor returns (never panics), every value
//! is finite and chartable, every quote is exactly the text at its span, and whatever
//! `extract` returns validates and survives a JSON round trip.

use indicator_chart::extract::{extract, scan, ExtractError, ExtractOptions};
use indicator_chart::model::{Dataset, MAX_ABS_VALUE};
use proptest::prelude::*;

fn check(text: &str) {
    let ex = scan(text, &ExtractOptions::default());
    let chars: Vec<char> = text.chars().collect();
    let section_ids: Vec<&str> = ex.sections.iter().map(|s| s.id.as_str()).collect();
    for i in &ex.indicators {
        assert!(i.value.is_finite(), "{i:?}");
        assert!(i.value.abs() <= MAX_ABS_VALUE, "{i:?}");
        let [s, e] = i.span.expect("span");
        assert!(s < e && e <= chars.len(), "{i:?}");
        let at: String = chars[s..e].iter().collect();
        assert_eq!(at, i.quote, "quote not at its span");
        assert!(!i.label.trim().is_empty(), "{i:?}");
        assert!(section_ids.contains(&i.section.as_str()), "{i:?}");
    }
    match extract(text, &ExtractOptions::default()) {
        Ok(ds) => {
            assert_eq!(ds.indicators().len(), ex.indicators.len());
            let json = serde_json::to_string(&ds).expect("serialise");
            let back = Dataset::from_json(&json).unwrap_or_else(|e| panic!("round trip: {e}"));
            assert_eq!(back, ds);
        }
        Err(ExtractError::NoIndicators) => assert!(ex.indicators.is_empty()),
        Err(ExtractError::Invalid(e)) => panic!("the extractor produced an invalid dataset: {e}\ntext: {text:?}"),
    }
}

/// Fragments of report prose, punctuation and numerals in every form, to be strung
/// together at random: dense with the cases the rules care about.
const FRAGMENTS: &[&str] = &[
    "0",
    "1",
    "2",
    "5",
    "9",
    "12",
    "34",
    "100",
    "2022",
    "１",
    "９",
    "８",
    ".",
    "．",
    ",",
    "，",
    "、",
    "；",
    ";",
    "。",
    "：",
    ":",
    " ",
    "\u{3000}",
    "\n",
    "\r\n",
    "%",
    "％",
    "‰",
    "/",
    "-",
    "+",
    "~",
    "万",
    "亿",
    "千",
    "百",
    "十",
    "余",
    "多",
    "超",
    "近",
    "约",
    "逾",
    "以上",
    "左右",
    "以下",
    "的",
    "同比",
    "比上年",
    "比",
    "较",
    "下降",
    "增长",
    "提升",
    "至",
    "分别",
    "均",
    "占",
    "达",
    "为",
    "共",
    "累计",
    "全市",
    "第",
    "列全省",
    "居",
    "一",
    "两",
    "二",
    "三",
    "四",
    "五",
    "零",
    "〇",
    "个",
    "人",
    "人次",
    "起",
    "件",
    "名",
    "家",
    "元",
    "万元",
    "亿元",
    "批(件)",
    "批次",
    "项",
    "条",
    "大",
    "小时",
    "分钟",
    "年",
    "月",
    "日",
    "“",
    "”",
    "\"",
    "《",
    "》",
    "(",
    ")",
    "（",
    "）",
    "一、",
    "(一)",
    "（二）",
    "1.",
    "2、",
    "即",
    "和",
    "及",
    "破获案件",
    "个百分点",
    "倍",
    "岁",
    "PM",
    "G",
    "每",
    "稳定在",
    "新增",
    "等",
    "比2021年",
];

fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..300).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode_string(s in any::<String>()) {
        check(&s);
    }

    #[test]
    fn report_like_fragments(s in prose()) {
        check(&s);
    }

    #[test]
    fn binary_ish_bytes(b in prop::collection::vec(any::<u8>(), 0..2000)) {
        check(&String::from_utf8_lossy(&b));
    }

    #[test]
    fn long_digit_runs(n in 1usize..1500, pre in prose(), post in prose(), digit in prop::sample::select(&["9", "0", "１", "9.9", "9,999"])) {
        check(&format!("{pre}{}{post}", digit.repeat(n)));
        check(&format!("{pre}破获案件{}起{post}", digit.repeat(n)));
    }

    #[test]
    fn many_multipliers(n in 1usize..400, lead in prop::sample::select(&["", "1", "9.5", "超", "十", "两", "第"]), tail in prop::sample::select(&["", "元", "人", "%", "起"])) {
        check(&format!("{lead}{}{tail}", "万亿".repeat(n)));
        check(&format!("{lead}{}{tail}", "亿".repeat(n)));
        check(&format!("破获{lead}{}{tail}。", "十百千万".repeat(n)));
    }

    #[test]
    fn deeply_punctuated(n in 1usize..300, p in prop::sample::select(&["“", "”", "(", ")", "（", "、", "，", "。", "\"", "《", "一、", "(一)", "1."])) {
        check(&p.repeat(n));
        check(&format!("{}12个{}", p.repeat(n), p.repeat(n)));
        check(&format!("{}破获案件12起，同比下降5%{}", "“".repeat(n), "”".repeat(n)));
    }
}

/// Large inputs finish, and quickly: the rules read a bounded window around each number.
#[test]
fn huge_inputs() {
    let cases: Vec<(&str, String)> = vec![
        ("a million nines", "9".repeat(1_000_000)),
        ("half a million 万", "万".repeat(500_000)),
        ("quote openers", "“".repeat(300_000)),
        ("headings", "(一)".repeat(100_000)),
        ("spaces", format!("{}1{}", " ".repeat(300_000), " ".repeat(300_000))),
        ("figures", "破获案件12起，同比下降5%，".repeat(5_000)),
        ("a list", format!("同比分别下降{}", "1%、".repeat(20_000))),
        ("a list of counts", format!("{}，同比分别下降5%、6%", "1个、".repeat(20_000))),
        ("one long clause", format!("破获{}案件12起", "案".repeat(300_000))),
    ];
    for (name, text) in cases {
        let t = std::time::Instant::now();
        check(&text);
        // Time is printed, not asserted (shared machines are noisy): speed is measured in
        // the benchmark, as a ratio. What is asserted is what check() asserts.
        println!("{name}: {} chars in {} ms", text.chars().count(), t.elapsed().as_millis());
    }
}
