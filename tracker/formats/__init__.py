"""CSV and JSON: the records and files Kedut reads and writes (DESIGN.md "File formats")."""
