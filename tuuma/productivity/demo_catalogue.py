"""The demo municipality's service products (used by ``demo.py``).

Each product: code, name, unit of output, and a profile for the generated figures:
yearly volume, unit cost (€), digital share and its yearly shift, yearly saving
share, square metres, and the process it belongs to.
"""

from tuuma.productivity.models import Driver

PERMIT_PROCESS = "Rakennuslupa"

CATALOGUE = {
    "konsernipalvelut": [
        ("Talous- ja henkilöstöpalvelut", [
            ("K01", "Ostolaskun käsittely", "käsitelty lasku", {"volume": 42000, "cost": 9.5, "digital": 0.55, "shift": 0.15, "saving": 0.08, "m2": 40, "process": "Ostolaskujen käsittely"}),
            ("K02", "Myyntilaskutus", "lähetetty lasku", {"volume": 61000, "cost": 4.2, "digital": 0.35, "shift": 0.1, "saving": 0.04, "m2": 30}),
            ("K03", "Palkanmaksu", "palkkalaskelma", {"volume": 38000, "cost": 7.8, "digital": 0.9, "m2": 35, "process": "Palkanlaskenta"}),
            ("K04", "Rekrytointi", "täytetty tehtävä", {"volume": 420, "cost": 780.0, "digital": 0.8, "m2": 20, "process": "Rekrytointi"}),
        ]),
        ("Hallinto ja asianhallinta", [
            ("K05", "Tietopyynnön käsittely", "vastattu tietopyyntö", {"volume": 1300, "cost": 95.0, "digital": 0.6, "shift": 0.05, "m2": 25, "process": "Tietopyyntöjen käsittely"}),
            ("K06", "Viranhaltijapäätös", "julkaistu päätös", {"volume": 5200, "cost": 60.0, "digital": 0.0, "m2": 45}),
            ("K07", "Kirjaamon asiakaspalvelu", "palveltu asiakas", {"volume": 9000, "cost": 14.0, "digital": 0.3, "shift": 0.1, "m2": 60}),
        ]),
        ("Digipalvelut", [
            ("K08", "Työasemapalvelu", "tukipyyntö", {"volume": 14000, "cost": 38.0, "digital": 0.7, "shift": 0.05, "m2": 30}),
        ]),
    ],
    "sivistyspalvelut": [
        ("Varhaiskasvatus", [
            ("S01", "Varhaiskasvatuspaikan haku", "käsitelty hakemus", {"volume": 1900, "cost": 48.0, "digital": 0.75, "shift": 0.08, "m2": 20, "process": "Varhaiskasvatuspaikan haku"}),
            ("S02", "Asiakasmaksupäätös", "maksupäätös", {"volume": 3100, "cost": 22.0, "digital": 0.4, "shift": 0.1, "m2": 15, "process": "Asiakasmaksupäätökset"}),
        ]),
        ("Perusopetus", [
            ("S03", "Oppilaaksiotto", "oppilaaksiottopäätös", {"volume": 620, "cost": 55.0, "digital": 0.85, "m2": 15, "process": "Oppilaaksiotto"}),
            ("S04", "Koulukuljetuspäätös", "kuljetuspäätös", {"volume": 940, "cost": 35.0, "digital": 0.5, "shift": 0.1, "m2": 10}),
        ]),
        ("Kirjasto- ja kulttuuripalvelut", [
            ("S05", "Lainaus", "laina", {"volume": 310000, "cost": 1.6, "digital": 0.45, "shift": 0.15, "saving": 0.12, "m2": 900}),
            ("S06", "Kirjastotilan varaus", "varaus", {"volume": 2600, "cost": 6.0, "digital": 0.6, "shift": 0.1, "m2": 120}),
            ("S07", "Kulttuuriavustus", "avustuspäätös", {"volume": 180, "cost": 240.0, "digital": 0.7, "m2": 10}),
            ("S08", "Tapahtumalippu", "myyty lippu", {"volume": 24000, "cost": 3.1, "digital": 0.65, "shift": 0.05, "m2": 40}),
        ]),
    ],
    "hyvinvointipalvelut": [
        ("Liikuntapalvelut", [
            ("H01", "Liikuntavuoron varaus", "varattu vuoro", {"volume": 16000, "cost": 5.5, "digital": 0.55, "shift": 0.1, "m2": 60}),
            ("H02", "Uimahallikäynti", "käynti", {"volume": 145000, "cost": 6.8, "digital": 0.3, "shift": 0.05, "m2": 1500}),
        ]),
        ("Nuorisopalvelut", [
            ("H03", "Nuorisotalokäynti", "käynti", {"volume": 21000, "cost": 11.0, "digital": 0.0, "m2": 400}),
            ("H04", "Etsivä nuorisotyö", "asiakkuus", {"volume": 160, "cost": 1450.0, "digital": 0.0, "m2": 30}),
        ]),
        ("Ikäihmisten palvelut", [
            ("H05", "Palveluneuvonta", "yhteydenotto", {"volume": 8200, "cost": 19.0, "digital": 0.15, "shift": 0.05, "m2": 40}),
            ("H06", "Kotiin vietävä ateria", "ateria", {"volume": 52000, "cost": 8.9, "digital": 0.0, "m2": 200}),
            ("H07", "Kuljetuspalvelupäätös", "päätös", {"volume": 700, "cost": 62.0, "digital": 0.35, "shift": 0.1, "m2": 10}),
        ]),
    ],
    "tekniset-palvelut": [
        ("Rakennusvalvonta", [
            ("T01", "Rakennuslupapäätös", "lupapäätös", {"volume": 250, "cost": 650.0, "digital": 0.0, "m2": 60, "process": PERMIT_PROCESS, "from_log": True}),
            ("T02", "Katselmus", "pidetty katselmus", {"volume": 1800, "cost": 140.0, "digital": 0.0, "m2": 20}),
            ("T03", "Neuvonta ja ennakkoneuvottelu", "neuvontakerta", {"volume": 2400, "cost": 45.0, "digital": 0.4, "shift": 0.1, "m2": 20}),
        ]),
        ("Kaavoitus", [
            ("T04", "Asemakaavamuutos", "hyväksytty muutos", {"volume": 14, "cost": 21000.0, "digital": 0.0, "m2": 60}),
            ("T05", "Poikkeamispäätös", "päätös", {"volume": 90, "cost": 520.0, "digital": 0.5, "shift": 0.1, "m2": 15}),
        ]),
        ("Kiinteistö- ja kunnossapitopalvelut", [
            ("T06", "Vikailmoituksen käsittely", "korjattu vika", {"volume": 6800, "cost": 85.0, "digital": 0.6, "shift": 0.1, "saving": 0.03, "m2": 300}),
            ("T07", "Katujen talvikunnossapito", "aurauskilometri", {"volume": 31000, "cost": 24.0, "digital": 0.0, "m2": 800}),
            ("T08", "Tilavaraus", "varaus", {"volume": 5200, "cost": 9.0, "digital": 0.7, "shift": 0.08, "m2": 50}),
        ]),
    ],
}  # fmt: skip

# code, name, driver, yearly cost (€)
SUPPORT = [
    ("Y100", "Hallinnon tukipalvelut", Driver.HOURS, 1_450_000),
    ("Y200", "Toimitilat", Driver.AREA, 2_300_000),
]

STATEMENTS = [
    ("Työni on merkityksellistä.", "Mitt arbete är meningsfullt.", "My work is meaningful."),
    ("Voin vaikuttaa omaan työhöni.", "Jag kan påverka mitt eget arbete.", "I can influence my own work."),
    ("Saan tukea esihenkilöltäni.", "Jag får stöd av min chef.", "I get support from my supervisor."),
    ("Työmääräni on kohtuullinen.", "Min arbetsmängd är rimlig.", "My workload is reasonable."),
    ("Opin työssäni uutta.", "Jag lär mig nytt i mitt arbete.", "I learn new things at work."),
    ("Yhteistyö yksiköiden välillä toimii.", "Samarbetet mellan enheterna fungerar.", "Co-operation across units works."),
]  # fmt: skip
