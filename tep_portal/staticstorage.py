"""Static files for production: fingerprinted, gzipped (WhiteNoise) and, for stylesheets, minified.

`collectstatic` copies each file with `_save`; a stylesheet is minified with
rcssmin as it is copied, before WhiteNoise and Django fingerprint it, rewrite
its url()s and compress it. The source in static/ stays as written, comments
and all. Comments starting `/*!` (licences) are kept, as rcssmin does.
"""

import rcssmin
from django.core.files.base import ContentFile
from whitenoise.storage import CompressedManifestStaticFilesStorage


def minify_css(text):
    return rcssmin.cssmin(text)


class MinifiedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def _save(self, name, content):
        if name.endswith(".css") and not name.endswith(".min.css"):
            content.seek(0)
            content = ContentFile(minify_css(content.read().decode("utf-8")).encode("utf-8"))
        return super()._save(name, content)
