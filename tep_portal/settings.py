"""Settings for the TEP Portal: one module, read from the environment.

Development needs nothing set. Production (DJANGO_ENV=production) refuses to
start without DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS. Every variable is
listed in .env.example and the README.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    return env(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_int(name, default):
    return int(env(name, str(default)))


# GENERAL
# ------------------------------------------------------------------------------
DJANGO_ENV = env("DJANGO_ENV", "development")  # development | production
IS_PRODUCTION = DJANGO_ENV == "production"
DEBUG = env_bool("DJANGO_DEBUG", not IS_PRODUCTION)

SECRET_KEY = env("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if IS_PRODUCTION:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
    SECRET_KEY = "dev-only-key-not-for-production-0f3c9a1e7b5d42c8a6e1"  # noqa: S105 - refused in production

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "" if IS_PRODUCTION else "localhost,127.0.0.1,[::1],testserver")
if IS_PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set in production.")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

SITE_NAME = "True Education Partnership"
# Used for absolute links in emails and feeds when there is no request.
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    # django.contrib.admin with the project's admin site (tep_portal/admin_site.py).
    "tep_portal.admin_site.TepAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "axes",
    "reversion",
    # The admin's rich-text editor: its static files (tep_portal/rich_text.py, static/js/rich-text.js).
    "django_prose_editor",
    # Project-wide pieces: template tags, management commands, shared mixins (no models).
    "tep_portal",
    # The apps, each depending only on those above it: enquiries → partnerships ← schools.
    "partnerships",
    "schools",
    "enquiries",
    "demo",
]

# The apps whose models public pages show: their changes empty the page cache
# (tep_portal/pagecache.py) and the "Content editors" group may edit them.
CONTENT_APPS = ["tep_portal", "partnerships", "schools"]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so static files get the same headers as pages.
    "tep_portal.middleware.SecurityHeadersMiddleware",
    # Cross-origin reads of the open data files only (by path: cached copies and 304s too).
    "partnerships.opendata.OpenDataHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # gzip for what the page cache has not compressed, honouring q-values (tep_portal/compression.py).
    "tep_portal.compression.CompressionMiddleware",
    # Whole public pages for anonymous visitors, from the shared cache (tep_portal/pagecache.py), after
    # the header middleware above (cached pages still get fresh headers); then the content generation
    # the rest of the request reads shared fragments under (tep_portal/fragment_cache.py).
    "tep_portal.pagecache.PageCacheMiddleware",
    "tep_portal.fragment_cache.GenerationMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Turns a lost database into a friendly 503 instead of a 500.
    "tep_portal.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes requires: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tep_portal.urls"
WSGI_APPLICATION = "tep_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # The organisation record (footer, contact details, schema.org data): one query per render.
                "tep_portal.organisation.organisation",
            ],
        },
    },
]

# DATABASE
# ------------------------------------------------------------------------------
if env("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(
            env("DATABASE_URL"),
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # Fail fast when the server is unreachable, so /healthz/ and the 503 page answer within seconds.
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
            "connect_timeout", env_int("DATABASE_CONNECT_TIMEOUT", 5)
        )
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": {
                # WAL lets readers and the one writer work side by side;
                # IMMEDIATE avoids "database is locked" on upgrade to write.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# CACHE
# ------------------------------------------------------------------------------
# "default" never evicts, "pages" may (README "Redis layout"). Local memory, or Redis shared by the app
# servers with one client per process (tep_portal/cache.py); a silent Redis costs a second, not a worker.
CACHES = {
    alias: {
        "BACKEND": "tep_portal.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", "tep"),
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    if url
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"tep-{alias}"}
    for alias, url in (("default", env("CACHE_URL")), ("pages", env("PAGE_CACHE_URL") or env("CACHE_URL")))
}
# Whole-page cache (tep_portal/pagecache.py): any staff edit to public content empties it at once.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_ALIAS = "pages"  # may evict: pages and shared fragments
PAGE_CACHE_STATE_ALIAS = "default"  # never evicts: the content generation
# How long a request waits for another one rendering the same missing page before rendering it itself.
PAGE_CACHE_RENDER_WAIT = 10
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 60 * 60)
# Browsers revalidate every time (cheap: a 304 from the cache), so staff edits show at once.
PAGE_CACHE_BROWSER_MAX_AGE = env_int("PAGE_CACHE_BROWSER_MAX_AGE", 0)
# Release identifier in the keys (e.g. the git commit); by default a hash of the code and templates.
PAGE_CACHE_VERSION = env("PAGE_CACHE_VERSION", "")
# Choice lists, counts and fragments pages share, kept per content generation (tep_portal/fragment_cache.py).
FRAGMENT_CACHE_ENABLED = env_bool("FRAGMENT_CACHE_ENABLED", True)
# X-Page-Cache: hit/miss on cached pages, for debugging only (it tells anyone whether a URL was asked for lately).
PAGE_CACHE_STATUS_HEADER = env_bool("PAGE_CACHE_STATUS_HEADER", False)
# /bench/minimal/, the baseline of `make bench`. Never set in real use.
BENCH_ENDPOINTS = env_bool("TEP_BENCH", False)

# AUTH
# ------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # django-axes first: a locked-out sign-in is refused before the password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Staff sign-in lockout: AXES_FAILURE_LIMIT failures for one username from one address lock that
# pair for the cool-off. Locking the pair (not the username alone) stops a stranger elsewhere
# from locking staff out; a success clears the count.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "tep_portal.client_ip.client_group"
# A username failing from many addresses pauses, never for good (tep_portal/signin.py); axes
# records are kept SIGNIN_LOG_RETENTION_DAYS, purged daily by `manage.py purge_enquiries`.
SIGNIN_USERNAME_FREE_FAILURES = env_int("SIGNIN_USERNAME_FREE_FAILURES", 10)
SIGNIN_LOG_RETENTION_DAYS = env_int("SIGNIN_LOG_RETENTION_DAYS", 90)
SIGNIN_USERNAME_MAX_DELAY = timedelta(minutes=env_int("SIGNIN_USERNAME_MAX_DELAY_MINUTES", 15))
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # one row per failure: what the username's pause counts
# How many proxies (load balancer, nginx) append to X-Forwarded-For in front of the app servers.
# 0: the client is the TCP peer. Used for the sign-in lockout and the enquiry rate limit.
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)
# X-Forwarded-For is read only from peers in these networks (tep_portal/client_ip.py).
_PRIVATE_NETWORKS = "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7"
TRUSTED_PROXY_NETWORKS = env_list("DJANGO_TRUSTED_PROXY_NETWORKS", _PRIVATE_NETWORKS)
# Short staff sessions: 8 hours at most, and gone when the browser closes.
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# SECURITY
# ------------------------------------------------------------------------------
# Headers are the same in every environment, so development shows what
# production enforces; HTTPS-only parts follow under IS_PRODUCTION.
# The exact values and why: README "Security headers".
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Django has no setting for these two; tep_portal.middleware.SecurityHeadersMiddleware sends them.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
# Browser features the portal never uses, switched off for the page and anything it embeds.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer autoplay camera display-capture encrypted-media geolocation gyroscope hid idle-detection "
        "magnetometer microphone midi payment publickey-credentials-get screen-wake-lock serial usb "
        "xr-spatial-tracking browsing-topics interest-cohort"
    ).split()
}
# Everything from our own origin, nothing inline, no plugins, no framing (django-csp 4).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    },
}

if IS_PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    # The load balancer's health check talks plain HTTP to each app server.
    SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
    # The TLS-terminating proxy in front says the request came over HTTPS in this header (it must
    # overwrite any value the client sent). Empty when nothing terminates TLS in front of gunicorn.
    _proxy_ssl_header = env("DJANGO_SECURE_PROXY_SSL_HEADER", "X-Forwarded-Proto")
    if _proxy_ssl_header:
        SECURE_PROXY_SSL_HEADER = ("HTTP_" + _proxy_ssl_header.upper().replace("-", "_"), "https")
    # Two years, subdomains, preload list. Roll out with a smaller value (300, then a week) first.
    SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 2 * 365 * 24 * 60 * 60)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = True
    # __Host- cookies are only accepted over HTTPS, for Path=/ and with no Domain: a subdomain
    # can neither read nor plant them.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    LANGUAGE_COOKIE_NAME = "__Host-language"

# INTERNATIONALISATION
# ------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("zh-hans", _("Simplified Chinese")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["tep_portal.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

# STATIC AND MEDIA
# ------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT") or BASE_DIR / "media")  # empty (as in .env.example) = the default
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "tep_portal.staticstorage.MinifiedStaticFilesStorage"
            if IS_PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# MEDIA_STORAGE=s3: uploads live in an S3-compatible bucket that every app server shares
# (django-storages). Credentials come from the standard AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY variables (or the machine's role), never from this file.
if env("MEDIA_STORAGE", "filesystem") == "s3":
    _bucket = env("AWS_STORAGE_BUCKET_NAME", "")
    if not _bucket:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
    _endpoint, _custom_domain = env("AWS_S3_ENDPOINT_URL", ""), env("AWS_S3_CUSTOM_DOMAIN", "")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _bucket,
            "endpoint_url": _endpoint or None,  # empty: AWS itself
            "region_name": env("AWS_S3_REGION_NAME", "") or None,
            "custom_domain": _custom_domain or None,  # a CDN or the bucket's public host name
            "location": env("AWS_LOCATION", "media"),
            # Public images under plain, cacheable URLs; the bucket policy decides who reads.
            "default_acl": None,
            "querystring_auth": False,
            # Upload names are random and never reused, so a copy can be cached for a year.
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000"},
        },
    }
    # Pages show those images, so the bucket's origin joins img-src (and nothing else).
    if _custom_domain:
        _media_origin = f"https://{_custom_domain}"
    elif _endpoint:
        _media_origin = "{0.scheme}://{0.netloc}".format(urlsplit(_endpoint))
    else:
        _media_origin = f"https://{_bucket}.s3.amazonaws.com"
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(_media_origin)

# EMAIL
# ------------------------------------------------------------------------------
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if IS_PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "TEP Portal <noreply@trueeducationpartnership.com>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Staff who are told about every new enquiry.
ENQUIRY_NOTIFY_EMAILS = env_list("ENQUIRY_NOTIFY_EMAILS", "enquiries@trueeducationpartnership.com")

# ENQUIRY FORM (enquiries/protection.py, enquiries/services.py)
# ------------------------------------------------------------------------------
# Enquiries accepted per client address: "<count>/<period>", period in s, m, h or d; "off" disables.
# Counted in the cache: set CACHE_URL (Redis) when several app servers run. Fails open: while the
# cache cannot be reached the enquiry is stored without the limit and a warning logged.
ENQUIRY_RATE_LIMIT = env("ENQUIRY_RATE_LIMIT", "5/10m")
# Seconds a person needs at least to fill in the form; quicker posts are dropped as bots. 0 disables.
ENQUIRY_MIN_FILL_SECONDS = env_int("ENQUIRY_MIN_FILL_SECONDS", 3)
ENQUIRY_ACKNOWLEDGEMENTS_PER_DAY = env_int("ENQUIRY_ACKNOWLEDGEMENTS_PER_DAY", 3)  # to one address in 24 h
# Months a closed enquiry is kept before `manage.py purge_enquiries` anonymises it (stated on /privacy/).
ENQUIRY_RETENTION_MONTHS = env_int("ENQUIRY_RETENTION_MONTHS", 24)

# FORMS
# ------------------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# LOGGING: stdout only, no personal data in messages.
# ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stdout"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # Replaces Django's default "django" logger, which would also mail ADMINS the request
        # (POST data included) on every 500. Errors go to stdout only.
        "django": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO"), "propagate": False},
        "django.db.backends": {"level": "WARNING"},
    },
}
# Nobody is mailed tracebacks: they can carry the personal data of an enquiry.
ADMINS = MANAGERS = []
