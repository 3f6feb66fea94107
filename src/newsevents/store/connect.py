"""Opening a store from a URL: which backend, where by default, connection errors as ConfigError,
and the Alembic migrations run on every open (a no-op when the schema is current)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from newsevents.errors import ConfigError
from newsevents.settings import Settings
from newsevents.store import postgres, sqlite
from newsevents.store.sql import WRITE_OPTION, SqlStore

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
MIGRATION_LOCK = 7_460_213_518  # any constant: PostgreSQL advisory lock that serialises migrations
HINT = "check host/port, user and database name, or use sqlite:///path"


def default_db_url() -> str:
    """``sqlite:///`` + newsevents.db in the user data dir ($XDG_DATA_HOME/newsevents on Linux)."""
    import platformdirs

    return f"sqlite:///{Path(platformdirs.user_data_dir('newsevents', appauthor=False)) / 'newsevents.db'}"


def parse_db_url(value: str) -> URL:
    """A SQLAlchemy URL for a database URL or a bare path (which means a SQLite file)."""
    if "://" not in value:
        return URL.create("sqlite", database=str(Path(value).expanduser()))
    try:
        url = make_url(value)
    except ArgumentError:
        raise ConfigError(f"{value!r} is not a database URL.", hint="Use sqlite:///path or postgresql://...") from None
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return url.set(drivername="sqlite")
    raise ConfigError(f"{url.drivername}:// databases are not supported.",
                      hint="Use sqlite:///path/to/file.db or postgresql://user@host:5432/dbname.")


def open_store(url: str | None = None, settings: Settings | None = None, *,
               create_dirs: bool | None = None) -> SqlStore:
    """The store at ``url`` (default: the user's SQLite file), its schema migrated to the current one.

    ``settings`` is taken for symmetry with the other stages (no store setting yet). Parent folders of
    a SQLite file are created only for the default location unless ``create_dirs`` says otherwise."""
    del settings
    create = url is None if create_dirs is None else create_dirs
    target = parse_db_url(url or default_db_url())
    shown = target.set(drivername=target.get_backend_name()).render_as_string(hide_password=True)
    if target.get_backend_name() == "sqlite":
        _check_sqlite_path(target, shown, create)
        store: SqlStore = sqlite.SqliteStore(sqlite.make_engine(target), shown)
    else:
        store = postgres.PostgresStore(postgres.make_engine(target), shown)
    try:
        migrate(store.engine, shown)
    except BaseException:
        store.close()
        raise
    return store


def _check_sqlite_path(url: URL, shown: str, create: bool) -> None:
    path = sqlite.database_path(url)
    if path is None:
        return
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    elif not path.parent.is_dir():
        raise ConfigError(f"cannot open {shown}: the folder {path.parent} does not exist.",
                          hint="Create it, or give another path: sqlite:///path/to/file.db.")


def migrate(engine: Engine, shown: str) -> None:
    """Bring the schema to the newest revision in one transaction (PostgreSQL: under an advisory lock)."""
    from alembic import command  # imported here: alembic takes a noticeable time to import
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.util.exc import CommandError

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.connect() as conn:
            conn.execution_options(**{WRITE_OPTION: True})
            with conn.begin():
                if engine.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
                if MigrationContext.configure(conn).get_current_revision() == _head(config):
                    return
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
    except DBAPIError as exc:
        raise ConfigError(f"cannot connect to {shown} ({_reason(exc.orig)}):", hint=_hint(engine)) from None
    except CommandError as exc:
        raise ConfigError(f"the database at {shown} has a schema this newsevents does not know ({exc}).",
                          hint="Upgrade newsevents, or use another database.") from None


def _head(config: Config) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(config).get_current_head()


def _hint(engine: Engine) -> str:
    return HINT if engine.dialect.name == "postgresql" else "check the path, or use another sqlite:///path"


def _reason(error: BaseException | None) -> str:
    """The gist of a driver error: its first line, without psycopg's "connection to ... failed:" preamble."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    if not lines:
        return type(error).__name__
    gist = lines[0].rsplit(" failed: ", 1)[-1]
    return " ".join(gist.removeprefix("FATAL:").split())

