"""Before/after in plain words: what changed and whether it is likely chance."""

from django.utils.translation import gettext as _

from tuuma.caselog.formatting import days, number

SIGNIFICANCE = 0.05


def _p_text(p: float) -> str:
    if p < 0.001:
        return "p < " + number(0.001, 3)
    return "p = " + number(p, 3)


def explain(result: dict) -> str:
    """E.g. "The median throughput time fell from 21 to 14 days; the difference
    is statistically significant (Mann–Whitney U, p = 0.003)."."""
    before, after = result["throughput"]["before"], result["throughput"]["after"]
    p = result["throughput"]["mann_whitney_p"]
    if not before["cases"] or not after["cases"] or p is None:
        return _("There are not enough cases on both sides of the date to compare.")
    values = {
        "before": number(days(before["median"]), 1),
        "after": number(days(after["median"]), 1),
        "p": _p_text(p),
    }
    if after["median"] < before["median"]:
        change = _("The median throughput time fell from %(before)s to %(after)s days")
    elif after["median"] > before["median"]:
        change = _("The median throughput time rose from %(before)s to %(after)s days")
    else:
        change = _("The median throughput time stayed at %(before)s days")
    if p < SIGNIFICANCE:
        verdict = _(
            "the difference is statistically significant (Mann–Whitney U, %(p)s)."
        )
    else:
        verdict = _(
            "the difference may well be chance (Mann–Whitney U, %(p)s), so it "
            "does not show an effect."
        )
    return (change + "; " + verdict) % values
