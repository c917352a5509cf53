"""The server listens on 127.0.0.1 unless told otherwise: the command's default, what it
hands uvicorn, and the socket a real `entente serve` opens (read from /proc/net/tcp)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from entente.cli import app
from tests.security.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]


def serve_option(name: str):
    command = typer.main.get_command(app).commands["serve"]
    return next(p for p in command.params if p.name == name)


def test_the_serve_command_defaults_to_loopback():
    host = serve_option("host")
    assert host.default == "127.0.0.1"
    assert not getattr(host, "envvar", None), "an environment variable could widen the address"


def test_the_library_default_is_loopback_too():
    import inspect

    from entente.api import serve

    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"


@pytest.mark.parametrize("env", [{}, {"HOST": "0.0.0.0", "ENTENTE_HOST": "0.0.0.0",
                                      "UVICORN_HOST": "0.0.0.0", "WEB_CONCURRENCY": "4"}])
def test_serve_hands_uvicorn_loopback_whatever_the_environment(tmp_path, monkeypatch, env):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda application, **kwargs: calls.append(kwargs))
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 0, result.output
    (kwargs,) = calls
    assert kwargs["host"] == "127.0.0.1"
    assert "reachable from other machines" not in result.output


def _listening(port: int) -> set[str]:
    """Local addresses with a socket listening on `port` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, state = fields[1], fields[3]
            host, port_hex = address.rsplit(":", 1)
            if state == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
                found.add(host)
    return found


def _other_address() -> str | None:
    """An address of this machine that is not loopback, if it has one."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.connect(("192.0.2.1", 9))  # TEST-NET-1: nothing is sent
            address = sock.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") else address


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs /proc/net/tcp")
def test_a_real_entente_serve_listens_on_loopback_only(tmp_path):
    port = free_port()
    entente = shutil.which("entente", path=str(Path(sys.executable).parent)) or "entente"
    env = {k: v for k, v in os.environ.items() if k != "ENTENTE_TOKEN"}
    proc = subprocess.Popen([entente, "serve", "--db", str(tmp_path / "s.duckdb"), "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while not _listening(port):
            assert proc.poll() is None, proc.stdout.read().decode(errors="replace")
            assert time.monotonic() < deadline, "the server did not start listening"
            time.sleep(0.1)
        assert _listening(port) == {"0100007F"}, _listening(port)  # 127.0.0.1, and nothing else
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass
        other = _other_address()
        if other:
            with pytest.raises(OSError):
                socket.create_connection((other, port), timeout=2).close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
