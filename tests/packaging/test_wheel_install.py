"""`pip install` of the wheel, not the checkout: the commands work from any folder.

Builds the wheel, installs it into a fresh virtual environment and runs the
installed `orgdesigner` and `orgdesigner-gui` from a folder outside the
checkout. The new environment borrows the test environment's third-party
packages through a path file (so Qt is not downloaded again), but our own
package comes only from the wheel: the test checks where it was imported from.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _run(cmd: list, cwd: Path, env: dict, timeout: float = 300) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, f"{cmd}: {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


def _can_build_wheels_here() -> bool:
    try:
        from importlib.metadata import version

        major, minor = (int(x) for x in version("setuptools").split(".")[:2])
    except Exception:
        return False
    return (major, minor) >= (70, 1) or (
        major >= 68 and importlib.util.find_spec("wheel") is not None
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # With a setuptools that builds wheels at hand, no network; else pip fetches one.
    isolation = ["--no-build-isolation"] if _can_build_wheels_here() else []
    _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", *isolation, "-w", out, ROOT],
        cwd=out,
        env=dict(os.environ),
    )
    (found,) = out.glob("org_designer-*.whl")
    return found


def test_wheel_carries_the_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "orgdesigner/resources/catalogue.json" in names
    assert "orgdesigner/resources/templates/mid_large.zh.json" in names
    assert "orgdesigner/resources/icons/orgdesigner.svg" in names
    assert "orgdesigner/resources/desktop/orgdesigner.desktop" in names
    assert "ui/launcher.py" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[gui_scripts]" in text and "orgdesigner-gui = ui.launcher:run" in text


def test_installed_wheel_runs_from_any_folder(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True, timeout=120)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    site = Path(
        _run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            cwd=tmp_path,
            env=dict(os.environ),
        ).stdout.strip()
    )
    # Third-party packages from this environment (after the venv's own site-packages).
    borrowed = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "borrowed-test-deps.pth").write_text("\n".join(sorted(borrowed)) + "\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        ORGDESIGNER_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PATH=f"{bindir}{os.pathsep}{env['PATH']}",
    )
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            python,
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            "--force-reinstall",
            wheel,
        ],
        cwd=tmp_path,
        env=env,
    )

    work = tmp_path / "elsewhere"
    work.mkdir()
    where = _run(
        [python, "-c", "import orgdesigner, ui; print(orgdesigner.__file__); print(ui.__file__)"],
        cwd=work,
        env=env,
    ).stdout
    assert str(ROOT) not in where and all(str(venv) in line for line in where.split())

    orgdesigner = bindir / "orgdesigner"
    listing = _run([orgdesigner, "templates"], cwd=work, env=env).stdout
    assert "mid_large" in listing and "startup" in listing
    _run([orgdesigner, "new", "-o", "x.db", "--template", "mid_large"], cwd=work, env=env)
    _run([orgdesigner, "export", "x.db", "-o", "x.pdf"], cwd=work, env=env)
    assert (work / "x.pdf").read_bytes().startswith(b"%PDF")
    version = _run([bindir / "orgdesigner-gui", "--version"], cwd=work, env=env).stdout
    assert version.startswith("Org Designer ")
    check = _run(
        [bindir / "orgdesigner-gui", "--check-startup", "x.db"], cwd=work, env=env, timeout=120
    ).stdout
    assert check.startswith("ok: x.db") and "departments" in check
    # The desktop entry of an installed copy starts that copy's launcher.
    env["XDG_DATA_HOME"] = str(tmp_path / "share")
    _run([bindir / "orgdesigner-gui", "--install-desktop"], cwd=work, env=env)
    entry = (tmp_path / "share" / "applications" / "orgdesigner.desktop").read_text(
        encoding="utf-8"
    )
    assert f"Exec={bindir / 'orgdesigner-gui'} %f" in entry
