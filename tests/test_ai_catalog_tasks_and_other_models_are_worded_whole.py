"""The catalog's words that reach Worker code, pinned whole: ``env.AI.models()``' ``task`` of each
of the three emulated tasks (id, name and description as Cloudflare's catalog gives them: a
model's ``task`` in its cloudflare-docs file, e.g. distilbert-sst-2-int8's "Text
Classification"), and the refusal of each catalog model of another task or result form, named
with its task (but the two retired ones, bart-large-cnn and uform-gen2-qwen-500m: 5028 first)."""

from __future__ import annotations

import asyncio

import pytest
from ai_helpers import ai_env, run

from workers_env import NotEmulatedError

TASKS = {
    "@cf/baai/bge-small-en-v1.5": {
        "id": "0137cdcf-162a-4108-94f2-1ca59e8c65ee", "name": "Text Embeddings",
        "description": "Feature extraction models transform raw data into numerical features that can be processed "
                       "while preserving the information in the original dataset. These models are ideal as part of "
                       "building vector search applications or Retrieval Augmented Generation workflows with Large "
                       "Language Models (LLM)."},
    "@cf/meta/llama-3.1-8b-instruct-fast": {
        "id": "c329a1f9-323d-4e91-b2aa-582dd4188d34", "name": "Text Generation",
        "description": "Family of generative text models, such as large language models (LLM), that can be adapted "
                       "for a variety of natural language tasks."},
    "@cf/baai/bge-reranker-base": {
        "id": "19606750-23ed-4371-aab2-c20349b53a60", "name": "Text Classification",
        "description": "Sentiment analysis or text classification is a common NLP task that classifies a text input "
                       "into labels or classes."},
}

OTHER_MODELS = [
    ('@cf/huggingface/distilbert-sst-2-int8', 'Text Classification'),
    ('@cf/stabilityai/stable-diffusion-xl-base-1.0', 'Text-to-Image'),
    ('@cf/runwayml/stable-diffusion-v1-5-inpainting', 'Text-to-Image'),
    ('@cf/runwayml/stable-diffusion-v1-5-img2img', 'Text-to-Image'),
    ('@cf/lykon/dreamshaper-8-lcm', 'Text-to-Image'),
    ('@cf/bytedance/stable-diffusion-xl-lightning', 'Text-to-Image'),
    ('@cf/black-forest-labs/flux-1-schnell', 'Text-to-Image'),
    ('@cf/black-forest-labs/flux-2-dev', 'Text-to-Image'),
    ('@cf/black-forest-labs/flux-2-klein-4b', 'Text-to-Image'),
    ('@cf/black-forest-labs/flux-2-klein-9b', 'Text-to-Image'),
    ('@cf/leonardo/phoenix-1.0', 'Text-to-Image'),
    ('@cf/leonardo/lucid-origin', 'Text-to-Image'),
    ('@cf/myshell-ai/melotts', 'Text-to-Speech'),
    ('@cf/deepgram/aura-1', 'Text-to-Speech'),
    ('@cf/deepgram/aura-2-en', 'Text-to-Speech'),
    ('@cf/deepgram/aura-2-es', 'Text-to-Speech'),
    ('@cf/microsoft/resnet-50', 'Image Classification'),
    ('@cf/llava-hf/llava-1.5-7b-hf', 'Image-to-Text'),
    ('@cf/openai/whisper', 'Automatic Speech Recognition'),
    ('@cf/openai/whisper-tiny-en', 'Automatic Speech Recognition'),
    ('@cf/openai/whisper-large-v3-turbo', 'Automatic Speech Recognition'),
    ('@cf/deepgram/nova-3', 'Automatic Speech Recognition'),
    ('@cf/deepgram/flux', 'Automatic Speech Recognition'),
    ('@cf/nvidia/nemotron-speech-streaming-en-0.6b', 'Automatic Speech Recognition'),
    ('@cf/pipecat-ai/smart-turn-v2', 'Voice Activity Detection'),
    ('@cf/meta/m2m100-1.2b', 'Translation'),
    ('@cf/ai4bharat/indictrans2-en-indic-1B', 'Translation'),
    ('@cf/meta/llama-guard-3-8b', 'Text Generation (safety classification result)'),
    ('@cf/cloudflare/clef', 'Text Generation (decision model: {model, answers, usage} result)'),
    ('@cf/cloudflare/clef-flash', 'Text Generation (decision model: {model, answers, usage} result)'),
    ('@cf/cloudflare/clef-omni', 'Text Generation (decision model: {model, answers, usage} result)'),
    ('@cf/swiss-ai/apertus-v1.5-8b', 'Text Generation (input schema not published)'),
    ('@cf/utter-project/eurollm-9b-it', 'Text Generation (input schema not published)'),
    ('@cf/moondream/moondream3.1-9B-A2B', 'Image-to-Text'),
    ('@cf/facebook/detr-resnet-50', 'Object Detection'),
]


def test_models_gives_each_tasks_id_name_and_description(tmp_path):
    listed = {m["name"]: m["task"] for m in asyncio.run(ai_env(tmp_path).AI.models())}
    assert {name: dict(listed[name]) for name in TASKS} == TASKS


def test_a_model_of_another_task_is_refused_with_its_task(tmp_path):
    env = ai_env(tmp_path)
    refusals = []
    for model, task in OTHER_MODELS:
        with pytest.raises(NotEmulatedError) as info:
            run(env, model, {"prompt": "a cat"})
        refusals.append(str(info.value))
    assert refusals == [
        f"workers-env does not emulate {model} ({task}) offline: it emulates the catalog's text embedding models, "
        "@cf/baai/bge-reranker-base and the text generation models that answer in the classic {\"response\"}, the "
        "chat-completions or gpt-oss's form; env.AI.models() lists every one." for model, task in OTHER_MODELS]
