"""Forum pages. Thin: they read through selectors and write through services."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from forum import fragments, selectors, services
from forum.challenge import ACTIONS, challenge_create, proof_refusal
from forum.forms import (
    DeleteAccountForm,
    LoginForm,
    RecoverForm,
    ReplyForm,
    ReportForm,
    SignUpForm,
    TopicForm,
)
from forum.http import MemberRequest
from forum.models import Board, Member, Post, RejectReason, Status
from forum.preview import preview_context
from forum.ratelimit import (
    busy,
    device_known,
    device_remember,
    login_delay,
    login_failed,
    login_succeeded,
    rate_limit_hit,
    requester_key,
    too_many,
)
from nlp_models import clean_input


def _data(request: HttpRequest):
    """The submitted data, so that an empty submission is still validated (and told what is missing)."""
    return request.POST if request.method == "POST" else None


def _limited(request: HttpRequest, action: str, who: str | None = None) -> ValidationError | None:
    """Count an attempt at `action`; the error to show when there were too many."""
    limit, window = settings.RATE_LIMITS[action]
    wait = rate_limit_hit(action=action, who=who or requester_key(request), limit=limit, window=window)
    return too_many(wait) if wait else None


def _budget(action: str) -> dict[str, int]:
    limit, window = settings.RATE_LIMITS[action]
    return {"limit": limit, "window": window}


def _add_errors(form, error: ValidationError) -> None:
    """Show a service's refusal on the form, which keeps everything the member typed."""
    form.add_error(None, error)


def _form_status(form) -> int:
    """429 when the member must wait (interval or hourly cap), 400 for other errors, else 200."""
    if form.has_error(NON_FIELD_ERRORS, code="rate_limited"):
        return 429
    return 400 if form.errors else 200


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    with fragments.index_lookups(member_id=fragments.session_member_id(request)):
        return fragments.member_page(
            request, fragments.INDEX_TEMPLATE, lambda: {"boards_html": fragments.boards_html()}
        )


@require_GET
def board(request: HttpRequest, board: str) -> HttpResponse:
    after = selectors.Cursor.decode(request.GET.get("na"))
    with fragments.board_lookups(
        board_slug=board, member_id=fragments.session_member_id(request), after=after
    ):
        board_obj = fragments.board_by_slug(board)
        if board_obj is None:
            raise Http404
        return fragments.member_page(
            request,
            fragments.BOARD_TEMPLATE,
            lambda: {"board": board_obj, "board_html": fragments.board_html(board=board_obj, after=after)},
            parts=(board, after and after.encode()),
        )


def _wants_preview(request: HttpRequest) -> bool:
    return request.method == "POST" and "voorbeeld" in request.POST


def _too_long_to_preview(*, title: str, text: str) -> str | None:
    """Why a draft is too long to screen for a preview, or None.

    A post may be 5,000 characters; screening the megabytes a request may carry would keep the
    web process busy for minutes.
    """
    for what, value, max_length in (
        (_("titel"), title, settings.FORUM_TITLE_MAX_LENGTH),
        (_("bericht"), text, settings.FORUM_POST_MAX_LENGTH),
    ):
        length = len(value) if len(value) <= max_length else len(clean_input(value))
        if length > max_length:
            return _(
                "Je %(what)s is %(n)d tekens lang; het mag maximaal %(max)d tekens zijn. Maak het wat korter."
            ) % {"what": what, "n": length, "max": max_length}
    return None


def _preview(request: HttpRequest, *, title: str = "", text: str) -> dict | None:
    """The preview of a draft, or None (with the reason on the page) when asked for too often
    or when the draft is too long to be posted."""
    if _limited(request, "preview"):
        messages.error(
            request, _("Je hebt heel vaak een voorbeeld gevraagd. Wacht even en probeer het opnieuw.")
        )
        return None
    if reason := _too_long_to_preview(title=title, text=text):
        messages.error(request, reason)
        return None
    return preview_context(title=title, text=text)


@login_required
def topic_new(request: MemberRequest, board: str) -> HttpResponse:
    board_obj = get_object_or_404(Board, slug=board)
    form = TopicForm(_data(request))
    if _wants_preview(request):
        preview = _preview(request, title=request.POST.get("title", ""), text=request.POST.get("text", ""))
        return render(
            request,
            "forum/topic_new.html",
            {"board": board_obj, "form": TopicForm(request.POST), "preview": preview},
        )
    if request.method == "POST" and form.is_valid():
        try:
            topic = services.topic_start(
                author=request.user,
                board=board_obj,
                title=form.cleaned_data["title"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect(topic.get_absolute_url())
    status = 429 if request.method == "POST" and _form_status(form) == 429 else 200
    return render(request, "forum/topic_new.html", {"board": board_obj, "form": form}, status=status)


def topic(request: HttpRequest, board: str, topic_id: int) -> HttpResponse:
    if request.method != "GET":
        return _topic(request, board, topic_id)
    with fragments.lookups(
        topic_id=topic_id,
        board_slug=board,
        member_id=fragments.session_member_id(request),
        after=selectors.Cursor.decode(request.GET.get("na")),
    ):
        return _topic(request, board, topic_id)


def _topic(request: HttpRequest, board: str, topic_id: int) -> HttpResponse:
    topic_obj = fragments.topic_with_board(topic_id=topic_id, board_slug=board, kept=request.method == "GET")
    if topic_obj is None:
        raise Http404
    viewer = request.user if request.user.is_authenticated else None
    if not selectors.topic_visible_to(topic=topic_obj, viewer=viewer):
        return render(request, "forum/topic_hidden.html", {"board": topic_obj.board}, status=404)
    form = ReplyForm(_data(request))
    preview = None
    if request.method == "POST":
        if viewer is None:
            return redirect(f"{_login_url()}?next={topic_obj.get_absolute_url()}")
        if _wants_preview(request):
            preview = _preview(request, text=request.POST.get("text", ""))
            form = ReplyForm(request.POST)
        elif form.is_valid():
            try:
                post = services.post_reply(author=viewer, topic=topic_obj, text=form.cleaned_data["text"])
            except ValidationError as error:
                _add_errors(form, error)
            else:
                return redirect(f"{topic_obj.get_absolute_url()}#bericht-{post.pk}")
    after = selectors.Cursor.decode(request.GET.get("na"))
    page = fragments.topic_page(
        topic=topic_obj,
        viewer=viewer,
        after=after,
        csrf_token=get_token(request) if viewer is not None else "",
    )
    own_urgent = any(p.status == Status.URGENT for p in page.own_held)
    # A cry for help a moderator did not place keeps its warm help box, not a rule-breaker's card.
    own_care_rejected = any(
        p.status == Status.REJECTED and p.reject_reason == RejectReason.CARE for p in page.own_held
    )
    help_box = ""
    if own_urgent or own_care_rejected:
        help_box = render_to_string(
            "forum/_help_box.html",
            {"topic": topic_obj, "care_rejected": not own_urgent},
            request=request,
        )
    own_pending = any(p.status == Status.PENDING for p in page.own_held)
    return fragments.member_page(
        request,
        fragments.TOPIC_TEMPLATE,
        lambda: {
            "board": topic_obj.board,
            "topic": topic_obj,
            "next_cursor": page.next_cursor,
            "form": form,
            "reply_form": fragments.reply_form_html() if viewer is not None and not form.is_bound else "",
            "preview": preview,
        },
        # A topic only its writer sees (being checked) is not kept: `topic_with_board` reads it anew.
        parts=(topic_obj.pk, after and after.encode()) if topic_obj.status == Status.PUBLISHED else None,
        holes={
            "posts_html": page.posts_html,
            "help_box": mark_safe(help_box),  # noqa: S308 (our own template)
            "pending_script": format_html('<script src="{}" defer></script>', static("js/pending.js"))
            if own_pending
            else "",
        },
        status=_form_status(form),
    )


def _login_url() -> str:
    from django.urls import reverse

    return reverse("forum:login")


@require_GET
@login_required
def post_status(request: MemberRequest, post_id: int) -> JsonResponse:
    """The status of one's own post, for the page that waits for screening."""
    post = get_object_or_404(Post, pk=post_id, author=request.user)
    return JsonResponse({"status": post.status, "label": str(post.get_status_display())})


@require_POST
@login_required
def post_recognise(request: MemberRequest, post_id: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.select_related("topic__board"), pk=post_id)
    try:
        services.reaction_toggle(member=request.user, post=post)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect(f"{post.topic.get_absolute_url()}#bericht-{post.pk}")


@login_required
def post_report(request: MemberRequest, post_id: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.select_related("topic__board", "author"), pk=post_id)
    form = ReportForm(_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            if error := _limited(request, "report"):
                raise error
            services.report_create(reporter=request.user, post=post, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Bedankt voor je melding. Een moderator kijkt ernaar."))
            return redirect(f"{post.topic.get_absolute_url()}#bericht-{post.pk}")
    return render(request, "forum/report.html", {"post": post, "form": form})


@require_GET
def member(request: HttpRequest, nickname: str) -> HttpResponse:
    member_obj = get_object_or_404(Member, username=nickname, is_active=True)
    return render(
        request,
        "forum/member.html",
        {"member": member_obj, "posts": selectors.member_public_posts(member=member_obj)},
    )


# --- Accounts ------------------------------------------------------------------------------


def sign_up(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("forum:index")
    form = SignUpForm(_data(request))
    if request.method == "POST":
        # Only what looks like a script counts: many tries in a few minutes from one browser. A child
        # who gets something wrong sees every problem at once and tries again freely.
        if error := _limited(request, "sign_up_attempt"):
            form.is_valid()
            form.add_error(None, error)
            return render(request, "forum/sign_up.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        age = form.cleaned_data["age"]
        # The proof of work (or, without JavaScript, the small budget for forms without one), then the
        # accounts made by everyone together, a minute at a time: a dropped cookie resets neither.
        if error := proof_refusal(request, action="sign_up"):
            form.add_error(None, error)
            return render(request, "forum/sign_up.html", {"form": form}, status=_form_status(form))
        if wait := rate_limit_hit(action="sign_up", who="all", **_budget("sign_up")):
            form.add_error(None, busy(wait))
            return render(request, "forum/sign_up.html", {"form": form}, status=429)
        if not services.age_allowed(age):
            return render(
                request, "forum/sign_up_age.html", {"age": age, "too_young": age < settings.FORUM_MIN_AGE}
            )
        try:
            member_obj, codes = services.member_sign_up(
                nickname=form.cleaned_data["nickname"], password=form.cleaned_data["password"], age=age
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, member_obj, backend=settings.AUTHENTICATION_BACKENDS[0])
            return render(request, "forum/sign_up_codes.html", {"codes": codes})
    return render(request, "forum/sign_up.html", {"form": form})


class LoginView(auth_views.LoginView):
    """Logging in, throttled per browser session and per nickname (never per IP address)."""

    template_name = "forum/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:  # type: ignore[no-untyped-def]
        nickname = request.POST.get("username", "").strip().lower()[:150]
        error = _limited(request, "login") or proof_refusal(request, action="login")
        if not error and not device_known(request, nickname=nickname):
            # Slowed down per nickname, not locked: checked before the password, so waiting tells
            # a guesser nothing; a browser where the owner logged in before never waits.
            if wait := login_delay(nickname=nickname):
                error = ValidationError(
                    ngettext(
                        "Voor deze schuilnaam is een paar keer een verkeerd wachtwoord geprobeerd. "
                        "Wacht %(n)d seconde en probeer het dan opnieuw.",
                        "Voor deze schuilnaam is een paar keer een verkeerd wachtwoord geprobeerd. "
                        "Wacht %(n)d seconden en probeer het dan opnieuw.",
                        wait,
                    )
                    % {"n": wait},
                    code="slowed_down",
                )
        if error:
            # Not even checked: the nickname comes back filled in, with the reason to wait.
            form = self.get_form_class()(request, initial={"username": request.POST.get("username", "")})
            context = self.get_context_data(form=form, throttled=error.messages[0])
            status = {"rate_limited": 429, "proof_refused": 400}.get(str(error.code), 200)
            return self.render_to_response(context, status=status)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form) -> HttpResponse:  # type: ignore[no-untyped-def]
        nickname = self.request.POST.get("username", "").strip().lower()[:150]
        if nickname:
            login_failed(nickname=nickname)
        return super().form_invalid(form)

    def form_valid(self, form) -> HttpResponse:  # type: ignore[no-untyped-def]
        nickname = form.get_user().username.lower()
        login_succeeded(nickname=nickname)
        response = super().form_valid(form)
        device_remember(self.request, response, nickname=nickname)
        return response


@require_POST
def log_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.success(request, _("Je bent uitgelogd."))
    return redirect("forum:index")


def recover(request: HttpRequest) -> HttpResponse:
    form = RecoverForm(_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            if error := _limited(request, "recover") or proof_refusal(request, action="recover"):
                raise error
            member_obj = services.member_reset_password(
                nickname=form.cleaned_data["nickname"],
                code=form.cleaned_data["code"],
                new_password=form.cleaned_data["password"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            login(request, member_obj, backend=settings.AUTHENTICATION_BACKENDS[0])
            messages.success(
                request, _("Je nieuwe wachtwoord is ingesteld. Die herstelcode werkt nu niet meer.")
            )
            return redirect("forum:account")
    status = _form_status(form) if request.method == "POST" else 200
    return render(request, "forum/recover.html", {"form": form}, status=status)


@require_GET
def challenge(request: HttpRequest) -> JsonResponse:
    """A fresh proof-of-work challenge for the widget on a form (forum/challenge.py)."""
    action = request.GET.get("voor", "")
    if action not in ACTIONS:
        return JsonResponse({"error": "unknown action"}, status=400)
    response = JsonResponse(challenge_create(action=action))
    response["Cache-Control"] = "no-store"
    return response


@login_required
def account(request: MemberRequest) -> HttpResponse:
    return render(
        request,
        "forum/account.html",
        {
            "posts": selectors.member_own_posts(member=request.user),
            "codes_left": request.user.recovery_codes.filter(used_at__isnull=True).count(),
        },
    )


@login_required
def account_delete(request: MemberRequest) -> HttpResponse:
    form = DeleteAccountForm(_data(request))
    if request.method == "POST" and form.is_valid():
        if not request.user.check_password(form.cleaned_data["password"]):
            form.add_error("password", _("Dit wachtwoord klopt niet."))
        else:
            services.member_delete(member=request.user, delete_posts=form.cleaned_data["delete_posts"])
            logout(request)
            messages.success(request, _("Je account is verwijderd. Je bent altijd welkom terug."))
            return redirect("forum:index")
    return render(request, "forum/account_delete.html", {"form": form})


@require_POST
@login_required
def preview(request: MemberRequest) -> HttpResponse:
    """The preview as an HTML fragment, for the page's script while the member types."""
    title, text = request.POST.get("title", ""), request.POST.get("text", "")
    if _too_long_to_preview(title=title, text=text):
        return HttpResponse(status=413)  # the page's script keeps the last preview; the form says why
    context = _preview(request, title=title, text=text)
    if context is None:
        return HttpResponse(status=429)
    return render(request, "forum/_preview.html", context)
