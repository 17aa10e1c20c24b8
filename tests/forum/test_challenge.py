"""The proof of work (ALTCHA) on sign-up, login, recovery and chat start, solved here with the altcha
library's own solver, as the widget does in a browser: a fresh solution lets a form through once; a
replayed, forged, expired or borrowed one is refused in Dutch with everything typed still there; and
without one (JavaScript off) a form goes through within a small budget for everyone together."""

from __future__ import annotations

import base64
import json

import altcha
import pytest
from django.test import Client
from django.urls import reverse

from chat.models import Chat
from forum.models import Member
from tests.chat.conftest import chat_open_all_day  # noqa: F401 (autouse: the chat is open)
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

SIGN_UP = {"nickname": "golf9x", "age": 14, "password": "lange-zin-als-wachtwoord"}
SIGN_UP["password_again"] = SIGN_UP["password"]
REFUSED = "De controle of je geen robot bent, is niet gelukt"


def solved(client: Client, action: str) -> str:
    """What the widget puts in the form: a challenge from the site, solved."""
    response = client.get(reverse("forum:challenge"), {"voor": action})
    challenge = altcha.Challenge.from_dict(response.json())
    solution = altcha.solve_challenge(challenge, timeout=10)
    assert solution is not None
    return altcha.Payload(challenge, solution).to_base64()


@pytest.fixture
def proof_required(settings):
    """No budget for forms without a proof: only a solution gets through."""
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        **{f"{a}_unproven": (0, 60) for a in ("sign_up", "login", "recover", "chat_start")},
    }


def test_a_solved_challenge_lets_the_sign_up_through(client, proof_required):
    response = client.post(reverse("forum:sign_up"), {**SIGN_UP, "altcha": solved(client, "sign_up")})

    assert response.status_code == 200
    assert "Bewaar deze herstelcodes" in response.content.decode()
    assert Member.objects.filter(username="golf9x").exists()


def test_a_solution_is_accepted_once(proof_required):
    payload = solved(Client(), "sign_up")
    Client().post(reverse("forum:sign_up"), {**SIGN_UP, "altcha": payload})

    replay = Client().post(reverse("forum:sign_up"), {**SIGN_UP, "nickname": "golf8x", "altcha": payload})

    assert replay.status_code == 400
    page = replay.content.decode()
    assert REFUSED in page and "Wat je hebt ingevuld, staat er nog." in page
    assert 'value="golf8x"' in page and 'value="14"' in page
    assert f'value="{SIGN_UP["password"]}"' in page
    assert not Member.objects.filter(username="golf8x").exists()


def _tampered(payload: str, change) -> str:
    data = json.loads(base64.b64decode(payload))
    change(data)
    return base64.b64encode(json.dumps(data).encode()).decode()


@pytest.mark.parametrize(
    ("solved_for", "forge"),
    [
        pytest.param("sign_up", lambda d: d["solution"].update(derivedKey="00" * 32), id="made-up-key"),
        pytest.param("sign_up", lambda d: d["challenge"]["parameters"].update(cost=0), id="easier-challenge"),
        pytest.param("sign_up", lambda d: d["challenge"].update(signature="ab" * 32), id="own-signature"),
        pytest.param(
            "login", lambda d: d["challenge"]["parameters"].update(data={"for": "sign_up"}), id="re-labelled"
        ),
    ],
)
def test_a_forged_solution_is_refused_and_the_form_stays_filled_in(client, proof_required, solved_for, forge):
    payload = _tampered(solved(client, solved_for), forge)

    response = client.post(reverse("forum:sign_up"), {**SIGN_UP, "altcha": payload})

    assert response.status_code == 400
    assert REFUSED in response.content.decode()
    assert 'value="golf9x"' in response.content.decode()
    assert not Member.objects.exists()


def test_the_same_solution_decoded_and_encoded_again_passes(client, proof_required):
    payload = _tampered(solved(client, "sign_up"), lambda d: None)  # the control for the forgeries above

    assert client.post(reverse("forum:sign_up"), {**SIGN_UP, "altcha": payload}).status_code == 200


def test_a_solution_for_another_form_is_refused(client, proof_required):
    response = client.post(reverse("forum:sign_up"), {**SIGN_UP, "altcha": solved(client, "login")})

    assert response.status_code == 400
    assert REFUSED in response.content.decode()


@pytest.mark.parametrize("garbage", ["niet-base64!", base64.b64encode(b"[1, 2]").decode(), "x" * 10_000])
def test_garbage_in_the_field_is_refused_without_an_error(client, proof_required, garbage):
    response = client.post(reverse("forum:sign_up"), {**SIGN_UP, "altcha": garbage})

    assert response.status_code == 400
    assert REFUSED in response.content.decode()


def test_an_expired_solution_is_refused(client, proof_required, settings):
    settings.ALTCHA = {**settings.ALTCHA, "expires": -1}
    payload = solved(client, "sign_up")

    response = client.post(reverse("forum:sign_up"), {**SIGN_UP, "altcha": payload})

    assert response.status_code == 400
    assert REFUSED in response.content.decode()


def test_login_recovery_and_chat_start_take_a_solution_too(client, member, proof_required, board):
    logged_in = client.post(
        reverse("forum:login"),
        {"username": member.username, "password": PASSWORD, "altcha": solved(client, "login")},
    )
    assert logged_in.status_code == 302

    codes = Client().post(reverse("forum:sign_up"), {**SIGN_UP, "altcha": solved(client, "sign_up")})
    recovered = Client().post(
        reverse("forum:recover"),
        {
            "nickname": "golf9x",
            "code": codes.context["codes"][0],
            "password": "een-nieuw-lang-wachtwoord",
            "altcha": solved(client, "recover"),
        },
    )
    assert recovered.status_code == 302

    visitor = Client()
    started = visitor.post(
        "/chat/", {"nickname": "zonnetje", "age": 14, "altcha": solved(visitor, "chat_start")}
    )
    assert started.status_code == 302
    assert Chat.objects.get().nickname == "zonnetje"


def test_without_a_solution_login_recovery_and_chat_start_keep_what_was_typed(client, member, proof_required):
    login = client.post(reverse("forum:login"), {"username": member.username, "password": PASSWORD})
    recover = client.post(
        reverse("forum:recover"), {"nickname": "golf9x", "code": "abcd-efgh", "password": "een-nieuw-lang-ww"}
    )
    chat = client.post("/chat/", {"nickname": "zonnetje", "age": 14})

    for response in (login, recover, chat):
        assert response.status_code == 429
        assert "Zonder JavaScript kan dit maar een paar keer per minuut" in response.content.decode()
    assert f'value="{member.username}"' in login.content.decode()
    assert 'value="abcd-efgh"' in recover.content.decode()
    assert 'value="een-nieuw-lang-ww"' in recover.content.decode()
    assert 'value="zonnetje"' in chat.content.decode()
    assert "_auth_user_id" not in client.session and not Chat.objects.exists()


def test_without_javascript_sign_ups_go_through_within_a_budget_for_everyone_together(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign_up_unproven": (2, 60)}
    for nickname in ("golf1x", "golf2x"):
        assert Client().post(reverse("forum:sign_up"), {**SIGN_UP, "nickname": nickname}).status_code == 200

    third = Client().post(reverse("forum:sign_up"), SIGN_UP)
    with_a_proof = Client()
    fourth = with_a_proof.post(
        reverse("forum:sign_up"), {**SIGN_UP, "nickname": "golf4x", "altcha": solved(with_a_proof, "sign_up")}
    )

    assert Member.objects.filter(username__in=["golf1x", "golf2x"]).count() == 2
    assert third.status_code == 429
    page = third.content.decode()
    assert "Het is nu erg druk. Zonder JavaScript" in page and "zet JavaScript aan" in page
    assert 'value="golf9x"' in page
    assert fourth.status_code == 200 and Member.objects.filter(username="golf4x").exists()


def test_mistakes_cost_no_proof_and_no_budget(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign_up_unproven": (1, 60)}
    for _ in range(3):
        client.post(reverse("forum:sign_up"), {**SIGN_UP, "password_again": "iets-anders"})

    response = client.post(reverse("forum:sign_up"), SIGN_UP)

    assert response.status_code == 200 and Member.objects.filter(username="golf9x").exists()


def test_a_challenge_leaves_nothing_behind_and_is_never_cached(client):
    response = client.get(reverse("forum:challenge"), {"voor": "sign_up"})

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies  # no session, no cookie: fetching a challenge stores nothing
    assert response.json()["parameters"]["algorithm"] == "PBKDF2/SHA-256"
    assert client.get(reverse("forum:challenge"), {"voor": "iets"}).status_code == 400


def test_every_form_that_starts_something_carries_the_widget(client):
    for url in (reverse("forum:sign_up"), reverse("forum:login"), reverse("forum:recover"), "/chat/"):
        page = client.get(url).content.decode()
        assert "<altcha-widget" in page, url
        assert "Je browser gebruikt geen JavaScript. Dat is goed" in page, url
