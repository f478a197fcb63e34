"""The public registration pages: the form, "check your e-mail", "send my link again"."""
