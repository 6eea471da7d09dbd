"""The web page's templates and static files (package data, served by ``eventwire.api``).

Everything the page needs ships inside the package, including its chart code, so the
page works on a machine without a network.
"""
