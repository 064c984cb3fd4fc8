"""HTTP for web pages and feeds: bounded in size and time, and only from public addresses.

A feed names the pages Parley then fetches, and a server names where it redirects; either could
point Parley at the machine it runs on or at its network (a router, a cloud metadata service).
So every address a request would go to is checked first, at each redirect too, and the request
is made to the address that was checked, not to a second lookup of the same name.

The URL a person gives is theirs to choose: when it names a loopback or private host, that host
(and its redirects to itself) is fetched; the links in what it serves are still checked.
"""
from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from parley.errors import InputError

USER_AGENT = "parley/0.1 (+https://github.com/parley-news)"
ALLOW_HINT = "--allow-private-hosts fetches it"
# The first property that makes an address non-public names it in the message.
NON_PUBLIC = ("loopback", "private", "link_local", "multicast", "reserved", "unspecified")


@dataclass(frozen=True)
class FetchOptions:
    """What a fetch may reach, and how much of the network's time and data it may spend."""

    allow_private_hosts: bool = False  # also fetch links and redirects to non-public addresses
    max_bytes: int = 20_000_000        # a longer response is refused, not truncated
    connect_timeout: float = 10.0      # seconds to connect to one address
    read_timeout: float = 30.0         # seconds without a byte arriving
    deadline: float = 120.0            # seconds for one fetch, its redirects included
    max_redirects: int = 5


def fetch(url: str, options: FetchOptions = FetchOptions(), *, given: bool = False) -> tuple[bytes, str]:
    """The body and content type at ``url``, following redirects by hand.

    Args:
        url: an http(s) URL.
        options: the address policy and the limits.
        given: ``url`` is one a person gave (not one a feed or page named); a non-public host
            it names is fetched, and so are its redirects to that same host.

    Returns:
        The body, and the content type without parameters (lower case; "" when none).

    Raises:
        InputError: the URL, or a redirect, names a non-public address (and ``options`` does
            not allow those), the request failed or timed out, answered with an error status,
            redirected too often, or sent more than ``options.max_bytes``.
    """
    import httpx

    deadline = time.monotonic() + options.deadline
    chosen = None  # the non-public origin the person gave, fetched as they asked
    with httpx.Client(trust_env=False, headers={"User-Agent": USER_AGENT},
                      timeout=httpx.Timeout(options.read_timeout, connect=options.connect_timeout)) as client:
        for hop in range(options.max_redirects + 1):
            if time.monotonic() > deadline:
                raise InputError(f"{url}: not fetched within {options.deadline:g} s")
            origin, addresses = _resolve(url)
            if given and hop == 0 and any(_non_public(a) for a in addresses):
                chosen = origin
            if not options.allow_private_hosts and origin != chosen:
                _refuse_non_public(url, addresses, redirected=hop > 0)
            target = _get(client, url, addresses, deadline, options.max_bytes)
            if isinstance(target, tuple):
                return target
            url = target
    raise InputError(f"{url}: more than {options.max_redirects} redirects")


def _resolve(url: str) -> tuple[tuple[str, int], list[str]]:
    """The (host, port) ``url`` names, and every address that host has."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"{url}: not an http(s) URL")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except ValueError:
        raise InputError(f"{url}: not a valid port") from None
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(f"{url}: cannot resolve {parts.hostname}: {exc}") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise InputError(f"{url}: {parts.hostname} has no address")
    return (parts.hostname.lower(), port), addresses


def _non_public(address: str) -> str | None:
    """Why ``address`` is not a public internet address (e.g. "loopback"); None if it is one."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 reaches 127.0.0.1
    for name in NON_PUBLIC:
        if getattr(ip, f"is_{name}"):
            return name.replace("_", "-")
    return None if ip.is_global else "non-global"


def _refuse_non_public(url: str, addresses: list[str], *, redirected: bool) -> None:
    """Raise if any address of ``url`` is non-public: one such address is enough to be refused."""
    for address in addresses:
        why = _non_public(address)
        if why:
            what = "a redirect to" if redirected else "refused:"
            raise InputError(f"{url}: {what} {address}, a {why} address, not fetched ({ALLOW_HINT})")


def _get(client, url: str, addresses: list[str], deadline: float, max_bytes: int) -> tuple[bytes, str] | str:
    """One GET of ``url`` at the first of ``addresses`` that answers: the body, or a redirect."""
    import httpx

    error: Exception | None = None
    for address in addresses:
        try:
            with client.stream("GET", _at(url, address), headers={"Host": httpx.URL(url).netloc.decode("ascii")},
                               extensions={"sni_hostname": urlsplit(url).hostname}) as response:
                return _answer(response, url, deadline, max_bytes)
        except httpx.ConnectError as exc:  # this address is down: try the host's next one
            error = exc
        except httpx.HTTPError as exc:
            raise InputError(f"{url}: cannot fetch: {exc.__class__.__name__}: {exc}") from None
    raise InputError(f"{url}: cannot fetch: {error.__class__.__name__}: {error}")


def _at(url: str, address: str) -> str:
    """``url`` with its host replaced by ``address``, so that no second lookup can differ."""
    import httpx

    return str(httpx.URL(url).copy_with(host=address.split("%")[0]))


def _answer(response, url: str, deadline: float, max_bytes: int) -> tuple[bytes, str] | str:
    """The body and content type of ``response``, or the URL it redirects to."""
    if response.has_redirect_location:
        return urljoin(url, response.headers["location"])
    if response.status_code >= 400:
        raise InputError(f"{url}: HTTP {response.status_code}")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputError(f"{url}: {int(declared):,} bytes, over the limit of {max_bytes:,}")
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise InputError(f"{url}: over the limit of {max_bytes:,} bytes")
        if time.monotonic() > deadline:
            raise InputError(f"{url}: not fetched within the time allowed (still sending)")
    return bytes(body), response.headers.get("content-type", "").split(";")[0].strip().lower()
