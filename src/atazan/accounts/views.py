from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def index(request: HttpRequest) -> HttpResponse:
    roles = sorted(request.user.groups.values_list("name", flat=True))
    return render(request, "accounts/index.html", {"roles": roles})
