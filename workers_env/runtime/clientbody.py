"""``worker.fetch``'s client of a response body still being written: it takes chunks off the
writer's hands as a socket's buffer does (bytes, and chunks at most) while the test has not read
them, and it goes away -- the body canceled, as workerd cancels it when the client disconnects
-- once the test holds nothing of the body any more (the response, its ``body``, a reader)."""

from __future__ import annotations

import asyncio
import weakref
from typing import Any

from workers_env.runtime.livebytestream import LiveByteStream

__all__ = ["CLIENT_HOLDS", "CLIENT_HOLDS_BYTES", "hold_for_client"]

#: how many bytes of a streamed response ``worker.fetch``'s client takes before the caller reads
#: them (a socket's buffer: then the writer waits, as for a client that stopped reading). A client
#: that read nothing under wrangler dev 4.164.0 let 7.9-12.6 MB be written in 1 KiB to 1 MiB
#: chunks: Linux's socket buffers on its two loopback hops (leftovers47, ``ss -tm``: about 3.9 MB
#: queued to send on each, 2.5 MB received unread, 8 KB at the client; the rest in workerd)
CLIENT_HOLDS_BYTES = 8 * 1024 * 1024

#: and how many chunks at most, whatever their size: memory and time for a body of tiny chunks no
#: one reads (a choice: wrangler's sockets hold wire bytes, and took 1,982,419 1-byte chunks in 30
#: minutes without back-pressure, 6 bytes each with the chunked framing: leftovers48)
CLIENT_HOLDS = 16_384


def hold_for_client(response: Any, live: LiveByteStream) -> asyncio.Task[None]:
    """Start taking ``live`` (``response``'s body) as the client does; the task doing it. The
    test's handle on the body is made now (``response.body``, which the response keeps and every
    reader and tee of it refers to): once that is collected, the body is canceled -- its writer's
    next write fails, and the request's tasks and the chunks held end with it."""
    holding = asyncio.ensure_future(live.hold(CLIENT_HOLDS, CLIENT_HOLDS_BYTES))
    handle = _Handle()  # (a JS value takes no weak reference, as Pyodide's: this one lives as long)
    response.body.__dict__["_client_handle"] = handle
    gone = weakref.finalize(handle, _client_gone, live, asyncio.get_running_loop())
    gone.atexit = False  # an interpreter ending: nothing left to cancel
    return holding


class _Handle:
    """Lives as long as the test's ``response.body``."""


def _client_gone(live: LiveByteStream, loop: asyncio.AbstractEventLoop) -> None:
    """The test dropped the body unread (maybe from another thread, or the collector's turn)."""
    try:
        loop.call_soon_threadsafe(live.cancel)
    except RuntimeError:  # the loop closed first (the test's end): nothing runs the body any more
        pass
