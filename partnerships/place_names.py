"""Chinese place names as people type them: with or without the administrative suffix.

Chinese officials write the full name (宁波市, 浙江省, 广西壮族自治区, 香港特别行政区, 诺丁汉市);
the records may hold the short one (宁波, 诺丁汉) or the full one (浙江省). The search drops
the suffix from what was typed: the short name is part of both forms, so one substring
match finds either, with no extra condition in the query.
"""

# Longest first, so 自治区 is tried before 区 and 壮族自治区 before 自治区. Ethnic names are
# part of the official suffix of the five autonomous regions (广西壮族自治区 is "广西").
ADMINISTRATIVE_SUFFIXES = tuple(
    sorted(
        (
            "特别行政区",
            "壮族自治区",
            "回族自治区",
            "维吾尔自治区",
            "自治区",
            "自治州",
            "自治县",
            "直辖市",
            "新区",
            "地区",
            "市",
            "省",
            "区",
            "县",
            "州",
            "盟",
        ),
        key=len,
        reverse=True,
    )
)

# What must remain: no Chinese place name is one character, and 杭州, 沙市 or 徐州 must stay whole.
MIN_NAME_LENGTH = 2


def without_administrative_suffix(name):
    """`name` without its Chinese administrative suffix (宁波市 → 宁波, 广西壮族自治区 → 广西),
    or unchanged when it has none or too little would remain (杭州, 沙市)."""
    for suffix in ADMINISTRATIVE_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= MIN_NAME_LENGTH:
            return name[: -len(suffix)]
    return name
