"""FaceGuard under Locust: every user posts photos to /process as the multipart field "image", as
curl -F "image=@photo.jpg" does, with the same query options as FaceGuard's own runner.

`faceguard bench --engine locust` starts the master and local workers with this file. Workers on other machines:

    locust -f deploy/locust/locustfile.py --worker --master-host <master-ip> --faceguard-images <photo folder>

(the master must bind an interface they can reach: `--master-bind-host 0.0.0.0`).

Every request becomes one row of FaceGuard's request log. Rows travel to the master inside Locust's own periodic
stats report (report_to_master / worker_report): the channel workers on other machines already use, so no shared
folder is needed, and a row arrives in the same message as the request's count in Locust's statistics, so the log and
Locust's totals cannot drift apart. The master writes the rows as JSON lines to --faceguard-rows; FaceGuard turns
them into its request log after the run.
"""

import gc
import itertools
import json
import logging
import os
import subprocess
import sys
import time

import locust
import locust.runners
import locust.stats
from locust import FastHttpUser, constant, events, task
from locust.runners import MasterRunner, WorkerRunner

if not locust.__version__:
    # Debian's python3-locust reports an empty version, and its master turns away a worker that announces an empty
    # version as "pre 2.0". Announce the package's version instead.
    try:
        _package = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "python3-locust"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        _package = ""
    locust.__version__ = locust.runners.__version__ = _package.strip() or "unknown"

BOUNDARY = "faceguard-load-test"
PHOTO_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp")

# Locust 2.12 flushes its --csv stats history every 10 s and not at exit, so a short run lost all but its first
# second. Flush every second (and once more at exit, below).
locust.stats.CSV_STATS_FLUSH_INTERVAL_SEC = 0

# Worker state: rows measured since the last report, and how many were handed to a report in all.
_pending = []
_sent = 0
# Master state: the JSON-lines file rows are written to.
_rows_file = None


@events.init_command_line_parser.add_listener
def _add_arguments(parser):
    parser.add_argument("--faceguard-images", default="", help="Workers: a photo or a folder of photos to cycle through")
    parser.add_argument("--faceguard-query", default="", help="Workers: the service's query options, e.g. sensitivity=normal")
    parser.add_argument("--faceguard-rows", default="", help="Master: the JSON-lines file every request row is written to")


def _photo_paths(path):
    if os.path.isfile(path):
        return [path]
    if os.path.isdir(path):
        # The same order as FaceGuard's own runner: by name, ordinal.
        names = sorted(n for n in os.listdir(path) if n.lower().endswith(PHOTO_EXTENSIONS))
        return [os.path.join(path, n) for n in names]
    return []


def _multipart(name, data):
    """The bytes FaceGuard's own runner sends for a photo."""
    name = name.replace('"', "")
    head = (f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="image"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n").encode()
    return head + data + f"\r\n--{BOUNDARY}--\r\n".encode()


def _photo(path):
    name, data = os.path.basename(path), open(path, "rb").read()
    return name, _multipart(name, data), len(data)


def _problem_title(body):
    try:
        return json.loads(body).get("title")
    except (ValueError, AttributeError):
        return None


@events.init.add_listener
def _on_init(environment, **_kwargs):
    global _rows_file
    options = environment.parsed_options
    if isinstance(environment.runner, MasterRunner):
        if options.faceguard_rows:
            _rows_file = open(options.faceguard_rows, "w", encoding="utf-8")
        return
    paths = _photo_paths(options.faceguard_images)
    if not paths:
        logging.error("faceguard: no photo at --faceguard-images %r", options.faceguard_images)
        sys.exit(2)
    FaceGuardUser.photos = [_photo(p) for p in paths]
    FaceGuardUser.process_path = "/process?" + options.faceguard_query if options.faceguard_query else "/process"


@events.request.add_listener
def _on_request(context, response, exception, start_time, response_time, response_length, **_kwargs):
    if "faceguard_image" not in context:
        return
    status = getattr(response, "status_code", None) or None
    headers = getattr(response, "headers", None) or {}
    faces = headers.get("X-Faces")
    _pending.append({
        "start": start_time,
        "latency_ms": response_time,
        "ok": exception is None,
        "status": status,
        "error": None if exception is None else str(exception),
        "faces": int(faces) if faces and faces.isdigit() else None,
        "image": context["faceguard_image"],
        "bytes_in": context["faceguard_bytes"],
        "bytes_out": response_length if exception is None else 0,
        "server_timing": headers.get("Server-Timing"),
    })


@events.report_to_master.add_listener
def _on_report_to_master(client_id, data, **_kwargs):
    global _pending, _sent
    data["faceguard_rows"] = _pending
    _sent += len(_pending)
    _pending = []


@events.worker_report.add_listener
def _on_worker_report(client_id, data, **_kwargs):
    if _rows_file is None:
        return
    for row in data.get("faceguard_rows", ()):
        row["worker"] = client_id
        _rows_file.write(json.dumps(row, separators=(",", ":")) + "\n")
    _rows_file.flush()


@events.quitting.add_listener
def _on_quitting(environment, **_kwargs):
    if isinstance(environment.runner, WorkerRunner):
        # FaceGuard compares this with the rows the master received from this worker: nothing lost on the way.
        print(f"faceguard-rows-sent {environment.runner.client_id} {_sent}", file=sys.stderr, flush=True)
    elif _rows_file is not None:
        _rows_file.close()


@events.quit.add_listener
def _on_quit(**_kwargs):
    for writer in (o for o in gc.get_objects() if isinstance(o, locust.stats.StatsCSVFileWriter)):
        writer.stats_history_flush()


class FaceGuardUser(FastHttpUser):
    """A closed loop like FaceGuard's own runner with no interval: the next photo as soon as the last one came back."""

    wait_time = constant(0)
    photos = []
    process_path = "/process"
    # One sequence per worker process, shared by its users: the photos are cycled in order, as by our own runner.
    _sequence = itertools.count()

    @task
    def process(self):
        name, body, size = self.photos[next(self._sequence) % len(self.photos)]
        started = time.perf_counter()
        with self.client.post(self.process_path, data=body, name="/process", catch_response=True,
                              headers={"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"},
                              context={"faceguard_image": name, "faceguard_bytes": size}) as response:
            # Locust's FastHttpUser rounds to whole milliseconds; keep ours as precise as our own runner's.
            response.request_meta["response_time"] = (time.perf_counter() - started) * 1000
            if 200 <= response.status_code < 300:
                response.success()
            elif response.status_code == 0:
                response.failure(f"connection failed: {response.error}")
            else:
                title = _problem_title(response.content) or response.reason
                response.failure(f"HTTP {response.status_code}: {title}")
