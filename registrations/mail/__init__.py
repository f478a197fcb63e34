"""E-mails to registrants: building them in the registrant's language (build, attachments) and sending
them as tasks of the worker (send)."""
