"""Image uploads: type by content, size and pixel limits, metadata stripped, names generated."""

import re
import socket
import struct
import zlib
from http import HTTPStatus
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, ImageCms, PngImagePlugin

from partnerships.models import Partnership
from tep_portal.images import MAX_PIXELS, MAX_SIDE, MAX_UPLOAD_BYTES, clean_image_upload
from tests.admin.support import change_form_data

GENERATED_NAME = re.compile(r"^[0-9a-f]{32}\.(jpg|png|webp)$")


def encoded(fmt="JPEG", size=(64, 32), mode="RGB", **save_options):
    buffer = BytesIO()
    Image.new(mode, size, "red").save(buffer, fmt, **save_options)
    return buffer.getvalue()


def camera_exif():
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90° to display
    exif[0x8825] = {1: "N", 2: (52.0, 57.0, 12.0), 3: "W", 4: (1.0, 9.0, 0.0)}  # GPS: Nottingham
    return exif


def upload(data, name="photo.jpg"):
    return SimpleUploadedFile(name, data)


@pytest.mark.parametrize(("fmt", "name"), [("JPEG", "a.jpg"), ("JPEG", "A.JPEG"), ("PNG", "a.png"), ("WEBP", "a.webp")])
def test_jpeg_png_and_webp_are_accepted_under_a_generated_name(fmt, name):
    cleaned = clean_image_upload(upload(encoded(fmt), name))
    assert GENERATED_NAME.match(cleaned.name)
    assert Image.open(cleaned).format == fmt


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_metadata_is_stripped_and_orientation_applied(fmt):
    options = {"exif": camera_exif()}
    if fmt == "JPEG":
        options["comment"] = b"secret comment"
    if fmt == "PNG":
        text = PngImagePlugin.PngInfo()
        text.add_text("Author", "secret author")
        options["pnginfo"] = text
    original = encoded(fmt, size=(64, 32), **options)
    cleaned = clean_image_upload(upload(original + b"<script>secret trailer</script>", f"photo.{fmt.lower()}"))
    data = cleaned.read()
    image = Image.open(BytesIO(data))
    assert dict(image.getexif()) == {}
    assert image.size == (32, 64)  # turned upright before the orientation tag was dropped
    assert b"secret" not in data and b"CameraMaker" not in data
    assert data != original


SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
PAYLOAD = b"ICCPAYLOAD-<script>alert(document.cookie)</script>"


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
@pytest.mark.parametrize(
    "profile",
    [SRGB, SRGB + PAYLOAD, PAYLOAD, SRGB[:128] + PAYLOAD],
    ids=["srgb", "srgb-with-payload", "not-a-profile", "damaged-profile"],
)
def test_no_byte_of_a_colour_profile_is_stored(fmt, profile):
    original = encoded(fmt, mode="RGB", icc_profile=profile)
    cleaned = clean_image_upload(upload(original, f"photo.{fmt.lower()}"))
    data = cleaned.read()
    image = Image.open(BytesIO(data))
    assert "icc_profile" not in image.info
    assert b"ICCPAYLOAD" not in data and b"<script>" not in data
    # The colours are still the upload's (red, as encoded; converting from sRGB to sRGB changes nothing).
    red, green, blue = image.convert("RGB").getpixel((10, 10))
    assert red > 230 and green < 25 and blue < 25


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"<html><script>alert(1)</script></html>", "photo.png"),  # HTML with an image name
        (b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n", "photo.jpg"),  # EPS, which Django allows
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "logo.png"),
        (encoded("TIFF"), "photo.jpg"),
        (encoded("GIF", mode="P"), "photo.png"),
        (encoded("BMP"), "photo.png"),
        (encoded("PNG"), "photo.html"),  # a real image with a name that is not
        (encoded("PNG"), "photo.svg"),
    ],
    ids=["html", "eps", "svg", "tiff", "gif", "bmp", "png-named-html", "png-named-svg"],
)
def test_other_types_are_refused_whatever_their_name(data, name):
    with pytest.raises(ValidationError, match="Upload a JPEG, PNG or WebP image"):
        clean_image_upload(upload(data, name))


def test_files_over_5_mb_are_refused():
    assert MAX_UPLOAD_BYTES == 5 * 1024 * 1024
    big = encoded("PNG") + b"\0" * (MAX_UPLOAD_BYTES - len(encoded("PNG")) + 1)
    with pytest.raises(ValidationError) as refused:
        clean_image_upload(upload(big, "big.png"))
    assert refused.value.messages == [
        "The file is too large: an image can be at most 5.0\xa0MB. Make it smaller and upload it again."
    ]


def test_a_file_of_exactly_5_mb_is_not_refused_for_its_size():
    image = encoded("PNG")
    exactly = upload(image + b"\0" * (MAX_UPLOAD_BYTES - len(image)), "big.png")
    assert exactly.size == MAX_UPLOAD_BYTES
    assert GENERATED_NAME.match(clean_image_upload(exactly).name)


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize("size", [(10_000, 10_000), (20_000, 20_000), (40_001, 1_000)])
def test_decompression_bombs_are_refused_before_decoding(size):
    # A 10000×10000 PNG compresses to a few kilobytes and passes Django's ImageField.
    bomb = encoded("PNG", size=size, mode="1")
    assert len(bomb) < 100_000
    with pytest.raises(ValidationError, match="megapixels"):
        clean_image_upload(upload(bomb, "bomb.png"))
    assert size[0] * size[1] > MAX_PIXELS


def strip_png(width, height):
    """A valid PNG of width × height black greyscale pixels, built row by row so the test never
    holds the decoded image: tens of kilobytes for forty million pixels."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    compressor, row, parts = zlib.compressobj(9), b"\0" * (1 + width), []
    block = row * max(1, 1_000_000 // len(row))
    rows = height
    while rows:
        count = min(rows, len(block) // len(row))
        parts.append(compressor.compress(block[: count * len(row)]))
        rows -= count
    parts.append(compressor.flush())
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", b"".join(parts)) + chunk(b"IEND", b"")


@pytest.mark.parametrize("size", [(1, 40_000_000), (40_000_000, 1), (MAX_SIDE + 1, 10)])
def test_a_side_longer_than_the_limit_is_refused_before_decoding(size):
    data = strip_png(*size)
    assert size[0] * size[1] <= MAX_PIXELS and len(data) < MAX_UPLOAD_BYTES  # within the other limits
    with pytest.raises(ValidationError, match="a side can be at most 12000 pixels") as refused:
        clean_image_upload(upload(data, "strip.png"))
    assert refused.value.code == "side_too_long"


def test_an_image_at_the_side_limit_is_accepted():
    cleaned = clean_image_upload(upload(strip_png(MAX_SIDE, 2), "wide.png"))
    assert Image.open(cleaned).size == (MAX_SIDE, 2)


def test_truncated_images_are_refused():
    data = encoded("JPEG", size=(400, 400), quality=95)
    with pytest.raises(ValidationError, match="damaged or incomplete"):
        clean_image_upload(upload(data[: len(data) // 2], "cut.jpg"))


# Through the admin, as staff upload -------------------------------------------------------


@pytest.fixture
def partnership(demo_content):
    return Partnership.objects.get(slug="nottingham-ningbo")


@pytest.mark.django_db
def test_admin_stores_a_clean_copy_under_a_generated_name(admin_client, partnership, settings):
    photo = SimpleUploadedFile("../../etc/Nottingham GPS.jpg", encoded("JPEG", exif=camera_exif()))
    url = reverse("admin:partnerships_partnership_change", args=[partnership.pk])
    response = admin_client.post(url, change_form_data(partnership, hero_image=photo))
    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].form.errors
    partnership.refresh_from_db()
    stored = partnership.hero_image
    assert re.fullmatch(r"partnerships/\d{4}/\d{2}/[0-9a-f]{32}\.jpg", stored.name)
    path = settings.MEDIA_ROOT / stored.name
    with Image.open(path) as image:
        assert dict(image.getexif()) == {}
    assert b"CameraMaker" not in path.read_bytes()


@pytest.mark.django_db
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<html>not an image</html>", "Upload a valid image"),  # Django's own check speaks first
        (encoded("PNG", size=(10_000, 10_000), mode="1"), "megapixels"),
        (encoded("TIFF"), "Upload a JPEG, PNG or WebP image"),
    ],
    ids=["html", "bomb", "tiff"],
)
def test_admin_refuses_a_bad_upload_with_a_message_and_stores_nothing(
    admin_client, partnership, settings, data, message
):
    url = reverse("admin:partnerships_partnership_change", args=[partnership.pk])
    response = admin_client.post(url, change_form_data(partnership, hero_image=SimpleUploadedFile("x.png", data)))
    assert response.status_code == HTTPStatus.OK
    assert message in str(response.context["adminform"].form.errors["hero_image"])
    partnership.refresh_from_db()
    assert not partnership.hero_image
    assert not list(settings.MEDIA_ROOT.rglob("*.*"))


@pytest.mark.django_db
def test_admin_keeps_the_stored_image_when_no_new_one_is_sent(admin_client, partnership):
    url = reverse("admin:partnerships_partnership_change", args=[partnership.pk])
    first = SimpleUploadedFile("first.png", encoded("PNG"))
    admin_client.post(url, change_form_data(partnership, hero_image=first))
    partnership.refresh_from_db()
    stored = partnership.hero_image.name
    response = admin_client.post(url, change_form_data(partnership, summary_en="Edited summary."))
    assert response.status_code == HTTPStatus.FOUND
    partnership.refresh_from_db()
    assert partnership.hero_image.name == stored
    assert partnership.summary_en == "Edited summary."


# Into an S3-compatible bucket (MEDIA_STORAGE=s3), as several app servers share uploads ------


@pytest.fixture
def s3_bucket(settings, monkeypatch):
    """A local S3 API (moto's server on the loopback interface) with an empty bucket, as the default storage."""
    import boto3
    from moto.server import ThreadedMotoServer

    for name, value in {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test"}.items():
        monkeypatch.setenv(name, value)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-2")
    client.create_bucket(Bucket="tep-media", CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
    # The same options tep_portal/settings.py builds from MEDIA_STORAGE=s3 (tests/production/ checks that).
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "tep-media",
                "endpoint_url": endpoint,
                "region_name": "eu-west-2",
                "location": "media",
                "default_acl": None,
                "querystring_auth": False,
                "file_overwrite": False,
                "object_parameters": {"CacheControl": "public, max-age=31536000"},
            },
        },
    }
    yield client, endpoint
    server.stop()


@pytest.mark.django_db
def test_admin_upload_goes_to_the_bucket_cleaned_and_cacheable(admin_client, partnership, s3_bucket):
    client, endpoint = s3_bucket
    photo = SimpleUploadedFile("holiday.jpg", encoded("JPEG", exif=camera_exif()))
    url = reverse("admin:partnerships_partnership_change", args=[partnership.pk])
    response = admin_client.post(url, change_form_data(partnership, hero_image=photo))
    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].form.errors

    keys = [item["Key"] for item in client.list_objects_v2(Bucket="tep-media")["Contents"]]
    assert len(keys) == 1
    assert re.fullmatch(r"media/partnerships/\d{4}/\d{2}/[0-9a-f]{32}\.jpg", keys[0])
    stored = client.get_object(Bucket="tep-media", Key=keys[0])
    assert stored["ContentType"] == "image/jpeg"
    assert stored["CacheControl"] == "public, max-age=31536000"
    data = stored["Body"].read()
    assert b"CameraMaker" not in data
    partnership.refresh_from_db()
    assert partnership.hero_image.url == f"{endpoint}/tep-media/{keys[0]}"
