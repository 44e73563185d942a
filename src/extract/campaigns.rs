//! Crackdowns and campaigns: the crime or the campaign a sentence names that tells its
//! figures apart (起诉电信网络诈骗犯罪, 破获文物犯罪案件, 扫黑除恶批捕, 审结该类案件).

use super::figure::Reading;
use super::qualify::CASE_VERBS;
use super::scanner::Scanner;

impl Scanner<'_> {
    /// "依法打击电信网络诈骗犯罪，起诉385人": a bare case verb after a clause that names a
    /// crackdown takes its object (起诉电信网络诈骗犯罪).
    pub(super) fn object_of_campaign(&self, r: &Reading, text: &str) -> Option<String> {
        let doc = self.doc;
        if !CASE_VERBS.contains(&text) || r.ps == 0 || doc.before(r.ps) != ',' {
            return None;
        }
        let b = r.ps - 1;
        let a =
            (b.saturating_sub(MAX_CAMPAIGN)..b).rev().find(|&k| k == 0 || super::text::is_boundary(doc.before(k)))?;
        let words = doc.norm_str(a, b);
        let object = CAMPAIGNS.iter().find_map(|c| words.strip_prefix(c))?;
        let plain = object.chars().count() >= 2 && !object.chars().any(|c| c.is_ascii_digit());
        plain.then(|| format!("{text}{object}"))
    }

    /// "深化扫黑除恶专项斗争，批捕373人，起诉797人；追捕9人": a bare prosecution verb in a
    /// sentence that opens with a named campaign is that campaign's (扫黑除恶批捕).
    pub(super) fn topic_of_campaign(&self, r: &Reading, text: &str) -> Option<String> {
        if !(CASE_VERBS.contains(&text) || CAMPAIGN_VERBS.contains(&text)) {
            return None;
        }
        let doc = self.doc;
        let a = doc.start_back(r.ps, MAX_CAMPAIGN_SENTENCE, &['。', '\n', ':'])?;
        let comma = (a..r.ps).find(|&k| doc.c(k) == ',')?;
        let opening = doc.norm_str(a, comma);
        let topic = CAMPAIGN_NAMES.iter().find_map(|t| opening.strip_suffix(t))?;
        let topic = CAMPAIGN_OPENERS.iter().find_map(|o| topic.strip_prefix(o)).unwrap_or(topic);
        let plain = (2..=MAX_CRIME).contains(&topic.chars().count()) && !topic.contains(['，', ',', '、']);
        plain.then(|| format!("{topic}{text}"))
    }

    /// "重拳打击盗掘、盗窃、倒卖等文物犯罪，先后破获案件40余起，打掉团伙18个，刑事拘留143人":
    /// the crime a crackdown earlier in the sentence names tells its figures from other
    /// crackdowns' (破获文物犯罪案件, 打掉文物犯罪团伙, 刑事拘留（文物犯罪）; 批捕, 起诉 take it
    /// as their object: 起诉电信网络诈骗犯罪).
    pub(super) fn crime_of_campaign(&self, r: &Reading, text: &str) -> Option<String> {
        // The shape of the label first: reading the sentence back costs more.
        // "开展打击“两抢一盗”犯罪专项审判，审结该类案件88件": 该类 is the crackdown's crime.
        let pointed = DEMONSTRATIVES.iter().find_map(|d| text.split_once(d));
        let pointed =
            pointed.filter(|(v, n)| CASE_VERBS.contains(v) && CRIME_NOUNS.contains(n)).map(|(v, n)| v.to_string() + n);
        let text = pointed.as_deref().unwrap_or(text);
        let verb_noun = CRIME_NOUNS.iter().find_map(|n| text.strip_suffix(n).map(|v| (v, *n)));
        let verb_noun = verb_noun.filter(|(v, _)| CASE_VERBS.iter().chain(&GROUP_VERBS).any(|c| v == c));
        let suspects = text.strip_suffix(SUSPECTS).filter(|v| PROSECUTIONS.contains(v));
        let bare = PROSECUTIONS.contains(&text);
        let persons = PERSONS_DEALT_WITH.contains(&text);
        if verb_noun.is_none() && suspects.is_none() && !bare && !persons {
            return None;
        }
        let crime = self.campaign_crime(r.ps)?;
        Some(match (verb_noun, suspects) {
            _ if bare => format!("{text}{crime}"),
            // "批准逮捕犯罪嫌疑人" → 批准逮捕破坏市场经济秩序犯罪嫌疑人.
            (_, Some(verb)) => format!("{verb}{crime}嫌疑人"),
            (Some((verb, noun)), _) => format!("{verb}{crime}{noun}"),
            _ => format!("{text}（{crime}）"),
        })
    }

    /// The crime a crackdown before `ps` in its sentence names ("…等文物犯罪"), if any.
    fn campaign_crime(&self, ps: usize) -> Option<String> {
        let doc = self.doc;
        let a = doc.start_back(ps, MAX_CAMPAIGN_SENTENCE, &['。', ';', '\n', ':'])?;
        let words = doc.norm_str(a, ps);
        let (k, c) =
            CAMPAIGNS.iter().filter_map(|c| words.rfind(c).map(|k| (k, *c))).max_by_key(|&(k, c)| (k, c.len()))?;
        let clause = words[k + c.len()..].split([',', ';']).next().unwrap_or("");
        let mut crime = clause.trim_start_matches("治理");
        while let Some(t) = CAMPAIGN_TAILS.iter().find_map(|t| crime.strip_suffix(t)) {
            crime = t;
        }
        let crime = crime.rsplit('等').next().unwrap_or(crime);
        let n = crime.chars().count();
        let plain = !crime.chars().any(|c| c.is_ascii_digit()) && crime.ends_with("犯罪") && n > 2 && n <= MAX_CRIME;
        plain.then(|| crime.to_string())
    }
}

/// Verbs of a crackdown whose object a bare case verb after it takes.
static CAMPAIGNS: &[&str] = &["依法严惩", "严厉打击", "依法打击", "从严惩治", "严惩", "打击", "惩治", "遏制", "整治"];

/// The longest clause of a crackdown, in chars.
const MAX_CAMPAIGN: usize = 20;

/// The longest sentence read back for a crackdown whose crime names the figures after it.
const MAX_CAMPAIGN_SENTENCE: usize = 80;

/// The longest crime a crackdown names, in chars.
const MAX_CRIME: usize = 16;

/// Words after a crackdown's crime that say how, not what (…犯罪高压态势, …犯罪工作).
const CAMPAIGN_TAILS: [&str; 6] = ["高压态势", "工作", "专项行动", "专项审判", "活动", "力度"];

/// Words that point back to the kind of cases named before (审结该类案件).
const DEMONSTRATIVES: [&str; 3] = ["该类", "此类", "这类"];

/// Suspects of a crime, as a prosecution counts them.
const SUSPECTS: &str = "犯罪嫌疑人";

/// Verbs of prosecution that take a crackdown's crime as their object (起诉毒品犯罪).
const PROSECUTIONS: [&str; 7] = ["批捕", "起诉", "逮捕", "批准逮捕", "提起公诉", "公诉", "审结"];

/// What a crackdown counts, with the crime put before it (破获文物犯罪案件, 打掉文物犯罪团伙).
const CRIME_NOUNS: [&str; 3] = ["案件", "团伙窝点", "团伙"];

/// Verbs of breaking up groups (打掉团伙).
const GROUP_VERBS: [&str; 3] = ["打掉", "捣毁", "摧毁"];

/// People dealt with in a crackdown, the crime in brackets after them.
const PERSONS_DEALT_WITH: [&str; 5] = ["抓获犯罪嫌疑人", "抓获嫌疑人", "刑事拘留", "打击处理", "抓获"];

/// What a named campaign is called after its name (扫黑除恶专项斗争).
const CAMPAIGN_NAMES: [&str; 3] = ["专项斗争", "专项行动", "专项整治"];
/// Verbs that open a campaign's sentence before its name (深化扫黑除恶专项斗争).
const CAMPAIGN_OPENERS: [&str; 6] = ["深入推进", "深入开展", "持续深化", "深化", "开展", "推进"];
/// Prosecution verbs a campaign counts besides the case verbs (追捕, 不诉…).
const CAMPAIGN_VERBS: [&str; 6] = ["批捕", "追捕", "追诉", "不捕", "不诉", "移送"];
