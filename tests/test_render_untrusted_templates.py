"""A registry's templates come from pull requests: rendering fetches nothing it was not shipped
with, reads templates only as regular files, and stops a runaway render (issue 13, item 1).

Each test is the real attack: a real template in a registry repository's templates/ folder, a
real PDF inspected with pdfdetach, a real HTTP server on 127.0.0.1 counting requests, a real
symbolic link."""

from __future__ import annotations

import http.server
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from protsoc.documents import templating
from protsoc.kernel import resources
from protsoc.kernel.errors import InvalidRecord

MEETING = "steering/2024-11-26"
SECRET = "the-content-of-a-private-file"


def own_template(tree: Any, name: str, insert: str) -> Path:
    """The shipped template ``name``, copied into the registry's templates/ with ``insert``
    added at the start of its body."""
    text = (resources.template_dir() / name).read_text(encoding="utf-8")
    if "{% block body %}\n" in text:
        text = text.replace("{% block body %}\n", "{% block body %}\n" + insert + "\n", 1)
    else:
        text = insert + "\n" + text
    target = tree.repo / "templates" / name
    target.parent.mkdir(exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "outside" / "secret.txt"
    path.parent.mkdir()
    path.write_text(SECRET, encoding="utf-8")
    return path


def attachments(pdf: Path) -> str:
    return subprocess.run(
        ["pdfdetach", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout


needs_pdfdetach = pytest.mark.skipif(
    shutil.which("pdfdetach") is None, reason="pdfdetach (poppler-utils) is not installed"
)


@needs_pdfdetach
@pytest.mark.parametrize("reference", ["absolute", "relative"])
def test_a_template_cannot_attach_a_local_file_to_the_pdf(
    registry_tree: Any, run_process: Any, secret: Path, tmp_path: Path, reference: str
) -> None:
    href = secret.as_uri() if reference == "absolute" else "../" * 30 + str(secret).lstrip("/")
    template = own_template(
        registry_tree, "minutes.html.j2", f'<link rel="attachment" href="{href}">'
    )
    pdf = tmp_path / "minutes.pdf"

    outcome = run_process(
        ["protsoc", "render", "minutes", MEETING, "--format", "pdf", "-o", str(pdf)],
        cwd=registry_tree.repo,
    )

    assert outcome.exit_code == 1, outcome.output
    assert f"template minutes.html.j2 ({template}) line 4 refers to {secret.as_uri()}" in (
        outcome.stderr
    )
    assert "which protsoc does not fetch" in outcome.stderr
    assert not pdf.exists()
    assert SECRET not in outcome.output


@needs_pdfdetach
def test_the_shipped_templates_still_make_a_pdf_with_nothing_attached(
    registry_tree: Any, run_process: Any, tmp_path: Path
) -> None:
    pdf = tmp_path / "minutes.pdf"

    outcome = run_process(
        ["protsoc", "render", "minutes", MEETING, "--format", "pdf", "-o", str(pdf)],
        cwd=registry_tree.repo,
    )

    assert outcome.exit_code == 0, outcome.output
    assert attachments(pdf).startswith("0 embedded files")


class CountingHandler(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def http_server() -> Iterator[tuple[str, list[str]]]:
    CountingHandler.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", CountingHandler.requests
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    "markup",
    [
        '<img src="{url}/tracking.png">',
        '<link rel="stylesheet" href="{url}/style.css">',
        '<div style="background: url({url}/background.png)">x</div>',
        '<style>@import "{url}/imported.css";</style>',
    ],
)
def test_a_template_cannot_make_the_renderer_send_requests(
    registry_tree: Any,
    run_process: Any,
    http_server: tuple[str, list[str]],
    markup: str,
    tmp_path: Path,
) -> None:
    url, requests = http_server
    own_template(registry_tree, "minutes.html.j2", markup.format(url=url))

    outcome = run_process(
        ["protsoc", "render", "minutes", MEETING, "--format", "pdf", "-o", str(tmp_path / "m.pdf")],
        cwd=registry_tree.repo,
    )

    assert outcome.exit_code == 1, outcome.output
    assert f"refers to {url}/" in outcome.stderr
    assert requests == []


def test_a_template_that_is_a_symbolic_link_is_refused_not_read(
    registry_tree: Any, run_process: Any, secret: Path
) -> None:
    link = registry_tree.repo / "templates" / "minutes.md.j2"
    link.parent.mkdir()
    link.symlink_to(secret)

    outcome = run_process(["protsoc", "render", "minutes", MEETING], cwd=registry_tree.repo)

    assert outcome.exit_code == 1
    assert f"template minutes.md.j2 ({link}) is a symbolic link" in outcome.stderr
    assert SECRET not in outcome.output


def test_a_templates_folder_that_is_a_symbolic_link_is_refused(
    registry_tree: Any, run_process: Any, secret: Path
) -> None:
    (registry_tree.repo / "templates").symlink_to(secret.parent)

    outcome = run_process(["protsoc", "render", "minutes", MEETING], cwd=registry_tree.repo)

    assert outcome.exit_code == 1
    assert "is a symbolic link, which protsoc does not follow" in outcome.stderr


def test_an_oversized_template_is_refused(registry_tree: Any, run_process: Any) -> None:
    own_template(registry_tree, "minutes.md.j2", "x" * (templating.MAX_TEMPLATE_BYTES + 1))

    outcome = run_process(["protsoc", "render", "minutes", MEETING], cwd=registry_tree.repo)

    assert outcome.exit_code == 1
    assert "is larger than the 1048576 bytes a template may have" in outcome.stderr


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{{ 'a' * 10**11 }}", "`*` would build a value of 100,000,000,000 items"),
        ("{{ 10 ** 1000000 }}", "`**` would build a number of about"),
        (
            "{% macro deeper(n) %}{{ deeper(n + 1) }}{% endmacro %}{{ deeper(0) }}",
            "recursed deeper than Python allows",
        ),
    ],
)
def test_a_runaway_template_stops_with_an_error(
    registry_tree: Any, run_process: Any, body: str, message: str
) -> None:
    own_template(registry_tree, "minutes.md.j2", body)

    outcome = run_process(["protsoc", "render", "minutes", MEETING], cwd=registry_tree.repo)

    assert outcome.exit_code == 1, outcome.output
    assert message in outcome.stderr
    assert "Traceback" not in outcome.stderr


def write_template(folder: Path, text: str) -> list[Path]:
    (folder / "runaway.md.j2").write_text(text, encoding="utf-8")
    return [folder]


def test_a_loop_of_ten_billion_iterations_stops_at_the_time_limit(tmp_path: Path) -> None:
    folders = write_template(
        tmp_path,
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    )

    with pytest.raises(InvalidRecord, match="did not finish within 1 seconds"):
        templating.render("runaway.md.j2", {}, folders, limits=templating.Limits(seconds=1))


def test_a_render_over_the_output_limit_stops(tmp_path: Path) -> None:
    folders = write_template(tmp_path, "{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}")

    with pytest.raises(InvalidRecord, match="produced more than 1,000,000 characters"):
        templating.render(
            "runaway.md.j2", {}, folders, limits=templating.Limits(output_chars=1_000_000)
        )


def test_the_sandbox_still_refuses_what_it_refused(tmp_path: Path) -> None:
    folders = write_template(tmp_path, "{{ ''.__class__.__mro__ }}")

    with pytest.raises(InvalidRecord, match="sandbox forbids"):
        templating.render("runaway.md.j2", {}, folders)
