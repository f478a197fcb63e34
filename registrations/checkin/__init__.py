"""Check-in at the door, for organisers on a phone, and the card the door QR code opens."""
