"""Made-up 2-1-1 exports with the shapes real ones have, for the tests and the benchmark.

`write_package` writes an HSDS 1.x/2.x CSV package of any size: organisations, services,
locations, addresses, phones, weekly schedules, languages, eligibility, contacts, and the
taxonomy the caller asks for (AIRS/211 LA codes in a 1.x `taxonomy.csv`, the same codes in a
2.x `taxonomy_terms.csv`, Open Eligibility terms with their parents, or none). With `messy`,
rows carry what exports really carry: `\\n` written out, HTML entities and tags, `###MON###`
markers, padded state codes, web addresses without a scheme, `x57471` extensions, `xOPT2`
phone-tree options, numbers spelt in words, empty input masks, several ids in one cell, rows
with too many or too few cells, organisations that are not in the file, a service with no
name, a repeated row, one file in Windows-1252.

Every name, number and text is invented (the numbers use exchanges that exist, so that the
phone check passes, but belong to nobody in particular). Nothing here is copied from a
published directory.
"""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

TOWNS = ("Willimantic", "Windham", "Mansfield", "Putnam", "Killingly", "Norwich", "Hartford",
         "New Britain", "Manchester", "Bristol", "Waterbury", "Meriden", "New Haven",
         "Bridgeport", "Stamford", "Norwalk", "Danbury", "Torrington", "Middletown",
         "New London", "Groton", "Vernon", "Enfield", "Plainfield")
AREA_CODES = ("860", "959", "203", "475")
HEADS = ("Community", "Family", "Valley", "River", "Hope", "Harbor", "Bridge", "Unity",
         "New Start", "Open Door", "Eastern", "Northeast", "Quiet Corner", "Greater")
ORG_TAILS = ("Services Inc.", "Council", "Alliance", "Health Network", "Partnership",
             "Coalition", "Agency", "Foundation")


@dataclass(frozen=True)
class Kind:
    """A kind of service as 2-1-1 lists it, and the kiosk category it should land in."""

    key: str
    names: tuple[str, ...]  # {town} and {head} are filled in
    description: str
    codes: tuple[tuple[str, str], ...]  # AIRS code, name
    oe: tuple[str, str]  # Open Eligibility term, its top-level parent
    expected: str  # the kiosk category, "" when none is expected
    weight: float
    spanish: str = ""  # a Spanish name, for services listed in Spanish


KINDS = (
    Kind("pantry", ("{town} Community Food Pantry", "{head} Food Shelf"),
         "Free groceries once a month for households in {town}. Bring an ID and proof of "
         "address. Fresh produce on Thursdays.",
         (("BD-1800.2000", "Food Pantries"),), ("Food Pantry", "Food"), "basic-needs", 14,
         "Despensa de Alimentos de {town}"),
    Kind("meals", ("{head} Soup Kitchen", "{town} Community Meals"),
         "A hot lunch every weekday at noon, no questions asked. Take-away bags on Fridays.",
         (("BD-5000.8300", "Soup Kitchens"),), ("Meals", "Food"), "basic-needs", 6,
         "Comedor Comunitario de {town}"),
    Kind("shelter", ("{town} Emergency Shelter", "{head} House Shelter"),
         "Overnight shelter for adults, beds assigned at 6 PM. Showers, laundry and a meal.",
         (("BH-1800.8500", "Homeless Shelter"),), ("Emergency Shelter", "Emergency"),
         "safety-shelter", 6, "Albergue de Emergencia de {town}"),
    Kind("dv", ("Safe Haven of {town}", "{head} Domestic Violence Services"),
         "Confidential shelter, a 24-hour hotline, court advocacy and safety planning for "
         "survivors of domestic violence and their children.",
         (("BH-1800.1500-100", "Domestic Violence Shelters"),
          ("RP-1500.1400-200", "Domestic Violence Hotlines")),
         ("Immediate Safety", "Emergency"), "safety-shelter", 3),
    Kind("crisis", ("{town} Crisis Line", "{head} Mobile Crisis Team"),
         "Counselors answer day and night. Call if you are thinking about suicide or are "
         "worried about someone.",
         (("RP-1500.1400-800", "Suicide Prevention Hotlines"),), ("Help Hotlines", "Care"),
         "help-now", 3),
    Kind("detox", ("{head} Detox Center", "{town} Withdrawal Management"),
         "Medically monitored withdrawal from alcohol and opioids, 3 to 7 days, then help "
         "finding ongoing care.",
         (("RX-1700.1700", "Alcohol Detoxification"),), ("Detox", "Health"), "treatment", 3),
    Kind("otp", ("{head} Opioid Treatment Program", "{town} Recovery Clinic"),
         "Methadone and buprenorphine with counseling. Same-day starts most weekdays.",
         (("RX-8450.1150", "Methadone Maintenance"),), ("Addiction & Recovery", "Health"),
         "treatment", 4),
    Kind("naloxone", ("{head} Harm Reduction Program", "{town} Syringe Services"),
         "Free naloxone kits and training, sterile syringes, fentanyl test strips, and a "
         "nurse twice a week.",
         (("RX-8470.1900-550", "Naloxone Distribution"),), ("Harm Reduction", "Health"),
         "harm-reduction", 2, "Programa de Reducción de Daños de {town}"),
    Kind("clinic", ("{town} Community Health Center", "{head} Family Health"),
         "Primary care for children and adults, sliding-fee scale, walk-in hours on "
         "Tuesdays. Se habla español.",
         (("LN-1500.1500", "Community Clinics"),), ("Medical Care", "Health"), "health", 11,
         "Clínica de Salud Comunitaria de {town}"),
    Kind("dental", ("{head} Dental Clinic", "{town} Smiles Dental"),
         "Cleanings, fillings and extractions; HUSKY accepted.",
         (("LV-1600.1500", "General Dentistry"),), ("Dental Care", "Health"), "health", 4),
    Kind("hiv", ("{head} HIV and STI Testing", "{town} Sexual Health Clinic"),
         "Free, confidential HIV, hepatitis C and STI tests. Results in 20 minutes.",
         (("LF-4900.2400", "HIV Testing"), ("LT-1750.2500", "STD Treatment")),
         ("Sexual Health", "Health"), "health", 3),
    Kind("counseling", ("{head} Counseling Services", "{town} Behavioral Health"),
         "Outpatient counseling for adults, couples and teens. Evening hours.",
         (("RF-6000.1500", "Outpatient Mental Health"),), ("Counseling", "Care"),
         "mental-health", 7),
    Kind("legal", ("{town} Legal Aid", "{head} Legal Services"),
         "Free civil legal help with evictions, benefits and family matters for people "
         "with low income.",
         (("FT-4500.1800", "General Legal Aid"),), ("Advocacy & Legal Aid", "Legal"), "legal",
         4, "Ayuda Legal de {town}"),
    Kind("reentry", ("{head} Reentry Services", "{town} Reentry Roundtable"),
         "Help after release from prison: ID, housing search, jobs and record clearing.",
         (("FF-1900.1500", "Ex-Offender Reentry Programs"),), ("Paperwork", "Legal"), "legal",
         2),
    Kind("jobs", ("{head} American Job Center", "{town} Career Services"),
         "Job search help, resume workshops and training grants.",
         (("ND-6500.1500", "Job Search/Placement"),), ("Help Find Work", "Work"),
         "jobs-education", 4),
    Kind("ged", ("{town} Adult Education", "{head} Literacy Volunteers"),
         "GED preparation, ESL classes and citizenship classes, free.",
         (("HH-0500.8000", "GED Instruction"),), ("More Education", "Education"),
         "jobs-education", 3, "Clases de Inglés de {town}"),
    Kind("snap", ("{head} SNAP Outreach", "{town} Benefits Help Desk"),
         "Help applying for SNAP, WIC and Medicaid.",
         (("NL-6000.2000", "SNAP Applications"),), ("Government Benefits", "Money"),
         "basic-needs", 3),
    Kind("energy", ("{town} Energy Assistance", "{head} Fuel Bank"),
         "Help paying heating bills from November to April.",
         (("BV-8900.9300", "Utility Service Payment Assistance"),),
         ("Help Pay for Utilities", "Money"), "basic-needs", 3),
    Kind("report", ("Child Abuse and Neglect Careline", "{head} Elder Abuse Reporting"),
         "Report abuse or neglect of a child or an older adult, any time.",
         (("PH-6500.1500", "Child Abuse Reporting/Emergency Response"),),
         ("Immediate Safety", "Emergency"), "report", 1),
    Kind("trafficking", ("{head} Anti-Trafficking Program", "{town} Survivor Advocacy"),
         "Case management, safe housing and legal help for survivors of human trafficking.",
         (("FT-3375", "Human Trafficking Victim Legal Assistance"),
          ("RP-1500.1400-300", "Human Trafficking Hotlines")),
         ("Advocacy & Legal Aid", "Legal"), "trafficking", 1),
    Kind("support", ("{town} Recovery Support Group", "{head} Peer Recovery Meeting"),
         "Peer-led meetings for people in recovery and their families, Wednesdays 7 PM.",
         (("PN-8100.0500-800", "Substance Use Disorder Support Groups"),),
         ("Support Groups", "Care"), "treatment", 2),
    # Kinds the default mapping has no category for: staff are asked to give them one.
    Kind("tax", ("{town} Free Tax Preparation", "{head} VITA Site"),
         "Volunteers prepare and e-file returns for households earning under $64,000.",
         (("DT-8900.1000", "Tax Preparation Assistance"),), ("Tax Preparation", "Money"), "",
         2),
    Kind("volunteer", ("{head} Volunteer Center", "{town} Volunteers Needed"),
         "Places that need volunteers, matched to your interests and schedule.",
         (("PX-8500.9000", "Volunteer Opportunities"),), ("Volunteering", "Civic"), "", 2),
)
HOURS = (("Monday", "9:00 AM", "5:00 PM"), ("Tuesday", "9:00 AM", "5:00 PM"),
         ("Wednesday", "9:00 AM", "5:00 PM"), ("Thursday", "09:00", "19:00"),
         ("Friday", "9:00 AM", "1:00 PM"), ("Saturday", "10:00", "14:00"))


@dataclass
class Package:
    path: Path  # what to import: the folder, or the zip file
    services: int  # service rows written (the nameless one included)
    expected: dict[str, str]  # service id -> the kiosk category it should get ("" none)


def _phone(rng: random.Random) -> str:
    exchange = rng.randint(200, 989)
    if exchange in (555, 311, 411, 511, 611, 711, 811, 911, 211):
        exchange += 1
    area = rng.choice(AREA_CODES)
    line = rng.randint(0, 9999)
    return rng.choice((f"({area}) {exchange}-{line:04d}", f"{area}-{exchange}-{line:04d}",
                       f"{area}.{exchange}.{line:04d}", f"1-{area}-{exchange}-{line:04d}"))


def _messy_text(rng: random.Random, text: str) -> str:
    roll = rng.random()
    if roll < 0.10:
        return text.replace(". ", ".\\n", 1)  # the new line written out
    if roll < 0.18:
        return text.replace("'", "&rsquo;").replace(" and ", " &amp; ", 1) + \
            " Call&nbsp;first."
    if roll < 0.21:
        return text + " ###MON###"
    if roll < 0.24:
        return text.replace(". ", ".<br>", 1)
    return text


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def write_package(folder: Path, count: int, *, taxonomy: str = "airs", seed: int = 211,
                  layout: str = "flat", messy: bool = True, name: str = "") -> Package:
    """Write a package of `count` services under `folder`.

    `taxonomy` is "airs" (1.x taxonomy.csv and service_taxonomy.csv), "airs-2" (2.x
    taxonomy_terms.csv and service_attributes.csv), "airs-ids" (codes in a services.csv
    `taxonomy_ids` column), "oe" (Open Eligibility terms and their parents), or "none".
    `layout` is "flat", "data" (a datapackage.json beside a data/ folder whose paths do
    not match), "nested" (one folder down), or "zip" (the nested folder, zipped).
    """
    rng = random.Random(seed)
    root = folder / (name or f"ct-211-{taxonomy}")
    if root.exists():
        shutil.rmtree(root)
    tables = root / "data" if layout == "data" else root / "export-2026-11" \
        if layout in ("nested", "zip") else root
    tables.mkdir(parents=True)
    weights = [k.weight for k in KINDS]
    orgs = [["id", "name", "alternate_name", "description", "email", "url", "tax_status"]]
    services = [["id", "organization_id", "name", "alternate_name", "description", "url",
                 "email", "status", "fees", "application_process", "keywords"]
                + (["taxonomy_ids"] if taxonomy == "airs-ids" else [])]
    locations = [["id", "organization_id", "name", "description", "latitude", "longitude"]]
    sal = [["id", "service_id", "location_id", "description"]]
    addresses = [["id", "location_id", "attention", "address_1", "address_2", "city",
                  "region", "state_province", "postal_code", "country"]]
    phones = [["id", "location_id", "service_id", "organization_id", "contact_id", "number",
               "extension", "type", "language", "description"]]
    schedules = [["id", "service_id", "location_id", "weekday", "opens_at", "closes_at"]]
    languages = [["id", "service_id", "location_id", "language"]]
    eligibility = [["id", "service_id", "eligibility"]]
    contacts = [["id", "organization_id", "service_id", "name", "title", "email"]]
    links = [["id", "service_id", "taxonomy_id", "taxonomy_detail"]]
    expected: dict[str, str] = {}
    org_count = max(1, count // 3)
    org_phone: dict[str, str] = {}
    for o in range(org_count):
        town = rng.choice(TOWNS)
        oid = f"ORG{o + 1:06d}"
        org_name = f"{town} {rng.choice(HEADS)} {rng.choice(ORG_TAILS)}"
        url = f"www.{town.lower().replace(' ', '')}{o}.example.org"
        orgs.append([oid, org_name, "", f"{org_name} serves {town} and nearby towns.",
                     f"info@org{o}.example.org", url if messy and rng.random() < 0.5
                     else "https://" + url, "501(c)(3)"])
        org_phone[oid] = _phone(rng)
        phones.append([f"OP{o}", "", "", oid, "", org_phone[oid], "", "voice", "English",
                       "Main office"])
    for i in range(count):
        kind = rng.choices(KINDS, weights)[0]
        sid = f"{i + 1:06d}"
        town = rng.choice(TOWNS)
        oid = f"ORG{rng.randrange(org_count) + 1:06d}"
        if messy and rng.random() < 0.02:
            oid = f"ORG-GONE-{i}"  # an organisation the export left out
        spanish = bool(kind.spanish) and rng.random() < 0.15
        pattern = kind.spanish if spanish else rng.choice(kind.names)
        svc_name = pattern.format(town=town, head=rng.choice(HEADS))
        description = kind.description.format(town=town)
        if messy:
            description = _messy_text(rng, description)
        url = f"www.example.org/services/{i}"
        if not messy or rng.random() < 0.5:
            url = "https://" + url
        keywords = ""
        if taxonomy == "none" and rng.random() < 0.5:
            keywords = ", ".join(code_name for _, code_name in kind.codes)
        fees = "Free" if rng.random() < 0.4 else "Sliding scale"
        row = [sid, oid, svc_name, "", description, url, f"help{i}@example.org", "active",
               fees, "Call or walk in.", keywords]
        if taxonomy == "airs-ids":
            row.append(", ".join(c for c, _ in kind.codes))
        if messy and i == 7:
            row[2] = ""  # no name: it cannot be shown, it is skipped and said so
        services.append(row)
        if messy and i == 11:
            services.append(list(row))  # the same row twice: read once
        expected[sid] = "" if (messy and i == 7) else kind.expected
        lid = f"L{i + 1:06d}"
        locations.append([lid, oid, svc_name, "", "41.7", "-72.2"])
        sal.append([f"SAL{i + 1:06d}", sid, lid, ""])
        state = "CT"
        if messy:
            state = rng.choice(("CT", "CT", "CT", "CT  ", " ct", "Conn."))
        zip_code = f"06{rng.randint(0, 999):03d}"
        if messy and rng.random() < 0.05:
            zip_code = zip_code[1:]  # a spreadsheet ate the leading zero
        addresses.append([f"A{i + 1:06d}", lid, "", f"{rng.randint(1, 999)} Main Street",
                          rng.choice(("", "", "Suite 2", "2nd floor")), town, "", state,
                          zip_code, "US"])
        number = _phone(rng)
        extension = ""
        description_label = ""
        roll = rng.random() if messy else 1.0
        if roll < 0.05:
            number += f" x{rng.randint(10, 99999)}"
        elif roll < 0.08:
            number += f" xOPT{rng.randint(1, 9)}"
        elif roll < 0.09:
            number = "(800) 370-LEAD" if i % 2 else "1-800-FOOD-NOW"
        elif roll < 0.11:
            phones.append([f"PX{i}", "", sid, "", "", "(   ) -  -", "", "voice", "", ""])
        elif roll < 0.20:
            extension = str(rng.randint(100, 999))
        phones.append([f"P{i + 1:06d}", "", sid, "", "", number, extension, "voice",
                       "English", description_label])
        if messy and rng.random() < 0.10:
            # The same number on the location too (and the organisation's on the service).
            phones.append([f"PL{i}", lid, "", "", "", number, extension, "voice", "", ""])
        if messy and rng.random() < 0.05:
            phones.append([f"PF{i}", "", sid, "", "", _phone(rng), "", "fax", "", "Fax"])
        if kind.key in ("crisis", "dv"):
            phones.append([f"PH{i}", "", sid, "", "", _phone(rng), "", "hotline", "",
                           "24-hour hotline"])
        if messy and i % 97 == 5 and i + 1 < count:
            # One line shared by two services, both ids in one cell.
            phones.append([f"PS{i}", "", f"{sid},{i + 2:06d}", "", "", _phone(rng), "",
                           "voice", "", "Intake"])
        days = HOURS[: rng.choice((5, 5, 6, 3))]
        for d, (day, opens, closes) in enumerate(days):
            schedules.append([f"R{i + 1:06d}-{d}", sid, "", day, opens, closes])
        if rng.random() < 0.3:
            languages.append([f"LG{i}", sid, "", "Spanish"])
        languages.append([f"LE{i}", sid, "", "English"])
        if rng.random() < 0.3:
            eligibility.append([f"E{i}", sid, "Residents of " + town])
        if rng.random() < 0.1:
            contacts.append([f"C{i}", oid, sid, "Pat Doe", "Intake coordinator",
                             f"pat{i}@example.org"])
        for n, (code, code_name) in enumerate(kind.codes):
            links.append([f"ST{i + 1:06d}-{n}", sid, code, code_name])
    if messy and len(services) > 20:
        services[15] = [*services[15], "extra cell"]  # a ragged row: one cell too many
        del schedules[3][-1]  # and one too few
    files = {"organizations.csv": orgs, "services.csv": services, "locations.csv": locations,
             "services_at_location.csv": sal, "physical_addresses.csv": addresses,
             "phones.csv": phones, "regular_schedules.csv": schedules,
             "languages.csv": languages, "eligibility.csv": eligibility,
             "contacts.csv": contacts}
    seen_codes: dict[str, str] = {}
    for kind in KINDS:
        seen_codes.update(dict(kind.codes))
    if taxonomy == "airs":
        files["taxonomy.csv"] = [["id", "name", "parent_id", "parent_name", "vocabulary"]] + [
            [code, code_name, "", "", "AIRS"] for code, code_name in sorted(seen_codes.items())]
        files["service_taxonomy.csv"] = links
    elif taxonomy == "airs-2":
        terms = [["id", "term", "code", "parent_id", "taxonomy", "language"]]
        ids = {code: f"TT{n:04d}" for n, code in enumerate(sorted(seen_codes))}
        terms += [[ids[c], n, c, "", "AIRS", "en"] for c, n in sorted(seen_codes.items())]
        files["taxonomy_terms.csv"] = terms
        files["service_attributes.csv"] = [["id", "service_id", "taxonomy_term_id"]] + [
            [r[0], r[1], ids[r[2]]] for r in links[1:]]
    elif taxonomy == "oe":
        tops = sorted({k.oe[1] for k in KINDS})
        terms = [["id", "name", "parent_id", "parent_name", "vocabulary"]]
        top_id = {t: f"{100 + n}" for n, t in enumerate(tops)}
        terms += [[top_id[t], t, "", "", "Open Eligibility"] for t in tops]
        child_id: dict[str, str] = {}
        for kind in KINDS:
            term, parent = kind.oe
            if term not in child_id:
                child_id[term] = f"{200 + len(child_id)}"
                terms.append([child_id[term], term, top_id[parent], parent,
                              "Open Eligibility"])
        files["taxonomy.csv"] = terms
        oe_links = [["id", "service_id", "taxonomy_id", "taxonomy_detail"]]
        by_sid = {r[0]: r for r in services[1:]}
        for row in links[1:]:
            kind = next(k for k in KINDS if k.codes[0][0] == row[2] or
                        any(c == row[2] for c, _ in k.codes))
            if row[0].endswith("-0") and row[1] in by_sid:
                oe_links.append([row[0], row[1], child_id[kind.oe[0]], ""])
        files["services_taxonomy.csv"] = oe_links
    for file, rows in files.items():
        text = _csv(rows)
        encoding = "cp1252" if messy and file == "physical_addresses.csv" else "utf-8"
        data = text.encode(encoding, errors="replace")
        (tables / file).write_bytes(data)
    resources = [{"name": f.removesuffix(".csv"), "path": f} for f in files]
    datapackage = {"name": name or f"ct-211-{taxonomy}", "profile": "tabular-data-package",
                   "resources": resources}
    where = root if layout == "data" else tables
    (where / "datapackage.json").write_text(json.dumps(datapackage, indent=2),
                                            encoding="utf-8")
    target = root
    if layout == "zip":
        target = folder / f"{root.name}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(root).as_posix())
        shutil.rmtree(root)
    return Package(target, len(services) - 1, expected)
