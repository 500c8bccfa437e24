"""scripts/neo4j-server: a busy port is refused."""

from __future__ import annotations

import pytest


def test_neo4j_server_refuses_a_busy_port() -> None:
    import socket

    from neo4j_fixtures import load_server_script

    server = load_server_script()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(server.ServerError, match=f"port {port} is in use"):
            server.start(port=port)
    assert server.port_is_free(port)
