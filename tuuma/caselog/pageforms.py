"""The settings of the analysis pages: process map detail, bottleneck minimum."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tuuma.caselog.engine.analysis.bottlenecks import MIN_CASES
from tuuma.caselog.processmap import DEFAULT_DETAIL, DETAIL_LEVELS


class MapForm(forms.Form):
    measure = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("frequency", _("frequency")), ("wait", _("waiting time"))],
        widget=forms.RadioSelect,
    )
    detail = forms.TypedChoiceField(
        label=_("Detail"),
        required=False,
        coerce=int,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["detail"].choices = [
            (
                level,
                _("%(level)s: at most %(activities)s activities, %(paths)s paths")
                % {"level": level, "activities": activities, "paths": paths},
            )
            for level, (activities, paths) in enumerate(DETAIL_LEVELS, start=1)
        ]

    def settings(self) -> tuple[str, int]:
        if not self.is_valid():
            return "frequency", DEFAULT_DETAIL
        return (
            self.cleaned_data["measure"] or "frequency",
            self.cleaned_data["detail"] or DEFAULT_DETAIL,
        )


class BottleneckForm(forms.Form):
    min_cases = forms.IntegerField(
        label=_("At least this many cases per transition"),
        required=False,
        min_value=1,
        max_value=1_000_000,
    )

    def min_cases_or_default(self) -> int:
        if self.is_valid() and self.cleaned_data["min_cases"]:
            return self.cleaned_data["min_cases"]
        return MIN_CASES
