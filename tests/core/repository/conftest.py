import pytest


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    """Unsent live edits are kept under the data dir: the test's own folder, not the user's."""
    monkeypatch.setenv("ORGDESIGNER_DATA_DIR", str(tmp_path / "userdata"))
