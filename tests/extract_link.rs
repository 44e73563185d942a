//! The extractor links a change to the figure it qualifies (`of`) only when the report
//! states the two together in one clause, on sentences from real reports.

use indicator_chart::extract::{extract, scan, ExtractOptions};
use indicator_chart::model::Kind;

/// (figure's quote, change's value) of every linked change in `text`, and how many
/// changes were found in all.
fn links(text: &str) -> (Vec<(String, f64)>, usize) {
    let inds = scan(text, &ExtractOptions::default()).indicators;
    let changes = inds.iter().filter(|i| i.kind.is_signed()).count();
    let linked = inds
        .iter()
        .filter_map(|c| {
            let of = c.of.as_deref()?;
            let fig = inds.iter().find(|f| f.id == of).unwrap_or_else(|| panic!("{of}: no such figure"));
            assert!(!fig.kind.is_signed(), "{} is linked to another change", c.id);
            Some((fig.quote.clone(), c.value))
        })
        .collect();
    (linked, changes)
}

#[test]
fn a_change_right_after_its_figure_is_linked() {
    // tjgb-county-2022 (a county statistics bulletin).
    let (l, n) =
        links("全年粮食产量80.3万吨,下降2.4%,其中:小春粮食产量14.8万吨,增长1.4%;大春粮食产量65.5万吨,下降3.3%。");
    assert_eq!(n, 3);
    assert_eq!(l.len(), 3, "{l:?}");
    assert!(l[0].0.contains("80.3万吨") && l[0].1 == -2.4, "{l:?}");
    assert!(l[1].0.contains("14.8万吨") && l[1].1 == 1.4, "{l:?}");
    assert!(l[2].0.contains("65.5万吨") && l[2].1 == -3.3, "{l:?}");
    // With 按可比价格计算 and 比上年 in between.
    let (l, _) = links("全年实现地区生产总值(GDP)439.19亿元,按可比价格计算,比上年增长3.3%。");
    assert_eq!(l.len(), 1, "{l:?}");
    assert!(l[0].0.contains("439.19亿元") && l[0].1 == 3.3, "{l:?}");
    // stats-daqing-2014: 同比, and a sign from 下降.
    let (l, _) = links("禽蛋产量11.3万吨，同比增长2.9%；生奶产量165.6万吨，同比下降4.7%。");
    assert_eq!(l.iter().map(|(_, v)| *v).collect::<Vec<_>>(), vec![2.9, -4.7], "{l:?}");
    // The issue's own examples.
    let (l, _) = links("实现地区生产总值3000亿元，增长5.2%。");
    assert_eq!(l.len(), 1, "{l:?}");
    let (l, _) = links("全市粮食总产量12.3万吨，减产1.8%。");
    assert_eq!(l.len(), 1, "{l:?}");
    assert_eq!(l[0].1, -1.8, "减产 makes the change negative: {l:?}");
    // gwr-henan-2025: a figure and its change joined by 、.
    let (l, _) = links("全省县级“三保”支出3534.6亿元、增长6%。");
    assert_eq!(l.len(), 1, "{l:?}");
    // A percentage-point change of a rate.
    let (l, _) = links("常住人口城镇化率43.6%,比上年末提高0.7个百分点。");
    assert_eq!(l.len(), 1, "{l:?}");
}

#[test]
fn a_change_of_another_subject_or_sentence_is_not_linked() {
    // Another subject between the figure and the change (stats-daqing-2014).
    let (l, n) = links("发展家庭农场等农业新型经营主体1035个，土地适度规模经营面积比上年增加21万亩。");
    assert_eq!((l.len(), n), (0, 1), "{l:?}");
    let (l, n) = links("全市粮食总产量75.8万吨，工业增加值增长5.2%。");
    assert_eq!((l.len(), n), (0, 1), "{l:?}");
    // Another sentence, or another clause after a semicolon.
    let (l, n) = links("全市粮食总产量75.8万吨。增长2.3%的是工业。");
    assert!(l.is_empty() && n <= 1, "{l:?}");
    let (l, _) = links("粮食总产量75.8万吨；同比增长2.3%。");
    assert!(l.is_empty(), "{l:?}");
    // Another base: not a change on last year's figure, and 斤 stands between.
    let (l, _) = links("粮食总产达106.68亿斤，比2005年增加59.4亿斤。");
    assert!(l.is_empty(), "{l:?}");
    // A change after a change (增速比上年提高) qualifies the first change, not a figure.
    let (l, n) = links("全市第一产业实现增加值185亿元，同比增长8.5%，增速比上年提高1.5个百分点。");
    assert_eq!((l.len(), n), (1, 2), "only the 8.5% is linked: {l:?}");
    assert_eq!(l[0].1, 8.5);
    // A change with no figure before it (the 2022 report).
    let (l, n) = links("全市刑事立案数同比下降11.8%,治安案件受理数同比下降7.3%。");
    assert_eq!((l.len(), n), (0, 2), "{l:?}");
}

#[test]
fn linked_extractions_validate() {
    let text = "2014年，全市粮食总产量75.8万吨，增长2.3%；肉类总产量达到35.9万吨，同比增长3.6%。";
    let ds = extract(text, &ExtractOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let linked: Vec<_> = ds.indicators().iter().filter(|i| i.of.is_some()).collect();
    assert_eq!(linked.len(), 2);
    assert!(linked.iter().all(|c| c.kind == Kind::YoyChange));
}
