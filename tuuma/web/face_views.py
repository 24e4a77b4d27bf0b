"""The organisation's face: the settings page, the generated stylesheet, the logo."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from tuuma.organisation.access import public, requires
from tuuma.web.actions import organisation_face_update
from tuuma.web.face import FaceForm

# The URLs carry the face's version (?v=…), so a browser may keep them long.
A_YEAR = 365 * 24 * 3600


@requires("organisation.manage")
def face_settings(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation
    # The form checks a copy: the page's organisation keeps its saved face
    # until the action changes it (and the header shows it if the form fails).
    copy = type(organisation).objects.get(pk=organisation.pk)
    form = FaceForm(request.POST or None, request.FILES or None, instance=copy)
    if request.method == "POST" and form.is_valid():
        logo = form.cleaned_data.get("logo")
        organisation_face_update(
            organisation=organisation,
            actor=request.user,
            accent_colour=form.cleaned_data["accent_colour"],
            logo=logo if "logo" in request.FILES else None,
            remove_logo=form.cleaned_data["remove_logo"],
        )
        messages.success(request, _("The appearance was saved."))
        return redirect("web:face")
    return render(
        request,
        "web/face_settings.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@public
def theme_css(request: HttpRequest) -> HttpResponse:
    """The accent colour as CSS custom properties (empty without a colour)."""
    organisation = request.organisation
    body = render_to_string("web/theme.css", {"organisation": organisation})
    response = HttpResponse(body, content_type="text/css; charset=utf-8")
    patch_cache_control(response, public=True, max_age=A_YEAR)
    return response


@public
def logo(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation
    if not organisation.logo:
        raise Http404
    response = FileResponse(organisation.logo.open("rb"), content_type="image/png")
    patch_cache_control(response, public=True, max_age=A_YEAR)
    return response
