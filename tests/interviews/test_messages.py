"""Hiring's one error table: every code has one meaning in the whole package."""

from cshire.interviews import messages


def _area_tables() -> dict[str, dict]:
    return {name: table for name in dir(messages)
            if name.endswith(("_MESSAGES", "_PROBLEMS"))
            and isinstance(table := getattr(messages, name), dict)}


def test_no_code_means_two_things():
    meanings: dict[str, set[str]] = {}
    for table in _area_tables().values():
        for code, text in table.items():
            meanings.setdefault(code, set()).add(str(getattr(text, "singular", text)))
    assert {code: texts for code, texts in meanings.items() if len(texts) > 1} == {}


def test_the_one_table_holds_every_areas_codes():
    for name, table in _area_tables().items():
        owner = (messages.CandidateImportError if name.startswith("CANDIDATE_IMPORT")
                 else messages.HiringError)
        assert set(table) <= set(owner.messages), name
