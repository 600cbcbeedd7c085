"""A private PostgreSQL server for tests, benchmarks and trying the repository out.

Not for production: a team keeps its designs on the server it already runs.
The server listens on 127.0.0.1 only, on a free port, with `trust` auth, its
data in a temporary folder that `stop()` deletes. PostgreSQL refuses to run
as root, so as root the programs run as the `postgres` user in a folder it owns.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

PASSWORD_ROLE = "orgdesigner_password_check"


def find_bin_dir() -> Path | None:
    """The folder holding initdb/pg_ctl/postgres: $PG_BINDIR, Debian's newest, or PATH."""
    candidates = [os.environ.get("PG_BINDIR", "")]
    candidates += sorted(
        glob.glob("/usr/lib/postgresql/*/bin"),
        key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
        reverse=True,
    )
    found = shutil.which("pg_ctl")
    if found:
        candidates.append(str(Path(found).parent))
    for folder in candidates:
        if folder and all(
            (Path(folder) / name).exists() for name in ("initdb", "pg_ctl", "postgres")
        ):
            return Path(folder)
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PrivateServer:
    """initdb + pg_ctl start in a temp folder; `url` for clients; `stop()` removes it all."""

    def __init__(self, bin_dir: Path | None = None):
        found = bin_dir or find_bin_dir()
        if found is None:
            raise FileNotFoundError("no PostgreSQL server programs (initdb, pg_ctl) found")
        self.bin_dir: Path = found
        self.folder = Path(tempfile.mkdtemp(prefix="orgdesigner-pg-"))
        self.data = self.folder / "data"
        self.port = 0
        self.user = "postgres"
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            entry = pwd.getpwnam("postgres")
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
        else:
            self.user = pwd.getpwuid(os.geteuid()).pw_name

    @property
    def url(self) -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=120, cwd=self.folder
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"{args[0]} failed: {(result.stderr or result.stdout).strip()[-500:]}"
            )

    def start(self) -> PrivateServer:
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            self.user,
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        # Trust for everyone on the loopback, except one role that must give its password:
        # the tests check what a wrong password looks like.
        hba = self.data / "pg_hba.conf"
        hba.write_text(f"host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n" + hba.read_text())
        for attempt in range(5):
            self.port = free_port()
            options = (
                f"-c listen_addresses=127.0.0.1 -p {self.port} "
                f"-c unix_socket_directories={self.folder} -c fsync=off "
                f"-c max_connections=100"
            )
            try:
                self._run(
                    "pg_ctl",
                    "-D",
                    str(self.data),
                    "-l",
                    str(self.folder / "server.log"),
                    "-o",
                    options,
                    "-w",
                    "-t",
                    "60",
                    "start",
                )
                return self
            except RuntimeError:
                if attempt == 4:
                    raise
                time.sleep(0.2)
        return self

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def main() -> None:  # pragma: no cover - a developer's convenience
    """`python -m orgdesigner.repository.devserver`: start one, print its URL, stop on
    Ctrl+C or SIGTERM (what `.ci/run` sends when the test run ends)."""
    import signal

    def _stop(*_):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    server = PrivateServer()
    try:
        server.start()
        print(server.url, flush=True)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == "__main__":  # pragma: no cover
    main()
