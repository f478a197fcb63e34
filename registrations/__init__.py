"""Registrations: parts and seats, the rules, the e-mails, and one package per surface that uses them."""
