"""Each NEWSCRAWLER_* setting is in the user guide's table, and its default is written once."""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NAME = re.compile(r'"(NEWSCRAWLER_[A-Z_]*[A-Z])"')
NOT_SETTINGS = {"NEWSCRAWLER_JOB_SECRETS"}  # an environment variable (commands/jobsecrets.py)


def names_read() -> set[str]:
    sources = (path.read_text(encoding="utf-8") for path in (REPO / "newscrawler").rglob("*.py"))
    return {name for text in sources for name in NAME.findall(text)} - NOT_SETTINGS


def settings_table() -> str:
    guide = (REPO / "docs" / "user-guide.md").read_text(encoding="utf-8")
    return guide.split("## Settings", 1)[1].split("\n## ", 1)[0]


def test_every_setting_is_documented() -> None:
    table = settings_table()
    missing = sorted(name for name in names_read() if f"`{name}`" not in table)
    assert not missing


def test_settings_py_sets_only_what_no_component_defaults() -> None:
    # A value here beside a module constant would be a default written twice.
    tree = ast.parse((REPO / "newscrawler" / "settings.py").read_text(encoding="utf-8"))
    assigned = {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name) and target.id.startswith("NEWSCRAWLER_")
    }
    code = "".join(
        path.read_text(encoding="utf-8") for path in (REPO / "newscrawler").rglob("*.py")
    )
    for name in assigned:
        # Read with an empty default: the value in settings.py is the only one written.
        assert re.search(rf'"{name}", (\{{\}}|""|\(\))\)', code), name
