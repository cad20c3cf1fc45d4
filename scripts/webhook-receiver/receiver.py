#!/usr/bin/env python3
"""A scriptable webhook receiver on 127.0.0.1 for tests, the demo and bench/webhooks.

Prints `listening PORT`, then one JSON line per request received (unless --quiet). The path
says how to answer:
  /ok                     200
  /status/CODE            that status
  /seq/A,B,C              the Nth request to this path gets item N (the last one repeats); items
                          are a status (500, 301, 410 ...), `429-N` (429 with Retry-After: N),
                          or `hang` (never answers in time)
  /flaky/P                500 for a random P % of requests, 200 otherwise (seeded by the path,
                          so a run is repeatable)
With --secret, each request is checked with the official `standardwebhooks` library and the line
says whether it verified.
"""
import argparse
import json
import os
import random
import sys
import threading
import time
from urllib.parse import urlsplit
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

counts = {}
lock = threading.Lock()
dice = {}


def behaviour(path):
    with lock:
        counts[path] = counts.get(path, 0) + 1
        n = counts[path]
    if path == "/ok":
        return "200", n
    if path.startswith("/status/"):
        return path.split("/")[2], n
    if path.startswith("/seq/"):
        items = path.split("/")[2].split(",")
        return items[min(n, len(items)) - 1], n
    if path.startswith("/hang"):
        return "hang", n
    if path.startswith("/flaky/"):
        with lock:
            roll = dice.setdefault(path, random.Random(path)).random()
        return ("500" if roll * 100 < float(path.split("/")[2]) else "200"), n
    return "404", n


def verify(secret, body, headers):
    if not secret:
        return None
    from standardwebhooks.webhooks import Webhook
    try:
        Webhook(secret).verify(body, {k.lower(): v for k, v in headers.items()})
        return True
    except Exception as error:  # the reason goes into the log line
        return str(error)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    wbufsize = 65536  # one write per response (flushed by the server after each request)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        action, n = behaviour(urlsplit(self.path).path)
        if not self.server.quiet:
            self.log_request_line(body, n)
        if action == "hang":
            time.sleep(3600)
            return
        status, _, retry_after = action.partition("-")
        self.send_response(int(status))
        if retry_after:
            self.send_header("Retry-After", retry_after)
        if status.startswith("3"):
            self.send_header("Location", "http://127.0.0.1:1/elsewhere")
        reply = b'{"ok":true}' if status.startswith("2") else b'{"error":"scripted"}'
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_request_line(self, body, n):
        text = body.decode("utf-8", "replace")
        line = {
            "path": self.path, "n": n, "id": self.headers.get("webhook-id"),
            "timestamp": self.headers.get("webhook-timestamp"), "signature": self.headers.get("webhook-signature"),
            "user_agent": self.headers.get("User-Agent"), "body": text,
            "verified": verify(self.server.secret, text, dict(self.headers.items())),
        }
        sys.stdout.write(json.dumps(line) + "\n")
        sys.stdout.flush()

    def log_message(self, *args):
        pass


def exit_when_stdin_closes():
    sys.stdin.read()
    os._exit(0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--secret")
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument("--exit-with-stdin", action="store_true", help="exit when stdin closes (the parent is gone)")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.request_queue_size = 1024
    server.secret = args.secret
    server.quiet = args.quiet
    if args.exit_with_stdin:
        threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    print(f"listening {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
