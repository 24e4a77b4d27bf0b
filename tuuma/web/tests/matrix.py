"""The shared layout's pages for the permission matrix (tuuma/organisation/tests).

They load no objects: the matrix checks that only the administrator opens the
appearance settings and that the stylesheet and logo are public.
"""


def objects(org, cast, area) -> list:
    return []
