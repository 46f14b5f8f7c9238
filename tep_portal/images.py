"""Checking and cleaning image uploads before they are stored.

An upload is accepted only if Pillow reads it as JPEG, PNG or WebP (the bytes
decide, not the file name), it is at most MAX_UPLOAD_BYTES, MAX_PIXELS and
MAX_SIDE pixels a side (both read from the header, before anything is decoded),
and it decodes completely. What is stored is a fresh encoding of the pixels
under a random name: EXIF (camera, GPS position), comments and anything appended
to the file are gone, and no user-supplied name reaches the storage. A colour
profile is not kept: the pixels are converted from it to sRGB (what browsers
assume without one), so no bytes of the upload's profile are stored.
"""

import posixpath
import uuid
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# 40 megapixels: above any camera photo a web page needs, far below what decompresses into gigabytes.
MAX_PIXELS = 40_000_000
# And at most this many a side: a 1 × 40,000,000 strip is within MAX_PIXELS but took seconds and
# most of a gigabyte to decode. Wider than any panorama a page shows.
MAX_SIDE = 12_000
# Pillow format → (file extension, content type).
FORMATS = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png"), "WEBP": ("webp", "image/webp")}
EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp"}
JPEG_QUALITY = 90

WRONG_TYPE = _("Upload a JPEG, PNG or WebP image.")


def image_upload_help_text():
    return _("JPEG, PNG or WebP, at most %(size)s and %(pixels)s megapixels.") % {
        "size": filesizeformat(MAX_UPLOAD_BYTES),
        "pixels": MAX_PIXELS // 1_000_000,
    }


def clean_image_upload(upload):
    """The upload re-encoded under a random name, or ValidationError with a message for the form."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is too large: an image can be at most %(limit)s. Make it smaller and upload it again."),
            code="file_too_large",
            params={"limit": filesizeformat(MAX_UPLOAD_BYTES)},
        )
    if posixpath.splitext(upload.name or "")[1].lower() not in EXTENSIONS:
        raise ValidationError(WRONG_TYPE, code="invalid_extension")
    upload.seek(0)
    try:
        with Image.open(upload, formats=list(FORMATS)) as image:
            fmt = image.format
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise _too_many_pixels(width, height)
            if max(width, height) > MAX_SIDE:
                raise ValidationError(
                    _("The image is %(width)s × %(height)s pixels; a side can be at most %(limit)s pixels."),
                    code="side_too_long",
                    params={"width": width, "height": height, "limit": MAX_SIDE},
                )
            image.load()  # decode everything now: a truncated or corrupt file fails here, not on a page
            data = _reencode(image, fmt)
    except Image.DecompressionBombError as exc:
        raise ValidationError(
            _("The image has too many pixels; the largest allowed is %(limit)s megapixels."),
            code="too_many_pixels",
            params={"limit": MAX_PIXELS // 1_000_000},
        ) from exc
    except UnidentifiedImageError as exc:
        raise ValidationError(WRONG_TYPE, code="invalid_image") from exc
    except (OSError, ValueError, SyntaxError) as exc:  # Pillow's errors for damaged data
        raise ValidationError(
            _("The image file is damaged or incomplete. Save it again and upload it."), code="damaged_image"
        ) from exc
    extension, content_type = FORMATS[fmt]
    return SimpleUploadedFile(f"{uuid.uuid4().hex}.{extension}", data, content_type=content_type)


def _too_many_pixels(width, height):
    return ValidationError(
        _("The image is %(width)s × %(height)s pixels; the largest allowed is %(limit)s megapixels."),
        code="too_many_pixels",
        params={"width": width, "height": height, "limit": MAX_PIXELS // 1_000_000},
    )


def _reencode(image, fmt):
    # Turn the pixels upright as the camera recorded, since the orientation tag goes with the EXIF.
    image = ImageOps.exif_transpose(image)
    icc_profile = image.info.get("icc_profile")
    # Pillow re-writes some metadata it finds in `info` (JPEG comments, for one): keep only what the pixels need.
    image.info = {key: value for key, value in image.info.items() if key == "transparency"}
    if fmt == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
        icc_profile = None  # the profile described the old colour space (CMYK): it would now be wrong
    if icc_profile:
        image = _to_srgb(image, icc_profile)
    options = {}
    buffer = BytesIO()
    if fmt == "JPEG":
        image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True, **options)
    elif fmt == "PNG":
        image.save(buffer, "PNG", optimize=True, **options)
    else:
        image.save(buffer, "WEBP", quality=JPEG_QUALITY, method=4, **options)
    return buffer.getvalue()


_SRGB = ImageCms.createProfile("sRGB")


def _to_srgb(image, icc_profile):
    """The pixels converted from their embedded profile to sRGB, which is then left out.

    A profile is arbitrary bytes (the issue found one carrying a script); storing
    none and converting the colours instead keeps how the image looks without
    keeping a byte of it. A profile lcms cannot read, or one that does not fit the
    pixels, is dropped and the pixels are kept as they are.
    """
    if image.mode not in ("RGB", "RGBA"):
        return image  # greyscale and palette images: their values are kept as they are
    try:
        source = ImageCms.ImageCmsProfile(BytesIO(icc_profile))
        if source.profile.xcolor_space.strip() != "RGB":
            return image
        converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode=image.mode)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image
    converted.info = image.info
    return converted
