# ruff: noqa: E501 - the notice is prose, one paragraph a line, as staff see it in the admin.
"""The privacy notice as first written, in both languages: the demo loader seeds it as the
"privacy" Page when a database has none, and staff then edit it in the admin. Migrations keep
frozen copies of their own (0010 the whole notice, 0012 the section for Chinese organisations),
so editing this file changes no migration and no database that already has the page.

Placeholders in braces are filled in on the page from the organisation record and the
settings: {legal_name}, {company_number}, {ico_number}, {address}, {email} and
{retention_months} (ENQUIRY_RETENTION_MONTHS). A detail not yet filled in shows as
"[to confirm]", and `manage.py check --deploy` warns while any "[to confirm]" remains in
the text or a detail is missing.
"""

PRIVACY = {
    "slug": "privacy",
    "title": {"en": "Privacy notice", "zh_hans": "隐私声明"},
    "introduction": {
        "en": "How we use the information you give us when you register for a China partnership.",
        "zh_hans": "我们如何使用您在登记合作意向时提供的信息。",
    },
    "body": {
        "en": """## Who we are

True Education Partnership (TEP) creates and supports partnerships between UK councils and schools and partners in China. TEP is the controller of the information you give through this website.

Registered name: {legal_name}. Company number: {company_number}. Registered with the Information Commissioner's Office under number {ico_number}. Address: {address}. Contact for anything about your information: {email}.

## What we collect

When you register for a China partnership, or as a Chinese organisation seeking a UK partner, we keep:
- your organisation's name and type, and where it is (a UK region, or a Chinese province and city)
- your name, job title, email address and, if you give it, your telephone number
- what you are interested in, the partnership page you came from, and your message
- the language you used and when you sent the form

To stop automated misuse of the form we count submissions from each internet address for a short time. The address is kept only in a scrambled form, for minutes, and is not stored with your enquiry.

The form sets a security cookie, and after you send it a session cookie so that the confirmation page can show your reference number. We use no advertising or tracking cookies.

## Why we use it, and our lawful basis

We use your information to reply to your enquiry, to talk with you about a possible partnership and, if you go ahead, to help set it up. Our lawful basis is legitimate interests (UK GDPR Article 6(1)(f)): responding to an organisation that has asked us about a partnership. You asked us to get in touch, so this is a use you would expect, and it has little effect on your privacy. You can object at any time (see Your rights).

We do not use your information for marketing, and we do not sell it.

## Who sees it

Only the TEP staff who handle enquiries. Companies that host this website and send its emails process the information for us, under contract and on our instructions [to confirm: names of these providers].

## Partners in China

We share your organisation's and your contact details with a possible partner in China only with your agreement, and we will ask you first each time. China is outside the UK, so we will also tell you how your information is protected when it is sent there.

## UK partners, for Chinese organisations

If you are a Chinese organisation seeking a UK partner, we share your organisation's and your contact details with a possible UK partner (a council, school or other organisation) only with your agreement, and we will ask you first each time.

## How long we keep it

While we are talking with you about a partnership, we keep your enquiry. Once an enquiry is closed, we keep it for {retention_months} months, then remove your name, contact details and message. We keep only figures that identify no one, such as how many councils asked about sister-city partnerships.

## Your rights

You have the right to:
- ask for a copy of the information we hold about you (access)
- ask us to correct it if it is wrong
- ask us to delete it (erasure)
- object to our use of it, or ask us to restrict it

To use any of these rights, write to us at {email}. We reply within one month.

## How to complain

If you are unhappy with how we have used your information, please tell us first. You can also complain to the Information Commissioner's Office (ICO), the UK regulator for data protection, at https://ico.org.uk/make-a-complaint/ or on 0303 123 1113.""",
        "zh_hans": """## 我们是谁

True Education Partnership（TEP）致力于促成并支持英国地方政府和学校与中国合作方之间的合作关系。TEP 是您通过本网站所提供信息的数据控制者。

注册名称：{legal_name}。公司编号：{company_number}。在英国信息专员办公室（ICO）的注册编号：{ico_number}。地址：{address}。有关您个人信息的任何事宜，请联系：{email}。

## 我们收集哪些信息

当您登记合作意向（无论是寻找中国合作伙伴的英国单位，还是寻找英国合作伙伴的中国单位）时，我们会保存：
- 您单位的名称、类型及所在地（英国地区，或中国的省份和城市）
- 您的姓名、职务、电子邮箱，以及您提供的电话号码
- 您感兴趣的方面、您访问表格前所在的合作关系页面，以及您的留言
- 您使用的语言及提交表格的时间

为防止表格被自动程序滥用，我们会在短时间内统计来自每个网络地址的提交次数。该地址仅以加密形式保存几分钟，且不会与您的咨询一起存储。

表格会设置一个安全 Cookie；提交后还会设置一个会话 Cookie，以便确认页面显示您的咨询编号。我们不使用任何广告或跟踪 Cookie。

## 我们为何使用这些信息及其法律依据

我们使用您的信息来回复您的咨询、与您探讨可能的合作，并在您决定推进时协助建立合作关系。我们的法律依据是正当利益（英国《通用数据保护条例》第6条第1款（f）项）：答复向我们咨询合作事宜的单位。由于是您请我们与您联系，这种使用在您的合理预期之内，对您的隐私影响甚微。您可以随时提出反对（见“您的权利”）。

我们不会将您的信息用于营销，也不会出售您的信息。

## 谁能看到这些信息

只有负责处理咨询的 TEP 工作人员。为本网站提供托管和邮件发送服务的公司会依据合同并按照我们的指示代为处理这些信息［待确认：相关服务商名称］。

## 中国合作方

只有在征得您同意后，我们才会将您单位的信息和您的联系方式提供给可能的中国合作方，并且每次都会事先征询您的意见。由于中国在英国境外，我们还会告知您信息传送到中国时如何受到保护。

## 英国合作方（适用于中国单位）

如果贵单位是寻找英国合作伙伴的中国单位，只有在征得您同意后，我们才会将贵单位的信息和您的联系方式提供给可能的英国合作方（地方政府、学校或其他单位），并且每次都会事先征询您的意见。

## 我们保存多长时间

在我们与您商谈合作期间，我们会保存您的咨询。咨询结案后，我们会再保存 {retention_months} 个月，然后删除您的姓名、联系方式和留言。我们只保留无法识别任何个人的统计数据，例如有多少地方政府咨询过友好城市合作。

## 您的权利

您有权：
- 索取我们所持有的您的信息副本（查阅权）
- 要求我们更正有误的信息
- 要求我们删除您的信息（删除权）
- 反对我们使用您的信息，或要求我们限制使用

如需行使上述任何权利，请发送电子邮件至 {email}。我们将在一个月内答复。

## 如何投诉

如果您对我们使用您信息的方式不满意，请先告诉我们。您也可以向英国数据保护监管机构——信息专员办公室（ICO）投诉：https://ico.org.uk/make-a-complaint/，电话 0303 123 1113。""",
    },
}

# What marks text still to be confirmed, in each language (check --deploy looks for these).
TO_CONFIRM_MARKERS = ("[to confirm", "［待确认", "[待确认")
