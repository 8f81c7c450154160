"""``request.cf`` of an incoming request: what ``wrangler dev`` gives a Worker offline.

Miniflare fetches a ``cf`` object describing the machine's own connection from Cloudflare once
a day and falls back to this fixed one (``fallbackCf`` in miniflare's source, wrangler 4.164.0)
when it cannot -- as here, where nothing reaches the network. A test picks its own values with
``worker.fetch(url, cf={"country": "DE"})``, laid over these as Miniflare lays a dispatched
request's ``cf`` over its fallback.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from workers_env.runtime.jsproxy import JsObject

__all__ = ["FALLBACK_CF", "incoming_cf"]

_CERT_FIELDS = ("certIssuerDN", "certSubjectDN", "certIssuerDNRFC2253", "certSubjectDNRFC2253", "certIssuerDNLegacy",
                "certSubjectDNLegacy", "certSerial", "certIssuerSerial", "certSKI", "certIssuerSKI",
                "certFingerprintSHA1", "certFingerprintSHA256", "certNotBefore", "certNotAfter", "certRFC9440")

FALLBACK_CF: dict[str, Any] = {
    "asOrganization": "",
    "asn": 395747,
    "colo": "DFW",
    "city": "Austin",
    "region": "Texas",
    "regionCode": "TX",
    "metroCode": "635",
    "postalCode": "78701",
    "country": "US",
    "continent": "NA",
    "timezone": "America/Chicago",
    "latitude": "30.27130",
    "longitude": "-97.74260",
    "clientTcpRtt": 0,
    "httpProtocol": "HTTP/1.1",
    "requestPriority": "weight=192;exclusive=0",
    "tlsCipher": "AEAD-AES128-GCM-SHA256",
    "tlsVersion": "TLSv1.3",
    "tlsClientAuth": {
        "certPresented": "0", "certVerified": "NONE", "certRevoked": "0",
        **dict.fromkeys(_CERT_FIELDS, ""),
        "certRFC9440TooLarge": False, "certChainRFC9440": "", "certChainRFC9440TooLarge": False,
    },
    "edgeRequestKeepAliveStatus": 0,
    "clientTrustScore": 99,
    "botManagement": {
        "corporateProxy": False, "verifiedBot": False, "ja3Hash": "25b4882c2bcb50cd6b469ff28c596742",
        "staticResource": False, "detectionIds": [], "score": 99,
    },
}


def incoming_cf(overrides: Mapping[str, Any] | None = None, *, accept_encoding: str | None = None) -> JsObject:
    """A fresh ``request.cf`` object: the fallback, ``clientAcceptEncoding`` (the client's own
    ``Accept-Encoding``, which Miniflare's entry worker keeps there before setting the header to
    ``br, gzip``), then ``overrides`` laid over it (top level)."""
    props = dict(FALLBACK_CF)  # its own copy, nested tables too (Worker code may change it)
    props["tlsClientAuth"] = dict(FALLBACK_CF["tlsClientAuth"])
    props["botManagement"] = {**FALLBACK_CF["botManagement"], "detectionIds": []}
    props["clientAcceptEncoding"] = accept_encoding or ""
    if overrides is not None:  # (a dict of JSON data: worker.fetch checks it first)
        props.update(json.loads(json.dumps(dict(overrides))))  # its own copy, as JSON data (any depth json writes)
    return JsObject.plain(props)
