"""Esimerkkilä's face: a green accent colour and a drawn emblem as its logo."""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from tuuma.web.actions import organisation_face_update

ACCENT = "#0b5a3c"  # 8.3:1 against white


def _emblem() -> ContentFile:
    """Three hills under a sun: drawn here, so the demo ships no image file."""
    image = Image.new("RGBA", (240, 240), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, 239, 239), radius=36, fill=(255, 255, 255, 255))
    draw.ellipse((140, 30, 200, 90), fill=(242, 169, 0, 255))
    draw.polygon([(10, 200), (80, 90), (150, 200)], fill=(11, 90, 60, 255))
    draw.polygon([(90, 200), (160, 110), (230, 200)], fill=(47, 111, 179, 255))
    draw.rectangle((10, 200, 230, 214), fill=(11, 90, 60, 255))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return ContentFile(out.getvalue(), name="logo.png")


def seed(demo) -> None:
    organisation = demo.organisation
    if organisation.accent_colour or organisation.logo:
        return  # seeded before, or the administrator chose their own
    organisation_face_update(
        organisation=organisation, actor=None, accent_colour=ACCENT, logo=_emblem()
    )
