#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A loopback server for the screenshots: answers Expect: 100-continue with 417, then the retry
without Expect with a 103 Early Hints (two Link headers) and a 200 JSON body.
Usage: scripted_server.py PORT"""
import socket
import sys
import threading


def handle(conn):
    buf = b""
    while True:
        while b"\r\n\r\n" not in buf:
            data = conn.recv(65536)
            if not data:
                return
            buf += data
        head, buf = buf.split(b"\r\n\r\n", 1)
        lower = head.lower()
        length = 0
        for line in lower.split(b"\r\n"):
            if line.startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        if b"expect: 100-continue" in lower:
            conn.sendall(b"HTTP/1.1 417 Expectation Failed\r\nServer: scripted\r\nContent-Length: 0\r\n\r\n")
            continue
        conn.sendall(b"HTTP/1.1 103 Early Hints\r\nLink: </static/app.css>; rel=preload; as=style\r\n"
                     b"Link: </static/app.js>; rel=preload; as=script\r\n\r\n")
        while len(buf) < length:
            data = conn.recv(1 << 20)
            if not data:
                return
            buf += data
        buf = buf[length:]
        body = b'{"stored": true, "bytes": %d, "object": {"id": "upl_7f3a", "checksum": "sha256:9c1e", "tags": ["report", "q4"]}}' % length
        conn.sendall(b"HTTP/1.1 200 OK\r\nServer: scripted\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))


def main():
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", int(sys.argv[1])))
    srv.listen()
    while True:
        conn, _ = srv.accept()
        threading.Thread(target=handle, args=(conn,), daemon=True).start()


main()
