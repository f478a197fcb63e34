"""The registrant's own pages, reached by the private link: status, changes, cancelling, their data."""
