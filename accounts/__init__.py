"""Signing in for staff and partners: one sign-in page, the lockout, two-factor sign-in, the password reset."""
