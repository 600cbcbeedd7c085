"""Dialogs of the editor: the import wizard and the PDF export dialog."""
