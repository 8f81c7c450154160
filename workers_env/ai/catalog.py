"""The Workers AI models workers-env emulates, with the facts of Cloudflare's model catalog.

Sources: the model schemas of Cloudflare's catalog (developers.cloudflare.com/workers-ai/models,
the JSON behind each model page), the model list in workerd's ``types/defines/ai.d.ts``
(``AiModels``), and the model cards for the dimensions a catalog page leaves out. Every text
embedding model of the catalog is here; text generation models are those whose result is
``{"response", "tool_calls", "usage"}`` and those answering in OpenAI's chat-completions form
or its Responses API (gpt-oss); the reranker is in :data:`RERANKER_MODELS`; the models whose
input schema is not published and every other task are listed in :data:`OTHER_MODELS` and
refused with a clear error.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ALIASED_MODELS",
    "DEPRECATED_MODELS",
    "RECOMMENDED_REPLACEMENTS",
    "RETIREMENT_NOTICES",
    "SERVICE_NAMES",
    "EMBEDDING_MODELS",
    "OTHER_MODELS",
    "RERANKER_MODELS",
    "TASKS",
    "TEXT_GENERATION_MODELS",
    "UNLISTED_MODELS",
    "EmbeddingModel",
    "RerankerModel",
    "Task",
    "TextGenerationModel",
]


@dataclass(frozen=True)
class Task:
    """A catalog task as ``AI.models()`` reports it."""

    id: str
    name: str
    description: str


TASKS = {
    "text-embeddings": Task(
        "0137cdcf-162a-4108-94f2-1ca59e8c65ee",
        "Text Embeddings",
        "Feature extraction models transform raw data into numerical features that can be processed "
        "while preserving the information in the original dataset. These models are ideal as part of "
        "building vector search applications or Retrieval Augmented Generation workflows with Large "
        "Language Models (LLM).",
    ),
    "text-generation": Task(
        "c329a1f9-323d-4e91-b2aa-582dd4188d34",
        "Text Generation",
        "Family of generative text models, such as large language models (LLM), that can be adapted "
        "for a variety of natural language tasks.",
    ),
    "text-classification": Task(
        "19606750-23ed-4371-aab2-c20349b53a60",
        "Text Classification",
        "Sentiment analysis or text classification is a common NLP task that classifies a text input "
        "into labels or classes.",
    ),
}


@dataclass(frozen=True)
class EmbeddingModel:
    """A text embedding model: its vector size and what its input schema allows.

    ``max_items`` is the schema's ``maxItems`` for a list of texts (``None``: no limit in
    the schema); ``min_length`` its ``minLength`` for each text (``0``: empty text allowed);
    ``pooling`` the pooling the result reports (``None``: the result has no ``pooling`` key);
    ``pooling_choices`` the values the ``pooling`` input takes (empty: no such input);
    ``max_input_tokens`` the model's input window (text past it does not change the vector).
    """

    name: str
    dimensions: int
    description: str
    max_input_tokens: int | None
    max_items: int | None = 100
    min_length: int = 1
    pooling: str | None = None
    pooling_choices: tuple[str, ...] = ()
    forms: tuple[str, ...] = ("text",)  # the input forms beyond {"text": ...}
    schema: str = "bge"  # its input schema in workers_env.ai.input_schemas.EMBEDDING_SCHEMAS

    task = "text-embeddings"

    @property
    def author(self) -> str:
        return self.name.split("/")[1]


def _bge(size: str, dimensions: int, prefix: str = "") -> EmbeddingModel:
    return EmbeddingModel(
        name=f"@cf/baai/{prefix}bge-{size}-en-v1.5",
        dimensions=dimensions,
        description=(
            f"BAAI general embedding ({size.capitalize()}) model that transforms any given text into a "
            f"{dimensions}-dimensional vector"
        ),
        max_input_tokens=512,
        pooling="mean",
        pooling_choices=("mean", "cls"),
        forms=("text", "requests"),
    )


EMBEDDING_MODELS: dict[str, EmbeddingModel] = {
    m.name: m
    for m in (
        _bge("small", 384),
        _bge("base", 768),
        _bge("large", 1024),
        EmbeddingModel(
            name="@cf/baai/bge-m3",
            dimensions=1024,
            description="Multi-Functionality, Multi-Linguality, and Multi-Granularity embeddings model.",
            max_input_tokens=60000,  # the catalog's context_window
            pooling="cls",
            forms=("text", "contexts", "requests"),
            schema="bge-m3",
        ),
        EmbeddingModel(
            name="@cf/google/embeddinggemma-300m",
            dimensions=768,
            description=(
                "EmbeddingGemma is a 300M parameter, state-of-the-art for its size, open embedding model "
                "from Google, built from Gemma 3."
            ),
            max_input_tokens=2048,  # the model card's context length
            schema="embeddinggemma",  # its newest catalog schema: minLength 1, maxItems 100
        ),
        EmbeddingModel(
            name="@cf/qwen/qwen3-embedding-0.6b",
            dimensions=1024,
            description=(
                "The Qwen3 Embedding model series is the latest proprietary model of the Qwen family, "
                "specifically designed for text embedding and ranking tasks."
            ),
            max_input_tokens=8192,
            max_items=32,
            forms=("text", "queries", "documents"),
            schema="qwen3-embedding",
        ),
        EmbeddingModel(
            name="@cf/pfnet/plamo-embedding-1b",
            dimensions=2048,
            description=(
                "PLaMo-Embedding-1B is a Japanese text embedding model developed by Preferred Networks, Inc."
            ),
            max_input_tokens=None,
            max_items=None,
            min_length=0,
            schema="plamo-embedding",
        ),
        # cloudflare-docs omni-bge-base-en-v1.5.json (bc81a02196f8, created 2025-08-24): bge-base's
        # description, properties and input schema under another name; not in AiModels
        _bge("base", 768, prefix="omni-"),
    )
}


@dataclass(frozen=True)
class TextGenerationModel:
    """A text generation model answering ``{"prompt"}`` or ``{"messages"}`` with ``{"response", ...}``."""

    name: str
    description: str = "Text generation model"
    #: takes ``response_format`` (JSON Mode) and then answers ``{"response": <a JSON value>}``
    json_mode: bool = False
    #: also takes ``{"requests": [...]}``, the asynchronous batch API (not emulated)
    async_batch: bool = False
    #: takes a ``lora`` (a fine-tune's id or name); the others refuse one with 5005
    lora: bool = False
    #: its input schema in ``workers_env.ai.input_schemas.TEXT_GENERATION_SCHEMAS``
    schema: str = "older"
    #: the result's form: ``"response"`` (``{response, tool_calls, usage}``),
    #: ``"chat-completions"`` (OpenAI's ``chat.completion`` / ``text_completion`` objects) or
    #: ``"responses"`` (OpenAI's Responses API for ``{input, instructions}``; messages as chat)
    result: str = "response"
    #: a chat-completions answer that also carries ``response`` (not its streamed chunks)
    response_too: bool = False

    task = "text-generation"

    @property
    def author(self) -> str:
        return self.name.split("/")[1]


# From the AiModels list of workerd's ai.d.ts (BaseAiTextGeneration and the models whose
# output type is {response, tool_calls, usage}) and the catalog pages of the llama-3.1 family.
_TEXT_GENERATION_NAMES = (
    "@cf/meta/llama-3.1-8b-instruct",
    "@cf/meta/llama-3.1-8b-instruct-fast",
    "@cf/meta/llama-3.1-8b-instruct-fp8",
    "@cf/meta/llama-3.1-8b-instruct-awq",
    "@cf/meta/llama-3.1-70b-instruct",
    "@cf/meta/llama-3.2-1b-instruct",
    "@cf/meta/llama-3.2-3b-instruct",
    "@cf/meta/llama-3.2-11b-vision-instruct",
    "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
    "@cf/meta/llama-4-scout-17b-16e-instruct",
    "@cf/meta/llama-3-8b-instruct",
    "@cf/meta/llama-3-8b-instruct-awq",
    "@cf/meta/llama-2-7b-chat-int8",
    "@cf/meta/llama-2-7b-chat-fp16",
    "@cf/meta-llama/llama-2-7b-chat-hf-lora",
    "@hf/thebloke/llama-2-13b-chat-awq",
    "@cf/mistral/mistral-7b-instruct-v0.1",
    "@cf/mistral/mistral-7b-instruct-v0.2-lora",
    "@hf/mistral/mistral-7b-instruct-v0.2",
    "@hf/thebloke/mistral-7b-instruct-v0.1-awq",
    "@cf/mistralai/mistral-small-3.1-24b-instruct",
    "@hf/thebloke/zephyr-7b-beta-awq",
    "@hf/thebloke/openhermes-2.5-mistral-7b-awq",
    "@hf/thebloke/neural-chat-7b-v3-1-awq",
    "@hf/thebloke/deepseek-coder-6.7b-base-awq",
    "@hf/thebloke/deepseek-coder-6.7b-instruct-awq",
    "@cf/deepseek-ai/deepseek-math-7b-instruct",
    "@cf/deepseek-ai/deepseek-r1-distill-qwen-32b",
    "@cf/defog/sqlcoder-7b-2",
    "@cf/openchat/openchat-3.5-0106",
    "@cf/tiiuae/falcon-7b-instruct",
    "@cf/thebloke/discolm-german-7b-v1-awq",
    "@cf/qwen/qwen1.5-0.5b-chat",
    "@cf/qwen/qwen1.5-1.8b-chat",
    "@cf/qwen/qwen1.5-7b-chat-awq",
    "@cf/qwen/qwen1.5-14b-chat-awq",
    "@cf/qwen/qwen2.5-coder-32b-instruct",
    "@cf/qwen/qwq-32b",
    "@cf/tinyllama/tinyllama-1.1b-chat-v1.0",
    "@cf/microsoft/phi-2",
    "@hf/nousresearch/hermes-2-pro-mistral-7b",
    "@hf/nexusflow/starling-lm-7b-beta",
    "@hf/google/gemma-7b-it",
    "@cf/google/gemma-2b-it-lora",
    "@cf/google/gemma-7b-it-lora",
    "@cf/google/gemma-3-12b-it",
    "@cf/fblgit/una-cybertron-7b-v2-bf16",
    "@hf/meta-llama/meta-llama-3-8b-instruct",
    "@hf/thebloke/llamaguard-7b-awq",
)

#: JSON Mode: the list on Cloudflare's "JSON Mode" page, and the models whose ai.d.ts input
#: types or catalog input schemas carry ``response_format``
_JSON_MODE = frozenset({
    "@cf/google/gemma-2b-it-lora",
    "@cf/meta/llama-2-7b-chat-fp16",
    "@cf/meta/llama-2-7b-chat-int8",
    "@cf/meta/llama-3.1-8b-instruct-fp8",
    "@hf/thebloke/mistral-7b-instruct-v0.1-awq",
    "@cf/mistral/mistral-7b-instruct-v0.2-lora",
    "@hf/mistral/mistral-7b-instruct-v0.2",
    "@hf/thebloke/openhermes-2.5-mistral-7b-awq",
    "@cf/qwen/qwen1.5-14b-chat-awq",
    "@cf/qwen/qwen1.5-7b-chat-awq",
    "@cf/defog/sqlcoder-7b-2",
    "@hf/nexusflow/starling-lm-7b-beta",
    "@cf/meta/llama-3.1-8b-instruct-fast",
    "@cf/meta/llama-3.1-70b-instruct",
    "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
    "@cf/meta/llama-3-8b-instruct",
    "@cf/meta/llama-3.1-8b-instruct",
    "@cf/meta/llama-3.2-11b-vision-instruct",
    "@hf/nousresearch/hermes-2-pro-mistral-7b",
    "@hf/thebloke/deepseek-coder-6.7b-instruct-awq",
    "@cf/deepseek-ai/deepseek-r1-distill-qwen-32b",
    "@cf/meta/llama-4-scout-17b-16e-instruct",
    "@cf/qwen/qwen2.5-coder-32b-instruct",
})

#: the input schema template each model's catalog file uses (``TEXT_GENERATION_SCHEMAS``):
#: the older template (most models) caps ``prompt`` and ``content`` at 131,072 characters and
#: takes ``top_p`` and the penalties 0-2; "older-uncapped" has no cap; the newer templates take
#: ``top_p`` 0.001-1 and the penalties -2-2 (and a content of text parts); the vision models'
#: take content parts with images
_SCHEMAS: dict[str, str] = {
    "@cf/meta/llama-3.3-70b-instruct-fp8-fast": "llama-3.3",
    **dict.fromkeys((
        "@cf/meta/llama-2-7b-chat-int8",
        "@cf/mistral/mistral-7b-instruct-v0.2-lora",
        "@hf/mistral/mistral-7b-instruct-v0.2",
        "@hf/thebloke/mistral-7b-instruct-v0.1-awq",
        "@hf/thebloke/openhermes-2.5-mistral-7b-awq",
        "@hf/thebloke/deepseek-coder-6.7b-instruct-awq",
        "@cf/deepseek-ai/deepseek-r1-distill-qwen-32b",
        "@cf/defog/sqlcoder-7b-2",
        "@cf/openchat/openchat-3.5-0106",
        "@cf/qwen/qwen1.5-7b-chat-awq",
        "@hf/nexusflow/starling-lm-7b-beta",
    ), "newer"),
    **dict.fromkeys((
        "@cf/meta/llama-3.1-8b-instruct-fp8",
        "@cf/meta/llama-2-7b-chat-fp16",
        "@cf/qwen/qwen1.5-14b-chat-awq",
        "@cf/qwen/qwen2.5-coder-32b-instruct",
        "@cf/google/gemma-2b-it-lora",
    ), "older-uncapped"),
    "@cf/meta/llama-4-scout-17b-16e-instruct": "llama-4-scout",
    **dict.fromkeys((
        "@cf/google/gemma-3-12b-it",
        "@cf/mistralai/mistral-small-3.1-24b-instruct",
        "@cf/qwen/qwq-32b",
        "@cf/meta/llama-3.2-11b-vision-instruct",
    ), "gemma-3"),
    "@cf/qwen/qwen3-30b-a3b-fp8": "qwen3-30b",  # a chat-completions model whose own schema is vendored
}

#: whose input in workerd's ai.d.ts is also an ``..._Async_Batch``
_ASYNC_BATCH = frozenset({"@cf/meta/llama-3.3-70b-instruct-fp8-fast", "@cf/meta/llama-4-scout-17b-16e-instruct",
                          "@cf/qwen/qwen3-30b-a3b-fp8"})

#: The models that take a LoRA adapter (the ``lora`` input): those whose catalog file in
#: cloudflare-docs' ``workers-ai-models`` has the property ``lora: true``, and
#: ``llama-3.2-3b-instruct``, which the live catalog lists with it and which served an uploaded
#: adapter in a user's measurement of 2026-09-20 (where ``glm-5.3-flash`` and ``qwen3-30b-a3b-fp8``
#: answered 5005). Any other text generation model given a ``lora`` answers 5005 (README).
_LORA = frozenset({
    "@cf/meta/llama-3.2-3b-instruct",
    "@cf/meta/llama-3.2-11b-vision-instruct",
    "@cf/meta-llama/llama-2-7b-chat-hf-lora",
    "@cf/mistral/mistral-7b-instruct-v0.1",
    "@cf/mistral/mistral-7b-instruct-v0.2-lora",
    "@hf/mistral/mistral-7b-instruct-v0.2",
    "@cf/mistralai/mistral-small-3.1-24b-instruct",
    "@cf/qwen/qwen2.5-coder-32b-instruct",
    "@cf/qwen/qwq-32b",
    "@hf/google/gemma-7b-it",
    "@cf/google/gemma-2b-it-lora",
    "@cf/google/gemma-7b-it-lora",
    "@cf/google/gemma-3-12b-it",
})

#: Models answering in OpenAI's chat-completions form (ai.d.ts ``ChatCompletionsOutput``):
#: their input schemas (OpenAI's request, ~330k characters each) are not vendored; the
#: "chat-completions" schema checks the prompt/messages basics (qwen3-30b's own is vendored)
_CHAT_COMPLETIONS_NAMES = (
    "@cf/qwen/qwen3-30b-a3b-fp8",
    "@cf/aisingapore/gemma-sea-lion-v4-27b-it",
    "@cf/zai-org/glm-4.7-flash",
    "@cf/moonshotai/kimi-k2.5",
    "@cf/moonshotai/kimi-k2.6",
    "@cf/moonshotai/kimi-k2.7-code",
    "@cf/ibm-granite/granite-4.0-h-micro",
    "@cf/deepseek-ai/deepseek-v4-flash-0731",
    "@cf/deepseek-ai/deepseek-v4-pro-0813",
    "@cf/zai-org/glm-5.2",
    "@cf/zai-org/glm-5.3",
    "@cf/zai-org/glm-5.3-flash",
    "@cf/qwen/qwen3.8-27b",
    "@cf/nvidia/nemotron-3-120b-a12b",
    "@cf/google/gemma-4-26b-a4b-it",
    "@cf/meta/llama-3.1-8b-fast-v2",
)

#: Models the service answers though no catalog source lists them (not in the model files, the
#: model pages or workers-types' ``AiModels``), so ``models()`` leaves them out, as the catalog
#: would. ``llama-3.1-8b-fast-v2``: the model that answers for ``llama-3.1-8b-instruct-fast``
#: (its streamed chunks name it, a user's measurement of 2026-06-15) and for the retired
#: ``llama-3.1-8b-instruct`` over the REST API (a recorded answer of 2026-10-04), called by name
#: through ``env.AI`` by public Workers since July 2026 (README, "Where we had to choose").
UNLISTED_MODELS: frozenset[str] = frozenset({"@cf/meta/llama-3.1-8b-fast-v2"})

#: Chat-completions models whose answer also carries ``response`` (the message's content; in JSON
#: Mode the JSON value): ``llama-3.1-8b-fast-v2``'s recorded answer has ``choices``, ``model``,
#: ``object``, ``response`` and ``usage``; its streamed chunks have no ``response``.
_RESPONSE_TOO = frozenset({"@cf/meta/llama-3.1-8b-fast-v2"})

TEXT_GENERATION_MODELS: dict[str, TextGenerationModel] = {
    **{name: TextGenerationModel(name, json_mode=name in _JSON_MODE, async_batch=name in _ASYNC_BATCH,
                                 lora=name in _LORA, schema=_SCHEMAS.get(name, "older"))
       for name in _TEXT_GENERATION_NAMES},
    **{name: TextGenerationModel(name, json_mode=True, result="responses", async_batch=True, schema="responses")
       for name in ("@cf/openai/gpt-oss-120b", "@cf/openai/gpt-oss-20b")},
    **{name: TextGenerationModel(name, json_mode=True, result="chat-completions", async_batch=name in _ASYNC_BATCH,
                                 schema=_SCHEMAS.get(name, "chat-completions"), response_too=name in _RESPONSE_TOO)
       for name in _CHAT_COMPLETIONS_NAMES},
}


@dataclass(frozen=True)
class RerankerModel:
    """A reranker: ``{query, contexts: [{text}], top_k?}`` -> ``{response: [{id, score}]}``,
    best first (scored offline by the default embedder's cosine; see the README)."""

    name: str
    description: str = "Reranker model"
    dimensions: int = 768  # of the offline vectors it scores with

    task = "text-classification"

    @property
    def author(self) -> str:
        return self.name.split("/")[1]


RERANKER_MODELS: dict[str, RerankerModel] = {
    m.name: m for m in (RerankerModel("@cf/baai/bge-reranker-base"),)
}

#: Catalog models of other tasks (or another result format): known to exist, not emulated.
OTHER_MODELS: dict[str, str] = {
    "@cf/huggingface/distilbert-sst-2-int8": "Text Classification",
    "@cf/stabilityai/stable-diffusion-xl-base-1.0": "Text-to-Image",
    "@cf/runwayml/stable-diffusion-v1-5-inpainting": "Text-to-Image",
    "@cf/runwayml/stable-diffusion-v1-5-img2img": "Text-to-Image",
    "@cf/lykon/dreamshaper-8-lcm": "Text-to-Image",
    "@cf/bytedance/stable-diffusion-xl-lightning": "Text-to-Image",
    "@cf/black-forest-labs/flux-1-schnell": "Text-to-Image",
    "@cf/black-forest-labs/flux-2-dev": "Text-to-Image",
    "@cf/black-forest-labs/flux-2-klein-4b": "Text-to-Image",
    "@cf/black-forest-labs/flux-2-klein-9b": "Text-to-Image",
    "@cf/leonardo/phoenix-1.0": "Text-to-Image",
    "@cf/leonardo/lucid-origin": "Text-to-Image",
    "@cf/myshell-ai/melotts": "Text-to-Speech",
    "@cf/deepgram/aura-1": "Text-to-Speech",
    "@cf/deepgram/aura-2-en": "Text-to-Speech",
    "@cf/deepgram/aura-2-es": "Text-to-Speech",
    "@cf/microsoft/resnet-50": "Image Classification",
    "@cf/facebook/bart-large-cnn": "Summarization",
    "@cf/llava-hf/llava-1.5-7b-hf": "Image-to-Text",
    "@cf/unum/uform-gen2-qwen-500m": "Image-to-Text",
    "@cf/openai/whisper": "Automatic Speech Recognition",
    "@cf/openai/whisper-tiny-en": "Automatic Speech Recognition",
    "@cf/openai/whisper-large-v3-turbo": "Automatic Speech Recognition",
    "@cf/deepgram/nova-3": "Automatic Speech Recognition",
    "@cf/deepgram/flux": "Automatic Speech Recognition",
    "@cf/nvidia/nemotron-speech-streaming-en-0.6b": "Automatic Speech Recognition",  # workers-types 5.20261117.1
    "@cf/pipecat-ai/smart-turn-v2": "Voice Activity Detection",
    "@cf/meta/m2m100-1.2b": "Translation",
    "@cf/ai4bharat/indictrans2-en-indic-1B": "Translation",
    "@cf/meta/llama-guard-3-8b": "Text Generation (safety classification result)",
    "@cf/cloudflare/clef": "Text Generation (decision model: {model, answers, usage} result)",
    "@cf/cloudflare/clef-flash": "Text Generation (decision model: {model, answers, usage} result)",
    "@cf/cloudflare/clef-omni": "Text Generation (decision model: {model, answers, usage} result)",
    "@cf/swiss-ai/apertus-v1.5-8b": "Text Generation (input schema not published)",
    "@cf/utter-project/eurollm-9b-it": "Text Generation (input schema not published)",
    "@cf/moondream/moondream3.1-9B-A2B": "Image-to-Text",
    "@cf/facebook/detr-resnet-50": "Object Detection",
}

#: Models the service retired, with the date: run() answers ``5028: <model> was deprecated on
#: <date>. See the model catalog for alternatives: ...`` (the service's text as users quote it, README).
#: The list: cloudflare-docs' ``src/util/deprecated-models.ts`` (at 11b777310074), the data of its
#: "Model Deprecations" page ("When a model is deprecated, it will no longer be available for
#: inference and existing requests will return an error"): 19 models "Already deprecated --
#: October 1, 2025" (those of the notice Cloudflare emailed in September 2025), and every model of
#: the changelog "Planned model deprecations on Workers AI" (2026-05-08-planned-model-deprecations.mdx
#: at 8440dd31962b), "deprecated on May 30, 2026", but kimi-k2.5, which is aliased (below). The
#: ``-fast`` and ``-lora`` variants stay.
DEPRECATED_MODELS: dict[str, str] = {
    **dict.fromkeys((
        "@hf/thebloke/deepseek-coder-6.7b-base-awq",
        "@hf/thebloke/deepseek-coder-6.7b-instruct-awq",
        "@cf/deepseek-ai/deepseek-math-7b-instruct",
        "@cf/thebloke/discolm-german-7b-v1-awq",
        "@cf/tiiuae/falcon-7b-instruct",
        "@hf/thebloke/llama-2-13b-chat-awq",
        "@hf/thebloke/llamaguard-7b-awq",
        "@hf/thebloke/mistral-7b-instruct-v0.1-awq",
        "@hf/thebloke/neural-chat-7b-v3-1-awq",
        "@cf/openchat/openchat-3.5-0106",
        "@hf/thebloke/openhermes-2.5-mistral-7b-awq",
        "@cf/qwen/qwen1.5-0.5b-chat",
        "@cf/qwen/qwen1.5-1.8b-chat",
        "@cf/qwen/qwen1.5-14b-chat-awq",
        "@cf/qwen/qwen1.5-7b-chat-awq",
        "@hf/nexusflow/starling-lm-7b-beta",
        "@cf/tinyllama/tinyllama-1.1b-chat-v1.0",
        "@cf/fblgit/una-cybertron-7b-v2-bf16",
        "@hf/thebloke/zephyr-7b-beta-awq",
    ), "2025-10-01"),
    **dict.fromkeys((
        "@hf/meta-llama/meta-llama-3-8b-instruct",
        "@cf/meta/llama-3-8b-instruct",
        "@cf/meta/llama-3-8b-instruct-awq",
        "@cf/meta/llama-3.1-8b-instruct",
        "@cf/meta/llama-3.1-8b-instruct-awq",
        "@cf/meta/llama-3.1-70b-instruct",
        "@cf/meta/llama-2-7b-chat-int8",
        "@cf/meta/llama-2-7b-chat-fp16",
        "@cf/mistral/mistral-7b-instruct-v0.1",
        "@hf/mistral/mistral-7b-instruct-v0.2",
        "@hf/google/gemma-7b-it",
        "@cf/google/gemma-3-12b-it",
        "@hf/nousresearch/hermes-2-pro-mistral-7b",
        "@cf/microsoft/phi-2",
        "@cf/defog/sqlcoder-7b-2",
        "@cf/unum/uform-gen2-qwen-500m",
        "@cf/facebook/bart-large-cnn",
    ), "2026-05-30"),
}

#: The name a retired model's 5028 gives it where that is not the model's own: the service's
#: internal name of ``llama-3.1-8b-instruct``, as users quote its 5028 through the binding
#: (2026-08-21) and the REST API (2026-10-02); the other retired models' quotes name them as called.
SERVICE_NAMES: dict[str, str] = {"@cf/meta/llama-3.1-8b-instruct": "@cf/meta/infire-llama-3.1-8b-instruct"}

#: Where each retirement date was announced, as a retired model's note names it.
RETIREMENT_NOTICES: dict[str, str] = {
    "2025-10-01": 'Cloudflare\'s "Model Deprecations" page',
    "2026-05-30": 'Cloudflare\'s changelog "Planned model deprecations on Workers AI"',
}

#: The "Recommended replacements" of each date's notice, in its order, with who recommends them:
#: the "Model Deprecations" page's four (cloudflare-docs ``DeprecatedModelPage.astro`` at
#: 4290c07f92de) and the 2026-05-08 changelog's three. Neither names a successor per retired model
#: (kimi-k2.5's alias aside), nor does the service's 5028, which points at the model catalog.
RECOMMENDED_REPLACEMENTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "2025-10-01": ("the page", (
        "@cf/moonshotai/kimi-k2.6",
        "@cf/zai-org/glm-4.7-flash",
        "@cf/openai/gpt-oss-120b",
        "@cf/meta/llama-4-scout-17b-16e-instruct",
    )),
    "2026-05-30": ("Cloudflare's changelog of 2026-05-08", (
        "@cf/zai-org/glm-4.7-flash",
        "@cf/google/gemma-4-26b-a4b-it",
        "@cf/moonshotai/kimi-k2.6",
    )),
}

#: Retired models whose requests the service answers with another model (same changelog: "Requests
#: will be automatically aliased to Kimi K2.6 on May 30, 2026").
ALIASED_MODELS: dict[str, str] = {"@cf/moonshotai/kimi-k2.5": "@cf/moonshotai/kimi-k2.6"}
