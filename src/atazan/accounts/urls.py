from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import path
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from atazan.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.index, name="index"),
    path("login/", views.ThrottledLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("verify/", views.verify, name="verify"),
]

if settings.OIDC_ENABLED:
    urlpatterns += [
        path("oidc/authenticate/", OIDCAuthenticationRequestView.as_view(), name="oidc_authenticate"),
        path("oidc/callback/", OIDCAuthenticationCallbackView.as_view(), name="oidc_callback"),
    ]

if settings.ATAZAN_LOCAL_IDP:
    from oauth2_provider import views as idp_views

    from atazan.accounts import local_idp

    urlpatterns += [
        path("local-idp/authorize/", idp_views.AuthorizationView.as_view(), name="idp_authorize"),
        path("local-idp/token/", idp_views.TokenView.as_view(), name="idp_token"),
        path("local-idp/userinfo/", idp_views.UserInfoView.as_view(), name="idp_userinfo"),
        path("local-idp/.well-known/jwks.json", idp_views.JwksInfoView.as_view(), name="idp_jwks"),
        path("local-idp/.well-known/openid-configuration", local_idp.discovery, name="idp_discovery"),
    ]
