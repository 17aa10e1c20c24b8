"""The moderators' pages in the Wagtail admin (/beheer/moderatie/), and a member's own warnings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forum.crypto import unseal
from forum.http import MemberRequest
from forum.models import Board, Member
from moderation import actions, selectors
from moderation.figures import team_figures
from moderation.findings import hold_categories, model_reading
from moderation.forms import EditForm, FollowUpForm, PreferenceForm, RejectForm, TimeOutForm
from moderation.highlight import highlight
from moderation.models import AuditEntry, ModeratorPreference, Review


def _moderator(request: HttpRequest) -> Member:
    user = request.user
    if not isinstance(user, Member):
        raise PermissionDenied(_("Alleen moderatoren kunnen dit doen."))
    actions.check_moderator(user)
    return user


def queue(request: HttpRequest) -> HttpResponse:
    """The queue; with `?deel=lijst` only its list, which the open page fetches when told of a change."""
    moderator = _moderator(request)
    state = Review.State.ESCALATED if request.GET.get("tab") == "doorgezet" else Review.State.OPEN
    boards = list(Board.objects.order_by("name"))
    board = next((b for b in boards if b.slug == request.GET.get("forum")), None)
    categories = [(t.key, t.label) for t in hold_categories()]
    categories.append((selectors.REPORTED_CATEGORY, _("gemeld door leden")))
    category = request.GET.get("reden", "")
    if category not in dict(categories):
        category = ""
    items, next_cursor = selectors.queue_page(
        moderator=moderator,
        state=state,
        after=selectors.QueueCursor.decode(request.GET.get("na")),
        category=category,
        board_id=board.pk if board else None,
    )
    filters = {
        k: v
        for k, v in (
            ("tab", request.GET.get("tab", "")),
            ("reden", category),
            ("forum", board.slug if board else ""),
        )
        if v
    }
    context = {
        "items": items,
        "counts": selectors.queue_counts(),
        "tab": state,
        "now": timezone.now(),
        "next_cursor": next_cursor and next_cursor.encode(),
        "boards": boards,
        "board": board,
        "categories": categories,
        "category": category,
        "filter_query": urlencode(filters),
        "tab_query": urlencode({k: v for k, v in filters.items() if k != "tab"}),
        "moderator": moderator,
    }
    if request.GET.get("deel") == "lijst":
        return render(request, "moderation/_queue_list.html", context)
    return render(request, "moderation/queue.html", context)


def review(request: HttpRequest, review_id: int) -> HttpResponse:
    moderator = _moderator(request)
    item = get_object_or_404(
        Review.objects.select_related(
            "post", "post__topic", "post__topic__board", "post__author", "claimed_by"
        ),
        pk=review_id,
    )
    if item.is_open and not item.claimed_by_other(moderator.pk):
        try:
            item = actions.do_claim(review=item, moderator=moderator)
        except (ValidationError, PermissionDenied):
            pass
    context = selectors.review_context(review=item)
    post = item.post
    original = unseal(post.original)
    title_original = unseal(post.topic.title_original) if post.is_opening else ""
    findings = {s.part: s.findings for s in context.screenings}
    return render(
        request,
        "moderation/review.html",
        {
            "item": item,
            "ctx": context,
            "post": post,
            "original_html": highlight(original, findings.get("body", [])) if original else None,
            "title_html": highlight(title_original, findings.get("title", [])) if title_original else None,
            "reject_form": RejectForm(urgent=item.urgent),
            "edit_form": EditForm(initial={"text": original or post.body}),
            "followup_form": FollowUpForm(),
            "timeout_form": TimeOutForm(),
            "blurred": item.urgent or item.kind == Review.Kind.REPORTED,
            "claimed_by_other": item.claimed_by_other(moderator.pk),
            "model_reading": model_reading(original) if original else None,
        },
    )


@require_POST
def decide(request: HttpRequest, review_id: int) -> HttpResponse:
    """One endpoint for every decision, so each is one button (or one key) on the item page."""
    moderator = _moderator(request)
    item = get_object_or_404(Review, pk=review_id)
    action = request.POST.get("action", "")
    try:
        if action == "publish":
            actions.do_publish(review=item, moderator=moderator)
            messages.success(request, _("Geplaatst."))
        elif action == "edit":
            form: EditForm | RejectForm | FollowUpForm | TimeOutForm = EditForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Vul de aangepaste tekst in."))
            actions.do_publish(review=item, moderator=moderator, edited_text=form.cleaned_data["text"])
            messages.success(request, _("Aangepast en geplaatst."))
        elif action == "reject":
            form = RejectForm(request.POST, urgent=item.urgent)
            if not form.is_valid():
                raise ValidationError(_("Kies een reden."))
            actions.do_reject(
                review=item,
                moderator=moderator,
                reason=form.cleaned_data["reason"],
                warn=form.cleaned_data["warn"],
                followup=form.cleaned_data.get("followup", ""),
            )
            if item.urgent:
                messages.success(
                    request,
                    _(
                        "Afgewezen. De schrijver ziet de reden, met de chat en de hulplijnen; de opvolging is vastgelegd."
                    ),
                )
            else:
                messages.success(
                    request, _("Afgewezen. De schrijver ziet de reden, met een link naar de regels.")
                )
        elif action == "escalate":
            actions.do_escalate(review=item, moderator=moderator)
            messages.success(request, _("Doorgezet naar een senior moderator."))
        elif action == "followup":
            form = FollowUpForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Kies hoe het is opgevolgd."))
            actions.do_followup(review=item, moderator=moderator, followup=form.cleaned_data["followup"])
            messages.success(request, _("Opvolging vastgelegd."))
            return redirect("moderation:review", review_id=item.pk)
        elif action == "timeout":
            form = TimeOutForm(request.POST)
            if not form.is_valid() or item.post.author is None:
                raise ValidationError(_("Kies een time-out van 1 tot 365 dagen."))
            actions.do_time_out(member=item.post.author, moderator=moderator, days=form.cleaned_data["days"])
            messages.success(request, _("Time-out gegeven."))
            return redirect("moderation:review", review_id=item.pk)
        else:
            raise ValidationError(_("Onbekende actie."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("moderation:review", review_id=item.pk)
    return redirect("moderation:queue")


def audit(request: HttpRequest) -> HttpResponse:
    _moderator(request)
    before = request.GET.get("voor", "")
    entries, next_before = selectors.audit_search(
        query=request.GET.get("q", ""),
        action=request.GET.get("actie", ""),
        before_id=int(before) if before.isdigit() else None,
    )
    return render(
        request,
        "moderation/audit.html",
        {
            "entries": entries,
            "next_before": next_before,
            "q": request.GET.get("q", ""),
            "action": request.GET.get("actie", ""),
            "actions": AuditEntry.Action.choices,
        },
    )


def figures(request: HttpRequest) -> HttpResponse:
    _moderator(request)
    days = request.GET.get("dagen", "30")
    days_int = int(days) if days in ("7", "30", "90", "365") else 30
    return render(request, "moderation/figures.html", {"f": team_figures(days=days_int), "days": days_int})


def preferences(request: HttpRequest) -> HttpResponse:
    moderator = _moderator(request)
    pref, _created = ModeratorPreference.objects.get_or_create(moderator=moderator)
    form = PreferenceForm(
        request.POST if request.method == "POST" else None,
        initial={"skipped_boards": pref.skipped_boards.all()},
    )
    if request.method == "POST" and form.is_valid():
        pref.skipped_boards.set(form.cleaned_data["skipped_boards"])
        messages.success(request, _("Je voorkeuren zijn opgeslagen."))
        return redirect(reverse("moderation:queue"))
    return render(request, "moderation/preferences.html", {"form": form})


@login_required
def my_warnings(request: MemberRequest) -> HttpResponse:
    """A member's own active warnings and why they were given."""
    return render(
        request,
        "moderation/my_warnings.html",
        {"strikes": selectors.member_strikes(member=request.user)},
    )
