"""Static assets' limits and error texts, as wrangler and Miniflare word them
(workers-sdk ``workers-shared/utils/constants.ts``, ``miniflare/src/plugins/assets``)."""

from __future__ import annotations

import errno

from workers_env._errors import ConfigError, node_fs_error, reason

__all__ = ["MAX_ASSET_COUNT", "MAX_ASSET_SIZE", "METAFILES", "ignore_pattern_out_of_order", "invalid_ignore_file",
           "too_large", "too_many", "unreadable_ignore_file"]

#: files a version may hold, and bytes per file
MAX_ASSET_COUNT = 100_000
MAX_ASSET_SIZE = 25 * 1024 * 1024
#: never served: the ignore file and the routing files (``_redirects``, ``_headers``)
METAFILES = (".assetsignore", "_redirects", "_headers")


def _binary_size(size: int) -> str:
    """``pretty-bytes``' binary form: ``25 MiB``, ``25.1 MiB``."""
    value = float(size)
    for unit in ("B", "kiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            text = f"{value:.3g}" if unit != "B" else str(int(value))
            return f"{text} {unit}"
        value /= 1024
    raise AssertionError("unreachable")  # pragma: no cover


def too_large(path: str, size: int, directory: str) -> ConfigError:
    return ConfigError(
        "Asset too large.\n"
        f"Cloudflare Workers supports assets with sizes of up to {_binary_size(MAX_ASSET_SIZE)}. We found a file "
        f"{path} with a size of {_binary_size(size)}.\n"
        f'Ensure all assets in your assets directory "{directory}" conform with the Workers maximum size requirement.'
    )


def too_many(count: int, directory: str) -> ConfigError:
    return ConfigError(
        "Maximum number of assets exceeded.\n"
        f"Cloudflare Workers supports up to {MAX_ASSET_COUNT:,} assets in a version. We found {count:,} files in "
        f'the specified assets directory "{directory}".\n'
        f"Ensure your assets directory contains a maximum of {MAX_ASSET_COUNT:,} files, and that you have "
        "specified your assets directory correctly."
    )


def unreadable_ignore_file(path: str, exc: OSError) -> ConfigError:
    """``.assetsignore`` there but not readable as a file. No permission (EACCES, EPERM): wrangler's
    own text for a permission error (its ``handleError``). Else wrangler stops with Node's error
    alone (``EISDIR: illegal operation on a directory, read``): said here with the file and the fix."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return ConfigError(
            "A permission error occurred while accessing the file system.\n\n"
            f"Affected path: {path}\n\n"
            "This is typically caused by:\n"
            "  - Insufficient file or directory permissions\n"
            "  - Files or directories being locked by another process\n"
            "  - Antivirus or security software blocking access\n\n"
            "Please check the file permissions and try again.")
    if exc.errno == errno.EISDIR:  # read from an open descriptor: Node names no path
        said = node_fs_error(exc, "read", None)
    elif exc.errno in (errno.ELOOP, errno.ENOTDIR):
        said = node_fs_error(exc, "open", path)
    else:
        said = reason(exc)
    return ConfigError(
        f'The .assetsignore file at "{path}" cannot be read: {said}\n'
        "Make it a file of ignore patterns (gitignore syntax, one a line), or remove it.")


def ignore_pattern_out_of_order(path: str, line: str, source: str) -> ConfigError:
    """A line whose expression JavaScript cannot compile (a range out of order past ``0``-``z``,
    which ``ignore`` leaves in): wrangler stops with V8's text; said here with the file and the fix."""
    return ConfigError(
        f"Invalid regular expression: /{source}/i: Range out of order in character class\n"
        f"  (the line {line!r} of {path}: write the range's lower end first)")


def invalid_ignore_file(path: str) -> ConfigError:
    """wrangler's ``InvalidAssetsIgnoreError`` (workers-shared ``utils/helpers.ts``)."""
    return ConfigError(
        f'The .assetsignore file at "{path}" must be UTF-8 encoded and must not contain null characters. '
        "Save the file as UTF-8 and try again.")
