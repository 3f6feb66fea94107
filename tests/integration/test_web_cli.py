"""`newsevents user add|token` and `newsevents report` from the command line."""

from __future__ import annotations

from typer.testing import CliRunner
from web_support import fill_store

from newsevents.cli import app
from newsevents.store import open_store
from newsevents.web.auth import check_password, token_hash


def test_users_tokens_and_reports_from_the_command_line(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    fill_store(url)
    runner = CliRunner()
    monkeypatch.setenv("NE_TEST_PASSWORD", "a long test password")
    added = runner.invoke(app, ["user", "add", "carla", "--db", url, "--role", "admin",
                                "--password-env", "NE_TEST_PASSWORD"])
    assert added.exit_code == 0, added.output
    token = runner.invoke(app, ["user", "token", "carla", "--db", url]).stdout.strip()
    with open_store(url) as store:
        assert check_password(store.user("carla").password_hash, "a long test password")
        assert store.token_user(token_hash(token)) == "carla"
    short = runner.invoke(app, ["user", "add", "dan", "--db", url, "--password-env", "NE_TEST_SHORT"])
    assert short.exit_code == 3 and "Traceback" not in short.output
    out = tmp_path / "report.md"
    done = runner.invoke(app, ["report", "--db", url, "--country", "KZ", "--out", str(out)])
    assert done.exit_code == 0, done.output
    assert "Internet and telecom" in out.read_text() and (tmp_path / "report.map.svg").exists()
    bad = runner.invoke(app, ["report", "--db", url, "--out", str(tmp_path / "report.docx")])
    assert bad.exit_code == 3 and "html, .pdf or .md" in bad.output
