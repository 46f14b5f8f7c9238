"""The facts of TEP's current "Nottingham & Nottinghamshire" page, as demo content.

Dates follow the fact check of that page (shared research, see data/README.md):
corrected facts use the corrected value (Nottingham and Ningbo were twinned in
2005; the Ningbo campus opened in 2004); claims no source confirms are loaded
as drafts for staff to confirm. Translated fields are dicts keyed by language.
Every record has a stable key so that loading again never duplicates it.
"""

NOTTS_AREA = "nottingham-nottinghamshire"
NOTTINGHAM_NINGBO = "nottingham-ningbo"
NOTTS_ZHEJIANG = "nottinghamshire-zhejiang-province"
LIVERPOOL_SHANGHAI = "liverpool-shanghai"

AREAS = [
    {
        "key": "area:" + NOTTS_AREA,
        "slug": NOTTS_AREA,
        "name": {"en": "Nottingham & Nottinghamshire", "zh_hans": "诺丁汉与诺丁汉郡"},
        "introduction": {
            "en": "Nottingham City Council and Nottinghamshire County Council have developed links with Ningbo "
            "in the Zhejiang Province of China. Nottingham is twinned with Ningbo and Nottinghamshire is "
            "linked with the Zhejiang Province.",
            "zh_hans": "诺丁汉市和诺丁汉郡两级地方政府与浙江省宁波市建立了联系：诺丁汉与宁波结为友好城市，"
            "诺丁汉郡与浙江省建立了省级友好关系。",
        },
    },
]

# Stories for the partnerships the source page tells; the other rows of the
# sourced CSV get a one-line summary made from their data.
PARTNERSHIP_STORIES = {
    NOTTINGHAM_NINGBO: {
        "area": NOTTS_AREA,
        "is_featured": True,
        "summary": {
            "en": "Twinned since 2005, Nottingham and Ningbo were the first UK–China pair to agree a five-year "
            "plan for closer trade, civic, cultural and educational ties.",
            "zh_hans": "诺丁汉与宁波自2005年结为友好城市，是首对制定五年合作计划、全面深化经贸、市政、文化和"
            "教育交流的中英友好城市。",
        },
        "body": {
            "en": "Over the last 15 years Nottingham City Council has continued to develop its relationship "
            "with Ningbo. The partnership became the first to develop a Five Year Plan to develop closer "
            "trade, civic, cultural and educational ties.\n\n"
            "The link grew out of education: in 2004 the University of Nottingham opened its campus in "
            "Ningbo with the Wanli Education Group, and the cities were formally twinned in September 2005.\n\n"
            "Nottingham and Ningbo's close international link has been supported by several schools in the "
            "Nottingham area taking part in Sister School Partnership Programmes through TEP. Nottingham "
            "schools first hosted their Ningbo sister schools in July 2019, before travelling to Ningbo to "
            "reunite with their friends and take part in an immersive education experience.\n\n"
            "We help create Sister City Partnerships through our close ties with the Chinese government, "
            "and TEP manage Council Delegation trips to China to further diplomatic ties between regions.",
            "zh_hans": "过去15年来，诺丁汉市议会持续深化与宁波的友好关系。两市率先制定五年合作计划，"
            "推动经贸、市政、文化和教育领域的交流合作。\n\n"
            "两市的友好关系源于教育合作：2004年，诺丁汉大学与万里教育集团合作在宁波创办校区；2005年9月，"
            "两市正式结为友好城市。\n\n"
            "诺丁汉地区多所学校通过TEP参与友好学校项目，为两市的紧密联系增添了活力。2019年7月，"
            "诺丁汉的学校首次接待宁波友好学校的师生，随后回访宁波，与朋友们重聚，参加沉浸式教育交流。\n\n"
            "TEP依托与中国政府部门的密切联系，协助中英地方政府建立友好城市关系，并组织英国地方政府代表团"
            "访华，促进两地友好交往。",
        },
        "hero_image_alt": {"en": "", "zh_hans": ""},
    },
    NOTTS_ZHEJIANG: {
        "area": NOTTS_AREA,
        "is_featured": True,
        "year_note": {
            "en": "The county council gives April 2016; other sources give April 2017.",
            "zh_hans": "诺丁汉郡议会的资料为2016年4月，其他资料为2017年4月。",
        },
        "summary": {
            "en": "Nottinghamshire County Council developed international links with Zhejiang to promote trade "
            "and investment and to share approaches to education, health, social care and culture.",
            "zh_hans": "诺丁汉郡与浙江省建立省级友好关系，以促进贸易和投资，并在教育、卫生、社会照护和文化"
            "领域交流经验。",
        },
        "body": {
            "en": "Nottinghamshire County Council developed international links with Zhejiang to promote trade "
            "and investment opportunities and share ideas for approaches to education, health, social care "
            "and culture.\n\n"
            "The county signed a Friendship Agreement with the Province of Zhejiang. The county council "
            "dates it to April 2016; other sources, including Zhejiang's trade promotion body, to April 2017. "
            "In June 2017 the county hosted a delegation of more than 60 Zhejiang companies, the largest "
            "Chinese trade delegation to visit Nottinghamshire.",
            "zh_hans": "诺丁汉郡议会与浙江省建立国际联系，以拓展贸易和投资机会，并在教育、卫生、社会照护和"
            "文化领域交流理念与做法。\n\n"
            "诺丁汉郡与浙江省签署了友好合作协议。诺丁汉郡议会称协议签于2016年4月；包括浙江省贸促会在内的"
            "其他来源则称为2017年4月。2017年6月，诺丁汉郡接待了60多家浙江企业组成的代表团，这是到访诺丁汉郡规模"
            "最大的中国贸易代表团。",
        },
    },
    LIVERPOOL_SHANGHAI: {
        "is_featured": True,
        "summary": {
            "en": "Sister cities since October 1999: TEP championed the 20th anniversary celebrations in 2019.",
            "zh_hans": "两市自1999年10月结为友好城市；2019年，TEP协助举办了两市结好20周年庆祝活动。",
        },
        "body": {
            "en": "We have facilitated many Sister City Partnerships, including the iconic relationship between "
            "Liverpool and Shanghai, for which we championed the 20th anniversary celebrations in 2019.\n\n"
            "The sister link between the two cities is a special relationship which goes back not just 20 "
            "years, but 200 years.\n\n"
            "Links like these have a tremendous impact on a region's international awareness, bringing "
            "social benefits that reach far into local communities as well as across the region and UK.",
            "zh_hans": "我们促成了许多友好城市关系，其中包括利物浦与上海之间具有标志性的友好关系，并在2019年"
            "协助举办了两市结好20周年庆祝活动。\n\n"
            "两市之间的友好联系十分特殊，其渊源不只20年，而是可以追溯到200年前。\n\n"
            "这样的联系极大地提升了一个地区的国际知名度，带来的社会效益深入当地社区，并惠及整个地区乃至英国。",
        },
    },
}

QUOTES = [
    {
        "key": "quote:liverpool-gary-miller",
        "partnership": LIVERPOOL_SHANGHAI,
        # "Cllr" is a title, not part of the name: the role says it, in each language.
        "speaker": {"en": "Gary Miller", "zh_hans": "加里·米勒"},
        "role": {"en": "Councillor and Deputy Mayor of Liverpool", "zh_hans": "利物浦市议员、副市长"},
        "text": {
            "en": "The partnership has had fantastic results in the city, going from strength to strength and "
            "offering support for education, health and the creation of local jobs and opportunities.",
            "zh_hans": "两市的友好关系为利物浦带来了丰硕成果，合作日益深化，在教育、卫生以及创造本地就业和"
            "发展机会等方面发挥了积极作用。",
        },
        "is_paraphrase": True,
    },
]

SCHOOLS = [
    {
        "key": "school:fernwood",
        "slug": "the-fernwood-school",
        "name": {"en": "The Fernwood School", "zh_hans": "芬伍德学校"},
        "council": "nottingham",
        "town": {"en": "Nottingham", "zh_hans": "诺丁汉"},
        "summary": {
            "en": "Following a head teachers' delegation visit, students took part in a Chinese language and "
            "culture workshop run by the Nottingham Confucius Institute, and a series of Mandarin lessons "
            "enjoyed by students and staff alike.",
            "zh_hans": "在校长代表团访华之后，学生们参加了诺丁汉孔子学院举办的中国语言文化工作坊和一系列汉语课程，"
            "师生都十分喜爱。",
        },
        "activities": {
            "en": "Chinese language and culture workshop and a series of Mandarin lessons by the Nottingham "
            "Confucius Institute (from January 2019).\n\nHosted its Ningbo sister school in July 2019, then "
            "visited Ningbo for an immersive education experience.",
            "zh_hans": "诺丁汉孔子学院开设的中国语言文化工作坊和系列汉语课程（自2019年1月起）。\n\n"
            "2019年7月接待宁波友好学校师生，随后赴宁波参加沉浸式教育交流。",
        },
    },
    {
        "key": "school:joseph-whitaker",
        "slug": "the-joseph-whitaker-school",
        "name": {"en": "The Joseph Whitaker School", "zh_hans": "约瑟夫·惠特克学校"},
        "council": "nottinghamshire",
        "town": {"en": "Rainworth", "zh_hans": "雷恩沃思"},
        "summary": {
            "en": "One of the Nottinghamshire schools for which TEP has delivered sister-school exchanges with Ningbo.",
            "zh_hans": "TEP为其组织与宁波友好学校交流的诺丁汉郡学校之一。",
        },
        "activities": {
            "en": "Sister-school exchange with Ningbo through TEP: hosting in July 2019 and a return visit to Ningbo.",
            "zh_hans": "通过TEP与宁波开展友好学校交流：2019年7月接待来访，随后回访宁波。",
        },
    },
    {
        "key": "school:nuast",
        "slug": "nuast",
        "name": {
            "en": "The Nottingham University Academy of Science and Technology (NUAST)",
            "zh_hans": "诺丁汉大学科学技术学院",
        },
        "council": "nottingham",
        "town": {"en": "Nottingham", "zh_hans": "诺丁汉"},
        "summary": {
            "en": "One of the Nottingham schools for which TEP has delivered sister-school exchanges with Ningbo.",
            "zh_hans": "TEP为其组织与宁波友好学校交流的诺丁汉学校之一。",
        },
        "activities": {
            "en": "Sister-school exchange with Ningbo through TEP: hosting in July 2019 and a return visit to Ningbo.",
            "zh_hans": "通过TEP与宁波开展友好学校交流：2019年7月接待来访，随后回访宁波。",
        },
    },
]

# TEP's page names the UK schools but not their Ningbo partners: staff replace
# these names once the schools agree to be named.
PARTNER_SCHOOL_NAME = {"en": "Ningbo sister school (name to be confirmed)", "zh_hans": "宁波友好学校（校名待确认）"}

EVENTS = [
    {
        "key": "event:unnc-campus-2004",
        "date": "2004-09-01",
        "precision": "month",
        "category": "education",
        "partnerships": [NOTTINGHAM_NINGBO],
        "title": {"en": "University of Nottingham opens its campus in Ningbo", "zh_hans": "诺丁汉大学宁波校区开学"},
        "text": {
            "en": "The University of Nottingham became the first foreign university to establish an independent "
            "campus in Ningbo, developed in partnership with the Wanli Education Group (Zhejiang Wanli "
            "University). This later led to the cities becoming twinned.",
            "zh_hans": "诺丁汉大学与万里教育集团（浙江万里学院）合作，成为第一所在宁波建立独立校区的外国大学。"
            "这后来促成了两市结为友好城市。",
        },
        "source_url": "http://en.wikipedia.org/wiki/University_of_Nottingham_Ningbo,_China",
    },
    {
        "key": "event:twinned-2005",
        "date": "2005-09-01",
        "precision": "month",
        "category": "civic",
        "partnerships": [NOTTINGHAM_NINGBO],
        "title": {"en": "Nottingham and Ningbo are formally twinned", "zh_hans": "诺丁汉与宁波正式结为友好城市"},
        "text": {
            "en": "After five years of civic contacts, the two cities formalised their sister-city relationship.",
            "zh_hans": "经过五年的市政往来，两市正式确立了友好城市关系。",
        },
        "source_url": "https://chinaservicesinfo.com/s/202112/31/WS61ceb568498e6a12c121c315/"
        "ningbo-nottingham-to-cement-ties.html",
    },
    {
        "key": "event:friendship-bridge-2014",
        "date": "2014-01-01",
        "precision": "year",
        "category": "civic",
        "partnerships": [NOTTINGHAM_NINGBO],
        "title": {"en": "Nottingham names the Ningbo Friendship Bridge", "zh_hans": "诺丁汉命名“宁波友谊桥”"},
        "text": {
            "en": "The new tram bridge over the A52 in Nottingham was named after its sister city.",
            "zh_hans": "诺丁汉A52公路上新建的有轨电车桥以友好城市宁波命名。",
        },
    },
    {
        "key": "event:stone-lions-2015",
        "date": "2015-09-21",
        "precision": "day",
        "category": "culture",
        "partnerships": [NOTTINGHAM_NINGBO],
        "title": {"en": "Ningbo's gift of stone lions unveiled in Nottingham", "zh_hans": "宁波赠送的石狮在诺丁汉揭幕"},
        "text": {
            "en": "A pair of stone lions given by Ningbo was unveiled at the University of Nottingham's "
            "Highfields, ten years after the cities were twinned.",
            "zh_hans": "宁波赠送的一对石狮在诺丁汉大学海菲尔德揭幕，此时两市结好已满十年。",
        },
    },
    {
        "key": "event:robin-hood-2015",
        "date": "2015-11-05",
        "precision": "day",
        "category": "culture",
        "partnerships": [NOTTINGHAM_NINGBO],
        "title": {"en": "Robin Hood statue replica unveiled in Ningbo", "zh_hans": "罗宾汉雕像复制品在宁波揭幕"},
        "text": {
            "en": "Nottingham donated a full-size bronze replica of its famous Robin Hood statue to Ningbo, "
            "marking ten years of friendship. It takes pride of place in the city's Cultural Plaza district.",
            "zh_hans": "诺丁汉向宁波赠送了其著名的罗宾汉雕像的等比例青铜复制品，以纪念两市友谊十周年。"
            "雕像矗立在宁波文化广场的显要位置。",
        },
        "source_url": "http://news.cnnb.com.cn/system/2015/11/06/008425054.shtml",
    },
    {
        "key": "event:five-year-plan-2016",
        "date": "2016-02-26",
        "precision": "day",
        "category": "trade",
        "partnerships": [NOTTINGHAM_NINGBO],
        "title": {"en": "First UK–China five-year city cooperation plan", "zh_hans": "首个中英城市五年合作计划"},
        "text": {
            "en": "Nottingham and its sister city Ningbo reached a historic deal to embark on a five-year "
            "agreement to develop closer trade, education and cultural ties – the first of its kind.",
            "zh_hans": "诺丁汉与友好城市宁波达成历史性协议，启动为期五年的合作计划，深化经贸、教育和文化联系，"
            "这在同类合作中尚属首次。",
        },
    },
    {
        "key": "event:notts-zhejiang-agreement-2016",
        "date": "2016-04-01",
        "precision": "month",
        "category": "trade",
        "partnerships": [NOTTS_ZHEJIANG],
        "title": {
            "en": "Nottinghamshire signs a Friendship Agreement with Zhejiang",
            "zh_hans": "诺丁汉郡与浙江省签署友好合作协议",
        },
        "text": {
            "en": "A landmark agreement to promote trade and investment and to share ideas and approaches to "
            "education, health, social care and culture. The county council dates it April 2016; other "
            "sources give April 2017.",
            "zh_hans": "这项具有里程碑意义的协议旨在促进贸易和投资，并在教育、卫生、社会照护和文化领域交流理念"
            "与做法。诺丁汉郡议会称协议签于2016年4月，另有来源称为2017年4月。",
        },
        "source_url": "https://nottinghamshire.gov.uk/newsroom/blog/posts/"
        "trade-and-investment-opportunities-following-china-visit",
    },
    {
        "key": "event:sister-city-award-2016",
        "date": "2016-01-01",
        "precision": "year",
        "category": "civic",
        "is_published": False,
        "partnerships": [NOTTINGHAM_NINGBO],
        "title": {"en": "“Sister City of the Year” award (to be confirmed)", "zh_hans": "“年度友好城市”奖（待核实）"},
        "text": {
            "en": "TEP's page says the Chinese Government awarded Nottingham City Council ‘Sister City of the "
            "Year’ for its links with Ningbo. No source has been found yet: confirm before publishing.",
            "zh_hans": "TEP网页称中国政府因诺丁汉市议会与宁波的联系授予其“年度友好城市”称号。目前尚未找到来源，"
            "发布前请核实。",
        },
    },
    {
        "key": "event:notts-china-summit-2017",
        "date": "2017-01-01",
        "precision": "year",
        "category": "trade",
        "is_published": False,
        "partnerships": [NOTTS_ZHEJIANG],
        "title": {
            "en": "First #NottsChina trade summit (to be confirmed)",
            "zh_hans": "首届#NottsChina贸易峰会（待核实）",
        },
        "text": {
            "en": "TEP's page says more than 130 delegates from Nottinghamshire firms and Zhejiang met at the "
            "first #NottsChina trade summit. No source has been found yet: confirm before publishing.",
            "zh_hans": "TEP网页称，130多名来自诺丁汉郡企业和浙江省的代表参加了首届#NottsChina贸易峰会。"
            "目前尚未找到来源，发布前请核实。",
        },
    },
    {
        "key": "event:zhejiang-delegation-2017",
        "date": "2017-06-01",
        "precision": "month",
        "category": "trade",
        "partnerships": [NOTTS_ZHEJIANG],
        "title": {
            "en": "Largest Chinese trade delegation to visit Nottinghamshire",
            "zh_hans": "到访诺丁汉郡规模最大的中国贸易代表团",
        },
        "text": {
            "en": "Nottinghamshire County Council hosted Zhejiang's trade promotion body and more than 60 "
            "Zhejiang companies for a plenary session and business-to-business meetings.",
            "zh_hans": "诺丁汉郡议会接待了浙江省贸促会和60多家浙江企业，举行了全体会议和企业对接洽谈。",
        },
        "source_url": "https://nottinghamshire.gov.uk/newsroom/blog/posts/"
        "china-is-a-land-of-opportunity-for-nottinghamshire-businesses",
    },
    {
        "key": "event:headteachers-2018",
        "date": "2018-10-01",
        "precision": "month",
        "category": "education",
        "partnerships": [NOTTINGHAM_NINGBO],
        "schools": ["the-fernwood-school"],
        "title": {"en": "Nine Nottingham head teachers visit China", "zh_hans": "九位诺丁汉校长访问中国"},
        "text": {
            "en": "A total of nine head teachers from Nottingham schools visited China to establish sister "
            "school partnerships through TEP.",
            "zh_hans": "共有九位诺丁汉学校的校长访问中国，通过TEP建立友好学校关系。",
        },
    },
    {
        "key": "event:fernwood-mandarin-2019",
        "date": "2019-01-01",
        "precision": "month",
        "category": "education",
        "partnerships": [NOTTINGHAM_NINGBO],
        "schools": ["the-fernwood-school"],
        "title": {"en": "Mandarin lessons begin at Fernwood School", "zh_hans": "芬伍德学校开设汉语课程"},
        "text": {
            "en": "Fernwood School began a series of ongoing Mandarin lessons by the Nottingham Confucius "
            "Institute, as well as a Chinese language and culture workshop enjoyed by both students and staff.",
            "zh_hans": "芬伍德学校开始由诺丁汉孔子学院开设的系列汉语课程，并举办了深受师生喜爱的中国语言文化工作坊。",
        },
    },
    {
        "key": "event:schools-host-2019",
        "date": "2019-07-01",
        "precision": "month",
        "category": "education",
        "partnerships": [NOTTINGHAM_NINGBO],
        "schools": ["the-fernwood-school", "the-joseph-whitaker-school", "nuast"],
        "title": {"en": "Nottingham schools host their Ningbo sister schools", "zh_hans": "诺丁汉学校接待宁波友好学校"},
        "text": {
            "en": "Nottingham schools had the pleasure of hosting their sister schools from Ningbo for the first time.",
            "zh_hans": "诺丁汉的学校首次接待了来自宁波友好学校的师生。",
        },
    },
    {
        "key": "event:schools-visit-ningbo-2019",
        "date": "2019-01-01",
        "precision": "year",
        "category": "education",
        "partnerships": [NOTTINGHAM_NINGBO],
        "schools": ["the-fernwood-school", "the-joseph-whitaker-school", "nuast"],
        "title": {"en": "Nottingham schools visit Ningbo", "zh_hans": "诺丁汉学校回访宁波"},
        "text": {
            "en": "After hosting, Nottingham students travelled about 5,760 miles to Ningbo to reunite with their "
            "friends and take part in an immersive education experience.",
            "zh_hans": "接待来访之后，诺丁汉学生远行约9,270公里前往宁波，与朋友们重聚并参加沉浸式教育交流。",
        },
    },
    {
        "key": "event:ningbo-industry-fair-2019",
        "date": "2019-01-01",
        "precision": "year",
        "category": "trade",
        "partnerships": [NOTTINGHAM_NINGBO],
        "title": {
            "en": "Nottingham delegation at the Ningbo Industry Fair",
            "zh_hans": "诺丁汉代表团参加宁波工业博览会",
        },
        "text": {
            "en": "At the invitation of the local government, a delegation from Nottingham – representatives of "
            "Nottingham City Council and a group of local creatives – attended the Ningbo Industry Fair, "
            "where the creatives showcased their work and won various accolades.",
            "zh_hans": "应当地政府邀请，由诺丁汉市议会代表和一批本地创意人士组成的诺丁汉代表团参加了宁波工业"
            "博览会，创意人士展示了作品并获得多项荣誉。",
        },
    },
    {
        "key": "event:ningbo-creative-quarter",
        "date": "2019-01-01",
        "precision": "year",
        "category": "culture",
        "is_published": False,
        "partnerships": [NOTTINGHAM_NINGBO],
        "title": {
            "en": "Ningbo opens a Creative Quarter mirroring Nottingham's (date to be confirmed)",
            "zh_hans": "宁波开设与诺丁汉呼应的创意街区（日期待确认）",
        },
        "text": {
            "en": "Ningbo launched its own Creative Quarter, a hub of creative businesses mirroring Nottingham's, "
            "offering free hot-desk space to any Nottingham-based business that wishes to work there. TEP's "
            "page gives no date: confirm it before publishing.",
            "zh_hans": "宁波开设了自己的创意街区，汇聚创意企业，与诺丁汉的创意街区相呼应，并向任何希望在当地"
            "工作的诺丁汉企业免费提供共享办公位。TEP网页未注明日期，发布前请确认。",
        },
    },
    {
        "key": "event:second-five-year-plan-2021",
        "date": "2021-12-06",
        "precision": "day",
        "category": "trade",
        "partnerships": [NOTTINGHAM_NINGBO],
        "title": {"en": "Second five-year plan signed (2021–25)", "zh_hans": "签署第二个五年合作计划（2021–2025）"},
        "text": {
            "en": "Nottingham and Ningbo renewed their cooperation plan for another five years.",
            "zh_hans": "诺丁汉与宁波将合作计划再延续五年。",
        },
        "source_url": "https://chinaservicesinfo.com/s/202112/31/WS61ceb568498e6a12c121c315/"
        "ningbo-nottingham-to-cement-ties.html",
    },
    {
        "key": "event:liverpool-shanghai-1999",
        "date": "1999-10-01",
        "precision": "month",
        "category": "civic",
        "partnerships": [LIVERPOOL_SHANGHAI],
        "title": {"en": "Liverpool and Shanghai become sister cities", "zh_hans": "利物浦与上海结为友好城市"},
        "text": {
            "en": "The two port cities formalised a relationship whose roots go back 200 years.",
            "zh_hans": "这两座港口城市正式确立了渊源可追溯至200年前的友好关系。",
        },
        "source_url": "https://www.liverpool.ac.uk/confucius-institute/news/stories/title,1454492,en.html",
    },
    {
        "key": "event:liverpool-shanghai-20th-2019",
        "date": "2019-01-01",
        "precision": "year",
        "category": "culture",
        "partnerships": [LIVERPOOL_SHANGHAI],
        "title": {
            "en": "20th anniversary of Liverpool–Shanghai, championed by TEP",
            "zh_hans": "利物浦与上海结好20周年，TEP协助举办庆祝活动",
        },
        "text": {
            "en": "TEP championed the celebrations marking twenty years of the sister-city link.",
            "zh_hans": "TEP协助举办了两市结好20周年庆祝活动。",
        },
    },
]

# Each figure's label says what the figure counts, so that it reads after the figure in either
# language ("三分之二 / 全球人口……的比例", never a label starting "的…").
STATISTICS = [
    {
        "key": "stat:cifca-52",
        "value": {"en": "52", "zh_hans": "52对"},
        "label": {
            "en": "formal Sister City Partnerships between Chinese and British cities",
            "zh_hans": "中英城市之间正式缔结的友好城市",
        },
        "source_name": {"en": "China International Friendship Cities Association", "zh_hans": "中国国际友好城市联合会"},
        "as_of_year": 2014,
        "is_approximate_date": True,
    },
    {
        "key": "stat:two-thirds-cities-2050",
        "value": {"en": "⅔", "zh_hans": "三分之二"},
        "label": {
            "en": "of the world's population projected to live in cities by 2050",
            "zh_hans": "预计到2050年全球居住在城市的人口比例",
        },
        "source_name": {"en": "United Nations, World Urbanization Prospects", "zh_hans": "联合国《世界城市化展望》"},
        "source_url": "https://population.un.org/wup/",
        "as_of_year": 2018,
    },
    {
        "key": "stat:students-return",
        "value": {"en": "Over half", "zh_hans": "过半"},
        "label": {
            "en": "of Chinese students who visit the UK at high-school age consider returning to their "
            "sister school's city for university",
            "zh_hans": "高中阶段访英的中国学生中，考虑日后回到友好学校所在城市读大学的比例",
        },
        "source_name": {"en": "True Education Partnership", "zh_hans": "TEP"},
        "as_of_year": None,
    },
]

PROCESS_STEPS = [
    (
        "Partnership Initiation",
        "建立合作关系",
        "We plan and launch Council Delegation visits to establish Sister City Partnerships between councils in the "
        "UK and China.",
        "我们策划并组织地方政府代表团互访，推动中英两国地方政府结为友好城市。",
    ),
    (
        "Economic Impact",
        "经济效益",
        "A Sister City Partnership can encourage inward investment and has many bilateral benefits that make a "
        "significant economic impact.",
        "友好城市关系有助于吸引投资，为双方带来多方面的互利成果，产生显著的经济效益。",
    ),
    (
        "Partnership Support",
        "合作支持",
        "We support existing Sister City Partnerships between the UK and China through business, education and sport.",
        "我们通过商贸、教育和体育交流，支持中英之间现有的友好城市关系。",
    ),
    (
        "Education Opportunity",
        "教育机会",
        "We invite schools to be part of rewarding Sister School Partnerships, which have mutual student benefits for "
        "both the UK & China.",
        "我们邀请中英两国学校参与富有意义的友好学校项目，让两国学生共同受益。",
    ),
]

# What a partnership brings; the benefits page's body then says what each side gains.
BENEFITS = [
    ("Increased city-wide cultural awareness", "增进两市市民对彼此文化的了解"),
    ("Educational partnerships and developments", "开展教育合作，促进共同发展"),
    ("An influx of business, tourism & trade", "带动商务、旅游和贸易往来"),
    ("The sharing of valuable resources and approaches", "分享宝贵的资源和经验"),
    ("Increased desirability and raised social profile", "提升城市吸引力和国际知名度"),
    ("More investment in the local economy", "为当地经济带来更多投资"),
]

PAGES = [
    {
        "slug": "home",
        "title": {"en": "UK–China sister-city and sister-school partnerships", "zh_hans": "中英友好城市与友好学校合作"},
        "introduction": {
            "en": "True Education Partnership creates and supports partnerships between UK councils and Chinese "
            "cities and provinces, and sister-school links between UK and Chinese schools.",
            "zh_hans": "TEP致力于在英国地方政府与中国城市和省份之间建立并维系友好合作关系，"
            "并促成中英学校结为友好学校。",
        },
        "body": {"en": "", "zh_hans": ""},
    },
    {
        "slug": "about",
        "title": {"en": "Council & Education Partnerships", "zh_hans": "地方政府与教育合作"},
        "introduction": {
            "en": "True Education Partnership's programmes not only help to build school profiles but have a "
            "significant impact on communities and economies as a whole. It is for this reason that government "
            "entities in both the UK and China choose to partner with us.",
            "zh_hans": "TEP的项目不仅有助于提升学校的影响力，还对所在社区和地方经济产生重要作用。"
            "正因如此，中英两国的政府机构都选择与我们合作。",
        },
        "body": {
            "en": "Our programmes help to bring an influx of international visitors to UK regions, stimulating "
            "growth in local business and trade. Over half of Chinese students that visit the UK at high school "
            "age consider returning to their sister school's city for university studies, and those that do "
            "bring further economic boosts through the purchase of goods and services during their stay.\n\n"
            "Chinese partners gain as much: their pupils and teachers experience UK schools at first hand, and "
            "their cities gain a partner in the UK for trade, investment and cultural exchange.\n\n"
            "## Creating Global Citizens\n\n"
            "International partnerships create global citizens who are valuable assets to UK businesses at this "
            "crucial time of developing trade outside of Europe.\n\n"
            "The exposure of students to international study at a young age improves their employability in "
            "the modern marketplace, with many showing a greater potential for the acquisition of a foreign "
            "language and increased cultural awareness, in turn strengthening local businesses.\n\n"
            "## Working with councils\n\n"
            "We help create Sister City Partnerships through our close ties with the Chinese government. TEP "
            "manage Council Delegation trips to China to further diplomatic ties between regions.",
            "zh_hans": "我们的项目为英国各地带来大量国际访客，促进当地商业和贸易发展。高中阶段访英的中国学生中，"
            "过半考虑日后回到友好学校所在城市读大学。\n\n"
            "中方同样受益：中国学校的师生可以亲身体验英国教育，中国城市也在英国有了开展经贸、投资和人文交流的"
            "友好城市。\n\n"
            "## 培养具有国际视野的人才\n\n"
            "国际合作有助于培养具有全球视野的青年人才，他们是中英两国企业和社会的宝贵财富。\n\n"
            "学生在青少年时期接触国际学习，能够提升未来的就业竞争力；许多学生表现出更强的外语学习潜力和"
            "跨文化理解能力，进而为当地企业增添活力。\n\n"
            "## 与地方政府合作\n\n"
            "TEP依托与中国政府部门的密切联系，协助中英地方政府建立友好城市关系，并组织英国地方政府代表团"
            "访华，促进两地友好交往。",
        },
    },
    {
        "slug": "process",
        "title": {"en": "Sister City Partnership Process", "zh_hans": "结好流程"},
        "introduction": {
            "en": "How TEP helps a UK council build and sustain a partnership with a Chinese city or province.",
            "zh_hans": "TEP如何协助中英两国的城市和省份建立并维系友好合作关系。",
        },
        "body": {"en": "", "zh_hans": ""},
    },
    {
        "slug": "benefits",
        "title": {"en": "Benefits of a Sister City Partnership", "zh_hans": "友好城市的合作成效"},
        "introduction": {
            "en": "The UK and China have a long history of engagement and are now entering a ‘golden era’ of "
            "deepening relations between the two countries.",
            "zh_hans": "中英两国交往历史悠久，城市之间的友好合作为双方带来切实成效。",
        },
        "body": {
            "en": "With two thirds of the global population projected to live in cities by 2050, it is becoming "
            "increasingly difficult to ignore the needs of urban areas. The academic consensus is that it is "
            "getting harder to achieve governance, economic and well-being goals without engaging with partners "
            "in the wider international community.\n\n"
            "The China International Friendship Cities Association counts 52 formal Sister City Partnerships "
            "between Chinese and British cities (a count from about 2014).\n\n"
            "## What each side gains\n\n"
            "For the UK council and its region:\n"
            "- visitors, students, business, tourism and trade from China\n"
            "- inward investment and more investment in the local economy\n"
            "- schools whose pupils learn Mandarin and Chinese culture with a partner school\n"
            "- a raised international profile for the city or county\n\n"
            "For the Chinese city or province and its schools:\n"
            "- a partner in the UK for trade, investment and cultural exchange\n"
            "- sister schools in the UK, with exchange visits for pupils and teachers\n"
            "- shared approaches to education, health, social care and city governance\n"
            "- introductions to UK councils, universities and businesses through TEP\n\n"
            "Links like these have a tremendous impact on a region's international awareness, bringing social "
            "benefits that reach far into local communities as well as across the region and UK.",
            "zh_hans": "预计到2050年，全球三分之二的人口将居住在城市，城市的需求越来越不容忽视。学术界普遍认为，"
            "如果不与国际社会广泛合作，实现治理、经济和民生福祉目标将越来越难。\n\n"
            "据中国国际友好城市联合会统计，中英城市之间共有52对正式友好城市（约2014年的数据）。\n\n"
            "## 双方各自的收益\n\n"
            "英方（英国地方政府及所在地区）：\n"
            "- 吸引来自中国的访客和学生，带动商务、旅游和贸易往来\n"
            "- 吸引投资，为当地经济注入活力\n"
            "- 学校与中国友好学校合作，学生学习汉语和中国文化\n"
            "- 提升城市或郡的国际知名度\n\n"
            "中方（中国城市、省份及学校）：\n"
            "- 在英国拥有开展经贸、投资和人文交流的友好城市\n"
            "- 与英国学校结为友好学校，师生赴英访问交流\n"
            "- 在教育、卫生、社会照护和城市治理等领域交流经验\n"
            "- 通过TEP对接英国地方政府、高校和企业\n\n"
            "这样的友好关系极大地提升了一个地区的国际知名度，带来的社会效益深入当地社区，并惠及整个地区。",
        },
    },
]
