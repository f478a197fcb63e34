"""Signing in and the account's own pages, under /<lang>/account/."""

from django.urls import path

from v4project.headers import private

from . import password_reset, two_factor_views, views

app_name = "accounts"


urlpatterns = [
    path("sign-in/", private(views.sign_in), name="sign_in"),
    path("sign-in/code/", private(views.sign_in_code), name="sign_in_code"),
    path("sign-out/", private(views.sign_out), name="sign_out"),
    path("two-factor/", private(two_factor_views.overview), name="two_factor"),
    path("two-factor/set-up/", private(two_factor_views.set_up), name="two_factor_set_up"),
    path("two-factor/recovery-codes/", private(two_factor_views.recovery_codes), name="recovery_codes"),
    path("two-factor/turn-off/", private(two_factor_views.turn_off), name="two_factor_turn_off"),
    path("password-reset/", private(password_reset.RequestView.as_view()), name="password_reset"),
    path("password-reset/sent/", private(password_reset.SentView.as_view()), name="password_reset_sent"),
    # The link in the e-mail: its token is a secret, which the logs leave out.
    path(
        "reset/<uidb64>/<token>/",
        private(password_reset.SetPasswordView.as_view()),
        name="password_reset_confirm",
    ),
    path("reset/done/", private(password_reset.DoneView.as_view()), name="password_reset_done"),
]
