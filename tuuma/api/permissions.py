from rest_framework.permissions import BasePermission

from tuuma.organisation.permissions import can, is_staff_member


class IsStaffMember(BasePermission):
    def has_permission(self, request, view):
        return is_staff_member(request.user, request.organisation)


def require(permission: str):
    """A DRF permission class for one named permission of the organisation."""

    class Holds(BasePermission):
        def has_permission(self, request, view):
            return can(request.user, permission, request.organisation)

    Holds.__name__ = f"Holds_{permission.replace('.', '_')}"
    return Holds
