"""Request parsing, prompts and response shaping for the retrieval API (no runtime imports)."""

from urllib.parse import parse_qs

EMBEDDING_MODEL = "@cf/baai/bge-base-en-v1.5"  # 768 dimensions, like the index
ANSWER_MODEL = "@cf/meta/llama-3.1-8b-instruct-fast"
MAX_TEXTS_PER_CALL = 100  # the embedding model takes at most 100 texts per call


class BadRequest(Exception):
    """A request the API refuses with 400."""


def parse_ids(query_string):
    """``?ids=a,b&ids=c`` as ["a", "b", "c"]."""
    ids = []
    for chunk in parse_qs(query_string).get("ids", []):
        ids.extend(part for part in chunk.split(",") if part)
    if not ids:
        raise BadRequest("give the document ids as ?ids=a,b")
    return ids


def document_to_vector(doc, values):
    """One posted document and its embedding as a Vectorize vector; text and category go to metadata."""
    metadata = {"text": doc["text"]}
    if doc.get("category") is not None:
        metadata["category"] = doc["category"]
    vector = {"id": str(doc["id"]), "values": values, "metadata": metadata}
    if doc.get("namespace"):
        vector["namespace"] = doc["namespace"]
    return vector


def search_options(body, max_top_k):
    """The query options for a search body: topK (capped), category filter, namespace."""
    top_k = body.get("topK", 3)
    if not isinstance(top_k, int) or isinstance(top_k, bool) or not 1 <= top_k <= max_top_k:
        raise BadRequest(f"topK must be a whole number from 1 to {max_top_k}")
    options = {"topK": top_k, "returnMetadata": "all"}
    if body.get("category") is not None:
        options["filter"] = {"category": {"$eq": body["category"]}}
    if body.get("namespace"):
        options["namespace"] = body["namespace"]
    return options


def match_to_json(match):
    """A query match as the API returns it."""
    metadata = match.get("metadata") or {}
    return {
        "id": match["id"],
        "score": match["score"],
        "text": metadata.get("text"),
        "category": metadata.get("category"),
    }


def stored_to_json(vector):
    """A stored vector as the API returns it (results are plain dicts: index them)."""
    return {
        "id": vector["id"],
        "dimensions": len(vector["values"]),
        "text": (vector.get("metadata") or {}).get("text"),
        "category": (vector.get("metadata") or {}).get("category"),
        "namespace": vector.get("namespace"),
    }


def answer_messages(question, matches):
    """The chat messages asking the model to answer from the retrieved documents only."""
    context = "\n".join(f"- {m['text']}" for m in matches) or "(nothing found)"
    return [
        {"role": "system", "content": "Answer the question using only these notes:\n" + context},
        {"role": "user", "content": question},
    ]
