"""The rules, as plain functions each in one transaction: a registrant's (registration), seats and locks
(seats), organisers' (staff), personal data (privacy, traces)."""
