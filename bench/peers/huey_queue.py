#!/usr/bin/env python3
"""Peer benchmark: huey's SqliteHuey on Steward's queue workload.

Enqueue N no-op tasks into a fresh SQLite file, then run huey's real consumer
until every task has executed. Prints one JSON line on stdout:
{"peer","jobs","enqueue_s","work_s","total_s","jobs_per_s", ...}.
Exits 1 if the run does not finish within --timeout seconds.

Usage: huey_queue.py --jobs N --workers W --db PATH [--sync full|off]
"""
import argparse
import ctypes
import json
import multiprocessing
import os
import signal
import sys
import time

from huey import SqliteHuey

p = argparse.ArgumentParser()
p.add_argument('--jobs', type=int, required=True)
p.add_argument('--workers', type=int, default=2)
p.add_argument('--db', required=True)
# The consumer runs in this process via huey.create_consumer(). Process
# workers are the default because SqliteStorage shares ONE connection per
# process behind a threading.Lock: thread workers serialize on that lock and
# the GIL, and 2+ threads measured ~2x slower than 1. Forked workers each get
# their own connection and never measured slower than 1 worker, but not faster
# either: every dequeue takes SQLite's write lock, which caps huey at about one
# worker's speed whatever W is. A 'huey_consumer' subprocess would run the
# same Consumer, plus its per-task INFO logging, so it is not used.
p.add_argument('--worker-type', choices=('process', 'thread'),
               default='process')
# SQLite durability. 'full' is huey's default (synchronous=FULL in WAL mode:
# an fsync on every commit, and huey commits once per enqueue and again per
# dequeue). 'off' is huey's fsync=False (synchronous=OFF), the only cheaper
# setting huey exposes; choose it when Steward runs without a per-commit
# fsync, so both sides pay for the same durability.
p.add_argument('--sync', choices=('full', 'off'), default='full')
p.add_argument('--batch', type=int, default=1000,
               help='calls handed to task.map() at once')
p.add_argument('--timeout', type=float, default=600.0,
               help='give up (exit 1) when the whole run takes longer')
args = p.parse_args()

# A fresh database every run: leftovers would inflate the queue.
for suffix in ('', '-wal', '-shm'):
    try:
        os.unlink(args.db + suffix)
    except FileNotFoundError:
        pass

# results=False: no-op tasks return None, which huey would not store anyway,
# and it spares building a Result handle per enqueue. Journal mode stays
# huey's default, WAL.
huey = SqliteHuey('bench', filename=args.db, results=False,
                  fsync=None if args.sync == 'full' else False)

# Completion is counted in shared memory, not in SQLite, so the only database
# traffic measured is huey's own. Created before the consumer forks, so
# process workers inherit it.
done = multiprocessing.get_context('fork').Value('q', 0)


@huey.task()
def noop(i):
    with done.get_lock():
        done.value += 1


def die_with_parent():
    # Forked workers and the scheduler wait on a pipe they hold open
    # themselves, and ignore SIGINT/SIGTERM while idle, so a SIGKILLed parent
    # would leave them polling forever. Linux only.
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


if sys.platform.startswith('linux'):
    os.register_at_fork(after_in_child=die_with_parent)

t0 = time.perf_counter()
deadline = t0 + args.timeout


def fail(msg):
    print('huey: ' + msg, file=sys.stderr)
    sys.exit(1)


# Enqueue. SqliteStorage has no bulk insert: every enqueue is its own
# 'begin exclusive' transaction. task.map() is huey's documented way to
# enqueue many calls at once, so that is what we use, batch by batch.
for start in range(0, args.jobs, args.batch):
    noop.map(range(start, min(start + args.batch, args.jobs)))
    if time.perf_counter() > deadline:
        fail('timed out while enqueueing')
t1 = time.perf_counter()
if huey.pending_count() != args.jobs:
    fail('expected %d pending, found %d' % (args.jobs, huey.pending_count()))

# Work. initial_delay is how long an idle worker waits before polling again
# (huey's default is 0.1s); smaller so the workers pick up the queue at once.
# periodic=False: there are no periodic tasks. shutdown_timeout bounds the
# graceful stop below in case a worker hangs.
consumer = huey.create_consumer(workers=args.workers,
                                worker_type=args.worker_type,
                                periodic=False, initial_delay=0.01,
                                shutdown_timeout=10)
consumer.start()


def interrupted(signum, frame):
    raise KeyboardInterrupt


# consumer.start() installs handlers that only record the signal for
# consumer.run()'s loop, which we do not use; make Ctrl-C/SIGTERM stop us.
signal.signal(signal.SIGINT, interrupted)
signal.signal(signal.SIGTERM, interrupted)
try:
    while done.value < args.jobs and time.perf_counter() < deadline:
        time.sleep(0.002)  # The counter is in shared memory: cheap to poll.
except KeyboardInterrupt:
    consumer.stop(graceful=True)
    fail('interrupted with %d/%d tasks done' % (done.value, args.jobs))
t2 = time.perf_counter()
consumer.stop(graceful=True)

if done.value < args.jobs:
    fail('timed out after %.0fs with %d/%d tasks done'
         % (args.timeout, done.value, args.jobs))

total = t2 - t0
print(json.dumps({
    'peer': 'huey',
    'jobs': args.jobs,
    'enqueue_s': round(t1 - t0, 4),
    'work_s': round(t2 - t1, 4),
    'total_s': round(total, 4),
    'jobs_per_s': round(args.jobs / total, 1),
    'workers': args.workers,
    'worker_type': args.worker_type,
    'sync': args.sync,
}))
