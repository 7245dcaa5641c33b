"""The database schema, as numbered migrations applied in order when the store opens.

Each migration runs in one transaction together with the record that it ran
(`sqlite_utils.migrations.Migrations`), so a kiosk that loses power mid-upgrade starts again
from the last whole version. New migrations go at the end; applied ones never change.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    from kiosk.directory import database

MIGRATION_SET = "kiosk"
_MIGRATIONS: list[Callable[[Database], None]] = []


def _migration() -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
    """Registers a migration, in order; the `Migrations` set is made when first needed."""
    def register(func: Callable[[Database], None]) -> Callable[[Database], None]:
        _MIGRATIONS.append(func)
        return func

    return register


migrations: Migrations  # made on first use (`__getattr__`): sqlite-utils is imported then


def __getattr__(name: str) -> Migrations:
    if name != "migrations":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return _migrations()


def _migrations() -> Migrations:
    made: Migrations | None = globals().get("migrations")
    if made is not None:
        return made
    from kiosk.directory.sqlite_import import import_sqlite_utils

    import_sqlite_utils()
    from sqlite_utils.migrations import Migrations

    made = Migrations(MIGRATION_SET)
    for func in _MIGRATIONS:
        made()(func)
    globals()["migrations"] = made
    return made


FTS_TOKENIZER = "unicode61 remove_diacritics 2"
RESOURCE_SEARCH_COLUMNS = (
    "name_en", "name_es", "organization", "places", "tags", "description_en", "description_es",
)
RESOURCE_NAME_COLUMNS = ("name_en", "name_es", "organization", "tags")
RESOURCE_NAMES_FTS = "resource_names_fts"
TOPIC_SEARCH_COLUMNS = ("title_en", "title_es", "summary_en", "summary_es", "body_en", "body_es")


@_migration()
def m001_directory(db: Database) -> None:
    db.table("categories").create(
        {
            "slug": str, "position": int, "icon": str, "hidden": int, "sensitive": int,
            "name_en": str, "name_es": str, "description_en": str, "description_es": str,
        },
        pk="slug",
    )
    db.table("resources").create(
        {
            "id": str,
            "name_en": str, "name_es": str,
            "discreet_name_en": str, "discreet_name_es": str,
            "organization": str,
            "description_en": str, "description_es": str,
            "phones": str,  # JSON list
            "website": str, "email": str,
            "street": str, "town": str, "state": str, "zip": str,
            "area": str,  # JSON
            "places": str,  # town, county and towns served, for search and "near this kiosk"
            "statewide": int,
            "hours": str,  # JSON, or NULL when unknown
            "hours_note_en": str, "hours_note_es": str,
            "cost": str, "languages": str, "access": str, "tags": str,  # JSON lists
            "eligibility_en": str, "eligibility_es": str,
            "confidentiality_en": str, "confidentiality_es": str,
            "priority": int, "status": str,
            "sources": str,  # JSON
            "verified_on": str, "verified_by": str, "review_notes": str,
            "main_phone": str, "is_free": int, "speaks_spanish": int,
            "digest": str,  # hash of the record's content, to find what an import changes
            "updated_at": str,
        },
        pk="id",
        not_null={"name_en", "status"},
        defaults={"status": "active", "priority": 0, "statewide": 0, "is_free": 0,
                  "speaks_spanish": 0},
    )
    db.table("resource_categories").create(
        {"resource_id": str, "category": str, "position": int},
        pk=("resource_id", "category"),
        foreign_keys=[("resource_id", "resources", "id"), ("category", "categories", "slug")],
    )
    db.table("resource_categories").create_index(["category", "resource_id"])
    # Opening spans in minutes of the week, so that "open now" is one indexed query.
    db.table("resource_hours").create(
        {"resource_id": str, "day": int, "start": int, "end": int},
        foreign_keys=[("resource_id", "resources", "id")],
    )
    db.table("resource_hours").create_index(["resource_id"])
    db.table("topics").create(
        {
            "slug": str, "position": int, "sensitive": int,
            "title_en": str, "title_es": str, "summary_en": str, "summary_es": str,
            "body_en": str, "body_es": str,
            "related": str, "categories": str, "sources": str,  # JSON lists
            "verified_on": str, "verified_by": str, "review_notes": str,
            "digest": str, "updated_at": str,
        },
        pk="slug",
    )
    db.table("directory_info").create({"key": str, "value": str}, pk="key")
    db.table("resources").enable_fts(RESOURCE_SEARCH_COLUMNS, create_triggers=True,
                                     tokenize=FTS_TOKENIZER)
    db.table("topics").enable_fts(TOPIC_SEARCH_COLUMNS, create_triggers=True,
                                  tokenize=FTS_TOKENIZER)
    db.table("resources").create_index(["status", "priority"])
    db.table("resources").create_index(["verified_on"])


@_migration()
def m002_history_settings_usage(db: Database) -> None:
    # Every change to the directory: who, when, and the record before and after (JSON).
    db.table("changes").create(
        {
            "id": int, "at": str, "who": str, "action": str, "entity": str, "entity_id": str,
            "fields": str, "before": str, "after": str, "batch": str, "reverts": int,
        },
        pk="id",
    )
    db.table("changes").create_index(["entity", "entity_id"])
    db.table("changes").create_index(["batch"])
    db.table("imports").create(
        {
            "id": str, "at": str, "who": str, "source": str, "kind": str, "summary": str,
            "backup": str, "undone": int,
        },
        pk="id",
    )
    db.table("settings").create({"key": str, "value": str}, pk="key")
    # Aggregate counts only: no times, no sequences, nothing about one visit.
    db.table("usage_daily").create(
        {"day": str, "kind": str, "key": str, "count": int},
        pk=("day", "kind", "key"),
    )
    # Messages for staff on the admin screen (an update applied, a backup restored, ...).
    db.table("notices").create(
        {"id": int, "at": str, "level": str, "text": str, "seen": int},
        pk="id", defaults={"seen": 0},
    )


@_migration()
def m003_list_version(db: Database) -> None:
    # Raised by every write that can change a resource list, so that lists kept in memory
    # (Store.list_ids) know when they are out of date, whichever connection wrote.
    db.table("list_version").create({"id": int, "n": int}, pk="id")
    db.table("list_version").insert({"id": 1, "n": 0})
    for table in ("resources", "resource_categories", "resource_hours"):
        for event in ("insert", "update", "delete"):
            db.execute(f"create trigger [{table}_{event}_list_version] after {event} on [{table}] "
                       "begin update list_version set n = n + 1 where id = 1; end")


@_migration()
def m004_search_prefixes(db: Database) -> None:
    # Prefix indexes for words of 1 to 3 letters: the first keys a visitor taps would
    # otherwise merge the lists of every word starting with them (all of the directory).
    _index_with_prefixes(db, "resources", RESOURCE_SEARCH_COLUMNS)
    _index_with_prefixes(db, "topics", TOPIC_SEARCH_COLUMNS)


@_migration()
def m005_search_version(db: Database) -> None:
    # Raised by every write to topics and categories, as list_version is by every write to
    # resources: the search keeps its vocabulary until one of the two changes.
    db.table("search_version").create({"id": int, "n": int}, pk="id")
    db.table("search_version").insert({"id": 1, "n": 0})
    for table in ("topics", "categories"):
        for event in ("insert", "update", "delete"):
            db.execute(f"create trigger [{table}_{event}_search_version] after {event} on "
                       f"[{table}] begin update search_version set n = n + 1 where id = 1; end")


@_migration()
def m006_resource_names_index(db: Database) -> None:
    # A small index of names, organisations and tags only: the search reads the first
    # places whose names match without a column filter, which would decode every position
    # of a word that 50,000 descriptions use.
    _index_with_prefixes(db, "resources", RESOURCE_NAME_COLUMNS, fts_name=RESOURCE_NAMES_FTS)


@_migration()
def m007_sources(db: Database) -> None:
    """Many sources in one directory (see kiosk.directory.sources).

    Every entry belongs to a source: the bundled directory, staff, or a named import. An
    imported entry that staff edited keeps, in `feed_records`, the version its feed last
    gave, so that the next refresh can tell the feed's changes from the staff's. Review
    items are what staff are asked to look at: possible duplicates across sources, and
    fields both the feed and staff changed. (This migration uses the row forms of this
    version, `kiosk.directory.rows`; a later change to them brings its own migration.)
    """
    import json

    db.table("sources").create(
        {"name": str, "kind": str, "location": str, "added_at": str, "refreshed_at": str},
        pk="name")
    db.table("resources").add_column("source", str, not_null_default="staff")
    db.table("resources").add_column("retired_on", str)
    db.execute("create index resources_source on resources (source, retired_on)")
    db.table("feed_records").create(
        {"resource_id": str, "source": str, "digest": str, "record": str}, pk="resource_id")
    db.table("review_items").create(
        {"id": int, "kind": str, "resource_id": str, "other_id": str, "field": str,
         "ours": str, "theirs": str, "detail": str, "batch": str, "at": str,
         "resolved_at": str, "resolved_by": str, "resolution": str},
        pk="id")
    db.table("review_items").create_index(["resource_id"])
    db.table("review_items").create_index(["kind", "resolved_at"])

    # Entries made before sources existed: staff-made ones (their first history line
    # creates them), those an HSDS import brought (their sources name an HSDS service id),
    # and the rest, which came with the kiosk's own directory.
    made_by_staff = {row[0] for row in db.execute(
        "select entity_id from changes c where entity = 'resource' and before is null "
        "and action in ('new', 'edit', 'duplicate') and id = (select min(id) from changes "
        "where entity = 'resource' and entity_id = c.entity_id)")}
    hsds = db.execute("select source, at from imports where kind like 'hsds%' "
                      "order by at desc, rowid desc limit 1").fetchone()
    hsds_name = ""
    if hsds:
        hsds_name = _name_of(hsds[0]) or "hsds-import"
        if hsds_name in ("bundled", "staff"):
            hsds_name += "-import"
    assigned: dict[str, list[str]] = {"bundled": [], "staff": [], hsds_name: []}
    for rid, sources in db.execute("select id, sources from resources"):
        notes = [s.get("note", "") for s in json.loads(sources or "[]")
                 if isinstance(s, dict)]
        if rid in made_by_staff:
            assigned["staff"].append(rid)
        elif hsds_name and any(n.startswith("HSDS service id ") for n in notes):
            assigned[hsds_name].append(rid)
        else:
            assigned["bundled"].append(rid)
    for name, ids in assigned.items():
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            db.execute(f"update resources set source = ? where id in "
                       f"({','.join('?' * len(chunk))})", [name, *chunk])
    first = db.execute("select min(at) from imports").fetchone()[0] or ""
    db.table("sources").insert_all([
        {"name": "bundled", "kind": "bundled", "location": "", "added_at": first,
         "refreshed_at": first},
        {"name": "staff", "kind": "staff", "location": "", "added_at": first,
         "refreshed_at": first}])
    if hsds_name:
        db.table("sources").insert({"name": hsds_name, "kind": "hsds", "location": hsds[0],
                                    "added_at": hsds[1], "refreshed_at": hsds[1]})
    _new_digests(db)


def _new_digests(db: Database) -> None:
    """Content digests are a hash of the row's values' repr from this version on (a JSON
    encoding before, three times slower to make): every stored digest is worked out again,
    so that the first import after the upgrade sees no change that is not there. The search
    indexes are not touched (their update triggers are set aside while only the digests
    change)."""
    from kiosk.directory import rows as forms

    for table, key, indexes, again in (
            ("resources", "id", ("resources", RESOURCE_NAMES_FTS.removesuffix("_fts")),
             lambda row: forms.resource_row(forms.resource_from_row(row, ()))["digest"]),
            ("topics", "slug", ("topics",),
             lambda row: forms.topic_row(forms.topic_from_row(row))["digest"])):
        triggers = [found for name in indexes if (found := db.execute(
            "select name, sql from sqlite_master where type = 'trigger' and name = ?",
            [f"{name}_au"]).fetchone())]
        for name, _ in triggers:
            db.execute(f"drop trigger [{name}]")
        cursor = db.execute(f"select * from [{table}]")
        names = [d[0] for d in cursor.description]
        digests = [(again(dict(zip(names, values, strict=True))), values[names.index(key)])
                   for values in cursor.fetchall()]
        db.conn.executemany(f"update [{table}] set digest = ? where [{key}] = ?", digests)
        for _, sql in triggers:
            db.execute(sql)


def _name_of(location: str) -> str:
    import re
    from pathlib import PurePath

    stem = PurePath(location.rstrip("/\\")).name
    stem = re.sub(r"\.(zip|json|csv)$", "", stem, flags=re.IGNORECASE)
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")


@_migration()
def m008_reported_wrong(db: Database) -> None:
    # "Something wrong here?" on the visitor screens: a count per entry and reason, nothing
    # else (no time, no day, no visit), written when a visit ends (kiosk.directory.reports).
    db.table("reported_wrong").create(
        {"resource_id": str, "reason": str, "count": int},
        pk=("resource_id", "reason"),
    )


# What a category's list is sorted and filtered by, kept on each of its links (see
# m009_list_order): the resource's values, copied when the link is written and again
# whenever one of them changes.
LIST_KEYS = ("listed", "priority", "name_en", "name_es", "is_free", "speaks_spanish",
             "statewide")
_LIST_VALUES = ("{r}.status = 'active' and {r}.retired_on is null", "{r}.priority",
                "{r}.name_en",
                "coalesce(nullif({r}.name_es, ''), {r}.name_en)", "{r}.is_free",
                "{r}.speaks_spanish", "{r}.statewide")


def _list_values(row: str) -> str:
    return ", ".join(v.format(r=row) for v in _LIST_VALUES)


@_migration()
def m009_list_order(db: Database) -> None:
    # A category of 30,000 places is listed in the order a visitor reads it (crisis lines
    # first, then by name in their language) by reading one index from its start: no sort,
    # and no visit to the resources' wide rows. So each link carries its resource's sort
    # and filter values; triggers keep them equal to the resource's (`listed` is what a
    # visitor may see: active and not retired from its feed; `name_es` is the name a Spanish
    # reader sees: the English one where there is no Spanish).
    for column, kind in zip(LIST_KEYS, (int, int, str, str, int, int, int), strict=True):
        db.table("resource_categories").add_column(column, kind)
    keys = ", ".join(LIST_KEYS)
    values = _list_values("r")
    db.execute(f"update resource_categories set ({keys}) = (select {values} from resources r "
               "where r.id = resource_categories.resource_id)")
    for lang in ("en", "es"):
        db.execute(f"create index resource_categories_list_{lang} on resource_categories "
                   f"(category, listed, priority desc, name_{lang} collate nocase, resource_id, "
                   "is_free, speaks_spanish, statewide)")
    # Links written without the values (the store writes them itself, in bulk) get them here.
    db.execute(f"create trigger [resource_categories_list_keys] after insert on "
               f"[resource_categories] when new.listed is null begin "
               f"update resource_categories set ({keys}) = (select {values} from resources r "
               "where r.id = new.resource_id) where rowid = new.rowid; end")
    changed = ", ".join(("status", "retired_on", *LIST_KEYS[1:]))
    db.execute(f"create trigger [resources_list_keys] after update of {changed} on "
               f"[resources] begin update resource_categories set ({keys}) = "
               f"({_list_values('new')}) where resource_id = new.id; end")


def _index_with_prefixes(db: Database, table: str, columns: tuple[str, ...],
                         fts_name: str = "") -> None:
    """The FTS5 index `fts_name` (by default `{table}_fts`, as sqlite-utils' enable_fts
    names it) of `table`, with triggers named after it as enable_fts names them, plus
    `prefix='1 2 3'`, which enable_fts cannot ask for."""
    fts_name = fts_name or f"{table}_fts"
    triggers = fts_name.removesuffix("_fts")
    for suffix in ("ai", "ad", "au"):
        db.execute(f"drop trigger if exists [{triggers}_{suffix}]")
    db.execute(f"drop table if exists [{fts_name}]")
    names = ", ".join(f"[{c}]" for c in columns)
    new = ", ".join(f"new.[{c}]" for c in columns)
    old = ", ".join(f"old.[{c}]" for c in columns)
    fts = f"[{fts_name}]"
    db.execute(f"create virtual table {fts} using fts5({names}, tokenize='{FTS_TOKENIZER}', "
               f"prefix='1 2 3', content=[{table}])")
    db.execute(f"create trigger [{triggers}_ai] after insert on [{table}] begin "
               f"insert into {fts} (rowid, {names}) values (new.rowid, {new}); end")
    db.execute(f"create trigger [{triggers}_ad] after delete on [{table}] begin "
               f"insert into {fts} ({fts}, rowid, {names}) values('delete', old.rowid, {old}); "
               "end")
    db.execute(f"create trigger [{triggers}_au] after update on [{table}] begin "
               f"insert into {fts} ({fts}, rowid, {names}) values('delete', old.rowid, {old}); "
               f"insert into {fts} (rowid, {names}) values (new.rowid, {new}); end")
    db.execute(f"insert into {fts} ({fts}) values ('rebuild')")


def apply(db: database.Database | Database) -> None:
    """The pending migrations applied; with none (every start but the first after an
    upgrade), only the record of those applied is read, without sqlite-utils."""
    if _up_to_date(db.conn):
        return
    from kiosk.directory.database import Database as Light

    _migrations().apply(Light.of(db).full)


def pending(db: database.Database | Database) -> list[str]:
    if _up_to_date(db.conn):
        return []
    from kiosk.directory.database import Database as Light

    return [m.name for m in _migrations().pending(Light.of(db).full)]


def _up_to_date(conn: sqlite3.Connection) -> bool:
    """Every migration is recorded as applied, in a record sqlite-utils keeps as it is (its
    key is `id`; an older form of it is brought up to date by `Migrations.apply`)."""
    table = "_sqlite_migrations"
    keys = [row[1] for row in conn.execute(f"PRAGMA table_info([{table}])") if row[5]]
    if keys != ["id"]:
        return False
    indexes = [row[1] for row in conn.execute(f"PRAGMA index_list([{table}])") if row[2]]
    unique = {tuple(r[2] for r in conn.execute(f"PRAGMA index_info([{name}])"))
              for name in indexes}
    if ("migration_set", "name") not in unique:
        return False
    applied = {row[0] for row in conn.execute(
        f"select name from [{table}] where migration_set = ?", [MIGRATION_SET])}
    return all(func.__name__ in applied for func in _MIGRATIONS)
