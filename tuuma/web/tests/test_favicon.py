def test_the_favicon_is_found_where_browsers_look_for_it(client, org):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith(".svg")


def test_every_page_names_its_icon(client, org):
    assert b'rel="icon"' in client.get("/").content
