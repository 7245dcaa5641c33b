"""The kiosk's database: one SQLite file, read and written through `Store`.

The store is handed a `Database` (`kiosk.directory.database`: plain statements itself,
sqlite-utils for the rest; a file at run time, memory in tests), turns on WAL and foreign
keys, applies pending migrations, and offers the queries the screens need without any of
them knowing SQL.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.directory import rows, schema
from kiosk.directory.database import Database
from kiosk.directory.id_list import IdList
from kiosk.directory.model import (
    Category,
    Directory,
    DirectoryInfo,
    Resource,
    Topic,
)
from kiosk.directory.records import Record
from kiosk.directory.sql_errors import StorageError, at_the_border, known_error
from kiosk.directory.sql_ids import among, ids_param

if TYPE_CHECKING:
    import sqlite3

    import sqlite_utils

Clock = Callable[[], dt.datetime]

# Inserting at least this many resources at once indexes them for search in one statement
# after they are written, instead of row by row (about four times quicker).
BULK_INDEX_MIN = 200
# Resource lists kept in memory (the largest of 100,000 resources is about 1 MB).
LIST_CACHE_SIZE = 16
FIRST_ROWS = 200  # a list's first screenful, read before the rest (`list_start`)
READ_AHEAD_ROWS = 2000  # a list read ahead, per piece (about 1 ms at 100,000 entries)


def _now() -> dt.datetime:
    return dt.datetime.now()


def _id_pieces(cursor: sqlite3.Cursor, rows: int) -> Iterator[IdList]:
    """The ids a list query's `cursor` gives, `rows` at a time, each piece an `IdList` at
    once: a long list is never a list of a str per id (see `IdList.joined`), and a piece's
    rows are let go of before the next is asked for."""
    while True:
        piece = cursor.fetchmany(rows)
        if not piece:
            return
        ids, more = IdList([row[0] for row in piece]), len(piece) == rows
        del piece
        yield ids
        if not more:
            return


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class ListEntry(Record):
    """What one row of a resource list shows; cheap to fetch for thousands of rows."""

    id: str
    name_en: str
    name_es: str
    town: str
    statewide: bool
    main_phone: str
    has_hours: bool
    is_free: bool
    speaks_spanish: bool

    def name(self, lang: str) -> str:
        return self.name_es if lang == "es" and self.name_es else self.name_en


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class ListFilter(Record):
    """The visitor's filters on a category screen."""

    near_town: str = ""  # the kiosk's town: resources there or serving it (and statewide)
    near_county: str = ""
    statewide_only: bool = False
    open_now: bool = False
    free: bool = False
    spanish: bool = False


# The write-ahead log is cut back to this size after each checkpoint, so that one large
# import (or a failed one on a nearly full disk) does not keep its space for ever.
WAL_SIZE_LIMIT = 4 * 1024 * 1024


class Store:
    def __init__(self, db: Database | sqlite_utils.Database, clock: Clock = _now,
                 read_only: bool = False) -> None:
        self.db = Database.of(db)
        self.clock = clock
        # True when the kiosk shows its directory from a file it cannot write (a full or
        # read-only disk): visitors see everything, staff are told nothing can be saved.
        self.read_only = read_only
        # Messages for staff that could not be written to the database (see backups.add_notice).
        self.unsaved_notices: list[tuple[str, str, str]] = []
        self._lists: dict[tuple[Any, ...], tuple[Any, IdList]] = {}
        self.db.execute("PRAGMA foreign_keys = ON")
        if read_only:
            if schema.pending(self.db):
                raise StorageError("The kiosk's database is from an older version and "
                                   "cannot be brought up to date while it is read-only.",
                                   "read-only")
        else:
            schema.apply(self.db)

    @classmethod
    def open(cls, path: Path, clock: Clock = _now) -> Store:
        """The database at `path`, created if new. SQLite's and the disk's failures arrive
        as `StorageError` or `DamagedDatabase` (kiosk.directory.sql_errors)."""
        with at_the_border(path):
            path.parent.mkdir(parents=True, exist_ok=True)
            db = Database.open(path)
            try:
                if db.journal_mode != "wal":
                    db.enable_wal()
                db.execute("PRAGMA synchronous = NORMAL")
                db.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")
                return cls(db, clock)
            except BaseException:
                db.close()
                raise

    @classmethod
    def open_read_only(cls, path: Path, clock: Clock = _now) -> Store:
        """The database at `path` for reading only, when it cannot be opened for writing.

        First as a normal read-only connection (it still sees the write-ahead log); if even
        that needs a write (the log's index cannot be made on a read-only or full disk), as
        an immutable file, which shows what was last checkpointed.
        """
        import sqlite3

        last: BaseException | None = None
        for query in ("mode=ro", "immutable=1"):
            try:
                conn = sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True)
                db = Database(conn)
                db.execute("select count(*) from sqlite_master").fetchone()
                return cls(db, clock, read_only=True)
            except sqlite3.Error as error:
                last = error
        assert last is not None
        known = known_error(last, path)
        raise known if known is not None else last

    @classmethod
    def memory(cls, clock: Clock = _now) -> Store:
        return cls(Database.memory(), clock)

    def close(self) -> None:
        kept = getattr(self, "_kiosk_state", None)  # kiosk.directory.state, opened on use
        if kept is not None:
            kept.close()
        self.db.close()

    def take_over(self, other: Store) -> None:
        """Carry on with `other`'s connection, closing this store's own: the database file
        was replaced while the screens held this store (restored from a backup after damage
        found once the kiosk was up, `kiosk.app`)."""
        old, self.db = self.db, other.db
        if old is not other.db:
            old.close()
        self.read_only = other.read_only
        self.unsaved_notices += other.unsaved_notices
        self._lists.clear()

    def now_text(self) -> str:
        return self.clock().isoformat(timespec="seconds")

    # -- reading ----------------------------------------------------------------------------

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> Iterator[dict[str, Any]]:
        cursor = self.db.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        for values in cursor:
            yield dict(zip(names, values, strict=True))

    def is_empty(self) -> bool:
        """No resources and no categories: asked at every start, so it reads one row of
        each table at most (counting 100,000 rows took 4 ms before the first frame)."""
        return not self.db.execute("select exists (select 1 from resources) or "
                                   "exists (select 1 from categories)").fetchone()[0]

    def info(self) -> DirectoryInfo:
        values = dict(self.db.execute("select key, value from directory_info").fetchall())
        published = values.get("published")
        return DirectoryInfo(values.get("name", ""), values.get("region", ""),
                             dt.date.fromisoformat(published) if published else None)

    def categories(self, include_hidden: bool = False) -> list[Category]:
        where = "" if include_hidden else "where hidden = 0"
        return [rows.category_from_row(r) for r in
                self._rows(f"select * from categories {where} order by position, slug")]

    def category(self, slug: str) -> Category | None:
        found = list(self._rows("select * from categories where slug = ?", [slug]))
        return rows.category_from_row(found[0]) if found else None

    def _categories_of(self, ids: list[str]) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {i: [] for i in ids}
        for rid, cat in self.db.execute(
            "select resource_id, category from resource_categories "
            f"where {among('resource_id')} order by resource_id, position", [ids_param(ids)]):
            out[rid].append(cat)
        return {k: tuple(v) for k, v in out.items()}

    def resource(self, resource_id: str) -> Resource | None:
        found = self.resources([resource_id])
        return found[0] if found else None

    def resources(self, ids: Sequence[str] | None = None,
                  include_inactive: bool = True) -> list[Resource]:
        """Whole resources, in the order of `ids` (or by name when `ids` is None)."""
        status = "" if include_inactive else \
            " and +status = 'active' and retired_on is null"
        if ids is None:
            found = list(self._rows(
                f"select * from resources where 1=1{status} order by name_en collate nocase"))
        else:
            found = list(self._rows(f"select * from resources where {among('id')}{status}",
                                    [ids_param(ids)]))
            order = {rid: i for i, rid in enumerate(ids)}
            found.sort(key=lambda r: order[r["id"]])
        cats = self._categories_of([r["id"] for r in found])
        return [rows.resource_from_row(r, cats[r["id"]]) for r in found]

    def topics(self) -> list[Topic]:
        return [rows.topic_from_row(r) for r in
                self._rows("select * from topics order by position, slug")]

    def topic(self, slug: str) -> Topic | None:
        found = list(self._rows("select * from topics where slug = ?", [slug]))
        return rows.topic_from_row(found[0]) if found else None

    def directory(self, include_retired: bool = False) -> Directory:
        """The whole directory; entries retired from their feed only when asked for."""
        resources = self.resources()
        if not include_retired:
            resources = [r for r in resources if r.retired_on is None]
        return Directory(self.info(), self.categories(include_hidden=True),
                         resources, self.topics())

    def list_ids(self, category: str | None, filters: ListFilter = ListFilter(),
                 when: dt.datetime | None = None, lang: str = "en") -> IdList:
        """Ids of the active resources of a category (all when None), filtered, in the
        order a visitor reading `lang` expects: crisis lines first, then by name.

        Lists are kept until the directory changes (a counter that triggers raise on every
        write to resources, their categories or hours, from any connection), so that going
        back to a category or switching language does not sort 30,000 rows again.
        """
        key = self._list_key(category, filters, when, lang)
        version, kept = self._kept(key)
        if kept is not None:
            return kept  # immutable: the same list serves every screen that asks
        ids = self._list_ids(category, filters, when, lang)
        self._keep(key, version, ids)
        return ids

    def list_start(self, category: str | None, filters: ListFilter = ListFilter(),
                   when: dt.datetime | None = None, lang: str = "en",
                   rows: int = FIRST_ROWS) -> tuple[IdList, int]:
        """The first `rows` ids of the list `list_ids` gives and how many it holds, without
        reading the rest: a category opened for the first time shows its first screenful
        while the rest is read in steps (`read_list_in_steps`). Reading 33,000 ids in order
        takes the time of a tap; their count and first screenful, a tenth of it. The whole
        list when it is kept already, or when it is shorter than `rows` (then kept)."""
        key = self._list_key(category, filters, when, lang)
        version, kept = self._kept(key)
        if kept is not None:
            return kept, len(kept)
        sql, params = self._list_query(category, filters, when, lang)
        head = IdList([row[0] for row in self.db.execute(f"{sql} limit ?", [*params, rows])])
        if len(head) < rows:
            self._keep(key, version, head)
            return head, len(head)
        count = self.db.execute(f"select count(*) from ({sql})", params).fetchone()[0]
        return head, int(count)

    def read_list_in_steps(self, category: str | None, filters: ListFilter = ListFilter(),
                           when: dt.datetime | None = None, lang: str = "en",
                           rows: int = READ_AHEAD_ROWS) -> Iterator[None]:
        """Read the list `list_ids` would give, `rows` at a time (each `next` reads one
        piece), and keep it at the end, so that asking for it later (the other language's
        order, on a change of language) takes it instead of reading it. The caller reads a
        piece per turn of its event loop: a tap meanwhile waits for one piece at most. Not
        kept when the directory changed while it was read."""
        key = self._list_key(category, filters, when, lang)
        version, kept = self._kept(key)
        if kept is not None:
            return
        parts: list[IdList] = []
        cursor = self.db.execute(*self._list_query(category, filters, when, lang))
        try:
            for part in _id_pieces(cursor, rows):
                parts.append(part)
                if len(part) == rows:  # more may follow: the caller's turn first
                    yield
        finally:
            cursor.close()
        if self.db.execute("select n from list_version").fetchone() == version:
            self._keep(key, version, IdList.joined(parts))

    def _list_key(self, category: str | None, filters: ListFilter,
                  when: dt.datetime | None, lang: str) -> tuple[Any, ...]:
        moment = None
        if filters.open_now:
            when = when or self.clock()
            moment = (when.weekday(), when.hour * 60 + when.minute)
        return (category, filters, moment, lang)

    def forget_lists(self, keep: str) -> None:
        """Drop the kept lists but those of the category `keep` as everyone first sees it
        (no filter): at the end of a visit, the lists the visitor opened and filtered are
        of that visit, and a kiosk that kept them for the next one would fill its cache
        with lists nobody asks for again."""
        self._lists = {key: kept for key, kept in self._lists.items()
                       if key[0] == keep and key[1] == ListFilter()}

    def shrink_memory(self) -> None:
        """Give back the pages SQLite keeps in memory for this store's connection (up to
        its cache size, 2 MB by default): over a day they fill with the pages of every place
        visitors opened, and the next read finds them in the system's file cache instead."""
        import sqlite3

        with suppress(sqlite3.Error):  # closed, or busy: nothing is lost but memory
            self.db.execute("pragma shrink_memory")

    def _kept(self, key: tuple[Any, ...]) -> tuple[Any, IdList | None]:
        """The directory's list version now, and the list kept for `key` if it is of it."""
        version = self.db.execute("select n from list_version").fetchone()
        cached = self._lists.get(key)
        return version, cached[1] if cached is not None and cached[0] == version else None

    def _keep(self, key: tuple[Any, ...], version: Any, ids: IdList) -> None:
        if key not in self._lists and len(self._lists) >= LIST_CACHE_SIZE:
            self._lists.pop(next(iter(self._lists)))
        self._lists[key] = (version, ids)

    def _list_ids(self, category: str | None, filters: ListFilter,
                  when: dt.datetime | None, lang: str) -> IdList:
        cursor = self.db.execute(*self._list_query(category, filters, when, lang))
        try:
            return IdList.joined(_id_pieces(cursor, READ_AHEAD_ROWS))
        finally:
            cursor.close()

    def _list_query(self, category: str | None, filters: ListFilter,
                    when: dt.datetime | None, lang: str) -> tuple[str, list[Any]]:
        if category:
            return self._category_query(category, filters, when, lang)
        where = ["r.status = 'active'", "r.retired_on is null"]
        params: list[Any] = []
        self._filtered(where, params, filters, when, "r")
        name = "coalesce(nullif(r.name_es, ''), r.name_en)" if lang == "es" else "r.name_en"
        sql = (f"select r.id from resources r where {' and '.join(where)} "
               f"order by r.priority desc, {name} collate nocase")
        return sql, params

    def _category_query(self, category: str, filters: ListFilter, when: dt.datetime | None,
                        lang: str) -> tuple[str, list[Any]]:
        """The category's links read in the order of its list index (schema.m009_list_order):
        no sort, and the resources' own rows only for "near this kiosk"."""
        name = "es" if lang == "es" else "en"
        where = ["l.category = ?", "l.listed = 1"]
        params: list[Any] = [category]
        source = f"resource_categories l indexed by resource_categories_list_{name}"
        if filters.near_town and not filters.statewide_only:
            source += " cross join resources r on r.id = l.resource_id"
        self._filtered(where, params, filters, when, "l")
        sql = (f"select l.resource_id from {source} where {' and '.join(where)} "
               f"order by l.priority desc, l.name_{name} collate nocase")
        return sql, params

    def _filtered(self, where: list[str], params: list[Any], filters: ListFilter,
                  when: dt.datetime | None, flags: str) -> None:
        """The visitor's filters as conditions: `flags` names the row that has the free,
        Spanish and statewide flags (a resource, or a link to one); `r` is the resource."""
        rid = "r.id" if flags == "r" else f"{flags}.resource_id"
        if filters.free:
            where.append(f"{flags}.is_free = 1")
        if filters.spanish:
            where.append(f"{flags}.speaks_spanish = 1")
        if filters.statewide_only:
            where.append(f"{flags}.statewide = 1")
        elif filters.near_town:
            near = ["r.town = ? collate nocase",
                    "exists (select 1 from json_each(r.area, '$.towns') "
                    "where value = ? collate nocase)"]
            params += [filters.near_town, filters.near_town]
            if filters.near_county:
                near.append("json_extract(r.area, '$.county') = ? collate nocase")
                params.append(filters.near_county)
            where.append("(" + " or ".join(near) + ")")
        if filters.open_now:
            when = when or self.clock()
            minute = when.hour * 60 + when.minute
            where.append("exists (select 1 from resource_hours h where h.resource_id = "
                         f"{rid} and h.day = ? and h.start <= ? and h.end > ?)")
            params += [when.weekday(), minute, minute]

    def list_entries(self, ids: list[str]) -> dict[str, ListEntry]:
        """Row data for the given ids (only the rows on screen need fetching)."""
        out = {}
        for r in self.db.execute(
            "select id, name_en, name_es, town, area, statewide, main_phone, "
            f"hours is not null, is_free, speaks_spanish from resources where {among('id')}",
            [ids_param(ids)],
        ):
            town = r[3] or _single_town(r[4])
            out[r[0]] = ListEntry(r[0], r[1], r[2] or "", town, bool(r[5]), r[6] or "",
                                  bool(r[7]), bool(r[8]), bool(r[9]))
        return out

    def open_ids(self, ids: list[str], when: dt.datetime | None = None) -> set[str]:
        """Which of these resources are open at `when` (now by default)."""
        when = when or self.clock()
        minute = when.hour * 60 + when.minute
        return {row[0] for row in self.db.execute(
            f"select distinct resource_id from resource_hours where {among('resource_id')}"
            " and day = ? and start <= ? and end > ?",
            [ids_param(ids), when.weekday(), minute, minute])}

    def counts(self) -> dict[str, int]:
        from kiosk.directory.trust import reachable

        def one(sql: str) -> int:
            return int(self.db.execute(sql).fetchone()[0])

        out = {
            "categories": one("select count(*) from categories"),
            "resources": one("select count(*) from resources"),
            "active resources": one("select count(*) from resources where status = 'active' "
                                    "and retired_on is null"),
            "topics": one("select count(*) from topics"),
        }
        for slug, count in self.db.execute(
            "select c.slug, count(rc.resource_id) from categories c left join "
            "resource_categories rc on rc.category = c.slug group by c.slug "
            "order by c.position, c.slug"):
            out[f"category {slug}"] = count
        resources = self.resources()
        out["resources missing Spanish text"] = sum(1 for r in resources if r.missing_spanish())
        out["active resources with a phone or street address"] = sum(
            1 for r in resources if r.active and reachable(r))
        out["topics missing Spanish text"] = sum(1 for t in self.topics() if t.missing_spanish())
        out["unverified resources"] = one(
            "select count(*) from resources where verified_on is null")
        out["retired resources"] = one(
            "select count(*) from resources where retired_on is not null")
        return out

    # -- writing ----------------------------------------------------------------------------

    def write_resource(self, resource: Resource) -> None:
        """Insert or replace one resource with its categories and hours (inside a transaction).

        An entry saved without a source keeps the one it has; a new one belongs to staff.
        """
        with self.db.atomic():
            if not resource.source:
                found = self.db.execute("select source from resources where id = ?",
                                        [resource.id]).fetchone()
                resource = resource.with_changes(source=found[0] if found else "staff")
            self.db.execute("delete from resource_categories where resource_id = ?",
                            [resource.id])
            self.db.execute("delete from resource_hours where resource_id = ?", [resource.id])
            self.db.table("resources").upsert(rows.resource_row(resource, self.now_text()), pk="id")
            self._write_links([resource])

    def _write_links(self, resources: list[Resource]) -> None:
        # Plain executemany over tuples: a 100,000-entry import spends its time here. Each
        # link carries what its list is sorted and filtered by (schema.m009_list_order).
        self.db.conn.executemany(
            f"insert into resource_categories (resource_id, category, position, {_LINK_KEYS}) "
            f"values (?, ?, ?, {_LINK_MARKS})",
            ((r.id, c, i, *keys) for r in resources for keys in (rows.list_keys(r),)
             for i, c in enumerate(r.categories)))
        self.db.conn.executemany(
            'insert into resource_hours (resource_id, day, start, "end") values (?, ?, ?, ?)',
            (span for r in resources if r.hours is not None
             for span in rows.hour_spans(r.id, r.hours)))

    def insert_resources(self, resources: list[Resource]) -> None:
        """Bulk insert of new resources (inside the caller's transaction)."""
        now = self.now_text()
        self.insert_resource_values(resources, [rows.resource_values(r, now) for r in resources])

    def insert_resource_values(self, resources: list[Resource],
                               values: list[tuple[Any, ...]]) -> None:
        """Bulk insert of new resources whose rows' values (`rows.resource_values`) are
        already made.

        An import computes every row once for its plan and reuses it here. Many rows are
        indexed for search in one statement after they are written instead of row by row,
        which is several times faster for a whole directory.
        """
        if not resources:
            return
        columns = rows.RESOURCE_COLUMNS
        sql = (f"insert into resources ({', '.join(f'[{c}]' for c in columns)}) "
               f"values ({', '.join('?' * len(columns))})")
        with self.db.atomic():
            if len(resources) >= BULK_INDEX_MIN:
                with self._list_version_raised_once(), self._indexed_after(
                        ("resources_fts", schema.RESOURCE_SEARCH_COLUMNS),
                        (schema.RESOURCE_NAMES_FTS, schema.RESOURCE_NAME_COLUMNS)):
                    self.db.conn.executemany(sql, values)
                    self._write_links(resources)
            else:
                self.db.conn.executemany(sql, values)
                self._write_links(resources)

    @contextmanager
    def _list_version_raised_once(self) -> Iterator[None]:
        """Inside a transaction: the kept lists' version is raised once for the whole block
        instead of once per row inserted (its insert triggers are set aside meanwhile)."""
        names = [f"{t}_insert_list_version"
                 for t in ("resources", "resource_categories", "resource_hours")]
        marks = ",".join("?" * len(names))
        found = self.db.execute(f"select name, sql from sqlite_master where type = 'trigger' "
                                f"and name in ({marks})", names).fetchall()
        if not found or not self.db.conn.in_transaction:
            yield
            return
        for name, _ in found:
            self.db.execute(f"drop trigger [{name}]")
        yield
        self.db.execute("update list_version set n = n + 1 where id = 1")
        for _, sql in found:
            self.db.execute(sql)

    @contextmanager
    def _indexed_after(self, *indexes: tuple[str, tuple[str, ...]]) -> Iterator[None]:
        """Inside a transaction: rows inserted into resources in the block are indexed for
        search by one statement per full-text index at its end (each index's per-row
        trigger is set aside meanwhile and put back)."""
        saved = []
        for fts, columns in indexes:
            trigger = f"{fts.removesuffix('_fts')}_ai"
            found = self.db.execute("select sql from sqlite_master where type = 'trigger' "
                                    "and name = ?", [trigger]).fetchone()
            if found and self.db.conn.in_transaction:
                saved.append((fts, columns, trigger, found[0]))
        # New rows get rowids above the largest one (the table has no AUTOINCREMENT).
        top = self.db.execute("select coalesce(max(rowid), 0) from resources").fetchone()[0]
        for _, _, trigger, _ in saved:
            self.db.execute(f"drop trigger [{trigger}]")
        yield
        for fts, columns, _, sql in saved:
            names = ", ".join(f"[{c}]" for c in columns)
            self.db.execute(f"insert into [{fts}] (rowid, {names}) "
                            f"select rowid, {names} from resources where rowid > ?", [top])
            self.db.execute(sql)

    def delete_resources(self, ids: list[str]) -> None:
        param = [ids_param(ids)]
        for table in ("resource_categories", "resource_hours"):
            self.db.execute(f"delete from {table} where {among('resource_id')}", param)
        self.db.execute(f"delete from resources where {among('id')}", param)

    # -- what a feed last gave, for entries staff changed ------------------------------------

    def feed_record(self, resource_id: str) -> dict[str, Any] | None:
        """The feed's last version of an entry staff changed: its source, row digest and
        record (JSON of `resource_to_data`); None when the entry is as its feed gave it."""
        found = self.db.execute("select source, digest, record from feed_records "
                                "where resource_id = ?", [resource_id]).fetchone()
        if found is None:
            return None
        return {"source": found[0], "digest": found[1], "record": found[2]}

    def keep_feed_version(self, resource_id: str) -> None:
        """Before staff first change an imported entry, keep the feed's version aside (the
        entry as it is now), so that the next refresh can tell the feed's changes from the
        staff's. Entries staff made, and entries already changed, need nothing."""
        found = self.db.execute("select source, digest from resources where id = ?",
                                [resource_id]).fetchone()
        if found is None or found[0] == "staff" or self.feed_record(resource_id) is not None:
            return
        from kiosk.directory.convert import resource_to_data

        current = self.resource(resource_id)
        assert current is not None
        self.write_feed_record(resource_id, {
            "source": found[0], "digest": found[1],
            "record": json.dumps(resource_to_data(current), ensure_ascii=False,
                                 default=str)})

    def write_feed_record(self, resource_id: str, value: dict[str, Any] | None) -> None:
        if value is None:
            self.db.execute("delete from feed_records where resource_id = ?", [resource_id])
            return
        self.db.execute(
            "insert or replace into feed_records (resource_id, source, digest, record) "
            "values (?, ?, ?, ?)",
            [resource_id, value["source"], value["digest"], value["record"]])

    def retire_resources(self, ids: list[str], day: dt.date) -> None:
        """Mark entries as gone from their feed on `day` (inside the caller's transaction)."""
        self.db.execute(f"update resources set retired_on = ? where {among('id')}",
                        [day.isoformat(), ids_param(ids)])

    def write_category(self, category: Category) -> None:
        with self.db.atomic():
            self.db.table("categories").upsert(rows.category_row(category), pk="slug")

    def write_topic(self, topic: Topic) -> None:
        with self.db.atomic():
            self.db.table("topics").upsert(rows.topic_row(topic, self.now_text()), pk="slug")

    def write_info(self, info: DirectoryInfo) -> None:
        self.db.execute("delete from directory_info")
        values = {"name": info.name, "region": info.region,
                  "published": info.published.isoformat() if info.published else ""}
        self.db.table("directory_info").insert_all(
            [{"key": k, "value": v} for k, v in values.items() if v])

    def digests(self, table: str, key: str) -> dict[str, str]:
        return dict(self.db.execute(f"select {key}, digest from {table}").fetchall())

    def record_change(self, *, who: str, action: str, entity: str, entity_id: str,
                      before: Any, after: Any, fields: list[str] | None = None,
                      batch: str = "", reverts: int | None = None) -> int:
        """Write one line of history (inside the caller's transaction)."""
        cursor = self.db.execute(
            "insert into changes (at, who, action, entity, entity_id, fields, before, after, "
            "batch, reverts) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [self.now_text(), who, action, entity, entity_id,
             json.dumps(fields or [], ensure_ascii=False),
             None if before is None else json.dumps(before, ensure_ascii=False, default=str),
             None if after is None else json.dumps(after, ensure_ascii=False, default=str),
             batch, reverts])
        return int(cursor.lastrowid or 0)


_LINK_KEYS = ", ".join(schema.LIST_KEYS)
_LINK_MARKS = ", ".join("?" * len(schema.LIST_KEYS))


def _single_town(area_json: str | None) -> str:
    towns = json.loads(area_json or "{}").get("towns") or []
    return towns[0] if len(towns) == 1 else ""

