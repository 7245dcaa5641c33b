"""Words that must not appear on a discreet sheet, in English and Spanish.

A discreet sheet may be found by someone who controls the visitor, so nothing on it may say
what the help is for: trafficking, selling sex, abuse and violence, drugs and what keeps a
person who uses them alive, sexual health, a pregnancy, suicide, immigration. The sheet keeps
the names (a discreet one when the real one gives it away), numbers, addresses and hours.

`WORDS` is the list, by language, each word with its plural (and the other forms the
directory uses). Matching ignores case and accents and takes whole words; a `*` stands for
any letters (so `traffick*` catches "trafficked", "trafficker" and a web address such as
humantraffickinghotline.org, where the word is inside another). `ACRONYMS` are matched with
their case (the Spanish ITS must not catch the English "its"), `PHRASES` are patterns for
what a list of words cannot say ("a partner who hurts you").
"""

from __future__ import annotations

import re
import unicodedata

WORDS: dict[str, tuple[str, ...]] = {
    "en": (
        # trafficking, selling or trading sex
        "*traffick*", "sex work", "sex worker", "sex workers", "sex trade", "sex industry",
        "commercial sex", "prostitute", "prostitutes", "prostitution", "pimp", "pimps",
        "pimping", "escort", "escorts", "john school", "johns school", "forced labor",
        "forced labour", "*exploit*", "t visa", "t visas", "u visa", "u visas",
        # abuse, violence, assault
        "abuse", "abuses", "abused", "abuser", "abusers", "abusive", "violence", "violent",
        "assault", "assaults", "assaulted", "rape", "raped", "rapist", "rapists", "incest",
        "stalking", "stalker", "stalkers", "victim", "victims", "survivor", "survivors",
        "safety plan", "safety plans", "battered",
        # drugs, and what keeps a person who uses them alive
        "drug", "drugs", "alcohol", "alcoholic", "alcoholics", "alcoholism", "addiction",
        "addictions", "addict", "addicts", "addicted", "substance use", "substance abuse",
        "overdose", "overdoses", "naloxone", "narcan", "opioid", "opioids", "opiate",
        "opiates", "heroin", "fentanyl", "cocaine", "methadone", "buprenorphine", "suboxone",
        "syringe", "syringes", "needle", "needles", "inject", "injects", "injecting",
        "injection", "injections", "detox", "rehab", "sober", "sobriety", "harm reduction",
        "test strip", "test strips",
        # sexual health and pregnancy ("std" and "hiv" also as a web address writes them)
        "sex", "sexual", "sexually", "sexually transmitted", "std", "stds", "sti", "stis",
        "hiv", "condom", "condoms", "sexual health", "safer sex", "safe sex", "syphilis",
        "gonorrhea", "chlamydia", "hepatitis", "herpes", "abortion", "abortions",
        "pregnancy test", "pregnancy tests", "emergency contraception", "plan b",
        "planned parenthood",
        # suicide and self-harm
        "suicide", "suicides", "suicidal", "self-harm", "self harm",
        # immigration
        "immigration", "immigrant", "immigrants", "deportation", "deportations", "deport",
        "deported", "undocumented",
    ),
    "es": (
        # trata, trabajo sexual
        "trata", "tratante", "tratantes", "trabajo sexual", "trabajos sexuales",
        "trabajadora sexual", "trabajadoras sexuales", "trabajador sexual",
        "trabajadores sexuales", "sexo comercial", "comercio sexual", "industria del sexo",
        "prostituta", "prostitutas", "prostituto", "prostitutos", "prostitución", "proxeneta",
        "proxenetas", "trabajo forzado", "trabajos forzados", "trabajo forzoso",
        "explotación", "explotaciones", "explotado", "explotada", "explotados", "explotadas",
        "explotador", "explotadores", "visa t", "visas t", "visa u", "visas u",
        # abuso, violencia, agresión
        "abuso", "abusos", "abusado", "abusada", "abusados", "abusadas", "abusador",
        "abusadores", "abusivo", "abusiva", "violencia", "violencias", "violento", "violenta",
        "agresión sexual", "agresiones sexuales", "asalto sexual", "violación sexual",
        "violaciones sexuales", "violador", "violadores", "violada", "violado", "incesto",
        "acoso", "acosador", "acosadores", "víctima", "víctimas", "sobreviviente",
        "sobrevivientes", "plan de seguridad", "planes de seguridad", "maltrato",
        "maltratos", "maltratada", "maltratado",
        # drogas
        "droga", "drogas", "alcohol", "alcohólico", "alcohólica", "alcohólicos",
        "alcohólicas", "alcoholismo", "adicción", "adicciones", "adicto", "adicta",
        "adictos", "adictas", "uso de sustancias", "abuso de sustancias", "sobredosis",
        "naloxona", "narcan", "opioide", "opioides", "opiáceo", "opiáceos", "heroína",
        "fentanilo", "cocaína", "metadona", "buprenorfina", "suboxone", "jeringa", "jeringas",
        "jeringuilla", "jeringuillas", "aguja", "agujas", "inyectarse", "se inyecta",
        "inyección", "inyecciones", "desintoxicación", "rehabilitación", "sobriedad",
        "reducción de daños", "tira de prueba", "tiras de prueba",
        # salud sexual y embarazo
        "sexo", "sexual", "sexuales", "transmisión sexual", "vih", "sida", "condón",
        "condones", "preservativo", "preservativos", "salud sexual", "sexo seguro",
        "sexo más seguro", "sífilis", "gonorrea", "clamidia", "hepatitis", "herpes", "aborto",
        "abortos", "prueba de embarazo", "pruebas de embarazo", "anticoncepción de emergencia",
        "anticonceptivo de emergencia", "anticonceptivos de emergencia",
        "píldora del día después",
        # suicidio
        "suicidio", "suicidios", "suicida", "suicidas", "autolesión", "autolesiones",
        # inmigración
        "inmigración", "inmigrante", "inmigrantes", "migratorio", "migratoria",
        "migratorios", "deportación", "deportaciones", "deportado", "deportada",
        "indocumentado", "indocumentada", "indocumentados", "indocumentadas",
    ),
}

# Matched with their case: in lower case several are ordinary words ("its", "pep").
ACRONYMS = ("HIV", "VIH", "AIDS", "SIDA", "STI", "STIs", "STD", "STDs", "ITS", "ETS",
            "PrEP", "PEP", "DV", "SUD", "MAT")

# What a word list cannot say, on lower-case text without accents.
PHRASES = (
    r"\b(sell|sells|selling|sold|buy|buys|buying|bought|trade|trades|trading|traded"
    r"|exchang\w*)\W+sex\b", r"\bfor\W+sex\b", r"\bsex\W+for\W+(money|food|a\W+place)",
    r"\b(vend\w*|compr\w*|intercambi\w*)\W+sexo\b", r"\bsexo\W+a\W+cambio\b",
    r"\b(para|por)\W+(el\W+)?sexo\b",
    r"hurt\w*\W+by\W+(a|your|their)\W+partner",
    r"\bpartner\b.{0,40}\b(hurting|hurts|forces|controls)\b",
    r"\bpareja\b.{0,40}\b(hace|hizo)\W+dano\b",
    r"\b(le|te)\W+(hace|hizo|esta\W+haciendo)\W+dano\b", r"\bsomeone\W+is\W+hurting\b",
)


def fold(text: str) -> str:
    """Lower case without accents: "Explotación" -> "explotacion"."""
    return _unaccent(text.lower())


def _unaccent(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _word_pattern(word: str) -> str:
    word = fold(word)
    start = "" if word.startswith("*") else r"\b"
    end = "" if word.endswith("*") else r"\b"
    body = r"\W+".join(re.escape(part) for part in word.strip("*").split())
    return start + body + (r"\w*" if word.endswith("*") else "") + end


_SENSITIVE = re.compile("|".join(
    [_word_pattern(w) for words in WORDS.values() for w in words] + list(PHRASES)))
_ACRONYM = re.compile(r"\b(" + "|".join(re.escape(a) for a in ACRONYMS) + r")\b")


def is_sensitive(text: str) -> bool:
    return bool(text) and (_SENSITIVE.search(fold(text)) is not None
                           or _ACRONYM.search(_unaccent(text)) is not None)


def sensitive_words(text: str) -> list[str]:
    """The sensitive words found in `text` (for test messages and staff checks)."""
    return ([m.group(0) for m in _SENSITIVE.finditer(fold(text))]
            + [m.group(0) for m in _ACRONYM.finditer(_unaccent(text))])


def keep(text: str, discreet: bool) -> str:
    """`text`, or nothing when the sheet is discreet and the text gives the help away."""
    return "" if discreet and is_sensitive(text) else text


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def keep_sentences(text: str, discreet: bool) -> list[str]:
    """The sentences of `text`, without those that would give the help away."""
    return [s for s in sentences(text) if not (discreet and is_sensitive(s))]
