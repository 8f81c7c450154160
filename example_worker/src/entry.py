"""Semantic search over documents in a Vectorize index.

Routes:
  POST   /documents   {"documents": [{"id", "values", "text", "category", "namespace"?}]}
  GET    /documents?ids=a,b
  DELETE /documents?ids=a,b
  POST   /search      {"vector": [...], "topK": 3, "category": "news", "namespace"?}
  GET    /stats
"""

from urllib.parse import urlparse

from pyodide.ffi import JsException
from workers import Response, WorkerEntrypoint

from search import BadRequest, document_to_vector, match_to_json, parse_ids, search_options, stored_to_json


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        url = urlparse(request.url)
        route = (request.method, url.path)
        try:
            if route == ("POST", "/documents"):
                return await self.add_documents(await request.json())
            if route == ("GET", "/documents"):
                return await self.get_documents(parse_ids(url.query))
            if route == ("DELETE", "/documents"):
                return await self.delete_documents(parse_ids(url.query))
            if route == ("POST", "/search"):
                return await self.search(await request.json())
            if route == ("GET", "/stats"):
                return Response.json(await self.env.VECTORIZE.describe())
        except BadRequest as exc:
            return Response.json({"error": str(exc)}, status=400)
        except JsException as exc:  # errors thrown by the Vectorize binding
            return Response.json({"error": str(exc)}, status=400)
        except ValueError:  # a body that is not JSON
            return Response.json({"error": "the body must be JSON"}, status=400)
        return Response.json({"error": f"no route for {request.method} {url.path}"}, status=404)

    async def add_documents(self, body):
        documents = body.get("documents") if isinstance(body, dict) else None
        if not isinstance(documents, list) or not documents:
            raise BadRequest('post {"documents": [...]}')
        vectors = [document_to_vector(doc) for doc in documents]
        result = await self.env.VECTORIZE.upsert(vectors)
        return Response.json({"mutationId": result.mutationId, "count": len(vectors)}, status=202)

    async def get_documents(self, ids):
        vectors = await self.env.VECTORIZE.getByIds(ids)
        return Response.json({"documents": [stored_to_json(v) for v in vectors]})

    async def delete_documents(self, ids):
        result = await self.env.VECTORIZE.deleteByIds(ids)
        return Response.json({"mutationId": result.mutationId, "deleted": ids})

    async def search(self, body):
        if not isinstance(body, dict) or not isinstance(body.get("vector"), list):
            raise BadRequest('post {"vector": [...], "topK": 3}')
        options = search_options(body, int(self.env.MAX_TOP_K))
        result = await self.env.VECTORIZE.query(body["vector"], **options)
        return Response.json({"count": result.count, "matches": [match_to_json(m) for m in result.matches]})
