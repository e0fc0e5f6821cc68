from django.conf import settings


def site(request):
    user = getattr(request, "user", None)
    role = user.role_obj if user is not None and user.is_authenticated else None
    return {"council_name": settings.COUNCIL_NAME, "service_name": settings.SERVICE_NAME, "user_role": role}
