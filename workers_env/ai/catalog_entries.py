"""Cloudflare's catalog entries for the emulated models: ``id``, ``source``, ``description`` and
``properties`` as the model files of cloudflare-docs (``src/content/workers-ai-models/*.json``)
give them, read on 2026-11-30 and checked again on 2026-12-04 (gpt-oss's added then: its files at
0ae61c0b7257 and 2474c4c75653; embeddinggemma's id made that of its newest file, a782d420539d, as a
dump of the live catalog of 2026-05-18 lists it; every other id there is the one here); prices and ``reasoning_effort`` left out: their values are not
strings. Each model retired on 2026-05-30 (``catalog.DEPRECATED_MODELS``) carries
``planned_deprecation_date``, which Cloudflare added to every model of its 2026-05-08 deprecation
notice; the stored files of three of them have it, the others are older versions (README, "Where
we had to choose"); of those retired on 2025-10-01 only ``qwen1.5-7b-chat-awq``'s file has it.
``models()`` returns them, less the retired models (no longer in the live catalog); a model
missing here falls back to a UUID5 of its name."""

from __future__ import annotations

__all__ = ["CATALOG_ENTRIES"]

#: name -> (id, source, description, ((property_id, value), ...))
CATALOG_ENTRIES: dict[str, tuple[str, int, str, tuple[tuple[str, str], ...]]] = {
    '@cf/baai/bge-small-en-v1.5': (
        '57fbd08a-a4c4-411c-910d-b9459ff36c20',
        1,
        (
            'BAAI general embedding (Small) model that transforms any given text into a '
            '384-dimensional vector'
        ),
        (
            ('async_queue', 'true'),
            ('info', 'https://huggingface.co/BAAI/bge-base-en-v1.5'),
            ('max_input_tokens', '512'),
            ('output_dimensions', '384'),
        ),
    ),
    '@cf/baai/bge-base-en-v1.5': (
        '429b9e8b-d99e-44de-91ad-706cf8183658',
        1,
        (
            'BAAI general embedding (Base) model that transforms any given text into a '
            '768-dimensional vector'
        ),
        (
            ('async_queue', 'true'),
            ('info', 'https://huggingface.co/BAAI/bge-base-en-v1.5'),
            ('max_input_tokens', '512'),
            ('output_dimensions', '768'),
        ),
    ),
    '@cf/baai/bge-large-en-v1.5': (
        '01bc2fb0-4bca-4598-b985-d2584a3f46c0',
        1,
        (
            'BAAI general embedding (Large) model that transforms any given text into a '
            '1024-dimensional vector'
        ),
        (
            ('async_queue', 'true'),
            ('info', 'https://huggingface.co/BAAI/bge-large-en-v1.5'),
            ('max_input_tokens', '512'),
            ('output_dimensions', '1024'),
        ),
    ),
    '@cf/baai/bge-m3': (
        'eed32bc1-8775-4985-89ce-dd1405508ad8',
        1,
        'Multi-Functionality, Multi-Linguality, and Multi-Granularity embeddings model.',
        (
            ('context_window', '60000'),
        ),
    ),
    '@cf/google/embeddinggemma-300m': (
        '15631501-2742-4346-a469-22fe202188a2',
        1,
        (
            'EmbeddingGemma is a 300M parameter, state-of-the-art for its size, open embedding '
            'model from Google, built from Gemma 3 (with T5Gemma initialization) and the same '
            'research and technology used to create Gemini models. EmbeddingGemma produces '
            'vector representations of text, making it well-suited for search and retrieval '
            'tasks, including classification, clustering, and semantic similarity search. This '
            'model was trained with data in 100+ spoken languages.'
        ),
        (),
    ),
    '@cf/qwen/qwen3-embedding-0.6b': (
        'cb254e3b-372b-4d4e-8526-ada79940427a',
        1,
        (
            'The Qwen3 Embedding model series is the latest proprietary model of the Qwen '
            'family, specifically designed for text embedding and ranking tasks. '
        ),
        (
            ('context_window', '8192'),
        ),
    ),
    '@cf/pfnet/plamo-embedding-1b': (
        'bc2b61f6-7eb3-4cdf-94f5-ffc128bd6aa4',
        1,
        (
            'PLaMo-Embedding-1B is a Japanese text embedding model developed by Preferred '
            'Networks, Inc.\n\nIt can convert Japanese text input into numerical vectors and can '
            'be used for a wide range of applications, including information retrieval, text '
            'classification, and clustering.'
        ),
        (),
    ),
    '@cf/baai/omni-bge-base-en-v1.5': (
        '09e0e83d-b055-49c9-81a5-c13250a176a7',
        1,
        (
            'BAAI general embedding (Base) model that transforms any given text into a '
            '768-dimensional vector'
        ),
        (
            ('async_queue', 'true'),
            ('info', 'https://huggingface.co/BAAI/bge-base-en-v1.5'),
            ('max_input_tokens', '512'),
            ('output_dimensions', '768'),
        ),
    ),
    '@cf/meta/llama-3.1-8b-instruct': (
        '41975cc2-c82e-4e98-b7b8-88ffb186a545',
        1,
        (
            'The Meta Llama 3.1 collection of multilingual large language models (LLMs) is a '
            'collection of pretrained and instruction tuned generative models. The Llama 3.1 '
            'instruction tuned text only models are optimized for multilingual dialogue use '
            'cases and outperform many of the available open source and closed chat models on '
            'common industry benchmarks.'
        ),
        (
            ('beta', 'true'),
            ('planned_deprecation_date', '2026-05-30'),
            ('terms', 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE'),
        ),
    ),
    '@cf/meta/llama-3.1-8b-instruct-fast': (
        '872d9af1-5ff8-4e84-aed1-ab3caf909436',
        1,
        (
            '[Fast version] The Meta Llama 3.1 collection of multilingual large language models '
            '(LLMs) is a collection of pretrained and instruction tuned generative models. The '
            'Llama 3.1 instruction tuned text only models are optimized for multilingual '
            'dialogue use cases and outperform many of the available open source and closed chat '
            'models on common industry benchmarks.'
        ),
        (
            ('beta', 'true'),
            ('terms', 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE'),
        ),
    ),
    '@cf/meta/llama-3.1-8b-instruct-fp8': (
        '9b9c87c6-d4b7-494c-b177-87feab5904db',
        1,
        'Llama 3.1 8B quantized to FP8 precision',
        (
            ('context_window', '32000'),
            ('terms', 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE'),
        ),
    ),
    '@cf/meta/llama-3.1-8b-instruct-awq': (
        '3dcb4f2d-26a8-412b-b6e3-2a368beff66b',
        1,
        'Quantized (int4) generative text model with 8 billion parameters from Meta.\n',
        (
            ('planned_deprecation_date', '2026-05-30'),
            ('terms', 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE'),
        ),
    ),
    '@cf/meta/llama-3.1-70b-instruct': (
        '03e26c2a-a18e-4daf-8616-da9e121eff3e',
        1,
        (
            'The Meta Llama 3.1 collection of multilingual large language models (LLMs) is a '
            'collection of pretrained and instruction tuned generative models. The Llama 3.1 '
            'instruction tuned text only models are optimized for multilingual dialogue use '
            'cases and outperform many of the available open source and closed chat models on '
            'common industry benchmarks.'
        ),
        (
            ('planned_deprecation_date', '2026-05-30'),
            ('terms', 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE'),
        ),
    ),
    '@cf/meta/llama-3.2-1b-instruct': (
        '906a57fd-b018-4d6c-a43e-a296d4cc5839',
        1,
        (
            'The Llama 3.2 instruction-tuned text only models are optimized for multilingual '
            'dialogue use cases, including agentic retrieval and summarization tasks.'
        ),
        (
            ('terms', 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_2/LICENSE'),
        ),
    ),
    '@cf/meta/llama-3.2-3b-instruct': (
        'd9dc8363-66f4-4bb0-8641-464ee7bfc131',
        1,
        (
            'The Llama 3.2 instruction-tuned text only models are optimized for multilingual '
            'dialogue use cases, including agentic retrieval and summarization tasks.'
        ),
        (
            ('terms', 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_2/LICENSE'),
        ),
    ),
    '@cf/meta/llama-3.2-11b-vision-instruct': (
        '2cbc033b-ded8-4e02-bbb2-47cf05d5cfe5',
        1,
        (
            ' The Llama 3.2-Vision instruction-tuned models are optimized for visual '
            'recognition, image reasoning, captioning, and answering general questions about an '
            'image.'
        ),
        (
            ('lora', 'true'),
            ('terms', 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_2/LICENSE'),
        ),
    ),
    '@cf/meta/llama-3.3-70b-instruct-fp8-fast': (
        '7a143886-c9bb-4a1c-be95-377b1973bc3b',
        1,
        'Llama 3.3 70B quantized to fp8 precision, optimized to be faster.',
        (
            ('async_queue', 'true'),
            ('context_window', '24000'),
            ('function_calling', 'true'),
            ('terms', 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_3/LICENSE'),
        ),
    ),
    '@cf/meta/llama-4-scout-17b-16e-instruct': (
        '06455e78-19f7-487b-93cd-c05a3dd07813',
        1,
        (
            "Meta's Llama 4 Scout is a 17 billion parameter model with 16 experts that is "
            'natively multimodal. These models leverage a mixture-of-experts architecture to '
            'offer industry-leading performance in text and image understanding.'
        ),
        (
            ('context_window', '131000'),
            ('function_calling', 'true'),
            ('terms', 'https://github.com/meta-llama/llama-models/blob/main/models/llama4/LICENSE'),
        ),
    ),
    '@cf/meta/llama-3-8b-instruct': (
        'e11d8f45-7b08-499a-9eeb-71d4d3c8cbf9',
        1,
        (
            'Generation over generation, Meta Llama 3 demonstrates state-of-the-art performance '
            'on a wide range of industry benchmarks and offers new capabilities, including '
            'improved reasoning.'
        ),
        (
            ('info', 'https://llama.meta.com'),
            ('planned_deprecation_date', '2026-05-30'),
            ('terms', 'https://llama.meta.com/llama3/license/#'),
        ),
    ),
    '@cf/meta/llama-3-8b-instruct-awq': (
        '31097538-a3ff-4e6e-bb56-ad0e1f428b61',
        1,
        'Quantized (int4) generative text model with 8 billion parameters from Meta.',
        (
            ('beta', 'true'),
            ('info', 'https://llama.meta.com'),
            ('planned_deprecation_date', '2026-05-30'),
            ('terms', 'https://llama.meta.com/llama3/license/#'),
        ),
    ),
    '@cf/meta/llama-2-7b-chat-int8': (
        '9c95c39d-45b3-4163-9631-22f0c0dc3b14',
        1,
        'Quantized (int8) generative text model with 7 billion parameters from Meta',
        (
            ('context_window', '8192'),
            ('planned_deprecation_date', '2026-05-30'),
        ),
    ),
    '@cf/meta/llama-2-7b-chat-fp16': (
        'ca54bcd6-0d98-4739-9b3b-5c8b4402193d',
        1,
        'Full precision (fp16) generative text model with 7 billion parameters from Meta',
        (
            ('beta', 'false'),
            ('context_window', '4096'),
            ('info', 'https://ai.meta.com/llama/'),
            ('planned_deprecation_date', '2026-05-30'),
            ('terms', 'https://ai.meta.com/resources/models-and-libraries/llama-downloads/'),
        ),
    ),
    '@cf/meta-llama/llama-2-7b-chat-hf-lora': (
        '7ed8d8e8-6040-4680-843a-aef402d6b013',
        1,
        (
            'This is a Llama2 base model that Cloudflare dedicated for inference with LoRA '
            'adapters. Llama 2 is a collection of pretrained and fine-tuned generative text '
            'models ranging in scale from 7 billion to 70 billion parameters. This is the '
            'repository for the 7B fine-tuned model, optimized for dialogue use cases and '
            'converted for the Hugging Face Transformers format. '
        ),
        (
            ('beta', 'true'),
            ('context_window', '8192'),
            ('lora', 'true'),
        ),
    ),
    '@hf/thebloke/llama-2-13b-chat-awq': (
        '85c5a3c6-24b0-45e7-b23a-023182578822',
        2,
        (
            'Llama 2 13B Chat AWQ is an efficient, accurate and blazing-fast low-bit weight '
            'quantized Llama 2 variant.'
        ),
        (
            ('beta', 'true'),
            ('info', 'https://huggingface.co/TheBloke/Llama-2-13B-chat-AWQ'),
        ),
    ),
    '@cf/mistral/mistral-7b-instruct-v0.1': (
        'c907d0f9-d69d-4e93-b501-4daeb4fd69eb',
        1,
        (
            'Instruct fine-tuned version of the Mistral-7b generative text model with 7 billion '
            'parameters'
        ),
        (
            ('beta', 'false'),
            ('info', 'https://mistral.ai/news/announcing-mistral-7b/'),
            ('lora', 'true'),
            ('planned_deprecation_date', '2026-05-30'),
        ),
    ),
    '@cf/mistral/mistral-7b-instruct-v0.2-lora': (
        'c58c317b-0c15-4bda-abb6-93e275f282d9',
        1,
        (
            'The Mistral-7B-Instruct-v0.2 Large Language Model (LLM) is an instruct fine-tuned '
            'version of the Mistral-7B-v0.2.'
        ),
        (
            ('context_window', '15000'),
            ('lora', 'true'),
        ),
    ),
    '@hf/mistral/mistral-7b-instruct-v0.2': (
        'b97d7069-48d9-461c-80dd-445d20a632eb',
        2,
        (
            'The Mistral-7B-Instruct-v0.2 Large Language Model (LLM) is an instruct fine-tuned '
            'version of the Mistral-7B-v0.2. Mistral-7B-v0.2 has the following changes compared '
            'to Mistral-7B-v0.1: 32k context window (vs 8k context in v0.1), rope-theta = 1e6, '
            'and no Sliding-Window Attention.'
        ),
        (
            ('beta', 'true'),
            ('context_window', '3072'),
            ('info', 'https://huggingface.co/mistralai/Mistral-7B-Instruct-v0.2'),
            ('lora', 'true'),
            ('max_batch_prefill_tokens', '8192'),
            ('max_input_length', '3072'),
            ('max_total_tokens', '4096'),
            ('planned_deprecation_date', '2026-05-30'),
        ),
    ),
    '@hf/thebloke/mistral-7b-instruct-v0.1-awq': (
        '980ec5e9-33c2-483a-a2d8-cd092fdf273f',
        2,
        (
            'Mistral 7B Instruct v0.1 AWQ is an efficient, accurate and blazing-fast low-bit '
            'weight quantized Mistral variant.'
        ),
        (
            ('beta', 'true'),
            ('context_window', '4096'),
            ('info', 'https://huggingface.co/TheBloke/Mistral-7B-Instruct-v0.1-AWQ'),
        ),
    ),
    '@cf/mistralai/mistral-small-3.1-24b-instruct': (
        '31690291-ebdc-4f98-bcfc-a44844e215b7',
        1,
        (
            'Building upon Mistral Small 3 (2501), Mistral Small 3.1 (2503) adds '
            'state-of-the-art vision understanding and enhances long context capabilities up to '
            '128k tokens without compromising text performance. With 24 billion parameters, this '
            'model achieves top-tier capabilities in both text and vision tasks.'
        ),
        (
            ('context_window', '128000'),
            ('lora', 'true'),
        ),
    ),
    '@hf/thebloke/zephyr-7b-beta-awq': (
        '3976bab8-3810-4ad8-8580-ab1e22de7823',
        2,
        (
            'Zephyr 7B Beta AWQ is an efficient, accurate and blazing-fast low-bit weight '
            'quantized Zephyr model variant.'
        ),
        (
            ('beta', 'true'),
            ('info', 'https://huggingface.co/TheBloke/zephyr-7B-beta-AWQ'),
        ),
    ),
    '@hf/thebloke/openhermes-2.5-mistral-7b-awq': (
        '673c56cc-8553-49a1-b179-dd549ec9209a',
        2,
        (
            'OpenHermes 2.5 Mistral 7B is a state of the art Mistral Fine-tune, a continuation '
            'of OpenHermes 2 model, which trained on additional code datasets.'
        ),
        (
            ('beta', 'true'),
            ('context_window', '4096'),
        ),
    ),
    '@hf/thebloke/neural-chat-7b-v3-1-awq': (
        'd2ba5c6b-bbb7-49d6-b466-900654870cd6',
        2,
        (
            'This model is a fine-tuned 7B parameter LLM on the Intel Gaudi 2 processor from the '
            'mistralai/Mistral-7B-v0.1 on the open source dataset Open-Orca/SlimOrca.'
        ),
        (
            ('beta', 'true'),
            ('context_window', '4096'),
        ),
    ),
    '@hf/thebloke/deepseek-coder-6.7b-base-awq': (
        '7f180530-2e16-4116-9d26-f49fbed9d372',
        2,
        (
            'Deepseek Coder is composed of a series of code language models, each trained from '
            'scratch on 2T tokens, with a composition of 87% code and 13% natural language in '
            'both English and Chinese.'
        ),
        (
            ('beta', 'true'),
            ('terms', 'https://huggingface.co/TheBloke/deepseek-coder-6.7B-base-AWQ'),
        ),
    ),
    '@hf/thebloke/deepseek-coder-6.7b-instruct-awq': (
        '60474554-f03b-4ff4-8ecc-c1b7c71d7b29',
        2,
        (
            'Deepseek Coder is composed of a series of code language models, each trained from '
            'scratch on 2T tokens, with a composition of 87% code and 13% natural language in '
            'both English and Chinese.'
        ),
        (
            ('beta', 'true'),
            ('context_window', '4096'),
            ('terms', 'https://huggingface.co/TheBloke/deepseek-coder-6.7B-instruct-AWQ'),
        ),
    ),
    '@cf/deepseek-ai/deepseek-math-7b-instruct': (
        '4c3a544e-da47-4336-9cea-c7cbfab33f16',
        1,
        (
            'DeepSeekMath-Instruct 7B is a mathematically instructed tuning model derived from '
            'DeepSeekMath-Base 7B. DeepSeekMath is initialized with DeepSeek-Coder-v1.5 7B and '
            'continues pre-training on math-related tokens sourced from Common Crawl, together '
            'with natural language and code data for 500B tokens.'
        ),
        (
            ('beta', 'true'),
            ('info', 'https://huggingface.co/deepseek-ai/deepseek-math-7b-instruct'),
            ('terms', 'https://github.com/deepseek-ai/DeepSeek-Math/blob/main/LICENSE-MODEL'),
        ),
    ),
    '@cf/deepseek-ai/deepseek-r1-distill-qwen-32b': (
        'ad01ab83-baf8-4e7b-8fed-a0a219d4eb45',
        1,
        (
            'DeepSeek-R1-Distill-Qwen-32B is a model distilled from DeepSeek-R1 based on '
            'Qwen2.5. It outperforms OpenAI-o1-mini across various benchmarks, achieving new '
            'state-of-the-art results for dense models.'
        ),
        (
            ('context_window', '80000'),
            ('reasoning', 'true'),
            ('terms', 'https://github.com/deepseek-ai/DeepSeek-R1/blob/main/LICENSE'),
        ),
    ),
    '@cf/defog/sqlcoder-7b-2': (
        '1dc9e589-df6b-4e66-ac9f-ceff42d64983',
        1,
        (
            'This model is intended to be used by non-technical users to understand data inside '
            'their SQL databases. '
        ),
        (
            ('beta', 'true'),
            ('context_window', '10000'),
            ('info', 'https://huggingface.co/defog/sqlcoder-7b-2'),
            ('planned_deprecation_date', '2026-05-30'),
            ('terms', 'https://creativecommons.org/licenses/by-sa/4.0/deed.en'),
        ),
    ),
    '@cf/openchat/openchat-3.5-0106': (
        '081054cd-a254-4349-855e-6dc0996277fa',
        1,
        (
            'OpenChat is an innovative library of open-source language models, fine-tuned with '
            'C-RLFT - a strategy inspired by offline reinforcement learning.'
        ),
        (
            ('beta', 'true'),
            ('context_window', '8192'),
            ('info', 'https://huggingface.co/openchat/openchat-3.5-0106'),
        ),
    ),
    '@cf/tiiuae/falcon-7b-instruct': (
        '48dd2443-0c61-43b2-8894-22abddf1b081',
        1,
        (
            'Falcon-7B-Instruct is a 7B parameters causal decoder-only model built by TII based '
            'on Falcon-7B and finetuned on a mixture of chat/instruct datasets.'
        ),
        (
            ('beta', 'true'),
            ('info', 'https://huggingface.co/tiiuae/falcon-7b-instruct'),
        ),
    ),
    '@cf/thebloke/discolm-german-7b-v1-awq': (
        '9d2ab560-065e-4d0d-a789-d4bc7468d33e',
        1,
        (
            'DiscoLM German 7b is a Mistral-based large language model with a focus on '
            'German-language applications. AWQ is an efficient, accurate and blazing-fast '
            'low-bit weight quantization method, currently supporting 4-bit quantization.'
        ),
        (
            ('beta', 'true'),
            ('context_window', '4096'),
            ('info', 'https://huggingface.co/TheBloke/DiscoLM_German_7b_v1-AWQ'),
        ),
    ),
    '@cf/qwen/qwen1.5-0.5b-chat': (
        'f8703a00-ed54-4f98-bdc3-cd9a813286f3',
        1,
        (
            'Qwen1.5 is the improved version of Qwen, the large language model series developed '
            'by Alibaba Cloud.'
        ),
        (
            ('beta', 'true'),
            ('info', 'https://huggingface.co/qwen/qwen1.5-0.5b-chat'),
        ),
    ),
    '@cf/qwen/qwen1.5-1.8b-chat': (
        '3222ddb3-e211-4fd9-9a6d-79a80e47b3a6',
        1,
        (
            'Qwen1.5 is the improved version of Qwen, the large language model series developed '
            'by Alibaba Cloud.'
        ),
        (
            ('beta', 'true'),
            ('info', 'https://huggingface.co/qwen/qwen1.5-1.8b-chat'),
        ),
    ),
    '@cf/qwen/qwen1.5-7b-chat-awq': (
        '90a20ae7-7cf4-4eb3-8672-8fc4ee580635',
        1,
        (
            'Qwen1.5 is the improved version of Qwen, the large language model series developed '
            'by Alibaba Cloud. AWQ is an efficient, accurate and blazing-fast low-bit weight '
            'quantization method, currently supporting 4-bit quantization.'
        ),
        (
            ('beta', 'true'),
            ('context_window', '20000'),
            ('info', 'https://huggingface.co/qwen/qwen1.5-7b-chat-awq'),
            ('planned_deprecation_date', '2025-10-01'),
        ),
    ),
    '@cf/qwen/qwen1.5-14b-chat-awq': (
        '09d113a9-03c4-420e-b6f2-52ad4b3bed45',
        1,
        (
            'Qwen1.5 is the improved version of Qwen, the large language model series developed '
            'by Alibaba Cloud. AWQ is an efficient, accurate and blazing-fast low-bit weight '
            'quantization method, currently supporting 4-bit quantization.'
        ),
        (
            ('beta', 'true'),
            ('context_window', '7500'),
            ('info', 'https://huggingface.co/qwen/qwen1.5-14b-chat-awq'),
        ),
    ),
    '@cf/qwen/qwen2.5-coder-32b-instruct': (
        '51b71d5b-8bc0-4489-a107-95e542b69914',
        1,
        (
            'Qwen2.5-Coder is the latest series of Code-Specific Qwen large language models '
            '(formerly known as CodeQwen). As of now, Qwen2.5-Coder has covered six mainstream '
            'model sizes, 0.5, 1.5, 3, 7, 14, 32 billion parameters, to meet the needs of '
            'different developers. Qwen2.5-Coder brings the following improvements upon '
            'CodeQwen1.5:'
        ),
        (
            ('context_window', '32768'),
            ('lora', 'true'),
        ),
    ),
    '@cf/qwen/qwq-32b': (
        '02c16efa-29f5-4304-8e6c-3d188889f875',
        1,
        (
            'QwQ is the reasoning model of the Qwen series. Compared with conventional '
            'instruction-tuned models, QwQ, which is capable of thinking and reasoning, can '
            'achieve significantly enhanced performance in downstream tasks, especially hard '
            'problems. QwQ-32B is the medium-sized reasoning model, which is capable of '
            'achieving competitive performance against state-of-the-art reasoning models, e.g., '
            'DeepSeek-R1, o1-mini.'
        ),
        (
            ('context_window', '24000'),
            ('lora', 'true'),
        ),
    ),
    '@cf/tinyllama/tinyllama-1.1b-chat-v1.0': (
        'bf6ddd21-6477-4681-bbbe-24c3d5423e78',
        1,
        (
            'The TinyLlama project aims to pretrain a 1.1B Llama model on 3 trillion tokens. '
            'This is the chat model finetuned on top of '
            'TinyLlama/TinyLlama-1.1B-intermediate-step-1431k-3T.'
        ),
        (
            ('beta', 'true'),
            ('info', 'https://huggingface.co/TinyLlama/TinyLlama-1.1B-Chat-v1.0'),
        ),
    ),
    '@cf/microsoft/phi-2': (
        '1d933df3-680f-4280-940d-da87435edb07',
        1,
        (
            'Phi-2 is a Transformer-based model with a next-word prediction objective, trained '
            'on 1.4T tokens from multiple passes on a mixture of Synthetic and Web datasets for '
            'NLP and coding.'
        ),
        (
            ('beta', 'true'),
            ('info', 'https://huggingface.co/microsoft/phi-2'),
            ('planned_deprecation_date', '2026-05-30'),
        ),
    ),
    '@hf/nousresearch/hermes-2-pro-mistral-7b': (
        '44774b85-08c8-4bb8-8d2a-b06ebc538a79',
        2,
        (
            'Hermes 2 Pro on Mistral 7B is the new flagship 7B Hermes! Hermes 2 Pro is an '
            'upgraded, retrained version of Nous Hermes 2, consisting of an updated and cleaned '
            'version of the OpenHermes 2.5 Dataset, as well as a newly introduced Function '
            'Calling and JSON Mode dataset developed in-house.'
        ),
        (
            ('beta', 'true'),
            ('context_window', '24000'),
            ('function_calling', 'true'),
            ('info', 'https://huggingface.co/NousResearch/Hermes-2-Pro-Mistral-7B'),
            ('planned_deprecation_date', '2026-05-30'),
        ),
    ),
    '@hf/nexusflow/starling-lm-7b-beta': (
        'e5ca943b-720f-4e66-aa8f-40e3d2770933',
        2,
        (
            'We introduce Starling-LM-7B-beta, an open large language model (LLM) trained by '
            'Reinforcement Learning from AI Feedback (RLAIF). Starling-LM-7B-beta is trained '
            'from Openchat-3.5-0106 with our new reward model Nexusflow/Starling-RM-34B and '
            'policy optimization method Fine-Tuning Language Models from Human Preferences (PPO).'
        ),
        (
            ('beta', 'true'),
            ('context_window', '4096'),
            ('info', 'https://huggingface.co/Nexusflow/Starling-LM-7B-beta'),
            ('max_batch_prefill_tokens', '8192'),
            ('max_input_length', '3072'),
            ('max_total_tokens', '4096'),
        ),
    ),
    '@hf/google/gemma-7b-it': (
        '0f002249-7d86-4698-aabf-8529ed86cefb',
        2,
        (
            'Gemma is a family of lightweight, state-of-the-art open models from Google, built '
            'from the same research and technology used to create the Gemini models. They are '
            'text-to-text, decoder-only large language models, available in English, with open '
            'weights, pre-trained variants, and instruction-tuned variants.'
        ),
        (
            ('beta', 'true'),
            ('context_window', '8192'),
            ('info', 'https://ai.google.dev/gemma/docs'),
            ('lora', 'true'),
            ('planned_deprecation_date', '2026-05-30'),
            ('terms', 'https://ai.google.dev/gemma/terms'),
        ),
    ),
    '@cf/google/gemma-2b-it-lora': (
        'e8e8abe4-a372-4c13-815f-4688ba655c8e',
        1,
        (
            'This is a Gemma-2B base model that Cloudflare dedicates for inference with LoRA '
            'adapters. Gemma is a family of lightweight, state-of-the-art open models from '
            'Google, built from the same research and technology used to create the Gemini '
            'models.'
        ),
        (
            ('beta', 'true'),
            ('context_window', '8192'),
            ('lora', 'true'),
        ),
    ),
    '@cf/google/gemma-7b-it-lora': (
        '337170b7-bd2f-4631-9a57-688b579cf6d3',
        1,
        (
            '  This is a Gemma-7B base model that Cloudflare dedicates for inference with LoRA '
            'adapters. Gemma is a family of lightweight, state-of-the-art open models from '
            'Google, built from the same research and technology used to create the Gemini '
            'models.'
        ),
        (
            ('beta', 'true'),
            ('lora', 'true'),
        ),
    ),
    '@cf/google/gemma-3-12b-it': (
        '053d5ac0-861b-4d3b-8501-e58d00417ef8',
        1,
        (
            'Gemma 3 models are well-suited for a variety of text generation and image '
            'understanding tasks, including question answering, summarization, and reasoning. '
            'Gemma 3 models are multimodal, handling text and image input and generating text '
            'output, with a large, 128K context window, multilingual support in over 140 '
            'languages, and is available in more sizes than previous versions.'
        ),
        (
            ('context_window', '80000'),
            ('lora', 'true'),
            ('planned_deprecation_date', '2026-05-30'),
        ),
    ),
    '@cf/fblgit/una-cybertron-7b-v2-bf16': (
        'b7fe7ad2-aeaf-47d2-8bfa-7a5ae22a2ab4',
        1,
        (
            "Cybertron 7B v2 is a 7B MistralAI based model, best on it's series. It was trained "
            'with SFT, DPO and UNA (Unified Neural Alignment) on multiple datasets.'
        ),
        (
            ('beta', 'true'),
        ),
    ),
    '@hf/meta-llama/meta-llama-3-8b-instruct': (
        '1a7b6ad6-9987-4bd3-a329-20ee8de93296',
        2,
        (
            'Generation over generation, Meta Llama 3 demonstrates state-of-the-art performance '
            'on a wide range of industry benchmarks and offers new capabilities, including '
            'improved reasoning.\t'
        ),
        (
            ('planned_deprecation_date', '2026-05-30'),
        ),
    ),
    '@hf/thebloke/llamaguard-7b-awq': (
        'd9b7a55c-cefa-4208-8ab3-11497a2b046c',
        2,
        (
            'Llama Guard is a model for classifying the safety of LLM prompts and responses, '
            'using a taxonomy of safety risks.\n'
        ),
        (
            ('beta', 'true'),
            ('context_window', '4096'),
        ),
    ),
    '@cf/qwen/qwen3-30b-a3b-fp8': (
        '4090e54c-eee4-4221-b410-10c1c0f92f17',
        1,
        (
            'Qwen3 is the latest generation of large language models in Qwen series, offering a '
            'comprehensive suite of dense and mixture-of-experts (MoE) models. Built upon '
            'extensive training, Qwen3 delivers groundbreaking advancements in reasoning, '
            'instruction-following, agent capabilities, and multilingual support.'
        ),
        (
            ('async_queue', 'true'),
            ('context_window', '32768'),
            ('function_calling', 'true'),
            ('reasoning', 'true'),
        ),
    ),
    '@cf/aisingapore/gemma-sea-lion-v4-27b-it': (
        '41ca173f-72d5-4420-8915-49e835d2676e',
        1,
        (
            'SEA-LION stands for Southeast Asian Languages In One Network, which is a collection '
            'of Large Language Models (LLMs) which have been pretrained and instruct-tuned for '
            'the Southeast Asia (SEA) region.'
        ),
        (
            ('context_window', '128000'),
        ),
    ),
    '@cf/zai-org/glm-4.7-flash': (
        '86b3e51a-4b05-43fa-a403-0f27821919d2',
        1,
        (
            'GLM-4.7-Flash is a fast and efficient multilingual text generation model with a '
            '131,072 token context window. Optimized for dialogue, instruction-following, and '
            'multi-turn tool calling across 100+ languages.'
        ),
        (
            ('context_window', '131072'),
            ('function_calling', 'true'),
            ('reasoning', 'true'),
        ),
    ),
    '@cf/moonshotai/kimi-k2.5': (
        'd7948af7-749a-4fa3-8480-2a9f4215f427',
        1,
        (
            'Kimi K2.5 is a frontier-scale open-source model with a 256k context window, '
            'multi-turn tool calling, vision inputs, and structured outputs for agentic '
            'workloads.'
        ),
        (
            ('async_queue', 'false'),
            ('context_window', '256000'),
            ('function_calling', 'true'),
            ('planned_deprecation_date', '2026-05-30'),
            ('reasoning', 'true'),
            ('terms', 'https://github.com/MoonshotAI/Kimi-K2.5/blob/master/LICENSE'),
            ('vision', 'true'),
        ),
    ),
    '@cf/moonshotai/kimi-k2.6': (
        '8a5d00bd-de28-4a28-b37a-ce46d01ebaeb',
        1,
        (
            'Kimi K2.6 is a frontier-scale open-source 1T parameter model with a 262.1k context '
            'window, multi-turn tool calling, vision inputs, and structured outputs for agentic '
            'workloads.'
        ),
        (
            ('async_queue', 'true'),
            ('require_workers_paid', 'true'),
            ('context_window', '262144'),
            ('function_calling', 'true'),
            ('reasoning', 'true'),
            ('terms', 'https://huggingface.co/moonshotai/Kimi-K2.6/blob/main/LICENSE'),
            ('vision', 'true'),
        ),
    ),
    '@cf/moonshotai/kimi-k2.7-code': (
        'c29c7295-ff20-4b9b-bdcc-25136c19b21d',
        1,
        (
            'Kimi K2.7 is a frontier-scale open-source 1T parameter model with a 262.1k context '
            'window, multi-turn tool calling, vision inputs, and structured outputs for agentic '
            'workloads.'
        ),
        (
            ('require_workers_paid', 'true'),
            ('context_window', '262144'),
            ('function_calling', 'true'),
            ('reasoning', 'true'),
            ('terms', 'https://huggingface.co/moonshotai/Kimi-K2.7-Code/blob/main/LICENSE'),
            ('vision', 'true'),
        ),
    ),
    '@cf/ibm-granite/granite-4.0-h-micro': (
        '7952d0cc-cb00-4e10-be02-667565c2ee0f',
        1,
        (
            'Granite 4.0 instruct models deliver strong performance across benchmarks, achieving '
            'industry-leading results in key agentic tasks like instruction following and '
            'function calling. These efficiencies make the models well-suited for a wide range '
            'of use cases like retrieval-augmented generation (RAG), multi-agent workflows, and '
            'edge deployments.'
        ),
        (
            ('context_window', '131000'),
        ),
    ),
    '@cf/deepseek-ai/deepseek-v4-flash-0731': (
        '7276b330-b4ae-4662-81d1-3a8bea8368f8',
        1,
        (
            'DeepSeek-V4-Flash-0731 is the official release of DeepSeek-V4-Flash, superseding '
            'the preview version, with substantially enhanced agentic capabilities. '
        ),
        (
            ('async_queue', 'true'),
            ('require_workers_paid', 'true'),
            ('context_window', '1048576'),
            ('function_calling', 'true'),
            ('reasoning', 'true'),
        ),
    ),
    '@cf/deepseek-ai/deepseek-v4-pro-0813': (
        '2d50837b-2dc7-4994-a690-a38e25c16d74',
        1,
        (
            'DeepSeek V4 Pro is a high-capability reasoning model from DeepSeek with a one '
            'million token context window, built for long-horizon agentic workflows and complex, '
            'multi-step problem-solving'
        ),
        (
            ('require_workers_paid', 'true'),
            ('context_window', '1048576'),
            ('function_calling', 'true'),
            ('reasoning', 'true'),
        ),
    ),
    '@cf/zai-org/glm-5.2': (
        '4edc7dfe-de78-4156-890c-85b79227694e',
        1,
        "Z.ai's flagship agentic coding model",
        (
            ('require_workers_paid', 'true'),
            ('context_window', '262144'),
            ('function_calling', 'true'),
            ('reasoning', 'true'),
        ),
    ),
    '@cf/zai-org/glm-5.3': (
        'c05fea67-c5a9-49ca-a7ab-446a0d62cb7a',
        1,
        (
            "GLM-5.3 is Z.ai's flagship agentic coding model, pairing a 1M-token context window "
            'with reasoning, function calling, and structured outputs to power multi-step, '
            'tool-driven development workflows.'
        ),
        (
            ('require_workers_paid', 'true'),
            ('context_window', '1310720'),
            ('function_calling', 'true'),
            ('reasoning', 'true'),
        ),
    ),
    '@cf/zai-org/glm-5.3-flash': (
        '95666467-f984-4211-b48a-7c246dd4adb7',
        1,
        (
            'The first natively multimodal model in the GLM-5 series. With 320B total parameters '
            'and just 18B active parameters, it outperforms GLM-5.2 across benchmarks and '
            'real-world workloads at one-tenth the price, while approaching Claude Opus 4.8 on '
            'coding and agentic benchmarks.'
        ),
        (
            ('require_workers_paid', 'true'),
            ('context_window', '1310720'),
            ('function_calling', 'true'),
            ('reasoning', 'true'),
            ('terms', 'https://huggingface.co/zai-org/GLM-5.3-Flash/blob/main/LICENSE'),
            ('vision', 'true'),
        ),
    ),
    '@cf/qwen/qwen3.8-27b': (
        '22338608-b54d-4f04-884e-ab06f3dbbf3e',
        1,
        (
            'Qwen 3.8 27B is a 27-billion-parameter instruction-tuned language model from '
            "Alibaba's Qwen family, designed for vision, efficient general-purpose text "
            'generation and agentic workloads.'
        ),
        (
            ('async_queue', 'true'),
            ('context_window', '262144'),
            ('function_calling', 'true'),
            ('reasoning', 'true'),
            ('vision', 'true'),
        ),
    ),
    '@cf/nvidia/nemotron-3-120b-a12b': (
        '43dbadb4-2b0a-47e9-8479-34a49b971f1e',
        1,
        (
            'NVIDIA Nemotron 3 Super is a hybrid MoE model with leading accuracy for multi-agent '
            'applications and specialized agentic AI systems.'
        ),
        (
            ('context_window', '256000'),
            ('function_calling', 'true'),
            ('reasoning', 'true'),
            ('terms', 'https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-nemotron-open-model-license/'),
        ),
    ),
    '@cf/google/gemma-4-26b-a4b-it': (
        '328adb49-4a7d-43e3-a2d5-802ae8100fe7',
        1,
        (
            "Gemma 4 is Google's most intelligent family of open models, built from Gemini 3 "
            'research to maximize intelligence-per-parameter.'
        ),
        (
            ('async_queue', 'true'),
            ('context_window', '256000'),
            ('function_calling', 'true'),
            ('reasoning', 'true'),
            ('terms', 'https://ai.google.dev/gemma/docs/gemma_4_license'),
            ('vision', 'true'),
        ),
    ),
    '@cf/openai/gpt-oss-120b': (
        'f9f2250b-1048-4a52-9910-d0bf976616a1',
        1,
        (
            'OpenAI’s open-weight models designed for powerful reasoning, agentic tasks, and '
            'versatile developer use cases – gpt-oss-120b is for production, general purpose, high '
            'reasoning use-cases.'
        ),
        (
            ('async_queue', 'true'),
            ('context_window', '128000'),
            ('function_calling', 'true'),
            ('reasoning', 'true'),
        ),
    ),
    '@cf/openai/gpt-oss-20b': (
        '188a4e1e-253e-46d0-9616-0bf8c149763f',
        1,
        (
            "OpenAI's open-weight models designed for powerful reasoning, agentic tasks, and "
            'versatile developer use cases – gpt-oss-20b is for lower latency, and local or '
            'specialized use-cases.'
        ),
        (
            ('context_window', '128000'),
            ('function_calling', 'true'),
            ('reasoning', 'true'),
        ),
    ),
    '@cf/baai/bge-reranker-base': (
        '145337e7-cec3-4ebb-8e78-16ddfc75e580',
        1,
        (
            'Different from embedding model, reranker uses question and document as input and '
            'directly output similarity instead of embedding. You can get a relevance score by '
            'inputting query and passage to the reranker. And the score can be mapped to a float '
            'value in [0,1] by sigmoid function.\n\n'
        ),
        (),
    ),
}
