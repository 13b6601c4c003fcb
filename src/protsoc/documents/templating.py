"""The one Jinja factory of protsoc.

Templates run in Jinja's sandbox (a registry may ship its own templates, and a pull request may
change them), undefined variables are errors (``StrictUndefined``: never a silent blank in an
official document), and HTML output is autoescaped, so a decision text containing ``<script>``
is shown, not executed. Every filter is registered here, in ``FILTERS``.

Lookup order: ``--templates DIR``, then the registry's own ``templates/`` folder (next to
``registry/``), then the templates shipped with protsoc. Jinja is imported inside the functions:
the CLI must start without it.

A registry's templates come from pull requests, so they are untrusted input (issue 13):
- a template is a regular file inside its folder, read without following symbolic links, at most
  ``MAX_TEMPLATE_BYTES``; a symlink (or a ``..`` in its name) is an error, never its target's text;
- rendering is bounded: it runs in a child process (where ``fork`` exists) that is stopped after
  ``Limits.seconds``, may not grow its memory by more than ``Limits.memory_bytes`` and may not
  produce more than ``Limits.output_chars``; ``*`` and ``**`` refuse to build values over that
  size before building them (the sandbox already caps ``range`` at 100,000 items). Each limit
  is an error naming the template (exit 1), never a hang or a killed process.
"""

from __future__ import annotations

import functools
import math
import os
import re
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from protsoc.documents import arabic
from protsoc.kernel import resources
from protsoc.kernel.errors import EnvironmentProblem, InvalidRecord

# A Latin or number run inside Arabic text. WeasyPrint resolves bidi per line, so such runs must
# be wrapped in <span dir="ltr"> or they come out reversed («4 000 000» → «000 000 4»), also when
# they wrap. Only what must be isolated is: a run starts with a Latin letter, a digit, a sign
# before a digit or «<», and ends with a letter, a digit, «%», «/», «>» or a closing bracket
# whose opening bracket is in the run. A bracket without its partner inside the run is left to
# the surrounding right-to-left text, as UAX #9 pairs brackets: a span ending in «3.6%)» printed
# «(زيادة 3.6%)» as «(زيادة (3.6%» (issue 15). A sentence's final full stop stays outside (in the
# RTL paragraph it belongs at the line's left end). No-break spaces, the no-break hyphen and the
# minus sign belong to the run: the documents glue numbers to units and hyphenated names with them.
# A run of digits alone is left to the bidi algorithm, which lays it out as Arabic text does
# («%3.6», «2025-2021» read from the right), as Word and the browsers do for the same text; it
# is isolated only where the algorithm would split one number: a leading sign («+212», «-2.5%»)
# or digits grouped by spaces («4 000 000»). tests/test_bidi_corpus.py draws both in Chromium.
_LTR_CHUNK = re.compile("[ -~\u00a0\u202f\u2011\u2212]+")
_RUN_START = re.compile("[A-Za-z0-9<]|[+\\-\u2212][0-9]")
_RUN_END = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789%/>)]")
_PARTNER = {")": "(", "]": "["}
_NEEDS_ISOLATION = re.compile("[A-Za-z<]|^[+\\-\u2212]|[0-9][ \u00a0\u202f][0-9]")


def _unpaired_brackets(chunk: str) -> list[int]:
    """Positions of the brackets of ``chunk`` that have no partner inside it."""
    openers: list[int] = []
    unpaired: list[int] = []
    for index, character in enumerate(chunk):
        if character in "([":
            openers.append(index)
        elif character in _PARTNER:
            if openers and chunk[openers[-1]] == _PARTNER[character]:
                openers.pop()
            else:
                unpaired.append(index)
    return sorted(unpaired + openers)


def _isolated_runs(chunk: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) in the text of each run of ``chunk`` (which starts at ``offset``) that
    must be isolated: the chunk is cut at its unpaired brackets, then each piece is trimmed to a
    permitted start and end; trimming may unpair a bracket, so pieces are checked again."""
    runs: list[tuple[int, int]] = []
    pieces = [(0, len(chunk))]
    while pieces:
        start, end = pieces.pop()
        while start < end and not _RUN_START.match(chunk, start, end):
            start += 1
        while end > start and chunk[end - 1] not in _RUN_END:
            end -= 1
        if start >= end:
            continue
        unpaired = _unpaired_brackets(chunk[start:end])
        if not unpaired:
            if _NEEDS_ISOLATION.search(chunk[start:end]):
                runs.append((offset + start, offset + end))
            continue
        cut = start
        for position in unpaired:
            pieces.append((cut, start + position))
            cut = start + position + 1
        pieces.append((cut, end))
    return sorted(runs)


def run_tag(run: str) -> str:
    """The opening tag of an isolated run. A hyphenated or slashed token («AMO-Tadamon»,
    «2024-11-26», «PDF/A-3b») is kept on one line (the shipped style's ``nowrap`` class): a line
    break after its hyphen printed «AMO- / Tadamon». Long tokens (addresses) may still wrap."""
    if len(run) <= 40 and " " not in run and ("-" in run or "/" in run):
        return '<span dir="ltr" class="nowrap">'
    return '<span dir="ltr">'


def ltr_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every run of ``text`` that the ``ltr`` filter isolates, in order."""
    runs: list[tuple[int, int]] = []
    for match in _LTR_CHUNK.finditer(text):
        runs.extend(_isolated_runs(match.group(0), match.start()))
    return runs


def ltr(value: Any) -> Any:
    """HTML: wrap every Latin/number run of ``value`` in ``<span dir="ltr">``, escaping the rest."""
    text = str(value)
    # Short values (dates, names, counts) repeat thousands of times in a report: memoised.
    return _markup()(_ltr_short(text) if len(text) <= 160 else _ltr_html(text))


@functools.cache
def _markup() -> Any:
    """markupsafe's Markup, imported on first use (not at start-up) but not on every call."""
    from markupsafe import Markup

    return Markup


def _ltr_html(text: str) -> str:
    """``ltr`` as a plain string. Escaping works character by character, so escaping each piece
    is escaping the whole; plain str joins are several times cheaper than Markup's ``%`` and
    ``join`` (a report applies this to tens of thousands of values)."""
    from markupsafe import escape

    pieces: list[str] = []
    position = 0
    for start, end in ltr_runs(text):
        pieces.append(escape(text[position:start]))
        pieces.append(run_tag(text[start:end]))
        pieces.append(escape(text[start:end]))
        pieces.append("</span>")
        position = end
    if not pieces:
        return str(escape(text))
    pieces.append(escape(text[position:]))
    return "".join(pieces)


_ltr_short = functools.lru_cache(maxsize=16384)(_ltr_html)


def text_of(value: Any, lang: str = "ar") -> str:
    """The wording of a multilingual record text ``{ar:, fr:, en:}`` (Arabic when ``lang`` is
    missing)."""
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("ar") or "")
    return "" if value is None else str(value)


def md_escape(value: Any) -> str:
    """Markdown: record text stays inline and inert (``kernel/safe_text``): no line break that
    starts a heading, list or image, no HTML, link, table cell break, mention or reference."""
    from protsoc.kernel.safe_text import markdown_inline

    text = markdown_inline(str(value))
    return text.replace(arabic.NBSP, " ")  # quantities come glued for HTML (render.py)


def _date_filter(function: Callable[[Any], str]) -> Callable[[Any], str]:
    """A date filter whose bad input («2025-02-30») is an invalid-record error, not a crash."""

    def apply(value: Any) -> str:
        try:
            return function(value)
        except (TypeError, ValueError):
            raise InvalidRecord(
                f"{value!r} is not a date",
                "write dates as YYYY-MM-DD; `protsoc validate` lists every problem",
            ) from None

    return apply


def _no_break(function: Callable[..., str], whole: bool = False) -> Callable[..., str]:
    """A filter whose words never break apart in HTML and PDF, where lines wrap: a no-break space
    glues a number to its word («1.7 مليون»), and with ``whole`` every space of the value
    («26 نونبر 2024», «10 رمضان 1446 هـ»): lines broke as «26 / نونبر 2024» (issue 15). Markdown
    keeps plain spaces, which readers search and copy."""
    from jinja2 import pass_eval_context

    @pass_eval_context
    def apply(eval_context: Any, value: Any, *args: Any) -> str:
        text = function(value, *args)
        if not eval_context.autoescape:
            return text.replace(arabic.NBSP, " ")
        return text.replace(" ", arabic.NBSP) if whole else text

    return apply


FILTERS: dict[str, Callable[..., Any]] = {
    "date_ar": _no_break(_date_filter(arabic.date_long), whole=True),
    "day_ar": _no_break(
        _date_filter(lambda value: arabic.date_long(value, with_weekday=True)), whole=True
    ),
    "weekday_ar": _date_filter(arabic.weekday),
    "month_year_ar": _no_break(_date_filter(arabic.month_year), whole=True),
    "num": _no_break(arabic.document_number),
    "pct": arabic.document_percent,
    "count_ar": _no_break(arabic.document_count),
    "text": text_of,
    "ltr": ltr,
    "md": md_escape,
}


MAX_TEMPLATE_BYTES = 1 << 20


@dataclass(frozen=True)
class Limits:
    """What one render may take. The shipped report of a 2,000-meeting registry renders in a few
    seconds, to about 2 MB of HTML: these leave room for ten times that."""

    seconds: float = 60.0
    output_chars: int = 50_000_000
    memory_bytes: int = 2 << 30


def _refused_template(name: str, path: Path, why: str) -> InvalidRecord:
    return InvalidRecord(
        f"template {name} ({path}) {why}",
        "a template must be a regular file inside its templates folder; copy the file in "
        "instead of linking to it",
    )


def _read_template(folder: Path, name: str) -> tuple[str, Path] | None:
    """The text of template ``name`` in ``folder``, None when the folder has no such file.

    Every path component is checked with ``lstat`` (never followed): a symbolic link anywhere
    below the folder, a special file or an oversized one is refused, not read."""
    pieces = name.split("/")
    if any(piece in ("", ".", "..") or os.sep in piece for piece in pieces):
        return None  # Jinja's own loaders refuse these names the same way
    path = folder
    for index, piece in enumerate(pieces):
        path = path / piece
        try:
            status = os.lstat(path)
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as error:
            raise _refused_template(name, path, f"cannot be read ({error.strerror})") from None
        if stat.S_ISLNK(status.st_mode):
            raise _refused_template(name, path, "is a symbolic link, which protsoc does not follow")
        last = index == len(pieces) - 1
        if not last and not stat.S_ISDIR(status.st_mode):
            return None
    if not stat.S_ISREG(status.st_mode):
        raise _refused_template(name, path, "is not a regular file")
    if status.st_size > MAX_TEMPLATE_BYTES:
        raise _refused_template(
            name, path, f"is larger than the {MAX_TEMPLATE_BYTES} bytes a template may have"
        )
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        raise _refused_template(name, path, f"cannot be opened ({error.strerror})") from None
    with os.fdopen(handle, "rb") as stream:
        raw = stream.read(MAX_TEMPLATE_BYTES + 1)
    if len(raw) > MAX_TEMPLATE_BYTES:  # it grew since lstat
        raise _refused_template(
            name, path, f"is larger than the {MAX_TEMPLATE_BYTES} bytes a template may have"
        )
    try:
        return raw.decode("utf-8"), path
    except UnicodeDecodeError as error:
        raise InvalidRecord(
            f"template {name} ({path}) is not UTF-8 text: {error.reason} at byte {error.start}",
            "save the template as UTF-8",
        ) from None


def template_files(folders: Sequence[Path]) -> list[tuple[str, Path]]:
    """(name, path) of every template a render over ``folders`` can load, first match wins:
    where a refused resource is looked for to name its template and line."""
    seen: dict[str, Path] = {}
    for folder in folders:
        for path in sorted(Path(folder).rglob("*.j2")):
            name = path.relative_to(folder).as_posix()
            if name not in seen and not path.is_symlink() and path.is_file():
                seen[name] = path
    return list(seen.items())


def search_path(registry_root: Path | None = None, extra: Sequence[Path] = ()) -> list[Path]:
    """Folders searched for templates, first match wins."""
    folders: list[Path] = []
    for folder in extra:
        if not Path(folder).is_dir():
            raise EnvironmentProblem(
                f"the templates folder {folder} does not exist",
                "give an existing folder to --templates, or leave the option out",
            )
        folders.append(Path(folder))
    if registry_root is not None:
        own = registry_root.parent / "templates"
        if own.is_symlink():
            raise InvalidRecord(
                f"the templates folder {own} is a symbolic link, which protsoc does not follow",
                "make templates/ a real folder next to registry/",
            )
        if own.is_dir():
            folders.append(own)
    shipped = resources.template_dir()
    if shipped not in folders:
        folders.append(shipped)
    return folders


def _loader(folders: Sequence[Path]) -> Any:
    """A Jinja loader over ``folders`` that reads templates with ``_read_template``."""
    from jinja2 import BaseLoader, TemplateNotFound

    class RegularFileLoader(BaseLoader):
        def get_source(self, environment: Any, template: str) -> tuple[str, str, Any]:
            for folder in folders:
                found = _read_template(Path(folder), template)
                if found is not None:
                    return found[0], str(found[1]), lambda: True
            raise TemplateNotFound(template)

    return RegularFileLoader()


def _bounded_sandbox(output_chars: int) -> Any:
    """Jinja's sandbox, where ``*`` and ``**`` refuse to build values over ``output_chars``."""
    from jinja2.sandbox import SandboxedEnvironment, SecurityError

    class BoundedSandbox(SandboxedEnvironment):
        # Intercepted operators are also never folded at compile time.
        intercepted_binops = frozenset({"*", "**"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "*":
                for sequence, count in ((left, right), (right, left)):
                    sized = isinstance(sequence, (str, bytes, list, tuple))
                    if sized and isinstance(count, int) and len(sequence) * count > output_chars:
                        raise SecurityError(
                            f"`*` would build a value of {len(sequence) * count:,} items, "
                            f"over the {output_chars:,} a document may have"
                        )
            elif isinstance(left, int) and isinstance(right, int) and right > 0:
                bits = right * math.log2(abs(left)) if abs(left) > 1 else 0
                if bits > 4096:
                    raise SecurityError(f"`**` would build a number of about {bits:,.0f} bits")
            return super().call_binop(context, operator, left, right)

    return BoundedSandbox


def environment(
    folders: Sequence[Path],
    hijri_starts: arabic.MonthStarts | None = None,
    limits: Limits = Limits(),
) -> Any:
    """A sandboxed Jinja environment over ``folders``; HTML templates (``*.html.j2``) autoescape."""
    from jinja2 import StrictUndefined

    env = _bounded_sandbox(limits.output_chars)(
        loader=_loader(folders),
        undefined=StrictUndefined,
        autoescape=lambda name: bool(name) and name.endswith((".html.j2", ".html")),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)

    def hijri_words(value: Any) -> str:
        try:
            return arabic.hijri_long(value, hijri_starts)
        except (TypeError, ValueError) as error:
            raise InvalidRecord(
                f"no Hijri date for {value!r}: {error}",
                "check the record's date; the converter covers 1924-2077",
            ) from None

    env.filters["hijri_ar"] = _no_break(hijri_words, whole=True)
    return env


def render(
    template: str,
    context: dict[str, Any],
    folders: Sequence[Path],
    hijri_starts: arabic.MonthStarts | None = None,
    limits: Limits = Limits(),
) -> str:
    """Render one template within ``limits``; template mistakes become errors that name the
    template and line. Where ``fork`` exists the render runs in a child process, the only way
    to stop a runaway loop or allocation for sure; elsewhere it runs here, with the sandbox's
    bounds only."""
    if not hasattr(os, "fork"):
        return _checked_output(
            template, _render_here(template, context, folders, hijri_starts, limits), limits
        )
    return _render_in_child(template, context, folders, hijri_starts, limits)


def _checked_output(template: str, text: str, limits: Limits) -> str:
    if len(text) > limits.output_chars:
        raise _over_limit(template, f"produced more than {limits.output_chars:,} characters")
    return text


def _over_limit(template: str, what: str) -> InvalidRecord:
    return InvalidRecord(
        f"template {template} {what}; rendering stopped",
        "a document's template must not loop or recurse without end; check its loops, macros "
        "and repetitions",
    )


def _render_in_child(
    template: str,
    context: dict[str, Any],
    folders: Sequence[Path],
    hijri_starts: arabic.MonthStarts | None,
    limits: Limits,
) -> str:
    """``_render_here`` in a forked child: the context is inherited, not copied or pickled, and
    only the text (or the error) comes back through a pipe."""
    import multiprocessing

    from protsoc.kernel import errors

    fork = multiprocessing.get_context("fork")
    receiver, sender = fork.Pipe(duplex=False)
    child = fork.Process(
        target=_child_render,
        args=(sender, template, context, folders, hijri_starts, limits),
        daemon=True,
    )
    child.start()
    sender.close()
    try:
        if not receiver.poll(limits.seconds):
            raise _over_limit(template, f"did not finish within {limits.seconds:g} seconds")
        try:
            outcome, *details = receiver.recv()
        except EOFError:  # the child died without a word: the kernel killed it (memory)
            raise _over_limit(template, "used more memory than a render may") from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    if outcome == "text":
        return _checked_output(template, details[0], limits)
    if outcome == "error":
        kind, message, hint = details
        raise getattr(errors, kind)(message, hint)
    raise _over_limit(template, details[0])


def _child_render(
    sender: Any,
    template: str,
    context: dict[str, Any],
    folders: Sequence[Path],
    hijri_starts: arabic.MonthStarts | None,
    limits: Limits,
) -> None:
    import signal

    from protsoc.kernel.errors import ProtsocError

    # Ctrl-C reaches the whole process group: the parent stops waiting and kills this child, so
    # the child itself ignores it (else it printed its own «Process ForkProcess-1» traceback)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _limit_memory(limits.memory_bytes)
    try:
        text = _render_here(template, context, folders, hijri_starts, limits)
        if len(text) > limits.output_chars:
            result: tuple = ("limit", f"produced more than {limits.output_chars:,} characters")
        else:
            result = ("text", text)
    except ProtsocError as error:
        result = ("error", type(error).__name__, error.message, error.hint)
    except MemoryError:
        result = (
            "limit",
            f"needed more than the {limits.memory_bytes:,} bytes of memory a render may use",
        )
    except RecursionError:
        result = (
            "limit",
            "recursed deeper than Python allows (a macro that calls itself without end?)",
        )
    sender.send(result)
    sender.close()


def _limit_memory(budget: int) -> None:
    """Cap this (child) process's address space at its current size plus ``budget``."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as statm:
            size = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = size + budget
        if hard != resource.RLIM_INFINITY:
            wanted = min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (ImportError, OSError, ValueError):
        pass  # no /proc or no rlimit here: the time and output limits still hold


def _render_here(
    template: str,
    context: dict[str, Any],
    folders: Sequence[Path],
    hijri_starts: arabic.MonthStarts | None,
    limits: Limits,
) -> str:
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.sandbox import SecurityError

    env = environment(folders, hijri_starts, limits)
    try:
        return str(env.get_template(template).render(**context))
    except TemplateNotFound as error:
        raise EnvironmentProblem(
            f"template {error.name} not found in {', '.join(str(f) for f in folders)}",
            "restore the template, or remove the overriding templates/ folder",
        ) from None
    except TemplateSyntaxError as error:
        raise InvalidRecord(
            f"template {error.filename or error.name}:{error.lineno}: {error.message}",
            "fix the template's Jinja syntax",
        ) from None
    except SecurityError as error:
        raise InvalidRecord(
            f"template {template} tried something the sandbox forbids: {error}",
            "templates may only read the document's data and use protsoc's filters",
        ) from None
    except UndefinedError as error:
        raise InvalidRecord(
            f"template {template} uses an undefined value: {error.message}",
            "use only the variables protsoc passes (see the shipped templates), "
            "or guard optional ones with `is defined`",
        ) from None
    except TemplateError as error:
        raise InvalidRecord(f"template {template} failed: {error}", "fix the template") from None
