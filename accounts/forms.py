"""The forms of signing in, two-factor sign-in and the password reset."""

from axes.handlers.proxy import AxesProxyHandler
from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.signals import user_login_failed
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from v4project.mail import SiteEmail, contact_address

from . import two_factor
from .lockout import locked_out_message

CODE_WIDGET = forms.TextInput(
    attrs={"autocomplete": "one-time-code", "inputmode": "text", "autocapitalize": "none", "spellcheck": "false"}
)


class SignInForm(auth_forms.AuthenticationForm):
    """Django's sign-in form; when django-axes refuses the attempt (or this failure locks the pair or the
    account), the error says so instead of "wrong password" (accounts/lockout.py)."""

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError:
            if getattr(self.request, "axes_locked_out", False):
                raise forms.ValidationError(locked_out_message(), code="locked_out") from None
            raise


class CodeForm(forms.Form):
    """The second step of signing in: a code from the app, or one of the recovery codes."""

    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The six digits your authenticator app shows now, or one of your recovery codes."),
        widget=CODE_WIDGET,
    )

    def __init__(self, *args, request, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.user = user
        self.device = None

    def clean(self):
        cleaned = super().clean()
        code = cleaned.get("code")
        if code is None:
            return cleaned
        credentials = {"username": self.user.get_username()}
        if not AxesProxyHandler.is_allowed(self.request, credentials):
            raise forms.ValidationError(locked_out_message(), code="locked_out")
        self.device = two_factor.verify(user=self.user, code=code)
        if self.device is None:
            # Counted by django-axes like a wrong password: five wrong codes lock the pair out as well.
            user_login_failed.send(sender=__name__, credentials=credentials, request=self.request)
            if getattr(self.request, "axes_locked_out", False):
                raise forms.ValidationError(locked_out_message(), code="locked_out")
            raise forms.ValidationError(_("This code is not valid. Please try again."), code="invalid_code")
        return cleaned


class SetUpForm(forms.Form):
    """Confirms the authenticator app with its first code."""

    code = forms.CharField(
        label=_("Code from the app"),
        max_length=20,
        help_text=_("The six digits the app shows for this site after you have added it."),
        widget=CODE_WIDGET,
    )


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form: the same answer whether or not an account uses the address. Looking the address up,
    making the link and sending the e-mail are a task of the worker (accounts/tasks.py), so neither the
    work nor a slow mail server shows in the answer's time which addresses have accounts, and the link's
    secret never waits in the queue."""

    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("The address of your account."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def save(self, **kwargs) -> None:
        from .tasks import send_password_reset

        send_password_reset.enqueue(self.cleaned_data["email"], translation.get_language())

    def send_now(self, **kwargs) -> None:
        """Django's own sending, in the worker."""
        super().save(**kwargs)

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        """As Django's, with the site's headers (Reply-To, Auto-Submitted, the language) and the organisers'
        address in the footer; a failure is raised, so the task tries a mail server that is down again."""
        context = {**context, "contact_email": contact_address()}
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        SiteEmail(subject, body, from_email, [to_email]).send()
