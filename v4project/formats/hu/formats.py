# Hungarian puts the year first: 2023. június 21.
DATE_FORMAT = "Y. F j."
MONTH_DAY_FORMAT = "F j."
YEAR_MONTH_FORMAT = "Y. F"
SHORT_DATE_FORMAT = "Y. m. d."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "Y. F j. H:i"
