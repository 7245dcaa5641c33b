"""The store's connection: reads through `sqlite3` alone, sqlite-utils for the rest.

Showing the home screen only reads the database, and importing sqlite-utils (with click,
pluggy and dateutil behind it) costs tens of milliseconds of every start. `Database` runs
statements itself, with sqlite-utils' rule for writes outside a transaction (each is
committed at once), and hands everything else (`table`, `atomic`, `db["name"]`, ...) to a
`sqlite_utils.Database` over the same connection, made the first time one is asked for.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils
    from sqlite_utils.db import Table

# Statements that open or close a transaction themselves: never committed behind them.
_TRANSACTION_CONTROL = frozenset(("BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"))


def first_keyword(sql: str) -> str:
    """The first keyword of `sql`, upper case, after blanks, comments and empty statements."""
    i, n = 0, len(sql)
    while i < n:
        if sql[i].isspace() or sql[i] in (";", "\ufeff"):
            i += 1
        elif sql.startswith("--", i):
            newline = sql.find("\n", i)
            if newline == -1:
                return ""
            i = newline + 1
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            if end == -1:
                return ""
            i = end + 2
        else:
            break
    j = i
    while j < n and (sql[j].isalpha() or sql[j] == "_"):
        j += 1
    return sql[i:j].upper()


class Database:
    """One SQLite connection: `execute` and the journal mode here, the rest of
    sqlite-utils' `Database` through `full`."""

    def __init__(self, conn: sqlite3.Connection,
                 full: sqlite_utils.Database | None = None) -> None:
        self.conn = conn
        self._full = full
        self._tracer: Callable[[str, Any], object] | None = None
        if full is None:  # as sqlite-utils' own Database does: REPLACE fires delete triggers
            conn.execute("PRAGMA recursive_triggers=on")

    @classmethod
    def open(cls, path: Path) -> Database:
        return cls(sqlite3.connect(str(path)))

    @classmethod
    def memory(cls) -> Database:
        return cls(sqlite3.connect(":memory:"))

    @classmethod
    def of(cls, db: Database | sqlite_utils.Database) -> Database:
        """`db` itself, or a `Database` over a sqlite-utils one (kept as its `full`)."""
        return db if isinstance(db, Database) else cls(db.conn, db)

    @property
    def full(self) -> sqlite_utils.Database:
        """sqlite-utils' `Database` over this connection (imported on first use)."""
        if self._full is None:
            from kiosk.directory.sqlite_import import import_sqlite_utils

            import_sqlite_utils()
            from sqlite_utils import Database as Full

            self._full = Full(self.conn, execute_plugins=False)
        return self._full

    def execute(self, sql: str,
                parameters: Sequence[Any] | dict[str, Any] | None = None) -> sqlite3.Cursor:
        """As sqlite-utils' `execute`: a write outside a transaction is committed at once,
        and a failed statement leaves no transaction open behind it."""
        tracer = self._tracer or getattr(self._full, "_tracer", None)
        if tracer is not None:
            tracer(sql, parameters)
        was_in_transaction = self.conn.in_transaction
        try:
            cursor = (self.conn.execute(sql) if parameters is None
                      else self.conn.execute(sql, parameters))
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        if (not was_in_transaction and self.conn.in_transaction
                and cursor.description is None
                and first_keyword(sql) not in _TRANSACTION_CONTROL):
            self.conn.execute("COMMIT")
        return cursor

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def tracer(self, tracer: Callable[[str, Any], object] | None = None) -> Iterator[Database]:
        """Every statement run meanwhile, here or by sqlite-utils, passed to `tracer`."""
        before, self._tracer = self._tracer, tracer
        try:
            with self.full.tracer(tracer):  # type: ignore[arg-type]
                yield self
        finally:
            self._tracer = before

    @property
    def journal_mode(self) -> str:
        return str(self.execute("PRAGMA journal_mode;").fetchone()[0])

    def enable_wal(self) -> None:
        self.full.enable_wal()

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """One transaction (a savepoint inside another), as sqlite-utils' `atomic`."""
        with self.full.atomic():
            yield self

    def table(self, name: str, **kwargs: Any) -> Table:
        return self.full.table(name, **kwargs)

    def table_names(self, fts4: bool = False, fts5: bool = False) -> list[str]:
        return self.full.table_names(fts4=fts4, fts5=fts5)

    def __getitem__(self, name: str) -> Any:  # a Table or a View
        return self.full[name]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.full, name)
