"""Logging filters (settings.LOGGING)."""

import logging


class OneLineWarning(logging.Filter):
    """Logs the record as a one-line WARNING: no traceback. For events that are
    expected from the internet (a request for a host we do not serve) and say
    all there is to say in their message."""

    def filter(self, record):
        record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        record.exc_info = record.exc_text = record.stack_info = None
        return True
