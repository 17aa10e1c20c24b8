from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.health import healthz
from moderation import views as moderation_views

urlpatterns = [
    path("healthz", healthz, name="healthz"),
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
