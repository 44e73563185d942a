//! Clauses: reading the words around a number — back to the start of its clause (over
//! quotations, short parentheticals, footnote marks and the years, spans of years, ages
//! and codes that are part of the words), forward over the noun after a counter and the
//! predicate after it, and back over the items of a list.

use super::labels;
use super::leading::{is_range_mark, strip_leading};
use super::scanner::Scanner;
use super::text::{is_boundary, is_strong_boundary, Doc};
use std::collections::HashSet;
use std::sync::OnceLock;

/// How far back a label may reach, in chars.
pub(super) const MAX_LABEL_BACK: usize = 32;
/// How far a noun after the counter may reach, in chars.
const MAX_POST: usize = 16;
/// Adverbs that start the predicate after a counted noun ("…任务全面完成", "…平台全部挂牌运营").
const PREDICATE_STARTS: &[&str] = &["全面", "全部", "如期", "顺利", "全域", "均已", "已经", "首次"];
/// Verbs that start the predicate of a counted noun ("17家企业通过上市…", "11个县被认定为…",
/// "32名个人受到表彰"): the figure counts the things that did it.
const PREDICATE_VERBS: &[&str] = &[
    "通过", "发行", "给予", "建立", "补充", "实现", "获得", "获批", "入选", "受到", "获评", "纳入", "享受", "签订",
    "落户", "投产", "竣工", "上市", "入驻", "参加", "参与", "被", "列入", "评为", "荣获", "挂牌", "达标", "认定",
    "荣立", "接受", "加入", "完成", "获", "进驻", "支持", "用于", "取得", "英勇", "因公", "负伤", "牺牲", "殉职",
    "昭雪",
];
/// The verb of [`PREDICATE_VERBS`] (the longest) or adverb of [`PREDICATE_STARTS`] at `p`: the
/// first char is looked up first, as most chars start neither.
fn predicate_at(doc: &Doc, p: usize) -> Option<&'static str> {
    static FIRSTS: OnceLock<HashSet<char>> = OnceLock::new();
    let firsts = FIRSTS
        .get_or_init(|| PREDICATE_VERBS.iter().chain(PREDICATE_STARTS).filter_map(|w| w.chars().next()).collect());
    if !firsts.contains(&doc.c(p)) {
        return None;
    }
    doc.longest_at(p, PREDICATE_STARTS).or(doc.longest_at(p, PREDICATE_VERBS))
}

/// A predicate that only says the counted thing was done names nothing more ("11.08万套
/// 保交房任务全面完成" counts 保交房任务).
const DONE_PREDICATES: &[&str] = &["完成", "实现"];
/// One-char verbs of a police count that open the next figure ("发2起破2起").
const ONE_CHAR_VERBS: &str = "发破立结";
/// The verb of a handout, whose beneficiaries are counted before it ("为243户530人发放…").
const HANDOUT: &str = "发放";
/// The longest noun joined to a counted one ("集体和个人"), in chars.
const MAX_JOINED_NOUN: usize = 4;
/// What follows 中 when it says "among" the counted (…中均位居, …中有).
const AMONG_NEXT: [&str; 6] = ["均", "有", "位", "居", "排", "名列"];
/// The longest predicate read after a counted noun, in chars.
const MAX_PREDICATE: usize = 24;
/// The longest parenthetical read as part of the words (价格指数（CPI）), in chars.
const MAX_PAREN: usize = 12;
/// The longest parenthetical that says what a name takes in (包括…, 含…), in chars.
const MAX_DEFINITION_PAREN: usize = 24;
/// The words that open such a parenthetical.
pub(super) const DEFINITION_STARTS: [&str; 5] = ["包括", "不包括", "含", "不含", "包含"];
/// The longest run of digits passed over as part of the words (比2021年, PM2.5), in chars.
const MAX_WORD_DIGITS: usize = 20;
/// How far back the definition check reads for the clause start, in chars.
const MAX_DEFINITION_BACK: usize = 48;
/// The most list items a label is extended back over (A、B、C…).
const MAX_LIST_ITEMS: usize = 8;

impl Scanner<'_> {
    /// Reads back from `end` to the clause boundary, the floor, a number or the length
    /// limit. Quotations are passed over whole. Returns the start.
    pub fn back_scan(&self, end: usize, strong_only: bool, limit: usize) -> usize {
        let doc = self.doc;
        let mut p = end;
        let mut steps = 0;
        while p > self.floor {
            let q = p - 1;
            if doc.is_masked(q) {
                break;
            }
            if let Some((a, _)) = doc.quote_region(q) {
                if a < self.floor {
                    break;
                }
                p = a;
                steps += 1;
                continue;
            }
            let c = doc.c(q);
            // 价格指数（CPI）, 重点镇(街道): a short parenthetical is part of the words.
            if c == ')' {
                if let Some(o) = self.paren_start(q) {
                    p = o;
                    steps += q - o;
                    continue;
                }
            }
            // 一、二审刑事案件: numerals listed, one word.
            let numeral_list = c == '、'
                && q > self.floor
                && [doc.before(q), doc.c(q + 1)].iter().all(|&n| "一二三四五六七八九".contains(n));
            // 审、执结, 收、结案: one char before 、 is a word shortened, one word with the next.
            let one_char_item = c == '、' && q >= 2 && q - 1 > self.floor && is_boundary(doc.before(q - 1));
            let stop =
                !numeral_list && !one_char_item && if strong_only { is_strong_boundary(c) } else { is_boundary(c) };
            if stop {
                break;
            }
            if c.is_ascii_digit() {
                // 1-9月审执结…: a span of months starts the words.
                if doc.c(q + 1) == '月' {
                    if let Some(a) = self.months_start(q) {
                        p = a;
                        steps += q + 1 - a;
                        continue;
                    }
                }
                // "18-34岁占22.4%": an age or a range of ages is part of the words.
                if doc.c(q + 1) == '岁' {
                    if let Some(a) = self.ages_start(q) {
                        p = a;
                        steps += q + 1 - a;
                        continue;
                    }
                }
                // "八类严重暴力犯罪案件连续6年年均下降12.1%": a span of years is part of the words.
                if let Some(a) = self.years_span_start(q) {
                    p = a;
                    steps += q + 1 - a;
                    continue;
                }
                match self.word_digits_start(q) {
                    Some(a) => {
                        p = a;
                        steps += q + 1 - a;
                        continue;
                    }
                    None => break,
                }
            }
            steps += 1;
            if steps > limit {
                break;
            }
            p = q;
        }
        p
    }

    /// Where the run of at most `most` digits ending just before `end` starts (not past
    /// the floor), if there is one.
    fn digits_back(&self, end: usize, most: usize) -> Option<usize> {
        let mut k = end;
        while k > self.floor && end - k < most && self.doc.before(k).is_ascii_digit() {
            k -= 1;
        }
        (k < end).then_some(k)
    }

    /// "1-9月" whose last digit is at `q`: where the span starts.
    fn months_start(&self, q: usize) -> Option<usize> {
        let k = self.digits_back(q + 1, 2)?;
        if k <= self.floor || !is_range_mark(self.doc.before(k)) {
            return None;
        }
        self.digits_back(k - 1, 2)
    }

    /// "18岁", "18-34岁" whose last digit is at `q`: where the ages start.
    fn ages_start(&self, q: usize) -> Option<usize> {
        let doc = self.doc;
        let k = self.digits_back(q + 1, 3)?;
        if k > self.floor + 1 && is_range_mark(doc.before(k)) && doc.before(k - 1).is_ascii_digit() {
            return self.digits_back(k - 1, 3);
        }
        Some(k)
    }

    /// "连续6年", "近5年" whose last digit is at `q`: where its words start.
    fn years_span_start(&self, q: usize) -> Option<usize> {
        let doc = self.doc;
        if doc.c(q + 1) != '年' {
            return None;
        }
        // "其中20年以上32起": a bound on an age in years, part of the words too.
        if doc.longest_at(q + 2, &["以上", "以下"]).is_some() {
            return self.digits_back(q + 1, 2);
        }
        super::leading::years_span_ending(doc, self.floor, q + 2)
    }

    /// "10万人生产安全事故死亡人数1.244人": the digits ending before `k` are the base of
    /// a rate (a round number of people, vehicles or tonnes, then the rate's name and its
    /// figure), not a figure.
    pub fn is_rate_base(&self, k: usize) -> bool {
        let doc = self.doc;
        let Some(base) = doc.longest_at(k, &["万人", "万车", "百万吨", "千人"]) else { return false };
        let mut p = k + base.chars().count();
        let from = p;
        while p < doc.len() && p - from <= MAX_POST && !is_boundary(doc.c(p)) && !doc.c(p).is_ascii_digit() {
            p += 1;
        }
        p > from + 1 && doc.c(p).is_ascii_digit() && doc.norm_str(from, p).ends_with(['数', '率'])
    }

    /// 价格指数（CPI）, 重点镇(街道): where the short parenthetical whose `)` is at `q`
    /// opens, if it is one (part of the words, not a boundary).
    fn paren_start(&self, q: usize) -> Option<usize> {
        let doc = self.doc;
        let mut o = q;
        let mut k = 0;
        let mut listed = false;
        while o > self.floor && k < MAX_DEFINITION_PAREN {
            o -= 1;
            k += 1;
            let d = doc.c(o);
            listed |= d == '、';
            // "(含交通类、移车类)": a list inside a definition is no boundary.
            if d == '(' || is_boundary(d) && d != '、' || d.is_ascii_digit() && !super::scanner::is_footnote(doc, o, q)
            {
                break;
            }
        }
        // "农林牧渔业(包括农林牧渔专业及辅助性活动)增加值": a longer one that says what the
        // name takes in. ("县(市、区)": a list that is not one is a boundary, as before.)
        let defines = DEFINITION_STARTS.iter().any(|w| doc.starts_with(o + 1, w));
        let short = (k < MAX_PAREN && !listed) || defines;
        (doc.c(o) == '(' && o + 1 < q && o >= self.floor && !doc.is_masked(o) && short).then_some(o)
    }

    /// 比2021年, PM2.5, 5G: where the digits ending at `q` start when they are part of
    /// the words (a compared year, a code), not a figure.
    fn word_digits_start(&self, q: usize) -> Option<usize> {
        let doc = self.doc;
        let mut a = q;
        while a > self.floor && doc.before(a).is_ascii_digit()
            || a > self.floor && doc.before(a) == '.' && doc.before(a - 1).is_ascii_digit()
        {
            a -= 1;
            if q - a > MAX_WORD_DIGITS {
                break;
            }
        }
        let year_cmp = q + 1 - a == 4 && doc.c(q + 1) == '年';
        let code = doc.before(a).is_ascii_alphabetic() || doc.c(q + 1).is_ascii_alphabetic();
        (year_cmp || code || self.is_rate_base(q + 1)).then_some(a)
    }

    /// The noun after a counter ("390人电话流调队伍"), if one follows.
    pub fn post_noun(&self, from: usize) -> Option<(usize, usize)> {
        let doc = self.doc;
        // "2人荣获…": a predicate right after the counter, no noun.
        if doc.longest_at(from, labels::POST_BLOCKERS).or(predicate_at(doc, from)).is_some() {
            return None;
        }
        let mut p = from;
        let mut n = 0;
        while p < doc.len() && n < MAX_POST {
            if let Some((_, b)) = doc.quote_region(p) {
                p = b;
                n += 1;
                continue;
            }
            let c = doc.c(p);
            // "市政府常务会议以及专题会议": 以及 joins as 及 does.
            let joins = matches!(c, '和' | '及' | '与' | '等') || doc.starts_with(p, "以及");
            if is_boundary(c) || c.is_ascii_digit() || c == ' ' || joins {
                break;
            }
            // "11.08万套保交房任务全面完成": the noun ends where its predicate starts.
            // "2700名公安民警在市委…的号召声下": a place or time phrase starts the predicate.
            let preposition = doc.c(p) == '在' && !doc.starts_with(p, "在建");
            // "412个中级法院中均位居第6", "89个乡镇中有12个": 中 says "among" them.
            let among = doc.c(p) == '中' && AMONG_NEXT.iter().any(|w| doc.starts_with(p + 1, w));
            // "1786个六大攻坚战项目分别完成…": 分别 starts what is said of the list.
            if among || (p > from && doc.starts_with(p, "分别")) {
                break;
            }
            if p > from && (preposition || predicate_at(doc, p).is_some()) {
                break;
            }
            p += 1;
            n += 1;
        }
        // "发2起破2起": one char before the next number is that figure's verb, no noun.
        let verb_of_next = p == from + 1 && doc.c(p).is_ascii_digit() && ONE_CHAR_VERBS.contains(doc.c(from));
        (p > from && !verb_of_next).then_some((from, p))
    }

    /// The predicate after a counted noun that ends at `pb` ("通过上市和并购融资" of "17家企业
    /// 通过上市和并购融资"), read past the other items of a list ("15个集体、32名个人受到省级以上
    /// 表彰", "113个集体和729名个人被记功受奖") and its adverbs (全部, 已经, 被), up to the clause's end or its next number. None
    /// when there is none, it is too long, or it only says the thing was done.
    pub fn post_predicate(&self, pb: usize) -> Option<(usize, usize)> {
        let doc = self.doc;
        let mut p = pb;
        let mut items = 0;
        while matches!(doc.c(p), '、' | '和' | '及' | '与') && doc.c(p + 1).is_ascii_digit() && items < MAX_LIST_ITEMS
        {
            p = self.next_item_end(p + 1)?;
            items += 1;
        }
        let adverb = doc.longest_at(p, PREDICATE_STARTS);
        p += adverb.map_or(0, |a| a.chars().count());
        let verb = doc.longest_at(p, PREDICATE_VERBS)?;
        // "11个县被认定为…" reads "认定为…的县"; "42项创新做法被公安部通报" keeps 被 before
        // its agent: "被公安部通报…的创新做法".
        if verb == "被" && doc.longest_at(p + 1, PREDICATE_VERBS).is_some() {
            p += 1;
        }
        if DONE_PREDICATES.contains(&verb) && adverb.is_some() {
            return None;
        }
        let start = p;
        // "被中共中央、国务院授予…", "荣立一、二、三等功": a 、 before words joins them.
        let joins = |p: usize| doc.c(p) == '、' && !doc.c(p + 1).is_ascii_digit();
        while p < doc.len() && (!is_boundary(doc.c(p)) || joins(p)) && !doc.c(p).is_ascii_digit() && doc.c(p) != ' ' {
            p += 1;
            if p - start > MAX_PREDICATE {
                return None;
            }
        }
        // "8类严重暴力案件破案率实现100%": a verb with nothing after it but the next
        // figure is that figure's, not a predicate of the counted noun.
        let bare = p - start <= verb.chars().count() && doc.c(p).is_ascii_digit();
        // "137个市重点项目完成投资236.8亿元": what was done is the next figure's name.
        if DONE_PREDICATES.contains(&verb) && doc.c(p).is_ascii_digit() {
            return None;
        }
        (p > start + 1 && !bare).then_some((start, p))
    }

    /// "125个集体和个人获…": where a second noun joined to the counted one by 和/与/及
    /// ends, when a predicate follows it.
    pub fn joined_noun_end(&self, pb: usize) -> Option<usize> {
        let doc = self.doc;
        if !matches!(doc.c(pb), '和' | '与' | '及') {
            return None;
        }
        (pb + 2..=pb + 1 + MAX_JOINED_NOUN)
            .take_while(|&k| !is_boundary(doc.c(k - 1)) && !doc.c(k - 1).is_ascii_digit())
            .find(|&k| doc.longest_at(k, PREDICATE_VERBS).is_some())
    }

    /// The noun of the last item of a list of counted nouns that starts at `pb` ("县级公安
    /// 政务服务事项" of "89项省级、81项市级、138项县级公安政务服务事项…").
    pub fn last_item_noun(&self, pb: usize) -> Option<(usize, usize)> {
        let doc = self.doc;
        let mut last = None;
        let mut p = pb;
        for _ in 0..MAX_LIST_ITEMS {
            if !(matches!(doc.c(p), '、' | '和' | '及' | '与') && doc.c(p + 1).is_ascii_digit()) {
                break;
            }
            let e = self.next_item_end(p + 1)?;
            let a = (p + 1..e).find(|&k| !is_amount_char(doc.c(k)))?;
            last = Some((a + 1, e));
            p = e;
        }
        last
    }

    /// The predicate right after a figure that ends at `end`, past one more figure glued
    /// to it ("14035户25559人享受城乡低保" → 享受城乡低保), and where it ends; for the
    /// beneficiaries of a handout ("为243户530人发放…救助金"), what they were given
    /// (获发…救助金).
    pub fn predicate_after(&self, end: usize, beneficiary: bool) -> Option<(String, usize)> {
        let doc = self.doc;
        let mut p = end;
        let digits = (p..doc.len()).take_while(|&k| doc.c(k).is_ascii_digit() || doc.c(k) == '.').count();
        if digits > 0 {
            p += digits + 1;
        }
        if beneficiary && doc.starts_with(p, HANDOUT) {
            let from = p + HANDOUT.chars().count();
            let e = (from..doc.len().min(from + MAX_PREDICATE))
                .find(|&k| is_boundary(doc.c(k)) || doc.c(k).is_ascii_digit())
                .unwrap_or(from);
            return (e > from + 1).then(|| (format!("获发{}", doc.raw_str(from, e).trim()), e));
        }
        let (a, b) = self.post_predicate(p).filter(|&(a, _)| a == p || doc.c(p) == '被')?;
        Some((doc.raw_str(a, b).trim().to_string(), b))
    }

    /// Passes over one more item of a list of counted nouns ("32名个人"): its number, its
    /// counter and its noun. Where the noun ends, or None when it is not such an item.
    fn next_item_end(&self, from: usize) -> Option<usize> {
        let doc = self.doc;
        let mut p = from;
        while p < doc.len() && is_amount_char(doc.c(p)) {
            p += 1;
        }
        if p == from || p + 1 >= doc.len() || is_boundary(doc.c(p)) {
            return None;
        }
        self.post_noun(p + 1).map(|(_, b)| b)
    }

    /// “5”即1名…: the clause of `pos` defines a quoted name.
    pub fn is_definition(&self, pos: usize) -> bool {
        let doc = self.doc;
        let cs = self.back_scan_raw_strong(pos);
        match doc.quote_region(cs) {
            Some((a, b)) if a == cs => doc.c(b) == '即',
            _ => false,
        }
    }

    /// Clause start for the definition check: ignores the floor, passes 、 and quotes.
    fn back_scan_raw_strong(&self, end: usize) -> usize {
        let doc = self.doc;
        let mut p = end;
        let mut steps = 0;
        while p > 0 && steps < MAX_DEFINITION_BACK {
            let q = p - 1;
            if let Some((a, _)) = doc.quote_region(q) {
                p = a;
            } else if is_strong_boundary(doc.c(q)) {
                break;
            } else {
                p = q;
            }
            steps += 1;
        }
        p
    }

    /// Extends a label back over the items of a list (A、B, A,及B) and splits it.
    pub fn list_items(&self, clause_start: usize, core_end: usize) -> (usize, Vec<(usize, usize)>) {
        let doc = self.doc;
        let mut ls = clause_start;
        for _ in 0..MAX_LIST_ITEMS {
            let b = doc.before(ls);
            let prev_is_item_sep = b == '、'
                || (b == ','
                    && (doc.starts_with(ls, "及") || doc.starts_with(ls, "和") || doc.starts_with(ls, "以及")));
            if !prev_is_item_sep || ls == 0 || ls - 1 <= self.floor {
                break;
            }
            let s = self.back_scan(ls - 1, false, MAX_LABEL_BACK);
            if s >= ls - 1 {
                break;
            }
            ls = s;
        }
        let mut items = Vec::new();
        let mut a = ls;
        let mut p = ls;
        while p <= core_end {
            let at_end = p == core_end;
            let sep = !at_end
                && !doc.is_quoted(p)
                && matches!(doc.c(p), '、' | ',' | '和' | '及' | '与')
                && !doc.starts_with(p, "及时");
            if at_end || sep {
                let s = strip_leading(doc, a, p);
                let e = doc.skip_spaces_back(p).max(s);
                if e > s {
                    items.push((s, e));
                }
                a = p + 1;
            }
            p += 1;
        }
        (ls, items)
    }
}

/// A char of an amount in a list of counted nouns: a digit, a decimal point, a multiplier
/// or an approximation ("1.5万余").
fn is_amount_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | '万' | '亿' | '余' | '多')
}
