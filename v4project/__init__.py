"""The project: settings, URLs, WSGI, date formats, and the plumbing every app shares."""
