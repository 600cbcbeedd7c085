"""Org Designer's shipped data: installed as the package `orgdesigner.resources`.

This folder stays at the top of the project; `pyproject.toml` maps it into the
`orgdesigner` package so `importlib.resources.files("orgdesigner.resources")`
finds it in a wheel, an editable install and the PyInstaller app.
"""
