"""The fixed vocabularies of the partnerships app: regions, kinds, statuses."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UKRegion(models.TextChoices):
    NORTH_EAST = "north-east", _("North East")
    NORTH_WEST = "north-west", _("North West")
    YORKSHIRE = "yorkshire-humber", _("Yorkshire and the Humber")
    EAST_MIDLANDS = "east-midlands", _("East Midlands")
    WEST_MIDLANDS = "west-midlands", _("West Midlands")
    EAST = "east-of-england", _("East of England")
    LONDON = "london", _("London")
    SOUTH_EAST = "south-east", _("South East")
    SOUTH_WEST = "south-west", _("South West")
    WALES = "wales", _("Wales")
    SCOTLAND = "scotland", _("Scotland")
    NORTHERN_IRELAND = "northern-ireland", _("Northern Ireland")


class UKNation(models.TextChoices):
    ENGLAND = "england", _("England")
    WALES = "wales", _("Wales")
    SCOTLAND = "scotland", _("Scotland")
    NORTHERN_IRELAND = "northern-ireland", _("Northern Ireland")


NATION_REGIONS = {
    UKNation.WALES: [UKRegion.WALES],
    UKNation.SCOTLAND: [UKRegion.SCOTLAND],
    UKNation.NORTHERN_IRELAND: [UKRegion.NORTHERN_IRELAND],
}
NATION_REGIONS[UKNation.ENGLAND] = [
    region for region in UKRegion if region not in {UKRegion.WALES, UKRegion.SCOTLAND, UKRegion.NORTHERN_IRELAND}
]


def nation_of(region):
    return next(nation for nation, regions in NATION_REGIONS.items() if region in regions)


class AuthorityKind(models.TextChoices):
    CITY = "city", _("City council")
    COUNTY = "county", _("County council")
    BOROUGH = "borough", _("Borough or district council")
    UNITARY = "unitary", _("Unitary authority")
    NATION = "nation", _("Devolved nation")


class ChinesePlaceKind(models.TextChoices):
    CITY = "city", _("City")
    MUNICIPALITY = "municipality", _("Municipality")
    PROVINCE = "province", _("Province")
    AUTONOMOUS_REGION = "autonomous-region", _("Autonomous region")


PROVINCE_LEVEL_KINDS = [ChinesePlaceKind.MUNICIPALITY, ChinesePlaceKind.PROVINCE, ChinesePlaceKind.AUTONOMOUS_REGION]


class LinkKind(models.TextChoices):
    TWIN_CITY = "twin-city", _("Twin city")
    SISTER_CITY = "sister-city", _("Sister city")
    FRIENDSHIP_CITY = "friendship-city", _("Friendship city")
    FRIENDSHIP_AGREEMENT = "friendship-agreement", _("Friendship agreement")
    PROVINCE_LINK = "province-link", _("Province link")


class LinkStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    DORMANT = "dormant", _("Dormant")
    ENDED = "ended", _("Ended")


class Confidence(models.TextChoices):
    HIGH = "high", _("High: an official source or two independent ones")
    MEDIUM = "medium", _("Medium: one non-official source or a disputed year")
    LOW = "low", _("Low: doubtful, to be confirmed")


class EventCategory(models.TextChoices):
    EDUCATION = "education", _("Education")
    TRADE = "trade", _("Trade and investment")
    CIVIC = "civic", _("Civic")
    CULTURE = "culture", _("Culture")


class DatePrecision(models.TextChoices):
    YEAR = "year", _("Year")
    MONTH = "month", _("Month")
    DAY = "day", _("Day")


class ChineseProvince(models.TextChoices):
    """China's provincial-level divisions (provinces, municipalities, autonomous regions and the two
    special administrative regions), in the order of their national codes (GB/T 2260), the order
    Chinese forms list them in. Labels are the English names; the Chinese names are their translations."""

    BEIJING = "beijing", _("Beijing")
    TIANJIN = "tianjin", _("Tianjin")
    HEBEI = "hebei", _("Hebei")
    SHANXI = "shanxi", _("Shanxi")
    INNER_MONGOLIA = "inner-mongolia", _("Inner Mongolia")
    LIAONING = "liaoning", _("Liaoning")
    JILIN = "jilin", _("Jilin")
    HEILONGJIANG = "heilongjiang", _("Heilongjiang")
    SHANGHAI = "shanghai", _("Shanghai")
    JIANGSU = "jiangsu", _("Jiangsu")
    ZHEJIANG = "zhejiang", _("Zhejiang")
    ANHUI = "anhui", _("Anhui")
    FUJIAN = "fujian", _("Fujian")
    JIANGXI = "jiangxi", _("Jiangxi")
    SHANDONG = "shandong", _("Shandong")
    HENAN = "henan", _("Henan")
    HUBEI = "hubei", _("Hubei")
    HUNAN = "hunan", _("Hunan")
    GUANGDONG = "guangdong", _("Guangdong")
    GUANGXI = "guangxi", _("Guangxi")
    HAINAN = "hainan", _("Hainan")
    CHONGQING = "chongqing", _("Chongqing")
    SICHUAN = "sichuan", _("Sichuan")
    GUIZHOU = "guizhou", _("Guizhou")
    YUNNAN = "yunnan", _("Yunnan")
    XIZANG = "xizang", _("Xizang (Tibet)")
    SHAANXI = "shaanxi", _("Shaanxi")
    GANSU = "gansu", _("Gansu")
    QINGHAI = "qinghai", _("Qinghai")
    NINGXIA = "ningxia", _("Ningxia")
    XINJIANG = "xinjiang", _("Xinjiang")
    HONG_KONG = "hong-kong", _("Hong Kong")
    MACAO = "macao", _("Macao")
