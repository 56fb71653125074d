"""Blocks to records on every core: the same records and findings, in the same order.

Where a project starts depends on every line before it, so the layout (lines -> blocks)
runs in this process, one line at a time. Reading a block's fields (records.read_block),
the costly part, needs nothing but the block: batches of blocks go to worker processes.
Ids depend on every project before this one and are claimed here, in input order. What
comes out is what one process gives, byte for byte (tests/test_jobs.py proves it).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from hankkeet.diagnostics import Diagnostic
from hankkeet.locale import current_language, set_language
from hankkeet.reading.blocks import Block, IdRegistry, ParsedProject
from hankkeet.reading.records import ReadBlock, build_project, claim_id, read_block

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["WARM_UP", "available_cores", "build_blocks"]

# Blocks read in this process before a worker starts: a small input never starts one.
WARM_UP = 256
# Blocks a worker reads per task: one round trip of pickles for many blocks.
BATCH = 64
# Tasks queued per worker: enough to keep every core busy, few enough for flat memory.
AHEAD = 3


def available_cores() -> int:
    """The cores this process may run on (the default of --jobs)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def build_blocks(
    items: Iterable[Block | Diagnostic], path: str, registry: IdRegistry, jobs: int = 1
) -> Iterator[ParsedProject | Diagnostic]:
    """Each block as its record, each file finding as itself, in input order.

    With jobs > 1 an input of more than WARM_UP blocks has the rest read by `jobs` worker
    processes; the output is the same as with jobs=1.
    """
    it = iter(items)
    built = 0
    for item in it if jobs > 1 else ():
        yield _built(item, path, registry)
        built += isinstance(item, Block)
        if built >= WARM_UP:
            yield from _in_workers(it, path, registry, jobs)
            return
    for item in it:
        yield _built(item, path, registry)


def _built(item: Block | Diagnostic, path: str, registry: IdRegistry) -> ParsedProject | Diagnostic:
    return build_project(item, path, registry) if isinstance(item, Block) else item


def _read_batch(batch: list[Block], path: str) -> list[ReadBlock]:
    """A worker's task: read each block of the batch (no id yet)."""
    return [read_block(block, path) for block in batch]


def _in_workers(
    items: Iterator[Block | Diagnostic], path: str, registry: IdRegistry, jobs: int
) -> Iterator[ParsedProject | Diagnostic]:
    # Loaded here: most runs never start a worker, and these imports cost start-up time.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: the workers start with every module this process has loaded, in milliseconds.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(
        jobs, mp_context=context, initializer=set_language, initargs=(current_language(),)
    )
    # In input order: file findings as they are, batches of blocks as their tasks.
    queue: deque[Diagnostic | Future[list[ReadBlock]]] = deque()
    tasks = 0
    try:
        while True:
            batch: list[Block] = []
            finding: Diagnostic | None = None
            for item in islice(items, BATCH):
                if isinstance(item, Block):
                    batch.append(item)
                else:
                    finding = item
                    break
            if batch:
                queue.append(pool.submit(_read_batch, batch, path))
                tasks += 1
            if finding is not None:
                queue.append(finding)
            elif len(batch) < BATCH:
                break  # the input has ended
            while tasks > jobs * AHEAD:
                tasks -= yield from _handed_out(queue, registry)
        while queue:
            yield from _handed_out(queue, registry)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _handed_out(
    queue: deque[Diagnostic | Future[list[ReadBlock]]], registry: IdRegistry
) -> Generator[ParsedProject | Diagnostic, None, int]:
    """Hand out the oldest entry of the queue (waiting for its task); 1 for a task, else 0."""
    entry = queue.popleft()
    if isinstance(entry, Diagnostic):
        yield entry
        return 0
    for read in entry.result():
        yield claim_id(read, registry)
    return 1
