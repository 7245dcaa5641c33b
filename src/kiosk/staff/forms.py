"""The admin forms' values as plain dicts, and back to checked directory objects.

A form is a flat dict of what the widgets hold (texts, ticks, lists of rows). Turning it into
a `Resource` checks every field in plain words first, keyed by the form field, so the screen
can show each message next to its field; then the directory's own `Reader` builds the object,
so a saved entry obeys exactly the rules of an imported one.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from kiosk.directory.convert import Reader
from kiosk.directory.model import (
    DAYS,
    Category,
    Resource,
    Source,
    Topic,
    is_web_address,
)
from kiosk.directory.phones import display_number
from kiosk.i18n import translate
from kiosk.staff import checks

Form = dict[str, Any]
Problems = dict[str, str]

LOCAL_RESOURCE_FIELDS = ("name", "discreet_name", "description", "hours_note", "eligibility",
                         "confidentiality")


def _local(form: Form, key: str) -> dict[str, str] | None:
    en, es = form.get(f"{key}_en", "").strip(), form.get(f"{key}_es", "").strip()
    if not en and not es:
        return None
    return {"en": en, "es": es} if es else {"en": en}


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _sources_to_form(sources: tuple[Source, ...]) -> list[dict[str, str]]:
    return [{"ref": s.ref, "read": s.read.isoformat() if s.read else "",
             "facts": ", ".join(s.facts), "note": s.note} for s in sources]


def _sources_data(form: Form, problems: Problems) -> list[Any]:
    out: list[Any] = []
    for i, row in enumerate(form.get("sources", [])):
        ref = row.get("ref", "").strip()
        facts = checks.split_list(row.get("facts", ""))
        note = row.get("note", "").strip()
        read = row.get("read", "").strip()
        if not ref:
            if facts or note or read:
                problems[f"sources.{i}.ref"] = translate(
                    "Checks", "Say where this came from (a file, a web page, a call).")
            continue
        if read and not _is_date(read):
            problems[f"sources.{i}.read"] = translate(
                "Checks", "Write the day the page was read as 2026-12-01.")
            read = ""
        elif not read and is_web_address(ref):
            problems[f"sources.{i}.read"] = translate(
                "Checks", "Say on which day the web page was read.")
        out.append({"ref": ref, **({"read": read} if read else {}),
                    **({"facts": facts} if facts else {}), **({"note": note} if note else {})})
    if not out:
        problems["sources"] = translate(
            "Checks", "Add at least one source: where do these facts come from?")
    return out


# -- resources ------------------------------------------------------------------------------

def resource_to_form(r: Resource) -> Form:
    form: Form = {"id": r.id, "organization": r.organization,
                  "categories": list(r.categories), "website": r.website, "email": r.email,
                  "street": r.address.street, "town": r.address.town,
                  "state": r.address.state or "CT", "zip": r.address.zip,
                  "statewide": r.area.statewide, "national": r.area.national,
                  "county": r.area.county, "towns": ", ".join(r.area.towns),
                  "cost": list(r.cost), "languages": ", ".join(r.languages),
                  "access": list(r.access), "tags": ", ".join(r.tags),
                  "priority": r.priority, "status": r.status,
                  "sources": _sources_to_form(r.sources),
                  "verified_on": r.verified_on.isoformat() if r.verified_on else "",
                  "verified_by": r.verified_by, "review_notes": r.review_notes,
                  # Not shown on the form, kept through it: where the entry comes from.
                  "source": r.source,
                  "retired_on": r.retired_on.isoformat() if r.retired_on else ""}
    for key in LOCAL_RESOURCE_FIELDS:
        text = getattr(r, key)
        form[f"{key}_en"], form[f"{key}_es"] = text.en, text.es
    # A number spelt in words (from a published directory) is edited as its digits.
    form["phones"] = [{"number": (display_number(p.number) if re.search("[A-Za-z]", p.display)
                                  else p.display)
                       + (f" ext. {p.extension}" if p.extension else ""),
                       "kind": p.kind, "label_en": p.label.en, "label_es": p.label.es,
                       "hours_en": p.hours.en, "hours_es": p.hours.es, "message": p.message}
                      for p in r.phones]
    if r.hours is None:
        form["hours_mode"] = "unknown"
        form["hours"] = {d: "" for d in DAYS}
    elif r.hours.always:
        form["hours_mode"] = "always"
        form["hours"] = {d: "" for d in DAYS}
    else:
        form["hours_mode"] = "days"
        form["hours"] = {d: r.hours.day_text(i) for i, d in enumerate(DAYS)}
    return form


def empty_resource_form(category: str = "") -> Form:
    form = resource_to_form(Resource(id="", name=_blank(), categories=(),
                                     description=_blank(), sources=()))
    if category:
        form["categories"] = [category]
    return form


def _blank() -> Any:
    from kiosk.directory.model import LocalText

    return LocalText()


def resource_from_form(form: Form, known_categories: set[str] | None = None
                       ) -> tuple[Resource | None, Problems]:
    problems: Problems = {}

    def check(key: str, message: str) -> None:
        if message:
            problems.setdefault(key, message)

    check("id", checks.id_problem(form.get("id", "")))
    check("name_en", checks.required_problem(form.get("name_en", ""), "name in English"))
    check("description_en", checks.required_problem(form.get("description_en", ""),
                                                     "description in English"))
    categories = [c for c in form.get("categories", []) if c]
    if not categories:
        problems["categories"] = translate("Checks", "Tick at least one category.")
    elif known_categories is not None:
        gone = [c for c in categories if c not in known_categories]
        if gone:
            problems["categories"] = translate(
                "Checks", "This category does not exist any more: %1").replace("%1", gone[0])
    check("website", checks.website_problem(form.get("website", "")))
    check("email", checks.email_problem(form.get("email", "")))
    check("zip", checks.zip_problem(form.get("zip", "")))
    phones = []
    for i, phone in enumerate(form.get("phones", [])):
        number = phone.get("number", "").strip()
        check(f"phones.{i}.number", checks.phone_problem(number))
        data: dict[str, Any] = {"number": number, "kind": phone.get("kind") or "voice"}
        for key in ("label", "hours"):
            text = _local(phone, key)
            if text:
                data[key] = text
        if phone.get("message", "").strip():
            data["message"] = phone["message"].strip()
        phones.append(data)
    hours: Any = None
    if form.get("hours_mode") == "always":
        hours = "always"
    elif form.get("hours_mode") == "days":
        hours = {}
        for day in DAYS:
            text = form.get("hours", {}).get(day, "")
            check(f"hours.{day}", checks.spans_problem(text))
            if checks.split_list(text):
                hours[day] = checks.split_list(text)
    sources = _sources_data(form, problems)
    if problems:
        return None, problems

    data = {"id": form["id"].strip(), "organization": form.get("organization", "").strip(),
            "categories": categories, "phones": phones,
            "website": form.get("website", "").strip(), "email": form.get("email", "").strip(),
            "cost": list(form.get("cost", [])), "access": list(form.get("access", [])),
            "languages": checks.split_list(form.get("languages", "")),
            "tags": checks.split_list(form.get("tags", "")),
            "priority": int(form.get("priority") or 0),
            "status": form.get("status") or "active", "sources": sources,
            "verified_on": form.get("verified_on") or None,
            "verified_by": form.get("verified_by", "").strip(),
            "review_notes": form.get("review_notes", "").strip(),
            "source": form.get("source", ""), "retired_on": form.get("retired_on") or None}
    for key in LOCAL_RESOURCE_FIELDS:
        text = _local(form, key)
        if text:
            data[key] = text
    address = {k: form.get(k, "").strip() for k in ("street", "town", "state", "zip")}
    if address["street"] or address["town"] or address["zip"]:
        data["address"] = {k: v for k, v in address.items() if v}
    if form.get("national"):
        data["area"] = {"national": True}
    elif form.get("statewide"):
        data["area"] = {"statewide": True}
    else:
        area: dict[str, Any] = {}
        if form.get("county", "").strip():
            area["county"] = form["county"].strip()
        towns = checks.split_list(form.get("towns", ""))
        if towns:
            area["towns"] = towns
        if area:
            data["area"] = area
    if hours is not None:
        data["hours"] = hours
    reader = Reader()
    resource = reader.resource({k: v for k, v in data.items() if v not in (None, "", [])},
                               ("resource",))
    for problem in reader.problems:
        problems.setdefault(_form_key(problem.path), f"{problem.message[0].upper()}"
                                                     f"{problem.message[1:]}")
    return (None, problems) if problems else (resource, {})


def _form_key(path: tuple[str | int, ...]) -> str:
    parts = [str(p) for p in path[1:]]
    if len(parts) >= 2 and parts[0] in ("name", "description") and parts[1] in ("en", "es"):
        return f"{parts[0]}_{parts[1]}"
    if parts and parts[0] == "address" and len(parts) > 1:
        return parts[1]
    return ".".join(parts) or "form"


# -- categories -----------------------------------------------------------------------------

def category_to_form(c: Category) -> Form:
    return {"slug": c.slug, "name_en": c.name.en, "name_es": c.name.es,
            "description_en": c.description.en, "description_es": c.description.es,
            "icon": c.icon, "position": c.position, "hidden": c.hidden,
            "sensitive": c.sensitive}


def category_from_form(form: Form) -> tuple[Category | None, Problems]:
    problems: Problems = {}
    if message := checks.id_problem(form.get("slug", "")):
        problems["slug"] = message
    if message := checks.required_problem(form.get("name_en", ""), "name in English"):
        problems["name_en"] = message
    if problems:
        return None, problems
    data: dict[str, Any] = {"slug": form["slug"].strip(), "icon": form.get("icon", ""),
                            "position": int(form.get("position") or 0),
                            "hidden": bool(form.get("hidden")),
                            "sensitive": bool(form.get("sensitive"))}
    for key in ("name", "description"):
        text = _local(form, key)
        if text:
            data[key] = text
    reader = Reader()
    category = reader.category(data, ("category",))
    if reader.problems or category is None:
        return None, {_form_key(p.path): p.message for p in reader.problems}
    return category, {}


# -- topics ---------------------------------------------------------------------------------

TOPIC_LOCAL_FIELDS = ("title", "summary", "body")


def topic_to_form(t: Topic) -> Form:
    form: Form = {"slug": t.slug, "position": t.position, "sensitive": t.sensitive,
                  "related": ", ".join(t.related), "categories": list(t.categories),
                  "sources": _sources_to_form(t.sources),
                  "verified_on": t.verified_on.isoformat() if t.verified_on else "",
                  "verified_by": t.verified_by, "review_notes": t.review_notes}
    for key in TOPIC_LOCAL_FIELDS:
        text = getattr(t, key)
        form[f"{key}_en"], form[f"{key}_es"] = text.en, text.es
    return form


def topic_from_form(form: Form, known_resources: set[str] | None = None
                    ) -> tuple[Topic | None, Problems]:
    problems: Problems = {}
    if message := checks.id_problem(form.get("slug", "")):
        problems["slug"] = message
    for key, what in (("title_en", "title in English"), ("body_en", "text in English")):
        if message := checks.required_problem(form.get(key, ""), what):
            problems[key] = message
    related = checks.split_list(form.get("related", ""))
    if known_resources is not None:
        gone = [r for r in related if r not in known_resources]
        if gone:
            problems["related"] = translate(
                "Checks", "There is no entry with this id: %1").replace("%1", gone[0])
    sources = _sources_data(form, {})
    if problems:
        return None, problems
    data: dict[str, Any] = {"slug": form["slug"].strip(),
                            "position": int(form.get("position") or 0),
                            "sensitive": bool(form.get("sensitive")), "related": related,
                            "categories": list(form.get("categories", [])), "sources": sources,
                            "verified_on": form.get("verified_on") or None,
                            "verified_by": form.get("verified_by", "").strip(),
                            "review_notes": form.get("review_notes", "").strip()}
    for key in TOPIC_LOCAL_FIELDS:
        text = _local(form, key)
        if text:
            data[key] = text
    reader = Reader()
    topic = reader.topic({k: v for k, v in data.items() if v not in (None, "", [])},
                         ("topic",))
    if reader.problems or topic is None:
        return None, {_form_key(p.path): p.message for p in reader.problems}
    return topic, {}


