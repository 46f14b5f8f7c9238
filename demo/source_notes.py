"""Public notes on sources for the demo partnerships, written for readers in English and
Chinese (the Sources box on each partnership's page). They restate, for visitors, what the
internal research notes in data/uk_china_partnerships_notes.csv and the "note" column of
data/uk_china_partnerships_ended.csv found; those stay staff-only (Partnership.research_note).
Keyed by the partnership's slug."""

PUBLIC_SOURCE_NOTES = {
    "nottingham-ningbo": (
        "The link was formalised in September 2005, after civic contacts from 2000. Nottingham City Council "
        "reviewed the link in 2023 and kept it.",
        "两市于2005年9月正式结好，此前自2000年起已有市政往来。诺丁汉市议会于2023年对这一关系进行审议后决定保留。",
    ),
    "nottinghamshire-zhejiang-province": (
        "Sources disagree on the year: the county council's leader dates the agreement to April 2016, other "
        "council and Zhejiang sources to April 2017.",
        "关于结好年份，各方来源说法不一：郡议会领导人称协议签署于2016年4月，郡议会的其他资料及浙江方面的资料则为2017年4月。",
    ),
    "liverpool-shanghai": (
        "Established in October 1999; the 20th anniversary was celebrated in 2019.",
        "两市于1999年10月结为友好城市，2019年举行了结好20周年庆祝活动。",
    ),
    "manchester-wuhan": (
        "The 30th anniversary was marked in 2016 with a new action plan, signed on 11 July 2016.",
        "两市于2016年纪念结好30周年，并于2016年7月11日签署新的行动计划。",
    ),
    "birmingham-changchun": (
        "Established on 7 July 1983, according to the Changchun government; the 30th anniversary was marked in 2013.",
        "据长春市政府资料，两市于1983年7月7日结好，2013年纪念结好30周年。",
    ),
    "birmingham-guangzhou": (
        "The year comes from a 2016 article describing a decade of partnership.",
        "结好年份依据2016年一篇文章中“合作十年”的说法推算。",
    ),
    "birmingham-nanjing": (
        "The 10th anniversary of friendship and exchange was marked in September 2018.",
        "两市于2018年9月纪念友好交流10周年。",
    ),
    "leeds-hangzhou": (
        "Most sources give 1988; some imply 1989. Leeds calls Hangzhou a partner city.",
        "多数来源记载为1988年，也有来源推算为1989年。利兹市称杭州为其合作城市。",
    ),
    "sheffield-anshan": (
        "Listed among the UK–China sister-city pairs in published lists; the year is as those lists give it.",
        "已收录于公开发布的中英友好城市名录，结好年份以名录所载为准。",
    ),
    "sheffield-chengdu": (
        "The agreement was signed on 23 March 2010; Sheffield was Chengdu's first UK sister city.",
        "两市于2010年3月23日签署协议，谢菲尔德是成都在英国的第一个友好城市。",
    ),
    "bristol-guangzhou": (
        "Paired since 2001; Guangdong sources in 2026 spoke of a 25-year bond.",
        "两市自2001年起结为友好城市；2026年广东方面的资料称双方已结好25年。",
    ),
    "london-beijing": (
        "Signed on 10 April 2006 by the Mayor of London and the Mayor of Beijing.",
        "2006年4月10日，伦敦市长与北京市长签署结好协议。",
    ),
    "coventry-jinan": (
        "Formalised in autumn 1983; Jinan's government dates it to 3 October 1983.",
        "两市于1983年秋正式结好，济南市政府资料记载的日期为1983年10月3日。",
    ),
    "southampton-qingdao": (
        "Twinned since 1998, according to local business and press sources.",
        "据当地商会和媒体资料，两市自1998年起结为友好城市。",
    ),
    "leicester-chongqing": (
        "Established on 11 October 1993, according to Chongqing sources.",
        "据重庆方面资料，两市于1993年10月11日结为友好城市。",
    ),
    "leicestershire-sichuan-province": (
        "The county council says the link dates from 1988.",
        "据莱斯特郡议会介绍，双方的友好关系始于1988年。",
    ),
    "lincolnshire-hunan-province": (
        "A declaration of friendship in September 2015 was followed by a formal agreement on 11 October 2018.",
        "双方于2015年9月发表友好声明，并于2018年10月11日正式签署友好合作协议。",
    ),
    "essex-jiangsu-province": (
        "A 1992 agreement according to Chinese sources; a later local report implies 1989.",
        "据中方资料，双方于1992年签署友好合作协议；英方一篇后来的地方报道则推算为1989年。",
    ),
    "sunderland-harbin": (
        "Established on 19 May 2009 and renewed in 2014.",
        "双方于2009年5月19日建立友好关系，并于2014年续签。",
    ),
    "york-nanjing": (
        "An agreement was signed on 23 October 2016; only one source confirms it so far.",
        "双方于2016年10月23日签署结好协议；目前仅有一个来源可以证实。",
    ),
    "guildford-dongying": (
        "A delegation was expected to sign an agreement in October 2017; no source yet confirms the signing.",
        "据报道，代表团原定于2017年10月签署协议，但目前尚无来源证实协议已经签署。",
    ),
    "cardiff-xiamen": (
        "Established on 31 March 1983, the first UK–China sister-city pair; the 40th anniversary was marked in 2023.",
        "两市于1983年3月31日结好，是中英之间第一对友好城市，2023年纪念结好40周年。",
    ),
    "newport-wuzhou": (
        "A 1986 newspaper report records the twinning; whether the link is still active is not confirmed.",
        "1986年的报纸报道记载了两市结好；目前的交流情况尚未得到确认。",
    ),
    "swansea-nantong": (
        "Twinned in about 1987–88, dormant for a time and revived in 2016; the exact year is not confirmed.",
        "两市约于1987至1988年间结好，其间交流一度较少，2016年重新活跃；确切年份尚未得到确认。",
    ),
    "swansea-wuhan": (
        "Signed in August 2016; later sources describe it both as a friendship agreement and as a sister-city link.",
        "双方于2016年8月签署协议；后来的资料有的称之为友好合作协议，有的称之为友好城市关系。",
    ),
    "wales-chongqing": (
        "A cooperation between governments: a first formal document in 2006, with new agreements in 2008 and 2011.",
        "这是政府之间的合作：双方于2006年签署首份正式文件，并于2008年和2011年签署新的协议。",
    ),
    "edinburgh-xian": (
        "Twinned in 1985; Xi'an is Edinburgh's largest sister city.",
        "两市于1985年结好，西安是爱丁堡规模最大的友好城市。",
    ),
    "edinburgh-shenzhen": (
        "Established in 2019; the sixth anniversary was marked in 2025.",
        "两市于2019年结好，2025年纪念结好6周年。",
    ),
    "glasgow-dalian": (
        "Twinned in 1987, with over 30 years of twinning recorded by the Scottish Government; one source's 1997 "
        "appears to be an error.",
        "两市于1987年结好，苏格兰政府称双方结好已逾30年；个别来源所载的1997年应为误记。",
    ),
    "perth-haikou": (
        "The agreement was signed in February 1992.",
        "双方于1992年2月签署结好协议。",
    ),
    "scotland-shandong-province": (
        "Based on a 2006 cooperation agreement between Shandong and Scotland.",
        "双方的友好关系以2006年山东省与苏格兰签署的合作协议为基础。",
    ),
    "belfast-hefei": (
        "Signed in June 2005, after a memorandum of understanding in August 2000; confirmed in the city "
        "council's minutes.",
        "两市在2000年8月签署谅解备忘录后，于2005年6月正式签署结好协议，贝尔法斯特市议会的会议记录可以证实。",
    ),
    "belfast-shenyang": (
        "The Lord Mayor of Belfast says the cities became sister cities in 2016.",
        "据贝尔法斯特市长介绍，两市于2016年结为友好城市。",
    ),
    "derry-city-and-strabane-dalian": (
        "A friendly cooperation agreement was signed in May 2018.",
        "双方于2018年5月签署友好合作协议。",
    ),
    "bath-jinan": (
        "Friendly relations date from 2017, according to the Jinan government; whether the link continues is "
        "not confirmed.",
        "据济南市政府资料，双方于2017年建立友好关系；目前是否仍在延续尚未得到确认。",
    ),
    "newcastle-upon-tyne-taiyuan": (
        "Newcastle City Council voted unanimously on 2 November 2022 to end the link.",
        "纽卡斯尔市议会于2022年11月2日一致表决终止这一友好关系。",
    ),
    "wakefield-xiangyang": (
        "Ended by Wakefield Council in 2020.",
        "韦克菲尔德市议会于2020年终止了这一友好关系。",
    ),
    "wakefield-nanning": (
        "Signed in May 2019 and ended by Wakefield Council in 2020.",
        "双方于2019年5月签署协议，韦克菲尔德市议会于2020年终止了这一关系。",
    ),
    "bath-and-north-east-somerset-jiangxi-province": (
        "An October 2009 agreement, with Jiangxi Province and Jingdezhen; the council voted to end it in "
        "November 2022.",
        "该协议于2009年10月与江西省及景德镇市签署，地方政府于2022年11月表决终止。",
    ),
    "bath-and-north-east-somerset-jingdezhen": (
        "Part of the October 2009 agreement with Jiangxi Province; ended by the same council vote in November 2022.",
        "属于2009年10月与江西省签署的同一协议，并在2022年11月同一次地方政府表决中终止。",
    ),
}
