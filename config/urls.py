from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.health import healthz
from moderation import views as moderation_views


def _no_such_item(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    raise Http404


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Wagtail's image and document choosers take `chosen/<str:pk>/` and catch only DoesNotExist, so a
    # non-numeric id ("abc") raised ValueError: a 500. Answered 404 here, before Wagtail sees it.
    re_path(r"^beheer/(?:images|documents)/chooser/chosen/(?![0-9]+/$)[^/]*/$", _no_such_item),
    path("beheer/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("forum/account/waarschuwingen/", moderation_views.my_warnings, name="my_warnings"),
    path("forum/", include("forum.urls")),
    path("chat/", include("chat.urls")),
    path("zoeken/", include("cms.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

if settings.BENCH_REFERENCE_VIEW:
    from config.bench import reference

    urlpatterns.append(path("bench/referentie/", reference, name="bench_reference"))

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "config.errors.bad_request"
