"""Registrations made for someone else: a partner association's delegates (from the portal) and the
organisers' registrations by hand (from the admin). The person still owns their registration: the invitation
is a pending registration with the usual "confirm your address" e-mail, and the person accepts the privacy
notice (and gives or refuses the other consents) on the confirmation page, never the one who invited them.

The public form's rules hold on every path: one active registration per address and event (an address
already registered gets its own link again, and the inviter is told only that an invitation went), the same
validation (registrations/forms.py), registration open for partners, seats taken only on confirmation
under the parts' locks (`registration_confirm`)."""

import datetime
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event, Partner

from .. import selectors
from ..exceptions import EventBegunError, RegistrationCancelledError, RegistrationClosedError, RegistrationError
from ..mail.send import email_enqueue
from ..models import DETAIL_FIELDS, EmailLog, Part, Registration, Seat
from ..tokens import new_checkin_code, new_token, private_token, token_hash
from . import registration as registration_services
from . import seats, traces

# "Send again" at most this often per invitation: the person's mailbox is not the inviter's to fill.
RESEND_INTERVAL = datetime.timedelta(minutes=10)
# What the inviter may fill in; the consents are the person's own.
INVITED_FIELDS = tuple(field for field in DETAIL_FIELDS if not field.startswith("consent_"))


def delegate_invite(
    *,
    event: Event,
    data: dict,
    parts: Iterable[Part],
    language: str,
    partner: Partner | None,
    now: datetime.datetime | None = None,
) -> None:
    """Invite one person: a pending registration without any consent, and the "confirm your address"
    e-mail in `language`, naming the partner association (or the organisers, without `partner`). A partner's
    delegate is of the partner's own country, whatever `data` says. For an address already registered, the
    person gets their own link again and nothing else happens: the caller answers the same either way.
    Partners invite only while registration is open; the organisers until the event begins."""
    now = now or timezone.now()
    if partner is not None and not event.registration_is_open():
        raise RegistrationClosedError
    if partner is None and event.has_begun():
        raise RegistrationError(RegistrationClosedError.message)
    with transaction.atomic():
        existing = selectors.non_cancelled_registration(event, data["email"])
        if existing and existing.status == Registration.Status.PENDING and existing.confirm_expires_at <= now:
            traces.forget_deleted(Registration.objects.filter(pk=existing.pk))
            existing.delete()
            existing = None
        if existing:
            registration_services.link_again(registrations=[existing], now=now)
            return
        details = {field: data[field] for field in INVITED_FIELDS if field in data}
        if partner is not None:
            details["country"] = partner.country
        registration = Registration(
            event=event,
            token_hash=token_hash(new_token()),
            checkin_code=new_checkin_code(),
            email=data["email"],
            language=language,
            confirm_expires_at=now + registration_services.confirm_window(),
            invited_by=partner,
            invited_by_organisers=partner is None,
            **details,
        )
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            return  # the same address, submitted twice at once: the other request sends the e-mail
        registration.token_hash = token_hash(private_token(registration.pk, registration.link_version))
        Registration.objects.filter(pk=registration.pk).update(token_hash=registration.token_hash)
        registration.requested_parts.set(parts)
        email_enqueue(registration, EmailLog.Kind.CONFIRM_ADDRESS)


def delegates_invite(*, event: Event, rows: list[dict], partner: Partner | None) -> int:
    """Several invitations at once (an imported table), all or none; returns how many rows were sent."""
    with transaction.atomic():
        for row in rows:
            delegate_invite(event=event, data=row, parts=row["parts"], language=row["language"], partner=partner)
    return len(rows)


def partner_invitations(*, event: Event, partner: Partner):
    """The partner's own invitations that the person has not confirmed yet (expired ones are left out: the
    hourly job removes them)."""
    return Registration.objects.filter(
        event=event,
        invited_by=partner,
        country=partner.country,
        status=Registration.Status.PENDING,
        confirm_expires_at__gt=timezone.now(),
    ).order_by("last_name", "first_name", "pk")


def partner_invitation(*, event: Event, partner: Partner, pk: int) -> Registration | None:
    """One of the partner's own unconfirmed invitations; None for anyone else's alike."""
    return partner_invitations(event=event, partner=partner).filter(pk=pk).first()


def invitation_send_again(*, registration: Registration, now: datetime.datetime | None = None) -> bool:
    """The "confirm your address" e-mail again, with 48 hours again; False (nothing sent) when it went less
    than `RESEND_INTERVAL` ago."""
    now = now or timezone.now()
    with transaction.atomic():
        registration = seats.lock_registration(registration)
        if registration.status != Registration.Status.PENDING:
            return False
        recent = registration.emails.filter(kind=EmailLog.Kind.CONFIRM_ADDRESS, created__gte=now - RESEND_INTERVAL)
        if recent.exists():
            return False
        registration.confirm_expires_at = now + registration_services.confirm_window()
        registration.save(update_fields=["confirm_expires_at", "updated"])
        email_enqueue(registration, EmailLog.Kind.CONFIRM_ADDRESS)
    return True


def invitation_withdraw(*, registration: Registration) -> None:
    """Withdraw an unconfirmed invitation: it goes with everything it left (it holds no seat yet)."""
    with transaction.atomic():
        pending = Registration.objects.filter(pk=registration.pk, status=Registration.Status.PENDING)
        traces.forget_deleted(pending)
        pending.delete()


def invitation_accept(
    *,
    registration: Registration,
    language: str,
    consent_photos: bool,
    consent_sharing: bool,
    now: datetime.datetime | None = None,
) -> Registration:
    """The invited person accepts the privacy notice (in the language they read it in), gives or refuses
    the other consents, and confirms: seats as for anyone confirming."""
    now = now or timezone.now()
    with transaction.atomic():
        Registration.objects.filter(
            pk=registration.pk, status=Registration.Status.PENDING, privacy_accepted_at__isnull=True
        ).update(
            privacy_version=selectors.privacy_notice_version(language),
            privacy_language=language,
            privacy_accepted_at=now,
            consent_photos=consent_photos,
            consent_sharing=consent_sharing,
        )
        registration.refresh_from_db()
        return registration_services.registration_confirm(registration=registration, now=now)


def staff_parts_change(*, registration: Registration, parts: Iterable[Part]) -> Registration:
    """The organisers change someone's parts from the admin, under the parts' locks as the registrant's own
    change: an added part takes a seat if one is free, else a place on its waiting list; a dropped seat goes
    to the first waiting. The person is told by e-mail, in their language. Not for a cancelled registration,
    nor once the event has begun; a pending one changes only what it asks for."""
    now = timezone.now()
    wanted = {part.pk for part in parts}
    with transaction.atomic():
        seats.set_lock_timeout()
        registration = seats.lock_registration(registration)
        if registration.status == Registration.Status.CANCELLED:
            raise RegistrationCancelledError
        if registration.event.has_begun():
            raise EventBegunError
        if (
            not wanted
            or set(Part.objects.filter(pk__in=wanted, event=registration.event).values_list("pk", flat=True)) != wanted
        ):
            raise RegistrationError(_("Please choose at least one part of the programme."))
        registration.requested_parts.set(wanted)
        if registration.status == Registration.Status.ACTIVE:
            held = set(registration.seats.exclude(status=Seat.Status.CANCELLED).values_list("part_id", flat=True))
            locked = seats.lock_parts(wanted | held)
            current = {seat.part_id: seat for seat in registration.seats.exclude(status=Seat.Status.CANCELLED)}
            for part_id, seat in current.items():
                if part_id not in wanted:
                    seats.seat_release(seat=seat, part=locked[part_id], now=now)
            for part_id in sorted(wanted - current.keys()):
                seats.take_seat(registration=registration, part=locked[part_id], now=now)
            email_enqueue(registration, EmailLog.Kind.CHANGED)
        registration.save(update_fields=["updated"])
    return registration
