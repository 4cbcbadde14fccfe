"""The app reaches backup, restore, check and the start-up's daily backup and recovery
window through services only (DESIGN.md "Architecture"): no module of tracker.ui, nor
the wiring in tracker.app, imports tracker.storage, SQLAlchemy or sqlite3 itself."""

from __future__ import annotations

import grimp

FORBIDDEN = ("tracker.storage", "tracker.models", "sqlalchemy", "sqlite3", "alembic")


def test_the_ui_imports_no_storage_and_no_database() -> None:
    graph = grimp.build_graph("tracker", include_external_packages=True)
    app_modules = graph.find_descendants("tracker.ui") | {"tracker.ui", "tracker.app"}
    found = sorted(
        (module, imported)
        for module in app_modules
        for imported in graph.find_modules_directly_imported_by(module)
        if imported.startswith(FORBIDDEN)
    )
    assert found == []
