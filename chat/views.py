"""Thin views: read the request, call a selector or service, render."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chat import hours, selectors, services
from chat.forms import EndForm, RegistrationForm, StartForm, WatchForm
from chat.models import Chat, ChatRecord, ChatStatus
from chat.texts import client_texts
from forum.challenge import proof_refusal
from forum.models import Member
from forum.ratelimit import UNCOUNTED, cannot_count, rate_limit_hit, rate_limit_wait, session_key

SESSION_CHAT = "chat_token"  # the session key of the young person's current chat
SESSION_VISITOR = "chat_visitor"  # the session key that a time-out follows


def _visitor_hash(request: HttpRequest, *, create: bool) -> str:
    """The hash of this browser session's visitor token; created (and a cookie set) only when a
    chat is started, so that merely reading the entry page leaves nothing behind."""
    if SESSION_VISITOR not in request.session:
        if not create:
            return ""
        request.session[SESSION_VISITOR] = services.new_token()
    return services.token_hash(request.session[SESSION_VISITOR])


def _own_chat(request: HttpRequest) -> Chat | None:
    token = request.session.get(SESSION_CHAT)
    return selectors.chat_for_token_hash(token_hash=services.token_hash(token)) if token else None


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@require_http_methods(["GET", "POST"])
def entry(request: HttpRequest) -> HttpResponse:
    """Opening hours, the wait, the crisis numbers, and the start of a chat."""
    if _own_chat(request) is not None:
        return redirect("chat:room")
    source = request.POST if request.method == "POST" else request.GET
    post_id, topic_id = _int(source.get("bericht")), _int(source.get("onderwerp"))
    shareable = selectors.shareable_from_forum(post_id=post_id, topic_id=topic_id, viewer=request.user)
    visitor_hash = _visitor_hash(request, create=request.method == "POST")
    form = StartForm(
        request.POST if request.method == "POST" else None,
        can_share=bool(shareable.text),
        initial={"board": shareable.board, "bericht": post_id, "onderwerp": topic_id},
    )
    limited = False
    if request.method == "POST" and form.is_valid():
        token = services.new_token()
        try:
            # Per browser session, then the proof of work (or, without JavaScript, the small budget for
            # starts without one), then everyone together: a dropped cookie resets neither of the last two.
            if error := (
                _start_refused(request) or proof_refusal(request, action="chat_start") or _queue_full()
            ):
                limited = error.code == "rate_limited"
                raise error
            services.chat_start(
                token=token,
                visitor_hash=visitor_hash,
                nickname=form.cleaned_data["nickname"],
                age=form.cleaned_data["age"],
                board=form.cleaned_data["board"],
                shared_text=shareable.text if form.cleaned_data.get("share") else "",
                is_urgent=shareable.is_urgent,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            _start_count(request)
            request.session[SESSION_CHAT] = token
            return redirect("chat:room")
    waiting, wait_minutes = selectors.entry_figures()
    return render(
        request,
        "chat/entry.html",
        {
            "form": form,
            "is_open": hours.is_open(),
            "week": hours.week_overview(),
            "waiting": waiting,
            "wait_minutes": wait_minutes,
            "time_out_until": services.time_out_until(visitor_hash=visitor_hash) if visitor_hash else None,
            "is_urgent": shareable.is_urgent,
        },
        status=429 if limited else 400 if form.errors else 200,
    )


def _queue_full() -> ValidationError | None:
    """Chats started by everyone together, a minute at a time (`RATE_LIMITS["chat_start_all"]`): a
    script that drops its cookie cannot flood the volunteers' queue. Counted when a start is tried
    with a valid form, so a flood is refused before it reaches the queue."""
    limit, window = settings.RATE_LIMITS["chat_start_all"]
    wait = rate_limit_hit(action="chat_start_all", who="all", limit=limit, window=window)
    if not wait:
        return None
    if wait == UNCOUNTED:
        return cannot_count()
    return ValidationError(
        _(
            "Er starten nu heel veel mensen tegelijk een chat. Probeer het over een minuut opnieuw; wat je "
            "hebt ingevuld, staat er nog. Wil je nu meteen iemand spreken? Bel dan gratis en anoniem een "
            "van de nummers onderaan deze pagina."
        ),
        code="rate_limited",
    )


def _start_count(request: HttpRequest) -> None:
    """Count a chat this browser session started (never per IP address). Only chats that really
    started count: a mistyped age or a closed chat costs nothing."""
    limit, window = settings.RATE_LIMITS["chat_start"]
    rate_limit_hit(action="chat_start", who=session_key(request), limit=limit, window=window)


def _start_refused(request: HttpRequest) -> ValidationError | None:
    """The kind refusal to show when this browser session started as many chats as
    `RATE_LIMITS["chat_start"]` allows; None when it may start one."""
    limit, window = settings.RATE_LIMITS["chat_start"]
    wait = rate_limit_wait(action="chat_start", who=session_key(request), limit=limit, window=window)
    if not wait:
        return None
    minutes = max(1, -(-wait // 60))
    return ValidationError(
        ngettext(
            "Je hebt kort na elkaar al een paar keer een chat gestart. Dat is geen straf: zo blijft er plek "
            "voor iedereen. Over %(n)d minuut kun je weer een chat starten; wat je hebt ingevuld, staat er nog.",
            "Je hebt kort na elkaar al een paar keer een chat gestart. Dat is geen straf: zo blijft er plek "
            "voor iedereen. Over %(n)d minuten kun je weer een chat starten; wat je hebt ingevuld, staat er nog.",
            minutes,
        )
        % {"n": minutes}
        + " "
        + _(
            "Wil je nu meteen iemand spreken? Bel dan gratis en anoniem een van de nummers onderaan deze "
            "pagina, of lees verder op het forum."
        ),
        code="rate_limited",
    )


@require_GET
def room(request: HttpRequest) -> HttpResponse:
    """The young person's waiting room and conversation, one page that follows the chat live."""
    chat = _own_chat(request)
    if chat is None:
        return redirect("chat:entry")
    return render(
        request,
        "chat/room.html",
        {"chat": chat, "state": selectors.chat_state(chat=chat), "texts": client_texts()},
    )


@require_POST
def leave(request: HttpRequest) -> HttpResponse:
    chat = _own_chat(request)
    if chat is not None:
        services.chat_leave(chat=chat)
    request.session.pop(SESSION_CHAT, None)
    messages.success(request, _("Je bent gestopt met chatten. Je kunt altijd opnieuw beginnen."))
    return redirect("chat:entry")


# --- Volunteers ------------------------------------------------------------------------------


def _only(
    allowed: Callable[[Any], bool],
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not allowed(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


volunteer_required = _only(selectors.is_volunteer)
coordinator_required = _only(selectors.is_coordinator)


@require_GET
@volunteer_required
def console(request: HttpRequest) -> HttpResponse:
    state = selectors.console_state(volunteer=request.user)  # type: ignore[arg-type]
    template = "chat/_console_state.html" if request.GET.get("deel") else "chat/console.html"
    return render(request, template, {"state": state, "texts": client_texts()})


@require_POST
@volunteer_required
def availability(request: HttpRequest) -> HttpResponse:
    services.volunteer_set_available(volunteer=request.user, available=request.POST.get("available") == "1")  # type: ignore[arg-type]
    return redirect("chat:console")


@require_POST
@volunteer_required
def take(request: HttpRequest, chat_id: int) -> HttpResponse:
    volunteer: Member = request.user  # type: ignore[assignment]
    chat = Chat.objects.filter(pk=chat_id).first()
    try:
        if chat is None:
            raise ValidationError(_("Dit gesprek is niet (meer) aan jou aangeboden."))
        services.check_chat_take(volunteer=volunteer, chat=chat)
        services.do_chat_take(volunteer=volunteer, chat=chat)  # locks and checks again
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("chat:console")
    return redirect("chat:conversation", chat_id=chat.pk)


@require_GET
@volunteer_required
def conversation(request: HttpRequest, chat_id: int) -> HttpResponse:
    chat = Chat.objects.filter(pk=chat_id, status=ChatStatus.ACTIVE).select_related("board").first()
    if chat is None:
        messages.info(request, _("Dit gesprek is afgelopen."))
        return redirect("chat:console")
    if request.user.pk not in (chat.volunteer_id, chat.watcher_id):
        raise PermissionDenied
    is_own = chat.volunteer_id == request.user.pk
    return render(
        request,
        "chat/conversation.html",
        {
            "chat": chat,
            "is_own": is_own,
            "end_form": EndForm(),
            "watch_form": WatchForm(colleagues=selectors.watch_colleagues(chat=chat)) if is_own else None,
            "texts": client_texts(),
        },
    )


@require_POST
@volunteer_required
def end(request: HttpRequest, chat_id: int) -> HttpResponse:
    volunteer: Member = request.user  # type: ignore[assignment]
    chat = Chat.objects.filter(pk=chat_id).first()
    form = EndForm(request.POST)
    if chat is None:
        return redirect("chat:console")
    if not form.is_valid():
        raise PermissionDenied
    time_out = form.cleaned_data["time_out"]
    services.check_chat_end(volunteer=volunteer, chat=chat, time_out_minutes=time_out)
    record = services.do_chat_end(volunteer=volunteer, chat=chat, time_out_minutes=time_out)
    messages.success(request, _("Het gesprek is beëindigd en de berichten zijn gewist."))
    return redirect("chat:registration", record_id=record.pk)


@require_POST
@volunteer_required
def watch(request: HttpRequest, chat_id: int) -> HttpResponse:
    volunteer: Member = request.user  # type: ignore[assignment]
    chat = get_object_or_404(Chat, pk=chat_id)
    form = WatchForm(request.POST, colleagues=selectors.watch_colleagues(chat=chat))
    if form.is_valid():
        colleague = form.cleaned_data["colleague"]
        try:
            services.check_watch_request(volunteer=volunteer, chat=chat, colleague=colleague)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            services.do_watch_request(volunteer=volunteer, chat=chat, colleague=colleague)
            messages.success(request, _("%(name)s kan nu meekijken.") % {"name": colleague.username})
    return redirect("chat:conversation", chat_id=chat.pk)


@require_http_methods(["GET", "POST"])
@volunteer_required
def registration(request: HttpRequest, record_id: int) -> HttpResponse:
    volunteer: Member = request.user  # type: ignore[assignment]
    record = get_object_or_404(ChatRecord, pk=record_id)
    services.check_registration(volunteer=volunteer, record=record)
    initial = {"age_group": record.age_group or record.stated_age_group}
    form = RegistrationForm(request.POST or None, instance=record, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.do_registration(record=record, **form.cleaned_data)
        messages.success(request, _("Dank je wel. De registratie is opgeslagen."))
        return redirect("chat:console")
    return render(request, "chat/registration.html", {"form": form, "record": record})


@require_GET
@coordinator_required
def figures(request: HttpRequest) -> HttpResponse:
    days = min(_int(request.GET.get("dagen")) or 30, 366)
    return render(request, "chat/figures.html", {"figures": selectors.figures(days=days)})
