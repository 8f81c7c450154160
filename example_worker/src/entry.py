"""Retrieval over documents: Workers AI embeds the text, Vectorize stores and searches it.

Routes:
  POST   /documents   {"documents": [{"id", "text", "category"?, "namespace"?}]}
  GET    /documents?ids=a,b
  DELETE /documents?ids=a,b
  POST   /search      {"query": "...", "topK": 3, "category": "news"?, "namespace"?}
  POST   /ask         {"question": "...", "topK": 3, "stream": false}
  GET    /stats
"""

from urllib.parse import urlparse

from pyodide.ffi import JsException
from search import (
    ANSWER_MODEL,
    EMBEDDING_MODEL,
    MAX_TEXTS_PER_CALL,
    BadRequest,
    answer_messages,
    document_to_vector,
    match_to_json,
    parse_ids,
    search_options,
    stored_to_json,
)
from workers import Response, WorkerEntrypoint


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
            if route == ("POST", "/ask"):
                return await self.ask(await request.json())
            if route == ("GET", "/stats"):
                return Response.json(await self.env.VECTORIZE.describe())
        except BadRequest as exc:
            return Response.json({"error": str(exc)}, status=400)
        except JsException as exc:  # errors thrown by the Workers AI and Vectorize bindings
            return Response.json({"error": str(exc)}, status=400)
        except ValueError:  # a body that is not JSON
            return Response.json({"error": "the body must be JSON"}, status=400)
        return Response.json({"error": f"no route for {request.method} {url.path}"}, status=404)

    async def embed(self, texts):
        """One vector per text, MAX_TEXTS_PER_CALL texts per Workers AI call."""
        vectors = []
        for start in range(0, len(texts), MAX_TEXTS_PER_CALL):
            result = await self.env.AI.run(EMBEDDING_MODEL, {"text": texts[start : start + MAX_TEXTS_PER_CALL]})
            vectors.extend(result["data"])
        return vectors

    async def add_documents(self, body):
        documents = body.get("documents") if isinstance(body, dict) else None
        if not isinstance(documents, list) or not documents:
            raise BadRequest('post {"documents": [{"id": "...", "text": "..."}]}')
        for doc in documents:
            if not isinstance(doc, dict) or "id" not in doc or not isinstance(doc.get("text"), str):
                raise BadRequest("each document needs an id and a text")
        values = await self.embed([doc["text"] for doc in documents])
        vectors = [document_to_vector(doc, vector) for doc, vector in zip(documents, values)]
        result = await self.env.VECTORIZE.upsert(vectors)
        return Response.json({"mutationId": result["mutationId"], "count": len(vectors)}, status=202)

    async def get_documents(self, ids):
        vectors = await self.env.VECTORIZE.getByIds(ids)
        return Response.json({"documents": [stored_to_json(v) for v in vectors]})

    async def delete_documents(self, ids):
        result = await self.env.VECTORIZE.deleteByIds(ids)
        return Response.json({"mutationId": result["mutationId"], "deleted": ids})

    async def find(self, query, body):
        options = search_options(body, int(self.env.MAX_TOP_K))
        [vector] = await self.embed([query])
        result = await self.env.VECTORIZE.query(vector, **options)
        return [match_to_json(m) for m in result["matches"]]

    async def search(self, body):
        if not isinstance(body, dict) or not isinstance(body.get("query"), str):
            raise BadRequest('post {"query": "...", "topK": 3}')
        matches = await self.find(body["query"], body)
        return Response.json({"count": len(matches), "matches": matches})

    async def ask(self, body):
        if not isinstance(body, dict) or not isinstance(body.get("question"), str):
            raise BadRequest('post {"question": "..."}')
        matches = await self.find(body["question"], body)
        inputs = {"messages": answer_messages(body["question"], matches)}
        if body.get("stream"):
            stream = await self.env.AI.run(ANSWER_MODEL, {**inputs, "stream": True})
            return Response(stream, headers={"content-type": "text/event-stream"})
        answer = await self.env.AI.run(ANSWER_MODEL, inputs)
        return Response.json({"answer": answer["response"], "sources": [m["id"] for m in matches]})
