"""Argon2, telling a wrong password apart from a password the server could not check."""

from django.contrib.auth import hashers


class PasswordCheckUnavailable(Exception):
    """The server could not check a password (Argon2 could not get its memory, for instance):
    a server error, never a wrong password."""


class Argon2PasswordHasher(hashers.Argon2PasswordHasher):
    """Django's Argon2 hasher answers False for any Argon2 error, so a server short of memory
    turned the right password into a wrong one (and towards a lock-out); only a mismatch is."""

    def verify(self, password, encoded):
        argon2 = self._load_library()
        algorithm, rest = encoded.split("$", 1)
        if algorithm != self.algorithm:
            raise ValueError(f"not an {self.algorithm} hash")
        try:
            return argon2.PasswordHasher().verify("$" + rest, password)
        except argon2.exceptions.VerifyMismatchError:
            return False
        except argon2.exceptions.VerificationError as exc:
            raise PasswordCheckUnavailable(str(exc)) from exc

    def encode(self, password, salt):
        argon2 = self._load_library()
        try:
            return super().encode(password, salt)
        except argon2.exceptions.HashingError as exc:
            raise PasswordCheckUnavailable(str(exc)) from exc
