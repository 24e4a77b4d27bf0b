"""Volumes, ledger and hours from Finnish exports: all or nothing, months replaced,
and the figures computed from them match a hand count."""

import pytest

from tuuma.audit.models import AuditEntry
from tuuma.productivity import actions
from tuuma.productivity.imports import ImportRefusedError
from tuuma.productivity.models import CostLine, HoursLine, Volume
from tuuma.productivity.results import area_figures

pytestmark = pytest.mark.django_db

VOLUMES = (
    "Kuukausi;Tuote;Kanava;Määrä\n"
    "1.1.2025;A;sähköinen asiointi;30\n"
    "1.1.2025;A;asiakaspalvelu;70\n"
    "2.2025;B;puhelin;1 000,5\n"
)
LEDGER = (
    "kausi;kustannuspaikka;tili;summa\n"
    "1.2025;KA;4000;1 000,00\n"
    "2025-02;KB;4000;500\n"
    "3.2025;Y1;4500;300,00\n"
)


def _import(org, user, kind, text, encoding="cp1252"):
    return actions.figures_import(
        organisation=org, by=user, kind=kind, data=text.encode(encoding),
        filename=f"{kind}.csv",
    )  # fmt: skip


def test_a_finnish_excel_export_is_read_and_the_import_audited(org, cast, products):
    assert _import(org, cast.productivity_lead, "volumes", VOLUMES) == 3
    quantities = sorted(Volume.objects.values_list("channel", "quantity"))
    assert [(c, float(q)) for c, q in quantities] == [
        ("counter", 70.0), ("e_service", 30.0), ("phone", 1000.5),
    ]  # fmt: skip
    entry = AuditEntry.objects.get(action="productivity.import_volumes")
    assert entry.details == {"file": "volumes.csv", "rows": 3}


def test_a_bad_file_names_row_and_column_and_leaves_the_old_figures(
    org, cast, products
):
    _import(org, cast.productivity_lead, "volumes", VOLUMES)
    bad = VOLUMES.replace("2.2025;B", "13.2025;B").replace(";70", ";seitsemän")
    bad += "1.1.2025;XYZ;posti;4\n"
    with pytest.raises(ImportRefusedError) as refused:
        _import(org, cast.productivity_lead, "volumes", bad + "1.1.2025;A;posti;9\n")
    assert refused.value.problems == [
        "Row 3: “seitsemän” is not a number.",
        "Row 4: “13.2025” is not a month (e.g. 3.2025 or 1.3.2025).",
        "Row 5: Product “XYZ” is not known.",
    ]
    assert Volume.objects.count() == 3


def test_a_file_without_a_needed_column_is_refused_clearly(org, cast, products):
    with pytest.raises(ImportRefusedError) as refused:
        _import(org, cast.productivity_lead, "ledger", "kausi;tili;summa\n1.2025;1;2\n")
    assert "no column kustannuspaikka" in refused.value.problems[0]


def test_reimporting_a_month_replaces_it_and_keeps_the_others(org, cast, products):
    _import(org, cast.productivity_lead, "volumes", VOLUMES)
    _import(
        org, cast.productivity_lead, "volumes", "kuukausi;tuote;määrä\n1.2025;A;5\n"
    )
    rows = sorted(Volume.objects.values_list("period__month", "channel", "quantity"))
    assert [(m, c, float(q)) for m, c, q in rows] == [
        (1, "unknown", 5.0), (2, "phone", 1000.5),
    ]  # fmt: skip


def test_xlsx_is_read_like_csv(org, cast, products, tmp_path):
    import xlsxwriter

    path = tmp_path / "tunnit.xlsx"
    workbook = xlsxwriter.Workbook(path)
    sheet = workbook.add_worksheet()
    for row, values in enumerate(
        [["kuukausi", "yksikkö", "tuote", "tunnit"], ["1.2025", "Yksikkö", "A", 12.5]]
    ):
        sheet.write_row(row, 0, values)
    workbook.close()
    from tuuma.organisation.models import Unit

    Unit.objects.create(
        organisation=org, service_area=products["A"].service_area, name="Yksikkö"
    )
    actions.figures_import(
        organisation=org, by=cast.productivity_lead, kind="hours",
        data=path.read_bytes(), filename="tunnit.xlsx",
    )  # fmt: skip
    assert float(HoursLine.objects.get().hours) == 12.5


def test_costs_are_allocated_by_hours_and_unit_costs_follow(org, cast, products, area):
    from tuuma.organisation.models import Unit

    Unit.objects.create(organisation=org, service_area=area, name="Yksikkö")
    _import(org, cast.productivity_lead, "volumes", VOLUMES)
    _import(org, cast.productivity_lead, "ledger", LEDGER)
    _import(
        org, cast.productivity_lead, "hours",
        "kuukausi;yksikkö;tuote;tunnit\n1.2025;Yksikkö;A;10\n2.2025;Yksikkö;B;30\n",
    )  # fmt: skip
    assert CostLine.objects.count() == 3
    found = area_figures(org, area)
    a, b = (
        found.by_product[products["A"].pk][2025],
        found.by_product[products["B"].pk][2025],
    )
    # Support 300 € shared 10 h : 30 h -> A 75 €, B 225 €.
    assert (a.cost, b.cost) == (1075.0, 725.0)
    assert a.unit_cost == pytest.approx(10.75) and a.digital_share == 0.3
    assert a.labour_productivity == 10.0
    assert found.areas[0].volume_index == 100.0
