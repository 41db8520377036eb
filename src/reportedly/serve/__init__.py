"""``reportedly serve``: the store over HTTP. :mod:`.app` builds the ASGI app (security
headers, body limits, errors as JSON for the API and as pages for the pages), :mod:`.api`
answers ``/api/v1`` with the queries the CLI runs (:mod:`reportedly.store.queries`),
:mod:`.openapi` documents it, and :mod:`.pages` renders the HTML pages from the same queries
(:mod:`.marking` marks attributions in a text by their offsets, :mod:`.charts` draws the
charts)."""
