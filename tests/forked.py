"""The package's command-line modules (`python -m <module> …`) run in a child forked from a process
that has imported them once, instead of in a new interpreter each time. The hostile-input corpus runs
some sixty validations, and importing the package was most of each one's time.

The child runs the command as a new process would:
- its own working folder, environment, arguments and memory limit;
- stdin closed;
- the working folder first on sys.path, as `python -m` puts it;
- its stdout and stderr captured apart and read as subprocess reads text (decoded, errors
  backslash-escaped, newlines made universal);
- its exit status as subprocess gives it (a signal: negative).
A run longer than its timeout is killed and raises subprocess.TimeoutExpired, as subprocess.run does.

Only for modules that take the project they work on as an argument (--root): the fork shares the
package this checkout imported, so a project's own copy of the code is not what runs.
(tests/test_hostile_inputs.py checks that a case gives the same status and output both ways.)

Run as `python tests/forked.py MODULE…`: the server, which reads one request per line on stdin and
answers one line on stdout."""
from __future__ import annotations

import contextlib
import importlib
import json
import locale
import os
import queue
import resource
import runpy
import selectors
import signal
import subprocess
import sys
import threading
import time
import traceback


# --- the server ----------------------------------------------------------------------------------------

def _serve(modules: list[str]) -> None:
    for module in modules:
        importlib.import_module(module)
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # (nothing but the replies reaches the client)
    for line in sys.stdin:
        reply = _run(json.loads(line), replies.fileno())
        replies.write(json.dumps(reply) + "\n")
        replies.flush()


def _run(request: dict, replies: int) -> dict:
    out, err = os.pipe(), os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.close(replies)
            os.close(out[0])
            os.close(err[0])
            os.dup2(out[1], 1)
            os.dup2(err[1], 2)
            os.close(out[1])
            os.close(err[1])
            os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
            sys.stdin = open(os.devnull, encoding="utf-8")  # (not the server's buffer of requests)
            code = _command(request)
        finally:
            os._exit(code)
    os.close(out[1])
    os.close(err[1])
    captured, timed_out = _read(pid, out[0], err[0], timeout=request["timeout"])
    status = os.waitpid(pid, 0)[1]
    return {"code": os.waitstatus_to_exitcode(status), "timed_out": timed_out,
            "stdout": captured[out[0]].decode("latin-1"), "stderr": captured[err[0]].decode("latin-1")}


def _read(pid: int, *pipes: int, timeout: float) -> tuple[dict[int, bytes], bool]:
    """Both pipes read to their end; the child killed at the deadline."""
    captured = {fd: b"" for fd in pipes}
    deadline, timed_out = time.monotonic() + timeout, False
    with selectors.DefaultSelector() as selector:
        for fd in pipes:
            selector.register(fd, selectors.EVENT_READ)
        while selector.get_map():
            left = deadline - time.monotonic()
            if left <= 0 and not timed_out:
                os.kill(pid, signal.SIGKILL)
                timed_out = True
            for key, _ in selector.select(timeout=max(left, 0.05) if not timed_out else None):
                chunk = os.read(key.fd, 65536)
                if chunk:
                    captured[key.fd] += chunk
                else:
                    selector.unregister(key.fd)
                    os.close(key.fd)
    return captured, timed_out


def _command(request: dict) -> int:
    """In the child: the module run as `python -m` runs it; its exit code."""
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    if request.get("memory"):
        resource.setrlimit(resource.RLIMIT_AS, (request["memory"], request["memory"]))
    sys.argv = [request["module"], *request["args"]]
    sys.path[0] = os.getcwd()
    sys.modules.pop(request["module"], None)  # (run as __main__, as `python -m` runs it: not the module imported)
    try:
        runpy.run_module(request["module"], run_name="__main__", alter_sys=True)
        code = 0
    except SystemExit as exit:
        code = _exit_code(exit.code)
    except BaseException:  # (as the interpreter ends on an uncaught exception)
        traceback.print_exc()
        code = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    return code


def _exit_code(code) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


# --- the client ----------------------------------------------------------------------------------------

def _as_subprocess_reads(data: bytes) -> str:
    """Text as subprocess.run(text=True, errors="backslashreplace") gives it."""
    text = data.decode(locale.getpreferredencoding(False), errors="backslashreplace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


class Forks:
    """Servers that have imported `modules`, one per thread that runs commands at the same time."""

    def __init__(self, modules: list[str]):
        self.modules = modules
        self._idle: queue.SimpleQueue = queue.SimpleQueue()
        self._all: list[subprocess.Popen] = []
        self._lock = threading.Lock()

    def _server(self) -> subprocess.Popen:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            server = subprocess.Popen([sys.executable, __file__, *self.modules], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, text=True, encoding="utf-8")
            with self._lock:
                self._all.append(server)
            return server

    def run(self, module: str, args: list[str], cwd, env: dict, timeout: float, memory: int | None = None) -> tuple[int, str]:
        """`python -m module *args` in `cwd` with exactly the environment `env`: its exit code and its
        stdout followed by its stderr."""
        server = self._server()
        request = {"module": module, "args": [str(a) for a in args], "cwd": str(cwd), "env": env, "timeout": timeout,
                   "memory": memory}
        server.stdin.write(json.dumps(request) + "\n")
        server.stdin.flush()
        line = server.stdout.readline()
        if not line:
            raise RuntimeError(f"the server of forked commands ended (exit {server.wait()})")
        self._idle.put(server)
        reply = json.loads(line)
        if reply["timed_out"]:
            raise subprocess.TimeoutExpired([sys.executable, "-m", module, *args], timeout)
        return reply["code"], _as_subprocess_reads(reply["stdout"].encode("latin-1")) + \
            _as_subprocess_reads(reply["stderr"].encode("latin-1"))

    def close(self) -> None:
        for server in self._all:
            server.stdin.close()
            server.wait(timeout=30)


if __name__ == "__main__":
    _serve(sys.argv[1:])
