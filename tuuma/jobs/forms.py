from django import forms
from django.utils.translation import gettext_lazy as _

from tuuma.jobs.models import Delivery, NotificationPreference
from tuuma.jobs.notifications import OTHER, notification_kinds, set_delivery


class PreferencesForm(forms.Form):
    """One choice per kind of event: e-mail at once, in a digest, or none."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        chosen = dict(
            NotificationPreference.objects.filter(user=user).values_list(
                "kind", "delivery"
            )
        )
        kinds = {**notification_kinds(), OTHER: _("Other messages")}
        for kind, label in kinds.items():
            self.fields[kind] = forms.ChoiceField(
                label=label,
                choices=Delivery.choices,
                initial=chosen.get(kind, Delivery.IMMEDIATELY),
                required=False,  # a kind left out keeps its choice
            )

    def save(self) -> None:
        for kind, delivery in self.cleaned_data.items():
            if delivery:
                set_delivery(user=self.user, kind=kind, delivery=delivery)
