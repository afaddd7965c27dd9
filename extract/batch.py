"""Many files: each is read in a forked worker process with its own time and memory limit, so a
corrupt or hostile file (a decompression bomb, a looping page tree) is stopped and reported
while every other file's rows are kept."""

from __future__ import annotations

import contextlib
import faulthandler
import multiprocessing
import os
import resource
import signal
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from .pipeline import FileResult, extract_file
from .profiles import Profile


@dataclass(frozen=True)
class Limits:
    seconds: float = 300.0  # per file
    memory_bytes: int = 4 << 30  # address space a worker may add to what it starts with
    workers: int = max(1, os.cpu_count() or 1)


def find_pdfs(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders walked for *.pdf (any case). Directories named *.pdf are
    skipped, symlinked folders are not followed, so link loops cannot trap the walk."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                for name in sorted(files):
                    candidate = Path(root) / name
                    if name.lower().endswith(".pdf") and candidate.is_file():
                        found.append(candidate)
        else:
            found.append(path)
    unique: dict[str, Path] = {}
    for path in found:
        unique.setdefault(os.path.realpath(path), path)
    return list(unique.values())


def _worker(path: Path, profiles: Sequence[Profile], limits: Limits, sender: Connection) -> None:
    faulthandler.disable()  # a crash is reported by the parent; no stack dump on the terminal
    with contextlib.suppress(ValueError, OSError):  # an inherited lower hard limit stays
        ceiling = _address_space() + limits.memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
    try:
        result = extract_file(path, profiles)
    except MemoryError:
        result = FileResult(str(path), path.name, error="för stor: minnesgränsen nåddes")
    except Exception as error:  # a bug must not take the batch down; it is reported instead
        reason = f"internt fel: {type(error).__name__}: {error}"
        result = FileResult(str(path), path.name, error=reason)
    sender.send(result)
    sender.close()


def _address_space() -> int:
    """The process's current virtual size: the forked worker starts with its parent's."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * resource.getpagesize()


def _died(code: int | None) -> str:
    if code is not None and code < 0:
        name = signal.Signals(-code).name
        return f"läsningen avbröts av {name} (minnesgränsen eller en krasch i PDF-läsaren)"
    return f"läsningen avbröts (kod {code})"


def run_batch(
    paths: Sequence[Path],
    profiles: Sequence[Profile],
    limits: Limits | None = None,
    on_done: Callable[[FileResult], None] | None = None,
) -> list[FileResult]:
    """Results in the order of `paths`, whatever order the workers finish in."""
    results: dict[int, FileResult] = {}
    for index, result in _run(paths, profiles, limits or Limits()):
        results[index] = result
        if on_done is not None:
            on_done(result)
    return [results[i] for i in range(len(paths))]


def _run(
    paths: Sequence[Path], profiles: Sequence[Profile], limits: Limits
) -> Iterator[tuple[int, FileResult]]:
    context = multiprocessing.get_context("fork")
    queue = list(enumerate(paths))
    running: dict[Connection, tuple[int, Path, multiprocessing.Process, float]] = {}
    while queue or running:
        while queue and len(running) < limits.workers:
            index, path = queue.pop(0)
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_worker, args=(path, profiles, limits, sender))
            process.start()
            sender.close()
            running[receiver] = (index, path, process, time.monotonic())
        ready = wait(list(running), timeout=0.5)
        for receiver in ready:
            index, path, process, _ = running.pop(receiver)  # type: ignore[index]
            try:
                result = receiver.recv()
            except EOFError:  # the worker died without a word: a crash or the memory limit
                process.join()
                result = FileResult(str(path), path.name, error=_died(process.exitcode))
            process.join()
            receiver.close()
            yield index, result
        now = time.monotonic()
        for receiver, (index, path, process, started) in list(running.items()):
            if now - started > limits.seconds:
                process.kill()
                process.join()
                receiver.close()
                del running[receiver]
                yield (
                    index,
                    FileResult(
                        str(path),
                        path.name,
                        error=f"för långsam: stoppad efter {limits.seconds:.0f} s",
                    ),
                )
