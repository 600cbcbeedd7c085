import os

from hypothesis import settings

from tests.pg_fixtures import pg_server_url, pg_url, repo_url  # noqa: F401  (PostgreSQL fixtures)

# UI tests run headless; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# In CI, property tests draw the same examples every run: a submission is
# judged on the code, not on which random examples a fresh machine happens to
# draw. Locally they keep exploring (and keep their example database).
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_sessionfinish(session, exitstatus):
    """Empty the clipboard before Qt tears down.

    With QT_QPA_PLATFORM=offscreen, Qt segfaults at interpreter exit if the
    clipboard still holds data a test put there (copy/paste tests), so the run
    exited 139 after every test had passed. Under xcb the same exit is clean.
    """
    import sys

    if "PySide6.QtGui" not in sys.modules:
        return
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()
