"""Generated hostile input for the fuzz tests (tests/nlp_models/test_fuzz.py, tests/forum/test_fuzz.py).

How many examples each fuzz test runs comes from the environment, so CI runs a meaningful
sample and `make fuzz` the full 100,000:

- FUZZ_FILTER_EXAMPLES: examples per filter test (CI default 3,000); huge texts get a 30th.
- FUZZ_FORM_EXAMPLES: examples per form test (CI default 250; the forum tests run twice in CI).

Every text is built from the kinds of input a forum meets: Unicode of every category (astral
planes, right-to-left scripts, combining marks, zero-width and control characters, NUL; no lone
surrogates, which no browser can send as UTF-8), empty and huge texts, HTML and <script>,
SQL-looking text, and structured personal data (phone numbers, e-mail addresses, IBANs,
postcodes) in random surroundings, with invisible characters hidden inside it.
"""

from __future__ import annotations

import os
import unicodedata

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from stdnum import iban as stdnum_iban


def examples(kind: str) -> int:
    """The number of examples for `kind` ("filter" or "form") from the environment."""
    defaults = {"filter": 3000, "form": 250}
    return int(os.environ.get(f"FUZZ_{kind.upper()}_EXAMPLES") or defaults[kind])


def fuzz_settings(kind: str) -> settings:
    return settings(
        max_examples=examples(kind),
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.function_scoped_fixture,
            HealthCheck.filter_too_much,
        ],
        print_blob=True,
    )


# --- Unicode of every kind --------------------------------------------------------------------

ANY_CHARACTER = st.characters(exclude_categories=("Cs",))  # every plane, every category, NUL included
ASTRAL = st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF, exclude_categories=("Cs", "Cn"))
RTL = st.one_of(
    st.characters(min_codepoint=0x0590, max_codepoint=0x08FF),  # Hebrew, Arabic, Syriac, Thaana, N'Ko
    st.characters(min_codepoint=0xFB1D, max_codepoint=0xFEFC),  # presentation forms
    st.sampled_from("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"),
)
COMBINING = st.characters(categories=("Mn", "Mc", "Me"))
# Format characters that are seen: the number signs of Arabic, Syriac and Kaithi.
VISIBLE_FORMAT = "\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd"
INVISIBLE = st.one_of(
    st.sampled_from("\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e\u034f"),
    st.characters(categories=("Cf",), exclude_characters=VISIBLE_FORMAT),
)
CONTROL = st.characters(categories=("Cc",))  # NUL, BEL, ESC, DEL, C1 controls, \r \n \t
SPACES = st.one_of(st.characters(categories=("Zs", "Zl", "Zp")), st.sampled_from(" \t\n\r"))

CHARACTER = st.one_of(ANY_CHARACTER, ASTRAL, RTL, COMBINING, INVISIBLE, CONTROL, SPACES)
UNICODE_TEXT = st.text(CHARACTER, max_size=200)

HTML = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '<script src="https://evil.example/x.js"></script>',
        "<SCRIPT>document.location='//x'</SCRIPT>",
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">klik</a>',
        "<svg onload=alert(1)>",
        "<iframe src=//evil.example></iframe>",
        '"><script>alert(1)</script>',
        "'><b>vet</b>",
        "</textarea><script>alert(1)</script>",
        "{{ request }}{% debug %}",
        "&lt;script&gt;",
        "<!--",
        "<style>body{display:none}</style>",
    ]
)
SQL = st.sampled_from(
    [
        "' OR '1'='1",
        "'; DROP TABLE forum_post; --",
        '" OR 1=1 --',
        "1; SELECT * FROM forum_member",
        "admin'--",
        "%' UNION SELECT password FROM forum_member --",
        "\\'; DELETE FROM auth_group; --",
        "' AND SLEEP(5) --",
    ]
)
DUTCH = st.sampled_from(
    [
        "hoi allemaal",
        "ik word gepest op school",
        "mijn ouders maken ruzie",
        "wat een kut dag",
        "heeft iemand tips?",
        "ik ben 14",
        "groetjes",
        "😀",
        "👨‍👩‍👧",
        "🏳️‍🌈",
    ]
)
FRAGMENT = st.one_of(UNICODE_TEXT, HTML, SQL, DUTCH)


@st.composite
def huge_texts(draw: st.DrawFn, *, max_size: int = 60_000) -> str:
    """From 4,000 to `max_size` characters, cheaply: a drawn piece repeated (a post may be 5,000)."""
    piece = draw(st.one_of(FRAGMENT, st.text(CHARACTER, min_size=1, max_size=20)).filter(bool))
    size = draw(st.integers(min_value=4_000, max_value=max_size))
    return (piece * (size // len(piece) + 1))[:size]


# --- Structured personal data ---------------------------------------------------------------

DIGITS = "0123456789"


@st.composite
def phone_numbers(draw: st.DrawFn) -> str:
    subscriber = draw(st.text(DIGITS, min_size=8, max_size=8))
    if subscriber[0] == "0":
        subscriber = "1" + subscriber[1:]
    shape = draw(st.sampled_from(["compact", "dash", "pairs", "plus", "plus_spaced"]))
    return {
        "compact": f"06{subscriber}",
        "dash": f"06-{subscriber}",
        "pairs": "06 " + " ".join(subscriber[i : i + 2] for i in range(0, 8, 2)),
        "plus": f"+316{subscriber}",
        "plus_spaced": f"+31 6 {subscriber[:4]} {subscriber[4:]}",
    }[shape]


@st.composite
def email_addresses(draw: st.DrawFn) -> str:
    local = draw(st.from_regex(r"[a-z][a-z0-9]{1,10}([._][a-z0-9]{1,8})?", fullmatch=True))
    domain = draw(
        st.sampled_from(["hotmail.com", "gmail.com", "outlook.nl", "ziggo.nl", "school.nl", "x.be"])
    )
    return f"{local}@{domain}"


@st.composite
def ibans(draw: st.DrawFn) -> str:
    bank = draw(st.sampled_from(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "BUNQ", "KNAB"]))
    account = draw(st.text(DIGITS, min_size=10, max_size=10))
    check = stdnum_iban.calc_check_digits(f"NLXX{bank}{account}")
    number = f"NL{check}{bank}{account}"
    if draw(st.booleans()):
        number = " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    return number


@st.composite
def postcodes(draw: st.DrawFn) -> str:
    number = draw(st.integers(min_value=1000, max_value=9999))
    letters = draw(st.from_regex(r"[A-Z]{2}", fullmatch=True).filter(lambda s: s not in ("SA", "SD", "SS")))
    return f"{number}{draw(st.sampled_from(['', ' ']))}{letters}"


PERSONAL_DATA = st.one_of(phone_numbers(), email_addresses(), ibans(), postcodes())
# What may stand right before or after personal data: anything that does not glue onto it.
# ("lisa0612345678" is a different token to the filter; that limit is documented, not fuzzed.)
BOUNDARY = st.sampled_from([" ", "\n", "\t", ", ", ": ", " (", ") ", "! ", " - ", "\u00a0", "\u3000", " 😀 "])


@st.composite
def with_invisible_inside(draw: st.DrawFn, value: str) -> str:
    """`value` with invisible (format or control) characters hidden between its characters."""
    chars = list(value)
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        at = draw(st.integers(min_value=1, max_value=max(1, len(chars) - 1)))
        chars.insert(at, draw(st.one_of(INVISIBLE, CONTROL.filter(lambda c: c not in "\n\t\r"))))
    return "".join(chars)


@st.composite
def with_other_spaces(draw: st.DrawFn, value: str) -> str:
    """`value` with its spaces typed as other spaces that look the same (no-break, thin, …)."""
    return "".join(draw(st.sampled_from("\u00a0\u2007\u2009\u202f\u3000 ")) if c == " " else c for c in value)


@st.composite
def texts_with_personal_data(draw: st.DrawFn) -> tuple[str, str]:
    """A text and the personal data hidden in it (as a reader would see it)."""
    value = draw(PERSONAL_DATA)
    hidden = draw(st.one_of(st.just(value), with_invisible_inside(value), with_other_spaces(value)))
    before = draw(st.one_of(FRAGMENT, st.just("")))
    after = draw(st.one_of(FRAGMENT, st.just("")))
    return f"{before}{draw(BOUNDARY)}{hidden}{draw(BOUNDARY)}{after}", value


ANY_TEXT = st.one_of(
    st.just(""),
    UNICODE_TEXT,
    st.lists(FRAGMENT, max_size=6).map(" ".join),
    texts_with_personal_data().map(lambda pair: pair[0]),
)


def as_read(text: str) -> str:
    """What a reader sees of `text`: without format (invisible) and control characters."""
    visible = (
        c
        for c in text
        if (unicodedata.category(c) not in ("Cf", "Cc") or c in "\n\t" + VISIBLE_FORMAT) and c != "\u034f"
    )
    return "".join(" " if unicodedata.category(c) == "Zs" else c for c in visible)
