"""The read-only SPARQL endpoint's core: the guard (form, no update, no SERVICE), the limits (time and
result size, enforced by worker processes or a thread runner), the protocol-independent query
preparation and the service description. Nothing here knows about HTTP."""
