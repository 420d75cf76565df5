"""The shared CSV reader and writer (cshire.csv_import), without HTTP."""

import io
import random
from datetime import date
from decimal import Decimal

import pytest
from flask_babel import force_locale
from hypothesis import given
from hypothesis import strategies as st

from cshire.auth.models import User
from cshire.csv_import import (
    CellError,
    Column,
    CsvImport,
    CsvImportError,
    csv_lines,
    decimal_number,
    email_address,
    format_problems,
    in_batches,
    integer,
    iso_date,
    max_length_of,
    one_of,
    safe_cell,
    template_csv,
    text,
    yes_no,
)
from cshire.interviews.models.candidates import Candidate

COLUMNS = (
    Column("name", required=True, max_length=20, example="Aiko Sato"),
    Column("email", required=True, parse=email_address, example="aiko@example.com"),
    Column("team", default="", example="Enterprise"),
)
HEADER = "name,email,team\r\n"


def reader(data: bytes | str, columns=COLUMNS, **options) -> CsvImport:
    source = data.encode() if isinstance(data, str) else data
    return CsvImport(source, columns, max_rows=options.pop("max_rows", None), **options)


def values(source: CsvImport) -> list[tuple]:
    return [(row.line, *row.values.values()) for row in source]


def problems(source: CsvImport) -> list[tuple]:
    return [(p.line, p.code) for p in source.problems.kept()]


def refusal(data: bytes | str, columns=COLUMNS, **options) -> CsvImportError:
    with pytest.raises(CsvImportError) as caught:
        list(reader(data, columns, **options))
    return caught.value


# --- decoding ----------------------------------------------------------------------------


def test_utf8_file_is_read_with_line_numbers_from_the_header():
    source = reader(HEADER + "Aiko,Aiko@Example.com,Enterprise\r\nBen,ben@example.com,\r\n")
    assert values(source) == [(2, "Aiko", "aiko@example.com", "Enterprise"),
                              (3, "Ben", "ben@example.com", "")]
    assert source.encoding == "utf-8"
    assert not source.problems


def test_utf8_bom_is_not_part_of_the_first_column_name():
    source = reader(("\ufeff" + HEADER + "青木,aoki@example.jp,営業\r\n").encode())
    assert values(source) == [(2, "青木", "aoki@example.jp", "営業")]


def test_shift_jis_file_from_japanese_excel_is_read():
    # 髙 and ① exist only in cp932 (Microsoft's Shift_JIS), which is what Excel writes.
    data = (HEADER + "髙橋 ①,takahashi@example.jp,カスタマーサクセス\r\n").encode("cp932")
    source = reader(data)
    assert values(source) == [(2, "髙橋 ①", "takahashi@example.jp", "カスタマーサクセス")]
    assert source.encoding == "cp932"


def test_shift_jis_is_detected_when_the_japanese_comes_after_the_first_megabyte():
    rows = "".join(f"user {n},user{n}@example.com,team\r\n" for n in range(40_000))
    data = (HEADER + rows + "佐藤,sato@example.jp,チーム\r\n").encode("cp932")
    source = reader(data, [Column(name) for name in ("name", "email", "team")])
    assert len(data) > 1 << 20
    assert list(source)[-1].values["name"] == "佐藤"
    assert source.encoding == "cp932"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
def test_utf16_and_utf32_files_are_refused(encoding):
    error = refusal((HEADER + "Aiko,aiko@example.com,x\r\n").encode(encoding))
    assert error.code == "csv_encoding"


@pytest.mark.parametrize("row", ["Zoë,zoe@example.com,Müller", "Ann,ann@example.com,100\xa0EUR"])
def test_latin1_text_that_is_neither_utf8_nor_shift_jis_is_refused(row):
    # A lone 0xA0 (latin-1's no-break space) decodes in cp932 to a placeholder, not text.
    error = refusal((HEADER + row + "\r\n").encode("latin-1"))
    assert error.code == "csv_encoding"


def test_binary_file_is_refused():
    data = b"\x89PNG\r\n\x1a\n" + random.Random(7).randbytes(4096)
    assert refusal(data).code == "csv_encoding"


def test_excel_workbook_is_refused_with_its_own_advice():
    assert refusal(b"PK\x03\x04\x14\x00\x06\x00" + bytes(64)).code == "csv_workbook"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_every_newline_convention_gives_the_same_rows_and_lines(newline):
    data = newline.join(["name,email,team", "Aiko,aiko@example.com,x", "",
                         'Ben,ben@example.com,"two', 'lines"', "Cy,cy@example.com,z", ""])
    rows = list(reader(data))
    assert [(row.line, row["name"]) for row in rows] == [(2, "Aiko"), (4, "Ben"), (6, "Cy")]
    assert rows[1]["team"] == f"two{newline}lines"


def test_a_second_iteration_rereads_the_stream_and_leaves_it_open():
    stream = io.BytesIO((HEADER + "Aiko,aiko@example.com,x\r\nBen,bad,y\r\n").encode())
    source = CsvImport(stream, COLUMNS, max_rows=None)
    first, second = values(source), values(source)
    assert first == second == [(2, "Aiko", "aiko@example.com", "x")]
    assert problems(source) == [(3, "csv_email")]  # not recorded twice
    assert not stream.closed


# --- header ------------------------------------------------------------------------------


def test_header_is_matched_in_any_case_order_and_spacing():
    source = reader(" TEAM ,Email, Name\r\nx,aiko@example.com,Aiko\r\n")
    assert values(source) == [(2, "Aiko", "aiko@example.com", "x")]


def test_missing_optional_column_gives_its_default():
    source = reader("email,name\r\naiko@example.com,Aiko\r\n")
    assert values(source) == [(2, "Aiko", "aiko@example.com", "")]
    assert source.columns_in_file == ("email", "name")


def test_missing_and_unexpected_columns_are_named_in_one_message(app):
    error = refusal("name,phone,fax\r\nAiko,1,2\r\n")
    assert error.code == "csv_header_mismatch"
    assert error.params["missing"] == "email"
    assert error.params["unexpected"] == "phone, fax"
    message = error.message()
    assert "email" in message and "phone, fax" in message and "name, email, team" in message


def test_only_missing_or_only_unexpected_columns_have_their_own_message():
    assert refusal("name\r\nAiko\r\n").code == "csv_header_missing"
    assert refusal("name,email,name\r\nA,a@example.com,B\r\n").code == "csv_header_unexpected"


def test_header_is_the_first_non_empty_line():
    source = reader("\r\n,,\r\n" + HEADER + "Aiko,aiko@example.com,x\r\n")
    assert values(source) == [(4, "Aiko", "aiko@example.com", "x")]
    assert source.header_line == 3


def test_empty_file_and_header_without_rows_are_refused():
    assert refusal("").code == "csv_empty"
    assert refusal("\r\n \r\n").code == "csv_empty"
    source = reader(HEADER + "\r\n")
    assert values(source) == []
    assert problems(source) == [(1, "csv_no_rows")]


# --- caps and broken lines ---------------------------------------------------------------


def test_row_cap_refuses_the_file_beyond_it_and_ignores_blank_lines():
    rows = "".join(f"u{n},u{n}@example.com,\r\n\r\n" for n in range(3))
    assert len(list(reader(HEADER + rows, max_rows=3))) == 3
    error = refusal(HEADER + rows + "u4,u4@example.com,\r\n", max_rows=3)
    assert error.code == "csv_too_many_rows"
    assert error.params == {"max": 3}


def test_no_row_cap_when_none():
    rows = "".join(f"u{n},u{n}@example.com,\r\n" for n in range(50))
    assert len(list(reader(HEADER + rows, max_rows=None))) == 50


def test_value_over_the_field_cap_is_a_row_problem_and_reading_goes_on():
    data = HEADER + f"Aiko,aiko@example.com,{'x' * 101}\r\nBen,ben@example.com,y\r\n"
    source = reader(data, max_field_chars=100)
    assert values(source) == [(3, "Ben", "ben@example.com", "y")]
    assert problems(source) == [(2, "csv_field_too_large")]


@pytest.mark.parametrize("quote", ['"', ""])
def test_field_beyond_the_csv_module_limit_is_a_problem_not_a_crash(quote):
    huge = quote + "x" * 200_000 + quote
    data = HEADER + f"Aiko,aiko@example.com,a\r\nBen,ben@example.com,{huge}\r\nCy,c@x.org,\r\n"
    source = reader(data)
    assert [row["name"] for row in source] == ["Aiko"]
    assert problems(source) == [(3, "csv_unreadable")]


def test_unclosed_quote_in_a_large_file_is_reported_where_it_opens():
    rows = "".join(f"u{n},u{n}@example.com,x\r\n" for n in range(10_000))
    source = reader(HEADER + 'Aiko,aiko@example.com,"never closed\r\n' + rows)
    assert list(source) == []
    assert problems(source) == [(2, "csv_unreadable")]


def test_nul_byte_is_a_row_problem():
    source = reader(HEADER + "Ai\x00ko,aiko@example.com,x\r\nBen,ben@example.com,y\r\n")
    assert [row.line for row in source] == [3]
    assert problems(source) == [(2, "csv_nul")]


def test_more_values_than_columns_is_a_row_problem_but_empty_extra_cells_are_not():
    source = reader(HEADER + "Aiko,aiko@example.com,x,surplus\r\nBen,ben@example.com,y,,\r\n")
    assert [row.line for row in source] == [3]
    assert problems(source) == [(2, "csv_too_many_values")]
    assert source.problems.kept()[0].params == {"found": 4, "expected": 3}


def test_value_under_a_nameless_column_is_a_row_problem():
    source = reader("name,email,,team\r\nAiko,aiko@example.com,,x\r\nBen,ben@example.com,?,y\r\n")
    assert [row.line for row in source] == [2]
    assert problems(source) == [(3, "csv_unnamed_value")]


def test_problem_lines_count_physical_lines_of_multi_line_values():
    data = (HEADER + 'Aiko,aiko@example.com,"two\r\nlines"\r\n'
            "Ben,not-an-email,x\r\n"
            '"Cy\r\n\r\nCy",cy@,x\r\n'
            "\r\n"
            "Dee,dee@example.com,x\r\n")
    source = reader(data)
    assert [row.line for row in source] == [2, 9]
    assert problems(source) == [(4, "csv_email"), (5, "csv_email")]


# --- values ------------------------------------------------------------------------------


def test_required_empty_and_too_long_values_name_their_column():
    source = reader(HEADER + f" ,aiko@example.com,x\r\n{'n' * 21},ben@example.com,y\r\n")
    assert list(source) == []
    first, second = source.problems.kept()
    assert (first.code, first.field, first.params) == ("csv_required", "name", {"column": "name"})
    assert (second.code, second.params) == ("csv_too_long",
                                            {"column": "name", "length": 21, "max": 20})


def test_max_length_is_read_from_a_string_model_column():
    assert max_length_of(User.display_name) == 120
    assert max_length_of(User.__table__.c.email) == User.email.type.length
    assert max_length_of(Candidate.notes) is None  # Text: no length
    with pytest.raises(TypeError):
        max_length_of(User.id)


@pytest.mark.parametrize(("parse", "given", "expected"), [
    (text, "as it is", "as it is"),
    (email_address, "Aiko.Sato@Example.COM", "aiko.sato@example.com"),
    (iso_date, "2024-02-29", date(2024, 2, 29)),
    (iso_date, "2024/2/3", date(2024, 2, 3)),
    (integer(), "-3", -3),
    (integer(), "+007", 7),
    (integer(minimum=1, maximum=5), "5", 5),
    (decimal_number(), "-0.5", Decimal("-0.5")),
    (decimal_number(), ".25", Decimal("0.25")),
    (decimal_number(minimum=0, maximum=1, places=2), "0.75", Decimal("0.75")),
    (yes_no, "YES", True), (yes_no, "true", True), (yes_no, "1", True), (yes_no, "はい", True),
    (yes_no, "No", False), (yes_no, "FALSE", False), (yes_no, "0", False),
    (one_of("Enterprise", "SMB"), "smb", "SMB"),
])
def test_parser_accepts_good_values(parse, given, expected):
    assert parse(given) == expected


@pytest.mark.parametrize(("parse", "given", "code"), [
    (email_address, "aiko@", "csv_email"),
    (email_address, "aiko sato@example.com", "csv_email"),
    (iso_date, "2023-02-29", "csv_date"),
    (iso_date, "2024-1-2", "csv_date"),
    (iso_date, "20240102", "csv_date"),
    (iso_date, "tomorrow", "csv_date"),
    (integer(), "1.5", "csv_integer"),
    (integer(), "１２", "csv_integer"),
    (integer(), "1e3", "csv_integer"),
    (integer(minimum=1, maximum=5), "0", "csv_below_minimum"),
    (integer(minimum=1, maximum=5), "6", "csv_above_maximum"),
    (decimal_number(), "1,5", "csv_decimal"),
    (decimal_number(), "NaN", "csv_decimal"),
    (decimal_number(), "1e3", "csv_decimal"),
    (decimal_number(places=2), "0.125", "csv_decimal_places"),
    (decimal_number(minimum=0), "-0.1", "csv_below_minimum"),
    (yes_no, "maybe", "csv_yes_no"),
    (one_of("Enterprise", "SMB"), "Mid-market", "csv_choice"),
])
def test_parser_refuses_bad_values_with_a_code(parse, given, code):
    with pytest.raises(CellError) as caught:
        parse(given)
    assert caught.value.code == code


def test_parser_problem_carries_column_value_and_parser_params(app):
    columns = (Column("score", parse=integer(minimum=1, maximum=5)),)
    source = reader("score\r\n9\r\n", columns)
    assert list(source) == []
    problem = source.problems.kept()[0]
    assert problem.params == {"column": "score", "value": "9", "max": 5}
    assert CsvImportError.text_for(problem.code, problem.params) == "score: 9 is more than 5."


# --- all or nothing, problems and their text ---------------------------------------------


class TeamImportError(CsvImportError):
    messages = {"duplicate_email": "%(email)s is already on line %(first)s.",
                "not_a_team": "%(column)s: there is no team %(value)s."}


def team_parser(value: str) -> str:
    if value not in {"Enterprise", "SMB"}:
        raise CellError("not_a_team")
    return value


def import_people(data: str, written: list) -> None:
    """How a service uses the reader: check every row, then write or raise."""
    source = reader(data, (*COLUMNS[:2], Column("team", parse=team_parser)),
                    error_class=TeamImportError)
    first_line: dict[str, int] = {}
    rows = []
    for row in source:
        if row["email"] in first_line:
            source.add_problem(row.line, "duplicate_email", field="email",
                               email=row["email"], first=first_line[row["email"]])
        first_line.setdefault(row["email"], row.line)
        rows.append(row)
    source.raise_if_problems()
    written.extend(rows)


def test_one_bad_row_means_nothing_is_written_and_every_problem_is_reported(app):
    written: list = []
    data = (HEADER + "Aiko,aiko@example.com,SMB\r\nBen,BEN@example.com,Retail\r\n"
            "Cy,cy@,SMB\r\nAiko S,Aiko@Example.com,SMB\r\n")
    with pytest.raises(TeamImportError) as caught:
        import_people(data, written)
    assert written == []
    assert format_problems(caught.value) == [
        "Line 3: team: there is no team Retail.",
        "Line 4: email: “cy@” is not a valid email address.",
        "Line 5: aiko@example.com is already on line 2.",
    ]
    assert caught.value.message() == "Nothing was imported: 3 problems to fix in the file."


def test_good_file_is_written_whole():
    written: list = []
    import_people(HEADER + "Aiko,aiko@example.com,SMB\r\nBen,ben@example.com,\r\n", written)
    assert [row["team"] for row in written] == ["SMB", None]


def test_subclass_messages_keep_the_readers_own():
    assert TeamImportError.messages["csv_email"] is CsvImportError.messages["csv_email"]
    assert "duplicate_email" in TeamImportError.messages
    assert "duplicate_email" not in CsvImportError.messages


def test_problems_are_capped_with_a_count_of_the_rest(app):
    rows = "".join(f"u{n},not-an-email,\r\n" for n in range(500))
    source = reader(HEADER + rows, max_problems=200)
    source.add_problem(1, "csv_no_rows")  # added last, kept first: lowest line
    list(source)
    with pytest.raises(CsvImportError) as caught:
        source.raise_if_problems()
    error = caught.value
    assert error.params == {"count": 501, "more": 301}
    assert [p.line for p in error.problems] == [1, *range(2, 201)]
    lines = format_problems(error)
    assert len(lines) == 201
    assert lines[-1] == "…and 301 more problems not shown."


def test_problems_are_formatted_in_the_users_language(app):
    source = reader(HEADER + "Aiko,aiko@,x\r\n")
    list(source)
    with pytest.raises(CsvImportError) as caught:
        source.raise_if_problems()
    with app.test_request_context(), force_locale("ja"):
        (line,) = format_problems(caught.value)
    assert line.startswith("2行目：")
    assert "aiko@" in line


def test_a_large_file_can_be_checked_in_one_pass_and_written_in_batches_in_another():
    rows = "".join(f"u{n},u{n}@example.com,\r\n" for n in range(2_500))
    source = reader(HEADER + rows)
    assert sum(1 for _ in source) == 2_500
    source.raise_if_problems()
    sizes = [len(batch) for batch in in_batches(source, 1_000)]
    assert sizes == [1_000, 1_000, 500]
    assert source.row_count == 2_500


def test_web_imports_are_capped_at_ten_thousand_rows_by_default(app):
    assert app.config["CSV_IMPORT_MAX_ROWS"] == 10_000


# --- writer and template -----------------------------------------------------------------


@pytest.mark.parametrize(("cell", "written"), [
    ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
    ("+81 3 1234", "'+81 3 1234"),
    ("-1+2", "'-1+2"),
    ("-", "'-"),
    ("@cmd", "'@cmd"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ("-3", "-3"),
    ("-0.5", "-0.5"),
    (-3, "-3"),
    (Decimal("-0.50"), "-0.50"),
    (-1e-07, "-1e-07"),
    ("a=b", "a=b"),
    (None, ""),
    (date(2024, 1, 2), "2024-01-02"),
])
def test_writer_neutralises_formulas_but_keeps_negative_numbers(cell, written):
    assert safe_cell(cell) == written


def test_csv_lines_stream_one_crlf_line_per_row_after_a_bom():
    lines = list(csv_lines(["name", "note"], [["Aiko", "two\nlines"], ["=1", -2]]))
    assert lines == ['\ufeffname,note\r\n', 'Aiko,"two\nlines"\r\n', "'=1,-2\r\n"]
    assert not "".join(csv_lines(["a"], [], bom=False)).startswith("\ufeff")


def test_template_has_a_bom_the_header_and_an_example_row_the_reader_accepts():
    data = template_csv(COLUMNS)
    assert data.startswith(b"\xef\xbb\xbfname,email,team\r\n")
    assert values(reader(data)) == [(2, "Aiko Sato", "aiko@example.com", "Enterprise")]


def test_template_can_carry_prefilled_rows():
    data = template_csv(COLUMNS, [["髙橋", "t@example.jp", ""]])
    assert data.decode("utf-8-sig") == HEADER + "髙橋,t@example.jp,\r\n"


cell = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               max_size=20).map(str.strip).filter(lambda value: safe_cell(value) == value)


@given(st.lists(st.lists(cell, min_size=3, max_size=3), max_size=15))
def test_what_the_writer_writes_the_reader_reads_back(rows):
    columns = [Column(f"c{n}", default="") for n in range(3)]
    data = "".join(csv_lines([c.name for c in columns], rows)).encode()
    read = [list(row.values.values()) for row in reader(data, columns)]
    assert read == [row for row in rows if any(row)]
