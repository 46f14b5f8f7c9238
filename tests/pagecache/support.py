"""What the page cache tests share."""

DETAIL = "/partnerships/nottingham-ningbo/"


def text(response):
    return response.content.decode()
