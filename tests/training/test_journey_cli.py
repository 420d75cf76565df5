"""``flask cshire import-journey`` / ``export-journey``: exit codes and output."""

import json

from cshire.extensions import db
from cshire.training.models.journey import Journey
from tests.training import factories as make
from tests.training.test_journey_json import SAMPLE


def _invoke(app, *args):
    return app.test_cli_runner().invoke(args=["cshire", *args])


def test_import_creates_the_journey_and_says_what_changed(app, tmp_path):
    path = tmp_path / "journey.json"
    path.write_text(json.dumps(SAMPLE), encoding="utf-8")
    result = _invoke(app, "import-journey", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[:2] == ["Journey saas created.", "  stage onboarding: added"]
    db.session.expire_all()
    assert db.session.query(Journey).one().code == "saas"
    again = _invoke(app, "import-journey", str(path))
    assert again.exit_code == 0 and again.stdout == "Journey saas: nothing to change.\n"


def test_a_refused_import_exits_non_zero_with_every_problem(app, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"code": "x", "name": "X", "stages": [{"name": "A"}]}))
    result = _invoke(app, "import-journey", str(path))
    assert result.exit_code == 1
    assert "stages[0].code: missing" in result.stderr
    assert "nothing was changed" in result.stderr
    assert db.session.query(Journey).count() == 0


def test_export_writes_both_languages_to_stdout_or_a_file(app, tmp_path):
    make.journey(code="saas")
    db.session.commit()
    printed = _invoke(app, "export-journey", "saas")
    assert printed.exit_code == 0
    data = json.loads(printed.stdout)
    assert data["stages"][0]["name"] == {"en": "Onboarding", "ja": "onboarding（日本語）"}
    target = tmp_path / "out.json"
    written = _invoke(app, "export-journey", "saas", "-o", str(target))
    assert written.exit_code == 0 and json.loads(target.read_text("utf-8")) == data
    missing = _invoke(app, "export-journey", "nope")
    assert missing.exit_code == 1 and "no journey with the code 'nope'" in missing.stderr
