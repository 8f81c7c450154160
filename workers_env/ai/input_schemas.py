"""The input schemas of the emulated embedding models, as Cloudflare's catalog model files give
them (cloudflare-docs ``src/content/workers-ai-models/<model>.json``, ``schema.input``, at the commits
named; descriptions and titles left out). bge-small and bge-large share bge-base's schema
(the same template, the same limits). Text generation models share a few schemas, one per
template the catalog files use (``catalog.TextGenerationModel.schema`` names each model's). :mod:`workers_env.ai.cabidela` checks inputs against them."""

from __future__ import annotations

from typing import Any

__all__ = ["EMBEDDING_SCHEMAS", "TEXT_GENERATION_SCHEMAS"]

EMBEDDING_SCHEMAS: dict[str, dict[str, Any]] = {
    # bge-base-en-v1.5.json at 0f82325bad9e
    "bge": {
        "type": "object",
        "oneOf": [
            {
                "properties": {
                    "text": {
                        "oneOf": [
                            {"type": "string", "minLength": 1},
                            {
                                "type": "array",
                                "items": {"type": "string", "minLength": 1},
                                "maxItems": 100,
                            },
                        ]
                    },
                    "pooling": {
                        "type": "string",
                        "enum": ["mean", "cls"],
                        "default": "mean",
                    },
                },
                "required": ["text"],
            },
            {
                "properties": {
                    "requests": {
                        "type": "array",
                        "items": {
                            "properties": {
                                "text": {
                                    "oneOf": [
                                        {"type": "string", "minLength": 1},
                                        {
                                            "type": "array",
                                            "items": {"type": "string", "minLength": 1},
                                            "maxItems": 100,
                                        },
                                    ]
                                },
                                "pooling": {
                                    "type": "string",
                                    "enum": ["mean", "cls"],
                                    "default": "mean",
                                },
                            },
                            "required": ["text"],
                        },
                    }
                },
                "required": ["requests"],
            },
        ],
    },
    # bge-m3.json at 17331b86400e
    "bge-m3": {
        "type": "object",
        "oneOf": [
            {
                "properties": {
                    "query": {"type": "string", "minLength": 1},
                    "contexts": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {"text": {"type": "string", "minLength": 1}},
                        },
                    },
                    "truncate_inputs": {"type": "boolean", "default": False},
                },
                "required": ["contexts"],
            },
            {
                "properties": {
                    "text": {
                        "oneOf": [
                            {"type": "string", "minLength": 1},
                            {
                                "type": "array",
                                "items": {"type": "string", "minLength": 1},
                                "maxItems": 100,
                            },
                        ]
                    },
                    "truncate_inputs": {"type": "boolean", "default": False},
                },
                "required": ["text"],
            },
            {
                "properties": {
                    "requests": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "oneOf": [
                                {
                                    "properties": {
                                        "query": {"type": "string", "minLength": 1},
                                        "contexts": {
                                            "type": "array",
                                            "items": {
                                                "type": "object",
                                                "properties": {
                                                    "text": {
                                                        "type": "string",
                                                        "minLength": 1,
                                                    }
                                                },
                                            },
                                        },
                                        "truncate_inputs": {
                                            "type": "boolean",
                                            "default": False,
                                        },
                                    },
                                    "required": ["contexts"],
                                },
                                {
                                    "properties": {
                                        "text": {
                                            "oneOf": [
                                                {"type": "string", "minLength": 1},
                                                {
                                                    "type": "array",
                                                    "items": {
                                                        "type": "string",
                                                        "minLength": 1,
                                                    },
                                                    "maxItems": 100,
                                                },
                                            ]
                                        },
                                        "truncate_inputs": {
                                            "type": "boolean",
                                            "default": False,
                                        },
                                    },
                                    "required": ["text"],
                                },
                            ],
                        },
                    }
                },
                "required": ["requests"],
            },
        ],
    },
    # embeddinggemma-300m.json at a782d420539d
    "embeddinggemma": {
        "type": "object",
        "properties": {
            "text": {
                "oneOf": [
                    {"type": "string", "minLength": 1},
                    {
                        "type": "array",
                        "items": {"type": "string", "minLength": 1},
                        "maxItems": 100,
                    },
                ]
            }
        },
        "required": ["text"],
    },
    # qwen3-embedding-0.6b.json at 8cd2f796464f
    "qwen3-embedding": {
        "type": "object",
        "properties": {
            "queries": {
                "oneOf": [
                    {"type": "string", "minLength": 1},
                    {
                        "type": "array",
                        "items": {"type": "string", "minLength": 1},
                        "maxItems": 32,
                    },
                ]
            },
            "instruction": {
                "type": "string",
                "default": "Given a web search query, retrieve relevant passages that answer the query",
            },
            "documents": {
                "oneOf": [
                    {"type": "string", "minLength": 1},
                    {
                        "type": "array",
                        "items": {"type": "string", "minLength": 1},
                        "maxItems": 32,
                    },
                ]
            },
            "text": {
                "oneOf": [
                    {"type": "string", "minLength": 1},
                    {
                        "type": "array",
                        "items": {"type": "string", "minLength": 1},
                        "maxItems": 32,
                    },
                ]
            },
        },
    },
    # plamo-embedding-1b.json at 05b5f46cc674
    "plamo-embedding": {
        "type": "object",
        "properties": {
            "text": {
                "oneOf": [
                    {"type": "string"},
                    {"type": "array", "items": {"type": "string"}},
                ]
            }
        },
        "required": ["text"],
    },
}


TEXT_GENERATION_SCHEMAS: dict[str, dict[str, Any]] = {
    # llama-3.1-8b-instruct.json at a7f17ac14f8d
    "older": {
        "type": "object",
        "oneOf": [
            {
                "properties": {
                    "prompt": {"type": "string", "minLength": 1, "maxLength": 131072},
                    "raw": {"type": "boolean", "default": False},
                    "stream": {"type": "boolean", "default": False},
                    "max_tokens": {"type": "integer", "default": 256},
                    "temperature": {
                        "type": "number",
                        "default": 0.6,
                        "minimum": 0,
                        "maximum": 5,
                    },
                    "top_p": {"type": "number", "minimum": 0, "maximum": 2},
                    "top_k": {"type": "integer", "minimum": 1, "maximum": 50},
                    "seed": {"type": "integer", "minimum": 1, "maximum": 9999999999},
                    "repetition_penalty": {
                        "type": "number",
                        "minimum": 0,
                        "maximum": 2,
                    },
                    "frequency_penalty": {"type": "number", "minimum": 0, "maximum": 2},
                    "presence_penalty": {"type": "number", "minimum": 0, "maximum": 2},
                    "lora": {"type": "string"},
                },
                "required": ["prompt"],
            },
            {
                "properties": {
                    "messages": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "role": {"type": "string"},
                                "content": {"type": "string", "maxLength": 131072},
                            },
                            "required": ["role", "content"],
                        },
                    },
                    "functions": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "name": {"type": "string"},
                                "code": {"type": "string"},
                            },
                            "required": ["name", "code"],
                        },
                    },
                    "tools": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "oneOf": [
                                {
                                    "properties": {
                                        "name": {"type": "string"},
                                        "parameters": {
                                            "type": "object",
                                            "properties": {
                                                "type": {"type": "string"},
                                                "required": {
                                                    "type": "array",
                                                    "items": {"type": "string"},
                                                },
                                                "properties": {
                                                    "type": "object",
                                                    "additionalProperties": {
                                                        "type": "object",
                                                        "properties": {
                                                            "type": {"type": "string"}
                                                        },
                                                        "required": [
                                                            "type",
                                                            "description",
                                                        ],
                                                    },
                                                },
                                            },
                                            "required": ["type", "properties"],
                                        },
                                    },
                                    "required": ["name", "description", "parameters"],
                                },
                                {
                                    "properties": {
                                        "type": {"type": "string"},
                                        "function": {
                                            "type": "object",
                                            "properties": {
                                                "name": {"type": "string"},
                                                "parameters": {
                                                    "type": "object",
                                                    "properties": {
                                                        "type": {"type": "string"},
                                                        "required": {
                                                            "type": "array",
                                                            "items": {"type": "string"},
                                                        },
                                                        "properties": {
                                                            "type": "object",
                                                            "additionalProperties": {
                                                                "type": "object",
                                                                "properties": {
                                                                    "type": {
                                                                        "type": "string"
                                                                    }
                                                                },
                                                                "required": [
                                                                    "type",
                                                                    "description",
                                                                ],
                                                            },
                                                        },
                                                    },
                                                    "required": ["type", "properties"],
                                                },
                                            },
                                            "required": [
                                                "name",
                                                "description",
                                                "parameters",
                                            ],
                                        },
                                    },
                                    "required": ["type", "function"],
                                },
                            ],
                        },
                    },
                    "stream": {"type": "boolean", "default": False},
                    "max_tokens": {"type": "integer", "default": 256},
                    "temperature": {
                        "type": "number",
                        "default": 0.6,
                        "minimum": 0,
                        "maximum": 5,
                    },
                    "top_p": {"type": "number", "minimum": 0, "maximum": 2},
                    "top_k": {"type": "integer", "minimum": 1, "maximum": 50},
                    "seed": {"type": "integer", "minimum": 1, "maximum": 9999999999},
                    "repetition_penalty": {
                        "type": "number",
                        "minimum": 0,
                        "maximum": 2,
                    },
                    "frequency_penalty": {"type": "number", "minimum": 0, "maximum": 2},
                    "presence_penalty": {"type": "number", "minimum": 0, "maximum": 2},
                },
                "required": ["messages"],
            },
        ],
    },
    # llama-3.1-8b-instruct-fp8.json at 0f6b7e628f05
    "older-uncapped": {
        "type": "object",
        "oneOf": [
            {
                "properties": {
                    "prompt": {"type": "string", "minLength": 1},
                    "lora": {"type": "string"},
                    "response_format": {
                        "type": "object",
                        "properties": {
                            "type": {
                                "type": "string",
                                "enum": ["json_object", "json_schema"],
                            },
                            "json_schema": {},
                        },
                    },
                    "raw": {"type": "boolean", "default": False},
                    "stream": {"type": "boolean", "default": False},
                    "max_tokens": {"type": "integer", "default": 256},
                    "temperature": {
                        "type": "number",
                        "default": 0.6,
                        "minimum": 0,
                        "maximum": 5,
                    },
                    "top_p": {"type": "number", "minimum": 0, "maximum": 2},
                    "top_k": {"type": "integer", "minimum": 1, "maximum": 50},
                    "seed": {"type": "integer", "minimum": 1, "maximum": 9999999999},
                    "repetition_penalty": {
                        "type": "number",
                        "minimum": 0,
                        "maximum": 2,
                    },
                    "frequency_penalty": {"type": "number", "minimum": 0, "maximum": 2},
                    "presence_penalty": {"type": "number", "minimum": 0, "maximum": 2},
                },
                "required": ["prompt"],
            },
            {
                "properties": {
                    "messages": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "role": {"type": "string"},
                                "content": {"type": "string"},
                            },
                            "required": ["role", "content"],
                        },
                    },
                    "functions": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "name": {"type": "string"},
                                "code": {"type": "string"},
                            },
                            "required": ["name", "code"],
                        },
                    },
                    "tools": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "oneOf": [
                                {
                                    "properties": {
                                        "name": {"type": "string"},
                                        "parameters": {
                                            "type": "object",
                                            "properties": {
                                                "type": {"type": "string"},
                                                "required": {
                                                    "type": "array",
                                                    "items": {"type": "string"},
                                                },
                                                "properties": {
                                                    "type": "object",
                                                    "additionalProperties": {
                                                        "type": "object",
                                                        "properties": {
                                                            "type": {"type": "string"}
                                                        },
                                                        "required": [
                                                            "type",
                                                            "description",
                                                        ],
                                                    },
                                                },
                                            },
                                            "required": ["type", "properties"],
                                        },
                                    },
                                    "required": ["name", "description", "parameters"],
                                },
                                {
                                    "properties": {
                                        "type": {"type": "string"},
                                        "function": {
                                            "type": "object",
                                            "properties": {
                                                "name": {"type": "string"},
                                                "parameters": {
                                                    "type": "object",
                                                    "properties": {
                                                        "type": {"type": "string"},
                                                        "required": {
                                                            "type": "array",
                                                            "items": {"type": "string"},
                                                        },
                                                        "properties": {
                                                            "type": "object",
                                                            "additionalProperties": {
                                                                "type": "object",
                                                                "properties": {
                                                                    "type": {
                                                                        "type": "string"
                                                                    }
                                                                },
                                                                "required": [
                                                                    "type",
                                                                    "description",
                                                                ],
                                                            },
                                                        },
                                                    },
                                                    "required": ["type", "properties"],
                                                },
                                            },
                                            "required": [
                                                "name",
                                                "description",
                                                "parameters",
                                            ],
                                        },
                                    },
                                    "required": ["type", "function"],
                                },
                            ],
                        },
                    },
                    "response_format": {
                        "type": "object",
                        "properties": {
                            "type": {
                                "type": "string",
                                "enum": ["json_object", "json_schema"],
                            },
                            "json_schema": {},
                        },
                    },
                    "raw": {"type": "boolean", "default": False},
                    "stream": {"type": "boolean", "default": False},
                    "max_tokens": {"type": "integer", "default": 256},
                    "temperature": {
                        "type": "number",
                        "default": 0.6,
                        "minimum": 0,
                        "maximum": 5,
                    },
                    "top_p": {"type": "number", "minimum": 0, "maximum": 2},
                    "top_k": {"type": "integer", "minimum": 1, "maximum": 50},
                    "seed": {"type": "integer", "minimum": 1, "maximum": 9999999999},
                    "repetition_penalty": {
                        "type": "number",
                        "minimum": 0,
                        "maximum": 2,
                    },
                    "frequency_penalty": {"type": "number", "minimum": 0, "maximum": 2},
                    "presence_penalty": {"type": "number", "minimum": 0, "maximum": 2},
                },
                "required": ["messages"],
            },
        ],
    },
    # deepseek-r1-distill-qwen-32b.json at 08f6e6119ec6
    "newer": {
        "type": "object",
        "oneOf": [
            {
                "properties": {
                    "prompt": {"type": "string", "minLength": 1},
                    "lora": {"type": "string"},
                    "response_format": {
                        "type": "object",
                        "properties": {
                            "type": {
                                "type": "string",
                                "enum": ["json_object", "json_schema"],
                            },
                            "json_schema": {},
                        },
                    },
                    "raw": {"type": "boolean", "default": False},
                    "stream": {"type": "boolean", "default": False},
                    "max_tokens": {"type": "integer", "default": 256},
                    "temperature": {
                        "type": "number",
                        "default": 0.6,
                        "minimum": 0,
                        "maximum": 5,
                    },
                    "top_p": {"type": "number", "minimum": 0.001, "maximum": 1},
                    "top_k": {"type": "integer", "minimum": 1, "maximum": 50},
                    "seed": {"type": "integer", "minimum": 1, "maximum": 9999999999},
                    "repetition_penalty": {
                        "type": "number",
                        "minimum": 0,
                        "maximum": 2,
                    },
                    "frequency_penalty": {
                        "type": "number",
                        "minimum": -2,
                        "maximum": 2,
                    },
                    "presence_penalty": {"type": "number", "minimum": -2, "maximum": 2},
                },
                "required": ["prompt"],
            },
            {
                "properties": {
                    "messages": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "role": {"type": "string"},
                                "content": {
                                    "oneOf": [
                                        {"type": "string"},
                                        {
                                            "type": "array",
                                            "items": {
                                                "type": "object",
                                                "properties": {
                                                    "type": {"type": "string"},
                                                    "text": {"type": "string"},
                                                },
                                            },
                                        },
                                    ]
                                },
                            },
                            "required": ["role", "content"],
                        },
                    },
                    "functions": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "name": {"type": "string"},
                                "code": {"type": "string"},
                            },
                            "required": ["name", "code"],
                        },
                    },
                    "tools": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "oneOf": [
                                {
                                    "properties": {
                                        "name": {"type": "string"},
                                        "parameters": {
                                            "type": "object",
                                            "properties": {
                                                "type": {"type": "string"},
                                                "required": {
                                                    "type": "array",
                                                    "items": {"type": "string"},
                                                },
                                                "properties": {
                                                    "type": "object",
                                                    "additionalProperties": {
                                                        "type": "object",
                                                        "properties": {
                                                            "type": {"type": "string"}
                                                        },
                                                        "required": [
                                                            "type",
                                                            "description",
                                                        ],
                                                    },
                                                },
                                            },
                                            "required": ["type", "properties"],
                                        },
                                    },
                                    "required": ["name", "description", "parameters"],
                                },
                                {
                                    "properties": {
                                        "type": {"type": "string"},
                                        "function": {
                                            "type": "object",
                                            "properties": {
                                                "name": {"type": "string"},
                                                "parameters": {
                                                    "type": "object",
                                                    "properties": {
                                                        "type": {"type": "string"},
                                                        "required": {
                                                            "type": "array",
                                                            "items": {"type": "string"},
                                                        },
                                                        "properties": {
                                                            "type": "object",
                                                            "additionalProperties": {
                                                                "type": "object",
                                                                "properties": {
                                                                    "type": {
                                                                        "type": "string"
                                                                    }
                                                                },
                                                                "required": [
                                                                    "type",
                                                                    "description",
                                                                ],
                                                            },
                                                        },
                                                    },
                                                    "required": ["type", "properties"],
                                                },
                                            },
                                            "required": [
                                                "name",
                                                "description",
                                                "parameters",
                                            ],
                                        },
                                    },
                                    "required": ["type", "function"],
                                },
                            ],
                        },
                    },
                    "response_format": {
                        "type": "object",
                        "properties": {
                            "type": {
                                "type": "string",
                                "enum": ["json_object", "json_schema"],
                            },
                            "json_schema": {},
                        },
                    },
                    "raw": {"type": "boolean", "default": False},
                    "stream": {"type": "boolean", "default": False},
                    "max_tokens": {"type": "integer", "default": 256},
                    "temperature": {
                        "type": "number",
                        "default": 0.6,
                        "minimum": 0,
                        "maximum": 5,
                    },
                    "top_p": {"type": "number", "minimum": 0.001, "maximum": 1},
                    "top_k": {"type": "integer", "minimum": 1, "maximum": 50},
                    "seed": {"type": "integer", "minimum": 1, "maximum": 9999999999},
                    "repetition_penalty": {
                        "type": "number",
                        "minimum": 0,
                        "maximum": 2,
                    },
                    "frequency_penalty": {
                        "type": "number",
                        "minimum": -2,
                        "maximum": 2,
                    },
                    "presence_penalty": {"type": "number", "minimum": -2, "maximum": 2},
                },
                "required": ["messages"],
            },
        ],
    },
    # llama-3.3-70b-instruct-fp8-fast.json at 158889159923
    "llama-3.3": {
        "type": "object",
        "oneOf": [
            {
                "properties": {
                    "prompt": {"type": "string", "minLength": 1},
                    "lora": {"type": "string"},
                    "response_format": {
                        "type": "object",
                        "properties": {
                            "type": {
                                "type": "string",
                                "enum": ["json_object", "json_schema"],
                            },
                            "json_schema": {},
                        },
                    },
                    "raw": {"type": "boolean", "default": False},
                    "stream": {"type": "boolean", "default": False},
                    "max_tokens": {"type": "integer", "default": 256},
                    "temperature": {
                        "type": "number",
                        "default": 0.6,
                        "minimum": 0,
                        "maximum": 5,
                    },
                    "top_p": {"type": "number", "minimum": 0.001, "maximum": 1},
                    "top_k": {"type": "integer", "minimum": 1, "maximum": 50},
                    "seed": {"type": "integer", "minimum": 1, "maximum": 9999999999},
                    "repetition_penalty": {
                        "type": "number",
                        "minimum": 0,
                        "maximum": 2,
                    },
                    "frequency_penalty": {
                        "type": "number",
                        "minimum": -2,
                        "maximum": 2,
                    },
                    "presence_penalty": {"type": "number", "minimum": -2, "maximum": 2},
                },
                "required": ["prompt"],
            },
            {
                "properties": {
                    "messages": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "role": {"type": "string"},
                                "content": {"type": "string"},
                            },
                            "required": ["role", "content"],
                        },
                    },
                    "functions": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "name": {"type": "string"},
                                "code": {"type": "string"},
                            },
                            "required": ["name", "code"],
                        },
                    },
                    "tools": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "oneOf": [
                                {
                                    "properties": {
                                        "name": {"type": "string"},
                                        "parameters": {
                                            "type": "object",
                                            "properties": {
                                                "type": {"type": "string"},
                                                "required": {
                                                    "type": "array",
                                                    "items": {"type": "string"},
                                                },
                                                "properties": {
                                                    "type": "object",
                                                    "additionalProperties": {
                                                        "type": "object",
                                                        "properties": {
                                                            "type": {"type": "string"}
                                                        },
                                                        "required": [
                                                            "type",
                                                            "description",
                                                        ],
                                                    },
                                                },
                                            },
                                            "required": ["type", "properties"],
                                        },
                                    },
                                    "required": ["name", "description", "parameters"],
                                },
                                {
                                    "properties": {
                                        "type": {"type": "string"},
                                        "function": {
                                            "type": "object",
                                            "properties": {
                                                "name": {"type": "string"},
                                                "parameters": {
                                                    "type": "object",
                                                    "properties": {
                                                        "type": {"type": "string"},
                                                        "required": {
                                                            "type": "array",
                                                            "items": {"type": "string"},
                                                        },
                                                        "properties": {
                                                            "type": "object",
                                                            "additionalProperties": {
                                                                "type": "object",
                                                                "properties": {
                                                                    "type": {
                                                                        "type": "string"
                                                                    }
                                                                },
                                                                "required": [
                                                                    "type",
                                                                    "description",
                                                                ],
                                                            },
                                                        },
                                                    },
                                                    "required": ["type", "properties"],
                                                },
                                            },
                                            "required": [
                                                "name",
                                                "description",
                                                "parameters",
                                            ],
                                        },
                                    },
                                    "required": ["type", "function"],
                                },
                            ],
                        },
                    },
                    "response_format": {
                        "type": "object",
                        "properties": {
                            "type": {
                                "type": "string",
                                "enum": ["json_object", "json_schema"],
                            },
                            "json_schema": {},
                        },
                    },
                    "raw": {"type": "boolean", "default": False},
                    "stream": {"type": "boolean", "default": False},
                    "max_tokens": {"type": "integer", "default": 256},
                    "temperature": {
                        "type": "number",
                        "default": 0.6,
                        "minimum": 0,
                        "maximum": 5,
                    },
                    "top_p": {"type": "number", "minimum": 0.001, "maximum": 1},
                    "top_k": {"type": "integer", "minimum": 1, "maximum": 50},
                    "seed": {"type": "integer", "minimum": 1, "maximum": 9999999999},
                    "repetition_penalty": {
                        "type": "number",
                        "minimum": 0,
                        "maximum": 2,
                    },
                    "frequency_penalty": {
                        "type": "number",
                        "minimum": -2,
                        "maximum": 2,
                    },
                    "presence_penalty": {"type": "number", "minimum": -2, "maximum": 2},
                },
                "required": ["messages"],
            },
            {
                "type": "object",
                "properties": {
                    "requests": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "external_reference": {"type": "string"},
                                "prompt": {"type": "string", "minLength": 1},
                                "stream": {"type": "boolean", "default": False},
                                "max_tokens": {"type": "integer", "default": 256},
                                "temperature": {
                                    "type": "number",
                                    "default": 0.6,
                                    "minimum": 0,
                                    "maximum": 5,
                                },
                                "top_p": {"type": "number", "minimum": 0, "maximum": 2},
                                "seed": {
                                    "type": "integer",
                                    "minimum": 1,
                                    "maximum": 9999999999,
                                },
                                "repetition_penalty": {
                                    "type": "number",
                                    "minimum": 0,
                                    "maximum": 2,
                                },
                                "frequency_penalty": {
                                    "type": "number",
                                    "minimum": 0,
                                    "maximum": 2,
                                },
                                "presence_penalty": {
                                    "type": "number",
                                    "minimum": 0,
                                    "maximum": 2,
                                },
                                "response_format": {
                                    "type": "object",
                                    "properties": {
                                        "type": {
                                            "type": "string",
                                            "enum": ["json_object", "json_schema"],
                                        },
                                        "json_schema": {},
                                    },
                                },
                            },
                        },
                    }
                },
            },
        ],
    },
    # llama-4-scout-17b-16e-instruct.json at 067fce3be998
    "llama-4-scout": {
        "type": "object",
        "oneOf": [
            {
                "properties": {
                    "prompt": {"type": "string", "minLength": 1},
                    "guided_json": {"type": "object"},
                    "response_format": {
                        "type": "object",
                        "properties": {
                            "type": {
                                "type": "string",
                                "enum": ["json_object", "json_schema"],
                            },
                            "json_schema": {},
                        },
                    },
                    "raw": {"type": "boolean", "default": False},
                    "stream": {"type": "boolean", "default": False},
                    "max_tokens": {"type": "integer", "default": 256},
                    "temperature": {
                        "type": "number",
                        "default": 0.15,
                        "minimum": 0,
                        "maximum": 5,
                    },
                    "top_p": {"type": "number", "minimum": 0, "maximum": 2},
                    "top_k": {"type": "integer", "minimum": 1, "maximum": 50},
                    "seed": {"type": "integer", "minimum": 1, "maximum": 9999999999},
                    "repetition_penalty": {
                        "type": "number",
                        "minimum": 0,
                        "maximum": 2,
                    },
                    "frequency_penalty": {"type": "number", "minimum": 0, "maximum": 2},
                    "presence_penalty": {"type": "number", "minimum": 0, "maximum": 2},
                },
                "required": ["prompt"],
            },
            {
                "properties": {
                    "messages": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "role": {"type": "string"},
                                "tool_call_id": {
                                    "type": "string",
                                    "pattern": "[a-zA-Z0-9]{9}",
                                },
                                "content": {
                                    "oneOf": [
                                        {"type": "string"},
                                        {
                                            "type": "array",
                                            "items": {
                                                "type": "object",
                                                "properties": {
                                                    "type": {"type": "string"},
                                                    "text": {"type": "string"},
                                                    "image_url": {
                                                        "type": "object",
                                                        "properties": {
                                                            "url": {
                                                                "type": "string",
                                                                "pattern": "^data:*",
                                                            }
                                                        },
                                                    },
                                                },
                                            },
                                        },
                                        {
                                            "type": "object",
                                            "properties": {
                                                "type": {"type": "string"},
                                                "text": {"type": "string"},
                                                "image_url": {
                                                    "type": "object",
                                                    "properties": {
                                                        "url": {
                                                            "type": "string",
                                                            "pattern": "^data:*",
                                                        }
                                                    },
                                                },
                                            },
                                        },
                                    ]
                                },
                            },
                        },
                    },
                    "functions": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "name": {"type": "string"},
                                "code": {"type": "string"},
                            },
                            "required": ["name", "code"],
                        },
                    },
                    "tools": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "oneOf": [
                                {
                                    "properties": {
                                        "name": {"type": "string"},
                                        "parameters": {
                                            "type": "object",
                                            "properties": {
                                                "type": {"type": "string"},
                                                "required": {
                                                    "type": "array",
                                                    "items": {"type": "string"},
                                                },
                                                "properties": {
                                                    "type": "object",
                                                    "additionalProperties": {
                                                        "type": "object",
                                                        "properties": {
                                                            "type": {"type": "string"}
                                                        },
                                                        "required": [
                                                            "type",
                                                            "description",
                                                        ],
                                                    },
                                                },
                                            },
                                            "required": ["type", "properties"],
                                        },
                                    },
                                    "required": ["name", "description", "parameters"],
                                },
                                {
                                    "properties": {
                                        "type": {"type": "string"},
                                        "function": {
                                            "type": "object",
                                            "properties": {
                                                "name": {"type": "string"},
                                                "parameters": {
                                                    "type": "object",
                                                    "properties": {
                                                        "type": {"type": "string"},
                                                        "required": {
                                                            "type": "array",
                                                            "items": {"type": "string"},
                                                        },
                                                        "properties": {
                                                            "type": "object",
                                                            "additionalProperties": {
                                                                "type": "object",
                                                                "properties": {
                                                                    "type": {
                                                                        "type": "string"
                                                                    }
                                                                },
                                                                "required": [
                                                                    "type",
                                                                    "description",
                                                                ],
                                                            },
                                                        },
                                                    },
                                                    "required": ["type", "properties"],
                                                },
                                            },
                                            "required": [
                                                "name",
                                                "description",
                                                "parameters",
                                            ],
                                        },
                                    },
                                    "required": ["type", "function"],
                                },
                            ],
                        },
                    },
                    "response_format": {
                        "type": "object",
                        "properties": {
                            "type": {
                                "type": "string",
                                "enum": ["json_object", "json_schema"],
                            },
                            "json_schema": {},
                        },
                    },
                    "guided_json": {"type": "object"},
                    "raw": {"type": "boolean", "default": False},
                    "stream": {"type": "boolean", "default": False},
                    "max_tokens": {"type": "integer", "default": 256},
                    "temperature": {
                        "type": "number",
                        "default": 0.15,
                        "minimum": 0,
                        "maximum": 5,
                    },
                    "top_p": {"type": "number", "minimum": 0, "maximum": 2},
                    "top_k": {"type": "integer", "minimum": 1, "maximum": 50},
                    "seed": {"type": "integer", "minimum": 1, "maximum": 9999999999},
                    "repetition_penalty": {
                        "type": "number",
                        "minimum": 0,
                        "maximum": 2,
                    },
                    "frequency_penalty": {"type": "number", "minimum": 0, "maximum": 2},
                    "presence_penalty": {"type": "number", "minimum": 0, "maximum": 2},
                },
                "required": ["messages"],
            },
        ],
    },
    # gemma-3-12b-it.json at 0f82325bad9e
    "gemma-3": {
        "type": "object",
        "oneOf": [
            {
                "properties": {
                    "prompt": {"type": "string", "minLength": 1},
                    "guided_json": {"type": "object"},
                    "raw": {"type": "boolean", "default": False},
                    "stream": {"type": "boolean", "default": False},
                    "max_tokens": {"type": "integer", "default": 256},
                    "temperature": {
                        "type": "number",
                        "default": 0.6,
                        "minimum": 0,
                        "maximum": 5,
                    },
                    "top_p": {"type": "number", "minimum": 0, "maximum": 2},
                    "top_k": {"type": "integer", "minimum": 1, "maximum": 50},
                    "seed": {"type": "integer", "minimum": 1, "maximum": 9999999999},
                    "repetition_penalty": {
                        "type": "number",
                        "minimum": 0,
                        "maximum": 2,
                    },
                    "frequency_penalty": {"type": "number", "minimum": 0, "maximum": 2},
                    "presence_penalty": {"type": "number", "minimum": 0, "maximum": 2},
                },
                "required": ["prompt"],
            },
            {
                "properties": {
                    "messages": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "role": {"type": "string"},
                                "content": {
                                    "oneOf": [
                                        {"type": "string"},
                                        {
                                            "type": "array",
                                            "items": {
                                                "type": "object",
                                                "properties": {
                                                    "type": {"type": "string"},
                                                    "text": {"type": "string"},
                                                    "image_url": {
                                                        "type": "object",
                                                        "properties": {
                                                            "url": {
                                                                "type": "string",
                                                                "pattern": "^data:*",
                                                            }
                                                        },
                                                    },
                                                },
                                            },
                                        },
                                        {
                                            "type": "object",
                                            "properties": {
                                                "type": {"type": "string"},
                                                "text": {"type": "string"},
                                                "image_url": {
                                                    "type": "object",
                                                    "properties": {
                                                        "url": {
                                                            "type": "string",
                                                            "pattern": "^data:*",
                                                        }
                                                    },
                                                },
                                            },
                                        },
                                    ]
                                },
                            },
                        },
                    },
                    "functions": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "name": {"type": "string"},
                                "code": {"type": "string"},
                            },
                            "required": ["name", "code"],
                        },
                    },
                    "tools": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "oneOf": [
                                {
                                    "properties": {
                                        "name": {"type": "string"},
                                        "parameters": {
                                            "type": "object",
                                            "properties": {
                                                "type": {"type": "string"},
                                                "required": {
                                                    "type": "array",
                                                    "items": {"type": "string"},
                                                },
                                                "properties": {
                                                    "type": "object",
                                                    "additionalProperties": {
                                                        "type": "object",
                                                        "properties": {
                                                            "type": {"type": "string"}
                                                        },
                                                        "required": [
                                                            "type",
                                                            "description",
                                                        ],
                                                    },
                                                },
                                            },
                                            "required": ["type", "properties"],
                                        },
                                    },
                                    "required": ["name", "description", "parameters"],
                                },
                                {
                                    "properties": {
                                        "type": {"type": "string"},
                                        "function": {
                                            "type": "object",
                                            "properties": {
                                                "name": {"type": "string"},
                                                "parameters": {
                                                    "type": "object",
                                                    "properties": {
                                                        "type": {"type": "string"},
                                                        "required": {
                                                            "type": "array",
                                                            "items": {"type": "string"},
                                                        },
                                                        "properties": {
                                                            "type": "object",
                                                            "additionalProperties": {
                                                                "type": "object",
                                                                "properties": {
                                                                    "type": {
                                                                        "type": "string"
                                                                    }
                                                                },
                                                                "required": [
                                                                    "type",
                                                                    "description",
                                                                ],
                                                            },
                                                        },
                                                    },
                                                    "required": ["type", "properties"],
                                                },
                                            },
                                            "required": [
                                                "name",
                                                "description",
                                                "parameters",
                                            ],
                                        },
                                    },
                                    "required": ["type", "function"],
                                },
                            ],
                        },
                    },
                    "guided_json": {"type": "object"},
                    "raw": {"type": "boolean", "default": False},
                    "stream": {"type": "boolean", "default": False},
                    "max_tokens": {"type": "integer", "default": 256},
                    "temperature": {
                        "type": "number",
                        "default": 0.6,
                        "minimum": 0,
                        "maximum": 5,
                    },
                    "top_p": {"type": "number", "minimum": 0, "maximum": 2},
                    "top_k": {"type": "integer", "minimum": 1, "maximum": 50},
                    "seed": {"type": "integer", "minimum": 1, "maximum": 9999999999},
                    "repetition_penalty": {
                        "type": "number",
                        "minimum": 0,
                        "maximum": 2,
                    },
                    "frequency_penalty": {"type": "number", "minimum": 0, "maximum": 2},
                    "presence_penalty": {"type": "number", "minimum": 0, "maximum": 2},
                },
                "required": ["messages"],
            },
        ],
    },
}
