from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from atazan.accounts.domain.roles import role_label
from atazan.accounts.services import LoginLockScope, VerificationRefused, citizen_verify, login_lock
from atazan.accounts.signals import client_ip
from atazan.accounts.throttle import Throttled, throttle_check
from atazan.messages.render import render as message_render


class ThrottledAuthenticationForm(AuthenticationForm):
    """Refuses to check a password while the user name is locked out from this address, and says so plainly."""

    def clean(self) -> dict[str, Any]:
        username = str(self.data.get("username", ""))
        wait, scope = login_lock(username=username, ip=client_ip(self.request))
        if wait:
            minutes = max(1, (wait + 59) // 60)
            if scope is LoginLockScope.ADDRESS:
                text = _("Too many failed sign-in attempts from your address. Try again in %(minutes)d minutes.")
            elif scope is LoginLockScope.ACCOUNT:
                text = _("Too many failed sign-in attempts for this user name. Try again in %(minutes)d minutes.")
            else:
                text = _(
                    "Too many failed sign-in attempts for this user name from your address. "
                    "Try again in %(minutes)d minutes."
                )
            raise forms.ValidationError(text % {"minutes": minutes}, code="throttled")
        return super().clean()


class ThrottledLoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = ThrottledAuthenticationForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["oidc_enabled"] = settings.OIDC_ENABLED
        context["local_idp"] = settings.ATAZAN_LOCAL_IDP and not settings.OIDC_ISSUER
        return context


@login_required
def index(request: HttpRequest) -> HttpResponse:
    roles = [message_render(role_label(code)) for code in sorted(request.user.groups.values_list("name", flat=True))]
    profile = getattr(request.user, "profile", None)
    via = verified_via_label(profile.verified_via) if profile is not None and profile.verified_via else ""
    return render(request, "accounts/index.html", {"roles": roles, "profile": profile, "verified_via": via})


def verified_via_label(via: str) -> str:
    """How an account was verified, as the reader's language says it (the stored value stays as it was)."""
    if via == "form":
        return _("with the IIN and date of birth entered on this site")
    if via.startswith("demo"):
        return _("demo account (synthetic IIN)")
    if via.startswith("oidc:"):
        return _("through the identity provider %(issuer)s") % {"issuer": via.removeprefix("oidc:")}
    return via


class VerifyForm(forms.Form):
    iin = forms.CharField(label=gettext_lazy("IIN"), max_length=20, strip=True)
    birth_date = forms.DateField(label=gettext_lazy("Date of birth"), widget=forms.DateInput(attrs={"type": "date"}))


VERIFY_LIMIT = 5  # attempts per account per hour: guessing other people's IINs is not a game
VERIFY_WINDOW_S = 3600


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    form = VerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            throttle_check(key=f"verify:{request.user.pk}", limit=VERIFY_LIMIT, window_s=VERIFY_WINDOW_S)
            birth: dt.date = form.cleaned_data["birth_date"]
            citizen_verify(user=request.user, iin=form.cleaned_data["iin"], birth_date=birth, via="form")
        except Throttled as throttled:
            form.add_error(
                None,
                _("Too many attempts; try again in %(minutes)d minutes.")
                % {"minutes": max(1, (throttled.retry_after_s + 59) // 60)},
            )
        except VerificationRefused as refused:
            # next to the field it concerns, in the reader's language, with what to do next
            form.add_error(refused.field, capfirst(message_render(refused.rule_msg)))
        else:
            messages.success(request, _("You are verified as a citizen."))
            return redirect("accounts:index")
    return render(request, "accounts/verify.html", {"form": form}, status=400 if form.errors else 200)
