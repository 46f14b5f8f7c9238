"""Read a rendered HTML form back into the data a browser would submit, so a test
can change one field of an admin change form and post the rest unchanged."""

from html.parser import HTMLParser

UNSUBMITTED_INPUTS = {"submit", "button", "reset", "file", "image"}


class _FormParser(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = False
        self.data = {}
        self._select = None
        self._select_values = []
        self._textarea = None

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = self.form_id is None or attrs.get("id") == self.form_id
            return
        if not self.in_form or "name" not in attrs or "disabled" in attrs:
            if tag == "option" and self._select is not None and "selected" in attrs:
                self._select_values.append(attrs.get("value", ""))
            return
        name = attrs["name"]
        if tag == "input":
            kind = attrs.get("type", "text").lower()
            if kind in UNSUBMITTED_INPUTS:
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._add(name, attrs.get("value", "on"))
                return
            self._add(name, attrs.get("value", ""))
        elif tag == "select":
            self._select, self._select_values = name, []
        elif tag == "textarea":
            self._textarea = name
            self._add(name, "")

    def handle_data(self, data):
        if self._textarea is not None:
            value = self.data[self._textarea][-1]
            if not value and data.startswith("\n"):
                data = data[1:]  # a newline right after <textarea> is not part of its value
            self.data[self._textarea][-1] = value + data

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form = False
        elif tag == "select" and self._select is not None:
            for value in self._select_values:
                self._add(self._select, value)
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def form_data(html, form_id=None):
    """{name: value or [values]} of the form with this id (any form when None)."""
    parser = _FormParser(form_id)
    parser.feed(html)
    return {name: values[0] if len(values) == 1 else values for name, values in parser.data.items()}
