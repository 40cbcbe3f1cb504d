#!/usr/bin/python3
"""Self-test: run twisted_peer.py's client mode against its own serve mode.

Proves the conformance checks hold against real Twisted behaviour, and that
the server process stops both on stdin EOF and on SIGTERM.
Exit status 0 only if everything passed.
"""

import json
import os
import re
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PEER = os.path.join(HERE, "twisted_peer.py")
PY = sys.executable


def start_server():
    proc = subprocess.Popen(
        [PY, PEER, "serve", "--port", "0", "--host", "127.0.0.1"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=open(os.path.join(HERE, ".selftest-server.log"), "ab")
        if os.environ.get("SELFTEST_KEEP_LOG")
        else subprocess.DEVNULL,
    )
    line = proc.stdout.readline().decode("ascii", "replace").strip()
    m = re.fullmatch(r"listening on (127\.0\.0\.1):(\d+)", line)
    if not m:
        proc.kill()
        raise SystemExit(f"unexpected first server line: {line!r}")
    return proc, m.group(1), int(m.group(2))


def wait_exit(proc, what):
    try:
        rc = proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        print(f"FAIL server did not exit after {what}")
        return False
    print(f"server exited after {what} with status {rc}")
    return rc == 0


def main():
    ok = True
    proc, host, port = start_server()
    print(f"server listening on {host}:{port}")
    t0 = time.monotonic()
    client = subprocess.run(
        [PY, PEER, "client", "--host", host, "--port", str(port)],
        stdout=subprocess.PIPE,
        timeout=90,
    )
    elapsed = time.monotonic() - t0
    out = client.stdout.decode().strip().splitlines()
    print(f"client exit status {client.returncode} after {elapsed:.1f}s")
    print("client summary:", out[-1] if out else "<none>")
    summary = json.loads(out[-1]) if out else {"failed": -1}
    ok &= client.returncode == 0 and summary.get("failed") == 0 and len(out) == 1
    ok &= elapsed < 60

    proc.stdin.close()  # stdin EOF must stop the server
    ok &= wait_exit(proc, "stdin EOF")

    proc, host, port = start_server()
    proc.send_signal(signal.SIGTERM)
    ok &= wait_exit(proc, "SIGTERM")
    proc.stdin.close()

    print("SELFTEST", "PASSED" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
