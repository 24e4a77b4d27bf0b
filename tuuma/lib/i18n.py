from django.urls import translate_url


def url_in_language(url: str, language: str) -> str:
    """The same page in another language (Finnish has no prefix)."""
    return translate_url(url, language)
