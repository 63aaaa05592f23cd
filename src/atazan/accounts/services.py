"""Writes and checks of the accounts context: roles, citizen verification by IIN, the permission matrix, throttling.

IINs are handled in clear only inside these functions: what is stored, logged or audited is the keyed hash.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import hmac
import ipaddress

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, Group, User
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from atazan.accounts.domain import permissions
from atazan.accounts.domain.iin import Iin, IinError, iin_mask, iin_matches_birth_date, iin_parse
from atazan.accounts.domain.messages import Msg, msg
from atazan.accounts.domain.roles import Role, roles_named
from atazan.accounts.models import Profile
from atazan.accounts.throttle import Throttled, throttle_check, throttle_peek, throttle_reset  # noqa: F401 - API
from atazan.audit.services import audit_append


class PermissionRefused(PermissionDenied):
    """A service refused an action to a user whose roles do not allow it. The message names the role and action
    (English, for logs and the console); ``msg`` says it to a reader, with the roles by their names."""

    def __init__(self, *, action: str, roles: frozenset[Role], who: str) -> None:
        self.action = action
        self.roles = roles
        needed = permissions.ACTIONS[action].roles if action in permissions.ACTIONS else frozenset()
        self.msg = msg(
            "permission_refused",
            "only the {needed} may do this (your role: {held})",
            needed=roles_named(r.value for r in needed),
            held=roles_named(r.value for r in roles),
        )
        super().__init__(str(permissions.ActionRefused(action=action, roles=roles, who=who)))


class VerificationRefused(ValueError):
    """A citizen's verification was refused: ``rule_msg`` says why and what to do next (``rule`` in English),
    ``field`` names what it concerns ("iin" or "birth_date"). The IIN appears masked only."""

    def __init__(self, *, record: str, rule: Msg, field: str = "iin") -> None:
        self.record = record
        self.rule_msg = rule
        self.code = rule.code
        self.rule = rule.render()
        self.field = field
        super().__init__(f"{record}: {self.rule}")


def roles_ensure() -> None:
    """Create one group per role; safe to run again."""
    for role in Role:
        Group.objects.get_or_create(name=role.value)


@transaction.atomic
def user_create(*, username: str, password: str, roles: list[Role], full_name: str = "", email: str = "") -> User:
    """Create a user (or reset an existing one's password) holding exactly the given roles; an ``email`` given
    replaces the stored one (notifications are mailed there)."""
    roles_ensure()
    first, _, last = full_name.partition(" ")
    user, _created = User.objects.get_or_create(username=username, defaults={"first_name": first, "last_name": last})
    user.set_password(password)
    if email:
        user.email = email
    user.is_staff = Role.ADMINISTRATOR in roles
    user.is_superuser = Role.ADMINISTRATOR in roles
    user.save()
    user.groups.set(Group.objects.filter(name__in=[r.value for r in roles]))
    return user


def user_has_role(user: User, role: Role) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=role.value).exists()


def user_roles(user: User | AnonymousUser | None) -> frozenset[Role]:
    """The roles a user holds as groups. Django's superuser flag adds none: it opens the admin site, not the
    official actions of the matrix (separation of duties, docs/security.md)."""
    if user is None or not user.is_authenticated:
        return frozenset()
    known = {r.value for r in Role}
    return frozenset(Role(name) for name in user.groups.values_list("name", flat=True) if name in known)


def permission_allowed(user: User | AnonymousUser | None, action: str) -> bool:
    return permissions.allowed(user_roles(user), action)


def permission_require(user: User | AnonymousUser | None, action: str) -> None:
    """Raise PermissionRefused (a PermissionDenied) unless the user's roles allow ``action`` in the matrix."""
    roles = user_roles(user)
    if not permissions.allowed(roles, action):
        who = "an anonymous visitor" if user is None or not user.is_authenticated else f"user {user.get_username()!r}"
        raise PermissionRefused(action=action, roles=roles, who=who)


def actor_authorize(actor: str | User, action: str) -> str:
    """The audit label for ``actor`` after checking it may perform ``action``.

    A ``User`` (anyone reaching a service from the web or the API) is checked against the matrix. A plain string is
    the console: a command run by a person with shell access to the server (imports, demo data), recorded as given.
    """
    if isinstance(actor, str):
        return actor
    permission_require(actor, action)
    return actor.get_username()


@transaction.atomic
def role_grant(*, actor: User, user: User, role: Role) -> None:
    """Give ``user`` the role ``role``; only an administrator may, and the grant is audited."""
    permission_require(actor, "accounts.role.grant")
    roles_ensure()
    user.groups.add(Group.objects.get(name=role.value))
    audit_append(
        actor=actor.get_username(), action="accounts.role.grant", target=f"user:{user.pk}", payload={"role": role.value}
    )


# --- IINs ---------------------------------------------------------------------------------------------------------


def iin_hash(iin: str) -> str:
    """The keyed hash (HMAC-SHA256 under settings.IIN_HASH_KEY) an IIN is stored and looked up by."""
    value = "".join(ch for ch in iin if not ch.isspace())
    return hmac.new(settings.IIN_HASH_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


ONE_ACCOUNT_PER_IIN = msg(
    "iin_taken",
    "already verified for another account: one account per IIN; if this IIN is yours, sign in with the account "
    "verified with it",
)


def iin_check(iin: str, *, birth_date: dt.date | None = None) -> Iin:
    """Validate an IIN (check digit, century, a real past birth date) and, when given, a stated birth date against
    the one it encodes. Raises VerificationRefused naming the masked IIN and the rule."""
    try:
        parsed = iin_parse(iin, today=timezone.localdate())
    except IinError as error:
        raise VerificationRefused(record=f"IIN {error.masked}", rule=error.rule_msg) from None
    if birth_date is not None and not iin_matches_birth_date(parsed, birth_date):
        raise VerificationRefused(
            record=f"IIN {iin_mask(parsed.value)}",
            rule=msg(
                "birth_date_differs",
                "the stated birth date {date} differs from the IIN's: enter the date of birth the IIN encodes",
                date=birth_date,
            ),
            field="birth_date",
        )
    return parsed


def user_by_iin(iin: str) -> User | None:
    profile = Profile.objects.select_related("user").filter(iin_hash=iin_hash(iin)).first()
    return None if profile is None else profile.user


@transaction.atomic
def citizen_verify(*, user: User, iin: str, birth_date: dt.date | None = None, via: str = "form") -> Profile:
    """Record that ``user`` is the citizen holding ``iin`` and give them the citizen role.

    Refused (VerificationRefused) when the IIN is invalid, disagrees with the stated birth date, or already belongs
    to another account (one account per IIN). The audit entry names the account, never the IIN.
    """
    parsed = iin_check(iin, birth_date=birth_date)
    digest = iin_hash(parsed.value)
    profile, _ = Profile.objects.select_for_update().get_or_create(user=user)
    if profile.iin_hash == digest:
        return profile
    if profile.iin_hash is not None:
        raise VerificationRefused(
            record=f"user {user.get_username()!r}",
            rule=msg(
                "verified_other_iin",
                "this account is already verified with another IIN: an account holds one IIN; "
                "to change it, write to the administrator",
            ),
        )
    if Profile.objects.filter(iin_hash=digest).exclude(pk=profile.pk).exists():
        raise VerificationRefused(record=f"IIN {iin_mask(parsed.value)}", rule=ONE_ACCOUNT_PER_IIN)
    profile.iin_hash = digest
    profile.birth_date = parsed.birth_date
    profile.verified_at = timezone.now()
    profile.verified_via = via[:200]
    try:
        with transaction.atomic():
            profile.save()
    except IntegrityError:  # a concurrent verification won the race for this IIN
        raise VerificationRefused(record=f"IIN {iin_mask(parsed.value)}", rule=ONE_ACCOUNT_PER_IIN) from None
    roles_ensure()
    user.groups.add(Group.objects.get(name=Role.CITIZEN.value))
    audit_append(
        actor=user.get_username(),
        action="accounts.citizen.verify",
        target=f"user:{user.pk}",
        payload={"via": profile.verified_via},
    )
    return profile


# --- sign-in throttling ----------------------------------------------------------------------------------------------
#
# Failures are counted three ways, each in a window of 15 minutes from its first failure:
# - per user name and address (5): a person mistyping their own password;
# - per address, whatever user names it tries (20): one address trying one password on thousands of accounts
#   ("password spraying") is stopped after 20 failures, not after 5 per account;
# - per user name, from any address (50): many addresses guessing one account's password.
# The per-account count can lock the real owner out for the window (an attacker may spend 50 failures to do so);
# the limit is ten times the per-address one so that this takes many addresses. A successful sign-in clears the
# count for that user name, never the address's: otherwise a sprayer could sign in to an account of its own between
# guesses to wipe its count.

LOGIN_FAILURE_LIMIT = 5
LOGIN_ADDRESS_FAILURE_LIMIT = 20
LOGIN_ACCOUNT_FAILURE_LIMIT = 50
LOGIN_FAILURE_WINDOW_S = 15 * 60


class LoginLockScope(enum.StrEnum):
    ACCOUNT_AT_ADDRESS = "account-at-address"
    ADDRESS = "address"
    ACCOUNT = "account"


def login_address(ip: str) -> str:
    """The address as counted: an IPv6 address by its /64 network (one subscriber's usual allocation, so that a
    sprayer cannot dodge the count by walking its own prefix); IPv4 and anything unparsable as given."""
    try:
        parsed = ipaddress.ip_address(ip.strip())
    except ValueError:
        return ip.strip()
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def login_throttle_key(*, username: str, ip: str) -> str:
    return f"login:{username.strip().casefold()}:{ip}"


def login_address_key(*, ip: str) -> str:
    return f"login-address:{login_address(ip)}"


def login_account_key(*, username: str) -> str:
    return f"login-account:{username.strip().casefold()}"


def login_failure_keys(*, username: str, ip: str) -> list[str]:
    """The counts one failure adds to (no address count when there is no address, e.g. a console sign-in)."""
    keys = [login_throttle_key(username=username, ip=ip), login_account_key(username=username)]
    if login_address(ip):
        keys.append(login_address_key(ip=ip))
    return keys


def login_lock(*, username: str, ip: str) -> tuple[int, LoginLockScope | None]:
    """(seconds until a sign-in may be tried, which count is exceeded); (0, None) when none is.

    The address count applies whatever ``username`` is, even an empty one."""
    checks: list[tuple[str, int, LoginLockScope]] = []
    if login_address(ip):
        checks.append((login_address_key(ip=ip), LOGIN_ADDRESS_FAILURE_LIMIT, LoginLockScope.ADDRESS))
    if username.strip():
        checks.append((login_throttle_key(username=username, ip=ip), LOGIN_FAILURE_LIMIT,
                       LoginLockScope.ACCOUNT_AT_ADDRESS))  # fmt: skip
        checks.append((login_account_key(username=username), LOGIN_ACCOUNT_FAILURE_LIMIT, LoginLockScope.ACCOUNT))
    for key, limit, scope in checks:
        state = throttle_peek(key=key, limit=limit, window_s=LOGIN_FAILURE_WINDOW_S)
        if state.exceeded:
            return max(1, state.retry_after_s), scope
    return 0, None


def login_locked(*, username: str, ip: str) -> int:
    """Seconds until ``username`` may try again from ``ip``; 0 when not locked (by any of the three counts)."""
    return login_lock(username=username, ip=ip)[0]
