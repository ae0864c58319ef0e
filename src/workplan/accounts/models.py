import hashlib
from datetime import timedelta
from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.contrib.sessions.models import Session
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from workplan.core.roles import Role


class User(AbstractUser):
    """A person who signs in. Never deleted: deactivated, so history keeps their name."""

    full_name = models.CharField(_("name"), max_length=100, blank=True)
    departments = models.ManyToManyField(
        "org.Department", blank=True, related_name="people", verbose_name=_("departments")
    )

    class Meta:
        ordering = ["username"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.full_name or self.username

    @cached_property
    def roles(self) -> frozenset[str]:
        """Return the user's roles (read once per request: request.user lives that long)."""
        if not self.pk:
            return frozenset()
        return frozenset(self.role_grants.values_list("role", flat=True))

    def has_role(self, *roles: str) -> bool:
        """Return whether the user holds any of `roles` (a superuser counts as administrator)."""
        if not self.is_active:
            return False
        held = self.roles | ({Role.ADMIN} if self.is_superuser else set())
        return bool(held.intersection(roles))

    @cached_property
    def department_ids(self) -> frozenset[int]:
        if not self.pk:
            return frozenset()
        return frozenset(self.departments.values_list("pk", flat=True))


class RoleGrant(models.Model):
    """One role held by one user."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(_("Role"), max_length=16, choices=Role)

    class Meta:
        ordering = ["user", "role"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="rolegrant_unique")]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()}"


class DeviceToken(models.Model):
    """A browser in which the user signed in: the cookie holds a random token, this row only
    its SHA-256. Deleted after five wrong passwords from it, when the password changes and when
    the account is deactivated; void once the password differs from the one it was issued
    under (`password_stamp`), whatever changed it."""

    LIFETIME = timedelta(days=180)  # from the last sign-in with it
    KEPT_PER_USER = 20

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="device_tokens")
    token_hash = models.CharField(max_length=64, unique=True)
    password_stamp = models.CharField(max_length=64)
    created = models.DateTimeField(_("created"))
    last_used = models.DateTimeField(_("last used"))

    class Meta:
        verbose_name = _("signed-in browser")
        verbose_name_plural = _("signed-in browsers")
        indexes = [models.Index(fields=["last_used"], name="devicetoken_last_used")]

    def __str__(self) -> str:
        return f"{self.user} {self.created:%Y-%m-%d %H:%M}"

    @staticmethod
    def digest(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @staticmethod
    def stamp(user: User) -> str:
        """Return a mark of the user's password hash that changes whenever the password does."""
        return salted_hmac(
            "workplan.accounts.device-token", user.password, algorithm="sha256"
        ).hexdigest()


class LoginFailure(models.Model):
    """One wrong password, counted by the lock-out rules (accounts/lockout.py) and deleted
    when the account is unlocked, its owner signs in from that address or sets a new password.
    One made in a browser with a device token counts against that token only."""

    username = models.CharField(_("login name"), max_length=150)
    address = models.CharField(_("address"), max_length=45, blank=True)
    at = models.DateTimeField(_("time"))
    device = models.ForeignKey(
        DeviceToken, on_delete=models.CASCADE, null=True, blank=True, related_name="failures"
    )

    class Meta:
        verbose_name = _("failed sign-in")
        verbose_name_plural = _("failed sign-ins")
        indexes = [
            models.Index(fields=["username", "at"], name="loginfailure_username_at"),
            models.Index(fields=["address", "at"], name="loginfailure_address_at"),
            models.Index(fields=["at"], name="loginfailure_at"),
        ]

    def __str__(self) -> str:
        return f"{self.username} @ {self.address} {self.at:%Y-%m-%d %H:%M:%S}"


class UserSession(models.Model):
    """Which user a session belongs to, written at sign-in: deactivating an account ends its
    sessions without decoding every session of the site. Goes with its session (CASCADE)."""

    session = models.OneToOneField(
        Session, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.session_id[:8]}…"
