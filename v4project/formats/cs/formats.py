# Czech writes the month in the genitive after a day: 21. června 2023.
DATE_FORMAT = "j. E Y"
MONTH_DAY_FORMAT = "j. E"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "j. n. Y"
TIME_FORMAT = "G:i"
DATETIME_FORMAT = "j. E Y G:i"
