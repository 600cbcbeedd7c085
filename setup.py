"""Package list for setuptools (everything else is in pyproject.toml).

The top-level `resources/` folder stays where the project layout puts it and
is installed as the package `orgdesigner.resources`; `pyproject.toml` cannot
combine automatic package discovery with such a mapping, so it is added here.
"""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["orgdesigner", "orgdesigner.*", "ui", "ui.*"]),
        "orgdesigner.resources",
    ],
    package_dir={"orgdesigner.resources": "resources"},
)
