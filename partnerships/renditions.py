"""Resized copies ("renditions") of uploaded images, for srcset.

Each rendition is made once with Pillow, saved in the default storage beside
the other renditions (so it works the same on a disk or on S3) and described
in the cache, so a page view costs no image work and no SQL. An image is never
enlarged: widths above the original's are skipped and the largest rendition is
the original's own width (capped at the largest configured width).
"""

import hashlib
import logging
import posixpath
from dataclasses import dataclass
from io import BytesIO

from django.core.cache import cache
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

WIDTHS = (480, 960, 1600)
JPEG_QUALITY = 82
CACHE_SECONDS = 60 * 60 * 24 * 30
RENDITIONS_DIR = "renditions"


@dataclass(frozen=True)
class Rendition:
    name: str
    url: str
    width: int
    height: int


@dataclass(frozen=True)
class ImageSet:
    """What an <img> needs: a default source, the srcset and its intrinsic size."""

    renditions: tuple

    @property
    def default(self):
        # The middle size: sharp on a phone, light enough without srcset support.
        fitting = [r for r in self.renditions if r.width <= 960]
        return fitting[-1] if fitting else self.renditions[0]

    @property
    def largest(self):
        return self.renditions[-1]

    @property
    def srcset(self):
        return ", ".join(f"{r.url} {r.width}w" for r in self.renditions)

    def __bool__(self):
        return bool(self.renditions)


def _target_widths(original_width, widths):
    targets = [w for w in widths if w < original_width]
    targets.append(min(original_width, max(widths)))
    return sorted(set(targets))


def _output_format(image):
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    return ("PNG", "png") if has_alpha else ("JPEG", "jpg")


def _rendition_name(source_name, width, extension):
    stem = posixpath.splitext(source_name)[0]
    return f"{RENDITIONS_DIR}/{stem}-{width}w.{extension}"


def _encode(image, width, fmt):
    height = max(1, round(image.height * width / image.width))
    resized = image if width == image.width else image.resize((width, height), Image.Resampling.LANCZOS)
    buffer = BytesIO()
    if fmt == "JPEG":
        resized.convert("RGB").save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    else:
        resized.save(buffer, "PNG", optimize=True)
    return buffer.getvalue(), height


def _make(field_file, widths):
    storage = field_file.storage
    made = []
    with storage.open(field_file.name, "rb") as handle, Image.open(handle) as opened:
        # Honour the camera's orientation before measuring, then drop EXIF (it can hold a location).
        image = ImageOps.exif_transpose(opened)
        image.load()
        fmt, extension = _output_format(image)
        for width in _target_widths(image.width, widths):
            name = _rendition_name(field_file.name, width, extension)
            height = max(1, round(image.height * width / image.width))
            if not storage.exists(name):
                data, height = _encode(image, width, fmt)
                # Another server may have written it meanwhile: keep the name storage gives us.
                name = storage.save(name, ContentFile(data))
            made.append(Rendition(name=name, url=storage.url(name), width=width, height=height))
    return tuple(made)


def image_set(field_file, widths=WIDTHS):
    """The renditions of an ImageField's file, or an empty ImageSet when there is none or it is unreadable."""
    if not field_file or not field_file.name:
        return ImageSet(())
    key = _cache_key(field_file.name, widths)
    try:
        cached = cache.get(key)
    except Exception as exc:
        # The cache is down: the renditions are still in the storage, so the page only costs more.
        logger.warning("Renditions: cache unavailable (%s)", type(exc).__name__)
        cached = None
    if cached is not None:
        return cached
    try:
        result = ImageSet(_make(field_file, widths))
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError, ValueError):
        # A missing or broken upload must not break the page: show it without the image.
        logger.warning("Could not make renditions of %s", field_file.name, exc_info=True)
        return ImageSet(())
    try:
        cache.set(key, result, CACHE_SECONDS)
    except Exception as exc:
        logger.warning("Renditions: could not record %s in the cache (%s)", field_file.name, type(exc).__name__)
    return result


THUMBNAIL_WIDTHS = (240,)  # shown 120 px wide in the admin, sharp on high-density screens


def thumbnail(field_file):
    """A small rendition for the admin (change form and list), or None."""
    made = image_set(field_file, THUMBNAIL_WIDTHS)
    return made.renditions[0] if made else None


def _cache_key(name, widths):
    return "tep:renditions:v1:" + hashlib.sha256(f"{name}|{widths}".encode()).hexdigest()


def delete_with_renditions(storage, name):
    """Remove an uploaded image, every rendition made of it and their cache entries (on a disk or
    in a bucket alike). Renditions are found by listing their folder, since the original's own
    width is one of their names; uploads have random names, so the prefix is this image's alone."""
    stem = posixpath.splitext(name)[0]
    folder, prefix = posixpath.split(f"{RENDITIONS_DIR}/{stem}-")
    try:
        _, files = storage.listdir(folder)
    except OSError:  # no rendition was ever made (FileSystemStorage: no such folder)
        files = []
    for file_name in files:
        if file_name.startswith(prefix):
            storage.delete(f"{folder}/{file_name}")
    storage.delete(name)
    try:
        cache.delete_many([_cache_key(name, widths) for widths in (WIDTHS, THUMBNAIL_WIDTHS)])
    except Exception as exc:  # a stale entry only names files that are gone: the page shows no image
        logger.warning("Renditions: could not forget %s in the cache (%s)", name, type(exc).__name__)
