"""Texts of the demo hearings (Finnish first; the strategy also in sv/en)."""

LIBRARY_SECTIONS = [
    (
        "Lähikirjastojen tulevaisuus",
        "Ehdotamme, että Kylälän ja Mäkelän lähikirjastot yhdistetään uudeksi "
        "monitoimikirjastoksi koulukeskukseen vuonna 2028. Pääkirjasto säilyy "
        "keskustassa.",
    ),
    (
        "Kirjastoauto",
        "Kirjastoauto ajaa nyt kahdeksaa reittiä. Ehdotamme reittien tihentämistä "
        "haja-asutusalueilla ja pysäkkejä kouluille ja palvelutaloille.",
    ),
    (
        "Aukioloajat ja omatoimikirjastot",
        "Omatoimiaikaa laajennetaan kaikkiin kirjastoihin. Henkilökunta on paikalla "
        "arkisin klo 12–18.",
    ),
]

# (section index or None for the whole, theme, response, reason, comments)
LIBRARY_THEMES = [
    (
        0,
        "Lähikirjasto kävelymatkan päässä",
        "partly",
        "Kylälän kirjasto säilyy omatoimikirjastona; Mäkelän palvelut siirtyvät "
        "koulukeskukseen, jonne pääsee koulukyydillä ja linja-autolla.",
        [
            "Lähikirjasto on lapsille tärkeä, sinne pääsee kävellen.",
            "Ikäihmisille matka koulukeskukseen on liian pitkä.",
            "Kylälän kirjasto on kylän olohuone, älkää lopettako sitä.",
            "Monitoimikirjasto koulun yhteydessä on hyvä ajatus.",
            "Koulukeskukseen ei ole turvallista pyörätietä.",
        ],
    ),
    (
        0,
        "Tilat ja kustannukset",
        "adopted",
        "Tilojen yhdistämisen säästö käytetään aineistoon ja aukioloon, kuten "
        "kommenteissa toivottiin.",
        [
            "Säästöt pitää käyttää kirjojen hankintaan.",
            "Vanha kirjastorakennus on huonokuntoinen, uusi tila on parempi.",
            "Yhteiset tilat koulun kanssa säästävät rahaa.",
        ],
    ),
    (
        1,
        "Kirjastoauto useammin kyliin",
        "adopted",
        "Kirjastoauto ajaa vuodesta 2027 alkaen joka viikko kaikille kyläreiteille "
        "ja pysähtyy palvelutaloissa.",
        [
            "Kirjastoauto käy meillä vain joka toinen viikko.",
            "Palvelutalon asukkaat odottavat kirjastoautoa.",
            "Kirjastoauto kouluille joka viikko!",
            "Iltapysäkkejä työssäkäyville.",
        ],
    ),
    (
        2,
        "Henkilökuntaa myös iltaisin",
        "not_adopted",
        "Henkilökunnan lisääminen iltoihin ei mahdu talousarvioon; illat ovat "
        "omatoimiaikaa, ja neuvontaa saa chatissa klo 20 asti.",
        [
            "Illalla pitäisi olla joku, jolta kysyä neuvoa.",
            "Omatoimikirjasto ei sovi kaikille, henkilökuntaa tarvitaan.",
            "Iltaisin on turvatonta ilman henkilökuntaa.",
        ],
    ),
    (
        2,
        "Omatoimiaika laajemmaksi",
        "adopted",
        "Omatoimiaika laajennetaan kaikkiin kirjastoihin klo 7–22.",
        [
            "Omatoimikirjasto aamuisin on loistava.",
            "Viikonloppuisin pitää päästä kirjastoon.",
            "Omatoimiaika myös pyhäpäiville.",
        ],
    ),
    (
        None,
        "Valmistelu ja tiedottaminen",
        "partly",
        "Jatkossa kyläyhdistykset kutsutaan valmisteluun; verkkokuuleminen "
        "täydennetään kyläilloilla.",
        [
            "Kiitos, että saamme kommentoida ennen päätöstä.",
            "Kuulemisesta pitäisi kertoa myös paikallislehdessä.",
            "Kyläilta olisi hyvä lisä verkkokommentoinnille.",
        ],
    ),
]
NICKNAMES = [
    "Kirjastonkäyttäjä",
    "Kyläläinen",
    "Äiti kolmelle",
    "Eläkeläinen",
    "Opettaja",
    "Opiskelija",
    "Mäkeläläinen",
    "",
]
ECHOES = [
    "Samaa mieltä: ",
    "Tämä on tärkeää: ",
    "Kannatan edellisiä. ",
    "",
]

STRATEGY = {
    "title": "Esimerkkilän kuntastrategia 2027–2030",
    "title_sv": "Esimerkkilä kommunstrategi 2027–2030",
    "title_en": "Esimerkkilä municipal strategy 2027–2030",
    "summary": "Kuntastrategia kertoo, mihin Esimerkkilä pyrkii seuraavat neljä "
    "vuotta. Kerro, mikä luonnoksessa on hyvää ja mitä pitäisi muuttaa.",
    "summary_sv": "Kommunstrategin berättar vad Esimerkkilä strävar efter de "
    "kommande fyra åren. Berätta vad som är bra och vad som bör ändras.",
    "summary_en": "The strategy says what Esimerkkilä aims at for the next four "
    "years. Tell us what is good in the draft and what should change.",
    "plain_summary": "Kunta tekee suunnitelman vuosille 2027–2030. Voit kertoa "
    "oman mielipiteesi. Sinun ei tarvitse kirjautua.",
}
STRATEGY_SECTIONS = [
    (
        ("Visio", "Vision", "Vision"),
        (
            "Esimerkkilä on vuonna 2030 elinvoimainen ja turvallinen kotikunta.",
            "Esimerkkilä är år 2030 en livskraftig och trygg hemkommun.",
            "In 2030 Esimerkkilä is a vital and safe home municipality.",
        ),
    ),
    (
        ("Elinvoima ja työ", "Livskraft och arbete", "Vitality and work"),
        (
            "Tuemme yrittäjyyttä, sujuvia lupia ja hyviä liikenneyhteyksiä.",
            "Vi stöder företagande, smidiga tillstånd och goda förbindelser.",
            "We support enterprise, smooth permits and good transport links.",
        ),
    ),
    (
        ("Hyvinvointi ja palvelut", "Välfärd och service", "Wellbeing and services"),
        (
            "Palvelut ovat lähellä, verkossa ja kahdella kotimaisella kielellä.",
            "Servicen finns nära, på nätet och på båda inhemska språken.",
            "Services are near, online and in both national languages.",
        ),
    ),
]

# The strategy draft as one document, attached to the vision section as a PDF.
STRATEGY_DOCUMENT = """<!doctype html><html lang="fi"><head><meta charset="utf-8">
<title>Esimerkkilän kuntastrategia 2027–2030, luonnos</title></head><body>
<h1>Esimerkkilän kuntastrategia 2027–2030</h1>
<p>Luonnos asukkaiden kommentoitavaksi.</p>
<h2>Visio</h2>
<p>Esimerkkilä on vuonna 2030 elinvoimainen ja turvallinen kotikunta.</p>
<h2>Elinvoima ja työ</h2>
<p>Tuemme yrittäjyyttä, sujuvia lupia ja hyviä liikenneyhteyksiä.</p>
<h2>Palvelut lähellä</h2>
<p>Palvelut ovat saatavilla suomeksi ja ruotsiksi, lähellä ja verkossa.</p>
</body></html>"""
