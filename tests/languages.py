"""The two languages as the tests meet them."""

import re

ZH = "/zh-hans"  # the URL prefix of every Chinese page; English lives at the root
CJK = re.compile(r"[\u4e00-\u9fff]")  # a Chinese character
