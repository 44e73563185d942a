//! Tidying a label once it is named: the words that are no part of a name (共 before a
//! case verb, 发生, a month base, a footnote, a definition in brackets, an abbreviation,
//! a verb of building, 由…到, 中 meaning "among", the verb between a subject and its amount).

use super::clause::DEFINITION_STARTS;
use super::qualify::CASE_VERBS;

/// Names that end in 中 without meaning "among" (高中 schools, 集中 供养…).
const NOUNS_IN_ZHONG: [&str; 6] = ["高中", "初中", "集中", "华中", "空中", "期中"];

/// Verbs of building and organising at the start of a label, before what they made.
const BUILD_VERBS: [&str; 7] = ["建立", "开展", "设立", "实施", "建设", "发展", "培育"];

/// Verbs of a bulletin that sit between a subject and the amount it names.
const GLUED_VERBS: [&str; 2] = ["实现", "完成"];

/// The verb between the office that collects revenue and the revenue (地税局组织社保费收入).
const COLLECT_VERB: &str = "组织";

/// Where "由…到" starts in a label with at least two chars before it (not 自由, 理由, 由于).
fn from_to(label: &str) -> Option<usize> {
    let (k, _) = label.char_indices().skip(2).find(|&(_, c)| c == '由')?;
    let before = label[..k].chars().last()?;
    let rest = &label[k + '由'.len_utf8()..];
    let glued = "自理经缘事来".contains(before) || rest.starts_with('于');
    (!glued && (rest.contains('到') || rest.contains('至'))).then_some(k)
}

/// "1—9月份", "9月", "上月": a month or a span of months, as a comparison's base.
fn names_months(words: &str) -> bool {
    let rest = words.trim_end_matches('份');
    let Some(span) = rest.strip_suffix('月') else { return false };
    span == "上" || (!span.is_empty() && span.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '—' | '–' | '~')))
}

/// Tidies a label: each step drops words that are no part of a name, in this order.
pub(super) fn tidy(label: &str) -> String {
    let mut out = label.trim().to_string();
    let steps: [fn(&mut String); 13] = [
        drop_manner,
        drop_police_actor,
        cases_before_their_verb,
        drop_gong_before_case_verb,
        drop_happening,
        drop_month_base,
        drop_footnotes,
        drop_definition,
        drop_abbreviation,
        drop_build_verb,
        drop_from_to,
        drop_among,
        drop_amount_verbs,
    ];
    for step in steps {
        step(&mut out);
    }
    out
}

/// "按照“4个100%”要求检查校园", "“107”专案打掉…组织": how or in which case it was done is no
/// part of what was done.
fn drop_manner(out: &mut String) {
    for (open, close) in MANNERS {
        if let Some(rest) = out.strip_prefix(open) {
            if let Some(k) = rest.find(close).filter(|&k| k > 0) {
                let done = &rest[k + close.len()..];
                if done.chars().count() >= 2 {
                    *out = done.to_string();
                    return;
                }
            }
        }
    }
}

/// "太原市公安机关查处…", "甘肃公安破获…", "检察院办理…": the office that did it, named
/// by a place before it (not a scope: 全省公安机关 tells the province's work from the
/// bureau's), is no part of what it did.
fn drop_police_actor(out: &mut String) {
    // Most labels name no office: a char test before the word searches.
    if !out.contains(['公', '检']) {
        return;
    }
    for actor in ACTORS {
        let Some(k) = out.find(actor) else { continue };
        let place = &out[..k];
        let rest = &out[k + actor.len()..];
        let short_place = place.chars().count() <= MAX_ACTOR_PLACE && !place.starts_with('全');
        let plain = !place.chars().any(|c| c.is_ascii_digit() || matches!(c, '“' | '"' | '、'));
        let done = CASE_VERBS.iter().any(|v| rest.starts_with(v)) && rest.chars().count() >= 4;
        if short_place && plain && done {
            *out = rest.to_string();
            return;
        }
    }
}

/// Offices of the police and the procuratorate that open a label before their verb.
const ACTORS: [&str; 4] = ["公安机关", "公安局", "公安", "检察院"];

/// The longest place named before an office ("太原市"), in chars.
const MAX_ACTOR_PLACE: usize = 3;

/// "发刑事案件", "立电信网络诈骗案": a police report's one-char verb before the cases reads
/// as a name with the cases first (刑事案件发案, 电信网络诈骗立案).
fn cases_before_their_verb(out: &mut String) {
    // "命案发2起": the cases, then 发 alone.
    if let Some(cases) = out.strip_suffix('发').filter(|c| c.ends_with('案') || c.ends_with("案件")) {
        *out = format!("{cases}发案");
        return;
    }
    for (verb, noun, not_after) in ONE_CHAR_CASE_VERBS {
        let Some(rest) = out.strip_prefix(verb) else { continue };
        if rest.starts_with(not_after) || rest.chars().count() < 3 {
            continue;
        }
        let cases = if rest.ends_with("案件") { Some(rest) } else { rest.strip_suffix('案') };
        if let Some(cases) = cases {
            *out = format!("{cases}{noun}");
            return;
        }
    }
}

/// One-char case verbs, the noun each makes after the cases, and the chars after it that
/// make another word (发生, 发放, 立足, 立项…).
const ONE_CHAR_CASE_VERBS: [(char, &str, [char; 10]); 2] = [
    ('发', "发案", ['生', '放', '布', '现', '展', '出', '行', '挥', '起', '动']),
    ('立', "立案", ['足', '即', '项', '法', '功', '志', '体', '案', '下', '刻']),
];

/// The words that open and close a phrase of manner at a label's start (按照…要求).
const MANNERS: [(&str, &str); 3] = [("按照", "要求"), ("“", "”专案"), ("\"", "\"专案")];

/// "各级法院共受理各类案件", "共批准逮捕": 共 before a case verb says "in all".
fn drop_gong_before_case_verb(out: &mut String) {
    let verb_after = |k: usize| {
        let rest = out.get(k + '共'.len_utf8()..).unwrap_or("");
        CASE_VERBS.iter().chain(&["批准", "提起"]).any(|v| rest.starts_with(v))
    };
    if let Some(k) = out.char_indices().find(|&(k, c)| c == '共' && verb_after(k)).map(|(k, _)| k) {
        out.replace_range(k..k + '共'.len_utf8(), "");
    }
}

/// "发生生产安全事故5起", "发生1起森林火灾事故": the events are counted, not their
/// happening (发生率 is a rate and stays).
fn drop_happening(out: &mut String) {
    if let Some(events) = ["共发生", "发生"].iter().find_map(|v| out.strip_prefix(v)) {
        if events.chars().count() >= 2 && !events.ends_with('率') {
            *out = events.to_string();
        }
    }
}

/// "增速比1—9月份", "增速较上月": the base of the change is no part of the name.
fn drop_month_base(out: &mut String) {
    if let Some(k) = out.rfind(['比', '较']).filter(|&k| k > 0 && names_months(&out[k + 3..])) {
        out.truncate(k);
    }
}

/// "生产总值(2)": a footnote mark is no part of the name.
fn drop_footnotes(out: &mut String) {
    while let Some(k) = out.find('(') {
        let inner = out[k + 1..].split(')').next().unwrap_or("");
        let footnote = !inner.is_empty() && inner.len() <= 2 && inner.bytes().all(|b| b.is_ascii_digit());
        if !footnote || !out[k + 1 + inner.len()..].starts_with(')') {
            break;
        }
        out.replace_range(k..k + inner.len() + 2, "");
    }
}

/// "农林牧渔业(包括农林牧渔专业及辅助性活动)增加值": what the name takes in is no part of it.
fn drop_definition(out: &mut String) {
    let opens = |k: usize| DEFINITION_STARTS.iter().any(|w| out[k..].trim_start_matches(['(', '（']).starts_with(w));
    if let Some(k) = out.find(['(', '（']).filter(|&k| opens(k)) {
        if let Some((len, c)) = out[k..].char_indices().find(|&(_, c)| c == ')' || c == '）') {
            out.replace_range(k..k + len + c.len_utf8(), "");
        }
    }
}

/// "地区生产总值(GDP)", "居民消费价格指数（CPI）": the abbreviation adds nothing to the name.
fn drop_abbreviation(out: &mut String) {
    if let Some(open) = out.rfind(['(', '（']) {
        let inner = out[open..].trim_start_matches(['(', '（']);
        if let Some(abbr) = inner.strip_suffix([')', '）']) {
            if open > 0 && !abbr.is_empty() && abbr.chars().all(|c| c.is_ascii_alphabetic()) {
                out.truncate(open);
            }
        }
    }
}

/// "建立150项年度任务清单", "实施农村电网升级改造工程13项": what was built is counted,
/// not the building (verbs of case handling stay: 查办违法案件, 起诉…).
/// ("建立跟踪服务机制的创新企业" names the things that did it: the verb stays.)
fn drop_build_verb(out: &mut String) {
    if let Some(v) = BUILD_VERBS.iter().find(|v| out.starts_with(*v) && !out.contains('的')) {
        if out.chars().count() >= v.chars().count() + 3 {
            out.replace_range(..v.len(), "");
        }
    }
}

/// "农民专业合作社由十年前的不足百个发展到目前": a change told as from…to — the
/// subject is what is counted.
fn drop_from_to(out: &mut String) {
    if let Some(k) = from_to(out) {
        out.truncate(k);
    }
}

/// "设有合理区间的12项指标中，11项…": 中 says "among", no part of the name.
fn drop_among(out: &mut String) {
    if let Some(name) = out.strip_suffix("中") {
        if !NOUNS_IN_ZHONG.iter().any(|w| out.ends_with(w)) && name.chars().count() >= 2 {
            out.truncate(name.len());
        }
    }
}

/// "第一产业实现增加值" → "第一产业增加值": the verb between a subject and an amount (值,
/// 额, 收入, 利润, 产量, 税收); "省一级地税局组织社保费收入", "征收机关组织农业税收": the
/// office that collects it (not "负责征收…的地税局组织…": a counted office described
/// before its predicate).
fn drop_amount_verbs(out: &mut String) {
    if !["值", "额", "收入", "利润", "产量", "税收"].iter().any(|w| out.ends_with(w)) {
        return;
    }
    if let Some(k) = out.find(COLLECT_VERB).filter(|&k| !out[..k].contains('的')) {
        if out[k + COLLECT_VERB.len()..].chars().count() >= 2 {
            out.replace_range(..k + COLLECT_VERB.len(), "");
        }
    }
    for v in GLUED_VERBS {
        if let Some(k) = out.find(v) {
            let before = out[..k].chars().count();
            let after = out[k + v.len()..].chars().count();
            if before >= 2 && after >= 2 {
                // "全国共完成税收收入": 共 before the verb goes with it.
                let a = if out[..k].ends_with('共') && before >= 3 { k - '共'.len_utf8() } else { k };
                out.replace_range(a..k + v.len(), "");
            }
        }
    }
}
