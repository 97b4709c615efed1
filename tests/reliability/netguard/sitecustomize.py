"""Loaded by Python at start-up when this folder is on PYTHONPATH: any network use kills the
process with exit 97, so a test of the real console script sees it (privacy test)."""

import os
import socket
import sys

_NET = {
    "socket.connect",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.sendto",
    "socket.sendmsg",
    "socket.bind",
    "urllib.Request",
}


def _hook(event, args):
    if event not in _NET:
        return
    if (
        event in ("socket.connect", "socket.bind", "socket.sendto")
        and args
        and getattr(args[0], "family", None) == socket.AF_UNIX
    ):
        return
    sys.stderr.write(f"NETWORK ATTEMPT {event} {args!r}\n")
    sys.stderr.flush()
    os._exit(97)


sys.addaudithook(_hook)
