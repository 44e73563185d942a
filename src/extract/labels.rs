//! Labels: the words before a figure, read back to the previous clause boundary, with
//! the words that are not part of *what is counted* peeled off at its end
//! ([`super::trailing`]) and its start ([`super::leading`]); here, the word lists that tell
//! a number from a name, and whether two labels overlap.

/// Words after a number that show the counted noun does not follow it.
pub(crate) static POST_BLOCKERS: &[&str] = &[
    "的", "以上", "以下", "左右", "同比", "比上", "比去", "较", "内", "以内", "以来", "后", "前", "之中", "之", "共",
    "余", "多", "次", "同期", "分别", "均", "每", "平均", "被", "在", "是", "和", "及", "与", "或", "等",
    // "从1832户增加到3382户", "突破4000亿元、达到4211亿元": a verb, not a noun.
    "增加", "增长", "提高", "上升", "下降", "减少", "达到", "突破", "增至", "降至",
];

/// Abbreviations a figure may follow with no space ("人均GDP45228元"): not a code.
pub(crate) static GLUED_ABBREVIATIONS: &[&str] = &["GDP", "CPI", "PPI"];

/// Words before "N年" that make it a span of years, not a figure ("连续6年", "近5年").
pub(crate) static YEARS_SPAN_WORDS: &[&str] = &["连续", "近", "过去"];

/// Nouns that make "八项…清单" the name of a document rather than a count.
pub(crate) static DOCUMENT_WORDS: &[&str] =
    &["清单", "规定", "制度", "办法", "意见", "方案", "条例", "准则", "细则", "守则", "禁令", "纪律", "精神", "要求"];

/// Fixed terms that contain a Chinese numeral and a counter: political and economic ones, and
/// vehicles named by their wheels.
pub(crate) static FIXED_TERMS: &[&str] = &[
    "三次产业",
    "两个确立",
    "两个维护",
    "四个意识",
    "四个自信",
    "三个代表",
    "四个全面",
    "三个务必",
    "两个大局",
    "两个结合",
    "五个必由之路",
    "三个区分开来",
    // Vehicles named by their wheels, not a count of rounds (三轮车侧翻).
    "两轮车",
    "二轮车",
    "三轮车",
    "四轮车",
    "两轮电动车",
    "三轮摩托",
    "两轮摩托",
];

/// Words that make an amount with 万/亿 but no unit a sum of money.
pub(crate) static MONEY_WORDS: &[&str] = &[
    "金额",
    "资金",
    "资产",
    "损失",
    "挽损",
    "产值",
    "总值",
    "收入",
    "税",
    "投资",
    "营业额",
    "成交额",
    "销售额",
    "经费",
    "罚没",
    "罚款",
    "费用",
    "总额",
    "价值",
    "利润",
    "支出",
    "预算",
    "贷款",
    "存款",
    "融资",
    "交易额",
    "GDP",
    "生产总值",
];

/// Do two labels share a two-char run (ignoring punctuation), or does one contain the
/// other? A rank's "全省排名" is no part of what is ranked: two ranks overlap only by
/// what they rank.
pub fn labels_overlap(a: &str, b: &str) -> bool {
    let clean = |s: &str| -> Vec<char> {
        ranked_subject(s).chars().map(super::text::normalize).filter(|c| c.is_alphanumeric()).collect()
    };
    let (a, b) = (clean(a), clean(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a.len() == 1 || b.len() == 1 {
        let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
        return short.first().is_some_and(|c| long.contains(c));
    }
    let grams: std::collections::HashSet<(char, char)> =
        a.windows(2).filter_map(|w| Some((*w.first()?, *w.get(1)?))).collect();
    b.windows(2).filter_map(|w| Some((*w.first()?, *w.get(1)?))).any(|g| grams.contains(&g))
}

/// What a rank's label ranks: the label without its trailing "排名" and the scope before it
/// (养老诈骗打击总量全省排名 → 养老诈骗打击总量).
fn ranked_subject(label: &str) -> &str {
    let Some(rest) = label.strip_suffix("排名") else { return label };
    RANK_SCOPES.iter().find_map(|s| rest.strip_suffix(s)).unwrap_or(rest)
}

/// The scopes a rank is among, as labels name them before 排名.
const RANK_SCOPES: [&str; 7] = ["全国", "全省", "全市", "全区", "全县", "全州", "全球"];
