"""`newsevents user add|token`: web users (hashed passwords) and their API tokens."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from newsevents.cli import app
from newsevents.cli.common import guarded
from newsevents.cli.ingest import DbOption, make_settings, open_db
from newsevents.errors import ConfigError

user_app = typer.Typer(help="Web users and API tokens.", no_args_is_help=True)
app.add_typer(user_app, name="user")


def read_password(env: str | None) -> str:
    if env:
        value = os.environ.get(env)
        if not value:
            raise ConfigError(f"${env} is empty or unset.", hint="Export the password in it, or leave out --password-env.")
        return value
    return typer.prompt("Password", hide_input=True, confirmation_prompt=True)


@user_app.command("add")
@guarded
def add(
    name: Annotated[str, typer.Argument(help="User name.")],
    db: DbOption = None,
    role: Annotated[str, typer.Option(help="analyst (review) or admin (also merge).")] = "analyst",
    password_env: Annotated[str | None, typer.Option(help="Read the password from this environment variable "
                                                           "instead of prompting.")] = None,
) -> None:
    """Add a user, or set the password and role of an existing one."""
    from newsevents.web.auth import add_user

    password = read_password(password_env)
    with open_db(db, make_settings()) as store:
        user = add_user(store, name, password, role)
    typer.echo(f"newsevents: user {user.name} ({user.role}) saved", err=True)


@user_app.command("token")
@guarded
def token(
    name: Annotated[str, typer.Argument(help="User name.")],
    db: DbOption = None,
    label: Annotated[str | None, typer.Option(help="What the token is for.")] = None,
) -> None:
    """Print a new API token for the user (only its hash is stored: keep it now)."""
    from newsevents.web.auth import new_token

    with open_db(db, make_settings()) as store:
        if store.user(name) is None:
            raise ConfigError(f"no user {name!r}.", hint="Add it first: newsevents user add NAME.")
        typer.echo(new_token(store, name, label))
