"""What `make bench` measures and the figures each measurement must reach (README "### `make bench`")."""

# (name, path, target ratio to the baseline with the page cache, and without it); {partnership} and
# {school} come from the data set.
PAGES = [
    ("home", "/", 0.5, 0.05),
    ("directory", "/partnerships/", 0.5, 0.05),
    ("directory, search", "/partnerships/?q=Benchford+12", 0.5, 0.05),
    ("partnership", "/partnerships/{partnership}/", 0.5, 0.05),
    ("schools", "/schools/", 0.5, 0.05),
    ("school", "/schools/{school}/", 0.5, 0.05),
    ("timeline", "/timeline/", 0.5, 0.03),
    ("partnership map", "/partnerships/map/", 0.5, 0.01),
    ("open data, CSV", "/partnerships.csv", 0.5, 0.01),
    ("home, Chinese", "/zh-hans/", 0.5, 0.05),
    ("register form", "/register/", 0.25, 0.05),
    ("register form, from a partnership", "/register/?partnership={partnership}", 0.25, 0.05),
]
# Without the page cache, each page one request at a time: the median must stay under this.
COLD_ONE_AT_A_TIME_MS = 50
BASELINE = ("minimal view", "/bench/minimal/")
INBOX = "/admin/enquiries/partnershipenquiry/"
INBOX_VIEWS = [
    ("inbox", INBOX),
    ("inbox, status new", INBOX + "?status__exact=new"),
    ("inbox, search", INBOX + "?q=Llewelyn"),
    ("inbox, page 500", INBOX + "?p=500"),
]
INBOX_TARGET_MS = 300
# The content admin with the large data set (issue 11): the lists staff work from and the change
# forms with the most inline rows. The {…} are filled from what bench_data.generate returns.
ADMIN_VIEWS = [
    ("admin index (dashboard)", "/admin/"),
    ("partnerships", "/admin/partnerships/partnership/"),
    ("partnerships, search", "/admin/partnerships/partnership/?q=Benchford+12"),
    ("partnerships, missing Chinese", "/admin/partnerships/partnership/?chinese=missing"),
    ("partnership change form", "/admin/partnerships/partnership/{partnership_pk}/change/"),
    ("timeline events", "/admin/partnerships/timelineevent/"),
    ("timeline events, one partnership", "/admin/partnerships/timelineevent/?partnerships__id__exact={partnership_pk}"),
    ("timeline event change form", "/admin/partnerships/timelineevent/{event_pk}/change/"),
    ("UK schools", "/admin/schools/ukschool/"),
    ("UK school change form", "/admin/schools/ukschool/{school_pk}/change/"),
    ("sister-school links", "/admin/schools/sisterschoollink/"),
    ("UK councils", "/admin/partnerships/council/"),
    ("quotes", "/admin/partnerships/quote/"),
]
# The partnership map's SVG with its land outlines, gzipped, and its render time in-process.
MAP_SIZE_TARGET = 60_000
MAP_RENDER_TARGET_MS = 5
