//! The start of a label: scope, time and adverbs peeled off (全市, 今年以来, 1-9月, 共,
//! 其中…), who acts (全国市场监管部门), a bulletin's run-in heading, and the part of the
//! year a figure is of (一季度).

use super::text::Doc;

/// Parts of a year a figure may be of ("一季度增长4.1%"), longest first where one starts
/// another.
static PERIODS: &[&str] = &[
    "第一季度",
    "第二季度",
    "第三季度",
    "第四季度",
    "一季度",
    "二季度",
    "三季度",
    "四季度",
    "前三季度",
    "前两季度",
    "上半年",
    "下半年",
];

/// The part of a year `words` start with ("一季度", "1-9月"), if any.
pub(crate) fn period_at_start(doc: &Doc, s: usize, end: usize) -> Option<String> {
    if let Some(n) = months_at(doc, s, end) {
        return Some(doc.raw_str(s, s + n));
    }
    if let Some(n) = years_span_at(doc, s, end) {
        return Some(doc.raw_str(s, s + n));
    }
    doc.longest_at(s, PERIODS).map(str::to_string)
}

/// The length of a span of years ("连续4年", "近5年") at `s`, if one starts there.
fn years_span_at(doc: &Doc, s: usize, end: usize) -> Option<usize> {
    let w = doc.longest_at(s, super::labels::YEARS_SPAN_WORDS)?;
    let d = s + w.chars().count();
    let n = (d..end.min(d + 2)).take_while(|&k| doc.c(k).is_ascii_digit()).count();
    (n > 0 && doc.c(d + n) == '年').then_some(w.chars().count() + n + 1)
}

/// Where a span of years ("连续6年", "近5年") that ends at `e` starts, not before `lo`
/// (the twin of [`years_span_at`], reading backwards).
pub(crate) fn years_span_ending(doc: &Doc, lo: usize, e: usize) -> Option<usize> {
    if e < lo + 2 || doc.before(e) != '年' || !doc.before(e - 1).is_ascii_digit() {
        return None;
    }
    let mut k = e - 1;
    while k > lo && e - 1 - k < 2 && doc.before(k).is_ascii_digit() {
        k -= 1;
    }
    let w = super::labels::YEARS_SPAN_WORDS.iter().find(|w| doc.ends_with(k, w))?;
    k.checked_sub(w.chars().count()).filter(|&a| a >= lo)
}

/// "一季度", "1-9月": a label that is only a part of the year (the text's twin of
/// [`period_at_start`]).
pub(crate) fn is_period(label: &str) -> bool {
    let years_span = label.ends_with('年')
        && super::labels::YEARS_SPAN_WORDS
            .iter()
            .any(|w| label.strip_prefix(w).is_some_and(|n| n.len() > 3 && n.len() <= 5));
    years_span
        || PERIODS.contains(&label)
        || (label.ends_with('月') && label.chars().next().is_some_and(|c| c.is_ascii_digit()))
}

static LEADING: &[&str] = &[
    "一季度",
    "二季度",
    "三季度",
    "四季度",
    "第一季度",
    "第二季度",
    "第三季度",
    "第四季度",
    "去年",
    "上半年",
    "下半年",
    "前三季度",
    "实现",
    "完成",
    "向社会",
    "全市范围",
    "我院",
    "本院",
    "我局",
    "本局",
    "我市",
    "我省",
    "我县",
    "我区",
    "尚有",
    "现有",
    // 预计全县完成地区生产总值336.23亿元: an estimate, of the same quantity.
    "预计",
    // 一是…二是…: the items of an enumeration.
    "一是",
    "二是",
    "三是",
    "四是",
    "五是",
    "六是",
    "七是",
    "八是",
    "九是",
    "十是",
    "全市",
    "全省",
    "全区",
    "全县",
    "全州",
    "辖区",
    "同比去年",
    "同比上年",
    "全年",
    "全局",
    "全系统",
    "全行业",
    "今年以来",
    "今年",
    "年内",
    "年末",
    "年底",
    "截至目前",
    "截至年底",
    "截至年末",
    "目前",
    "累计",
    "共计",
    "总计",
    "合计",
    "其中",
    "并且",
    "此外",
    "另外",
    "同时",
    "先后",
    "以及",
    "一年来",
    "过去一年",
    "期间",
    "全面",
    "进一步",
    "特别是",
    "成功",
    "有效",
    "持续",
    "积极",
    "大力",
    "依法",
    "主动",
    "及时",
    "妥善",
    "严格",
    "全力",
    "扎实",
    "深入",
    "不断",
    "切实",
    "高质量",
    "以上的",
    "以下的",
    "共",
    "已",
    "均",
    "另",
    "及",
    "和",
    "与",
    "即",
    "为",
    "在",
    "对",
    "向",
    "从",
    "将",
    "把",
    "由",
    "有",
    "并",
    "又",
    "还",
    "的",
];

/// Leading words kept when the counted noun follows them at once.
pub(crate) static KEPT_LEADING: &[&str] = &["年末", "年底", "累计"];

/// Two-char words whose first char must not be peeled off as a one-char leading word.
static PROTECTED: &[&str] = &[
    "和谐", "与会", "对外", "对接", "对于", "对象", "在线", "在建", "在押", "在校", "在册", "在岗", "在编", "在职",
    "为民", "为企", "并网", "并购", "有关", "有序", "有力", "由于", "从业", "从严", "从快", "从重", "从速", "共享",
    "共建", "共同", "还原", "即时", "均衡", "另行", "将近", "向外", "已有", "有效", "有罪", "在园", "在读", "有色",
    "有机", "有线",
];

/// Peels scope words and adverbs off the start of `[start, end)`; returns the new start.
pub(crate) fn strip_leading(doc: &Doc, start: usize, end: usize) -> usize {
    let mut s = start;
    for _ in 0..12 {
        while s < end && doc.c(s) == ' ' {
            s += 1;
        }
        // 1-9月, 1至6月: when, not what.
        if let Some(n) = months_at(doc, s, end) {
            s += n;
            continue;
        }
        // 2022年, 2022年度, 2022年以来 at the start: when, not what.
        if s + 5 <= end && (0..4).all(|k| doc.c(s + k).is_ascii_digit()) && doc.c(s + 4) == '年' {
            s += 5;
            if let Some(w) = doc.longest_at(s, &["度", "以来", "底", "末", "初", "内"]) {
                s = (s + w.chars().count()).min(end);
            }
            continue;
        }
        if let Some(n) = actor_at(doc, s, end).or_else(|| run_in_heading_at(doc, s, end)) {
            s += n;
            continue;
        }
        let mut best: Option<&str> = None;
        // Counted only on a match: most words do not match, and this runs for every figure.
        for &p in LEADING.iter().filter(|p| doc.starts_with(s, p)) {
            let m = p.chars().count();
            if s + m <= end && best.is_none_or(|b| m > b.chars().count()) {
                best = Some(p);
            }
        }
        let Some(word) = best else { break };
        let m = word.chars().count();
        // 年末常住人口, 累计接待游客: a stock at the year's end and a running total are other
        // quantities than the year's flow, so the word stays — unless more scope follows it
        // (年末全市…, 累计为…), which a label cannot keep around it.
        if KEPT_LEADING.contains(&word) && !LEADING.iter().any(|w| doc.starts_with(s + m, w)) {
            break;
        }
        // 全市法院, 全省检察机关: the scope is part of the institution's name.
        if ["全市", "全省", "全国", "全区", "全县"].contains(&word)
            && INSTITUTIONS.iter().any(|w| doc.starts_with(s + m, w))
        {
            break;
        }
        // 有效灌溉面积, 有效期: an adjective here, not an adverb.
        if word == "有效" && ["有效灌溉", "有效期", "有效发明", "有效投资"].iter().any(|w| doc.starts_with(s, w))
        {
            break;
        }
        // 完成年度计划的108.2%, 完成警卫任务: the verb is what the figure measures.
        if word == "完成" && ["计划", "任务", "目标"].iter().any(|w| doc.norm_str(s, end).ends_with(w)) {
            break;
        }
        if m == 1 && PROTECTED.iter().any(|w| doc.starts_with(s, w)) {
            break;
        }
        // Never peel the whole label away when it is just that word followed by nothing.
        s += m;
    }
    s
}

/// The mark between the two ends of a span of months ("1-9月", "1至6月").
pub(crate) fn is_range_mark(c: char) -> bool {
    matches!(c, '-' | '至' | '到' | '—' | '–' | '~' | '～')
}

/// "1-9月", "1至6月", "1—11月" at `s`: a span of months; returns its length.
fn months_at(doc: &Doc, s: usize, end: usize) -> Option<usize> {
    let digits = |mut k: usize| {
        let from = k;
        while k < end && k < from + 2 && doc.c(k).is_ascii_digit() {
            k += 1;
        }
        (k > from).then_some(k)
    };
    let k = digits(s)?;
    if k >= end || !is_range_mark(doc.c(k)) {
        return None;
    }
    let k = digits(k + 1)?;
    (k < end && doc.c(k) == '月').then_some(k + 1 - s)
}

/// How far past 全国/全市… an actor's 部门 may end, in chars.
const MAX_ACTOR: usize = 10;

/// Institutions whose scope (全市, 全省…) is part of their name.
const INSTITUTIONS: [&str; 3] = ["法院", "检察", "公安"];

/// "全国市场监管部门共查办…": who acts, at the start of a label; returns its length.
fn actor_at(doc: &Doc, s: usize, end: usize) -> Option<usize> {
    let scope = ["全国", "全省", "全市", "全区", "全县", "各级"].iter().find(|w| doc.starts_with(s, w))?;
    let from = s + scope.chars().count();
    for k in from..(from + MAX_ACTOR).min(end) {
        if super::text::is_boundary(doc.c(k)) {
            return None;
        }
        // Only an actor followed by a scope, time or filler word (共, 累计, 2023年): "税务部门组织
        // 税费收入" keeps who collects.
        let after = k + 2;
        let adverb = || {
            LEADING.iter().any(|w| w.chars().count() >= 1 && doc.starts_with(after, w))
                || (after + 5 <= end && (0..4).all(|j| doc.c(after + j).is_ascii_digit()) && doc.c(after + 4) == '年')
        };
        if ["部门", "机关"].iter().any(|w| doc.starts_with(k, w)) && after + 2 < end && adverb() {
            // 全省检察机关, 全市公安机关: an institution's name stays, as 全市法院 does.
            let institution = (from..k).any(|p| INSTITUTIONS.iter().any(|w| doc.starts_with(p, w)));
            return (!institution).then_some(after - s);
        }
    }
    None
}

/// The headings of a statistics bulletin that run into their first sentence.
static RUN_IN_HEADINGS: &[&str] = &[
    "国民经济",
    "人口",
    "综合",
    "农业",
    "粮食",
    "工业",
    "建筑业",
    "固定资产投资",
    "投资",
    "消费",
    "国内贸易",
    "对外贸易",
    "对外经济",
    "财政",
    "金融",
    "交通",
    "邮电",
    "旅游",
    "教育",
    "科技",
    "卫生",
    "文化",
    "人民生活",
    "社会保障",
    "环境",
    "能源",
    "价格",
    "就业",
    "畜牧业",
    "林业",
    "渔业",
];

/// "人口年末常住人口…", "粮食全年农作物播种面积…": a bulletin's heading at the start of
/// a line, run into the sentence (a scope or time word follows it); returns its length.
fn run_in_heading_at(doc: &Doc, s: usize, end: usize) -> Option<usize> {
    // "二、农 业 全年全县…": a heading spaced out, a char at a time.
    if s > 0 && matches!(doc.before(s), ' ' | '、') && doc.c(s + 1) == ' ' && s + 3 < end {
        return Some(2);
    }
    // (A line start, or a space after an inline heading: "。 一、农业 农业全年实现…".)
    if !(s == 0 || matches!(doc.before(s), '\n' | '\r' | ' ')) {
        return None;
    }
    let h = doc.longest_at(s, RUN_IN_HEADINGS)?;
    let n = h.chars().count();
    let next = ["全年", "年末", "年底", "全县", "全市", "全省", "全区", "年内", "今年"];
    (s + n + 2 < end && next.iter().any(|w| doc.starts_with(s + n, w))).then_some(n)
}
