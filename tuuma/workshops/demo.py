"""Demo workshops: a finished staff workshop of the registry office whose top
items are ideas (one a measure), and an open resident session on the library's
opening hours that a visitor joins with the code ``KIRJASTO``."""

from datetime import timedelta

from django.utils import timezone

from tuuma.programme.models import Goal
from tuuma.workshops import actions, backlog, clusters, voting
from tuuma.workshops.models import Session

LIBRARY_CODE = "KIRJASTO"

CLUSTERS = {
    "Paperit ja tulostaminen": [
        "Liitteet tulostetaan ja skannataan takaisin",
        "Allekirjoitukset kiertävät paperilla",
        "Postin avaaminen vie aamupäivän",
        "Paperiarkistoon haku kestää",
        "Kopiot tehdään varmuuden vuoksi",
        "Lomakkeet täytetään käsin",
        "Kirjeet postitetaan vaikka sähköposti kävisi",
    ],
    "Kirjaaminen ja asiatunnukset": [
        "Sama asia kirjataan kahteen järjestelmään",
        "Asiatunnusta joutuu kysymään kollegalta",
        "Luokittelu on epäselvä",
        "Saapuneiden kirjaus ruuhkautuu maanantaisin",
        "Väärin kirjattuja asioita korjataan jälkikäteen",
        "Kirjaamon ohjeet ovat vanhentuneet",
        "Toimenpiteiden kirjaus unohtuu",
    ],
    "Odottaminen ja siirrot": [
        "Asia odottaa esittelijän lomaa",
        "Lausuntopyyntöjen vastauksia odotetaan viikkoja",
        "Siirto toiselle yksikölle hukkaa asian",
        "Kukaan ei omista asiaa välivaiheessa",
        "Muistutukset tehdään käsin",
        "Kokousten välissä asiat seisovat",
        "Päätöksen tiedoksianto viipyy",
    ],
    "Järjestelmät": [
        "Asianhallinta hidastuu iltapäivisin",
        "Hakutoiminto ei löydä liitteitä",
        "Käyttöoikeuksia odotetaan päiviä",
        "Sähköinen allekirjoitus puuttuu",
        "Järjestelmät eivät keskustele keskenään",
        "Mobiilikäyttö ei onnistu",
    ],
    "Neuvonta ja yhteydenotot": [
        "Asiakkaat soittavat kysyäkseen asian tilaa",
        "Samat kysymykset toistuvat",
        "Verkkosivujen ohjeet ovat vaikeita",
        "Sähköpostit ohjautuvat väärään osoitteeseen",
        "Asiakas ei tiedä kuka käsittelee",
        "Puhelinajat ovat liian lyhyet",
    ],
    "Osaaminen ja perehdytys": [
        "Uusien perehdytys on suullista",
        "Varahenkilöitä ei ole",
        "Koulutusta järjestelmään ei ole tarjottu",
        "Hiljainen tieto on yhden ihmisen päässä",
        "Ohjeet ovat hajallaan eri kansioissa",
        "Tiimin palaverit eivät käsittele prosessia",
        "Työnkiertoa ei ole",
    ],
}
DOTS = [9, 14, 11, 6, 7, 4]  # dots per cluster, in CLUSTERS' order


def seed(demo) -> None:
    organisation = demo.organisation
    if Session.objects.filter(organisation=organisation).exists():
        return
    _registry_workshop(demo)
    _library_session(demo)


def _registry_workshop(demo) -> None:
    lead = demo.people["lead"]
    area = demo.areas["konsernipalvelut"]
    session = actions.session_create(
        organisation=demo.organisation,
        by=lead,
        title="Kirjaamon asiankäsittelyn pullonkaulat",
        purpose="Missä asiat jumittuvat ja mitä korjataan ensin?",
        audience="staff",
        service_area=area,
        groups="Kirjaamo\nHallintopalvelut",
    )
    ideate = actions.step_add(
        session=session, kind="ideate", prompt="Mikä hidastaa asian käsittelyä?"
    )
    actions.step_add(session=session, kind="cluster", prompt="Ryhmittely")
    dots = actions.step_add(
        session=session,
        kind="dots",
        prompt="Mitkä korjataan ensin?",
        budget=3,
        max_per_item=2,
    )
    actions.step_open(step=ideate, by=lead)
    people = [
        actions.participant_join(
            session=session,
            nickname=f"Kirjaaja {n}",
            group="Kirjaamo" if n < 6 else "Hallintopalvelut",
        )
        for n in range(1, 18)
    ]
    notes_by_cluster = {}
    n = 0  # 40 notes spread over the 17 participants
    for title, texts in CLUSTERS.items():
        cluster = clusters.cluster_create(session=session, title=title)
        notes_by_cluster[cluster] = []
        for text in texts:
            note = actions.note_create(
                step=ideate, participant=people[n % len(people)], text=text
            )
            clusters.note_move(note=note, cluster=cluster)
            n += 1
    actions.step_open(step=dots, by=lead)
    voter = iter(people * 3)  # round robin: nobody exceeds two dots on one item
    for cluster, count in zip(notes_by_cluster, DOTS, strict=True):
        for _dot in range(count):
            voting.dot_add(step=dots, participant=next(voter), item=cluster.key)
    actions.step_reveal(step=dots, by=lead)
    actions.session_close(session=session, by=lead)
    ranked = sorted(zip(notes_by_cluster, DOTS, strict=True), key=lambda c: -c[1])
    choices = {c.key: "new" for c, _count in ranked[:3]}
    outcomes = backlog.session_to_backlog(session=session, by=lead, choices=choices)
    goal = Goal.objects.filter(focus_area__organisation=demo.organisation).first()
    if goal is not None:
        today = timezone.localdate()
        top = max(outcomes, key=lambda o: o.votes)
        backlog.outcome_to_measure(
            outcome=top,
            by=lead,
            goal=goal,
            service_area=area,
            owner=demo.people["process_owner"],
            start_date=today,
            due_date=today + timedelta(days=180),
        )


def _library_session(demo) -> None:
    lead = demo.people["lead"]
    session = actions.session_create(
        organisation=demo.organisation,
        by=lead,
        title="Kirjaston aukioloajat",
        purpose="Milloin kirjaston pitäisi olla auki? Kerro ja äänestä.",
        audience="residents",
        languages="fi,sv,en",
        service_area=demo.areas["sivistyspalvelut"],
    )
    Session.objects.filter(pk=session.pk).update(code=LIBRARY_CODE)
    ideate = actions.step_add(
        session=session, kind="ideate", prompt="Milloin tarvitset kirjastoa?"
    )
    actions.step_add(
        session=session,
        kind="poll",
        prompt="Mikä lisäaukiolo olisi sinulle tärkein?",
        options="Arki-illat klo 20 asti\nLauantait\nSunnuntait\nOmatoimikirjasto aamuisin",
    )
    actions.step_add(
        session=session,
        kind="dots",
        prompt="Äänestä ehdotuksia",
        budget=3,
        max_per_item=1,
    )
    actions.step_open(step=ideate, by=lead)
    for nickname, text in [
        ("Aino", "Sunnuntaisin iltapäivällä, kun muu kaupunki on kiinni"),
        ("", "Aamulla ennen töitä lehtien lukuun"),
        ("Mikko", "Arki-iltaisin kahdeksaan asti"),
    ]:
        person = actions.participant_join(session=session, nickname=nickname)
        actions.note_create(step=ideate, participant=person, text=text)
