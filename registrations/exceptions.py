"""Refusals by the rules of registration; each message is written for the registrant, or for the staff member
whose action a rule refused."""

from django.utils.translation import gettext_lazy as _


class RegistrationError(Exception):
    """A rule refused the request; the message is written for the registrant."""

    message = _("This registration cannot be changed.")

    def __init__(self, message=None):
        super().__init__(message or self.message)
        self.message = message or self.message


class RegistrationClosedError(RegistrationError):
    message = _("Registration is closed.")


class ConfirmationExpiredError(RegistrationError):
    message = _(
        "This confirmation link has expired and the unconfirmed registration was removed. Please register again."
    )


class RegistrationCancelledError(RegistrationError):
    message = _("This registration has been cancelled.")


class PartsClosedError(RegistrationError):
    message = _("Registration is closed: parts of the programme can no longer be added, only dropped.")


class ChangesClosedError(RegistrationError):
    message = _("Changes to the registration are no longer possible. Please contact the organisers.")


class EventBegunError(RegistrationError):
    message = _("The event has already begun: the registration can no longer be confirmed or cancelled here.")


class PartFullError(RegistrationError):
    message = _("This part of the programme is full.")


class NotWaitlistedError(RegistrationError):
    message = _("This seat is not on the waiting list.")


class NotConfirmedError(RegistrationError):
    message = _("Only a confirmed seat can be checked in.")


class NoEmailError(RegistrationError):
    message = _("No e-mail has been sent to this registrant yet.")


class PrivacyNotAcceptedError(RegistrationError):
    """Registered by a partner association or the organisers: only the person accepts the privacy notice."""

    message = _(
        "Only the person can accept the privacy notice, on the confirmation page; the registration is confirmed "
        "when they do."
    )
