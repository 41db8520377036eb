"""``reportedly serve``: the store over HTTP. :mod:`.app` builds the ASGI app (security
headers, body limits, JSON errors), :mod:`.api` answers ``/api/v1`` with the queries the CLI
runs (:mod:`reportedly.store.queries`), :mod:`.openapi` documents it. Pages go beside the API
as routes of their own, rendered from the same queries."""
