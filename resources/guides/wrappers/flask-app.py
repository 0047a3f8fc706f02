# SPDX-License-Identifier: GPL-3.0-or-later
# Wrapper for Flask route fragments in the guides (FORMAT.md, wrap=flask-app.py): the Flask
# application object and helpers a fragment uses; the fragment replaces the marker line below.
from flask import Flask, make_response, redirect, request, url_for

app = Flask(__name__)
# Listed so pyflakes counts them as used when a fragment needs only some of them.
__all__ = ["app", "make_response", "redirect", "request", "url_for"]


# The application's own functions that the 226 and 303 fragments call.
def known_etags():
    return set()


def entries_since(etag):
    return []


def all_entries():
    return []


def current_etag():
    return '"v1"'


def render_feed(entries):
    return ""


def add_subscriber(email):
    pass


@@SNIPPET@@
