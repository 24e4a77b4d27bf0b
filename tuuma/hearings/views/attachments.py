"""Documents of a section: staff add and remove them, anyone downloads them."""

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tuuma.hearings import actions
from tuuma.hearings.actions import HearingError
from tuuma.hearings.forms import AttachmentForm
from tuuma.hearings.models import Section, SectionAttachment
from tuuma.organisation.access import public, requires


@requires("hearings.prepare", load=Section)
def section_attachments(request: HttpRequest, section: Section) -> HttpResponse:
    """The section's documents with a remove button each, and the upload form."""
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.attachment_add(
                section=section,
                by=request.user,
                document=form.cleaned_data["document"],
                title=form.cleaned_data["title"],
            )
        except HearingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Attachment added."))
            return redirect("hearings:attachments", pk=section.pk)
    context = {
        "section": section,
        "hearing": section.hearing,
        "attachments": section.attachments.all(),
        "form": form,
    }
    return render(request, "hearings/attachments.html", context)


@requires("hearings.prepare", load=SectionAttachment)
@require_POST
def attachment_remove(
    request: HttpRequest, attachment: SectionAttachment
) -> HttpResponse:
    section = attachment.section
    try:
        actions.attachment_remove(attachment=attachment, by=request.user)
    except HearingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Attachment removed."))
    return redirect("hearings:attachments", pk=section.pk)


@public
@require_GET
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    """Always a download (never shown inline), with the type read from the
    content at upload; a draft's documents only for those who see the draft."""
    attachments = SectionAttachment.objects.visible_to(
        request.user, request.organisation
    )
    attachment = get_object_or_404(attachments, pk=pk)
    response = FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type,
        as_attachment=True,
        filename=attachment.name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
