"""Database URLs: which backend, the default location, and one clear ConfigError for every bad URL."""

from __future__ import annotations

import socket

import pytest

from newsevents.errors import ConfigError
from newsevents.store import default_db_url, open_store, parse_db_url


def test_a_bare_path_means_a_sqlite_file(tmp_path):
    url = parse_db_url(str(tmp_path / "corpus.db"))
    assert url.get_backend_name() == "sqlite" and url.database == str(tmp_path / "corpus.db")


@pytest.mark.parametrize("value", ["postgresql://u@h:5432/db", "postgres://u@h/db", "postgresql+psycopg2://u@h/db"])
def test_every_postgresql_spelling_uses_psycopg_3(value):
    assert parse_db_url(value).drivername == "postgresql+psycopg"


def test_an_unsupported_scheme_says_what_is_supported():
    with pytest.raises(ConfigError, match="mysql:// databases are not supported.*sqlite:///"):
        parse_db_url("mysql://u@h/db")


def test_the_default_is_a_sqlite_file_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_db_url() == f"sqlite:///{tmp_path / 'newsevents' / 'newsevents.db'}"


def test_the_default_location_is_created_when_missing(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with open_store() as store:
        assert store.counts().documents == 0
    assert (tmp_path / "data" / "newsevents" / "newsevents.db").is_file()


def test_a_sqlite_file_in_a_missing_folder_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        open_store(f"sqlite:///{tmp_path / 'no' / 'such' / 'x.db'}")


def test_a_file_that_is_not_a_database_is_a_config_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are notes, not a database\n" * 200)
    with pytest.raises(ConfigError, match="cannot connect to sqlite.*not a database"):
        open_store(str(path))


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_unreachable_server_is_one_config_error_without_the_password():
    url = f"postgresql://someone:s3cret@127.0.0.1:{_closed_port()}/nothing"
    with pytest.raises(ConfigError) as caught:
        open_store(url)
    message = str(caught.value)
    assert message.startswith("cannot connect to postgresql://someone:***@127.0.0.1:")
    assert "check host/port" in message and "sqlite:///path" in message
    assert "s3cret" not in message and "\n" not in message


def test_in_memory_sqlite_keeps_one_database_for_the_whole_store():
    from newsevents.model import Rejection

    with open_store("sqlite://") as store:
        store.add_rejection(Rejection("a.txt", "empty", "empty"))
        assert store.counts().rejections == 1  # another connection, the same memory database
