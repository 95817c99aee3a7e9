"""Dates and times: timedelta, date, time, datetime, tzinfo, timezone.

asim's own code, written after the behaviour of CPython's datetime module
(the conformance harness runs its pure-Python implementation, so that
now() reads the virtual clock there too; error messages are those of the C
implementation programs normally get). now(), today() and
fromtimestamp() read time.time() and break it down in UTC, the machine's
zone as the harness has it. Not modelled: tzinfo subclasses with DST rules
(fold is kept but never computed), strptime, ctime-style locale names other
than C's."""
import sys
import time as _time

import _asimlib

_V = sys.version_info[:2]

MINYEAR = 1
MAXYEAR = 9999

_DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [-1]
_before = 0
for _n in _DAYS_IN_MONTH[1:]:
    _DAYS_BEFORE_MONTH.append(_before)
    _before += _n
del _before, _n

_MONTHNAMES = [None, "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_FULLMONTHNAMES = [None, "January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"]
_DAYNAMES = [None, "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_FULLDAYNAMES = [None, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _ymd2ord(year, month, day):
    """Day 1 is 0001-01-01."""
    before = _DAYS_BEFORE_MONTH[month] + (1 if month > 2 and _is_leap(year) else 0)
    return _days_before_year(year) + before + day


def _ord2ymd(n):
    # Whole 400-year cycles of 146097 days, then 100-, 4- and 1-year ones.
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leap = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    first = _DAYS_BEFORE_MONTH[month] + (1 if month > 2 and leap else 0)
    if first > n:
        month -= 1
        first -= _DAYS_IN_MONTH[month] + (1 if month == 2 and leap else 0)
    return year, month, n - first + 1


def _check_int(value):
    if not isinstance(value, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)


def _check_date_fields(year, month, day):
    for v in (year, month, day):
        _check_int(v)
    # The messages of CPython's C implementation (the one programs get).
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('year %d is out of range' % year)
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')


def _check_time_fields(hour, minute, second, microsecond, fold):
    for v in (hour, minute, second, microsecond):
        _check_int(v)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass")


def _cmp(x, y):
    return 0 if x == y else 1 if x > y else -1


def _divide_and_round(a, b):
    # a / b rounded to the nearest integer, ties to even.
    q, r = divmod(a, b)
    r *= 2
    greater = r > b if b > 0 else r < b
    if greater or r == b and q % 2 == 1:
        q += 1
    return q


def _format_offset(off, sep=':'):
    if off is None:
        return ''
    sign = '+'
    if off.days < 0:
        sign = '-'
        off = -off
    hh, rest = divmod(off, timedelta(hours=1))
    mm, rest = divmod(rest, timedelta(minutes=1))
    s = '%s%02d%s%02d' % (sign, hh, sep, mm)
    if rest.seconds or rest.microseconds:
        s += '%s%02d' % (sep, rest.seconds)
        if rest.microseconds:
            s += '.%06d' % rest.microseconds
    return s


def _format_time(hh, mm, ss, us, timespec='auto'):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    elif timespec == 'milliseconds':
        us //= 1000
    if timespec == 'hours':
        return '%02d' % hh
    if timespec == 'minutes':
        return '%02d:%02d' % (hh, mm)
    if timespec == 'seconds':
        return '%02d:%02d:%02d' % (hh, mm, ss)
    if timespec == 'milliseconds':
        return '%02d:%02d:%02d.%03d' % (hh, mm, ss, us)
    if timespec == 'microseconds':
        return '%02d:%02d:%02d.%06d' % (hh, mm, ss, us)
    raise ValueError('Unknown timespec value')


def _iso_week1_monday(year):
    first = _ymd2ord(year, 1, 1)
    weekday = (first + 6) % 7
    monday = first - weekday
    if weekday > 3:
        monday += 7
    return monday


def _isocalendar(year, month, day):
    today = _ymd2ord(year, month, day)
    week1 = _iso_week1_monday(year)
    week, day_of_week = divmod(today - week1, 7)
    if week < 0:
        year -= 1
        week, day_of_week = divmod(today - _iso_week1_monday(year), 7)
    elif week >= 52 and today >= _iso_week1_monday(year + 1):
        year += 1
        week = 0
    return year, week + 1, day_of_week + 1


# strftime, without the platform's: the C locale's names and formats.
def _strftime(fmt, year, month, day, hour, minute, second, us, offset, tzname):
    out = []
    i = 0
    n = len(fmt)
    wday = (_ymd2ord(year, month, day) + 6) % 7   # Monday is 0
    yday = _ymd2ord(year, month, day) - _ymd2ord(year, 1, 1) + 1
    while i < n:
        c = fmt[i]
        i += 1
        if c != '%' or i == n:
            out.append(c)
            continue
        d = fmt[i]
        i += 1
        if d == 'a':
            out.append(_DAYNAMES[wday + 1])
        elif d == 'A':
            out.append(_FULLDAYNAMES[wday + 1])
        elif d == 'b' or d == 'h':
            out.append(_MONTHNAMES[month])
        elif d == 'B':
            out.append(_FULLMONTHNAMES[month])
        elif d == 'c':
            out.append('%s %s %2d %02d:%02d:%02d %d' % (_DAYNAMES[wday + 1], _MONTHNAMES[month], day,
                                                       hour, minute, second, year))
        elif d == 'd':
            out.append('%02d' % day)
        elif d == 'e':
            out.append('%2d' % day)
        elif d == 'f':
            out.append('%06d' % us)
        elif d == 'H':
            out.append('%02d' % hour)
        elif d == 'I':
            out.append('%02d' % (hour % 12 or 12))
        elif d == 'j':
            out.append('%03d' % yday)
        elif d == 'm':
            out.append('%02d' % month)
        elif d == 'M':
            out.append('%02d' % minute)
        elif d == 'p':
            out.append('AM' if hour < 12 else 'PM')
        elif d == 'S':
            out.append('%02d' % second)
        elif d == 'U':
            out.append('%02d' % ((yday + 6 - (wday + 1) % 7) // 7))
        elif d == 'W':
            out.append('%02d' % ((yday + 6 - wday) // 7))
        elif d == 'w':
            out.append('%d' % ((wday + 1) % 7))
        elif d == 'u':
            out.append('%d' % (wday + 1))
        elif d == 'y':
            out.append('%02d' % (year % 100))
        elif d == 'Y':
            out.append('%d' % year)
        elif d == 'G':
            out.append('%d' % _isocalendar(year, month, day)[0])
        elif d == 'V':
            out.append('%02d' % _isocalendar(year, month, day)[1])
        elif d == 'z':
            out.append(_format_offset(offset, '') if offset is not None else '')
        elif d == 'Z':
            out.append(tzname or '')
        elif d == 'x':
            out.append('%02d/%02d/%02d' % (month, day, year % 100))
        elif d == 'X' or d == 'T':
            out.append('%02d:%02d:%02d' % (hour, minute, second))
        elif d == 'D':
            out.append('%02d/%02d/%02d' % (month, day, year % 100))
        elif d == 'F':
            out.append('%d-%02d-%02d' % (year, month, day))
        elif d == 'R':
            out.append('%02d:%02d' % (hour, minute))
        elif d == '%':
            out.append('%')
        else:
            out.append('%' + d)
    return ''.join(out)


def _type_name(obj):
    cls = obj.__class__
    return '%s.%s' % (cls.__module__, cls.__qualname__)


class timedelta:
    """Difference between two datetime values: days, seconds, microseconds."""

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        parts = (days, seconds, microseconds, milliseconds, minutes, hours, weeks)
        for p in parts:
            if not isinstance(p, (int, float)):
                raise TypeError("unsupported type for timedelta %s component: %s" % (
                    'days', type(p).__name__))
        if all(isinstance(p, int) for p in parts):
            total = ((days + weeks * 7) * 86400 + seconds + minutes * 60 + hours * 3600) * 1000000 + \
                microseconds + milliseconds * 1000
        else:
            total = round((days + weeks * 7) * 86400e6 + (seconds + minutes * 60 + hours * 3600) * 1e6 +
                          microseconds + milliseconds * 1e3)
        return cls._from_us(total, cls)

    @staticmethod
    def _from_us(total, cls=None):
        d, rest = divmod(int(total), 86400000000)
        s, us = divmod(rest, 1000000)
        if abs(d) > 999999999:
            raise OverflowError("days=%d; must have magnitude <= 999999999" % d)
        self = object.__new__(cls or timedelta)
        self._days = d
        self._seconds = s
        self._microseconds = us
        self._hashcode = -1
        return self

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def _to_us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def total_seconds(self):
        return self._to_us() / 10 ** 6

    def __repr__(self):
        args = []
        if self._days:
            args.append("days=%d" % self._days)
        if self._seconds:
            args.append("seconds=%d" % self._seconds)
        if self._microseconds:
            args.append("microseconds=%d" % self._microseconds)
        if not args:
            args.append('0')
        return "%s(%s)" % (_type_name(self), ', '.join(args))

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self._days:
            s = ("%d day%s, " % (self._days, "s" if abs(self._days) != 1 else "")) + s
        if self._microseconds:
            s = s + ".%06d" % self._microseconds
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._to_us() + other._to_us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._to_us() - other._to_us())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._from_us(-self._to_us())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_us(self._to_us() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._from_us(_divide_and_round(self._to_us() * a, b))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if not isinstance(other, (int, timedelta)):
            return NotImplemented
        if isinstance(other, timedelta):
            return self._to_us() // other._to_us()
        return timedelta._from_us(self._to_us() // other)

    def __truediv__(self, other):
        if not isinstance(other, (int, float, timedelta)):
            return NotImplemented
        if isinstance(other, timedelta):
            return self._to_us() / other._to_us()
        if isinstance(other, int):
            return timedelta._from_us(_divide_and_round(self._to_us(), other))
        a, b = other.as_integer_ratio()
        return timedelta._from_us(_divide_and_round(b * self._to_us(), a))

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._to_us() % other._to_us())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_us(), other._to_us())
            return q, timedelta._from_us(r)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() == other._to_us()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() < other._to_us()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() <= other._to_us()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() > other._to_us()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() >= other._to_us()
        return NotImplemented

    def __hash__(self):
        return hash((self._days, self._seconds, self._microseconds))

    def __bool__(self):
        return self._days != 0 or self._seconds != 0 or self._microseconds != 0


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


def _iso_error(text):
    return ValueError('Invalid isoformat string: %r' % (text,))


def _digits(text, start, count):
    part = text[start:start + count]
    if len(part) != count or not part.isdigit() or not part.isascii():
        raise ValueError
    return int(part)


# The date part of an ISO 8601 string: YYYY-MM-DD, and from 3.11 YYYYMMDD
# and week dates (YYYY-Www-D, YYYYWwwD).
def _parse_iso_date(text):
    year = _digits(text, 0, 4)
    if _V >= (3, 11) and len(text) >= 5 and text[4] in 'W-' and (text[4] == 'W' or text[5:6] == 'W'):
        dash = text[4] == '-'
        pos = 6 if dash else 5
        week = _digits(text, pos, 2)
        pos += 2
        weekday = 1
        if len(text) > pos:
            if (text[pos] == '-') != dash:
                raise ValueError
            pos += 1 if dash else 0
            weekday = _digits(text, pos, 1)
            pos += 1
        if len(text) != pos:
            raise ValueError
        return _iso_to_ymd(year, week, weekday)
    if len(text) == 10 and text[4] == '-' and text[7] == '-':
        return year, _digits(text, 5, 2), _digits(text, 8, 2)
    if _V >= (3, 11) and len(text) == 8:
        return year, _digits(text, 4, 2), _digits(text, 6, 2)
    raise ValueError


def _iso_to_ymd(year, week, day):
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("Year is out of range: %d" % year)
    if not 0 < week < 53:
        if week != 53 or (_ymd2ord(year, 1, 1) % 7 != 4 and not (_ymd2ord(year, 1, 1) % 7 == 3 and _is_leap(year))):
            raise ValueError("Invalid week: %d" % week)
    if not 0 < day < 8:
        raise ValueError("Invalid weekday: %d (range is [1, 7])" % day)
    return _ord2ymd(_iso_week1_monday(year) + (week - 1) * 7 + day - 1)


# HH[:MM[:SS[.fff[fff]]]] (3.11+: also without colons, any fraction length,
# a comma), then an optional offset: +HH:MM[:SS[.ffffff]] (3.11+: Z).
def _parse_iso_time(text):
    offset_at = -1
    for i, c in enumerate(text):
        if c in '+-' or (_V >= (3, 11) and c == 'Z'):
            offset_at = i
            break
    clock = text if offset_at < 0 else text[:offset_at]
    hh, mm, ss, us = _parse_clock(clock)
    tz = None
    if offset_at >= 0:
        tail = text[offset_at:]
        if tail == 'Z':
            tz = timezone.utc
        else:
            oh, om, osec, ous = _parse_clock(tail[1:])
            off = timedelta(hours=oh, minutes=om, seconds=osec, microseconds=ous)
            if tail[0] == '-':
                off = -off
            tz = timezone.utc if not off else timezone(off)
    return hh, mm, ss, us, tz


def _parse_clock(text):
    extended = _V < (3, 11) or text[2:3] == ':'
    values = [0, 0, 0]
    pos = 0
    fields = 0
    while fields < 3:
        values[fields] = _digits(text, pos, 2)
        fields += 1
        pos += 2
        if pos == len(text) or text[pos] in '.,':
            break
        if fields == 3:
            raise ValueError
        if extended:
            if text[pos] != ':':
                raise ValueError
            pos += 1
    us = 0
    if pos < len(text):
        if fields != 3 or (text[pos] == ',' and _V < (3, 11)):
            raise ValueError
        frac = text[pos + 1:]
        if not frac.isdigit() or (_V < (3, 11) and len(frac) not in (3, 6)):
            raise ValueError
        us = int((frac + '000000')[:6])
    if values[0] > 23 or values[1] > 59 or values[2] > 59:
        raise ValueError
    return values[0], values[1], values[2], us


# How many characters of an ISO string are its date: always 10 before 3.11;
# then by format (extended, basic, week dates).
def _iso_date_length(text):
    if _V < (3, 11):
        return 10
    if text[4:5] == '-':
        if text[5:6] == 'W':
            return 10 if text[8:9] == '-' else 8
        return 10
    if text[4:5] == 'W':
        return 8 if text[7:8].isdigit() else 7
    return 8


class date:
    """A date in the proleptic Gregorian calendar."""

    def __new__(cls, year, month=None, day=None):
        _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        return self

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d = _time.gmtime(t)[:3]
        return cls(y, m, d)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            y, m, d = _parse_iso_date(date_string)
            return cls(y, m, d)
        except ValueError:
            raise _iso_error(date_string) from None

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def __repr__(self):
        return "%s(%d, %d, %d)" % (_type_name(self), self._year, self._month, self._day)

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    __str__ = isoformat

    def ctime(self):
        return _strftime('%a %b %e 00:00:00 %Y', self._year, self._month, self._day, 0, 0, 0, 0, None, None)

    def strftime(self, format):
        return _strftime(format, self._year, self._month, self._day, 0, 0, 0, 0, None, None)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("must be str, not %s" % type(fmt).__name__)
        return self.strftime(fmt) if fmt else str(self)

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        y, w, d = _isocalendar(self._year, self._month, self._day)
        if _V >= (3, 9):
            return IsoCalendarDate(y, w, d)
        return y, w, d

    def timetuple(self):
        yday = self.toordinal() - _ymd2ord(self._year, 1, 1) + 1
        return (self._year, self._month, self._day, 0, 0, 0, self.weekday(), yday, -1)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day)

    def _key(self):
        return (self._year, self._month, self._day)

    def _comparable(self, other):
        return isinstance(other, date) and not isinstance(other, datetime) and not isinstance(self, datetime)

    def __eq__(self, other):
        if self._comparable(other):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        if self._comparable(other):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if self._comparable(other):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if self._comparable(other):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if self._comparable(other):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())

    def __add__(self, other):
        if isinstance(other, timedelta):
            n = self.toordinal() + other.days
            if 0 < n <= _MAXORDINAL:
                return type(self).fromordinal(n)
            raise OverflowError("result out of range")
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented


_MAXORDINAL = 3652059
date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


class IsoCalendarDate(tuple):
    """date.isocalendar() from 3.9: the tuple (year, week, weekday), with names."""

    def __new__(cls, year, week, weekday):
        return super().__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __repr__(self):
        return '%s(year=%d, week=%d, weekday=%d)' % (_type_name(self), self.year, self.week, self.weekday)


if _V < (3, 9):
    del IsoCalendarDate


if _V >= (3, 8):
    def _fromisocalendar(cls, year, week, day):
        y, m, d = _iso_to_ymd(year, week, day)
        return cls(y, m, d)

    date.fromisocalendar = classmethod(_fromisocalendar)


class tzinfo:
    """Abstract base class for time zone info objects."""

    def tzname(self, dt):
        raise NotImplementedError("tzinfo subclass must override tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("tzinfo subclass must override utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("tzinfo subclass must override dst()")

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc() requires a datetime argument")
        if dt.tzinfo is not self:
            raise ValueError("dt.tzinfo is not self")
        off = dt.utcoffset()
        if off is None:
            raise ValueError("fromutc() requires a non-None utcoffset() result")
        return dt + off


class timezone(tzinfo):
    """A fixed offset from UTC."""

    def __new__(cls, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError("offset must be a timedelta")
        if name is not None and not isinstance(name, str):
            raise TypeError("name must be a string")
        if not -timedelta(hours=24) < offset < timedelta(hours=24):
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                             "timedelta(hours=24), not %r." % (offset,))
        self = object.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is timezone.utc:
            return 'datetime.timezone.utc'
        if self._name is None:
            return "%s(%r)" % (_type_name(self), self._offset)
        return "%s(%r, %r)" % (_type_name(self), self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        return self._offset

    def tzname(self, dt):
        if self._name is not None:
            return self._name
        if not self._offset:
            return 'UTC'
        return 'UTC' + _format_offset(self._offset)

    def dst(self, dt):
        return None

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc() argument must be a datetime instance or None")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        return dt + self._offset


timezone.utc = timezone(timedelta(0))
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
if _V >= (3, 11):
    UTC = timezone.utc


class time:
    """A time of day, with an optional tzinfo."""

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        _check_time_fields(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        return self

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    @classmethod
    def fromisoformat(cls, time_string):
        if not isinstance(time_string, str):
            raise TypeError('fromisoformat: argument must be str')
        text = time_string[1:] if _V >= (3, 11) and time_string[:1] == 'T' else time_string
        try:
            hh, mm, ss, us, tz = _parse_iso_time(text)
            return cls(hh, mm, ss, us, tz)
        except ValueError:
            raise _iso_error(time_string) from None

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(None)

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(None)

    def dst(self):
        return None if self._tzinfo is None else self._tzinfo.dst(None)

    def __repr__(self):
        if self._microsecond:
            s = "%d, %d, %d, %d" % (self._hour, self._minute, self._second, self._microsecond)
        elif self._second:
            s = "%d, %d, %d" % (self._hour, self._minute, self._second)
        else:
            s = "%d, %d" % (self._hour, self._minute)
        s = "%s(%s)" % (_type_name(self), s)
        if self._tzinfo is not None:
            s = s[:-1] + ", tzinfo=%r" % self._tzinfo + ")"
        if self._fold:
            s = s[:-1] + ", fold=1)"
        return s

    def isoformat(self, timespec='auto'):
        s = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        return s + _format_offset(self.utcoffset())

    __str__ = isoformat

    def strftime(self, format):
        off = self.utcoffset()
        return _strftime(format, 1900, 1, 1, self._hour, self._minute, self._second, self._microsecond, off,
                         self.tzname())

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("must be str, not %s" % type(fmt).__name__)
        return self.strftime(fmt) if fmt else str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._hour if hour is None else hour, self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo, fold=self._fold if fold is None else fold)

    def _key(self, other):
        mine, theirs = self.utcoffset(), other.utcoffset()
        if (mine is None) != (theirs is None):
            return None
        a = (self._hour * 3600 + self._minute * 60 + self._second) * 1000000 + self._microsecond
        b = (other._hour * 3600 + other._minute * 60 + other._second) * 1000000 + other._microsecond
        if mine is not None:
            a -= mine._to_us()
            b -= theirs._to_us()
        return a, b

    def _compare(self, other, op, eq):
        if not isinstance(other, time):
            return NotImplemented
        k = self._key(other)
        if k is None:
            if eq is not None:
                return eq
            raise TypeError("can't compare offset-naive and offset-aware times")
        return op(k[0], k[1])

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b, False)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b, None)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b, None)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b, None)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b, None)

    def __hash__(self):
        return hash((self._hour, self._minute, self._second, self._microsecond, self.utcoffset()))

    def __bool__(self):
        return True


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


class datetime(date):
    """A date and a time of day, with an optional tzinfo."""

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *,
                fold=0):
        _check_date_fields(year, month, day)
        _check_time_fields(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        return self

    hour = time.hour
    minute = time.minute
    second = time.second
    microsecond = time.microsecond
    tzinfo = time.tzinfo
    fold = time.fold

    @classmethod
    def _fromtimestamp(cls, t, utc, tz):
        # time.time() split into whole seconds and microseconds, rounded half
        # to even as CPython's _PyTime_ROUND_HALF_EVEN.
        whole = int(t)
        us = round((t - whole) * 1e6)
        if us >= 1000000:
            whole += 1
            us -= 1000000
        elif us < 0:
            whole -= 1
            us += 1000000
        y, m, d, hh, mm, ss = _time.gmtime(whole)[:6]
        result = cls(y, m, d, hh, mm, ss, us, tz)
        if tz is not None and not utc:
            result = tz.fromutc(result.replace(tzinfo=tz))
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        if tz is None:
            return cls._fromtimestamp(t, False, None)
        return tz.fromutc(cls._fromtimestamp(t, True, None).replace(tzinfo=tz))

    @classmethod
    def utcfromtimestamp(cls, t):
        if _V >= (3, 12):
            _deprecated("datetime.datetime.utcfromtimestamp() is deprecated and scheduled for removal in a "
                        "future version. Use timezone-aware objects to represent datetimes in UTC: "
                        "datetime.datetime.fromtimestamp(t, datetime.UTC).")
        return cls._fromtimestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def utcnow(cls):
        if _V >= (3, 12):
            _deprecated("datetime.datetime.utcnow() is deprecated and scheduled for removal in a future "
                        "version. Use timezone-aware objects to represent datetimes in UTC: "
                        "datetime.datetime.now(datetime.UTC).")
        return cls._fromtimestamp(_time.time(), True, None)

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second, time.microsecond,
                   tzinfo, fold=time.fold)

    @classmethod
    def strptime(cls, date_string, format):
        _asimlib.unsupported("datetime.strptime", "asim's datetime does not parse dates by format")

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            split = _iso_date_length(date_string)
            y, m, d = _parse_iso_date(date_string[:split])
            rest = date_string[split:]
            hh = mm = ss = us = 0
            tz = None
            if rest:
                hh, mm, ss, us, tz = _parse_iso_time(rest[1:])
            return cls(y, m, d, hh, mm, ss, us, tz)
        except ValueError:
            raise _iso_error(date_string) from None

    def timetuple(self):
        yday = self.toordinal() - _ymd2ord(self._year, 1, 1) + 1
        return (self._year, self._month, self._day, self._hour, self._minute, self._second, self.weekday(), yday,
                -1)

    def timestamp(self):
        if self._tzinfo is None:
            # Naive: local time, which is UTC here.
            return (self - _EPOCH_NAIVE).total_seconds()
        return (self - _EPOCH).total_seconds()

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo, fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day, self._hour if hour is None else hour,
                          self._minute if minute is None else minute, self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo, fold=self._fold if fold is None else fold)

    def astimezone(self, tz=None):
        if tz is None:
            tz = timezone.utc
        elif not isinstance(tz, tzinfo):
            raise TypeError("tz argument must be an instance of tzinfo")
        offset = self.utcoffset()
        if offset is None:
            offset = timedelta(0)
        utc = (self - offset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(self)

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(self)

    def dst(self):
        return None if self._tzinfo is None else self._tzinfo.dst(self)

    def ctime(self):
        return _strftime('%a %b %e %H:%M:%S %Y', self._year, self._month, self._day, self._hour, self._minute,
                         self._second, 0, None, None)

    def isoformat(self, sep='T', timespec='auto'):
        s = "%04d-%02d-%02d%s" % (self._year, self._month, self._day, sep) + \
            _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        return s + _format_offset(self.utcoffset())

    def __str__(self):
        return self.isoformat(sep=' ')

    def __repr__(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond]
        while len(fields) > 5 and fields[-1] == 0:
            fields.pop()
        s = "%s(%s)" % (_type_name(self), ", ".join(str(f) for f in fields))
        if self._tzinfo is not None:
            s = s[:-1] + ", tzinfo=%r" % self._tzinfo + ")"
        if self._fold:
            s = s[:-1] + ", fold=1)"
        return s

    def strftime(self, format):
        return _strftime(format, self._year, self._month, self._day, self._hour, self._minute, self._second,
                         self._microsecond, self.utcoffset(), self.tzname())

    def _us(self):
        return ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second) * 1000000 +
                self._microsecond)

    def _aware_key(self, other):
        mine, theirs = self.utcoffset(), other.utcoffset()
        if (mine is None) != (theirs is None):
            return None
        a, b = self._us(), other._us()
        if mine is not None and self._tzinfo is not other._tzinfo:
            a -= mine._to_us()
            b -= theirs._to_us()
        return a, b

    def _compare(self, other, op, eq):
        if not isinstance(other, datetime):
            return NotImplemented
        k = self._aware_key(other)
        if k is None:
            if eq is not None:
                return eq
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        return op(k[0], k[1])

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b, False)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b, None)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b, None)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b, None)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b, None)

    def __hash__(self):
        off = self.utcoffset()
        return hash(self._us() - (off._to_us() if off is not None else 0))

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        total = self._us() + other._to_us()
        days, rest = divmod(total, 86400000000)
        if not 0 < days <= _MAXORDINAL:
            raise OverflowError("date value out of range")
        secs, us = divmod(rest, 1000000)
        hh, rest = divmod(secs, 3600)
        mm, ss = divmod(rest, 60)
        y, m, d = _ord2ymd(days)
        return type(self)(y, m, d, hh, mm, ss, us, self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if not isinstance(other, datetime):
            return NotImplemented
        mine, theirs = self.utcoffset(), other.utcoffset()
        if (mine is None) != (theirs is None):
            raise TypeError("cannot mix naive and timezone-aware time")
        diff = self._us() - other._us()
        if mine is not None and self._tzinfo is not other._tzinfo:
            diff -= mine._to_us() - theirs._to_us()
        return timedelta(microseconds=diff)


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_EPOCH_NAIVE = datetime(1970, 1, 1)


def _deprecated(message):
    # The caller's line, as CPython's stacklevel=2 from its C code gives:
    # asim's warnings already skip this module's own frames.
    import warnings
    warnings.warn(message, DeprecationWarning, stacklevel=1)
