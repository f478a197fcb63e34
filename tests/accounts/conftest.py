from tests.registrations.conftest import olomouc  # noqa: F401 - an open event with its two parts
