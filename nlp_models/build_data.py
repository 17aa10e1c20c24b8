"""Regenerate the word lists in `nlp_models/data/` from permissively licensed sources.

    python -m nlp_models.build_data

Sources (see data/SOURCES.md): Faker's person and address providers (MIT) for first names,
surnames and Dutch place names; OpenTaal's Dutch word list (BSD / CC-BY 3.0, Debian package
`wdutch`, /usr/share/dict/dutch) for "is this an ordinary Dutch word". The output is committed;
this script is only needed to refresh it.
"""

from __future__ import annotations

import gzip
import importlib
import re
import unicodedata
from pathlib import Path

DATA = Path(__file__).parent / "data"
CORE_LOCALES = ("nl_NL", "nl_BE", "tr_TR", "ar_AA", "ar_SA", "ar_PS", "pl_PL", "fr_FR")
BROAD_LOCALES = (
    "en_US",
    "en_GB",
    "de_DE",
    "es_ES",
    "it_IT",
    "pt_PT",
    "id_ID",
    "fa_IR",
    "en_NG",
    "ro_RO",
    "uk_UA",
)
SURNAME_LOCALES = ("nl_NL", "nl_BE", "tr_TR", "pl_PL")
OPENTAAL = Path("/usr/share/dict/dutch")

# Popular first names of Dutch children of many backgrounds, from general knowledge.
CURATED_FIRST_NAMES = """
Daan Sem Lucas Levi Finn Noah Milan Luuk Bram Liam Jesse Thijs Mees Sam Max Adam Noud Siem Gijs Teun
Ruben Lars Thomas Tim Stijn Jayden Julian Hugo Boaz Jens Floris Olivier Mats Ties Dex Otis Jurre Guus
Ryan Mohammed Mohamed Ayoub Yassin Amine Bilal Ilias Rayan Soufiane Zakaria Anass Hamza Omar Youssef
Emre Mert Yusuf Kerem Burak Efe Arda Deniz Kaan Selin Elif Zeynep Ecem Esra Merve Büşra
Emma Julia Mila Tess Sophie Zoë Sara Nora Yara Eva Liv Lotte Saar Noor Fenna Sanne Lieke Anna Evi
Lisa Fleur Iris Roos Isa Luna Olivia Nina Mia Lina Lynn Hannah Elin Jasmijn Maud Sarah Esmee Femke
Anouk Lieve Floor Vera Puck Fay Bo Femke Amy Demi Romy Isabella Sofie Charlotte Amber Kim Britt Laura
Inge Ingrid Marieke Annemieke Mariska Petra Monique Sandra Wendy Linda Marloes Ilse Manon Kirsten
Fatima Salma Nour Imane Khadija Hiba Aya Malak Rania Yasmina Ikram Meryem Soumaya Amira Dounia Hajar
Jan Piet Kees Henk Willem Klaas Gert Joost Erik Mark Jeroen Bas Rik Dennis Niels Martijn Sander Pieter
Wouter Bart Joris Koen Hans Frank Peter Paul Marco Remco Ronald Robin Ricardo Dirk Jeffrey Kevin
Ashley Shanice Kimberly Chantal Priscilla Xavier Dwayne Quincy Shaquille Giovanni Romano Jaïr Dylano
Stefan Tomasz Jakub Kacper Zuzanna Wiktoria Oliwia Julka Dominika Maja Amelia
Storm Sky Zayn Mex Jax Novi Senna Jinthe Nola
"""


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


def _provider(kind: str, locale: str) -> object | None:
    try:
        return importlib.import_module(f"faker.providers.{kind}.{locale}").Provider
    except ModuleNotFoundError:
        return None


def _first_names(locales: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for loc in locales:
        p = _provider("person", loc)
        if p is None:
            continue
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            names = getattr(p, attr, ())
            out.update(names.keys() if isinstance(names, dict) else names)
    return {n for n in out if re.fullmatch(r"[^\W\d_][\w'-]*", n) and len(n) >= 2 and n[0].isupper()}


def _surnames() -> set[str]:
    out: set[str] = set()
    for loc in SURNAME_LOCALES:
        p = _provider("person", loc)
        if p is None:
            continue
        names = getattr(p, "last_names", ())
        out.update(names.keys() if isinstance(names, dict) else names)
    parts = set()
    for n in out:
        words = [w for w in re.split(r"[\s-]+", n) if w and w[0].isupper()]
        if words and re.fullmatch(r"[^\W\d_][\w']*", words[-1]) and len(words[-1]) >= 3:
            parts.add(words[-1])  # "de Vries" -> "Vries": the tussenvoegsel is matched apart
    return parts


def _places(attrs: tuple[str, ...] = ("cities", "city_names", "provinces", "countries")) -> set[str]:
    out: set[str] = set()
    for loc in ("nl_NL", "nl_BE"):
        p = _provider("address", loc)
        for attr in attrs:
            out.update(getattr(p, attr, ()) if p else ())
    return out


def _dictionary() -> set[str]:
    words = set()
    for line in OPENTAAL.read_text(encoding="utf-8").splitlines():
        if re.fullmatch(r"[a-zà-ÿ]{2,20}", line):
            words.add(_plain(line))
    return words


def main() -> None:
    DATA.mkdir(exist_ok=True)
    words = _dictionary()
    core = _first_names(CORE_LOCALES) | set(CURATED_FIRST_NAMES.split())
    broad = _first_names(BROAD_LOCALES) - core
    (DATA / "first_names_core.txt").write_text("\n".join(sorted(core)) + "\n", encoding="utf-8")
    (DATA / "first_names_broad.txt").write_text("\n".join(sorted(broad)) + "\n", encoding="utf-8")
    (DATA / "surnames.txt").write_text("\n".join(sorted(_surnames())) + "\n", encoding="utf-8")
    (DATA / "places.txt").write_text("\n".join(sorted(_places())) + "\n", encoding="utf-8")
    (DATA / "countries.txt").write_text("\n".join(sorted(_places(("countries",)))) + "\n", encoding="utf-8")
    with gzip.open(DATA / "dutch_words.txt.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(sorted(words)) + "\n")
    print(f"core {len(core)}, broad {len(broad)}, words {len(words)}")


if __name__ == "__main__":
    main()
