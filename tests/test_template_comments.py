"""Django's {# #} comment ends on its own line: one that runs on shows its text to the reader, as the
meeting page once showed its notes' comment above "Notes". Longer comments use {% comment %}."""

from pathlib import Path

from django.conf import settings


def test_every_one_line_template_comment_closes_on_its_line():
    unclosed = []
    for template in sorted(Path(settings.BASE_DIR, "templates").rglob("*.html")):
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            if line.count("{#") > line.count("#}"):
                unclosed.append(f"{template.relative_to(settings.BASE_DIR)}:{number}")
    assert not unclosed
