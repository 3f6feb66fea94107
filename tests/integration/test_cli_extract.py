"""`newsevents extract` from the outside: output formats, and bad inputs of every kind reported
as one-line rejections with a non-zero exit while good inputs still produce events."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parents[2] / "examples" / "articles"
GOOD = EXAMPLES / "northern-district-clashes.txt"
SERVER_MAX_SECONDS = 5.0  # the endless body stops by itself whatever the client does


def newsevents(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsevents", *args], capture_output=True, text=True, timeout=timeout)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            deadline = time.monotonic() + SERVER_MAX_SECONDS
            try:
                while time.monotonic() < deadline:
                    chunk = b"<p>" + b"x" * 65536 + b"</p>"
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except (BrokenPipeError, ConnectionResetError):
                return
            return
        status = 500 if self.path == "/error" else 404
        body = b"no"
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("bad")
    files = {
        "empty": root / "empty.txt",
        "binary": root / "image.txt",
        "utf8": root / "latin1.txt",
        "huge": root / "huge.txt",
        "no-article": root / "menu.html",
        "language": root / "french.txt",
    }
    files["empty"].write_text("")
    files["binary"].write_bytes(bytes(range(256)) * 40)
    files["utf8"].write_bytes("Des manifestants ont défilé à Nairobi lundi contre la hausse des prix. ".encode("latin-1") * 3)
    with files["huge"].open("wb") as handle:  # 50 MB, sparse: refused by size before it is read
        handle.seek(50 * 1024 * 1024)
        handle.write(b"x")
    files["no-article"].write_text("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>")
    files["language"].write_text(
        "Des milliers de manifestants ont défilé samedi dans les rues de la capitale pour protester contre "
        "la hausse des prix du carburant, selon les organisateurs. La police a dispersé la foule en fin de journée.")
    return files


def test_jsonl_output_follows_the_record_schema() -> None:
    result = newsevents("extract", str(GOOD))
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events
    keys = {"id", "doc_id", "event_type", "sub_event_type", "status", "plover", "date", "date_end", "date_precision",
            "location", "actors", "fatalities", "injured", "arrested", "participants", "modality", "attribution",
            "issue", "evidence", "confidence"}
    assert all(set(e) == keys for e in events)
    assert {"Armed clash", "Internet and telecom", "Cash access"} <= {e["sub_event_type"] for e in events}


def test_json_output_carries_the_text_evidence_offsets_index_into() -> None:
    result = newsevents("extract", str(GOOD), "--format", "json")
    payload = json.loads(result.stdout)
    text = payload["documents"][0]["text"]
    for event in payload["events"]:
        for ev in event["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["text"]


def test_csv_has_acled_columns() -> None:
    result = newsevents("extract", str(GOOD), "--format", "csv")
    header = result.stdout.splitlines()[0].split(",")
    assert header[:6] == ["event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type"]
    assert {"actor1", "inter1", "latitude", "longitude", "fatalities", "status", "modality", "evidence"} <= set(header)


def test_bad_inputs_are_rejected_one_line_each_and_good_ones_still_come_out(
        bad_files: dict[str, Path], server: str) -> None:
    urls = [f"{server}/missing", f"{server}/error", f"{server}/endless", "http://127.0.0.1:9/unreachable"]
    result = newsevents("extract", *map(str, bad_files.values()), str(GOOD), *urls)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == len(bad_files) + len(urls)
    assert all(line.startswith("newsevents: rejected ") for line in lines)
    assert len(result.stdout.splitlines()) >= 3  # the good article's events
    joined = "\n".join(lines)
    for needle in ("404", "500", "French", "empty"):
        assert needle in joined


def test_bad_options_are_one_line_errors() -> None:
    for args in (["extract", str(GOOD), "--published", "last tuesday"], ["extract", str(GOOD), "--format", "xml"]):
        result = newsevents(*args)
        assert result.returncode != 0 and "Traceback" not in result.stderr
        assert result.stderr.strip().startswith("newsevents: error:")
        assert len(result.stderr.strip().splitlines()) == 1


def test_the_json_report_lists_rejections(bad_files: dict[str, Path]) -> None:
    result = newsevents("extract", str(bad_files["empty"]), str(GOOD), "--format", "json")
    payload = json.loads(result.stdout)
    assert [r["code"] for r in payload["rejections"]] == ["empty"]
    assert payload["events"]
