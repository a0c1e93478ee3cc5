"""Logging in, with throttling of repeated failures (``accounts.throttle``)."""

from __future__ import annotations

from typing import Any

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from secretariat.accounts import throttle


class ThrottledLogin(AuthenticationForm):
    """Refuse a user name that failed too often from this address, before checking it."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "throttled": _(
            "Too many failed attempts to log in with this user name from this address. "
            "Wait %(minutes)s minutes and try again."
        ),
    }

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        if throttle.is_throttled(self.request, username):
            raise ValidationError(
                self.error_messages["throttled"],
                code="throttled",
                params={"minutes": throttle.WINDOW // 60},
            )
        try:
            cleaned = super().clean()
        except ValidationError:
            throttle.note_failure(self.request, username)
            raise
        throttle.forget_failures(self.request, username)
        return cleaned


class ThrottledAdminLogin(ThrottledLogin, AdminAuthenticationForm):
    """The admin site's login (staff only), throttled the same way."""

    error_messages = {**AdminAuthenticationForm.error_messages, **ThrottledLogin.error_messages}


class ThrottledLoginView(LoginView):
    form_class = ThrottledLogin
    template_name = "accounts/user_login.html"

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_invalid(form)
        if form.has_error("__all__", code="throttled"):
            response.status_code = 429
        return response
