"""The one CSV reader every import uses, and the formula-safe writer every export uses.

An import declares its columns (``Column``: name, required, max length, parser) and reads
a seekable binary stream with ``CsvImport``. The reader detects the encoding (UTF-8 with
or without BOM, else Shift_JIS/cp932 as Excel writes it in Japan), checks the header,
then yields only the good rows, each with its physical line number (the header is
line 1 when it is the first line). Every bad row is recorded as a ``Problem`` with that
line; the service adds its own cross-row and database problems the same way, then calls
``raise_if_problems()`` before writing anything, so an import is all or nothing.

Iterating again re-reads the stream from the start, which lets a large CLI import check
every row in a first pass and write in a second without holding rows in memory.
"""

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from itertools import islice
from typing import IO, Any, ClassVar

from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy import String

from cshire.errors import DomainError, Problem, plural_l

DEFAULT_MAX_FIELD_CHARS = 10_000
DEFAULT_MAX_PROBLEMS = 200
ENCODINGS = ("utf-8", "cp932")
_CHUNK_BYTES = 1 << 20
_WORKBOOK_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # .xlsx (zip), .xls (OLE2)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Bytes cp932 decodes to a placeholder rather than to text: none occurs in real
# Japanese text, so seeing one means the file is in some other encoding.
_CP932_PLACEHOLDERS = re.compile("[\x80\uf8f0-\uf8f3]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")

MESSAGES: dict[str, Any] = {
    # The whole file
    "csv_rejected": plural_l("Nothing was imported: %(count)s problem to fix in the file.",
                             "Nothing was imported: %(count)s problems to fix in the file."),
    "csv_encoding": _l("The file is not CSV text in UTF-8 or Shift_JIS. In Excel, use "
                       "Save As → “CSV UTF-8 (Comma delimited)” and upload that file."),
    "csv_workbook": _l("This is an Excel workbook, not a CSV file. In Excel, use Save As → "
                       "“CSV UTF-8 (Comma delimited)” and upload that file."),
    "csv_empty": _l("The file is empty. Its first line must name the columns: %(expected)s."),
    "csv_header_missing": _l("The first line lacks these columns: %(missing)s. "
                             "The columns are: %(expected)s."),
    "csv_header_unexpected": _l("The first line names columns this import does not know: "
                                "%(unexpected)s. The columns are: %(expected)s."),
    "csv_header_mismatch": _l("The first line lacks these columns: %(missing)s; and it names "
                              "columns this import does not know: %(unexpected)s. "
                              "The columns are: %(expected)s."),
    "csv_too_many_rows": _l("The file has more than %(max)s rows. Split it into files of at "
                            "most %(max)s rows."),
    # One line
    "csv_unreadable": _l("A value starting on this line is longer than %(max)s characters "
                         "(perhaps a quote is never closed). The file was not read further."),
    "csv_no_rows": _l("There are no rows below the header."),
    "csv_too_many_values": _l("This line has %(found)s values but the header names "
                              "%(expected)s columns."),
    "csv_unnamed_value": _l("This line has a value in column %(position)s, which has no "
                            "name in the header."),
    "csv_field_too_large": _l("A value on this line is longer than %(max)s characters."),
    "csv_nul": _l("This line contains a NUL character; save the file as CSV text again."),
    # One value
    "csv_required": _l("%(column)s is empty; it is required."),
    "csv_too_long": _l("%(column)s is %(length)s characters long; at most %(max)s are "
                       "allowed."),
    "csv_email": _l("%(column)s: “%(value)s” is not a valid email address."),
    "csv_date": _l("%(column)s: “%(value)s” is not a date; write it as YYYY-MM-DD."),
    "csv_integer": _l("%(column)s: “%(value)s” is not a whole number."),
    "csv_decimal": _l("%(column)s: “%(value)s” is not a number."),
    "csv_decimal_places": plural_l("%(column)s: %(value)s has more than %(places)s decimal "
                                   "place.",
                                   "%(column)s: %(value)s has more than %(places)s decimal "
                                   "places.", count_param="places"),
    "csv_below_minimum": _l("%(column)s: %(value)s is less than %(min)s."),
    "csv_above_maximum": _l("%(column)s: %(value)s is more than %(max)s."),
    "csv_yes_no": _l("%(column)s: “%(value)s” is not yes or no (yes, no, true, false, 1, 0)."),
    "csv_choice": _l("%(column)s: “%(value)s” is not one of %(choices)s."),
}


class CsvImportError(DomainError):
    """A CSV file was refused; nothing was imported.

    A package with codes of its own subclasses this and sets ``messages`` to its own
    table only: the tables of every base class are merged in, so the reader's codes
    keep their text (``class CandidateImportError(CsvImportError): messages = {...}``).
    """

    messages: ClassVar[Mapping[str, Any]] = MESSAGES

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        merged: dict[str, Any] = {}
        for klass in reversed(cls.__mro__):
            merged.update(vars(klass).get("messages", {}))
        cls.messages = merged


class CellError(Exception):
    """A parser's refusal of one value. The reader adds ``column`` and ``value`` to the
    params; ``code`` must be in the messages of the import's error class."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


# --- parsers: stripped, non-empty text → value, or CellError ----------------------------


def text(value: str) -> str:
    return value


def email_address(value: str) -> str:
    """Syntax only (no DNS lookup), lower-cased so that one person has one address."""
    address = _checked_email(value)
    if address is None:
        raise CellError("csv_email")
    return address


@lru_cache(maxsize=16_384)
def _checked_email(value: str) -> str | None:
    # Checking costs ~40 µs; a large file names the same owners again and again.
    try:
        return validate_email(value, check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        return None


_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})|(\d{4})/(\d{1,2})/(\d{1,2})", re.ASCII)


def iso_date(value: str) -> date:
    """YYYY-MM-DD; also YYYY/M/D, which is how Japanese Excel saves a date it recognised."""
    match = _DATE.fullmatch(value)
    if match is None:
        raise CellError("csv_date")
    year, month, day = (int(part) for part in match.groups() if part is not None)
    try:
        return date(year, month, day)
    except ValueError as error:
        raise CellError("csv_date") from error


_INTEGER = re.compile(r"[+-]?\d+", re.ASCII)
_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)", re.ASCII)


def integer(*, minimum: int | None = None, maximum: int | None = None) -> Callable[[str], int]:
    """A parser of whole numbers (ASCII digits, optional sign) within the bounds."""

    def parse(value: str) -> int:
        if not _INTEGER.fullmatch(value):
            raise CellError("csv_integer")
        return _within(int(value), minimum, maximum)

    return parse


def decimal_number(*, minimum: Decimal | int | None = None, maximum: Decimal | int | None = None,
                   places: int | None = None) -> Callable[[str], Decimal]:
    """A parser of decimal numbers (``-0.5``, ``12``; no exponent, no thousands
    separator) within the bounds and with at most ``places`` decimal places."""

    def parse(value: str) -> Decimal:
        if not _DECIMAL.fullmatch(value):
            raise CellError("csv_decimal")
        number = Decimal(value)  # the pattern leaves nothing Decimal would refuse
        exponent = number.as_tuple().exponent
        if places is not None and isinstance(exponent, int) and -exponent > places:
            raise CellError("csv_decimal_places", places=places)
        return _within(number, minimum, maximum)

    return parse


def _within(number: Any, minimum: Any, maximum: Any) -> Any:
    if minimum is not None and number < minimum:
        raise CellError("csv_below_minimum", min=minimum)
    if maximum is not None and number > maximum:
        raise CellError("csv_above_maximum", max=maximum)
    return number


_YES = frozenset({"yes", "y", "true", "1", "はい"})
_NO = frozenset({"no", "n", "false", "0", "いいえ"})


def yes_no(value: str) -> bool:
    """yes/no, true/false, 1/0, y/n, はい/いいえ, in any case."""
    word = value.casefold()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise CellError("csv_yes_no")


def one_of(*choices: str) -> Callable[[str], str]:
    """A parser that accepts one of ``choices`` in any case and returns it as declared."""
    by_key = {choice.casefold(): choice for choice in choices}

    def parse(value: str) -> str:
        try:
            return by_key[value.casefold()]
        except KeyError:
            raise CellError("csv_choice", choices=", ".join(choices)) from None

    return parse


# --- the declaration --------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column an import accepts. ``parse`` gets the stripped, non-empty text; an
    empty cell gives ``default`` (or the ``csv_required`` problem). ``example`` fills
    the template's example row."""

    name: str
    required: bool = False
    max_length: int | None = None
    parse: Callable[[str], Any] = text
    default: Any = None
    example: str = ""


def max_length_of(attribute: Any) -> int | None:
    """The length of a ``String(n)`` model column (``Model.attr`` or a table column), so
    the import refuses what the database would; None for ``Text`` or ``String()``."""
    column_type = getattr(attribute, "type", None)
    if not isinstance(column_type, String):
        raise TypeError(f"{attribute!r} is not a string column")
    return column_type.length


class Row:
    """A good row: its first physical line and its values by declared column name."""

    __slots__ = ("line", "values")

    def __init__(self, line: int, values: dict[str, Any]) -> None:
        self.line = line
        self.values = values

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def __repr__(self) -> str:
        return f"Row({self.line}, {self.values!r})"


class ImportProblems:
    """The problems of one import: all are counted, the ``limit`` with the lowest line
    numbers are kept (a bad 500,000-row file must not make a giant page)."""

    def __init__(self, limit: int = DEFAULT_MAX_PROBLEMS) -> None:
        self.limit = limit
        self.total = 0
        self._kept: list[Problem] = []

    def add(self, line: int | None, code: str, *, field: str | None = None,
            **params: object) -> None:
        self.total += 1
        self._kept.append(Problem(code, params, line, field))
        if len(self._kept) >= 2 * self.limit:
            self._kept = self.kept()

    def __bool__(self) -> bool:
        return self.total > 0

    def kept(self) -> list[Problem]:
        """The kept problems in line order (problems without a line first)."""
        return sorted(self._kept, key=lambda p: p.line or 0)[: self.limit]

    def raise_if_any(self, error_class: type[CsvImportError] = CsvImportError) -> None:
        if self.total:
            kept = self.kept()
            raise error_class("csv_rejected", *kept, count=self.total,
                              more=self.total - len(kept))


# --- the reader -------------------------------------------------------------------------


class CsvImport:
    """A CSV file read against ``columns``. Iterate it for the good rows (each
    iteration re-reads the stream from where it stood when given); add the import's own
    problems with ``add_problem``; call ``raise_if_problems`` before writing.

    File-level refusals (encoding, header, row cap) raise ``error_class`` at once.
    ``max_rows`` caps the data rows (None: no cap, for the CLI); ``max_field_chars``
    caps every value, and may not exceed ``csv.field_size_limit()``.
    """

    def __init__(self, source: IO[bytes] | bytes, columns: Sequence[Column], *,
                 max_rows: int | None, max_field_chars: int = DEFAULT_MAX_FIELD_CHARS,
                 max_problems: int = DEFAULT_MAX_PROBLEMS,
                 error_class: type[CsvImportError] = CsvImportError) -> None:
        if max_field_chars > csv.field_size_limit():
            raise ValueError("max_field_chars exceeds csv.field_size_limit()")
        self._source = io.BytesIO(source) if isinstance(source, bytes) else source
        self._start = self._source.tell()
        self.columns = tuple(columns)
        self.max_rows = max_rows
        self.max_field_chars = max_field_chars
        self.error_class = error_class
        self.problems = ImportProblems(max_problems)
        self.encoding: str | None = None  # known after the first iteration starts
        self.header_line = 0
        # The declared columns the header names, in file order (an absent optional
        # column reads as its default: a service may need to tell "absent" from "empty").
        self.columns_in_file: tuple[str, ...] = ()
        self.row_count = 0  # data rows (not blank) of the last complete iteration
        self.has_nul = False  # any NUL byte in the file: only then are rows searched
        self._checked_through = 0  # reader problems up to this line are recorded

    def add_problem(self, line: int | None, code: str, *, field: str | None = None,
                    **params: object) -> None:
        """Record one of the import's own problems (its code in ``error_class``)."""
        self.problems.add(line, code, field=field, **params)

    def raise_if_problems(self) -> None:
        self.problems.raise_if_any(self.error_class)

    def __iter__(self) -> Iterator[Row]:
        if self.encoding is None:
            self.encoding = self._detect_encoding()
        self._source.seek(self._start)
        reader_encoding = "utf-8-sig" if self.encoding == "utf-8" else self.encoding
        stream = io.TextIOWrapper(self._source, encoding=reader_encoding, newline="")
        try:
            yield from self._read(csv.reader(stream))
        finally:
            stream.detach()  # the caller owns the binary stream: do not close it

    def _detect_encoding(self) -> str:
        """UTF-8 if the whole stream decodes as UTF-8, else cp932 if it decodes as
        that; decoded in chunks, so memory stays flat whatever the file's size."""
        self._source.seek(self._start)
        head = self._source.read(4)
        if head.startswith(_WORKBOOK_SIGNATURES):
            raise self.error_class("csv_workbook")
        if not head.startswith(_UTF16_BOMS):
            for encoding in ENCODINGS:
                if self._decodes_as(encoding):
                    return encoding
        raise self.error_class("csv_encoding")

    def _decodes_as(self, encoding: str) -> bool:
        self._source.seek(self._start)
        decoder = codecs.getincrementaldecoder(encoding)()
        has_nul = False
        try:
            while chunk := self._source.read(_CHUNK_BYTES):
                decoded = decoder.decode(chunk)
                has_nul = has_nul or b"\x00" in chunk
                if encoding == "cp932" and _CP932_PLACEHOLDERS.search(decoded):
                    return False
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
        self.has_nul = has_nul
        return True

    def _read(self, records: Any) -> Iterator[Row]:
        checker = self._header(records)
        line, count = records.line_num, 0
        try:
            for record in records:
                start, line = line + 1, records.line_num
                if not record or not "".join(record).strip():
                    continue
                count += 1
                if self.max_rows is not None and count > self.max_rows:
                    raise self.error_class("csv_too_many_rows", max=self.max_rows)
                row = checker.row(record, start, report=start > self._checked_through)
                self._checked_through = max(self._checked_through, start)
                if row is not None:
                    yield row
        except csv.Error:
            self._reader_problem(line + 1, "csv_unreadable", max=csv.field_size_limit())
            return
        self.row_count = count
        if not count:
            self._reader_problem(self.header_line, "csv_no_rows")

    def _reader_problem(self, line: int, code: str, **params: object) -> None:
        if line > self._checked_through:
            self.problems.add(line, code, **params)
            self._checked_through = line

    def _header(self, records: Any) -> "_RowChecker":
        """Read up to the first non-empty line and match it to the declared columns."""
        expected = ", ".join(c.name for c in self.columns)
        line = 0
        try:
            for header in records:
                if header and "".join(header).strip():
                    break
                line = records.line_num
            else:
                raise self.error_class("csv_empty", expected=expected)
        except csv.Error:
            self._reader_problem(line + 1, "csv_unreadable", max=csv.field_size_limit())
            self.raise_if_problems()
        if any(_CONTROL.search(name) for name in header):
            raise self.error_class("csv_encoding")  # binary, or UTF-16 without a BOM
        self.header_line = line + 1
        checker = _RowChecker(self, header)
        self.columns_in_file = tuple(column.name for _index, column in checker.positions)
        if checker.missing or checker.unexpected:
            code = ("csv_header_mismatch" if checker.missing and checker.unexpected
                    else "csv_header_missing" if checker.missing else "csv_header_unexpected")
            raise self.error_class(code, missing=", ".join(checker.missing),
                                   unexpected=", ".join(checker.unexpected), expected=expected)
        return checker


def _column_key(name: str) -> str:
    return name.replace("\ufeff", "").strip().casefold()


class _RowChecker:
    """Turns one record into a ``Row`` or into problems, given the header's layout."""

    def __init__(self, source: CsvImport, header: list[str]) -> None:
        declared = {_column_key(c.name): c for c in source.columns}
        self.source = source
        self.width = len(header)
        self.positions: list[tuple[int, Column]] = []
        self.unnamed: list[int] = []
        self.unexpected: list[str] = []
        for index, name in enumerate(header):
            key = _column_key(name)
            if not key:
                self.unnamed.append(index)
            elif key in declared:
                self.positions.append((index, declared.pop(key)))
            else:
                self.unexpected.append(name.strip())
        self.missing = [c.name for c in declared.values() if c.required]
        self.defaults = {c.name: c.default for c in source.columns}

    def row(self, record: list[str], line: int, *, report: bool) -> Row | None:
        """The row if all is well; else None, its problems recorded when ``report``."""
        problems = self._shape_problems(record)
        values = dict(self.defaults)
        if not problems:
            size = len(record)
            for index, column in self.positions:
                value = record[index].strip() if index < size else ""
                problem = self._cell(column, value, values)
                if problem is not None:
                    problems.append(problem)
        if not problems:
            return Row(line, values)
        if report:
            for code, field, params in problems:
                self.source.problems.add(line, code, field=field, **params)
        return None

    def _shape_problems(self, record: list[str]) -> list[tuple[str, str | None, dict]]:
        """Problems of the line as a whole: its values are not checked one by one."""
        problems: list[tuple[str, str | None, dict]] = []
        found = len(record)
        if found > self.width and "".join(record[self.width:]).strip():
            problems.append(("csv_too_many_values", None,
                             {"found": found, "expected": self.width}))
        limit = self.source.max_field_chars
        if max(map(len, record)) > limit:
            problems.append(("csv_field_too_large", None, {"max": limit}))
        if self.source.has_nul and any("\x00" in value for value in record):
            problems.append(("csv_nul", None, {}))
        for index in self.unnamed:
            if index < found and record[index].strip():
                problems.append(("csv_unnamed_value", None, {"position": index + 1}))
        return problems

    @staticmethod
    def _cell(column: Column, value: str, values: dict[str, Any]):
        if not value:
            return ("csv_required", column.name, {"column": column.name}) \
                if column.required else None
        if column.max_length is not None and len(value) > column.max_length:
            return ("csv_too_long", column.name,
                    {"column": column.name, "length": len(value), "max": column.max_length})
        try:
            values[column.name] = column.parse(value)
        except CellError as error:
            return (error.code, column.name,
                    {"column": column.name, "value": _shorten(value), **error.params})
        return None


def _shorten(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def in_batches(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    """Rows in lists of ``size``: one database lookup or insert per batch."""
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def format_problems(error: DomainError) -> list[str]:
    """Each problem as “Line 7: …” in the current language, then how many more there
    are when the problem cap cut the list. The headline is ``error.message()``."""
    lines = []
    for problem in error.problems:
        message = error.text_for(problem.code, problem.params)
        lines.append(_("Line %(line)s: %(problem)s", line=problem.line, problem=message)
                     if problem.line else message)
    more = error.params.get("more")
    if more:
        lines.append(ngettext("…and %(num)s more problem not shown.",
                              "…and %(num)s more problems not shown.", more))
    return lines


# --- the writer -------------------------------------------------------------------------

# OWASP's CSV injection guidance: a spreadsheet runs a cell that begins with one of
# these as a formula. Such a cell gets a leading single quote, which the spreadsheet
# shows as text. A cell that is wholly a number with a leading minus (-3, -0.5, -1e-07)
# is no formula and stays a number.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NEGATIVE_NUMBER = re.compile(r"-\d+(?:\.\d+)?(?:[eE][-+]?\d+)?", re.ASCII)


def safe_cell(value: object) -> str:
    """The text of a cell, neutralised if a spreadsheet would run it (None → "")."""
    cell = "" if value is None else str(value)
    if cell.startswith(_FORMULA_START) and not _NEGATIVE_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


class _LastLine:
    """A file-like target that keeps only what ``csv.writer`` wrote last: one row."""

    text = ""

    def write(self, text: str) -> None:
        self.text = text


def csv_lines(header: Sequence[object], rows: Iterable[Sequence[object]], *,
              bom: bool = True) -> Iterator[str]:
    """The CSV text line by line (CRLF), every cell through ``safe_cell``: a generator
    to hand to a streamed response. The BOM makes Excel read the UTF-8 correctly."""
    target = _LastLine()
    writer = csv.writer(target)
    writer.writerow([safe_cell(cell) for cell in header])
    yield ("\ufeff" if bom else "") + target.text
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
        yield target.text


def template_csv(columns: Sequence[Column],
                 rows: Iterable[Sequence[object]] | None = None) -> bytes:
    """A file to fill in: the header and the columns' example row (or ``rows``), in
    UTF-8 with a BOM so that Excel opens it with Japanese intact."""
    body = rows if rows is not None else [[column.example for column in columns]]
    return "".join(csv_lines([column.name for column in columns], body)).encode("utf-8")
