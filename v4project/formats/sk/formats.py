# Slovak writes the month in the genitive after a day: 21. júna 2023 (E needs the "alt. month" messages
# that locale/sk supplies; Django's own Slovak catalogue has the nominative there).
DATE_FORMAT = "j. E Y"
MONTH_DAY_FORMAT = "j. E"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "j. n. Y"
TIME_FORMAT = "G:i"
DATETIME_FORMAT = "j. E Y G:i"

# Django's Slovak catalogue gives the nominative ("jún") for these; locale/sk gives the genitive ("júna").
# Naming them here keeps them in the project's catalogues when messages are extracted.
from django.utils.translation import pgettext_lazy  # noqa: E402

MONTHS_AFTER_A_DAY = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]
