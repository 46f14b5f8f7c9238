"""Admin widgets and form pieces that keep a change form's query count fixed."""

from django.contrib.admin.widgets import AutocompleteSelect


class PreloadedAutocompleteSelect(AutocompleteSelect):
    """An autocomplete whose chosen option is labelled from the object the row already holds
    (loaded with select_related) instead of one query per row."""

    preloaded = None  # {str(pk): label}, set per form by PreloadedAutocompleteForm

    def optgroups(self, name, value, attr=None):
        selected = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        if not self.preloaded or not selected <= set(self.preloaded):
            return super().optgroups(name, value, attr)
        options = [] if self.is_required or self.allow_multiple_selected else [("", "")]
        options += [(pk, self.preloaded[pk]) for pk in sorted(selected)]
        subgroup = [
            self.create_option(name, pk, label, pk in selected, index, subindex=None, attrs=attr)
            for index, (pk, label) in enumerate(options)
        ]
        return [(None, subgroup, 0)]


class PreloadedAutocompleteForm:
    """Mixin for an inline's ModelForm: every autocomplete foreign key of a stored row shows the
    related object the row was loaded with. The inline's get_queryset must select_related them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            widget = getattr(widget, "widget", widget)  # inside RelatedFieldWidgetWrapper
            if not isinstance(widget, AutocompleteSelect) or self.instance.pk is None:
                continue
            related = getattr(self.instance, name, None)
            if related is not None:
                preloaded = PreloadedAutocompleteSelect.__new__(PreloadedAutocompleteSelect)
                preloaded.__dict__.update(widget.__dict__)
                preloaded.preloaded = {str(related.pk): str(related)}
                if widget is field.widget:
                    field.widget = preloaded
                else:
                    field.widget.widget = preloaded
