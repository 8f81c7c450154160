"""``request.cf`` of an incoming request is what ``wrangler dev`` gives offline (Miniflare's
fallback ``cf``: Austin, Texas, colo DFW), in ``worker.fetch`` and ``workers-env dev`` alike;
a test lays its own properties over it with ``worker.fetch(url, cf={...})``."""

from __future__ import annotations

import json
import urllib.request

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """
import json
from js import JSON, Request
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        cf = request.cf
        outgoing = Request.new("https://example.com/")
        return Response(json.dumps({
            "country": cf.country, "colo": cf.colo, "city": cf.city, "asn": cf.asn,
            "score": cf.botManagement.score, "tls": cf.tlsVersion,
            "cf": JSON.parse(JSON.stringify(cf)).to_py(),
            "outgoing": outgoing.cf is None,
        }))
"""


def project(tmp_path):
    return one_file_worker(tmp_path, ENTRY)


#: what a JavaScript Worker's JSON.stringify(request.cf) gave under wrangler dev 4.164.0 (offline, curl)
WRANGLER_DEV_CF = json.loads(
    '{"asOrganization":"","asn":395747,"colo":"DFW","city":"Austin","region":"Texas","regionCode":"TX",'
    '"metroCode":"635","postalCode":"78701","country":"US","continent":"NA","timezone":"America/Chicago",'
    '"latitude":"30.27130","longitude":"-97.74260","clientTcpRtt":0,"httpProtocol":"HTTP/1.1",'
    '"requestPriority":"weight=192;exclusive=0","tlsCipher":"AEAD-AES128-GCM-SHA256","tlsVersion":"TLSv1.3",'
    '"tlsClientAuth":{"certPresented":"0","certVerified":"NONE","certRevoked":"0","certIssuerDN":"",'
    '"certSubjectDN":"","certIssuerDNRFC2253":"","certSubjectDNRFC2253":"","certIssuerDNLegacy":"",'
    '"certSubjectDNLegacy":"","certSerial":"","certIssuerSerial":"","certSKI":"","certIssuerSKI":"",'
    '"certFingerprintSHA1":"","certFingerprintSHA256":"","certNotBefore":"","certNotAfter":"","certRFC9440":"",'
    '"certRFC9440TooLarge":false,"certChainRFC9440":"","certChainRFC9440TooLarge":false},'
    '"edgeRequestKeepAliveStatus":0,"clientTrustScore":99,"botManagement":{"corporateProxy":false,'
    '"verifiedBot":false,"ja3Hash":"25b4882c2bcb50cd6b469ff28c596742","staticResource":false,"detectionIds":[],'
    '"score":99},"clientAcceptEncoding":""}')
EXPECTED = {"country": "US", "colo": "DFW", "city": "Austin", "asn": 395747, "score": 99, "tls": "TLSv1.3",
            "cf": WRANGLER_DEV_CF, "outgoing": True}


@pytest.mark.asyncio
async def test_request_cf_is_wrangler_devs_offline_one_and_a_test_can_set_its_own(tmp_path):
    worker = load_worker(project(tmp_path))
    assert await (await worker.fetch("/")).json() == EXPECTED
    german = await (await worker.fetch("/", cf={"country": "DE", "colo": "FRA", "asn": 680})).json()
    assert german == {**EXPECTED, "country": "DE", "colo": "FRA", "asn": 680,
                      "cf": {**WRANGLER_DEV_CF, "country": "DE", "colo": "FRA", "asn": 680}}
    gzip = await (await worker.fetch("/", headers={"Accept-Encoding": "gzip"})).json()
    assert gzip["cf"]["clientAcceptEncoding"] == "gzip"  # the client's own, as Miniflare keeps it
    assert await (await worker.fetch("/")).json() == EXPECTED  # each request has its own, unchanged
    with pytest.raises(TypeError, match=r"worker.fetch\(cf=...\) takes a dict of request.cf properties .*, got str"):
        await worker.fetch("/", cf="DE")


def test_workers_env_dev_gives_the_same(tmp_path):
    with BackgroundServer(load_worker(project(tmp_path))) as server:
        with urllib.request.urlopen(server.url + "/") as reply:
            seen = json.loads(reply.read())
    # urllib says "Accept-Encoding: identity" (curl, for the capture above, says none)
    assert seen == {**EXPECTED, "cf": {**WRANGLER_DEV_CF, "clientAcceptEncoding": "identity"}}
