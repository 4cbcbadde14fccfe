"""Apple Health: `export.zip` or its `export.xml` (any name: the Health app translates
it), streamed through expat chunk by chunk, so a file of any size is read with a few
megabytes of memory.

Apple's files have two known faults, both tolerated: some iOS versions write a broken
DOCTYPE (an ATTLIST left open), so the DOCTYPE is never parsed (its lines are kept as
blank lines, so line numbers in messages still match the file); and some records carry
control characters such as a vertical tab, which XML forbids, so they read as spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.parsers import expat

from tracker.formats.sources.apple_rules import AppleRules, type_name
from tracker.formats.sources.batch import (
    Reason,
    SourceBatch,
    SourceFormatError,
    SourceOptions,
    checked_days,
)
from tracker.formats.sources.inputs import Container, Member, Meter, open_container
from tracker.i18n import gettext as _

NAME = "apple-health"
_ROOT = re.compile(rb"<HealthData[\s>/]")
_HEAD = 64 * 1024  # the DOCTYPE of every known export is about 10 kB
_PROLOG_LIMIT = 4 << 20  # the root must start within the first 4 MiB
# XML forbids C0 control characters other than tab, newline and carriage return.
_CONTROLS = bytes(c for c in range(32) if c not in (9, 10, 13))
_CLEAN = bytes.maketrans(_CONTROLS, b" " * len(_CONTROLS))
# Top-level elements that are not records, counted as skipped.
_OTHER = frozenset({"ActivitySummary", "ClinicalRecord", "Audiogram", "VisionPrescription"})


def _looks_like_export(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and bool(_ROOT.search(head))


def _export_member(container: Container) -> Member | None:
    candidates = [m for m in container.members if m.size > 0]
    # An export's own name comes first when present, whatever its language.
    candidates.sort(key=lambda m: (not m.name.lower().endswith(".xml"), m.name))
    for member in candidates:
        if _looks_like_export(container.head(member, _HEAD)):
            return member
    return None


def detect(path: Path) -> bool:
    try:
        with open_container(path) as container:
            return _export_member(container) is not None
    except SourceFormatError:
        return False


def read(path: Path, options: SourceOptions) -> SourceBatch:
    with open_container(path) as container:
        member = _export_member(container)
        if member is None:
            raise SourceFormatError(
                path.name,
                _("this is not an Apple Health export (no export.xml with health records in it)"),
            )
        batch = SourceBatch(NAME)
        meter = Meter(options, member.size)
        _Stream(container.label(member), batch).run(container.chunks(member, meter))
        meter.finish()
        return batch


class _Stream:
    def __init__(self, label: str, batch: SourceBatch) -> None:
        self.label, self.batch = label, batch
        self.parser = expat.ParserCreate()
        self.parser.buffer_text = False
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.rules = AppleRules(batch.report, lambda: self.parser.CurrentLineNumber)
        self.nested = 0  # how deep inside Correlation elements we are
        self.skipped: dict[str, int] = {}
        self.copies = 0

    def run(self, chunks: Iterator[bytes]) -> None:
        body = self._after_prolog(chunks)
        for chunk in body:
            self._feed(chunk.translate(_CLEAN), final=False)
        self._feed(b"", final=True)
        report = self.batch.report
        for kind, count in self.skipped.items():
            report.skip(type_name(kind), Reason.NOT_A_FACTOR, count)
        if self.copies:
            report.skip("Correlation", Reason.CORRELATION_COPY, self.copies)
        self.batch.days = checked_days(self.rules.days(), report)

    def _after_prolog(self, chunks: Iterator[bytes]) -> Iterator[bytes]:
        """Drop the DOCTYPE (replaced by as many blank lines) and yield the document from
        its <HealthData> root on."""
        buffer = b""
        for chunk in chunks:
            buffer += chunk
            found = _ROOT.search(buffer)
            if found is not None:
                break
            if len(buffer) > _PROLOG_LIMIT:
                break
        else:
            found = None
        if found is None:
            raise SourceFormatError(
                self.label, _("this is not an Apple Health export (no <HealthData> in it)")
            )
        start = found.start()
        declaration = b""
        text = buffer[:start]
        bom = b"\xef\xbb\xbf" if text.startswith(b"\xef\xbb\xbf") else b""
        if text[len(bom) :].startswith(b"<?xml"):
            end = text.find(b"?>")
            if end != -1:
                declaration = text[: end + 2]
        blank = b"\n" * text[len(declaration) :].count(b"\n")
        yield bom + declaration.removeprefix(bom) + blank + buffer[start:]
        yield from chunks

    def _feed(self, data: bytes, *, final: bool) -> None:
        try:
            self.parser.Parse(data, final)
        except expat.ExpatError as error:
            if final:
                reason = _("the file ends before the export is complete (it was cut short)")
            else:
                reason = _("the file is damaged here (this is not well-formed XML)")
            raise SourceFormatError(self.label, reason, line=error.lineno) from None

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        if name == "Record":
            if self.nested:
                self.copies += 1
                return
            kind = attrs.get("type", "")
            if not self.rules.record(kind, attrs):
                self.skipped[kind] = self.skipped.get(kind, 0) + 1
        elif name == "Correlation":
            self.nested += 1
        elif name == "Workout":
            self.rules.workout(attrs)
        elif name in _OTHER:
            self.skipped[name] = self.skipped.get(name, 0) + 1

    def _end(self, name: str) -> None:
        if name == "Correlation":
            self.nested -= 1
