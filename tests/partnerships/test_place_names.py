"""Chinese administrative suffixes dropped from what a visitor searches for."""

import pytest

from partnerships.place_names import without_administrative_suffix


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("宁波市", "宁波"),
        ("北京市", "北京"),
        ("重庆市", "重庆"),
        ("诺丁汉市", "诺丁汉"),
        ("浙江省", "浙江"),
        ("广西壮族自治区", "广西"),  # the whole official suffix, not only 自治区
        ("广西自治区", "广西"),
        ("宁夏回族自治区", "宁夏"),
        ("新疆维吾尔自治区", "新疆"),
        ("西藏自治区", "西藏"),
        ("内蒙古自治区", "内蒙古"),
        ("香港特别行政区", "香港"),
        ("澳门特别行政区", "澳门"),
        ("延边朝鲜族自治州", "延边朝鲜族"),
        ("浦东新区", "浦东"),  # 新区 before 区
        ("海淀区", "海淀"),
        ("长兴县", "长兴"),
        ("黔东南州", "黔东南"),
        ("杭州市", "杭州"),  # one suffix only: 州 is part of the name
        ("锡林郭勒盟", "锡林郭勒"),
    ],
)
def test_the_suffix_is_dropped(typed, searched):
    assert without_administrative_suffix(typed) == searched


@pytest.mark.parametrize(
    "typed",
    [
        "宁波",
        "杭州",  # 杭 alone is no name: at least two characters remain
        "徐州",
        "沙市",
        "市",
        "省",
        "景德镇",  # 镇 is part of this city's name, not a suffix searched away
        "诺丁汉郡",  # a UK county: without 郡 it would also find the city
        "Ningbo",
        "Zhejiang Province",
        "",
    ],
)
def test_a_name_without_a_suffix_or_too_short_is_kept(typed):
    assert without_administrative_suffix(typed) == typed


def test_a_suffix_inside_the_name_is_kept():
    assert without_administrative_suffix("市中区") == "市中"
    assert without_administrative_suffix("浙江省宁波") == "浙江省宁波"
