"""A substitute: "send my place to a colleague". The registrant (or staff, in the admin) names a colleague;
the colleague confirms their own address and accepts the privacy notice, and takes over every seat as it
stands: the same seat rows, so their places in the queue and their confirmations are kept, nobody on the
waiting list moves and no seat is lost. Then the original person's data are erased (privacy.py) and they get
a last note.

Until the colleague accepts, the original keeps everything; the offer is a pending registration that expires
like any confirmation link (`registration_expire_unconfirmed`), and a new offer replaces an earlier one.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import selectors
from ..exceptions import ConfirmationExpiredError, EventBegunError, RegistrationCancelledError, RegistrationError
from ..mail.send import email_enqueue, email_enqueue_farewell
from ..models import EmailLog, Registration, Seat
from ..tokens import new_checkin_code, new_token, private_token, token_hash
from . import seats, traces
from .privacy import registration_erase
from .registration import confirm_window

# What the colleague inherits from the place: the delegation it belongs to. Everything personal (position,
# diet, needs, phone) is theirs to give on their own page.
INHERITED_FIELDS = ("organisation", "country")


class SubstituteUnavailableError(RegistrationError):
    message = _("This place can no longer be taken over: the registration it belonged to has changed.")


def _withdraw_offers(registration: Registration) -> None:
    offers = Registration.objects.filter(substitute_for=registration, status=Registration.Status.PENDING)
    traces.forget_deleted(offers)
    offers.delete()


def substitute_offer(
    *, registration: Registration, data: dict, language: str, now: datetime.datetime | None = None
) -> Registration:
    """Offer the registration's place to a colleague (`data`: first_name, last_name, email): a pending
    registration of theirs, and the e-mail in `language` with the link to accept. Returns the offer."""
    now = now or timezone.now()
    with transaction.atomic():
        seats.set_lock_timeout()
        registration = seats.lock_registration(registration)
        if registration.status != Registration.Status.ACTIVE or registration.substitute_for_id:
            raise RegistrationCancelledError
        if registration.event.has_begun():
            raise EventBegunError
        if not registration.seats.exclude(status=Seat.Status.CANCELLED).exists():
            raise RegistrationError(_("This registration holds no place that could be handed over."))
        email = data["email"]
        if email.lower() == registration.email.lower():
            raise RegistrationError(_("Please enter your colleague's e-mail address, not your own."))
        _withdraw_offers(registration)
        existing = selectors.non_cancelled_registration(registration.event, email)
        if existing is not None:
            if existing.status == Registration.Status.PENDING and existing.confirm_expires_at <= now:
                traces.forget_deleted(Registration.objects.filter(pk=existing.pk))
                existing.delete()
            else:
                raise RegistrationError(
                    _("This address already has a registration for this event, so the place cannot go to it.")
                )
        offer = Registration.objects.create(
            event=registration.event,
            token_hash=token_hash(new_token()),
            checkin_code=new_checkin_code(),
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=email,
            language=language,
            # Accepted by the colleague on the confirmation page, not here.
            privacy_version="",
            privacy_language=language,
            privacy_accepted_at=now,
            confirm_expires_at=now + confirm_window(),
            substitute_for=registration,
            **{field: getattr(registration, field) for field in INHERITED_FIELDS},
        )
        offer.token_hash = token_hash(private_token(offer.pk, offer.link_version))
        Registration.objects.filter(pk=offer.pk).update(token_hash=offer.token_hash)
        email_enqueue(offer, EmailLog.Kind.SUBSTITUTE_OFFER)
    return offer


def substitute_accept(
    *, offer: Registration, privacy_language: str, now: datetime.datetime | None = None
) -> Registration:
    """The colleague accepts (their address is confirmed by the link, the privacy notice by the form): every
    seat of the original moves to them unchanged, the original is erased and told. Returns the colleague's
    active registration."""
    now = now or timezone.now()
    with transaction.atomic():
        seats.set_lock_timeout()
        # Lock order: registrations first (the original is always the older row), then parts.
        original_id = Registration.objects.filter(pk=offer.pk).values_list("substitute_for_id", flat=True).first()
        locked = {
            row.pk: row
            for row in Registration.objects.select_for_update()
            .select_related("event")
            .filter(pk__in=[pk for pk in (original_id, offer.pk) if pk])
            .order_by("pk")
        }
        offer = locked.get(offer.pk)
        if offer is None:
            raise ConfirmationExpiredError
        if offer.status != Registration.Status.PENDING:
            return offer
        if offer.confirm_expires_at is not None and offer.confirm_expires_at <= now:
            raise ConfirmationExpiredError
        original = locked.get(original_id)
        if original is None or original.status != Registration.Status.ACTIVE:
            raise SubstituteUnavailableError
        if original.event.has_begun():
            raise EventBegunError
        held = original.seats.exclude(status=Seat.Status.CANCELLED)
        part_ids = list(held.values_list("part_id", flat=True))
        if not part_ids:
            raise SubstituteUnavailableError
        seats.lock_parts(part_ids)
        # The same rows change hands: status, `since` (the place in the queue) and all stay as they were.
        held.update(registration=offer, checked_in_at=None)  # the colleague has not arrived yet
        offer.requested_parts.set(part_ids)
        offer.status, offer.confirmed_at, offer.substitute_for = Registration.Status.ACTIVE, now, None
        offer.privacy_version = selectors.privacy_notice_version(privacy_language)
        offer.privacy_language, offer.privacy_accepted_at = privacy_language, now
        offer.save()
        email_enqueue(offer, EmailLog.Kind.REGISTRATION_CONFIRMED)
        _withdraw_offers(original)
        email_enqueue_farewell(original, EmailLog.Kind.SUBSTITUTED)
        registration_erase(registration=original)
    return offer
