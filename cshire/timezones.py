"""Time zones: stored in UTC, shown and entered in the viewer's zone, the zone named.

The viewer's zone is their own choice, else the organisation's default, else UTC —
Flask-Babel asks ``cshire.auth.access.select_timezone`` once per request. Every
date-time on a page goes through the ``datetime`` filter (``format_when``), which always
names the zone, and every date-time a form takes goes through ``LocalDateTimeField``.
"""

from datetime import UTC, datetime
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from babel import dates
from flask import has_request_context
from flask_babel import get_locale, get_timezone
from flask_babel import lazy_gettext as _l
from wtforms import DateTimeLocalField

DEFAULT_ZONE = "UTC"


@cache
def zone_names() -> tuple[str, ...]:
    """Every IANA zone this machine knows, sorted (the choices of the zone pickers)."""
    return tuple(sorted(available_timezones() - {"localtime", "Factory"}))


def is_zone(name: str | None) -> bool:
    return bool(name) and name in zone_names()


def viewer_zone() -> ZoneInfo:
    """The viewer's zone as a ``ZoneInfo`` (Flask-Babel hands out a pytz zone, whose
    ``replace(tzinfo=…)`` would apply the zone's 19th-century local mean time)."""
    return ZoneInfo(str(get_timezone()))


def format_when(value: datetime | None, _format: str = "", zone: str | None = None) -> str:
    """A date-time in the viewer's zone (or ``zone``), minutes precision, zone named:
    "Nov 30, 2026 9:00 AM JST" / "2026/11/30 9:00 JST". One format everywhere: a
    template's old ``|datetime('short')`` argument is ignored on purpose."""
    if value is None:
        return "–"
    tz = ZoneInfo(zone) if zone else viewer_zone()
    local = value.astimezone(tz)
    locale = get_locale()
    return (f"{dates.format_date(local, 'medium', locale=locale)} "
            f"{dates.format_time(local, 'short', tzinfo=tz, locale=locale)} {local.tzname()}")


class LocalDateTimeField(DateTimeLocalField):
    """A date and time typed in the viewer's zone and kept in UTC. The field names the
    zone below itself, so nobody has to guess which clock they are typing."""

    def __init__(self, label=None, validators=None, **kwargs) -> None:
        kwargs.setdefault("format", ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"])
        super().__init__(label, validators, **kwargs)
        if has_request_context():
            self.description = _l("Time zone: %(zone)s", zone=str(viewer_zone()))

    def process_formdata(self, valuelist) -> None:
        super().process_formdata(valuelist)
        if self.data is not None and self.data.tzinfo is None:
            self.data = self.data.replace(tzinfo=viewer_zone()).astimezone(UTC)

    def _value(self) -> str:
        if self.raw_data:
            return " ".join(self.raw_data)
        if isinstance(self.data, datetime):
            local = self.data.astimezone(viewer_zone()) if self.data.tzinfo else self.data
            return local.strftime("%Y-%m-%dT%H:%M")
        return ""
