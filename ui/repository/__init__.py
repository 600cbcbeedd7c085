"""The editor's side of the team repository: File > Open from Repository and live co-editing.

Kept apart from the file workflow: the main window sees a `RepositoryDesign`,
which looks like `document_io.OpenDesign` (design, path, read_only ...), and
everything live (polling, banner, presence, conflicts) happens here,
driven by the model's event stream and the core's `LiveSession`.
"""
