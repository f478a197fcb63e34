"""The admin's view of signing in: the lockouts, which organisers can lift, and two-factor sign-in of each
user, which a superuser can turn off for someone who lost both their phone and their recovery codes."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Exists, IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from events.admin import CheckedFiltersMixin, CheckedListFilter

from . import two_factor
from .lockout import ACCOUNT_FAILURE_LIMIT, locked_until
from .models import LoginLockout

# django-otp's own device pages hold secret keys and speak English: two-factor sign-in is managed by each
# user on their account page, and turned off for a user from the user list below.
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)


class LockedNowFilter(CheckedListFilter):
    title = _("locked out now")
    parameter_name = "locked"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
        if self.value() == "no":
            return queryset.filter(failures_since_start__lt=settings.AXES_FAILURE_LIMIT)
        return queryset


@admin.register(LoginLockout)
class LoginLockoutAdmin(CheckedFiltersMixin, admin.ModelAdmin):
    """Failed sign-ins of the last 15 minutes, one row per user name and address (and browser)."""

    list_display = ["user_name", "address", "failures", "account_failures", "last_attempt", "status"]
    list_display_links = None
    list_filter = [LockedNowFilter]
    search_fields = ["username", "ip_address"]
    actions = ["lift"]

    def get_queryset(self, request):
        since = timezone.now() - settings.AXES_COOLOFF_TIME
        recent = LoginLockout.objects.filter(attempt_time__gte=since)
        on_account = (
            recent.filter(username=OuterRef("username"))
            .values("username")
            .annotate(total=Sum("failures_since_start"))
            .values("total")
        )
        total = Coalesce(Subquery(on_account, output_field=IntegerField()), 0)
        return super().get_queryset(request).filter(attempt_time__gte=since).annotate(on_account=total)

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        actions.pop("delete_selected", None)  # "lift" says what deleting these rows means
        return actions

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    # django-axes names its columns in English only: these say the same in the reader's language.
    @admin.display(description=_("user name"), ordering="username")
    def user_name(self, lockout: LoginLockout) -> str:
        return lockout.username

    @admin.display(description=_("IP address"), ordering="ip_address")
    def address(self, lockout: LoginLockout) -> str:
        return lockout.ip_address

    @admin.display(description=_("failed attempts"), ordering="failures_since_start")
    def failures(self, lockout: LoginLockout) -> int:
        return lockout.failures_since_start

    @admin.display(description=_("last failed attempt"), ordering="attempt_time")
    def last_attempt(self, lockout: LoginLockout) -> str:
        return date_format(timezone.localtime(lockout.attempt_time), "DATETIME_FORMAT")

    @admin.display(description=_("failed attempts from all addresses"), ordering="on_account")
    def account_failures(self, lockout: LoginLockout) -> int:
        return lockout.on_account

    @admin.display(description=_("status"))
    def status(self, lockout: LoginLockout) -> str:
        if lockout.on_account >= ACCOUNT_FAILURE_LIMIT:
            return _("account locked out from every address")
        until = locked_until(lockout)
        if until is None:
            return "–"
        return _("locked out until %(time)s") % {"time": date_format(timezone.localtime(until), "H:i")}

    @admin.action(description=_("Lift the lockout of these user names"), permissions=["delete"])
    def lift(self, request, queryset) -> None:
        usernames = set(queryset.values_list("username", flat=True))
        LoginLockout.objects.filter(username__in=usernames).delete()
        count = len(usernames)
        self.message_user(
            request,
            ngettext("%(count)d user name may sign in again.", "%(count)d user names may sign in again.", count)
            % {"count": count},
            messages.SUCCESS,
        )


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class TwoFactorUserAdmin(CheckedFiltersMixin, UserAdmin):
    list_display = [*UserAdmin.list_display, "two_factor"]
    actions = ["turn_off_two_factor"]

    def get_queryset(self, request):
        confirmed = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        return super().get_queryset(request).annotate(has_two_factor=Exists(confirmed))

    @admin.display(description=_("two-factor sign-in"), boolean=True, ordering="has_two_factor")
    def two_factor(self, user) -> bool:
        return user.has_two_factor

    @admin.action(description=_("Turn off two-factor sign-in (lost phone and recovery codes)"))
    def turn_off_two_factor(self, request, queryset) -> None:
        if not request.user.is_superuser:
            self.message_user(request, _("Only a superuser can do this."), messages.ERROR)
            return
        for user in queryset:
            two_factor.two_factor_turn_off(user=user)
        count = queryset.count()
        self.message_user(
            request,
            ngettext(
                "Two-factor sign-in is off for %(count)d user: they set it up again when they next sign in.",
                "Two-factor sign-in is off for %(count)d users: they set it up again when they next sign in.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
