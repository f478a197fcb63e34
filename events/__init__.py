"""The content: partner associations, the four workshops, their programme, photos, documents and pages."""
